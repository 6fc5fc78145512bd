/**
 * 下载报告 in the built web app: the same three files as the command line, made in the browser
 * (canvas PNGs, docx and exceljs in the page), downloaded from blob: URLs with no request leaving
 * the page; read back with openpyxl and python-docx like the CLI's.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { analyseForReport, buildReport, headerText, parseModel, tablesOf } from '../../src/index.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, serve, sharedSite, type StaticServer } from '../web/site.ts';
import { python, readBack } from './readers.ts';

/** `pingheng report dyeing-after.json --compare dyeing.json`'s document, built in-process. */
function cliDocument() {
  const read = (f: string) => parseModel(readFileSync(join('datasets', f)), f);
  const after = read('dyeing-after.json');
  const results = analyseForReport({
    model: after.model,
    file: 'dyeing-after.json',
    warnings: after.warnings,
    before: { model: read('dyeing.json').model, file: 'dyeing.json' },
  });
  return Object.assign(buildReport(results, { lang: 'zh' }), { results });
}

describe.skipIf(!hasChromium())('下载报告 in the web app', () => {
  let dir: string;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const out = mkdtempSync(join(tmpdir(), 'pingheng-web-report-'));

  beforeAll(async () => {
    dir = await sharedSite(); // built once per test run, shared read-only
    server = await serve(dir);
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(server.url);
    await page.waitForSelector('body[data-view="water:2:zh"] #sankey svg');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('writes report.html, report.xlsx and report.docx, locally: the document `pingheng report` makes', async () => {
    // The dyeing example comes with its report-period model (dyeing-after.json): once the results
    // panel has compared them, the report is `pingheng report dyeing-after.json --compare dyeing.json`.
    await page.waitForSelector('body[data-results="dyeing.json:compare"]', { timeout: 60_000 });
    const before = server.requests.length;
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await page.click('#export-report');
    await page.waitForSelector('body[data-report]', { timeout: 60_000 });
    expect(await page.getAttribute('body', 'data-report')).toBe('done');
    await expect.poll(() => downloads.length).toBe(3);
    const names = downloads.map((d) => d.suggestedFilename()).sort();
    expect(names).toEqual([
      '示例针织印染厂（佛山）-report.docx',
      '示例针织印染厂（佛山）-report.html',
      '示例针织印染厂（佛山）-report.xlsx',
    ]);
    const saved: Record<string, string> = {};
    for (const d of downloads) {
      const file = join(out, d.suggestedFilename().replace(/^.*-report/, 'report'));
      await d.saveAs(file);
      saved[file.slice(-4)] = file;
    }
    // Only the page's own chunks (the writers' libraries) were fetched: nothing went anywhere else.
    for (const path of server.requests.slice(before)) expect(path).toMatch(/^\/assets\/[\w.-]+\.js$/);
    expect(problems).toEqual([]);
    expect(await page.textContent('#status')).toContain('与基准期 dyeing.json 对比，含第 8 章审核绩效');
    if (!python) return;
    const read = readBack(saved.xlsx!, saved.docx!);
    expect(read.xlsx.sheets[0]!.name).toBe('目录');
    // The same document as the command line's, sheet for sheet and cell for cell (numbers as numbers).
    const doc = cliDocument();
    const tables = tablesOf(doc);
    expect(read.xlsx.sheets.map((s) => s.name)).toEqual(['目录', ...tables.map((t) => t.sheet)]);
    tables.forEach((t, i) => {
      const sheet = read.xlsx.sheets[i + 1]!;
      expect(sheet.rows[0]).toEqual(t.columns.map(headerText));
      t.rows.forEach((row, r) => {
        expect(
          sheet.rows[r + 1]!.slice(0, t.columns.length).map((c) => c ?? ''),
          `${t.number} row ${r + 1}`,
        ).toEqual(row.map((c) => c ?? ''));
      });
    });
    expect(tables.some((t) => t.number.startsWith('表 8-'))).toBe(true);
    const water = read.xlsx.sheets.find((s) => s.name.startsWith('4-1 '))!;
    expect(water.freeze).toBe('A2');
    expect(water.rows[0]!.slice(0, 4)).toEqual(['单元', '级别', '输入 (t)', '输出 (t)']);
    // The plant after the audit: its water input is the engine's enterprise water balance, as a number.
    const plant = doc.results.check!.balances.find((b) => b.layer === 'water' && b.node === 'plant')!;
    expect(water.rows[1]!.slice(0, 3)).toEqual(['示例针织印染厂（佛山）', 1, plant.in]);
    expect(read.docx.tables.length).toBe(read.xlsx.sheets.length - 1);
    expect(read.docx.images.length).toBeGreaterThanOrEqual(4);
    for (const img of read.docx.images) expect(img.png).toBe(true);
  });
});
