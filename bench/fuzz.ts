/**
 * The hostile-input campaign of issue #18 as a benchmark: N generated inputs (default 10⁵) —
 * plant models valid and corrupted at the byte, JSON and meaning levels, readings CSVs corrupted
 * at the cell, row and byte levels, and valid models re-ordered and re-written in other units —
 * through the loader, the balances, the reconciliation, metering and the ingester, and every
 * 100th through the CLI itself (in process). Prints the counts: crashes, hangs, unlocated errors,
 * non-finite results, accounting and balance violations, invariance violations.
 *
 *   node --import tsx bench/fuzz.ts [--n 100000] [--seed 1]
 *
 * The generators and invariants are test/reliability/generate.ts and invariants.ts (the vitest
 * properties run a few thousand of the same cases). A case is reproduced from its seed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.ts';
import { csvCase, modelBytes, modelCase, Rng, randomModel } from '../test/reliability/generate.ts';
import { differences, fingerprint, permuted, rescaled, runCsv, runModel } from '../test/reliability/invariants.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const N = arg('n', 100_000);
const SEED = arg('seed', 1);
/** A case slower than this counts as a hang (the CLI campaign's timeout). */
const HANG_MS = 10_000;
const CLI_EVERY = 100;

type Kind = 'model' | 'csv' | 'permutation' | 'rescaling' | 'cli';
interface Tally {
  cases: number;
  loaded: number;
  refused: number;
  violations: number;
  hangs: number;
  maxMs: number;
  /** The slowest case's seed. */
  maxSeed: number;
  ms: number;
}
const tallies = new Map<Kind, Tally>();
const tally = (k: Kind) => {
  let t = tallies.get(k);
  if (!t)
    tallies.set(k, (t = { cases: 0, loaded: 0, refused: 0, violations: 0, hangs: 0, maxMs: 0, maxSeed: 0, ms: 0 }));
  return t;
};
/** Violations by what they are, with the first seeds of each. */
const byClass = new Map<string, { count: number; seeds: number[] }>();
const CLASSES: [string, RegExp][] = [
  ['hang', /^hang/],
  ['crash', /threw|cli exit|no JSON/],
  ['unlocated error', /unlocated/],
  ['non-finite result', /non-finite|NaN or Infinity/],
  ['row accounting', /^rows |^values |^listed |rejected/],
  ['open reconciled balance', /balance of/],
  ['invariance', /^(permutation|rescaling):/],
];
function violation(seed: number, what: string): void {
  const cls = CLASSES.find(([, re]) => re.test(what))?.[0] ?? 'other';
  let c = byClass.get(cls);
  if (!c) byClass.set(cls, (c = { count: 0, seeds: [] }));
  c.count++;
  if (c.seeds.length < 5) c.seeds.push(seed);
  if (c.count <= 3) process.stderr.write(`seed ${seed}: ${what}\n`);
}
function record(kind: Kind, seed: number, ms: number, outcome: 'loaded' | 'refused', violations: string[]): void {
  const t = tally(kind);
  t.cases++;
  t.ms += ms;
  if (ms > t.maxMs) {
    t.maxMs = ms;
    t.maxSeed = seed;
  }
  if (ms > HANG_MS) {
    t.hangs++;
    violation(seed, `hang: ${kind} took ${Math.round(ms)} ms`);
  }
  t[outcome]++;
  if (violations.length > 0) t.violations++;
  for (const v of violations) violation(seed, v);
}

const dir = mkdtempSync(join(tmpdir(), 'pingheng-fuzz-'));
/** The CLI in process: exit status, one JSON document, located issues on exit 2. */
async function throughCli(seed: number, bytes: Uint8Array, command: 'check' | 'ingest'): Promise<string[]> {
  const file = join(dir, command === 'check' ? 'm.json' : 'r.csv');
  writeFileSync(file, bytes);
  let stdout = '';
  const out = process.stdout.write;
  const err = process.stderr.write;
  process.stdout.write = ((s: string) => {
    stdout += s;
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  let code: number;
  try {
    code = await main(['node', 'pingheng', command, file, '--json']);
  } catch (e) {
    return [`cli threw ${(e as Error).message}`];
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
  const v: string[] = [];
  if (![0, 1, 2].includes(code)) v.push(`cli exit ${code} (seed ${seed})`);
  let doc: { error?: string; issues?: { file: string; line: number | null; path: string }[] };
  try {
    doc = JSON.parse(stdout);
  } catch {
    return [...v, 'cli printed no JSON document'];
  }
  if (code === 2)
    for (const i of doc.issues ?? [])
      if (i.file !== file || (i.line === null && i.path === '(root)'))
        v.push(`cli unlocated issue ${JSON.stringify(i)}`);
  return v;
}

const started = performance.now();
for (let i = 0; i < N; i++) {
  const seed = SEED * 1_000_003 + i;
  const r = new Rng(seed);
  const slot = i % 10;
  const t0 = performance.now();
  if (slot < 4) {
    const c = modelCase(r);
    const run = runModel(c.bytes);
    record('model', seed, performance.now() - t0, run.outcome, run.violations);
    if (i % CLI_EVERY === 0) {
      const t1 = performance.now();
      const v = await throughCli(seed, c.bytes, 'check');
      record('cli', seed, performance.now() - t1, run.outcome, v);
    }
  } else if (slot < 8) {
    const c = csvCase(r);
    const run = await runCsv(c.bytes, r);
    record('csv', seed, performance.now() - t0, run.outcome, run.violations);
    if (i % CLI_EVERY === 4) {
      const t1 = performance.now();
      const v = await throughCli(seed, c.bytes, 'ingest');
      record('cli', seed, performance.now() - t1, run.outcome, v);
    }
  } else {
    const kind: Kind = slot === 8 ? 'permutation' : 'rescaling';
    const doc = randomModel(r);
    const base = runModel(modelBytes(r, doc), { metering: false });
    if (base.outcome !== 'loaded') {
      record(kind, seed, performance.now() - t0, 'refused', base.violations);
      continue;
    }
    const other = runModel(modelBytes(r, kind === 'permutation' ? permuted(doc, r) : rescaled(doc, r)), {
      metering: false,
    });
    const v = [...base.violations, ...other.violations, ...differences(fingerprint(base), fingerprint(other), kind)];
    record(kind, seed, performance.now() - t0, 'loaded', v);
  }
  if ((i + 1) % 10_000 === 0)
    process.stderr.write(`${i + 1} / ${N} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
}
rmSync(dir, { recursive: true, force: true });

const seconds = (performance.now() - started) / 1000;
const rows = [...tallies.entries()].map(([kind, t]) => ({
  kind,
  cases: t.cases,
  loaded: t.loaded,
  refused: t.refused,
  violations: t.violations,
  hangs: t.hangs,
  'mean ms': (t.ms / t.cases).toFixed(2),
  'max ms': t.maxMs.toFixed(0),
  'slowest seed': t.maxSeed,
}));
console.log(
  `bench/fuzz: ${N} generated inputs, seed ${SEED}, ${seconds.toFixed(0)} s (${(N / seconds).toFixed(0)} inputs/s)`,
);
console.table(rows);
const total = rows.reduce((s, r) => s + r.violations, 0);
console.log(
  byClass.size === 0
    ? 'violations: 0 (crashes 0, hangs 0, unlocated errors 0, non-finite results 0, accounting 0, balances 0, invariance 0)'
    : `violations: ${total} — ${[...byClass.entries()].map(([c, x]) => `${c} ×${x.count} (seeds ${x.seeds.join(', ')})`).join('; ')}`,
);
process.exitCode = total === 0 ? 0 : 1;
