/**
 * One timed run in its own process, so its peak RSS is its own (bench/ingest.ts spawns it):
 *   node --import tsx bench/ingest-worker.ts papa FILE   — papaparse's bare streaming parse (reference)
 *   node --import tsx bench/ingest-worker.ts papa-num FILE — the same plus Number() on every field (the least any consumer does)
 *   node --import tsx bench/ingest-worker.ts ingest FILE — `pingheng ingest FILE --json` end-to-end
 * Prints one JSON line on stderr: { ms, rows, maxRssMB }.
 */
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { main } from '../src/cli/main.ts';

const [mode, file] = process.argv.slice(2);
const t0 = performance.now();
let rows = 0;
let sum = 0;
if (mode === 'papa' || mode === 'papa-num') {
  const convert = mode === 'papa-num';
  await new Promise<void>((resolve, reject) => {
    Papa.parse(createReadStream(file, { highWaterMark: 1 << 16 }) as unknown as File, {
      chunk: (res: Papa.ParseResult<string[]>) => {
        rows += res.data.length;
        if (convert) for (const row of res.data) for (let i = 0; i < row.length; i++) sum += +row[i] || 0;
      },
      complete: () => resolve(),
      error: (e: Error) => reject(e),
    });
  });
} else {
  // stdout is /dev/null in the parent: the JSON document is produced and written as in real use
  const code = await main(['node', 'pingheng', 'ingest', file, '--json']);
  // 0 or 1 (findings) is a verdict; 2 a refused file, 3 an internal error (a meter thread that never started)
  if (code !== 0 && code !== 1) throw new Error(`ingest failed with exit ${code}`);
}
const ms = performance.now() - t0;
process.stderr.write(
  `${JSON.stringify({ ms, rows, maxRssMB: process.resourceUsage().maxRSS / 1024, sum: sum > 0 })}\n`,
);
