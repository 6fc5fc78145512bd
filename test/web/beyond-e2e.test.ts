/**
 * The periods trend (web/periods.ts) in a real Chromium: the monthly example shows its periods
 * section with three charts of twelve points, the table of months, year and campaign, in both
 * languages, without errors in the console.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/index.ts';
import { hasChromium, openSite, type OpenedSite } from './site.ts';

const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts/web');

describe.skipIf(!hasChromium())('periods and advice in the page (Chromium)', () => {
  let site: OpenedSite;
  let page: Page;

  beforeAll(async () => {
    site = await openSite('beyond');
    page = site.page;
  }, 180_000);

  afterAll(async () => {
    await site?.close();
  });

  it('the monthly heating station: a trend chart of twelve months and the periods table', async () => {
    await page.selectOption('#example', 'boiler-monthly');
    await page.waitForSelector('section[data-panel="periods"] svg');
    const section = page.locator('section[data-panel="periods"]');
    expect(await section.locator('h2').textContent()).toBe(t('zh', 'web.periods.title'));
    expect(await section.locator('figure.trend').count()).toBe(3);
    expect(await section.locator('figure.trend').first().locator('circle').count()).toBe(12);
    const kinds = await section
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.kind));
    expect(kinds).toEqual([...Array(12).fill('period'), 'year', 'campaign']);
    expect(await section.locator('tbody tr').first().locator('td').first().textContent()).toBe('2025年1月');
    mkdirSync(ARTIFACTS, { recursive: true });
    await section.screenshot({ path: join(ARTIFACTS, 'periods-boiler-monthly-zh.png') });
    await page.selectOption('#lang', 'en');
    await page.waitForFunction(
      (title) => document.querySelector('section[data-panel="periods"] h2')?.textContent === title,
      t('en', 'web.periods.title'),
    );
    expect(await section.locator('tbody tr').first().locator('td').first().textContent()).toBe('2025-01');
    await page.selectOption('#lang', 'zh');
    expect(site.problems).toEqual([]);
  });

  it('a plant without periods has no periods section', async () => {
    await page.selectOption('#example', 'dyeing');
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('dyeing.json'));
    await page.waitForSelector('#panels section[data-panel="balance"]');
    expect(await page.locator('section[data-panel="periods"]').count()).toBe(0);
  });
});
