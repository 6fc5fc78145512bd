import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSource } from '../../src/cli/readings-io.ts';
import { threadedWideMeters } from '../../src/readings/wide-meters-thread.ts';
import { ingestReadings, type IngestOptions } from '../../src/readings/ingest.ts';
import { chunked } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'pingheng-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (minute: number) => {
  const d = new Date(Date.UTC(2026, 2, 1) + minute * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

/**
 * A wide file with what the meters and the rows can go through: resets, glitches, a stuck run,
 * empty and non-numeric cells, a bad timestamp, a duplicate row, a gap, a quoted cell (the
 * general path for the rest of that chunk) — rows × meters large enough for several batches.
 */
function wideCsv(rows: number, meters: number): string {
  const out = [`时间,${Array.from({ length: meters }, (_, k) => `M${k + 1}`).join(',')}`];
  const v = Array.from({ length: meters }, (_, k) => 1000 * (k + 1));
  for (let i = 0; i < rows; i++) {
    if (i === 50) out.push(`2026-13-45 00:00,${v.join(',')}`); // bad timestamp
    if (i > 300 && i < 320) continue; // a gap
    const cells = v.map((x, k) => {
      v[k] = k % 7 === 3 && i % 100 > 30 && i % 100 < 100 ? x : x + 1 + ((i * 31 + k * 17) % 10) / 10; // flat runs
      if (k === 5 && i === 400) v[k] = 3; // a reset
      if (k === 2 && i % 250 === 7) return (v[k] + 900).toFixed(1); // a glitch
      // late in the file (the first 256 KiB read goes through papaparse, the fast path starts after it)
      if ((i + k) % 97 === 0 || i === rows - 200) return ''; // no values at all in that row
      if (k === meters - 1 && i === rows - 150) return '-5'; // signed and exponent numbers: the general path
      if (k === meters - 2 && i === rows - 149) return '1.5e3';
      if (k === meters - 3 && i === rows - 148) return '1.2.3'; // not a number
      if ((i === 123 && k === 4) || (i === rows - 199 && k === 0)) return 'n/a'; // the general path right after a row without values
      if (i === 600 && k === 1) return `"${v[k].toFixed(1)}"`;
      return v[k].toFixed(1);
    });
    out.push(`${stamp(i)},${cells.join(',')}`);
    if (i === 200) out.push(`${stamp(i)},${cells.join(',')}`); // duplicate timestamp
  }
  return `${out.join('\n')}\n`;
}

async function ingest(file: string, options: IngestOptions) {
  return ingestReadings(fileSource(file), { file, ...options });
}

describe('meters on a second thread (large wide files)', () => {
  it('gives the same result as one thread, batch for batch', async () => {
    const file = join(dir, 'wide.csv');
    writeFileSync(file, wideCsv(1500, 40));
    const stats = { fastRows: 0 };
    const one = await ingest(file, {});
    const two = await ingest(file, { wideMeters: threadedWideMeters, stats });
    expect(stats.fastRows).toBeGreaterThan(500); // rows read by the fast path, batched to the thread
    expect(one.meters).toHaveLength(40);
    expect(one.rows.rejected).toBeGreaterThan(0);
    expect(one.meters.some((m) => m.flags.some((f) => f.code === 'reset'))).toBe(true);
    expect(two).toEqual(one);
    expect(one.rejected.map((r) => r.reason)).toEqual(
      expect.arrayContaining(['no-values', 'non-numeric', 'bad-timestamp', 'duplicate-timestamp']),
    );
  });

  it('keeps files with few meter columns in one thread', () => {
    expect(
      threadedWideMeters([{ id: 'M1', kind: 'cumulative', valueFactor: 1, ratePerHour: 1 }], undefined, 128),
    ).toBeUndefined();
  });

  it('ends the thread when the file turns out malformed half way', async () => {
    const file = join(dir, 'broken.csv');
    // an unclosed quote near the end: an InputError after the thread has taken batches
    writeFileSync(file, `${wideCsv(1000, 20).trimEnd()}\n${stamp(5000)},"1,2\n`);
    await expect(ingest(file, { wideMeters: threadedWideMeters })).rejects.toThrow();
  });
});

describe('fileSource', () => {
  it('reuses its two buffers without changing what the ingest sees', async () => {
    // several reads of 256 KiB, lines across read boundaries, the general path in the middle
    const text = wideCsv(6000, 30);
    expect(text.length).toBeGreaterThan(3 * (1 << 18));
    const file = join(dir, 'big.csv');
    writeFileSync(file, text);
    const fromFile = await ingest(file, {});
    const fromCopies = await ingestReadings(chunked(new TextEncoder().encode(text), 100_003), { file });
    expect(fromFile).toEqual(fromCopies);
    expect(fromFile.rows.read).toBe(fromFile.rows.used + fromFile.rows.rejected);
  });
});
