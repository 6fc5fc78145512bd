import { describe, expect, it } from 'vitest';
import type { ModelInput } from '../../src/index.ts';
import { check } from './helpers.ts';

/** A plant whose master water meter feeds a storage tank on the plant's own region and two workshops. */
const plant = (tank: number | undefined, settings: ModelInput['settings'] = {}): ModelInput => ({
  name: 'tank plant',
  nodes: [
    { id: 'plant', name: '全厂', level: 1 },
    { id: 'a', name: 'A 车间', level: 2, parent: 'plant' },
    { id: 'b', name: 'B 车间', level: 2, parent: 'plant' },
  ],
  flows: [
    { id: 'M', from: null, to: 'plant', layer: 'water', carrier: 'fresh-water', value: 1000, unit: 't' },
    { id: 'SA', from: 'plant', to: 'a', layer: 'water', carrier: 'fresh-water', value: 500, unit: 't' },
    { id: 'SB', from: 'plant', to: 'b', layer: 'water', carrier: 'fresh-water', value: 350, unit: 't' },
    ...(tank === undefined
      ? []
      : [
          {
            id: 'TANK',
            from: 'plant',
            to: null,
            layer: 'water',
            carrier: 'fresh-water',
            value: tank,
            unit: 't',
            stock: true,
          } as const,
        ]),
    { id: 'EL', from: null, to: 'plant', layer: 'energy', carrier: 'electricity', value: 1000, unit: 'kWh' },
    { id: 'EA', from: 'plant', to: 'a', layer: 'energy', carrier: 'electricity', value: 900, unit: 'kWh' },
  ],
  settings: { electricityEqualValue: 0.3, ...settings },
});

const row = (r: ReturnType<typeof check>, carrier: string) => r.masterSub.find((m) => m.carrier === carrier)!;

describe('master–sub meters with the node’s stock change (issue #12 item 2)', () => {
  it('a filling tank is not a false failure: (1000 − 850 − 100) / 1000 = 5 % ≤ 10 %', () => {
    const m = row(check(plant(100)), 'fresh-water');
    expect(m).toMatchObject({ master: 1000, subs: 850, stockChange: 100, stockFlows: ['TANK'] });
    expect(m.difference).toBeCloseTo(50, 12);
    expect(m.relative).toBeCloseTo(0.05, 12);
    expect(m.status).toBe('pass');
  });

  it('without the tank the same meters fail: (1000 − 850) / 1000 = 15 % > 10 %', () => {
    const m = row(check(plant(undefined)), 'fresh-water');
    expect(m.relative).toBeCloseTo(0.15, 12);
    expect(m.stockChange).toBe(0);
    expect(m.status).toBe('fail');
  });

  it('a tank drawn down (stock flow into the node) adds to what the sub-meters can see: (1000 − 850 + 100)/1000 = 25 %', () => {
    const input = plant(100);
    const tank = input.flows.find((f) => f.id === 'TANK')!;
    Object.assign(tank, { from: null, to: 'plant' });
    const m = row(check(input), 'fresh-water');
    expect(m.stockChange).toBe(-100);
    expect(m.relative).toBeCloseTo(0.25, 12);
  });

  it('an unmeasured stock change leaves the row incomplete, listed', () => {
    const input = plant(100);
    delete (input.flows.find((f) => f.id === 'TANK') as { value?: number }).value;
    expect(row(check(input), 'fresh-water')).toMatchObject({ status: 'incomplete', unmetered: ['TANK'] });
  });
});

describe('master–sub tolerance per carrier, with its source (issue #12 item 10)', () => {
  it('water: 10 % from municipal water-balance test practice [C]; electricity: 10 % as a pingheng default [U]', () => {
    const r = check(plant(100));
    expect(row(r, 'fresh-water')).toMatchObject({
      tolerancePct: 10,
      toleranceSource: { tag: 'C', clause: 'sum of measured intakes vs actual total intake' },
    });
    // electricity: (1000 − 900) / 1000 = 10 % ≤ 10 %
    expect(row(r, 'electricity')).toMatchObject({
      tolerancePct: 10,
      status: 'pass',
      toleranceSource: { tag: 'U', standard: 'pingheng default' },
    });
  });

  it('settings give one carrier its own tolerance: electricity 5 % → the 10 % difference fails; water keeps 10 %', () => {
    const r = check(plant(100, { masterSubTolerance: { carriers: { electricity: 5 } } }));
    expect(row(r, 'electricity')).toMatchObject({
      tolerancePct: 5,
      status: 'fail',
      toleranceSource: { standard: 'settings', clause: 'masterSubTolerance.carriers.electricity' },
    });
    expect(row(r, 'fresh-water').tolerancePct).toBe(10);
  });

  it('a number still sets every carrier (the earlier form keeps working)', () => {
    const r = check(plant(100, { masterSubTolerance: 4 }));
    expect(r.masterSub.map((m) => m.tolerancePct)).toEqual([4, 4]);
    expect(row(r, 'fresh-water').status).toBe('fail'); // 5 % > 4 %
  });
});
