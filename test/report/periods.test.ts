/**
 * `pingheng report MODEL --before-period A --after-period B`: a multi-period model's base and
 * report periods, chosen as `compare` chooses them (the core's parsePeriodSelection + sideOf).
 * The workbook is read back with openpyxl and its chapter 8 compared with hand sums of the
 * monthly accounts and with the engine's comparison of the same two periods.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  analyseForReport,
  buildReport,
  loadModel,
  parsePeriodSelection,
  sideOf,
  tablesOf,
  type ReportDocument,
} from '../../src/index.ts';
import { runCli } from '../core/cli-helpers.ts';
import { python, readBack, type ReadBack } from './readers.ts';

const dir = mkdtempSync(join(tmpdir(), 'pingheng-report-periods-'));
const file = 'datasets/boiler-monthly.json';
const required = process.env.PINGHENG_REQUIRE_BROWSER !== undefined || process.env.CI !== undefined;

describe('pingheng report --before-period / --after-period', () => {
  const out = join(dir, 'halves');
  let run: Awaited<ReturnType<typeof runCli>>;
  let doc: ReportDocument;

  beforeAll(async () => {
    run = await runCli([
      'report',
      file,
      '--before-period',
      '2025-01..2025-06',
      '--after-period',
      '2025-07..2025-12',
      '--out',
      out,
      '--json',
    ]);
    const { model } = loadModel(JSON.parse(readFileSync(file, 'utf8')), file);
    const after = sideOf(model, file, parsePeriodSelection('2025-07..2025-12'));
    const before = sideOf(model, file, parsePeriodSelection('2025-01..2025-06'));
    doc = buildReport(analyseForReport({ model: after.model, file, before }), { lang: 'zh' });
  });

  it('parses a selection as compare does', () => {
    expect(parsePeriodSelection('2025-01..2025-06')).toEqual({ from: '2025-01', to: '2025-06' });
    expect(parsePeriodSelection('2025-03')).toBe('2025-03');
  });

  it.runIf(python !== undefined || required)(
    'chapter 8 compares the two half-years; chapters 1–7 are of the report period',
    () => {
      expect(run.code, run.stderr).not.toBe(2);
      const read: ReadBack = readBack(join(out, 'report.xlsx'), join(out, 'report.docx'));
      const sheet = (prefix: string) => read.xlsx.sheets.find((s) => s.name.startsWith(prefix))!;
      // The overview's balance period is the report period's run of months.
      const overview = sheet('1-1 ');
      expect(overview.rows.find((r) => r[0] === '平衡期')![1]).toMatch(/^2025年7月 – 2025年12月；/);
      const savings = sheet('8-2 ');
      expect(savings.rows[0]!.slice(0, 4)).toEqual(['项目', '计量单位', '审核前总量', '审核后总量']);
      const row = (name: string) => savings.rows.find((r) => r[0] === name)!;
      // Raw coal consumed = received (EC0, Σ of the months) − stock increase (coal pile levels):
      // Jan–Jun 14 969.4 t received, pile 1 500 → 1 200 t: 14 969.4 + 300 = 15 269.4 t;
      // Jul–Dec 12 518.2 t received, pile 1 200 → 1 500 t: 12 518.2 − 300 = 12 218.2 t.
      expect(row('原煤')[2]).toBeCloseTo(15269.4, 6);
      expect(row('原煤')[3]).toBeCloseTo(12218.2, 6);
      // Electricity EL0, Σ of the months: 3 007 220 and 2 647 890 kWh.
      expect(row('电力').slice(1, 4)).toEqual(['kWh', 3007220, 2647890]);
      // Every number of chapter 8 is the engine's comparison of the same two periods.
      for (const t of tablesOf(doc).filter((t) => t.number.startsWith('表 8-'))) {
        const s = read.xlsx.sheets.find((x) => x.name === t.sheet)!;
        t.rows.forEach((r, i) => {
          r.forEach((cell, j) => {
            if (typeof cell === 'number') expect(s.rows[i + 1]![j], `${t.number} ${i + 1},${j + 1}`).toBe(cell);
          });
        });
      }
      expect(JSON.parse(run.stdout).missing.filter((m: { chapter: string }) => m.chapter.startsWith('8 '))).toEqual([]);
    },
  );

  it('an unknown period is exit 2, located, and nothing is written', async () => {
    const bad = join(dir, 'bad');
    const r = await runCli(['report', file, '--after-period', '2025-13', '--out', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知的统计期 "2025-13"');
    expect(existsSync(bad)).toBe(false);
    const r2 = await runCli(['report', file, '--before-period', '2024-01..2024-12', '--out', bad]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('未知的统计期 "2024-01"');
    expect(existsSync(bad)).toBe(false);
  });

  it('refuses --readings with --after-period (readings are read per period window), exit 2', async () => {
    const bad = join(dir, 'bad-readings');
    const r = await runCli(['report', file, '--after-period', '2025-07', '--readings', 'x.csv', '--out', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--readings 不能与 --after-period 同用');
    expect(existsSync(bad)).toBe(false);
  });
});
