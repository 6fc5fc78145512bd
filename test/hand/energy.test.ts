import { describe, expect, it } from 'vitest';
import { cli, clone } from './run.ts';

/**
 * 综合能耗 and the energy balance, by hand from GB/T 2589-2008 (§3 energy actually consumed: received − sent
 * out − stock increase; Annex A coefficients: raw coal 0.7143 kgce/kg, diesel 1.4571 kgce/kg, steam 0.1286
 * kgce/kg, electricity 0.1229 kgce/kWh 当量值, 等价值 the year's figure or 0.404 by JJF 1356-2012) and GB/T 3484
 * (Σ supplied = Σ effective + Σ losses; utilisation = effective / supplied).
 */

// A boiler house burns 100 t of coal received plus 10 t drawn from its bunker, sends 500 t steam to the
// workshop; the workshop also buys 10 000 kWh and 2 t diesel. 等价值 0.300 kgce/kWh (the model's year).
const drawDown = {
  name: '能耗手算一',
  nodes: [
    { id: 'plant', name: '厂', level: 1 },
    { id: 'bh', name: '锅炉房', nameEn: 'Boiler house', level: 2, parent: 'plant' },
    { id: 'ws', name: '车间', level: 2, parent: 'plant' },
  ],
  flows: [
    { id: 'C1', from: null, to: 'bh', layer: 'energy', carrier: 'raw-coal', value: 100, unit: 't', source: 'metered' },
    // stock flow outside → node: a draw-down of 10 t (stock increase −10 t)
    {
      id: 'CS',
      from: null,
      to: 'bh',
      layer: 'energy',
      carrier: 'raw-coal',
      value: 10,
      unit: 't',
      stock: true,
      source: 'metered',
    },
    {
      id: 'S1',
      from: 'bh',
      to: 'ws',
      layer: 'energy',
      carrier: 'steam',
      kind: 'product',
      value: 500,
      unit: 't',
      source: 'metered',
    },
    {
      id: 'L1',
      from: 'bh',
      to: null,
      layer: 'energy',
      carrier: 'raw-coal',
      kind: 'loss',
      value: 14.273,
      unit: 'tce',
      source: 'calculated',
    },
    {
      id: 'E1',
      from: null,
      to: 'ws',
      layer: 'energy',
      carrier: 'electricity',
      value: 10000,
      unit: 'kWh',
      source: 'metered',
    },
    { id: 'D1', from: null, to: 'ws', layer: 'energy', carrier: 'diesel', value: 2, unit: 't', source: 'metered' },
    { id: 'U1', from: 'ws', to: null, layer: 'energy', kind: 'effective', unit: 'tce' },
  ],
  settings: { electricityEqualValue: 0.3 },
};

describe('hand: 综合能耗 with a stock draw-down, several carriers, 当量值 and 等价值', () => {
  const { code, doc } = cli('check', drawDown);
  const use = (id: string) => doc.energyUse.find((e: { node: string }) => e.node === id);

  it('1 the plant: received − sent out − stock increase, both ways', () => {
    expect(code).toBe(0);
    // coal 100 t × 0.7143 = 71.43; electricity 10 000 × 0.1229 = 1.229 (等价值 × 0.300 = 3.0); diesel 2 t × 1.4571 = 2.9142
    // stock increase −10 t × 0.7143 = −7.143 (a draw-down adds what was burnt from stock)
    // 当量值 71.43 + 1.229 + 2.9142 − 0 − (−7.143) = 82.7162; 等价值 71.43 + 3.0 + 2.9142 + 7.143 = 84.4872
    expect(use('plant').comprehensiveEquivalent).toBeCloseTo(82.7162, 6);
    expect(use('plant').comprehensiveEqual).toBeCloseTo(84.4872, 6);
    expect(use('plant').stockIncrease.equivalent).toBeCloseTo(-7.143, 6);
    expect(use('plant').sentOut.equivalent).toBe(0); // the steam stays inside: an internal transfer
    expect(use('plant').equalValue).toMatchObject({ kgcePerKWh: 0.3, source: 'settings' });
  });

  it('2 every level: the boiler house sends its steam on (转供), the workshop receives it; the two sum to the plant', () => {
    // boiler house: 71.43 − 500 t × 0.1286 (= 64.3) − (−7.143) = 14.273 tce
    expect(use('bh').comprehensiveEquivalent).toBeCloseTo(14.273, 6);
    expect(use('bh').sentOut.equivalent).toBeCloseTo(64.3, 6);
    // workshop: 64.3 + 1.229 + 2.9142 = 68.4432 (当量值); 64.3 + 3.0 + 2.9142 = 70.2142 (等价值)
    expect(use('ws').comprehensiveEquivalent).toBeCloseTo(68.4432, 6);
    expect(use('ws').comprehensiveEqual).toBeCloseTo(70.2142, 6);
    // 14.273 + 68.4432 = 82.7162 = the plant
    expect(use('bh').comprehensiveEquivalent + use('ws').comprehensiveEquivalent).toBeCloseTo(
      use('plant').comprehensiveEquivalent,
      9,
    );
    // per carrier at the plant: coal received 71.43, stock −7.143 → 78.573 consumed
    const coal = use('plant').rows.find((r: { carrier: string }) => r.carrier === 'raw-coal');
    expect(coal.tceEquivalent).toBeCloseTo(78.573, 6);
    const elec = use('plant').rows.find((r: { carrier: string }) => r.carrier === 'electricity');
    expect(elec.tceEquivalent).toBeCloseTo(1.229, 6);
    expect(elec.tceEqual).toBeCloseTo(3.0, 6);
  });

  it('3 utilisation of the boiler house is over the energy supplied, the bunker draw-down included', () => {
    // GB/T 3484: supplied = in − Δstock = 71.43 − (−7.143) = 78.573 = effective 64.3 + losses 14.273
    // utilisation = 64.3 / 78.573 = 0.818347 (not 64.3 / 71.43 = 0.9002, which would leave effective + losses > supplied)
    const bh = doc.balances.find((b: { node: string; layer: string }) => b.node === 'bh' && b.layer === 'energy');
    expect(bh.energy.supplied).toBeCloseTo(78.573, 6);
    expect(bh.energy.utilisation).toBeCloseTo(64.3 / 78.573, 9);
    expect(bh.energy.utilisationBasis).toBe('measured');
  });

  it('4 utilisation where the effective use was derived by difference is not determined (null), not 100 %', () => {
    // the workshop's U1 is computed by difference: effective = supplied by construction → no measured efficiency
    const ws = doc.balances.find((b: { node: string; layer: string }) => b.node === 'ws' && b.layer === 'energy');
    expect(ws.energy.utilisation).toBeNull();
    expect(ws.energy.utilisationBasis).toBe('derived');
    expect(ws.energy.derivedEffective).toEqual(['U1']);
  });
});

// A heating station stocks coal in its yard (+50 t) and sells steam (外销, kind product); no 等价值 given.
const buildUp = {
  name: '能耗手算二',
  nodes: [
    { id: 'plant', name: '供热站', level: 1 },
    { id: 'yard', name: '煤场', level: 2, parent: 'plant' },
    { id: 'boiler', name: '锅炉', level: 2, parent: 'plant' },
  ],
  flows: [
    {
      id: 'C1',
      from: null,
      to: 'yard',
      layer: 'energy',
      carrier: 'raw-coal',
      value: 200,
      unit: 't',
      source: 'metered',
    },
    // stock flow node → outside: accumulation +50 t
    {
      id: 'CS',
      from: 'yard',
      to: null,
      layer: 'energy',
      carrier: 'raw-coal',
      value: 50,
      unit: 't',
      stock: true,
      source: 'metered',
    },
    {
      id: 'C2',
      from: 'yard',
      to: 'boiler',
      layer: 'energy',
      carrier: 'raw-coal',
      value: 150,
      unit: 't',
      source: 'metered',
    },
    {
      id: 'E1',
      from: null,
      to: 'boiler',
      layer: 'energy',
      carrier: 'electricity',
      value: 5000,
      unit: 'kWh',
      source: 'metered',
    },
    {
      id: 'S1',
      from: 'boiler',
      to: null,
      layer: 'energy',
      carrier: 'steam',
      kind: 'product',
      value: 600,
      unit: 't',
      source: 'metered',
    },
    { id: 'L1', from: 'boiler', to: null, layer: 'energy', carrier: 'raw-coal', kind: 'loss', unit: 'tce' },
  ],
};

describe('hand: 综合能耗 with a stock build-up and steam sold, 等价值 at the default', () => {
  const { code, doc } = cli('check', buildUp);
  const use = (id: string) => doc.energyUse.find((e: { node: string }) => e.node === id);

  it('5 the plant: coal into stock and steam sold are not consumed', () => {
    // received: coal 200 × 0.7143 = 142.86; electricity 5 000 × 0.1229 = 0.6145 (等价值 × 0.404 = 2.02)
    // sent out: steam 600 t × 0.1286 = 77.16 (外销); stock increase 50 × 0.7143 = 35.715
    // 当量值 142.86 + 0.6145 − 77.16 − 35.715 = 30.5995; 等价值 142.86 + 2.02 − 77.16 − 35.715 = 32.005
    expect(code).toBe(0); // the default is a warning, not a finding that fails
    expect(use('plant').comprehensiveEquivalent).toBeCloseTo(30.5995, 6);
    expect(use('plant').comprehensiveEqual).toBeCloseTo(32.005, 6);
    expect(use('plant').sentOut.equivalent).toBeCloseTo(77.16, 6);
    expect(use('plant').stockIncrease.equivalent).toBeCloseTo(35.715, 6);
    // the yard: 142.86 − 150 × 0.7143 (107.145, 转供 to the boiler) − 35.715 = 0
    expect(use('yard').comprehensiveEquivalent).toBeCloseTo(0, 9);
    // the boiler: 107.145 + 0.6145 − 77.16 = 30.5995 — the plant's whole consumption
    expect(use('boiler').comprehensiveEquivalent).toBeCloseTo(30.5995, 6);
  });

  it('6 electricity 等价值 at the legacy 0.404 of JJF 1356-2012 is said: a warning finding and a JSON field', () => {
    expect(use('plant').equalValue).toMatchObject({ kgcePerKWh: 0.404, source: 'default' });
    const w = doc.findings.find((f: { code: string }) => f.code === 'finding.equalValueDefault');
    expect(w.severity).toBe('warning');
    expect(w.message.zh).toContain('0.404');
    expect(w.message.en).toContain('JJF 1356-2012');
  });

  it('7 utilisation of the plant over supplied = in − Δstock: steam sold 77.16 of 107.7595 tce', () => {
    // supplied = 142.86 + 0.6145 − 35.715 = 107.7595; effective (steam sold) 77.16 → 0.716039
    const plant = doc.balances.find((b: { node: string; layer: string }) => b.node === 'plant' && b.layer === 'energy');
    expect(plant.energy.supplied).toBeCloseTo(107.7595, 6);
    expect(plant.energy.utilisation).toBeCloseTo(77.16 / 107.7595, 9);
  });

  it('8 the year’s 等价值 replaces the default and the warning goes', () => {
    const m = clone(buildUp) as typeof buildUp & { settings?: object };
    m.settings = { electricityEqualValue: 0.2979 };
    const r = cli('check', m);
    // 等价值: 142.86 + 5 000 × 0.2979 / 1000 (1.4895) − 77.16 − 35.715 = 31.4745
    const plant = r.doc.energyUse.find((e: { node: string }) => e.node === 'plant');
    expect(plant.comprehensiveEqual).toBeCloseTo(31.4745, 6);
    expect(r.doc.findings.some((f: { code: string }) => f.code === 'finding.equalValueDefault')).toBe(false);
  });
});
