/**
 * The VOCs solvent balance in the page: the coating example's VOCs panel and, at enterprise level,
 * the solvent-balance Sankey (raw materials → product / waste / recovered / destroyed / stack / fugitive).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/index.ts';
import { hasChromium, launch, serve, sharedSite, type StaticServer } from './site.ts';

const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts/web');

describe.skipIf(!hasChromium())('VOCs in the web app', () => {
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

  it('coating example: the VOCs panel and the solvent-balance Sankey at enterprise level', async () => {
    await page.selectOption('#example', 'coating');
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('coating.json'));
    await page.selectOption('#layer', 'VOCs');
    await page.selectOption('#level', '1');
    await page.waitForSelector('body[data-view="VOCs:1:zh"] #sankey svg');
    for (const sink of ['product', 'waste', 'recovered-solvent', 'destroyed', 'stack', 'fugitive'])
      expect(await page.locator(`#sankey g[data-id="sink:${sink}"]`).count(), sink).toBe(1);
    expect(await page.locator('#sankey g[data-id="sink:destroyed"] text').textContent()).toContain(
      t('zh', 'kind.destroyed'),
    );
    const rows = page.locator('#panels table[data-table="vocs-units"] tbody tr');
    expect(await rows.count()).toBe(6); // mixing room, two booths, oven, still, total
    expect(await rows.nth(1).textContent()).toContain('1#喷漆房');
    expect(await page.locator('#panels table[data-table="vocs-treatments"] tbody tr').textContent()).toContain(
      t('zh', 'vocs.status.pass'),
    );
    expect(problems).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator('section.diagram').screenshot({ path: join(ARTIFACTS, 'coating-VOCs-L1-solvent.png') });
    await page.screenshot({ path: join(ARTIFACTS, 'page-coating-VOCs-L1-zh.png'), fullPage: true });
  });
});
