/**
 * The report page in a real Chromium: self-contained (no request but the page itself), every
 * table and figure there and drawn, print CSS that breaks chapters onto A4 pages, and a PDF.
 * Screenshots go to test-artifacts/report/ (docs/report.md says how docs/report-page.png is made).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  analyseForReport,
  buildReport,
  figuresOf,
  parseModel,
  tablesOf,
  writeHtml,
  type ReportDocument,
} from '../../src/index.ts';
import { hasChromium, launch } from '../web/site.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ARTIFACTS = join(ROOT, 'test-artifacts/report');

function dyeing(lang: 'zh' | 'en'): ReportDocument {
  const file = join(ROOT, 'datasets/dyeing.json');
  const { model, warnings } = parseModel(readFileSync(file, 'utf8'), 'datasets/dyeing.json');
  return buildReport(analyseForReport({ model, warnings, file: 'datasets/dyeing.json', date: '2026-03-06' }), {
    lang,
  });
}

describe.skipIf(!hasChromium())('report page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`renders every table and figure of the dyeing plant (${lang}), self-contained, printable on A4`, async () => {
      const doc = dyeing(lang);
      const file = join(ARTIFACTS, `dyeing-${lang}.html`);
      writeFileSync(file, writeHtml(doc));
      const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${file}`);
      expect(problems).toEqual([]);
      expect(requests).toEqual([`file://${file}`]);

      expect(await page.locator('table').count()).toBe(tablesOf(doc).length);
      expect(await page.locator('figure svg').count()).toBe(figuresOf(doc).length);
      const sizes = await page
        .locator('figure svg')
        .evaluateAll((els) => els.map((e) => (e as SVGSVGElement).getBoundingClientRect().width));
      for (const w of sizes) expect(w).toBeGreaterThan(400);
      const captions = await page.locator('caption').allTextContents();
      expect(captions).toEqual(tablesOf(doc).map((t) => `${t.number}　${t.caption}`));
      // Numbers right-aligned under right-aligned headers.
      const align = await page
        .locator('th.num')
        .first()
        .evaluate((e) => getComputedStyle(e).textAlign);
      expect(align).toBe('right');

      await page.emulateMedia({ media: 'print' });
      const breaks = await page
        .locator('section.chapter')
        .evaluateAll((els) => els.map((e) => getComputedStyle(e).breakBefore));
      expect(breaks.every((b) => b === 'page')).toBe(true);
      const pdf = await page.pdf({ preferCSSPageSize: true });
      writeFileSync(join(ARTIFACTS, `dyeing-${lang}.pdf`), pdf);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // A4 in points (595.28 × 841.89; Chromium writes 594.96 × 841.92); every chapter starts a page.
      const text = pdf.toString('latin1');
      expect(text).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 841\.\d+\]/);
      expect(text.match(/\/Type \/Page\b/g)!.length).toBeGreaterThanOrEqual(doc.chapters.length + 1);
      await page.emulateMedia({ media: 'screen' });
      await page.screenshot({ path: join(ARTIFACTS, `dyeing-${lang}-top.png`) });
      await page.locator('#ch-water').screenshot({ path: join(ARTIFACTS, `dyeing-${lang}-water.png`) });
      await page.close();
    });
  }
});
