/**
 * The report's heavy libraries (docx, exceljs, resvg) load only on the report path: `check` never
 * loads them, `report` loads them when it writes, `report --no-png` leaves resvg out. Measured on
 * the compiled CLI with the import trace (bench/import-trace.mjs).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'pingheng-report-lazy-'));
const HEAVY = ['docx', 'exceljs', '@resvg/resvg-js'];

/** Which of the heavy packages a run of the CLI loaded. */
function heavyLoaded(name: string, args: string[]): string[] {
  const trace = join(work, `${name}.txt`);
  const run = spawnSync(
    process.execPath,
    ['--import', join(ROOT, 'bench/import-trace.mjs'), join(ROOT, 'bin/pingheng.js'), ...args],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PINGHENG_TRACE: trace } },
  );
  expect(run.status, run.stderr).not.toBe(2);
  const text = readFileSync(trace, 'utf8');
  return HEAVY.filter((p) => text.includes(`/node_modules/${p}/`));
}

describe('the report libraries load only on the report path', () => {
  it('check loads none of them; report loads all three; --no-png leaves resvg out', () => {
    expect(heavyLoaded('check', ['check', 'datasets/plating.json'])).toEqual([]);
    expect(heavyLoaded('report', ['report', 'datasets/plating.json', '--out', join(work, 'a')])).toEqual(HEAVY);
    expect(
      heavyLoaded('report-no-png', ['report', 'datasets/plating.json', '--out', join(work, 'b'), '--no-png']),
    ).toEqual(['docx', 'exceljs']);
  });
});
