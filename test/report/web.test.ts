/**
 * 下载报告 in the built web app: the same three files as the command line, made in the browser
 * (canvas PNGs, docx and exceljs in the page), downloaded from blob: URLs with no request leaving
 * the page; read back with openpyxl and python-docx like the CLI's.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, serve, sharedSite, type StaticServer } from '../web/site.ts';
import { python, readBack } from './readers.ts';

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

  it('writes report.html, report.xlsx and report.docx of the plant shown, locally', async () => {
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
    if (!python) return;
    const read = readBack(saved.xlsx!, saved.docx!);
    expect(read.xlsx.sheets[0]!.name).toBe('目录');
    const water = read.xlsx.sheets.find((s) => s.name.startsWith('4-1 '))!;
    expect(water.freeze).toBe('A2');
    expect(water.rows[0]!.slice(0, 4)).toEqual(['单元', '级别', '输入 (t)', '输出 (t)']);
    // The dyeing plant takes 7 060 t of water (datasets/README.md), as a number.
    expect(water.rows[1]!.slice(0, 3)).toEqual(['示例针织印染厂（佛山）', 1, 7060]);
    expect(read.docx.tables.length).toBe(read.xlsx.sheets.length - 1);
    expect(read.docx.images.length).toBeGreaterThanOrEqual(4);
    for (const img of read.docx.images) expect(img.png).toBe(true);
  });
});
