import { describe, expect, it } from 'vitest';
import { fuels, heatFactor } from '../../src/data/co2-guides-2015.ts';
import type { ModelInput } from '../../src/index.ts';
import { carbonOfModel, GRID_TABLES, resolveGrid } from '../../src/results/index.ts';
import { model } from './helpers.ts';

const base = (flows: ModelInput['flows'], extra: Partial<ModelInput> = {}): ModelInput => ({
  name: '碳清单',
  nodes: [{ id: 'plant', name: '全厂', level: 1 }],
  flows,
  ...extra,
});
const inventory = (m: ModelInput, grid?: Parameters<typeof carbonOfModel>[2]) =>
  carbonOfModel(model(m), 'm.json', grid);

describe('fuel factors E = FC × NCV × CC × OF × 44/12', () => {
  it('each default triple reproduces the STANDARDS §6 product to 4 decimals', () => {
    // e.g. raw coal 20.908 GJ/t × 26.37 tC/TJ × 0.94 × 44/12 = 1 900.3 kgCO2/t = 1.9003 kgCO2/kg.
    const expected: Record<string, number> = {
      'raw-coal': 1.9003,
      coke: 2.8604,
      'crude-oil': 3.0202,
      'fuel-oil': 3.1705,
      gasoline: 2.9251,
      kerosene: 3.0179,
      diesel: 3.0959,
      lpg: 3.1013,
      'refinery-gas': 3.0119,
      'natural-gas': 2.1622,
    };
    for (const f of fuels) {
      const perUnit = f.ncvPer === 't' ? 1000 : 1e4; // GJ per t → per kg; per 10⁴ Nm³ → per Nm³
      const product = ((f.ncv / perUnit) * f.cc * f.of * 44) / 12; // GJ × tC/TJ = kgC
      expect(product.toFixed(4), f.id).toBe(expected[f.id]!.toFixed(4));
      expect(f.kgCO2PerUnit).toBe(expected[f.id]);
    }
  });
  it('100 t raw coal: 2 090.8 GJ × 0.02637 tC/GJ × 0.94 × 44/12 = 190.030 tCO2', () => {
    const r = inventory(
      base([{ id: 'C', from: null, to: 'plant', layer: 'energy', carrier: 'raw-coal', value: 100, unit: 't' }]),
    );
    expect(r.total.t).toBeCloseTo(190.0299, 4);
    expect(r.sources[0]!.energyGJ).toBeCloseTo(2090.8, 9);
    expect(r.sources[0]!.factor).toBe('fuel:raw-coal');
    expect(r.factors[0]!.year).toBe(2015);
  });
  it('a measured LHV overrides the default NCV: 100 t × 22 GJ/t × 26.37 tC/TJ × 0.94 × 44/12 = 199.95 t', () => {
    const r = inventory(
      base([
        {
          id: 'C',
          from: null,
          to: 'plant',
          layer: 'energy',
          carrier: 'raw-coal',
          value: 100,
          unit: 't',
          lhv: { value: 22000, unit: 'kJ/kg' },
        },
      ]),
    );
    expect(r.total.t).toBeCloseTo((2200 * 26.37 * 0.94 * 44) / 12 / 1000, 9);
    expect(r.sources[0]!.parameters!.ncv!.measured).toBe(true);
  });
  it('a measured carbon content by mass: 100 t × 60 % C × 0.95 × 44/12 = 209.0 t', () => {
    const r = inventory(
      base([
        {
          id: 'C',
          from: null,
          to: 'plant',
          layer: 'energy',
          carrier: 'washed-coal',
          value: 100,
          unit: 't',
          carbon: { content: { value: 60, unit: '%' }, oxidation: 0.95 },
        },
      ]),
    );
    expect(r.total.t).toBeCloseTo((100 * 0.6 * 0.95 * 44) / 12, 9);
  });
  it('natural gas 10 000 Nm³: 38.931 GJ/Nm³·10⁻³ … = 21.62 t; a fuel without defaults or measurements is refused', () => {
    const gas = inventory(
      base([{ id: 'G', from: null, to: 'plant', layer: 'energy', carrier: 'natural-gas', value: 10000, unit: 'Nm3' }]),
    );
    expect(gas.total.t).toBeCloseTo(21.622, 2);
    expect(() =>
      inventory(
        base([{ id: 'W', from: null, to: 'plant', layer: 'energy', carrier: 'washed-coal', value: 1, unit: 't' }]),
      ),
    ).toThrowError(/m\.json/);
  });
});

describe('purchased electricity and heat', () => {
  const kWh = base([
    { id: 'E', from: null, to: 'plant', layer: 'energy', carrier: 'electricity', value: 100000, unit: 'kWh' },
    { id: 'S', from: null, to: 'plant', layer: 'energy', carrier: 'steam', value: 1000, unit: 'GJ' },
    {
      id: 'X',
      from: 'plant',
      to: null,
      layer: 'energy',
      carrier: 'electricity',
      kind: 'product',
      value: 10000,
      unit: 'kWh',
    },
  ]);
  it('default: MEE–NBS 2023 national 0.5306: (100 000 − 10 000 exported) × 0.5306 / 1000 = 47.754 t; heat 1 000 GJ × 0.11 = 110 t', () => {
    const r = inventory(kWh);
    expect(r.indirect.t).toBeCloseTo(47.754 + 110, 9);
    expect(r.defaulted).toEqual(['series', 'region', 'year']);
    const grid = r.factors.find((f) => f.id === 'grid')!;
    expect([grid.value, grid.year, grid.series]).toEqual([0.5306, 2023, 'MEE-NBS']);
    expect(r.factors.find((f) => f.id === 'heat')!.value).toBe(heatFactor.value);
  });
  it('Guangdong 2022 (广东省) 0.4403; the carbon-market value 0.5703 labelled as such', () => {
    expect(inventory(kWh, { year: 2022, region: '广东省' }).factors.find((f) => f.id === 'grid')!.value).toBe(0.4403);
    const cm = inventory(kWh, { series: 'carbon-market' }).factors.find((f) => f.id === 'grid')!;
    expect(cm.value).toBe(0.5703);
    expect(cm.series).toBe('carbon-market reporting value');
  });
  it('a region or year the tables do not hold is an error, never a substitute', () => {
    expect(resolveGrid({ region: 'Mars' })).toHaveProperty('problem.field', 'region');
    expect(resolveGrid({ year: 2019 })).toHaveProperty('problem.field', 'year');
    expect(resolveGrid({ year: 2023, region: 'anhui' })).toHaveProperty('problem.code', 'co2.gridRegionYear');
    expect(() => inventory({ ...kWh, carbon: { grid: { region: '火星' } } })).toThrowError(/m\.json/);
  });
  it('every grid factor carries series, year, region and an announcement', () => {
    for (const t of GRID_TABLES)
      for (const f of t.factors) {
        expect(f.year).toBe(t.year);
        expect(f.announcement.zh.length).toBeGreaterThan(0);
        expect(['P', 'C', 'S', 'U']).toContain(f.source.tag);
      }
  });
  it('a factor the model gives needs its year and source (located error)', () => {
    const m = {
      ...kWh,
      carbon: { factors: [{ carrier: 'electricity', value: 0.6, unit: 'kgCO2/kWh', series: 'contract' }] },
    };
    expect(() => model(m)).toThrowError(/problem/);
    const ok = { ...m, carbon: { factors: [{ ...m.carbon.factors[0]!, year: 2025, source: '购电合同' }] } };
    const r = inventory(ok);
    // 90 000 kWh net × 0.6 kg/kWh = 54 t
    expect(r.sources.filter((s) => s.kind === 'electricity').reduce((s, x) => s + x.t, 0)).toBeCloseTo(54, 9);
  });
});
