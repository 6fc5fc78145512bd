/**
 * The periods trend (web/periods.ts) and the meter-placement advice (web/panels/advice.ts) in a real
 * Chromium: the monthly example shows its periods section with three charts of twelve points, the table
 * of months, year and campaign, in both languages; the boiler's advice lists the meters with their flows
 * highlighted on the diagram, switches the view to a flow's layer and level on a click, and loads the
 * covering solver only when asked — without errors in the console.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/index.ts';
import { hasChromium, openBuilt, sharedSite } from './site.ts';

const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts/web');
const DOCS_IMG = resolve(import.meta.dirname, '../../docs/img');

type OpenedSite = Awaited<ReturnType<typeof openBuilt>> & { dir: string };

/** Script files fetched so far (page and worker) whose text holds the covering solver's (yalps) status strings. */
const solverChunks = (site: OpenedSite) =>
  [...new Set(site.server.requests)].filter(
    (p) =>
      p.endsWith('.js') &&
      existsSync(join(site.dir, p)) &&
      /[`"']timedout[`"']/.test(readFileSync(join(site.dir, p), 'utf8')),
  );

describe.skipIf(!hasChromium())('periods and advice in the page (Chromium)', () => {
  let site: OpenedSite;
  let page: Page;

  beforeAll(async () => {
    const dir = await sharedSite(); // built once per test run, shared read-only
    site = { ...(await openBuilt(dir)), dir };
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
    // the panels are drawn again once this plant's extras and results are in (the previous plant's
    // stay until then): wait for its results, which come after its extras
    await page.waitForFunction(() => document.body.dataset.results?.startsWith('dyeing.json:') === true);
    await page.waitForSelector('#panels section[data-panel="balance"]');
    expect(await page.locator('section[data-panel="periods"]').count()).toBe(0);
  });

  it('advice: the boiler to "simple" — seven meters listed by name, highlighted on the diagram, the solver loaded only now', async () => {
    await page.selectOption('#example', 'boiler');
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('boiler.json'));
    await page.waitForSelector('#panels section[data-panel="advice"] #advice-run');
    // the first diagram and the panels came without the covering solver
    expect(solverChunks(site)).toEqual([]);
    const section = page.locator('section[data-panel="advice"]');
    expect(await section.locator('h2').textContent()).toBe(t('zh', 'web.advice.title'));
    await page.selectOption('#advice-goal', 'simple');
    await page.click('#advice-run');
    // test/advice/advise.test.ts: AIR-OX, BD1, BD2, FG1, G11, G12, W04 — proven optimal, depth then gives full
    await page.waitForFunction(() => document.body.dataset.advice === 'simple:7');
    expect(solverChunks(site)).toHaveLength(1);
    const flows = await section
      .locator('tr.advice-item')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.flow));
    expect([...flows].sort()).toEqual(['AIR-OX', 'BD1', 'BD2', 'FG1', 'G11', 'G12', 'W04']);
    const bd1 = section.locator('tr.advice-item[data-flow="BD1"] td');
    expect(await bd1.nth(2).textContent()).toMatch(/^1#炉排污 \(BD1\)/);
    expect(await bd1.nth(3).textContent()).toBe(`${t('zh', 'layer.water')} · ${t('zh', 'web.level.1')}`);
    expect(await bd1.nth(4).textContent()).toBe('5');
    expect(await bd1.nth(5).textContent()).toContain('水计量器具配备率');
    const badges = await section.locator('.highlights .verdict').allTextContents();
    expect(badges).toEqual([
      t('zh', 'web.advice.from', { depth: t('zh', 'depth.label.estimated') }),
      t('zh', 'web.advice.reaches', { depth: t('zh', 'depth.label.full') }),
      t('zh', 'web.advice.optimal', { count: 7 }),
    ]);
    // the water diagram at level 2: every advised water flow (W04, BD1, BD2) is cased; nothing dimmed
    expect(await page.evaluate(() => document.body.dataset.view)).toBe('water:2:zh');
    const marked = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<SVGPathElement>('#sankey g.links > path[data-advice]')].map(
          (p) => `${p.dataset.source}>${p.dataset.target}:${p.dataset.advice}`,
        ),
      );
    const all = await marked();
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((m) => m.endsWith(':all'))).toBe(true);
    expect(await page.locator('#sankey g.advice-marks path').count()).toBe(all.length);
    expect(await page.locator('#sankey svg.advice-one').count()).toBe(0);
    // the material flows are not on the water diagram: their rows say so
    expect(await section.locator('tr[data-flow="FG1"]').getAttribute('data-drawn')).toBe('no');
    expect(await section.locator('tr[data-flow="BD1"]').getAttribute('data-drawn')).toBe('yes');
    // hovering BD1's row: its link alone, the others dimmed
    await section.locator('tr[data-flow="BD1"]').hover();
    const one = await marked();
    expect(one.length).toBeGreaterThan(0);
    expect(one.length).toBeLessThan(all.length);
    expect(one.every((m) => m.endsWith(':one'))).toBe(true);
    expect(await page.locator('#sankey svg.advice-one').count()).toBe(1);
    await page.mouse.move(0, 0);
    await page.waitForFunction(() => !document.querySelector('#sankey svg.advice-one'));
    // focusing the row by keyboard does the same (and stays while the page scrolls to the diagram)
    await section.locator('tr[data-flow="BD1"]').focus();
    expect(await marked()).toEqual(one);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator('#sankey').screenshot({ path: join(ARTIFACTS, 'advice-boiler-water-BD1.png') });
    await section.locator('tr[data-flow="BD1"]').blur();
    await page.waitForFunction(() => !document.querySelector('#sankey svg.advice-one'));
    // clicking FG1 (the flue gas, material, needed down to level 3) switches the diagram there and keeps it marked
    await section.locator('tr[data-flow="FG1"]').click();
    await page.waitForFunction(() => document.body.dataset.adviceChosen === 'FG1');
    await page.mouse.move(0, 0);
    expect(await page.evaluate(() => document.body.dataset.view)).toBe('material:3:zh');
    expect(await page.locator('#layer').inputValue()).toBe('material');
    expect(await page.locator('#level').inputValue()).toBe('3');
    const fg1 = await marked();
    expect(fg1.length).toBeGreaterThan(0);
    expect(fg1.every((m) => m.endsWith(':one'))).toBe(true);
    expect(await section.locator('tr[data-flow="FG1"]').getAttribute('aria-selected')).toBe('true');
    expect(await section.locator('tr[data-flow="FG1"]').getAttribute('data-drawn')).toBe('yes');
    await page.screenshot({ path: join(ARTIFACTS, 'advice-boiler-FG1.png'), fullPage: true });
    await section.screenshot({ path: join(ARTIFACTS, 'advice-boiler-panel.png') });
    if (process.env.PINGHENG_DOCS_SCREENSHOTS) {
      mkdirSync(DOCS_IMG, { recursive: true });
      copyFileSync(join(ARTIFACTS, 'advice-boiler-panel.png'), join(DOCS_IMG, 'advice-boiler-panel.png'));
    }
    // English: names follow the language; the advice and the choice stay
    await page.selectOption('#lang', 'en');
    await page.waitForFunction(
      (title) => document.querySelector('section[data-panel="advice"] h2')?.textContent === title,
      t('en', 'web.advice.title'),
    );
    expect(await section.locator('tr[data-flow="BD1"] td').nth(2).textContent()).toMatch(/^blowdown, boiler 1 \(BD1\)/);
    expect(await section.locator('tr[data-flow="FG1"]').getAttribute('aria-selected')).toBe('true');
    await page.selectOption('#lang', 'zh');
    expect(site.problems).toEqual([]);
  });

  it('advice for redundancy, and an impossible target said with its reason', async () => {
    const section = page.locator('section[data-panel="advice"]');
    await page.selectOption('#advice-goal', 'redundancy');
    await page.click('#advice-run');
    await page.waitForFunction(() => document.body.dataset.advice === 'redundancy:3');
    const flows = await section
      .locator('tr.advice-item')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.flow));
    expect(flows).toEqual(['G11', 'G12', 'EL9']);
    expect(await section.locator('.highlights .verdict').first().textContent()).toBe(
      t('zh', 'web.advice.redundancyReached'),
    );
    // a plant without an audit focus: key cannot be reached by meters, and the panel says why
    const model = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../datasets/dyeing.json'), 'utf8'));
    for (const n of model.nodes) delete n.auditFocus;
    await page.setInputFiles('#file', {
      name: 'no-focus.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(model)),
    });
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('no-focus.json'));
    await page.waitForSelector('#advice-run');
    await page.selectOption('#advice-goal', 'key');
    await page.click('#advice-run');
    await page.waitForFunction(() => document.body.dataset.advice === 'key:0');
    expect(await section.locator('.advice-impossible').textContent()).toBe(
      t('zh', 'advice.noFocus', { target: t('zh', 'depth.label.key') }),
    );
    expect(await page.locator('#sankey g.advice-marks').count()).toBe(0);
    expect(site.problems).toEqual([]);
  });
});
