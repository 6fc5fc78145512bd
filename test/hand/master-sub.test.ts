import { describe, expect, it } from 'vitest';
import { cli, clone, type Json } from './run.ts';

/**
 * Master–sub meters by hand: difference = master − Σ subs − Δstock of the node's own region, relative =
 * difference / master, against the carrier's tolerance (water 10 % [C] municipal practice; energy 10 % [U]
 * pingheng default; settings override) — docs/balances.md. A difference of exactly the tolerance passes.
 */
const plant = {
  name: '总分表手算',
  nodes: [
    { id: 'plant', name: '厂', level: 1 },
    { id: 'a', name: 'A车间', level: 2, parent: 'plant' },
    { id: 'b', name: 'B车间', level: 2, parent: 'plant' },
  ],
  flows: [
    {
      id: 'W0',
      from: null,
      to: 'plant',
      layer: 'water',
      carrier: 'fresh-water',
      value: 1000,
      unit: 't',
      source: 'metered',
    },
    // the plant's own tank fills by 100 t: water the sub-meters never see
    {
      id: 'WT',
      from: 'plant',
      to: null,
      layer: 'water',
      carrier: 'fresh-water',
      value: 100,
      unit: 't',
      stock: true,
      source: 'metered',
    },
    {
      id: 'Wa',
      from: 'plant',
      to: 'a',
      layer: 'water',
      carrier: 'fresh-water',
      value: 600,
      unit: 't',
      source: 'metered',
    },
    {
      id: 'Wb',
      from: 'plant',
      to: 'b',
      layer: 'water',
      carrier: 'fresh-water',
      value: 250,
      unit: 't',
      source: 'metered',
    },
    // B's own tank is behind its sub-meter: not part of the plant's master–sub difference
    {
      id: 'WbS',
      from: 'b',
      to: null,
      layer: 'water',
      carrier: 'fresh-water',
      value: 30,
      unit: 't',
      stock: true,
      source: 'metered',
    },
    {
      id: 'Wpl',
      from: 'plant',
      to: null,
      layer: 'water',
      carrier: 'water-loss',
      kind: 'loss',
      value: 50,
      unit: 't',
      source: 'estimated',
    },
    { id: 'Wao', from: 'a', to: null, layer: 'water', carrier: 'wastewater', value: 600, unit: 't', source: 'metered' },
    { id: 'Wbo', from: 'b', to: null, layer: 'water', carrier: 'wastewater', value: 220, unit: 't', source: 'metered' },
    {
      id: 'E0',
      from: null,
      to: 'plant',
      layer: 'energy',
      carrier: 'electricity',
      value: 1000,
      unit: 'kWh',
      source: 'metered',
    },
    {
      id: 'Ea',
      from: 'plant',
      to: 'a',
      layer: 'energy',
      carrier: 'electricity',
      value: 500,
      unit: 'kWh',
      source: 'metered',
    },
    {
      id: 'Eb',
      from: 'plant',
      to: 'b',
      layer: 'energy',
      carrier: 'electricity',
      value: 400,
      unit: 'kWh',
      source: 'metered',
    },
    {
      id: 'El',
      from: 'plant',
      to: null,
      layer: 'energy',
      kind: 'loss',
      carrier: 'electricity',
      value: 100,
      unit: 'kWh',
      source: 'estimated',
    },
    { id: 'Eua', from: 'a', to: null, layer: 'energy', kind: 'effective', carrier: 'electricity', unit: 'kWh' },
    { id: 'Eub', from: 'b', to: null, layer: 'energy', kind: 'effective', carrier: 'electricity', unit: 'kWh' },
  ],
  settings: { electricityEqualValue: 0.3 } as Record<string, unknown>,
};
const row = (doc: Json, layer: string): Json => doc.masterSub.find((r: Json) => r.layer === layer);

describe('hand: master–sub meters with stock and per-carrier tolerance', () => {
  it('16 a filling tank is not a false failure: (1 000 − 850 − 100) / 1 000 = 5 %', () => {
    const { code, doc } = cli('check', plant);
    expect(code).toBe(0);
    expect(row(doc, 'water')).toMatchObject({ master: 1000, subs: 850, stockChange: 100, difference: 50, unit: 't' });
    expect(row(doc, 'water').relative).toBeCloseTo(0.05, 12);
    expect(row(doc, 'water').status).toBe('pass');
    // water: 10 % from municipal water-balance practice [C]; electricity: 10 % pingheng default [U]
    expect(row(doc, 'water').toleranceSource.tag).toBe('C');
    expect(row(doc, 'energy').toleranceSource.tag).toBe('U');
  });

  it('17 exactly at the tolerance passes: electricity (1 000 − 900) / 1 000 = 10 % against 10 %', () => {
    const { doc } = cli('check', plant);
    expect(row(doc, 'energy')).toMatchObject({
      master: 1000,
      subs: 900,
      difference: 100,
      tolerancePct: 10,
      status: 'pass',
    });
  });

  it('18 exactly at a per-carrier tolerance of 7 % passes, just beyond fails', () => {
    const m = clone(plant);
    m.flows.find((f) => f.id === 'Eb')!.value = 430; // subs 930 → (1 000 − 930) / 1 000 = 7 %
    m.flows.find((f) => f.id === 'El')!.value = 70;
    m.settings.masterSubTolerance = { default: 8, carriers: { electricity: 7 } };
    const at = cli('check', m);
    expect(row(at.doc, 'energy')).toMatchObject({ difference: 70, tolerancePct: 7, status: 'pass' });
    expect(row(at.doc, 'energy').toleranceSource).toEqual({
      standard: 'settings',
      clause: 'masterSubTolerance.carriers.electricity',
    });
    expect(row(at.doc, 'water')).toMatchObject({ tolerancePct: 8, status: 'pass' });
    expect(at.code).toBe(0);
    m.flows.find((f) => f.id === 'Eb')!.value = 429.9; // 70.1 / 1 000 = 7.01 % > 7 %
    m.flows.find((f) => f.id === 'El')!.value = 70.1;
    const beyond = cli('check', m);
    expect(row(beyond.doc, 'energy').status).toBe('fail');
    expect(beyond.code).toBe(1);
  });

  it('19 a tolerance set for the layer is reported as set for the layer', () => {
    const m = clone(plant);
    m.settings.masterSubTolerance = { carriers: { water: 4 } }; // 5 % > 4 % → fail
    const { code, doc } = cli('check', m);
    expect(row(doc, 'water')).toMatchObject({ tolerancePct: 4, status: 'fail' });
    expect(row(doc, 'water').toleranceSource.clause).toBe('masterSubTolerance.carriers.water');
    expect(code).toBe(1);
  });
});
