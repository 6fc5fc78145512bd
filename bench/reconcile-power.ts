/**
 * Detection power and false-alarm rate of the measurement test (issue 5): random plant-like
 * networks with known true flows, Gaussian noise, and one gross error of 5σ–10σ injected into a
 * random redundant, measured stream; ≥ 1 000 trials, plus as many trials without a gross error.
 * Reports, at α = 0.05 with the Šidák-corrected critical value:
 *   power        P(|z| of the faulty stream > critical)
 *   identified   P(the largest |z| is the faulty stream and exceeds critical)
 *   serial top   P(serial elimination names the faulty stream first)
 *   false alarm  per stream: P(|z| > critical) for fault-free streams; per trial (family-wise):
 *                P(any |z| > critical) in trials without a gross error — Šidák bounds it by α.
 * Usage: node --import tsx bench/reconcile-power.ts [trials] [streams]
 */
import { reconcileAndTest, serialElimination, FlowStatus } from '../src/index.ts';
import { measure, mulberry32, plantNetwork } from './reconcile-network.ts';

const trials = Number(process.argv[2] ?? 1000);
const streams = Number(process.argv[3] ?? 40);
const alpha = 0.05;
const rand = mulberry32(5);

const bands = [
  [5, 6],
  [6, 8],
  [8, 10],
];
const stats = bands.map(() => ({ n: 0, power: 0, identified: 0, serialTop: 0 }));
let okStreams = 0;
let okAlarms = 0;
let cleanTrials = 0;
let cleanAlarms = 0;
let cleanGlobal = 0;
let globalDetect = 0;
// Power by the faulty stream's redundancy ρ = σ(adjustment)/σ = √(1 − σ̂²/σ²): E|z| ≈ δ·ρ/σ.
const byRho = [
  { lo: 0, hi: 0.5, n: 0, power: 0 },
  { lo: 0.5, hi: 0.8, n: 0, power: 0 },
  { lo: 0.8, hi: 1.01, n: 0, power: 0 },
];
const t0 = performance.now();
for (let t = 0; t < trials; t++) {
  const net = plantNetwork(streams, rand);
  const { measured, sd } = measure(net, rand, 0.02, 0.1);
  const problem = { network: net, measured, sd };
  // A trial without gross error: family-wise false alarms and the global test's size.
  const clean = reconcileAndTest(problem, { alpha, unmeasuredSd: false });
  cleanTrials++;
  if (clean.measurementFailures.length > 0) cleanAlarms++;
  if (!clean.pass) cleanGlobal++;
  // Inject one gross error into a redundant measured stream.
  const candidates: number[] = [];
  for (const [j, s] of clean.status.entries()) if (s === FlowStatus.redundant) candidates.push(j);
  if (candidates.length === 0) continue;
  const k = candidates[Math.floor(rand() * candidates.length)]!;
  const size = 5 + 5 * rand();
  const sign = rand() < 0.5 ? -1 : 1;
  const faulty = Float64Array.from(measured);
  faulty[k]! += sign * size * sd[k]!;
  const res = reconcileAndTest({ ...problem, measured: faulty }, { alpha, unmeasuredSd: false });
  const band = bands.findIndex(([lo, hi]) => size >= lo! && size < hi!);
  const st = stats[band === -1 ? bands.length - 1 : band]!;
  st.n++;
  if (!res.pass) globalDetect++;
  if (Math.abs(res.z[k]!) > res.measurementCritical) st.power++;
  const rho = Math.sqrt(Math.max(0, 1 - (clean.reconciledSd[k]! / sd[k]!) ** 2));
  const rb = byRho.find((b) => rho >= b.lo && rho < b.hi)!;
  rb.n++;
  if (Math.abs(res.z[k]!) > res.measurementCritical) rb.power++;
  let worst = -1;
  res.z.forEach((z, j) => {
    if (!Number.isNaN(z) && (worst === -1 || Math.abs(z) > Math.abs(res.z[worst]!))) worst = j;
  });
  if (worst === k && Math.abs(res.z[k]!) > res.measurementCritical) st.identified++;
  res.z.forEach((z, j) => {
    if (j === k || Number.isNaN(z)) return;
    okStreams++;
    if (Math.abs(z) > res.measurementCritical) okAlarms++;
  });
  const elim = serialElimination({ ...problem, measured: faulty }, { alpha, unmeasuredSd: false, maxSteps: 3 });
  if (elim.steps[0]?.kind === 'meter' && elim.steps[0].flow === k) st.serialTop++;
}
const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)} %`;
console.log(
  `measurement test, α = ${alpha} (Šidák), ${trials} trials of ~${streams}-stream plant-like networks, σ = 2 % of flow, ~10 % unmeasured`,
);
console.log('gross error | trials | power | identified (max |z|) | serial elimination names it first');
bands.forEach(([lo, hi], i) => {
  const s = stats[i]!;
  console.log(`${lo}σ–${hi}σ | ${s.n} | ${pct(s.power, s.n)} | ${pct(s.identified, s.n)} | ${pct(s.serialTop, s.n)}`);
});
const all = stats.reduce(
  (a, s) => ({
    n: a.n + s.n,
    power: a.power + s.power,
    identified: a.identified + s.identified,
    serialTop: a.serialTop + s.serialTop,
  }),
  { n: 0, power: 0, identified: 0, serialTop: 0 },
);
console.log(
  `5σ–10σ | ${all.n} | ${pct(all.power, all.n)} | ${pct(all.identified, all.n)} | ${pct(all.serialTop, all.n)}`,
);
for (const b of byRho)
  console.log(
    `  power when the faulty stream's redundancy ρ ∈ [${b.lo}, ${Math.min(1, b.hi)}): ${pct(b.power, b.n)} of ${b.n}`,
  );
console.log(`global test detects the gross error: ${pct(globalDetect, all.n)}`);
console.log(
  `false alarms, per fault-free stream (with a gross error elsewhere): ${pct(okAlarms, okStreams)} of ${okStreams}`,
);
console.log(
  `false alarms, per trial without gross error (family-wise, Šidák target ≤ ${alpha * 100} %): ${pct(cleanAlarms, cleanTrials)} of ${cleanTrials}`,
);
console.log(
  `global test rejects without gross error (size, target ${alpha * 100} %): ${pct(cleanGlobal, cleanTrials)}`,
);
console.log(`time ${(performance.now() - t0).toFixed(0)} ms`);
