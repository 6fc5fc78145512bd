/**
 * Reconciliation at scale (npm run bench:reconcile): random plant-like networks of 1 000, 10 000 and
 * 100 000 streams (2–6 streams per node, ~10 % unmeasured, recycle loops), timing reconciliation +
 * classification + global, measurement and nodal tests; then the same reduced system A V Aᵀ λ = r
 * solved by scipy.sparse.linalg.spsolve (SuperLU) in the same run, for the ratio.
 * Goals (issue 5): 10k ≤ 1 s, 100k ≤ 15 s and ≤ 1 GB RSS, ≤ 2× scipy.
 * Usage: node --import tsx bench/reconcile-scale.ts [sizes…]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { factorSpd, type CscMatrix } from '../src/linalg/index.ts';
import { reconcileAndTest } from '../src/reconcile/gross-errors.ts';
import { measure, mulberry32, plantNetwork, randomLinkNetwork } from './reconcile-network.ts';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'out');
mkdirSync(out, { recursive: true });
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const runs = sizes.length ? sizes : [1000, 10000, 100000];

function peakRssMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : process.memoryUsage().rss / 2 ** 20;
}

/** Best of `reps` wall times (ms). */
function time<T>(reps: number, f: () => T): { ms: number; value: T } {
  let best = Infinity;
  let value!: T;
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    value = f();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, value };
}

function writeSystem(file: string, s: CscMatrix, r: Float64Array): void {
  const header = Buffer.alloc(8);
  header.writeInt32LE(s.cols, 0);
  header.writeInt32LE(s.colPtr[s.cols]!, 4);
  writeFileSync(
    file,
    Buffer.concat([
      header,
      Buffer.from(s.colPtr.buffer),
      Buffer.from(s.rowIndex.buffer),
      Buffer.from(s.values.buffer),
      Buffer.from(r.buffer),
    ]),
  );
}

const rows: string[] = [];
console.log(
  'streams  nodes  rows  unmeasured  tests ms  tests+σ(unmeasured) ms  solve ms  scipy ms  solve/scipy  tests/scipy  peak RSS MB  |Sλ−r|/|r|',
);
for (const streams of runs) {
  const rand = mulberry32(20261121 + streams);
  const net = plantNetwork(streams, rand);
  const { measured, sd } = measure(net, rand);
  const problem = { network: net, measured, sd };
  // Small systems take well under a millisecond: more repetitions, so "best of" is not one cold run.
  const reps = streams >= 100000 ? 5 : streams >= 10000 ? 9 : 101;
  let system: { s: CscMatrix; r: Float64Array } | undefined;
  reconcileAndTest(problem, { unmeasuredSd: false, captureSystem: (s, r) => (system = { s, r }) });
  // Warm both paths up (JIT tiers) before timing: at least 3 rounds and at least 0.5 s.
  const warmStart = performance.now();
  for (let k = 0; k < 3 || performance.now() - warmStart < 500; k++) {
    reconcileAndTest(problem, { unmeasuredSd: false });
    reconcileAndTest(problem, { unmeasuredSd: true });
  }
  const core = time(reps, () => reconcileAndTest(problem, { unmeasuredSd: false }));
  const full = time(reps, () => reconcileAndTest(problem, { unmeasuredSd: true }));
  const { s, r } = system!;
  const solve = time(reps, () => factorSpd(s).solve(r));
  // verify the solve: relative residual of S λ = r
  const lam = solve.value;
  const y = new Float64Array(s.cols);
  for (let j = 0; j < s.cols; j++)
    for (let p = s.colPtr[j]!; p < s.colPtr[j + 1]!; p++) {
      const i = s.rowIndex[p]!;
      y[i]! += s.values[p]! * lam[j]!;
      if (i !== j) y[j]! += s.values[p]! * lam[i]!;
    }
  let num = 0;
  let den = 0;
  for (let i = 0; i < s.cols; i++) {
    num += (y[i]! - r[i]!) ** 2;
    den += r[i]! ** 2;
  }
  const file = join(out, `reconcile-system-${streams}.bin`);
  writeSystem(file, s, r);
  let scipyMs = Number.NaN;
  try {
    const txt = execFileSync('python3', [join(here, 'reconcile_scipy.py'), file, String(reps)], { encoding: 'utf8' });
    scipyMs = JSON.parse(txt).ms;
  } catch (e) {
    console.error(`scipy reference failed: ${(e as Error).message}`);
  }
  let unmeasured = 0;
  for (const m of measured) if (Number.isNaN(m)) unmeasured++;
  const line = [
    streams,
    net.nodeCount,
    s.cols,
    unmeasured,
    core.ms < 10 ? core.ms.toFixed(2) : core.ms.toFixed(0),
    full.ms < 10 ? full.ms.toFixed(2) : full.ms.toFixed(0),
    solve.ms.toFixed(1),
    scipyMs.toFixed(1),
    (solve.ms / scipyMs).toFixed(2),
    (core.ms / scipyMs).toFixed(2),
    peakRssMb().toFixed(0),
    Math.sqrt(num / den).toExponential(1),
  ];
  rows.push(`| ${line.join(' | ')} |`);
  console.log(line.join('  '));
  console.log(
    `  χ² = ${core.value.chi2.toFixed(1)}, dof = ${core.value.dof}, pass = ${core.value.pass}, measurement-test failures = ${core.value.measurementFailures.length}, factor nnz = ${core.value.solver.factorNonZeros}`,
  );
}
console.log('\nMarkdown rows:');
for (const r of rows) console.log(r);

// The hard case: random long links fill a direct factor, so 'auto' switches to PCG above the
// factor budget (values and χ² exact to the verified residual; no per-measurement statistics).
console.log('\nrandom links: streams  tests ms  solver');
for (const streams of runs) {
  const rand = mulberry32(7 + streams);
  const net = randomLinkNetwork(streams, rand);
  const { measured, sd } = measure(net, rand);
  const problem = { network: net, measured, sd };
  reconcileAndTest(problem, { unmeasuredSd: false });
  const res = time(streams >= 100000 ? 3 : 5, () => reconcileAndTest(problem, { unmeasuredSd: false }));
  const s = res.value.solver;
  const how =
    s.kind === 'pcg'
      ? `PCG, ${s.iterations} iterations, residual ${s.relativeResidual!.toExponential(1)}`
      : `LDLᵀ, ${s.factorNonZeros} non-zeros`;
  console.log(
    `| ${streams} | ${res.ms.toFixed(0)} | ${how} | χ² = ${res.value.chi2.toFixed(0)}, dof ${res.value.dof} |`,
  );
}
