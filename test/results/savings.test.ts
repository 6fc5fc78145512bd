import { describe, expect, it } from 'vitest';
import type { ModelInput } from '../../src/index.ts';
import { baseAtReportOutput, changeRate, productSaving, savingRate } from '../../src/results/index.ts';
import { compare, plant } from './helpers.ts';

describe('GB/T 13234-2018 product saving (STANDARDS §7 worked check)', () => {
  // A 0.50 → 0.46 tce/t at 30 000 t; B 1.20 → 1.10 tce/t at 3 600 t.
  const terms = [
    { before: 0.5, after: 0.46, output: 30000 },
    { before: 1.2, after: 1.1, output: 3600 },
  ];
  it('ΔE = Σ (e_r − e_b) × P_r = −1 200 − 360 = −1 560 tce', () => {
    expect(productSaving(terms)).toBeCloseTo(-1560, 9);
  });
  it('saving rate ξ = (e_b − e_r) / e_b; the change the tables judge is (e_r − e_b) / e_b', () => {
    expect(savingRate(0.5, 0.46)).toBeCloseTo(0.08, 12);
    expect(changeRate(0.52, 0.47)).toBeCloseTo(-0.0962, 4);
    expect(savingRate(0, 1)).toBeNull();
    // Aggregate rate: 1 560 / (0.5 × 30 000 + 1.2 × 3 600) = 1 560 / 19 320.
    expect(baseAtReportOutput(terms)).toBeCloseTo(19320, 9);
  });

  // The same check through compare: two lines, each product attributed to its line (product.node).
  const lines = (a: number, b: number, outA: number, outB: number): ModelInput => ({
    name: '两产品厂',
    nodes: [
      { id: 'plant', name: '全厂', level: 1 },
      { id: 'lineA', name: 'A 线', level: 2, parent: 'plant' },
      { id: 'lineB', name: 'B 线', level: 2, parent: 'plant' },
    ],
    flows: [
      { id: 'EA', from: null, to: 'lineA', layer: 'energy', carrier: 'raw-coal', value: a, unit: 'tce' },
      { id: 'EB', from: null, to: 'lineB', layer: 'energy', carrier: 'raw-coal', value: b, unit: 'tce' },
    ],
    production: [
      { id: 'A', name: '产品A', unit: 't', output: outA, node: 'lineA' },
      { id: 'B', name: '产品B', unit: 't', output: outB, node: 'lineB' },
    ],
    period: { annualFactor: 1 },
  });
  it('compare: two products at their lines give savings.energy.tce = 1 560', () => {
    // Base: A 0.50 × 28 000 = 14 000 tce, B 1.20 × 3 000 = 3 600 tce; report: 0.46 × 30 000 = 13 800, 1.10 × 3 600 = 3 960.
    const r = compare(lines(14000, 3600, 28000, 3000), lines(13800, 3960, 30000, 3600));
    expect(r.comparison.basis).toBe('product');
    expect(r.savings.energy.tce).toBeCloseTo(1560, 6);
    expect(r.savings.energy.basis).toBe('GB/T 13234-2018 product');
    const [a, b] = r.savings.energy.perUnit.terms;
    expect(a!.saved).toBeCloseTo(1200, 6);
    expect(b!.saved).toBeCloseTo(360, 6);
    expect(r.savings.energy.rate).toBeCloseTo(1560 / 19320, 9);
    const ind = r.indicators.find((i) => i.id === 'energy-per-product:A')!;
    expect(ind.before).toBeCloseTo(0.5, 12);
    expect(ind.after).toBeCloseTo(0.46, 12);
    expect(ind.rate).toBeCloseTo(-0.08, 12);
  });
  it('compare: several products without lines are compared per 万元 of output value', () => {
    // Plant 17 600 tce over 1 000 万元 → 13 800 + 3 960 = 17 760 tce over 1 200 万元:
    // e 17.6 → 14.8 tce/万元, ΔE = (14.8 − 17.6) × 1 200 = −3 360 tce.
    const ov = (m: ModelInput, g: [number, number]) => ({
      ...m,
      production: m.production!.map(({ node: _n, ...p }, i) => ({ ...p, outputValue: g[i] })),
    });
    const r = compare(ov(lines(14000, 3600, 28000, 3000), [800, 200]), ov(lines(13800, 3960, 30000, 3600), [900, 300]));
    expect(r.comparison.basis).toBe('output-value');
    expect(r.savings.energy.tce).toBeCloseTo(3360, 6);
    expect(r.indicators.find((i) => i.id === 'energy-per-output-value')!.unit).toBe('tce/万元');
  });
});

describe('one product: energy both ways, carriers, water, per year', () => {
  // 100 t → 105 t of fabric; 100 000 → 90 000 kWh; 50 → 45 t raw coal; 10 000 → 9 000 m³ new water.
  // 720 h periods, 7 200 operating hours a year: annual factor 10.
  const r = compare(
    plant({ output: 100, kWh: 100000, coal: 50, water: 10000 }),
    plant({ output: 105, kWh: 90000, coal: 45, water: 9000 }),
  );
  it('当量值: 12.29 + 35.715 = 48.005 tce → 11.061 + 32.1435 = 43.2045; saved 48.005 × 1.05 − 43.2045 = 7.2008 tce', () => {
    expect(r.savings.energy.total.before.period).toBeCloseTo(48.005, 9);
    expect(r.savings.energy.tce).toBeCloseTo(7.20075, 9);
    expect(r.savings.energy.perYear.tce).toBeCloseTo(72.0075, 8);
  });
  it('等价值 (electricity 0.404 kgce/kWh): 76.115 × 1.05 − 68.5035 = 11.417 tce, coefficient named', () => {
    expect(r.savings.energy.tceEqual).toBeCloseTo(11.41725, 9);
    expect(r.savings.energy.coefficients.after).toContain('0.404 kgce/kWh');
    expect(r.savings.energy.coefficients.equivalent).toContain('0.1229');
  });
  it('electricity 100 000 × 1.05 − 90 000 = 15 000 kWh saved, 150 000 kWh a year; 表2: 100 → 15 万kWh/a', () => {
    const e = r.savings.energy.carriers.electricity!;
    expect(e.perUnit.saved).toBeCloseTo(15000, 9);
    expect(e.perUnit.perYear).toBeCloseTo(150000, 9);
    const row = r.table2.find((l) => l.key === 'electricity')!;
    expect(row.before).toBeCloseTo(100, 9);
    expect(row.after).toBeCloseTo(15, 9);
    expect(r.table2.find((l) => l.key === 'raw-coal')!.after).toBeCloseTo(75, 9); // (50 × 1.05 − 45) × 10
  });
  it('new water ΔV = (v_b − v_r) × P_r = (100 − 85.714) × 105 = 1 500 t; 表2 raw water 10 → 1.5 万t/a', () => {
    expect(r.savings.water.t).toBeCloseTo(1500, 9);
    expect(r.savings.water.newWater.before.period).toBe(10000);
    expect(r.table2.find((l) => l.key === 'raw-water')!.after).toBeCloseTo(1.5, 9);
  });
  it('Anhui, general plant: electricity per unit down 14.3 % ≥ 5 %: met', () => {
    const ind = r.indicators.find((i) => i.id === 'carrier-per-product:electricity:cloth')!;
    expect(ind.rate).toBeCloseTo(90000 / 105 / 1000 - 1, 12);
    expect(ind.threshold).toBe(-0.05);
    expect(ind.pass).toBe(true);
    expect(r.acceptance.rules.find((x) => x.id === 'resources')!.pass).toBe(true);
  });
});
