/**
 * Names follow the language on the whole page (issue 16, item 4), for every bundled plant and
 * every layer, once its analyses and results panels are in: in English no Chinese is left but
 * the few terms that are printed with their English beside them (当量值 / equal value…), the
 * Chinese documents' numbers and the forms' own units (万元); in Chinese no raw carrier or layer
 * id (fresh-water, raw-coal, water) is shown where a name exists.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, serve, sharedSite, type StaticServer } from './site.ts';

const DATASETS = resolve(import.meta.dirname, '../../datasets');
const EXAMPLES = ['dyeing', 'boiler', 'plating', 'coating', 'boiler-monthly'];

/**
 * Chinese that may stay in English text: terms given with their English gloss, document numbers
 * and titles cited as published, and the units of the Anhui form (万元, 万t/a, 个).
 */
const KEPT_IN_ENGLISH = [
  /当量值|等价值/g, // "等价值 (equal value)": GB/T 2589's own terms, glossed
  /无组织排放/g, // "fugitive emissions (无组织排放)"
  /[\u4e00-\u9fff]+〔\d{4}〕\d+号/g, // a provincial document's number, e.g. 皖经资源〔2007〕227号
  /全国和省级电力平均二氧化碳排放因子/g, // the MEE & NBS announcement's title, after its English name
  /表2/g, // "Anhui 表2 form": the form's name
  /万(?:元|t|kWh)|\b个\b|^个$/g, // the form's units
];

/** Every piece of text a reader sees on the page: diagram, legend, totals, panels, navigation. */
const TEXT_SELECTOR =
  '#sankey text, #legend li, #totals, #groups-note, #status, #toc a, #panels h2 span, #panels p, #panels th, #panels td, #panels figcaption';

/** The carrier and layer ids of a bundled model (what must not show raw in Chinese). */
function idsOf(example: string): Set<string> {
  const model = JSON.parse(readFileSync(resolve(DATASETS, `${example}.json`), 'utf8'));
  const ids = new Set<string>(['material', 'water', 'energy']);
  const walk = (o: unknown): void => {
    if (Array.isArray(o)) o.forEach(walk);
    else if (o && typeof o === 'object')
      for (const [k, v] of Object.entries(o)) {
        if (k === 'carrier' && typeof v === 'string') ids.add(v);
        else walk(v);
      }
  };
  walk(model);
  return ids;
}

describe.skipIf(!hasChromium())('names follow the language on the whole page', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await serve(await sharedSite());
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await page.waitForSelector('#sankey svg');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a bundled plant in `lang` and waits for its analyses and results panels. */
  async function open(example: string, lang: 'zh' | 'en'): Promise<string[]> {
    await page.selectOption('#lang', lang);
    await page.selectOption('#example', example);
    await page.waitForFunction(
      (ex) =>
        document.getElementById('status')!.textContent!.includes(`${ex}.json`) &&
        document.body.dataset.extras !== undefined &&
        document.body.dataset.results?.startsWith(`${ex}.json`),
      example,
      { timeout: 60_000 },
    );
    return page.$$eval('#layer option', (os) => os.map((o) => (o as HTMLOptionElement).value));
  }

  /** The text of every element a reader sees, for each layer of the plant shown. */
  async function texts(layers: string[], lang: 'zh' | 'en'): Promise<Map<string, string>> {
    const seen = new Map<string, string>(); // text → the layer it was first seen on
    for (const layer of layers) {
      await page.selectOption('#layer', layer);
      await page.waitForSelector(`body[data-view^="${layer}:"][data-view$=":${lang}"] #sankey svg`);
      // (a factor's source is a citation, as published: "MEE & NBS electricity CO2 emission factors 2023…")
      const shown = await page.$$eval(TEXT_SELECTOR, (els) =>
        els.filter((e) => !e.matches('table[data-table$="factors"] td:last-child')).map((e) => e.textContent ?? ''),
      );
      for (const s of shown) if (!seen.has(s)) seen.set(s, layer);
    }
    return seen;
  }

  for (const example of EXAMPLES) {
    it(`${example}: no Chinese left in English`, async () => {
      const layers = await open(example, 'en');
      const left: string[] = [];
      for (const [s, layer] of await texts(layers, 'en')) {
        const rest = KEPT_IN_ENGLISH.reduce((x, re) => x.replace(re, ''), s);
        if (/[\u4e00-\u9fff]/.test(rest)) left.push(`[${layer}] ${s}`);
      }
      expect(left).toEqual([]);
      // and the plant's own names are there in English
      const model = JSON.parse(readFileSync(resolve(DATASETS, `${example}.json`), 'utf8'));
      expect(await page.textContent('#status')).toContain(model.nameEn);
    });

    it(`${example}: no raw carrier or layer id in Chinese`, async () => {
      const layers = await open(example, 'zh');
      const ids = idsOf(example);
      const raw: string[] = [];
      // a whole word, not part of a file name ("coating.json") or a longer id
      for (const [s, layer] of await texts(layers, 'zh'))
        for (const id of ids)
          if (new RegExp(`(^|[^A-Za-z0-9_:-])${id}($|[^A-Za-z0-9_.-])`).test(s)) raw.push(`[${layer}] ${id}: ${s}`);
      expect(raw).toEqual([]);
    });
  }
});
