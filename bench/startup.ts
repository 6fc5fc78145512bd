/**
 * Start-up benchmark (npm run bench:startup): wall time of the CLI as a user runs it
 * (`node bin/pingheng.js …`, the compiled JavaScript), against bare `node -e 0` in the same run.
 * Runs are interleaved (reference, then each command, repeated), so machine load hits all alike;
 * the figure is the median of RUNS. Also lists what each command loads (bench/import-trace.mjs).
 *
 * Targets (issue 13): --help ≤ 3× node -e 0; check datasets/dyeing.json ≤ 6×.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.RUNS ?? 15);
const root = new URL('../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'pingheng-startup-'));
const csv = join(dir, 'readings.csv');
// a small wide CSV without units in its header: ingest must not load mathjs for it
const rows = ['time,M1,M2'];
for (let i = 0; i < 60; i++)
  rows.push(
    `2026-03-01 ${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')},${100 + i},${200 + 2 * i}`,
  );
writeFileSync(csv, `${rows.join('\n')}\n`);

const bin = join(root, 'bin/pingheng.js');
const cases: [string, string[], number | null][] = [
  ['node -e 0', ['-e', '0'], null],
  ['pingheng --help', [bin, '--help'], 3],
  ['pingheng check datasets/dyeing.json', [bin, 'check', 'datasets/dyeing.json'], 6],
  ['pingheng schema', [bin, 'schema'], null],
  ['pingheng ingest readings.csv (no units)', [bin, 'ingest', csv], null],
  ['pingheng reconcile datasets/plating.json', [bin, 'reconcile', 'datasets/plating.json'], null],
];

function run(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

run([bin, '--version']); // builds dist/js if a source changed
const times = cases.map(() => [] as number[]);
const load = loadavg()[0]!;
for (let r = 0; r < RUNS + 1; r++) {
  cases.forEach(([, args], i) => {
    const ms = run(args);
    if (r > 0) times[i]!.push(ms); // the first round warms the file cache
  });
}

console.log(
  `CLI start-up, median of ${RUNS} interleaved runs (load average at start ${load.toFixed(2)}, ${loadavg()[0]!.toFixed(2)} at end)`,
);
const ref = median(times[0]!);
for (const [i, [name, args, goal]] of cases.entries()) {
  const m = median(times[i]!);
  let modules = '';
  if (i > 0) {
    const trace = join(dir, `trace-${i}.txt`);
    run(['--import', join(root, 'bench/import-trace.mjs'), ...args], { ...process.env, PINGHENG_TRACE: trace });
    const loaded = new Set(
      readFileSync(trace, 'utf8')
        .split('\n')
        .filter((l) => l && !l.startsWith('node:')),
    );
    const packages = new Set(
      [...loaded]
        .filter((l) => l.includes('/node_modules/'))
        .map((l) => l.replace(/.*\/node_modules\/((@[^/]+\/)?[^/]+).*/, '$1')),
    );
    // files Node reads (the bundle's chunks, packages left outside it) and the source modules in them
    const files = [...loaded].filter((l) => !l.startsWith('bundled: '));
    const sources = [...loaded].filter((l) => l.startsWith('bundled: ') || !l.includes('/dist/cli/'));
    modules = `  ${files.length} files (${sources.length} modules); packages: ${[...packages].sort().join(', ') || 'none'}`;
  }
  const ratio = m / ref;
  const verdict = goal === null ? '' : ratio <= goal ? `  (goal ≤ ${goal}×: met)` : `  (goal ≤ ${goal}×: NOT met)`;
  console.log(`  ${name.padEnd(42)} ${m.toFixed(0).padStart(5)} ms  ${ratio.toFixed(2)}×${verdict}${modules}`);
}
rmSync(dir, { recursive: true, force: true });
