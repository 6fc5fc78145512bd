/**
 * The results tables name things in the reader's language (issue 16, item 4): the plant by its
 * nameEn in English, carriers by their catalogue names (原煤 / raw coal, never raw-coal), a
 * factor by its name (not its key fuel:raw-coal), an indicator's product by the product's name
 * (not its id), and a plant's own material carriers by their catalogue names.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { carbonTables, compareTables, loadModel, type ModelInput } from '../../src/index.ts';
import { carbonOfModel, compareModels } from '../../src/results/index.ts';

const load = (name: string) =>
  loadModel(JSON.parse(readFileSync(`datasets/${name}.json`, 'utf8')) as ModelInput, `${name}.json`).model;

describe('results tables: names follow the language', () => {
  const boiler = carbonOfModel(load('boiler'), 'boiler.json');

  it('carbon: the plant, the carriers and the factors by name', () => {
    const [zh] = carbonTables(boiler, 'zh');
    const [en] = carbonTables(boiler, 'en');
    expect(zh!.title).toBe('二氧化碳排放清单：示例燃煤供热站（曲靖）');
    expect(en!.title).toBe('CO2 inventory: Example coal-fired heating station (Qujing, Yunnan)');
    const col = (t: typeof zh, key: string) => t!.columns.findIndex((c) => c.key === key);
    // EC0, raw coal received: carrier raw-coal, factor fuel:raw-coal
    const ec0 = (t: typeof zh) => t!.rows.find((r) => r.cells[0] === 'EC0')!.cells;
    expect(ec0(zh)[col(zh, 'carrier')]).toBe('原煤');
    expect(ec0(en)[col(en, 'carrier')]).toBe('raw coal');
    expect(ec0(zh)[col(zh, 'factor')]).toBe('原煤');
    // EL0, electricity: the grid factor by its name
    const el0 = zh!.rows.find((r) => r.cells[0] === 'EL0')!.cells;
    expect(el0[col(zh, 'carrier')]).toBe('电力');
    expect(String(el0[col(zh, 'factor')])).toContain('电力二氧化碳排放因子');
  });

  it('compare: a product and the plant’s own material carriers by name', () => {
    const r = compareModels(
      { model: load('coating'), file: 'coating.json' },
      { model: load('coating-after'), file: 'coating-after.json' },
    );
    const [savingsZh, indicatorsZh] = compareTables(r, 'zh');
    const [savingsEn, indicatorsEn] = compareTables(r, 'en');
    const items = (t: typeof savingsZh) => t!.rows.map((x) => x.cells[0]);
    expect(items(savingsZh)).toContain('清洗溶剂 *');
    expect(items(savingsEn)).toContain('cleaning solvent *');
    expect(items(savingsZh)).not.toContain('cleaning-solvent *');
    const products = (t: typeof indicatorsZh) => new Set(t!.rows.map((x) => x.cells[1]));
    // the coating plant's one product, cabinet-parts
    expect(products(indicatorsZh)).toEqual(new Set(['喷涂金属机柜件']));
    expect(products(indicatorsEn)).toEqual(new Set(['Coated steel cabinet parts']));
  });
});
