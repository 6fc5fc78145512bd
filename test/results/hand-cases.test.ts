import { describe, expect, it } from 'vitest';
import type { ModelInput } from '../../src/index.ts';
import { runCli, tempFile } from '../core/cli-helpers.ts';
import { plant } from './helpers.ts';

/**
 * Before/after cases a reviewer would try, run through `pingheng compare … --json` (and `carbon`) as
 * the hidden cases are, each figure computed by hand in its comment with the clause it follows.
 * The plant (helpers.ts): one product "cloth" (布 / fabric, t), a 720 h period, 7 200 h a year, so
 * the per-year figure is the period's × 10.
 *
 * Coefficients: GB/T 2589-2008 Annex A — electricity 0.1229 kgce/kWh (当量值), raw coal 0.7143
 * kgce/kg, gas-field natural gas 1.2143 kgce/m³; 等价值 of electricity 0.404 kgce/kWh (JJF 1356-2012
 * default, the model giving none). CO2: grid MEE–NBS 2023 national 0.5306 kgCO2/kWh (the default);
 * raw coal NCV 20.908 GJ/t × CC 26.37 tC/TJ × OF 0.94 × 44/12 = 1.900299 tCO2/t, natural gas
 * 389.31 GJ/10⁴Nm³ × 15.3 tC/TJ × 0.99 × 44/12 = 2.16219 kgCO2/Nm³ (national GHG accounting
 * guides 2015, STANDARDS §6).
 */
// biome-ignore lint/suspicious/noExplicitAny: the parsed --json document, read as a reviewer would
type Json = Record<string, any>;
const file = (m: unknown) => tempFile(JSON.stringify(m, null, 2));
const COAL_CO2 = (20.908 * 26.37 * 0.94 * 44) / 12 / 1000; // tCO2 per t raw coal = 1.900299

async function compareJson(before: ModelInput, after: ModelInput, args: string[] = []) {
  const { code, stdout, stderr } = await runCli(['compare', file(before), file(after), '--json', ...args]);
  expect(stdout, stderr).not.toMatch(/NaN|Infinity/);
  return { code, r: JSON.parse(stdout) as Json };
}
const indicator = (r: Json, id: string) => r.indicators.find((i: Json) => i.id === id);

describe('one carrier changed (electricity −10 %, coal as it was, output the same)', () => {
  const before = plant({ output: 100, kWh: 100000, coal: 50 });
  const after = plant({ output: 100, kWh: 90000, coal: 50 });
  it('comprehensive energy 当量值 and 等价值, the carrier rows, CO2, 表2', async () => {
    const { code, r } = await compareJson(before, after);
    expect(code).toBe(0);
    const e = r.savings.energy;
    // 当量值 (GB/T 2589-2008): 100 000 × 0.1229 + 50 000 × 0.7143 = 12 290 + 35 715 kgce = 48.005 tce;
    // after 11 061 + 35 715 = 46.776 tce. Same output: per-unit saving (0.48005 − 0.46776) × 100 = 1.229 tce.
    expect(indicator(r, 'energy-per-product:cloth').before).toBeCloseTo(0.48005, 12);
    expect(indicator(r, 'energy-per-product:cloth').after).toBeCloseTo(0.46776, 12);
    expect(e.tce).toBeCloseTo(1.229, 9);
    expect(e.perYear.tce).toBeCloseTo(12.29, 9);
    // ξ = 1.229 / 48.005 = 2.5601 %.
    expect(e.rate).toBeCloseTo(1.229 / 48.005, 12);
    // 等价值: 100 000 × 0.404 = 40.4 tce → 36.36; coal as before: saved 4.04 tce.
    expect(e.tceEqual).toBeCloseTo(4.04, 9);
    expect(e.totalEqual.before.period).toBeCloseTo(76.115, 9);
    expect(e.coefficients.equivalent).toContain('GB/T 2589-2008');
    expect(e.coefficients.equal).toContain('0.404');
    // Carriers: 10 000 kWh saved (10 000 × 10 = 100 000 kWh/a), coal 0.
    expect(e.carriers.electricity.perUnit.saved).toBeCloseTo(10000, 9);
    expect(e.carriers.electricity.perUnit.perYear).toBeCloseTo(100000, 9);
    expect(e.carriers['raw-coal'].perUnit.saved).toBe(0);
    // Anhui 三.8 (general, −5 %): electricity 1 000 → 900 kWh/t, −10 % passes; coal 0 % fails; "any" → met.
    expect(indicator(r, 'carrier-per-product:electricity:cloth')).toMatchObject({ rate: -0.1, threshold: -0.05 });
    expect(indicator(r, 'carrier-per-product:electricity:cloth').pass).toBe(true);
    expect(indicator(r, 'carrier-per-product:raw-coal:cloth').pass).toBe(false);
    expect(r.acceptance.rules.find((x: Json) => x.id === 'resources').pass).toBe(true);
    // CO2 = 10 000 kWh × 0.5306 kg = 5.306 t (coal unchanged).
    expect(r.savings.co2.t).toBeCloseTo(5.306, 9);
    // Each factor names its source and edition (STANDARDS §6).
    expect(r.factors.find((f: Json) => f.id === 'grid')).toMatchObject({
      value: 0.5306,
      series: 'MEE-NBS',
      year: 2023,
      standard: 'MEE & NBS electricity CO2 emission factors',
      edition: '2023 (announced 2025)',
      tag: 'C',
    });
    expect(r.factors.find((f: Json) => f.id === 'fuel:raw-coal')).toMatchObject({
      value: 1.9003,
      unit: 'kgCO2/kg',
      edition: '2015',
      clause: 'default fuel parameters (NCV, CC, OF): raw coal',
    });
    // 表2 row 16: before 100 000 × 10 = 1 000 000 kWh/a = 100 万kWh/a; saved 10 万kWh/a.
    const row16 = r.table2.find((x: Json) => x.key === 'electricity');
    expect(row16.before).toBeCloseTo(100, 9);
    expect(row16.after).toBeCloseTo(10, 9);
    expect(row16.unit).toBe('万kWh/a');
    // Row 15 (raw water): neither model takes in new water — absent with a note, not 0.
    const row15 = r.table2.find((x: Json) => x.key === 'raw-water');
    expect(row15).toMatchObject({ before: null, after: null });
    expect(row15.note.en).toBe('neither model has it');
  });
});

describe('production differs between periods: per-unit saving vs absolute change', () => {
  // Output 100 → 120 t; electricity 100 000 → 110 000 kWh (more in total, less per tonne).
  const before = plant({ output: 100, kWh: 100000, wastewater: 8000, codIn: 1500, codOut: 60 });
  const after = plant({ output: 120, kWh: 110000, wastewater: 8400, codIn: 1500, codOut: 60 });
  it('GB/T 13234: saving = (e_b − e_r) × P_r, the total is what the plant used', async () => {
    const { r } = await compareJson(before, after);
    const el = r.savings.energy.carriers.electricity;
    // e_b = 1 000 kWh/t, e_r = 110 000 / 120 = 916.667 kWh/t; (1 000 − 916.667) × 120 = 10 000 kWh saved.
    expect(el.perUnit.saved).toBeCloseTo(10000, 6);
    // ξ = 10 000 / (1 000 × 120) = 8.333 %.
    expect(el.perUnit.rate).toBeCloseTo(1 / 12, 12);
    // Absolute: 100 000 − 110 000 = −10 000 kWh (more used); change +10 %.
    expect(el.total.saved).toBeCloseTo(-10000, 6);
    expect(el.total.rate).toBeCloseTo(0.1, 12);
    // Energy 当量值: 10 000 × 0.1229 = 1.229 tce saved per unit, −1.229 in total.
    expect(r.savings.energy.tce).toBeCloseTo(1.229, 9);
    expect(r.savings.energy.total.saved).toBeCloseTo(-1.229, 9);
    // CO2 (STANDARDS §7: base − report): 53.06 − 58.366 = −5.306 t; per unit (0.5306 − 0.48638) × 120 = +5.306 t.
    expect(r.savings.co2.t).toBeCloseTo(-5.306, 9);
    expect(r.savings.co2.perUnit.saved).toBeCloseTo(5.306, 9);
  });
  it('pollutants: Anhui judges generation per unit (met), Zhejiang the total per year (not met, exit 1)', async () => {
    // COD generated (into the station) = m³ × mg/L × 10⁻⁶ t: 8 000 × 1 500 = 12 t → 8 400 × 1 500 = 12.6 t.
    // Per unit 0.12 → 0.105 t/t: −12.5 %; total +5 %. Discharge 8 000 × 60 = 0.48 t → 0.504 t.
    const anhui = await compareJson(before, after, ['--rules', 'anhui']);
    const cod = anhui.r.savings.pollutants.COD;
    expect(cod.generation.t).toBeCloseTo(-0.6, 9);
    expect(cod.generation.perYear.t).toBeCloseTo(-6, 9);
    expect(cod.generation.perUnit.saved).toBeCloseTo((0.12 - 0.105) * 120, 9);
    expect(cod.discharge.t).toBeCloseTo(0.48 - 0.504, 9);
    expect(indicator(anhui.r, 'generation-per-product:COD:cloth').rate).toBeCloseTo(-0.125, 12);
    expect(anhui.r.acceptance.rules.find((x: Json) => x.id === 'pollutants').pass).toBe(true);
    expect(anhui.code).toBe(0);
    // Zhejiang 附件一 六 (lines 7066–7081): generation per year down ≥ 10 % — COD +5 % fails.
    const zj = await compareJson(before, after, ['--rules', 'zhejiang']);
    const codRow = zj.r.indicators.find((i: Json) => i.id === 'generation-total:COD');
    expect(codRow.rate).toBeCloseTo(0.05, 12);
    expect(codRow.threshold).toBe(-0.1);
    expect(codRow.pass).toBe(false);
    expect(zj.r.acceptance.pass).toBe(false);
    expect(zj.code).toBe(1);
  });
});

describe('main raw materials per unit product (表2 rows 12–14, Anhui 三.8)', () => {
  const mat = (id: string, carrier: string, value: number) => ({
    id,
    from: null,
    to: 'plant',
    layer: 'material' as const,
    carrier,
    value,
    unit: 't',
    phase: 'solid' as const,
  });
  const m = (output: number, dye: number, salt: number): ModelInput => ({
    ...plant({ output, flows: [mat('M1', 'dye', dye), mat('M2', 'salt', salt)] }),
    audit: { mainMaterials: ['dye'] },
  });
  it('dye 0.02 → 0.015 t/t at 120 t: (0.02 − 0.015) × 120 = 0.6 t saved, −25 % passes; salt is not main', async () => {
    // Before 2 t / 100 t, after 1.8 t / 120 t. Salt 10 t / 100 → 12 t / 120: 0.1 t/t both, not judged.
    const { r } = await compareJson(m(100, 2, 10), m(120, 1.8, 12));
    const dye = r.savings.materials.dye;
    expect(dye.main).toBe(true);
    expect(dye.t).toBeCloseTo(0.6, 12);
    expect(dye.perYear.t).toBeCloseTo(6, 12);
    expect(dye.total.saved).toBeCloseTo(0.2, 12);
    const ind = indicator(r, 'material-per-product:dye:cloth');
    expect(ind).toMatchObject({ subject: 'material', threshold: -0.05, pass: true });
    expect(ind.rate).toBeCloseTo(-0.25, 12);
    expect(indicator(r, 'material-per-product:salt:cloth')).toMatchObject({ subject: null, rule: null });
    expect(r.savings.materials.salt.total.saved).toBeCloseTo(-2, 12);
    // 表2: one row per main material and product: before 0.02 t/t, reduction 0.005 t/t.
    const rows = r.table2.filter((x: Json) => x.no === '12–14');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ key: 'material:dye:cloth', unit: 't/t', before: 0.02 });
    expect(rows[0].after).toBeCloseTo(0.005, 12);
  });
});

describe('periods of different length, each annualised', () => {
  it('720 h (×10 a year) vs 1 440 h (×5): per-unit saving over the report period and per year', async () => {
    const before = plant({ output: 100, kWh: 100000 });
    const after = { ...plant({ output: 200, kWh: 190000 }), settings: { periodHours: 1440, annualHours: 7200 } };
    const { r } = await compareJson(before, after);
    expect(r.comparison.periods).toBe('annualised');
    expect(r.after.period).toMatchObject({ hours: 1440, annualFactor: 5, annualFactorFrom: 'settings.annualHours' });
    const el = r.savings.energy.carriers.electricity;
    // e 1 000 → 950 kWh/t; (1 000 − 950) × 200 = 10 000 kWh over the report period, × 5 = 50 000 kWh/a.
    expect(el.perUnit.saved).toBeCloseTo(10000, 6);
    expect(el.perUnit.perYear).toBeCloseTo(50000, 6);
    // Totals per year: 100 000 × 10 = 1 000 000 → 190 000 × 5 = 950 000 kWh/a: 50 000 saved, −5 %;
    // over the report period (1 000 000 − 950 000) / 5 = 10 000 kWh.
    expect(el.total.before.perYear).toBeCloseTo(1e6, 6);
    expect(el.total.after.perYear).toBeCloseTo(950000, 6);
    expect(el.total.savedPerYear).toBeCloseTo(50000, 6);
    expect(el.total.saved).toBeCloseTo(10000, 6);
    expect(el.total.rate).toBeCloseTo(-0.05, 12);
  });
});

describe('stock changes count in consumption (GB/T 2589: received − sent out − stock increase)', () => {
  const stock = (value: number, into: boolean) => ({
    id: 'S1',
    from: into ? 'plant' : null,
    to: into ? null : 'plant',
    layer: 'energy' as const,
    carrier: 'raw-coal',
    value,
    unit: 't',
    stock: true,
  });
  // Before: 50 t bought + 5 t drawn from the pile = 55 t burnt; after: 50 t bought, 10 t put on the pile = 40 t.
  const before = plant({ output: 100, coal: 50, flows: [stock(5, false)] });
  const after = plant({ output: 100, coal: 50, flows: [stock(10, true)] });
  it('coal 55 → 40 t: 15 t × 0.7143 = 10.7145 tce and 15 × 1.900299 = 28.504 tCO2 saved', async () => {
    const { r } = await compareJson(before, after);
    const coal = r.savings.energy.carriers['raw-coal'];
    expect(coal.total.before.period).toBeCloseTo(55, 9);
    expect(coal.total.after.period).toBeCloseTo(40, 9);
    expect(coal.perUnit.saved).toBeCloseTo(15, 9);
    expect(r.savings.energy.tce).toBeCloseTo(15 * 0.7143, 9);
    expect(r.savings.co2.t).toBeCloseTo(15 * COAL_CO2, 3);
    // The inventory lists the stock movements with their sign.
    const inv = await runCli(['carbon', file(after), '--json']);
    const s1 = JSON.parse(inv.stdout).sources.find((s: Json) => s.flow === 'S1');
    expect(s1.direction).toBe('stock-increase');
    expect(s1.t).toBeCloseTo(-10 * COAL_CO2, 3);
  });
});

describe('fuel switch and a unit change between periods', () => {
  it('coal → natural gas, electricity in MWh after: each in its own unit, totals in tce', async () => {
    const before = plant({ output: 100, kWh: 100000, coal: 50 });
    const after = plant({
      output: 100,
      flows: [
        { id: 'E1', from: null, to: 'plant', layer: 'energy', carrier: 'electricity', value: 90, unit: 'MWh' },
        { id: 'G1', from: null, to: 'plant', layer: 'energy', carrier: 'natural-gas', value: 20000, unit: 'Nm3' },
      ],
    });
    const { r } = await compareJson(before, after);
    const c = r.savings.energy.carriers;
    // 90 MWh = 90 000 kWh: 10 000 kWh saved.
    expect(c.electricity.perUnit.saved).toBeCloseTo(10000, 6);
    // Coal 50 t → 0 saved; gas 0 → 20 000 Nm³: −20 000 (no base, so no rate).
    expect(c['raw-coal'].perUnit.saved).toBeCloseTo(50, 9);
    expect(c['natural-gas'].perUnit.saved).toBeCloseTo(-20000, 6);
    expect(indicator(r, 'carrier-per-product:natural-gas:cloth').rate).toBeNull();
    // tce: 48.005 → 11.061 + 20 000 × 1.2143 kg = 11.061 + 24.286 = 35.347; saved 12.658.
    expect(r.savings.energy.tce).toBeCloseTo(12.658, 9);
    // CO2: 53.06 + 95.015 = 148.075 t → 47.754 + 20 000 × 2.16219 kg = 47.754 + 43.244 = 90.998 t.
    const gas = (((389.31 / 1e4) * 15.3) / 1000) * 0.99 * (44 / 12); // tCO2 per Nm³ = 0.00216219
    expect(r.savings.co2.t).toBeCloseTo(5.306 + 50 * COAL_CO2 - 20000 * gas, 6);
  });
});

describe('proposals: zero investment, negative savings, no price', () => {
  const before = plant({ output: 100, kWh: 100000, coal: 50 });
  const after: ModelInput = {
    ...plant({ output: 100, kWh: 90000, coal: 55 }),
    audit: {
      lowCostLimit: 5,
      discountRate: 0.08,
      prices: [
        { carrier: 'electricity', value: 0.7, unit: '元/kWh' },
        { carrier: 'raw-coal', value: 900, unit: '元/t' },
      ],
    },
    proposals: [
      { id: 'P0', name: '加强管理', nameEn: 'housekeeping', investment: 0, annualBenefit: 3, lifetime: 5 },
      { id: 'PN', name: '改烧煤', nameEn: 'more coal', investment: 10, flows: ['C1'], lifetime: 10, implemented: true },
      { id: 'PE', name: '变频', nameEn: 'VSD', investment: 20, flows: ['E1', 'C1'], lifetime: 10, implemented: true },
    ],
  };
  it('NPV = −I + F (1 − 1.08⁻ⁿ) / 0.08; payback and IRR null where they do not exist', async () => {
    const { r } = await compareJson(before, after);
    const p = (id: string) => r.proposals.items.find((x: Json) => x.id === id);
    // P0: I = 0, F = 3, n = 5: annuity (1 − 1.08⁻⁵) / 0.08 = 3.99271 → NPV 11.9781; N = 0 / 3 = 0;
    // IRR does not exist (NPV > 0 at every rate): null. Category no/low (0 ≤ 5 万元).
    expect(p('P0').npv).toBeCloseTo(3 * 3.992710037, 6);
    expect(p('P0').payback).toBe(0);
    expect(p('P0').irr).toBeNull();
    expect(p('P0').category).toBe('no-low');
    // PN: coal 50 → 55 t: saved −5 t × 10 a⁻¹ × 900 元/t = −45 000 元 = −4.5 万元/a. Payback and IRR null
    // (it never pays back); NPV = −10 − 4.5 × 6.710081 = −40.1954 万元.
    expect(p('PN').annualBenefit).toBeCloseTo(-4.5, 9);
    expect(p('PN').benefitDetail[0]).toMatchObject({ flow: 'C1', saved: { value: -5, unit: 't' }, perYear: -50 });
    expect(p('PN').payback).toBeNull();
    expect(p('PN').irr).toBeNull();
    expect(p('PN').npv).toBeCloseTo(-10 - 4.5 * 6.710081399, 6);
    // PE: 10 000 kWh × 10 × 0.70 元 = 7.0 万元/a, minus the coal's 4.5 → F = 2.5 万元/a; N = 20 / 2.5 = 8 a;
    // NPV = −20 + 2.5 × 6.710081 = −3.2248; IRR: annuity(i, 10) = 8 → i = 4.2775 %.
    expect(p('PE').annualBenefit).toBeCloseTo(2.5, 9);
    expect(p('PE').payback).toBeCloseTo(8, 9);
    expect(p('PE').npv).toBeCloseTo(-3.2248, 4);
    expect(p('PE').irr).toBeCloseTo(0.042775, 5);
    // 表2 rows 2–3: implemented no/low 0 of 1 (P0 not implemented); medium/high 2, 30 万元, −2.0 万元/a.
    expect(r.proposals.totals['no-low']).toEqual({ proposed: 1, implemented: 0, investment: 0, benefit: 0 });
    expect(r.proposals.totals['medium-high'].investment).toBe(30);
    expect(r.proposals.totals['medium-high'].benefit).toBeCloseTo(-2, 9);
  });
  it('a by-product sold earns by its increase: (5 − 2) t × 10 a⁻¹ × 3 000 元/t = 9 万元/a', async () => {
    const sold = (t: number) => ({
      id: 'R1',
      from: 'plant',
      to: null,
      layer: 'material' as const,
      carrier: 'waste-fibre',
      kind: 'by-product' as const,
      value: t,
      unit: 't',
    });
    const b = plant({ output: 100, kWh: 100000, flows: [sold(2)] });
    const a: ModelInput = {
      ...plant({ output: 100, kWh: 100000, flows: [sold(5)] }),
      audit: { prices: [{ flow: 'R1', value: 3000, unit: '元/t' }] },
      proposals: [{ id: 'PR', name: '回收废纤维', investment: 6, flows: ['R1'], lifetime: 5, discountRate: 0.1 }],
    };
    const { r } = await compareJson(b, a);
    const pr = r.proposals.items[0];
    // saved (cut) = 2 − 5 = −3 t over the period, −30 t/a; sold, so benefit = +30 × 3 000 元 = 9 万元/a.
    expect(pr.benefitDetail[0]).toMatchObject({
      flow: 'R1',
      saved: { value: -3, unit: 't' },
      perYear: -30,
      sold: true,
    });
    expect(pr.annualBenefit).toBeCloseTo(9, 9);
    // N = 6 / 9 = 0.667 a; NPV = −6 + 9 × (1 − 1.1⁻⁵) / 0.1 = −6 + 9 × 3.790787 = 28.1171 万元.
    expect(pr.payback).toBeCloseTo(6 / 9, 12);
    expect(pr.npv).toBeCloseTo(-6 + 9 * 3.790786769, 6);
  });
  it('a price missing for one touched flow is exit 2 at proposals[i].flows[j]', async () => {
    const noCoalPrice = {
      ...after,
      audit: { ...after.audit, prices: [{ carrier: 'electricity', value: 0.7, unit: '元/kWh' }] },
    };
    const { code, stdout } = await runCli(['compare', file(before), file(noCoalPrice), '--json']);
    expect(code).toBe(2);
    const issues = JSON.parse(stdout).issues;
    expect(issues).toContainEqual(expect.objectContaining({ path: 'proposals[1].flows[0]', code: 'proposal.noPrice' }));
  });
});

describe('English output: names follow nameEn, Chinese output never shows raw ids', () => {
  const named = (m: ModelInput): ModelInput => ({ ...m, name: '试验厂', nameEn: 'Test mill' });
  const before = named(plant({ output: 100, kWh: 100000, coal: 50 }));
  const after = named({
    ...plant({ output: 100, kWh: 90000, coal: 45 }),
    proposals: [{ id: 'P1', name: '变频改造', nameEn: 'variable-speed drives', investment: 20, annualBenefit: 5 }],
  });
  it('compare --lang en: the plant, product, proposal in English; zh: 布, 变频改造, never "cloth"', async () => {
    const en = await runCli(['compare', file(before), file(after), '--lang', 'en']);
    expect(en.stdout).toContain('Test mill');
    expect(en.stdout).toMatch(/electricity\s+fabric\s+kWh\/t/);
    expect(en.stdout).toContain('variable-speed drives');
    expect(en.stdout).not.toMatch(/[布变]/);
    const zh = await runCli(['compare', file(before), file(after)]);
    expect(zh.stdout).toMatch(/电力\s+布\s+kWh\/t/);
    expect(zh.stdout).toContain('变频改造');
    expect(zh.stdout).not.toContain('cloth');
  });
  it('carbon --lang en: title and carriers in English; zh carriers 电力, 原煤', async () => {
    const en = await runCli(['carbon', file(after), '--lang', 'en']);
    expect(en.stdout).toContain('CO2 inventory: Test mill');
    expect(en.stdout).toMatch(/E1\s+\S*\s*electricity\s+in/);
    const zh = await runCli(['carbon', file(after)]);
    expect(zh.stdout).toContain('电力');
    expect(zh.stdout).toContain('原煤');
    // The sources table (the factors' citations below it keep their English titles).
    const sources = zh.stdout.split('所用因子')[0]!;
    expect(sources).not.toMatch(/\braw-coal\b|\belectricity\b/);
  });
});

describe('表2 row 1 (output value)', () => {
  it('with outputValue: Σ 万元 × the annual factor; without: null and a note that asks for it', async () => {
    const withValue = (m: ModelInput, v: number): ModelInput => ({
      ...m,
      production: [{ id: 'cloth', name: '布', nameEn: 'fabric', unit: 't', output: 100, outputValue: v }],
    });
    const b = plant({ output: 100, kWh: 100000 });
    const a = plant({ output: 100, kWh: 90000 });
    // 120 万元 over 720 h × 7 200 / 720 = 1 200 万元/a; 130 → 1 300.
    const { r } = await compareJson(withValue(b, 120), withValue(a, 130));
    expect(r.table2[0]).toMatchObject({ key: 'output-value', before: 1200, after: 1300, note: null });
    const none = await compareJson(b, a);
    expect(none.r.table2[0].before).toBeNull();
    expect(none.r.table2[0].note.en).toContain('outputValue');
  });
});

describe('data modules carry their provenance', () => {
  it('every 表2 row names the document, edition, clause (its row) and tag; grid and fuel rows too', async () => {
    const { table2 } = await import('../../src/data/anhui-2007.ts');
    for (const row of table2)
      expect(row.source).toMatchObject({ standard: '皖经资源〔2007〕227号', edition: '2007', tag: 'P' });
    expect(table2.find((r) => r.key === 'COD')!.source.clause).toBe('实施情况表（表 2）第 4 行');
    const { GRID_TABLES } = await import('../../src/results/factors.ts');
    const { fuels, heatFactor } = await import('../../src/data/co2-guides-2015.ts');
    const sources = [
      ...GRID_TABLES.flatMap((g) => g.factors.map((f) => f.source)),
      ...fuels.flatMap((f) => [f.source, f.productSource]),
    ];
    sources.push(heatFactor.source);
    expect(sources.length).toBeGreaterThan(20);
    for (const s of sources) {
      expect(s.standard).toBeTruthy();
      expect(s.edition).toBeTruthy();
      expect(s.clause).toBeTruthy();
      expect(['P', 'C', 'S', 'U']).toContain(s.tag);
    }
    // The carbon-market value is its own series, never a member of MEE–NBS (STANDARDS §6).
    const market = GRID_TABLES.find((g) => g.series === 'carbon-market')!;
    expect(market.factors.map((f) => f.value)).toEqual([0.5703]);
  });
});

describe('command-line values', () => {
  it('--cost-limit must be a number ≥ 0: exit 2 naming the option', async () => {
    const m = file(plant({ output: 100, kWh: 100000 }));
    for (const bad of ['-3', 'abc']) {
      const { code, stdout, stderr } = await runCli(['compare', m, m, '--cost-limit', bad, '--lang', 'en']);
      expect(code).toBe(2);
      expect(stdout + stderr).toContain(`--cost-limit must be a number ≥ 0 (万元), not "${bad}"`);
    }
  });
});
