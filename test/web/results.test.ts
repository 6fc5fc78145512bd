/**
 * The results panel in the page: the coating example compared with its own report-period model
 * (datasets/coating-after.json) — savings, acceptance, 表2, CO2 — and a report-period model picked by
 * the user that cannot be compared (the error shown located, the plant kept).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/index.ts';
import { hasChromium, launch, serve, sharedSite, type StaticServer } from './site.ts';

const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts/web');

describe.skipIf(!hasChromium())('results in the web app', () => {
  let dir: string;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    dir = await sharedSite(); // built once per test run, shared read-only
    server = await serve(dir);
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
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

  it('coating example: compared with coating-after.json without asking; CO2 inventory with its factors', async () => {
    await page.selectOption('#example', 'coating');
    await page.waitForSelector('body[data-results="coating.json:compare"] #panels table[data-table="results-table2"]');
    const savings = await page.locator('#panels table[data-table="results-savings"] tbody').textContent();
    // the coating pair has no energy flow: no 综合能耗 row (0 → 0 is no data), and a note that says so
    expect(savings).not.toContain(t('zh', 'results.row.energy'));
    expect(await page.locator('#panels').textContent()).toContain(t('zh', 'results.noEnergy'));
    expect(savings).toContain('VOCs');
    expect(await page.locator('#panels table[data-table="results-acceptance"] tbody tr').count()).toBeGreaterThan(2);
    await page.selectOption('#lang', 'en');
    expect(await page.locator('#panels table[data-table="results-table2"] tbody').textContent()).toContain(
      'raw water used before',
    );
    await page.selectOption('#lang', 'zh');
    expect(problems).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'page-coating-results-zh.png'), fullPage: true });
  });

  it('dyeing example: the CO2 inventory names the grid factor it used', async () => {
    await page.selectOption('#example', 'dyeing');
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('dyeing.json'));
    await page.waitForSelector('body[data-results^="dyeing.json:"] #panels table[data-table="carbon-factors"]');
    expect(await page.locator('#panels table[data-table="carbon-sources"] tbody').textContent()).toContain('E01');
    expect(await page.locator('#panels table[data-table="carbon-factors"] tbody').textContent()).toContain('MEE-NBS');
    expect(problems).toEqual([]);
  });

  it('a picked report-period model that cannot be compared: the problems, located; the plant stays', async () => {
    await page.selectOption('#example', 'plating');
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('plating.json'));
    await page.waitForSelector('body[data-results="plating.json:carbon"]');
    await page.setInputFiles('#after-file', resolve(import.meta.dirname, '../../datasets/coating-after.json'));
    await page.waitForSelector('#panels section[data-panel="results"] p.note >> text=production');
    expect(await page.locator('#status').textContent()).toContain('plating.json');
    expect(problems).toEqual([]);
  });
});
