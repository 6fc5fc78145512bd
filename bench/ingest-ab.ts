/**
 * The ingest of two checkouts compared on one file, for a machine too busy for bench/ingest.ts's
 * wall-clock ratios (issue 19: a refactor must keep the ingest's speed within noise):
 *
 *   node --import tsx bench/ingest-ab.ts A_ROOT B_ROOT FILE [--runs N]
 *
 * Each checkout's bench worker and meter thread are bundled into its own bench/out/ (as
 * bench/ingest.ts does), then N rounds (default 9) each run `ingest FILE --json` once per side in
 * its own process, the side that goes first alternating. Per side: the median wall time and the
 * median CPU time (user + system of the whole process, every thread, from /usr/bin/time) — the work
 * done, which other load inflates far less than the wall clock. Printed: both medians and B/A of
 * each, with the range of the per-round B/A (the noise). Set PINGHENG_THREADS=0 for one thread.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 9;
const [rootA, rootB, file] = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');
if (!rootA || !rootB || !file) {
  console.error('usage: node --import tsx bench/ingest-ab.ts A_ROOT B_ROOT FILE [--runs N]');
  process.exit(2);
}

/** The worker's bundle in ROOT/bench/out (packages external: they resolve from ROOT's node_modules). */
async function bundle(root: string): Promise<string> {
  const esbuild = await import('esbuild');
  const out = join(root, 'bench', 'out');
  mkdirSync(out, { recursive: true });
  const options = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external' } as const;
  await esbuild.build({
    ...options,
    entryPoints: [join(root, 'bench/ingest-worker.ts')],
    outfile: join(out, 'ab.mjs'),
  });
  // the meter thread where the bundled CLI looks for it; its source moved from cli/ to readings/ (issue 19)
  for (const dir of ['src/readings', 'src/cli']) {
    const r = await esbuild
      .build({
        ...options,
        entryPoints: [join(root, dir, 'wide-meters-worker.ts')],
        outfile: join(out, 'wide-meters-worker.js'),
        logLevel: 'silent',
      })
      .then(
        () => true,
        () => false,
      );
    if (r) break;
  }
  return join(out, 'ab.mjs');
}

type Run = { wall: number; cpu: number };
function run(worker: string): Run {
  const r = spawnSync('/usr/bin/time', ['-f', 'AB %e %U %S', process.execPath, worker, 'ingest', file!], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const line = r.stderr.split('\n').find((l) => l.startsWith('AB '));
  if (r.status !== 0 || !line) throw new Error(`${worker} failed: ${r.stderr}`);
  const [wall, user, sys] = line.slice(3).split(' ').map(Number);
  return { wall: wall!, cpu: user! + sys! };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const a = await bundle(resolve(rootA));
const b = await bundle(resolve(rootB));
const ra: Run[] = [];
const rb: Run[] = [];
for (let k = 0; k < runs; k++) {
  if (k % 2 === 0) {
    ra.push(run(a));
    rb.push(run(b));
  } else {
    rb.push(run(b));
    ra.push(run(a));
  }
}
const load = (await import('node:os')).loadavg().map((x) => x.toFixed(1));
const show = (label: string, key: keyof Run) => {
  const ma = median(ra.map((r) => r[key]));
  const mb = median(rb.map((r) => r[key]));
  const ratios = ra.map((r, i) => rb[i]![key] / r[key]);
  console.log(
    `${label}: A ${ma.toFixed(2)} s, B ${mb.toFixed(2)} s, B/A ${(mb / ma).toFixed(3)} ` +
      `(per round ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`,
  );
};
console.log(`${file}, ${runs} rounds, PINGHENG_THREADS=${process.env.PINGHENG_THREADS ?? '(default)'}`);
show('wall', 'wall');
show('cpu ', 'cpu');
console.log(`load average at the end: ${load.join(' ')}`);
