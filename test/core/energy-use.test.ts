import { describe, expect, it } from 'vitest';
import type { ModelInput } from '../../src/index.ts';
import { runCli, tempFile } from './cli-helpers.ts';
import { balanceOf, check } from './helpers.ts';

/**
 * A coal-fired heating station (the shape of datasets/boiler.json): coal into a yard, from the yard to a
 * boiler, steam sold, electricity bought; the yard's coal stock rises by 28 t.
 */
const station = (settings: ModelInput['settings'] = {}): ModelInput => ({
  name: 'heating station',
  nodes: [
    { id: 'plant', name: '供热站', level: 1 },
    { id: 'yard', name: '煤场', level: 2, parent: 'plant' },
    { id: 'boiler', name: '锅炉房', level: 2, parent: 'plant' },
  ],
  flows: [
    {
      id: 'C0',
      from: null,
      to: 'yard',
      layer: 'energy',
      carrier: 'raw-coal',
      value: 680,
      unit: 't',
      lhv: { value: 20900, unit: 'kJ/kg' },
    },
    {
      id: 'C9',
      from: 'yard',
      to: null,
      layer: 'energy',
      carrier: 'raw-coal',
      value: 28,
      unit: 't',
      stock: true,
      lhv: { value: 20900, unit: 'kJ/kg' },
    },
    {
      id: 'C1',
      from: 'yard',
      to: 'boiler',
      layer: 'energy',
      carrier: 'raw-coal',
      value: 645,
      unit: 't',
      lhv: { value: 20900, unit: 'kJ/kg' },
    },
    {
      id: 'ST',
      from: 'boiler',
      to: null,
      layer: 'energy',
      carrier: 'steam',
      kind: 'product',
      value: 4680,
      unit: 't',
      lhv: { value: 2.338, unit: 'GJ/t' },
    },
    { id: 'EL', from: null, to: 'boiler', layer: 'energy', carrier: 'electricity', value: 105000, unit: 'kWh' },
    { id: 'LOSS', from: 'boiler', to: null, layer: 'energy', kind: 'loss', unit: 'tce' },
    { id: 'YL', from: 'yard', to: null, layer: 'energy', kind: 'loss', unit: 'tce' },
  ],
  settings,
});

// GB/T 2589-2008 §3: 综合能耗 is the energy actually consumed = received − sent out − stock increase.
// Coal at the measured LHV: 1 t = 20 900 000 kJ / 29 307 kJ/kgce = 713.140 kgce.
const coalTce = (t: number) => (t * 20900) / 29307; // tce
const steamTce = (4680 * 2.338 * 1e6) / 29307 / 1000; // 10 941.84 GJ → 373.356 tce
const elecEquivalent = (105000 * 0.1229) / 1000; // 12.9045 tce (当量值, GB/T 2589 Annex A)
const elecEqual = (105000 * 0.404) / 1000; // 42.42 tce (等价值, JJF 1356-2012 default)

describe('综合能耗 = received − sent out − stock increase (GB/T 2589; issue #12 item 1)', () => {
  const r = check(station());
  const plant = r.energyUse.find((e) => e.node === 'plant')!;

  it('a coal plant whose coal stock rises by 20 tce shows 104.5 tce, not 124.5', () => {
    // received 484.94 (coal) + 12.90 (electricity) = 497.85; sent out 373.36 (steam sold);
    // stock +28 t = 19.97 tce → 497.85 − 373.36 − 19.97 = 104.52 tce (当量值).
    // Leaving the stock out gives 124.49 — the figure the engine used to print.
    expect(coalTce(28)).toBeCloseTo(19.968, 3);
    const expected = coalTce(680) + elecEquivalent - steamTce - coalTce(28);
    expect(expected).toBeCloseTo(104.52, 2);
    expect(plant.comprehensiveEquivalent).toBeCloseTo(expected, 9);
    expect(plant.comprehensiveEquivalent! + coalTce(28)).toBeCloseTo(124.49, 2);
    // 等价值: electricity at 0.404 kgce/kWh → 104.52 − 12.90 + 42.42 = 134.03 tce
    expect(plant.comprehensiveEqual).toBeCloseTo(expected - elecEquivalent + elecEqual, 9);
  });

  it('every carrier row is received − sent out − stock increase, both ways', () => {
    const coal = plant.rows.find((x) => x.carrier === 'raw-coal')!;
    expect(coal.received.equivalent).toBeCloseTo(coalTce(680), 9);
    expect(coal.stockIncrease.equivalent).toBeCloseTo(coalTce(28), 9);
    expect(coal.tceEquivalent).toBeCloseTo(coalTce(680 - 28), 9);
    const steam = plant.rows.find((x) => x.carrier === 'steam')!;
    expect(steam.sentOut.equivalent).toBeCloseTo(steamTce, 9);
    expect(steam.tceEquivalent).toBeCloseTo(-steamTce, 9);
    const elec = plant.rows.find((x) => x.carrier === 'electricity')!;
    expect([elec.tceEquivalent, elec.tceEqual]).toEqual([
      expect.closeTo(elecEquivalent, 9),
      expect.closeTo(elecEqual, 9),
    ]);
  });

  it('applies at every level: the yard consumes its 7 t of coal losses, the boiler house what it fires less the steam', () => {
    const yard = r.energyUse.find((e) => e.node === 'yard')!;
    // received 680 t; sent out 645 t to the boiler house (转供); stock +28 t → 7 t = 4.99 tce
    expect(yard.comprehensiveEquivalent).toBeCloseTo(coalTce(7), 9);
    const boiler = r.energyUse.find((e) => e.node === 'boiler')!;
    // 645 t coal (459.98 tce) + 12.90 electricity − 373.36 steam = 99.52 tce
    expect(boiler.comprehensiveEquivalent).toBeCloseTo(coalTce(645) + elecEquivalent - steamTce, 9);
    // the levels add up: plant = yard + boiler house (internal transfers cancel)
    expect(plant.comprehensiveEquivalent).toBeCloseTo(
      yard.comprehensiveEquivalent! + boiler.comprehensiveEquivalent!,
      9,
    );
    expect(r.energyUse.map((e) => [e.node, e.level])).toEqual([
      ['plant', 1],
      ['yard', 2],
      ['boiler', 2],
    ]);
  });

  it('a draw-down (stock flow from outside into the node) adds to consumption', () => {
    const m = station();
    m.flows[1] = { ...m.flows[1]!, from: null, to: 'yard' };
    const p = check(m).energyUse[0]!;
    expect(p.stockIncrease.equivalent).toBeCloseTo(-coalTce(28), 9);
    expect(p.comprehensiveEquivalent).toBeCloseTo(coalTce(680 + 28) + elecEquivalent - steamTce, 9);
  });

  it('an unknown received flow leaves the total null, never a partial figure', () => {
    const m = station();
    m.flows[4] = { ...m.flows[4]!, value: undefined, source: 'unmeasured' };
    // the boiler house now has two unknowns (EL and LOSS): EL cannot be derived
    const p = check(m).energyUse[0]!;
    expect(p.unknown).toEqual(['EL']);
    expect(p.comprehensiveEquivalent).toBeNull();
    expect(p.comprehensiveEqual).toBeNull();
  });
});

describe('electricity 等价值: the default 0.404 is warned about (issue #12 item 12)', () => {
  it('without settings.electricityEqualValue: a warning naming 0.404 and JJF 1356-2012, in findings and energyUse', () => {
    const r = check(station());
    const w = r.findings.find((f) => f.code === 'finding.equalValueDefault')!;
    expect(w.severity).toBe('warning');
    expect(w.message.en).toContain('0.404 kgce/kWh');
    expect(w.message.en).toContain('JJF 1356-2012');
    expect(w.message.zh).toContain('0.404 kgce/kWh');
    expect(r.energyUse[0]!.equalValue).toMatchObject({ kgcePerKWh: 0.404, source: 'default' });
    expect(r.summary.ok).toBe(true); // a warning, not a finding that fails the check
  });

  it("with the year's value: no warning, and 等价值 uses it (105 000 kWh × 0.2878 kgce/kWh = 30.219 tce)", () => {
    const r = check(station({ electricityEqualValue: 0.2878 }));
    expect(r.findings.some((f) => f.code === 'finding.equalValueDefault')).toBe(false);
    expect(r.energyUse[0]!.equalValue).toEqual({ kgcePerKWh: 0.2878, source: 'settings' });
    expect(r.energyUse[0]!.rows.find((x) => x.carrier === 'electricity')!.tceEqual).toBeCloseTo(30.219, 9);
  });

  it('the check CLI prints the warning (zh and en)', async () => {
    const f = tempFile(JSON.stringify(station()));
    const zh = await runCli(['check', f]);
    expect(zh.stdout).toContain('电力等价值按默认值 0.404 kgce/kWh（JJF 1356-2012 的旧值）');
    const en = await runCli(['check', f, '--lang', 'en']);
    expect(en.stdout).toContain('uses the default 0.404 kgce/kWh (the legacy figure of JJF 1356-2012)');
  });
});

describe('utilisation rate where energy use was derived by difference: not determined (issue #12 item 11)', () => {
  const devices = (effective: number | undefined): ModelInput => ({
    name: 'dryer',
    nodes: [
      { id: 'plant', name: '全厂', level: 1 },
      { id: 'dryer', name: '烘干机', level: 2, parent: 'plant' },
    ],
    flows: [
      { id: 'G', from: null, to: 'dryer', layer: 'energy', carrier: 'natural-gas', value: 1000, unit: 'm3' },
      { id: 'U', from: 'dryer', to: null, layer: 'energy', kind: 'effective', value: effective, unit: 'GJ' },
      ...(effective === undefined
        ? []
        : [{ id: 'L', from: 'dryer', to: null, layer: 'energy', kind: 'loss', unit: 'GJ' } as const]),
    ],
    settings: { electricityEqualValue: 0.3 },
  });

  it('effective energy derived by difference: utilisation null, basis "derived" — not 100 %', () => {
    const b = balanceOf(check(devices(undefined)), 'dryer', 'energy');
    expect(b.status).toBe('by-difference');
    // U = G by construction; effective / supplied would read 100 %
    expect(b.energy!.effective).toBeCloseTo(b.in, 12);
    expect(b.energy).toMatchObject({ utilisation: null, utilisationBasis: 'derived', derivedEffective: ['U'] });
  });

  it('measured effective energy: utilisation = effective / supplied (GB/T 3484)', () => {
    // 1 000 m³ × 1.2143 kgce/m³ = 1.2143 tce supplied; 25 GJ effective = 25/29.307 = 0.85303 tce → 70.25 %
    const b = balanceOf(check(devices(25)), 'dryer', 'energy');
    expect(b.energy!.utilisationBasis).toBe('measured');
    expect(b.energy!.utilisation).toBeCloseTo(25 / 29.307 / 1.2143, 9);
  });

  it('the check CLI says "not determined" for the derived case', async () => {
    const f = tempFile(JSON.stringify(devices(undefined)));
    expect((await runCli(['check', f])).stdout).toContain('未确定（差值计算）');
    expect((await runCli(['check', f, '--lang', 'en'])).stdout).toContain('not determined (by difference)');
  });
});
