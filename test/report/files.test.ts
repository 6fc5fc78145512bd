/**
 * `pingheng report` end to end: the files written, read back with readers we did not write
 * (openpyxl, python-docx), compared with the engine's numbers; PNGs from resvg; bad --out.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  analyseForReport,
  buildReport,
  cellText,
  figuresOf,
  headerText,
  loadModel,
  tablesOf,
  type ReportDocument,
} from '../../src/index.ts';
import { runCli } from '../core/cli-helpers.ts';
import { smallPlant } from './fixture.ts';
import { python, readBack, type ReadBack } from './readers.ts';

const dir = mkdtempSync(join(tmpdir(), 'pingheng-report-'));
const modelFile = join(dir, 'small.json');
writeFileSync(modelFile, JSON.stringify(smallPlant, null, 2));
const required = process.env.PINGHENG_REQUIRE_BROWSER !== undefined || process.env.CI !== undefined;
if (!python) console.warn('[report] no python3 with openpyxl and docx: skipping the read-back tests');

/** The document the CLI wrote, rebuilt in-process (same builder, same engine). */
function expected(lang: 'zh' | 'en'): ReportDocument {
  const { model } = loadModel(smallPlant, modelFile);
  return buildReport(analyseForReport({ model, file: modelFile }), { lang });
}

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('pingheng report', () => {
  const out = join(dir, 'zh');
  let run: Awaited<ReturnType<typeof runCli>>;
  let doc: ReportDocument;

  beforeAll(async () => {
    run = await runCli(['report', modelFile, '--out', out, '--json']);
    doc = expected('zh');
  });

  it('writes the Word file, the workbook, the page and every figure as SVG and PNG', () => {
    // Findings (W2's meter is out of verification, the material balance fails its global test): exit 1.
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.stdout);
    expect(summary.tables).toBe(tablesOf(doc).length);
    expect(summary.figures).toBe(11); // 7 balance figures (3-1 … 6-1) and 4 reconciled ones (7-1 … 7-4)
    expect(summary.findings).toBe(true);
    for (const f of ['report.docx', 'report.xlsx', 'report.html']) expect(existsSync(join(out, f))).toBe(true);
    for (const f of figuresOf(doc)) {
      const svg = readFileSync(join(out, 'figures', `${f.file}.svg`), 'utf8');
      expect(svg).toContain(f.svg);
      // Drawn at 2× for print.
      expect(pngSize(join(out, 'figures', `${f.file}.png`))).toEqual([f.width * 2, f.height * 2]);
    }
  });

  it.runIf(python !== undefined || required)(
    'workbook: one sheet per table, numbers as numbers, units in frozen headers',
    () => {
      const read: ReadBack = readBack(join(out, 'report.xlsx'), join(out, 'report.docx'));
      const tables = tablesOf(doc);
      expect(read.xlsx.sheets.map((s) => s.name)).toEqual(['目录', ...tables.map((t) => t.sheet)]);
      tables.forEach((t, i) => {
        const sheet = read.xlsx.sheets[i + 1]!;
        expect(sheet.freeze).toBe('A2');
        expect(sheet.rows[0]).toEqual(t.columns.map(headerText));
        t.rows.forEach((row, r) => {
          t.columns.forEach((_, j) => {
            const got = sheet.rows[r + 1]![j];
            const want = row[j];
            if (typeof want === 'number') {
              expect(sheet.types[r + 1]![j], `${t.number} row ${r + 1} col ${j + 1}`).toBe('n');
              expect(got).toBe(want);
            } else expect(got ?? null).toBe(want === '' ? null : want);
          });
        });
      });
      // The water balance sheet holds the engine's figures: A took 100 t, 98 t left, residual 2 t (2 %).
      const { model } = loadModel(smallPlant, modelFile);
      const engine = analyseForReport({ model }).check!.balances.find((b) => b.node === 'A' && b.layer === 'water')!;
      const water = read.xlsx.sheets.find((s) => s.name.startsWith('4-1 '))!;
      const a = water.rows.find((r) => r[0] === '整理车间')!;
      expect(a.slice(2, 7)).toEqual([
        engine.in,
        engine.out,
        engine.stockChange,
        engine.residual,
        engine.closure! * 100,
      ]);
      expect(a.slice(2, 7)).toEqual([100, 98, 0, 2, 2]);
      // Decimals per column from its largest value at 4 significant digits: 150 t → 1, 0 → 0, 2 t → 3; closure % fixed at 2.
      expect(water.formats[1]!.slice(2, 7)).toEqual(['#,##0.0', '#,##0.0', '#,##0', '#,##0.000', '#,##0.00']);
    },
  );

  it.runIf(python !== undefined || required)('Word: real tables with repeated headers, PNG figures, A4', () => {
    const read = readBack(join(out, 'report.xlsx'), join(out, 'report.docx'));
    const tables = tablesOf(doc);
    expect(read.docx.tables).toHaveLength(tables.length);
    tables.forEach((t, i) => {
      const got = read.docx.tables[i]!;
      expect(got[0]).toEqual(t.columns.map(headerText));
      expect(got.slice(1)).toEqual(t.rows.map((r) => t.columns.map((c, j) => cellText(r[j] ?? null, c, 'zh'))));
    });
    expect(read.docx.headerRepeats.every(Boolean)).toBe(true);
    // 综合能耗 2.4433 tce 当量值 and 4.2143 tce 等价值, as the engine computed them, in the locale's format.
    const energy = read.docx.tables[tables.findIndex((t) => t.caption.startsWith('测试整理厂 综合能耗'))]!;
    expect(energy.at(-1)!.slice(0, 1).concat(energy.at(-1)!.slice(8, 10))).toEqual(['综合能耗', '2.443', '4.214']);
    expect(read.docx.images).toHaveLength(figuresOf(doc).length);
    for (const img of read.docx.images) expect(img).toMatchObject({ content_type: 'image/png', png: true });
    const captions = read.docx.paragraphs.map((p) => p.text);
    expect(captions).toContain('表 4-1　水平衡表（各单元）');
    expect(captions).toContain('图 4-1　全厂水平衡图');
    expect(read.docx.paragraphs.filter((p) => p.style === 'Heading 1').map((p) => p.text)).toEqual(
      doc.chapters.map((c) => `${c.number}　${c.title}`),
    );
    // A4: 210 × 297 mm = 11 906 × 16 838 twips = 7 560 310 × 10 692 130 EMU.
    expect(read.docx.page).toEqual({ width: 7560310, height: 10692130 });
  });

  it('writes English with --lang en', async () => {
    const en = join(dir, 'en');
    const r = await runCli(['report', modelFile, '--out', en, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Written to .*: \d+ tables, 11 figures/);
    const html = readFileSync(join(en, 'report.html'), 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Table 4-1　Water balance of each unit');
    expect(html).toContain('Figure 4-1　Water balance of the enterprise');
    expect(html).toContain('Finishing shop');
    expect(html).toContain('Figure 7-2　Water balance of the enterprise, reconciled');
    expect(html).toContain('values: reconciled');
  });

  it('--compare BEFORE adds chapter 8 (before/after, 表2); an unreadable BEFORE is exit 2', async () => {
    const cmp = join(dir, 'compare');
    const r = await runCli([
      'report',
      'datasets/coating-after.json',
      '--compare',
      'datasets/coating.json',
      '--out',
      cmp,
      '--json',
    ]);
    expect(r.code).not.toBe(2);
    const html = readFileSync(join(cmp, 'report.html'), 'utf8');
    expect(html).toContain('表 8-1　清洁生产实施情况表（安徽 表 2 格式，年值）');
    expect(JSON.parse(r.stdout).missing.filter((m: { chapter: string }) => m.chapter.startsWith('8 '))).toEqual([]);
    const bad = await runCli(['report', modelFile, '--compare', join(dir, 'missing.json'), '--out', join(dir, 'x')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('missing.json');
  });

  it('--readings CSV: the meter totals go into the flows, the 72 h condition is judged on the readings', async () => {
    // Hourly totalizer readings of M1 (W1: 100 t) and EM1 (E1: 10 000 kWh) over the 72 h campaign.
    const lines = ['time,M1,EM1'];
    for (let h = 0; h <= 72; h++) {
      const at = new Date(Date.UTC(2026, 2, 2, h)).toISOString().slice(0, 16).replace('T', ' ');
      lines.push(`${at},${1000 + (h * 100) / 72},${50000 + (h * 10000) / 72}`);
    }
    const csv = join(dir, 'readings.csv');
    writeFileSync(csv, `${lines.join('\n')}\n`);
    const out = join(dir, 'readings');
    const r = await runCli(['report', modelFile, '--readings', csv, '--tz', 'UTC', '--out', out]);
    expect(r.code, r.stderr).toBe(1);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain(
      'readings.csv：2026-03-02 00:00 +00:00 至 2026-03-05 00:00 +00:00（72 小时，最长连续 72 小时）</td>',
    );
    expect(html).toContain('<td>72 小时（由读数）</td>');
  });

  it('warns when PINGHENG_CJK_FONT names a missing file, and still draws with a font it finds', async () => {
    const before = process.env.PINGHENG_CJK_FONT;
    process.env.PINGHENG_CJK_FONT = join(dir, 'no-such-font.ttf');
    try {
      const r = await runCli(['report', modelFile, '--out', join(dir, 'font'), '--json']);
      expect(JSON.parse(r.stdout).warnings).toEqual([
        `警告：PINGHENG_CJK_FONT 指向的字体文件 ${join(dir, 'no-such-font.ttf')} 不存在，改用系统中找到的字体`,
      ]);
    } finally {
      if (before === undefined) delete process.env.PINGHENG_CJK_FONT;
      else process.env.PINGHENG_CJK_FONT = before;
    }
  });

  it('exits 2 naming the path when --out cannot be written', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a directory');
    const target = join(blocker, 'report');
    const r = await runCli(['report', modelFile, '--out', target]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(target);
    expect(r.stderr).toMatch(/无法写入/);
    expect(existsSync(join(target, 'report.docx'))).toBe(false);
  });

  it('exits 2 on an unusable model or a missing --out, as every command does', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "name": "x", "nodes": [], "flows": [] }');
    const r = await runCli(['report', bad, '--out', join(dir, 'never')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.json');
    expect(existsSync(join(dir, 'never'))).toBe(false);
    expect((await runCli(['report', modelFile])).code).toBe(2);
  });
});
