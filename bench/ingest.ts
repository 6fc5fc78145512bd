/**
 * Readings ingestion benchmark (issue 4): `npm run bench:ingest [-- --long-gb 1]`.
 *
 * 1. Generates a wide CSV — 72 h × 2 000 meters at 1-minute resolution (8.64 M readings) — and a
 *    long CSV (timestamp, meter, value) of about 1 GB, into bench/out/.
 * 2. Times, each in its own child process: (a) papaparse's bare streaming parse of the file (the
 *    reference, same run) and (b) `pingheng ingest FILE --json` end-to-end.
 *    Also (a') papaparse + Number() on every field, the least work any consumer of the values does.
 *    Each is run --repeat times (default 3), interleaved; the fastest time and the highest peak RSS count.
 * 3. Prints throughput (MB/s), the ratio (b)/(a) (goal ≥ 0.8) and each run's peak RSS (goal ≤ 300 MB
 *    on the 1 GB file). Deletes the generated files unless --keep.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, statSync, unlinkSync } from 'node:fs';
import { once } from 'node:events';
import { mulberry32 } from './reconcile-network.ts';

const args = process.argv.slice(2);
const longGb = Number(args[args.indexOf('--long-gb') + 1]) || 1;
const keep = args.includes('--keep');
const repeat = Number(args[args.indexOf('--repeat') + 1]) || 3;
/** --only wide | long: one of the two files (quicker while working on one layout). */
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const METERS = 2000;
const OUT = new URL('./out/', import.meta.url);
mkdirSync(OUT, { recursive: true });

const rng = mulberry32;

const pad = (n: number) => String(n).padStart(2, '0');
function stamp(minute: number): string {
  const d = new Date(Date.UTC(2026, 2, 1, 0, 0) + minute * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
}

async function write(path: URL, produce: (push: (s: string) => Promise<void>) => Promise<void>): Promise<void> {
  const ws = createWriteStream(path, { highWaterMark: 1 << 22 });
  let buf = '';
  const push = async (s: string) => {
    buf += s;
    if (buf.length > 1 << 22) {
      if (!ws.write(buf)) await once(ws, 'drain');
      buf = '';
    }
  };
  await produce(push);
  ws.write(buf);
  ws.end();
  await once(ws, 'finish');
}

async function generateWide(path: URL): Promise<number> {
  const r = rng(1);
  const totals = Float64Array.from({ length: METERS }, () => Math.floor(r() * 1e5));
  const rates = Float64Array.from({ length: METERS }, () => 0.1 + r() * 5);
  await write(path, async (push) => {
    await push(`time,${Array.from({ length: METERS }, (_, i) => `M${String(i + 1).padStart(4, '0')}`).join(',')}\n`);
    for (let m = 0; m <= 72 * 60; m++) {
      const cells = new Array<string>(METERS);
      for (let i = 0; i < METERS; i++) {
        totals[i] += rates[i] * (0.8 + 0.4 * r());
        cells[i] = totals[i].toFixed(2);
      }
      await push(`${stamp(m)},${cells.join(',')}\n`);
    }
  });
  return (72 * 60 + 1) * METERS;
}

async function generateLong(path: URL, bytes: number): Promise<number> {
  const r = rng(2);
  const totals = Float64Array.from({ length: METERS }, () => Math.floor(r() * 1e5));
  const ids = Array.from({ length: METERS }, (_, i) => `M${String(i + 1).padStart(4, '0')}`);
  let written = 0;
  let rows = 0;
  await write(path, async (push) => {
    await push('timestamp,meter,value\n');
    for (let m = 0; written < bytes; m++) {
      const ts = `${stamp(m)}+00:00`;
      let block = '';
      for (let i = 0; i < METERS; i++) {
        totals[i] += 0.5 + r();
        block += `${ts},${ids[i]},${totals[i].toFixed(3)}\n`;
      }
      written += block.length;
      rows += METERS;
      await push(block);
    }
  });
  return rows;
}

/**
 * The worker is bundled to plain JS first (esbuild, which tsx ships): the tsx loader adds ~55 MB
 * to every Node process (a 3-line file: 205 MB peak RSS under tsx, ~150 MB bundled), which is not
 * the ingest's own memory. Packages stay external (node_modules).
 */
const WORKER = new URL('ingest-worker.mjs', OUT).pathname;
async function bundleWorker(): Promise<void> {
  const esbuild = await import('esbuild');
  const bundle = (entry: string, outfile: string) =>
    esbuild.build({
      entryPoints: [new URL(entry, import.meta.url).pathname],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile,
      logLevel: 'warning',
    });
  await bundle('./ingest-worker.ts', WORKER);
  // the CLI's meter thread for large wide files, where the bundled CLI looks for it: beside the bundle,
  // under the compiled name (wide-meters-worker.js; the package's "type": "module" makes it ESM)
  await bundle('../src/readings/wide-meters-worker.ts', new URL('wide-meters-worker.js', OUT).pathname);
}

type Run = { ms: number; rows: number; maxRssMB: number };
function run(mode: 'papa' | 'papa-num' | 'ingest', file: string): Run {
  const res = spawnSync(process.execPath, [WORKER, mode, file], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const last = res.stderr.trim().split('\n').pop() ?? '';
  if (res.status !== 0) throw new Error(`${mode} ${file} failed: ${res.stderr}`);
  return JSON.parse(last);
}

function report(label: string, file: string, readings: number) {
  const mb = statSync(file).size / 1e6;
  // interleaved repeats, fastest time and highest RSS of each: other work on the machine only slows runs down
  const best = { papa: [] as Run[], 'papa-num': [] as Run[], ingest: [] as Run[] };
  for (let k = 0; k < repeat; k++)
    for (const mode of ['papa', 'papa-num', 'ingest'] as const) best[mode].push(run(mode, file));
  const pick = (runs: Run[]): Run => ({
    ms: Math.min(...runs.map((r) => r.ms)),
    rows: runs[0].rows,
    maxRssMB: Math.max(...runs.map((r) => r.maxRssMB)),
  });
  const papa = pick(best.papa);
  const papaNum = pick(best['papa-num']);
  const ingest = pick(best.ingest);
  const a = mb / (papa.ms / 1000);
  const a2 = mb / (papaNum.ms / 1000);
  const b = mb / (ingest.ms / 1000);
  console.log(`\n${label}: ${mb.toFixed(0)} MB, ${(readings / 1e6).toFixed(2)} M readings`);
  console.log(
    `  (a)  papaparse bare parse      ${(papa.ms / 1000).toFixed(3)} s  ${a.toFixed(1)} MB/s  peak RSS ${papa.maxRssMB.toFixed(0)} MB`,
  );
  console.log(
    `  (a') papaparse + Number()      ${(papaNum.ms / 1000).toFixed(3)} s  ${a2.toFixed(1)} MB/s  peak RSS ${papaNum.maxRssMB.toFixed(0)} MB`,
  );
  console.log(
    `  (b)  pingheng ingest --json    ${(ingest.ms / 1000).toFixed(3)} s  ${b.toFixed(1)} MB/s  peak RSS ${ingest.maxRssMB.toFixed(0)} MB`,
  );
  console.log(`  ratio (b)/(a) = ${(b / a).toFixed(3)} (goal ≥ 0.8); (b)/(a') = ${(b / a2).toFixed(2)}`);
  return { mb, papa, ingest, ratio: b / a };
}

const wide = new URL('ingest-wide.csv', OUT);
const long = new URL('ingest-long.csv', OUT);
try {
  await bundleWorker();
  console.log(`node ${process.version}`);
  if (only !== 'long') {
    const t = performance.now();
    const wideReadings = await generateWide(wide);
    console.log(`generated ${wide.pathname} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    report('wide 72 h × 2 000 meters, 1 min', wide.pathname, wideReadings);
  }
  if (only !== 'wide') {
    const t = performance.now();
    const longReadings = await generateLong(long, longGb * 1e9);
    console.log(`generated ${long.pathname} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const l = report(`long ${longGb} GB`, long.pathname, longReadings);
    console.log(
      `\nlong-file ingest peak RSS ${l.ingest.maxRssMB.toFixed(0)} MB (goal ≤ 300 MB): ${l.ingest.maxRssMB <= 300 ? 'met' : 'NOT met'}`,
    );
  }
} finally {
  if (!keep) {
    for (const f of [wide, long]) {
      try {
        unlinkSync(f);
      } catch {
        // already gone
      }
    }
  }
}
