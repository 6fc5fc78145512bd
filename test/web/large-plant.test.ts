/**
 * The web app with a plant of 2 000 nodes in a real Chromium: small units grouped, a group expanded,
 * every unit drawn inside the drawing, zoom. Its own file (from e2e.test.ts): at ~20 s on this machine
 * it is the longest browser test, and the suite's workers now run it beside the others. Screenshots go
 * to test-artifacts/web/ (gitignored); with PINGHENG_DOCS_SCREENSHOTS=1 the one docs/web.md shows also
 * to docs/img/.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/index.ts';
import { generatePlant } from './generate-plant.ts';
import { hasChromium, type OpenedSite, openBuilt, sharedSite } from './site.ts';

const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts/web');
const DOCS_IMG = resolve(import.meta.dirname, '../../docs/img');

describe.skipIf(!hasChromium())('a plant of 2 000 nodes in Chromium', () => {
  let site: OpenedSite;
  let page: Page;
  let problems: string[];
  const shot = (name: string) => page.locator('section.diagram').screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  const toDocs = (name: string) => {
    if (!process.env.PINGHENG_DOCS_SCREENSHOTS) return;
    mkdirSync(DOCS_IMG, { recursive: true });
    copyFileSync(join(ARTIFACTS, `${name}.png`), join(DOCS_IMG, `${name}.png`));
  };
  const waitView = (view: string) => page.waitForSelector(`body[data-view="${view}"] #sankey svg`);
  const choose = async (select: string, value: string) => page.selectOption(select, value);

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    site = await openBuilt(await sharedSite()); // built once per test run, shared read-only
    ({ page, problems } = site);
  }, 120_000);
  afterAll(async () => site?.close());

  it('draws a plant of 2 000 nodes legibly: small units grouped, expandable, every node inside the drawing', async () => {
    const model = generatePlant(40, 1956);
    await page.setInputFiles('#file', {
      name: 'generated-2000.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(model)),
    });
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('generated-2000.json'));
    await choose('#layer', 'water');
    await choose('#level', '3');
    await waitView('water:3:zh');
    await page.waitForSelector('#groups-note:not([hidden])');
    expect(await page.textContent('#groups-note')).toContain('其他');
    const inside = () =>
      page.$eval('#sankey svg', (svg) => {
        const [, , w, h] = svg.getAttribute('viewBox')!.split(' ').map(Number);
        const rects = [...svg.querySelectorAll('g.nodes rect')].map((r) => ({
          x: Number(r.getAttribute('x')),
          y: Number(r.getAttribute('y')),
          w: Number(r.getAttribute('width')),
          h: Number(r.getAttribute('height')),
        }));
        return {
          n: rects.length,
          outside: rects.filter((r) => r.x < 0 || r.y < 0 || r.x + r.w > w! || r.y + r.h > h!).length,
        };
      });
    const grouped = await inside();
    expect(grouped.outside).toBe(0);
    // At most 40 units one by one (a 1 600 px column's legible share), plus the workshops' own
    // distribution nodes and the outside nodes; not crowded.
    expect(grouped.n).toBeLessThan(100);
    expect(await page.textContent('#groups-note')).not.toContain(t('zh', 'web.crowded'));
    const scale = Number((await page.textContent('#totals'))!.match(/[：:]\s*([\d.]+) px/)![1]);
    expect(scale).toBeGreaterThan(0);
    await shot('generated-2000-water-L3');
    toDocs('generated-2000-water-L3');
    // A "其他" node expands on click.
    await page.click('#sankey g[data-group]');
    await page.waitForFunction((n) => document.querySelectorAll('#sankey g.nodes g').length > n, grouped.n);
    expect((await inside()).outside).toBe(0);
    // Every unit, ungrouped: still all inside, the scale never 0; zoom changes the drawing's size.
    await page.uncheck('#group');
    await page.waitForFunction(() => document.querySelectorAll('#sankey g.nodes g').length > 1900, undefined, {
      timeout: 60_000,
    });
    const all = await inside();
    expect(all.outside).toBe(0);
    expect(Number((await page.textContent('#totals'))!.match(/[：:]\s*([\d.]+) px/)![1])).toBeGreaterThan(0);
    const before = Number(await page.getAttribute('#sankey svg', 'width'));
    await page.click('#zoom-in');
    expect(Number(await page.getAttribute('#sankey svg', 'width'))).toBeCloseTo(before * 1.25, -1);
    await page.click('#zoom-out');
    await page.check('#group');
    await choose('#example', 'dyeing');
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('dyeing.json'));
    expect(problems).toEqual([]);
  }, 240_000); // 2 000 nodes and 5 384 links in the DOM: a minute or more on a loaded 2-core machine
});
