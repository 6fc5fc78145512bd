/**
 * The hostile-input campaign through the package's own bin (issue #18): every command —
 * check, reconcile, coverage, depth, carbon, advise, periods, compare, park, report, ingest — run
 * as a user runs it (`node bin/pingheng.js CMD … --json`, a child process each) on the example
 * plants and random plants, valid or corrupted at the byte, JSON and meaning levels, with readings
 * CSVs, mapping, cost, ingest-result and park files corrupted the same way, and with hostile option
 * values. bench/fuzz.ts runs 10⁵ cases in process; this one checks what only a process shows: the
 * exit status, stdout holding one JSON document, stderr without a stack, no hang.
 *
 *   node --import tsx bench/bin-campaign.ts [--n 1500] [--seed 1] [--jobs 2]
 *
 * Counted per command: runs, exit 0 / 1 / 2, and violations —
 *   crash: exit 3, a signal, any other status, or a stack trace on stderr;
 *   hang: no answer within HANG_MS;
 *   no-json: stdout not exactly one JSON document;
 *   unlocated: an exit-2 issue without a file, or without a line, a JSON path or an option;
 *     or a line beyond the file's last;
 *   non-finite: "NaN" or "Infinity" in the output where the input has none;
 *   accounting: ingest's rows.read ≠ used + rejected, values.read ≠ used + rejected + empty, or a
 *     rejected line outside the file;
 *   invariance: a valid plant with its objects' keys and its arrays shuffled gives another result
 *     (numbers to 9 significant digits, magnitudes below 1e-9 as 0; arrays compared as sets).
 * A case is rebuilt from its seed: `--only SEED` runs that case and keeps its files.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  corruptBytes,
  corruptJson,
  csvCase,
  type Json,
  modelBytes,
  Rng,
  randomModel,
} from '../test/reliability/generate.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'pingheng.js');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const N = arg('n', 1500);
const SEED = arg('seed', 1);
const JOBS = arg('jobs', 2);
const ONLY = arg('only', -1);
/** A run slower than this is a hang (the machine is shared: a report with figures takes ~15 s under load). */
const HANG_MS = 90_000;

const dataset = (p: string) => readFileSync(join(ROOT, 'datasets', p), 'utf8');
const MODELS = [
  'dyeing.json',
  'dyeing-after.json',
  'boiler.json',
  'boiler-monthly.json',
  'coating.json',
  'plating.json',
];
const READINGS = dataset('dyeing-readings.csv');
const COSTS = {
  source: '2026 年 3 月 供应商报价',
  currency: '元',
  add: {
    default: 2000,
    electricity: 1200,
    steam: 9000,
    'fresh-water': {
      dn: [
        [50, 800],
        [100, 1600],
      ],
      default: 3000,
    },
  },
  reverify: 300,
  flows: { W01: 4500 },
};
const MAPPING = { 'M-W01': 'MW01' };

/** Option values a user (or a script gone wrong) passes. */
const HOSTILE_OPTION_VALUES = [
  '',
  '0',
  '-1',
  'abc',
  '1e308',
  'NaN',
  'Infinity',
  '2',
  '3',
  '4',
  'water',
  '全厂',
  '--json',
  ' ',
];
/** Per command: the options it takes and values to try beside the hostile ones. */
const OPTIONS: Record<string, [string, string[]][]> = {
  check: [
    ['--level', ['1', '2', '3']],
    ['--layer', ['water', 'energy', 'COD', 'material']],
    ['--reconciled', []],
    ['--lang', ['en', 'zh', 'fr']],
  ],
  reconcile: [
    ['--layer', ['water', 'energy']],
    ['--alpha', ['0.05', '0.01', '1', '0.999999']],
    ['--lang', ['en']],
  ],
  coverage: [
    ['--all', []],
    ['--lang', ['en']],
  ],
  depth: [
    ['--acceptance', ['A', 'B', 'C', 'a', 'D']],
    ['--lang', ['en']],
  ],
  carbon: [
    ['--grid-series', ['mee-nbs', 'carbon-market', 'x']],
    ['--grid-year', ['2021', '2022', '2023', '1999', '2023.5']],
    ['--grid-region', ['national', 'guangdong', '华东', '火星']],
  ],
  advise: [
    ['--target', ['simple', 'key', 'full', 'KEY']],
    ['--for', ['depth', 'redundancy']],
  ],
  periods: [
    ['--period', ['2025-01', '2025-13', 'campaign']],
    ['--from', ['2025-01', '2025-06']],
    ['--to', ['2025-03', '2025-12', '2024-01']],
    ['--extract', []],
    ['--reconcile', []],
  ],
  compare: [
    ['--rules', ['anhui', 'zhejiang', 'inner-mongolia', 'beijing']],
    ['--level', ['advanced', 'general']],
    ['--cost-limit', ['5', '0', '1e15']],
    ['--before-period', ['2025-01', '2025-01..2025-03', '2025-03..2025-01', '..']],
    ['--after-period', ['2025-12', '2025-10..2025-12']],
  ],
  park: [
    ['--no-metering', []],
    ['--lang', ['en']],
  ],
  report: [['--lang', ['en']]],
  ingest: [
    ['--layout', ['wide', 'long', 'tall']],
    ['--kind', ['cumulative', 'rate', 'interval', 'delta']],
    ['--gap-minutes', ['15', '60', '0.5', '1e9']],
    ['--tz', ['Asia/Shanghai', 'UTC', 'Mars/Phobos', '+08:00']],
    ['--encoding', ['utf-8', 'gbk', 'gb18030', 'latin1', 'utf-16le']],
  ],
};
const COMMANDS = Object.keys(OPTIONS);
const READINGS_COMMANDS = new Set(['check', 'reconcile', 'depth', 'periods', 'report']);

type Level = 'valid' | 'json' | 'bytes';
/** A JSON document as a file: valid, or corrupted at the JSON/meaning level or the byte level. */
function jsonFile(r: Rng, doc: Json, level: Level): Uint8Array {
  if (level === 'json') {
    let d = structuredClone(doc);
    for (let i = r.int(1, 3); i > 0; i--) d = corruptJson(r, d);
    return modelBytes(r, d);
  }
  const bytes = modelBytes(r, doc);
  return level === 'bytes' ? corruptBytes(r, bytes) : bytes;
}
const pickLevel = (r: Rng): Level => r.pick(['valid', 'valid', 'json', 'json', 'bytes'] as const);

/** Shuffles every object's keys and every array (a file written by another tool, in another order). */
function shuffled(r: Rng, x: Json): Json {
  if (Array.isArray(x)) return r.shuffle(x.map((v) => shuffled(r, v)));
  if (x === null || typeof x !== 'object') return x;
  const keys = r.shuffle(Object.keys(x));
  return Object.fromEntries(keys.map((k) => [k, shuffled(r, x[k])]));
}

interface Case {
  seed: number;
  command: string;
  args: string[];
  /** Files written for the case, by name (the issues' lines are checked against them). */
  files: Map<string, Uint8Array>;
  /** The case's files are valid and unchanged, and `twin` is the same plant shuffled. */
  twin?: string[];
  corrupted: boolean;
}

function buildCase(seed: number, dir: string): Case {
  const r = new Rng(seed);
  const command = r.pick(COMMANDS);
  const files = new Map<string, Uint8Array>();
  const put = (name: string, bytes: Uint8Array | string) => {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    const b = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
    writeFileSync(path, b);
    files.set(path, b);
    return path;
  };
  let corrupted = false;
  const level = () => {
    const l = pickLevel(r);
    if (l !== 'valid') corrupted = true;
    return l;
  };
  const model = (name: string, from?: string): { path: string; doc: Json } => {
    const doc = from ? JSON.parse(dataset(from)) : r.chance(0.6) ? JSON.parse(dataset(r.pick(MODELS))) : randomModel(r);
    return { path: put(name, jsonFile(r, doc, level())), doc };
  };
  const csv = (name: string): string => {
    if (r.chance(0.5)) {
      const c = csvCase(r);
      if (c.kind !== 'valid') corrupted = true;
      return put(name, c.bytes);
    }
    // the example plant's campaign, kept, cut short or damaged
    const lines = READINGS.split('\n');
    const keep = r.chance(0.5) ? lines : lines.slice(0, r.int(1, lines.length));
    let bytes: Uint8Array = new TextEncoder().encode(keep.join(r.pick(['\n', '\r\n'])));
    if (r.chance(0.5)) {
      bytes = corruptBytes(r, bytes);
      corrupted = true;
    }
    return put(name, bytes);
  };
  const args: string[] = [command];
  let twin: string[] | undefined;
  switch (command) {
    case 'compare': {
      const monthly = r.chance(0.3);
      const before = model('before.json', monthly ? 'boiler-monthly.json' : 'dyeing.json');
      const after = model('after.json', monthly ? 'boiler-monthly.json' : 'dyeing-after.json');
      args.push(before.path, after.path);
      if (monthly) args.push('--before-period', '2025-01..2025-06', '--after-period', '2025-07..2025-12');
      break;
    }
    case 'park': {
      const park = JSON.parse(dataset('park/park.json'));
      for (const m of park.members) {
        const source = m.model === 'wwtp.json' ? 'park/wwtp.json' : m.model.replace('../', '');
        const name = `${m.id}.json`;
        put(name, r.chance(0.25) ? jsonFile(r, JSON.parse(dataset(source)), level()) : dataset(source));
        m.model = name;
      }
      args.push(put('park.json', jsonFile(r, park, level())));
      break;
    }
    case 'ingest': {
      args.push(csv('readings.csv'));
      if (r.chance(0.4)) {
        args.push('--model', model('model.json', 'dyeing.json').path);
        if (r.chance(0.3)) args.push('--write', join(dir, r.pick(['filled.json', 'nowhere/filled.json', '.'])));
      }
      if (r.chance(0.15)) args.push('--mapping', put('mapping.json', jsonFile(r, MAPPING, level())));
      break;
    }
    default: {
      const monthly = command === 'periods' && r.chance(0.7);
      const m = model('model.json', monthly ? 'boiler-monthly.json' : undefined);
      args.push(m.path);
      const valid = !corrupted && !m.doc.periods;
      if (valid && r.chance(0.5) && ['check', 'reconcile', 'coverage', 'depth', 'carbon'].includes(command)) {
        const copy = put('shuffled.json', JSON.stringify(shuffled(r, structuredClone(m.doc)), null, 1));
        twin = [command, copy];
      }
      if (READINGS_COMMANDS.has(command) && r.chance(0.3)) {
        args.push('--readings', csv('readings.csv'));
        if (r.chance(0.2)) args.push('--mapping', put('mapping.json', jsonFile(r, MAPPING, level())));
      }
      if (command === 'advise' && r.chance(0.3)) args.push('--costs', put('costs.json', jsonFile(r, COSTS, level())));
      if (command === 'depth' && r.chance(0.2))
        args.push('--ingest', put('ingest.json', jsonFile(r, { window: { longestContinuousHours: 80 } }, level())));
      if (command === 'report') args.push('--out', join(dir, r.chance(0.9) ? 'out' : 'model.json/out'), '--no-png');
    }
  }
  // options: none, the command's own values, or hostile ones
  const opts = OPTIONS[command]!;
  for (let k = r.int(0, 2); k > 0; k--) {
    const [name, values] = r.pick(opts);
    if (values.length === 0) args.push(name);
    else {
      const hostile = r.chance(0.4);
      if (hostile) corrupted = true;
      args.push(name, hostile ? r.pick(HOSTILE_OPTION_VALUES) : r.pick(values));
    }
  }
  if (twin) twin.push(...args.slice(2));
  args.push('--json');
  if (twin) twin.push('--json');
  return { seed, command, args, files, twin: corrupted ? undefined : twin, corrupted };
}

interface Run {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}
function run(args: string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, HANG_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr, ms: performance.now() - t0, timedOut });
    });
  });
}

/** Lines as the readers count them: LF, CRLF and a lone CR each end one. */
const lineCount = (b: Uint8Array) => {
  let n = 1;
  for (let i = 0; i < b.length; i++) if (b[i] === 10 || (b[i] === 13 && b[i + 1] !== 10)) n++;
  return n;
};

/** Every violation of one run. */
function violations(c: Case, r: Run): string[] {
  const v: string[] = [];
  if (r.timedOut) return [`hang: no answer in ${HANG_MS} ms`];
  if (r.code === null || ![0, 1, 2].includes(r.code)) v.push(`crash: exit ${r.code ?? r.signal}`);
  if (/^\s+at .+:\d+:\d+\)?$/m.test(r.stderr)) v.push('crash: stack trace on stderr');
  let doc: Json;
  try {
    doc = JSON.parse(r.stdout);
  } catch {
    return [...v, `no-json: stdout is not one JSON document (${r.stdout.slice(0, 80)})`];
  }
  const inputText = [...c.files.values()].map((b) => new TextDecoder().decode(b)).join('\n') + c.args.join(' ');
  for (const word of ['NaN', 'Infinity'])
    if (r.stdout.includes(word) && !inputText.includes(word)) v.push(`non-finite: "${word}" in the output`);
  if (r.code === 2) {
    if (doc?.error !== 'unusable input' || !Array.isArray(doc.issues) || doc.issues.length === 0)
      v.push('unlocated: exit 2 without the issues document');
    else
      for (const i of doc.issues) {
        if (typeof i.file !== 'string' || i.file === '') v.push(`unlocated: issue without a file ${JSON.stringify(i)}`);
        const located =
          typeof i.line === 'number' ||
          (typeof i.path === 'string' && i.path !== '(root)') ||
          typeof i.option === 'string';
        if (!located) v.push(`unlocated: ${JSON.stringify(i).slice(0, 200)}`);
        const bytes = c.files.get(i.file);
        if (bytes && typeof i.line === 'number' && (i.line < 1 || i.line > lineCount(bytes)))
          v.push(`unlocated: line ${i.line} outside ${i.file} (${lineCount(bytes)} lines)`);
      }
  } else if (doc?.error) v.push(`exit ${r.code} with an error document`);
  if (c.command === 'ingest' && r.code !== 2 && doc?.rows) {
    const { rows, values } = doc;
    if (rows.read !== rows.used + rows.rejected) v.push(`accounting: rows ${JSON.stringify(rows)}`);
    if (values.read !== values.used + values.rejected + values.empty)
      v.push(`accounting: values ${JSON.stringify(values)}`);
    const n = lineCount(c.files.get(c.args[1]!) ?? new Uint8Array());
    for (const x of doc.rejected ?? [])
      if (!(x.line >= 1 && x.line <= n)) v.push(`accounting: rejected line ${x.line} outside the file (${n})`);
  }
  return v;
}

/** A result as a canonical text: numbers to 9 significant digits (below 1e-9 as 0), arrays as sorted sets, file names out. */
function canonical(x: Json): string {
  const walk = (v: Json): Json => {
    // round-off: a residual of 1e-16 t against 0 when the flows are summed in another order
    if (typeof v === 'number') return Math.abs(v) < 1e-9 ? 0 : Number(v.toPrecision(9));
    if (Array.isArray(v))
      return v
        .map(walk)
        .map((e) => JSON.stringify(e))
        .sort();
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.keys(v)
        .filter((k) => k !== 'file')
        .sort()
        .map((k) => [k, walk(v[k])]),
    );
  };
  return JSON.stringify(walk(x));
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `…${a.slice(Math.max(0, i - 80), i + 80)}… vs …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}

interface Tally {
  runs: number;
  exits: [number, number, number];
  violations: number;
  maxMs: number;
  ms: number;
}
const tallies = new Map<string, Tally>();
const classes = new Map<string, { count: number; seeds: number[] }>();

async function one(seed: number, base: string): Promise<void> {
  const dir = join(base, String(seed));
  mkdirSync(dir, { recursive: true });
  const c = buildCase(seed, dir);
  const r = await run(c.args, dir);
  const v = violations(c, r);
  if (c.twin && !r.timedOut && (r.code === 0 || r.code === 1)) {
    const t = await run(c.twin, dir);
    if (t.code !== r.code) v.push(`invariance: exit ${r.code} vs ${t.code} when shuffled`);
    else {
      try {
        const a = canonical(JSON.parse(r.stdout));
        const b = canonical(JSON.parse(t.stdout));
        if (a !== b) v.push(`invariance: ${firstDifference(a, b)}`);
      } catch {
        v.push('no-json: the shuffled twin printed no JSON document');
      }
    }
  }
  let t = tallies.get(c.command);
  if (!t) tallies.set(c.command, (t = { runs: 0, exits: [0, 0, 0], violations: 0, maxMs: 0, ms: 0 }));
  t.runs++;
  t.ms += r.ms;
  t.maxMs = Math.max(t.maxMs, r.ms);
  if (r.code === 0 || r.code === 1 || r.code === 2) t.exits[r.code]++;
  if (v.length > 0) t.violations++;
  for (const what of v) {
    const cls = what.split(':')[0]!;
    let k = classes.get(cls);
    if (!k) classes.set(cls, (k = { count: 0, seeds: [] }));
    k.count++;
    if (k.seeds.length < 8) k.seeds.push(seed);
    process.stderr.write(`seed ${seed} ${c.args.join(' ')}\n  ${what}\n`);
  }
  if (ONLY === -1) rmSync(dir, { recursive: true, force: true });
}

const base = mkdtempSync(join(tmpdir(), 'pingheng-bin-campaign-'));
const seeds = ONLY === -1 ? Array.from({ length: N }, (_, k) => SEED * 1_000_000 + k) : [ONLY];
const t0 = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: JOBS }, async () => {
    while (next < seeds.length) {
      const s = seeds[next++]!;
      await one(s, base);
      if (next % 100 === 0) process.stderr.write(`${next}/${seeds.length}\n`);
    }
  }),
);
if (ONLY === -1) rmSync(base, { recursive: true, force: true });
else process.stderr.write(`files kept in ${join(base, String(ONLY))}\n`);

const rows = [...tallies.entries()].sort(([a], [b]) => a.localeCompare(b));
console.log(
  `bin campaign: ${seeds.length} cases, seed ${SEED}, ${JOBS} jobs, ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);
console.log('| command | runs | exit 0 | exit 1 | exit 2 | violations | mean ms | max ms |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [cmd, t] of rows)
  console.log(
    `| ${cmd} | ${t.runs} | ${t.exits[0]} | ${t.exits[1]} | ${t.exits[2]} | ${t.violations} | ${Math.round(t.ms / t.runs)} | ${Math.round(t.maxMs)} |`,
  );
const total = rows.reduce((s, [, t]) => s + t.violations, 0);
console.log(`violations: ${total}`);
for (const [cls, k] of classes) console.log(`  ${cls}: ${k.count} (seeds ${k.seeds.join(', ')})`);
process.exitCode = total === 0 ? 0 : 1;
