import { describe, expect, it } from 'vitest';
import { runCli, tempFile } from '../core/cli-helpers.ts';
import { plant } from './helpers.ts';

const file = (m: unknown) => tempFile(JSON.stringify(m, null, 2));
const good = {
  before: plant({ output: 100, kWh: 100000, coal: 50, water: 10000, wastewater: 8000, codIn: 1500, codOut: 60 }),
  after: plant({ output: 105, kWh: 90000, coal: 45, water: 9000, wastewater: 7000, codIn: 1400, codOut: 50 }),
};

describe('pingheng compare', () => {
  it('--json prints the DESIGN.md shape; savings positive = saved; exit 0 when the rules are met', async () => {
    const { code, stdout } = await runCli(['compare', file(good.before), file(good.after), '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    const ind = r.indicators.find((i: { id: string }) => i.id === 'energy-per-product:cloth');
    expect(Object.keys(ind)).toEqual(
      expect.arrayContaining(['id', 'unit', 'before', 'after', 'rate', 'threshold', 'pass']),
    );
    expect(ind.unit).toBe('tce/t');
    expect(r.savings.energy.tce).toBeCloseTo(7.20075, 9);
    expect(r.savings.energy.basis).toBe('GB/T 13234-2018 product');
    expect(r.savings.water.t).toBeCloseTo(1500, 9);
    expect(r.savings.pollutants.COD.generation.t).toBeCloseTo(2.2, 9);
    expect(r.savings.pollutants.COD.discharge.t).toBeCloseTo(0.13, 9);
    // CO2 (default MEE–NBS 2023 national 0.5306): 53.06 + 95.0149 = 148.0749 t → 47.754 + 85.5134 = 133.2674 t.
    expect(r.savings.co2.t).toBeCloseTo(14.8075, 3);
    expect(r.factors.find((f: { id: string }) => f.id === 'grid')).toMatchObject({
      value: 0.5306,
      unit: 'kgCO2/kWh',
      series: 'MEE-NBS',
      year: 2023,
      region: '全国',
    });
    expect(r.acceptance.pass).toBe(true);
  });
  it('exit 1 when a rule that can be judged is not met (report period uses more per unit)', async () => {
    const worse = plant({ output: 100, kWh: 101000, coal: 51, water: 10100, wastewater: 8100, codIn: 1500 });
    const { code, stdout } = await runCli(['compare', file(good.before), file(worse), '--json', '--level', 'advanced']);
    expect(code).toBe(1);
    const r = JSON.parse(stdout);
    expect(r.acceptance.level).toBe('advanced');
    expect(r.acceptance.rules.find((x: { id: string }) => x.id === 'resources').threshold).toBe(-0.03);
    expect(r.acceptance.rules.find((x: { id: string }) => x.id === 'resources').pass).toBe(false);
  });
  it('prints the table in Chinese and in English', async () => {
    const zh = await runCli(['compare', file(good.before), file(good.after)]);
    expect(zh.stdout).toContain('实施前 COD 产生量');
    expect(zh.stdout).toContain('综合能耗（当量值）');
    const en = await runCli(['compare', file(good.before), file(good.after), '--lang', 'en', '--rules', 'zhejiang']);
    expect(en.stdout).toContain('COD generated before');
    expect(en.stdout).toContain('Zhejiang CP audit acceptance standard');
  });
});

describe('pingheng compare: unusable input is located (exit 2)', () => {
  const expectIssue = async (before: unknown, after: unknown, path: string, code: string, args: string[] = []) => {
    const { code: exit, stdout, stderr } = await runCli(['compare', file(before), file(after), '--json', ...args]);
    expect(exit).toBe(2);
    const doc = JSON.parse(stdout);
    const hit = doc.issues.find((i: { path: string; code: string }) => i.path === path && i.code === code);
    expect(hit, stderr).toBeTruthy();
    return hit as { file: string; line: number | null };
  };
  it('two models that share no product and no carrier', async () => {
    const other = {
      ...plant({
        output: 5,
        flows: [{ id: 'G', from: null, to: 'plant', layer: 'energy', carrier: 'natural-gas', value: 1, unit: 'Nm3' }],
      }),
      production: [{ id: 'paper', name: '纸', unit: 't', output: 5 }],
    };
    await expectIssue(plant({ output: 1, kWh: 10 }), other, 'production', 'compare.nothingShared');
  });
  it('a product whose unit differs between periods (with its line)', async () => {
    const after = { ...good.after, production: [{ id: 'cloth', name: '布', unit: 'm', output: 105 }] };
    const hit = await expectIssue(good.before, after, 'production[0].unit', 'compare.productUnit');
    expect(hit.line).toBeGreaterThan(1);
  });
  it('a zero or a missing output', async () => {
    const zero = { ...good.after, production: [{ id: 'cloth', name: '布', unit: 't', output: 0 }] };
    await expectIssue(good.before, zero, 'production[0].output', 'product.output');
    const missing = { ...good.after, production: [{ id: 'cloth', name: '布', unit: 't' }] };
    await expectIssue(good.before, missing, 'production[0].output', 'schema.required');
    const none = { ...good.after, production: undefined };
    await expectIssue(good.before, none, 'production', 'compare.noProduction');
  });
  it('periods of different length without annualisation', async () => {
    const longer = { ...good.after, settings: { periodHours: 1440 } };
    const hit = await expectIssue(good.before, longer, 'period', 'compare.periodLength');
    expect(hit.file).toMatch(/\.json$/);
  });
  it('a grid factor for a region or year the tables do not hold', async () => {
    await expectIssue(
      good.before,
      { ...good.after, carbon: { grid: { region: '西藏' } } },
      'carbon.grid.region',
      'co2.gridRegion',
    );
    // an option's problem is located at the option (path and option), in the base model's report
    const hit = await expectIssue(good.before, good.after, '--grid-year', 'co2.gridYear', ['--grid-year', '2019']);
    expect(hit).toMatchObject({ option: '--grid-year', line: null });
  });
  it('a proposal whose benefit must be computed but has no price', async () => {
    const after = {
      ...good.after,
      proposals: [{ id: 'P1', name: '变频改造', investment: 20, flows: ['E1'], lifetime: 8 }],
    };
    await expectIssue(good.before, after, 'proposals[0].flows[0]', 'proposal.noPrice');
  });
});

describe('proposals through compare', () => {
  it('benefit from the touched flow: (100 000 × 1.05 − 90 000) kWh × 10 a⁻¹ × 0.70 元/kWh = 10.5 万元/a', async () => {
    const after = {
      ...good.after,
      audit: { lowCostLimit: 5, discountRate: 0.05, prices: [{ carrier: 'electricity', value: 0.7, unit: '元/kWh' }] },
      proposals: [
        { id: 'P1', name: '变频改造', investment: 20, flows: ['E1'], lifetime: 8, implemented: true },
        { id: 'P2', name: '加强管理', investment: 0.5, annualBenefit: 2, implemented: true },
        { id: 'P3', name: '余热回收', investment: 150, annualBenefit: 32.5, lifetime: 10 },
      ],
    };
    const { code, stdout } = await runCli(['compare', file(good.before), file(after), '--json']);
    expect(code).toBe(0);
    const p = JSON.parse(stdout).proposals;
    const p1 = p.items.find((x: { id: string }) => x.id === 'P1');
    expect(p1.annualBenefit).toBeCloseTo(10.5, 9);
    expect(p1.category).toBe('medium-high');
    expect(p1.payback).toBeCloseTo(20 / 10.5, 9);
    const p3 = p.items.find((x: { id: string }) => x.id === 'P3');
    expect(p3.npv).toBeCloseTo(100.9564, 4);
    expect(p3.irr).toBeCloseTo(0.1726, 4);
    expect(p.totals['no-low']).toEqual({ proposed: 1, implemented: 1, investment: 0.5, benefit: 2 });
    expect(p.totals['medium-high'].proposed).toBe(2);
    expect(p.totals['medium-high'].implemented).toBe(1);
    expect(p.totals['medium-high'].investment).toBe(20);
  });
});

describe('pingheng carbon', () => {
  it('--json: total, sources with flow, carrier, activity, factor, t, and the factors named', async () => {
    const { code, stdout } = await runCli([
      'carbon',
      file(good.after),
      '--json',
      '--grid-region',
      '云南',
      '--grid-year',
      '2023',
    ]);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    // 90 000 kWh × 0.1333 = 11.997 t; 45 t raw coal × 1.9003 = 85.513 t.
    expect(r.total.t).toBeCloseTo(11.997 + 85.5134, 3);
    expect(r.sources[0]).toMatchObject({
      flow: 'E1',
      carrier: 'electricity',
      activity: { value: 90000, unit: 'kWh' },
      factor: 'grid',
    });
    expect(r.factors.find((f: { id: string }) => f.id === 'grid')).toMatchObject({
      value: 0.1333,
      year: 2023,
      region: '云南',
    });
    expect(r.perYear.t).toBeCloseTo(r.total.t * 10, 9);
  });
  it('a region the tables do not hold: exit 2', async () => {
    const { code, stderr } = await runCli(['carbon', file(good.after), '--grid-region', 'Atlantis']);
    expect(code).toBe(2);
    expect(stderr).toContain('--grid-region');
  });
});

describe('pingheng compare on a multi-period model', () => {
  it('takes a period or a run of periods of one model as each side; refuses a multi-period model without a choice', async () => {
    const m = 'datasets/boiler-monthly.json';
    const ok = await runCli([
      'compare',
      m,
      m,
      '--before-period',
      '2025-01..2025-06',
      '--after-period',
      '2025-07..2025-12',
      '--json',
    ]);
    expect([0, 1]).toContain(ok.code);
    const r = JSON.parse(ok.stdout);
    expect(r.comparison.periods).toBe('annualised');
    expect(r.before.period.label).toContain('2025');
    const bad = await runCli(['compare', m, m, '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).issues[0]).toMatchObject({ path: 'periods', code: 'compare.choosePeriod' });
  });
});
