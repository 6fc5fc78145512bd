/**
 * Reconciliation at scale (npm run bench:reconcile), on both kinds of network of
 * bench/reconcile-network.ts: plant-like (links to nearby nodes, recycle loops: banded) and random
 * topology (links between any two nodes: no locality, the factor fills in).
 *
 * 1. In process, per topology and size: `reconcileAndTest` (reconciliation, classification, global,
 *    measurement and nodal tests; "tests+σ" adds the σ of every estimated flow), and the factor +
 *    solve of the reduced system A V Aᵀ λ = r alone; against scipy.sparse.linalg.spsolve (SuperLU)
 *    on the same matrix, timed in python in the same run (bench/reconcile_scipy.py). Best of k.
 * 2. End to end through the CLI, as a user runs it: `node bin/pingheng.js reconcile MODEL --json`
 *    against bench/reconcile_scipy_model.py on the same model file (python + scipy: read the JSON,
 *    eliminate unmeasured flows, spsolve, reconciled values and χ² — no tests, no variances).
 *    Interleaved runs, medians of RUNS (default 9); peak RSS of each process (GNU time).
 *
 * Goals (issue 13): random 13k end to end ≤ 2× the scipy script; plant-like 100k ≤ 2×; random 100k
 * finishes within 1 GB. Usage:
 *   node --import tsx bench/reconcile-scale.ts                 both parts, default sizes
 *   node --import tsx bench/reconcile-scale.ts inprocess 10000 plant and random networks of 10 000 streams
 *   RUNS=15 node --import tsx bench/reconcile-scale.ts e2e     the end-to-end part only
 *   node --import tsx bench/reconcile-scale.ts e2e plant:100000 one topology and size (random 100k takes ~10 min)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { factorSpd, type CscMatrix, reconcileAndTest } from '../src/index.ts';
import { writeModel } from './reconcile-model.ts';
import { measure, mulberry32, plantNetwork, randomLinkNetwork, type PlantNetwork } from './reconcile-network.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(here, 'out');
mkdirSync(out, { recursive: true });
const args = process.argv.slice(2);
const part = args[0] === 'inprocess' || args[0] === 'e2e' ? args.shift() : 'both';
const sizes = args.map(Number).filter((n) => n > 0);
/** `plant:100000`, `random:13000`: single cases of the end-to-end part. */
const picked = args
  .map((a) => /^(plant|random):(\d+)$/.exec(a))
  .filter((m) => m !== null)
  .map((m) => [m[1], Number(m[2])] as [Topology, number]);
const RUNS = Number(process.env.RUNS ?? 9);

type Topology = 'plant' | 'random';
/** The same seeds as before issue 13, so earlier figures compare. */
function network(topology: Topology, streams: number): { net: PlantNetwork; measured: Float64Array; sd: Float64Array } {
  const rand = mulberry32(topology === 'plant' ? 20261121 + streams : 7 + streams);
  const net = topology === 'plant' ? plantNetwork(streams, rand) : randomLinkNetwork(streams, rand);
  return { net, ...measure(net, rand) };
}

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
  const parts = [s.colPtr, s.rowIndex, s.values, r].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  writeFileSync(file, Buffer.concat([header, ...parts]));
}

function inProcess(topology: Topology, streams: number): string {
  const { net, measured, sd } = network(topology, streams);
  const problem = { network: net, measured, sd };
  // Small systems take well under a millisecond: more repetitions, so "best of" is not one cold run.
  const reps = streams >= 100000 ? 5 : streams >= 10000 ? 9 : 101;
  let system: { s: CscMatrix; r: Float64Array } | undefined;
  reconcileAndTest(problem, { unmeasuredSd: false, captureSystem: (s, r) => (system ??= { s, r }) });
  // Warm both paths up (JIT tiers) before timing: at least 3 rounds and at least 0.5 s.
  const warmStart = performance.now();
  for (let k = 0; k < 3 || performance.now() - warmStart < 500; k++) {
    reconcileAndTest(problem, { unmeasuredSd: false });
    reconcileAndTest(problem, { unmeasuredSd: true });
  }
  const core = time(reps, () => reconcileAndTest(problem, { unmeasuredSd: false }));
  const full = time(reps, () => reconcileAndTest(problem, { unmeasuredSd: true }));
  const { s, r } = system!;
  const file = join(out, `reconcile-system-${topology}-${streams}.bin`);
  writeSystem(file, s, r);
  let scipyMs = Number.NaN;
  try {
    const txt = execFileSync('python3', [join(here, 'reconcile_scipy.py'), file, String(reps)], { encoding: 'utf8' });
    scipyMs = JSON.parse(txt).ms;
  } catch (e) {
    console.error(`scipy reference failed: ${(e as Error).message}`);
  }
  const sv = core.value.solver;
  let solveMs = Number.NaN;
  let how: string;
  if (sv.kind === 'direct') {
    solveMs = time(reps, () => factorSpd(s).solve(r)).ms;
    how = `LDLᵀ (${factorSpd(s).ordering.toUpperCase()}), ${sv.factorNonZeros} non-zeros`;
  } else how = `PCG, ${sv.iterations} iterations`;
  let unmeasured = 0;
  for (const m of measured) if (Number.isNaN(m)) unmeasured++;
  const f = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));
  const cells = [
    topology,
    streams,
    s.cols,
    unmeasured,
    f(core.ms),
    f(full.ms),
    Number.isNaN(solveMs) ? '—' : f(solveMs),
    f(scipyMs),
    Number.isNaN(solveMs) ? '—' : (solveMs / scipyMs).toFixed(2),
    (core.ms / scipyMs).toFixed(2),
    how,
    peakRssMb().toFixed(0),
  ];
  return `| ${cells.join(' | ')} |`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const gnuTime = existsSync('/usr/bin/time');

/**
 * Wall ms and peak RSS (MB, through GNU time) of one run of a command. Its output goes to a file, as
 * `pingheng reconcile model.json --json > out.json` does: read through a pipe, this process would
 * share the two cores with the command while it writes (30 MB for 100 000 flows) and decode it
 * inside the timing.
 */
function runOnce(cmd: string, cmdArgs: readonly string[]): { ms: number; rssMb: number; stdout: string } {
  const outFile = join(out, 'e2e-stdout.json');
  const fd = openSync(outFile, 'w');
  const t0 = performance.now();
  const r = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...cmdArgs], {
        stdio: ['ignore', fd, 'pipe'],
        encoding: 'utf8',
        cwd: root,
      })
    : spawnSync(cmd, cmdArgs, { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', cwd: root });
  const ms = performance.now() - t0;
  closeSync(fd);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${cmdArgs.join(' ')}: exit ${r.status}\n${r.stderr}`);
  const rss = gnuTime ? Number(/(\d+)\s*$/.exec(r.stderr)?.[1] ?? Number.NaN) / 1024 : Number.NaN;
  return { ms, rssMb: rss, stdout: readFileSync(outFile, 'utf8') };
}

function endToEnd(topology: Topology, streams: number): string {
  const { net, measured, sd } = network(topology, streams);
  const file = join(out, `reconcile-model-${topology}-${streams}.json`);
  writeModel(file, net, measured, sd);
  const ours = [process.execPath, [join(root, 'bin/pingheng.js'), 'reconcile', file, '--json']] as const;
  const theirs = ['python3', [join(here, 'reconcile_scipy_model.py'), file]] as const;
  runOnce(...ours); // builds dist/js if a source changed, warms the file cache
  const a: { ms: number; rssMb: number }[] = [];
  const b: { ms: number; rssMb: number }[] = [];
  let doc = '';
  const load0 = loadavg()[0]!;
  for (let k = 0; k < RUNS; k++) {
    const o = runOnce(...ours);
    doc = o.stdout;
    a.push(o);
    b.push(runOnce(...theirs));
  }
  const layer = JSON.parse(doc).layers[0];
  const mine = median(a.map((x) => x.ms));
  const ref = median(b.map((x) => x.ms));
  const sv = layer.solver;
  const how = sv.kind === 'direct' ? `LDLᵀ, ${sv.factorNonZeros} non-zeros` : `PCG, ${sv.iterations} iterations`;
  const cells = [
    topology,
    streams,
    mine.toFixed(0),
    ref.toFixed(0),
    `**${(mine / ref).toFixed(2)}**`,
    `${Math.min(...a.map((x) => x.ms)).toFixed(0)}–${Math.max(...a.map((x) => x.ms)).toFixed(0)}`,
    Math.max(...a.map((x) => x.rssMb)).toFixed(0),
    Math.max(...b.map((x) => x.rssMb)).toFixed(0),
    how,
    `χ² ${layer.global.chi2.toFixed(0)}, dof ${layer.global.dof}, σ of estimates ${layer.unmeasuredSdComputed ? 'yes' : 'no'}`,
    `${load0.toFixed(1)}–${loadavg()[0]!.toFixed(1)}`,
  ];
  return `| ${cells.join(' | ')} |`;
}

console.log(
  `load average at start: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}`,
);
if (part !== 'e2e') {
  console.log('\nIn process (ms, best of k; scipy = spsolve on the same reduced system):');
  console.log(
    '| topology | streams | reduced rows | unmeasured | tests | tests+σ | solve | scipy | solve/scipy | tests/scipy | factor | peak RSS MB |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const topology of ['plant', 'random'] as const)
    for (const streams of sizes.length ? sizes : [1000, 10000, 100000]) console.log(inProcess(topology, streams));
}
if (part !== 'inprocess') {
  console.log(`\nEnd to end through the CLI (ms, median of ${RUNS} interleaved runs; RSS = peak of any run):`);
  console.log(
    '| topology | streams | pingheng | scipy script | ratio | pingheng range | pingheng MB | python MB | factor | result | load |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  const cases: [Topology, number][] = picked.length
    ? picked
    : sizes.length
      ? sizes.flatMap((s) => [['random', s] as [Topology, number], ['plant', s] as [Topology, number]])
      : [
          ['random', 13000],
          ['plant', 100000],
          ['random', 100000],
        ];
  for (const [topology, streams] of cases) console.log(endToEnd(topology, streams));
}
console.log(
  `load average at end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}`,
);
