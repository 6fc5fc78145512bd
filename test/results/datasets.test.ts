import { describe, expect, it } from 'vitest';
import { runCli } from '../core/cli-helpers.ts';

/**
 * The example pair (datasets/README.md): the dyeing plant in March 2026 and in September 2026, after
 * counter-current washing (P1), condensate and flash-steam recovery (P2) and stenter exhaust heat
 * recovery (P3). Both 72 h campaigns, 90 t of fabric each, per year at the default 8 760 h (× 121.67).
 */
describe('datasets/dyeing.json → dyeing-after.json', async () => {
  const run = await runCli(['compare', 'datasets/dyeing.json', 'datasets/dyeing-after.json', '--json']);
  const r = JSON.parse(run.stdout);
  it('passes the Anhui rules (general plant): exit 0', () => {
    expect(run.code).toBe(0);
    expect(r.acceptance.pass).toBe(true);
  });
  it('综合能耗 87.76 → 78.04 tce: 90 440 kWh × 0.1229 + 450 t × 0.1286 + 7 455 Nm³ × 1.2143 kgce; 9.72 tce saved, 1 183 a year', () => {
    expect(r.savings.energy.total.before.period).toBeCloseTo(87.76005, 5);
    expect(r.savings.energy.total.after.period).toBeCloseTo(11.115076 + 57.87 + 9.0526065, 5);
    expect(r.savings.energy.tce).toBeCloseTo(9.72237, 4);
    expect(r.savings.energy.perYear.tce).toBeCloseTo((9.72237 * 8760) / 72, 2);
  });
  it('new water 6 550 → 5 245 t (72.8 → 58.3 t/t): 1 305 t saved, 15.88 万t/a in 表2; condensate recovery 49.0 % → 58.9 %', () => {
    expect(r.savings.water.t).toBeCloseTo(1305, 9);
    expect(r.table2.find((l: { key: string }) => l.key === 'raw-water').after).toBeCloseTo((1305 * 8760) / 72 / 1e4, 9);
    const c = r.savings.water.indicators.find((i: { id: string }) => i.id === 'condensateRecovery');
    expect(c.before).toBeCloseTo(250 / 510, 12);
    expect(c.after).toBeCloseTo(265 / 450, 12);
  });
  it('COD: generation unchanged (same load, less water), discharge 6 200 × 60 → 4 910 × 60 mg/L = 0.372 → 0.2946 t', () => {
    const cod = r.savings.pollutants.COD;
    expect(Math.abs(cod.generation.total.rate)).toBeLessThan(0.001);
    expect(cod.discharge.total.before.period).toBeCloseTo(0.372, 12);
    expect(cod.discharge.total.after.period).toBeCloseTo(0.2946, 12);
  });
  it('CO2 at Guangdong 2023 (0.4419): electricity + purchased heat (0.11 t/GJ) + gas = 271.33 → 242.64 t', () => {
    // before: 91 500 × 0.4419 = 40.434; 510 t × 0.1286 × 29.307 GJ/tce = 1 922.2 GJ × 0.11 = 211.44; gas 19.46
    expect(r.savings.co2.total.before.period).toBeCloseTo(40.43385 + 211.4374 + 19.4563, 2);
    expect(r.savings.co2.t).toBeCloseTo(28.684, 2);
  });
  it('P1 benefit (1 305 t × 4.2 + 1 290 t × 1.8 + 30 t steam × 260) × 8 760 / 72 = 189.84 万元/a; totals for 表2', () => {
    const p1 = r.proposals.items.find((p: { id: string }) => p.id === 'P1');
    expect(p1.annualBenefit).toBeCloseTo(((1305 * 4.2 + 1290 * 1.8 + 30 * 260) * 8760) / 72 / 1e4, 9);
    expect(p1.category).toBe('medium-high');
    expect(r.proposals.totals['no-low']).toMatchObject({ proposed: 2, implemented: 2 });
    expect(r.proposals.totals['medium-high']).toMatchObject({ proposed: 4, implemented: 3, investment: 430 });
  });
  it('Inner Mongolia: COD generation not down 10 %: exit 1', async () => {
    const im = await runCli([
      'compare',
      'datasets/dyeing.json',
      'datasets/dyeing-after.json',
      '--rules',
      'inner-mongolia',
      '--json',
    ]);
    expect(im.code).toBe(1);
    const rules = JSON.parse(im.stdout).acceptance.rules;
    expect(rules.find((x: { id: string }) => x.id === 'COD').pass).toBe(false);
    expect(rules.find((x: { id: string }) => x.id === 'wastewater').pass).toBe(true);
  });
});
