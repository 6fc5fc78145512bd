/**
 * 下载报告 in the built web app: the same three files as the command line, made in the browser
 * (canvas PNGs, docx and exceljs in the page), downloaded from blob: URLs with no request leaving
 * the page; read back with openpyxl and python-docx like the CLI's.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { analyseForReport, buildReport, headerText, parseModel, tablesOf } from '../../src/index.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, serve, sharedSite, type StaticServer } from '../web/site.ts';
import { python, readBack } from './readers.ts';

/** `pingheng report MODEL [--compare BEFORE]`'s document for bundled examples, built in-process. */
function cliDocument(file: string, before?: string) {
  const read = (f: string) => parseModel(readFileSync(join('datasets', f)), f);
  const model = read(file);
  const results = analyseForReport({
    model: model.model,
    file,
    warnings: model.warnings,
    ...(before ? { before: { model: read(before).model, file: before } } : {}),
  });
  return Object.assign(buildReport(results, { lang: 'zh' }), { results });
}

/** The workbook read back equals the document's tables, sheet for sheet and cell for cell. */
function expectSameWorkbook(read: ReturnType<typeof readBack>, doc: ReturnType<typeof cliDocument>) {
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
}

/** Clicks 下载报告 and saves the three downloads under `dir`: their paths by extension. */
async function download(page: Page, dir: string): Promise<Record<string, string>> {
  await page.evaluate(() => {
    delete document.body.dataset.report;
  });
  const downloads: Download[] = [];
  const onDownload = (d: Download) => downloads.push(d);
  page.on('download', onDownload);
  await page.click('#export-report');
  await page.waitForSelector('body[data-report]', { timeout: 60_000 });
  expect(await page.getAttribute('body', 'data-report')).toBe('done');
  await expect.poll(() => downloads.length).toBe(3);
  page.off('download', onDownload);
  mkdirSync(dir, { recursive: true });
  const saved: Record<string, string> = {
    names: downloads
      .map((d) => d.suggestedFilename())
      .sort()
      .join('\n'),
  };
  for (const d of downloads) {
    const file = join(dir, d.suggestedFilename().replace(/^.*-report/, 'report'));
    await d.saveAs(file);
    saved[file.slice(-4)] = file;
  }
  return saved;
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
    const saved = await download(page, join(out, 'dyeing'));
    expect(saved.names!.split('\n')).toEqual([
      '示例针织印染厂（佛山）-report.docx',
      '示例针织印染厂（佛山）-report.html',
      '示例针织印染厂（佛山）-report.xlsx',
    ]);
    // Only the page's own chunks (the writers' libraries) were fetched: nothing went anywhere else.
    for (const path of server.requests.slice(before)) expect(path).toMatch(/^\/assets\/[\w.-]+\.js$/);
    expect(problems).toEqual([]);
    expect(await page.textContent('#status')).toContain('与基准期 dyeing.json 对比，含第 8 章审核绩效');
    if (!python) return;
    const read = readBack(saved.xlsx!, saved.docx!);
    expect(read.xlsx.sheets[0]!.name).toBe('目录');
    // The same document as the command line's, sheet for sheet and cell for cell (numbers as numbers).
    const doc = cliDocument('dyeing-after.json', 'dyeing.json');
    expectSameWorkbook(read, doc);
    const tables = tablesOf(doc);
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

  it('without a report-period model: the plant shown, as `pingheng report MODEL` (chapter 8 says how)', async () => {
    await page.selectOption('#example', 'plating');
    await page.waitForSelector('body[data-results="plating.json:carbon"]', { timeout: 60_000 });
    const saved = await download(page, join(out, 'plating'));
    expect(await page.textContent('#status')).not.toContain('基准期');
    expect(problems).toEqual([]);
    if (!python) return;
    const read = readBack(saved.xlsx!, saved.docx!);
    expectSameWorkbook(read, cliDocument('plating.json'));
    const text = read.docx.paragraphs.map((p) => p.text);
    expect(text).toContain(
      '未给出审核前的模型，本章从略。命令行：pingheng report 审核后模型 --compare 审核前模型；网页：打开审核前模型，在“审核后模型（对比）”中选择审核后模型，再下载报告。',
    );
  });
});
