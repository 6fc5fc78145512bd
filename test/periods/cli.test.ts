import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/index.ts';
import { runCli, tempFile } from '../core/cli-helpers.ts';
import { coalPlant } from './fixtures.ts';

const DATASET = 'datasets/boiler-monthly.json';
const dataset = JSON.parse(readFileSync(DATASET, 'utf8'));

describe('pingheng periods on the 12-month dataset', () => {
  it('--json: 12 months, a complete 2025, the 96 h campaign apart; exit 0', async () => {
    const r = await runCli(['periods', DATASET, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.periods).toHaveLength(12);
    expect(doc.years).toHaveLength(1);
    expect(doc.years[0]).toMatchObject({ year: 2025, complete: true, calendarHours: 8760 });
    expect(doc.campaigns.map((c: { id: string; hours: number }) => [c.id, c.hours])).toEqual([['campaign', 96]]);
    // The pile: opens at 1 500 t, each month's closing survey is the next month's opening.
    const piles = doc.periods.map((p: { stocks: { opening: number; closing: number }[] }) => p.stocks[0]);
    for (let k = 1; k < 12; k++) expect(piles[k].opening).toBe(piles[k - 1].closing);
    expect(piles[0].opening).toBe(1500);
    expect(doc.years[0].stocks[0]).toMatchObject({ opening: 1500, closing: 1500, change: 0 });
  });

  it("January's comprehensive energy consumption, by hand", async () => {
    const doc = JSON.parse((await runCli(['periods', DATASET, '--json'])).stdout);
    const v = dataset.periods[0].values;
    // coal 20 900 kJ/kg ÷ 29 307 kJ/kgce (measured LHV, GB/T 2589) = 0.71314 tce/t;
    // electricity 0.1229 kgce/kWh (当量值); steam sold Δh 2.338 GJ/t ÷ 29.307 GJ/tce;
    // the pile fell 1 500 → 1 200 t: 300 t of coal burnt from stock is consumption too.
    const coal = 20900 / 29307;
    const expected = v.EC0 * coal + (v.EL0 * 0.1229) / 1000 - ((v.ES1 + v.ES2) * 2.338) / 29.307 - (1200 - 1500) * coal;
    const jan = doc.periods[0].indicators;
    expect(jan.energyEquivalent).toBeCloseTo(expected, 9);
    expect(jan.perProduct[0].energy).toBeCloseTo(expected / (v.ST1 + v.ST2), 12);
    // The year is the sum of its months (the campaign's 96 h are not in it).
    const sum = doc.periods.reduce(
      (a: number, p: { indicators: { energyEquivalent: number } }) => a + p.indicators.energyEquivalent,
      0,
    );
    expect(doc.years[0].indicators.energyEquivalent).toBeCloseTo(sum, 6);
  });

  it('--reconcile: October, when the boiler-1 coal scale read 3 % high, fails its energy test (exit 1)', async () => {
    const r = await runCli(['periods', DATASET, '--reconcile', '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    const oct = doc.reconciliation.perPeriod.find((p: { period: string }) => p.period === '2025-10');
    const energy = oct.reconciliation.layers.find((l: { layer: string }) => l.layer === 'energy');
    expect(energy.global.pass).toBe(false);
    expect(energy.suspects[0].flow).toBe('EC1');
    const others = doc.reconciliation.perPeriod.filter((p: { period: string }) => p.period !== '2025-10');
    for (const p of others)
      for (const l of p.reconciliation.layers) expect(l.global.pass, `${p.period} ${l.layer}`).toBe(true);
    expect(doc.reconciliation.across.layers.map((l: { layer: string }) => l.layer)).toEqual([
      'material',
      'water',
      'energy',
    ]);
  });

  it('--period checks one month as check does; --from/--to --extract prints a loadable single-period model', async () => {
    const one = await runCli(['periods', DATASET, '--period', '2025-10', '--json']);
    expect(one.code).toBe(0);
    const doc = JSON.parse(one.stdout);
    expect(doc.selection).toMatchObject({ label: '2025年10月', kind: 'month' });
    expect(doc.period.hours).toBe(744);
    const ex = await runCli(['periods', DATASET, '--from', '2025-01', '--to', '2025-03', '--extract']);
    expect(ex.code).toBe(0);
    const q1 = loadModel(JSON.parse(ex.stdout), 'q1.json').model;
    const sum = (id: string) =>
      dataset.periods.slice(0, 3).reduce((a: number, p: { values: Record<string, number> }) => a + p.values[id]!, 0);
    expect(q1.flows.find((f) => f.id === 'C01')!.value).toBeCloseTo(sum('C01'), 9);
    expect(q1.settings?.periodHours).toBe(744 + 672 + 744);
    // the pile over the quarter: 1 500 → 900 t
    expect(q1.flows.find((f) => f.id === 'C02')!.value).toBe(-600);
  });

  it('human output: Chinese by default, English with --lang en', async () => {
    const zh = await runCli(['periods', DATASET]);
    expect(zh.stdout).toContain('年度汇总（不含测试期）');
    expect(zh.stdout).toMatch(/2025年10月\s+744\.0/);
    const en = await runCli(['periods', DATASET, '--lang', 'en']);
    expect(en.stdout).toContain('calendar years (campaigns not included)');
    expect(en.stdout).toContain('coal pile 1500 t');
  });
});

describe('pingheng periods: unusable input', () => {
  it('overlapping periods: exit 2, file:line: periods[1].start', async () => {
    const m = coalPlant();
    m.periods![1]!.start = '2025-01-31';
    const file = tempFile(JSON.stringify(m, null, 2));
    const r = await runCli(['periods', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/:\d+: periods\[1\]\.start: 统计期 "2025-02" 从 2025-01-31 开始，与上一统计期 "2025-01"/);
    const en = await runCli(['periods', file, '--lang', 'en', '--json']);
    expect(JSON.parse(en.stdout).issues[0]).toMatchObject({ path: 'periods[1].start', code: 'periods.overlap' });
  });

  it('a gap: exit 2; an unknown --period: exit 2 naming the periods there are', async () => {
    const m = coalPlant();
    m.periods![2]!.start = '2025-03-03';
    const r = await runCli(['periods', tempFile(JSON.stringify(m, null, 2)), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/periods\[2\]\.start: period "2025-03" starts at 2025-03-03, 48 h after/);
    const u = await runCli(['periods', tempFile(JSON.stringify(coalPlant())), '--period', '2024-12', '--lang', 'en']);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('unknown period "2024-12" (there are: 2025-01, 2025-02, 2025-03, campaign)');
  });
});

describe('readings aggregated per period', () => {
  it('a readings file spanning two months gives each month its own meter totals', async () => {
    const m = coalPlant();
    m.meters = [
      { id: 'MC1', flows: ['C1'], accuracyClass: '0.5', reading: { kind: 'cumulative', unit: 't' } },
      { id: 'ME1', flows: ['E1'], accuracyClass: '1.0', reading: { kind: 'cumulative', unit: 'kWh' } },
    ];
    m.periods = m.periods!.slice(0, 2);
    // Hourly totalizer readings from 2025-01-01 00:00 to 2025-03-01 00:00 (Beijing time):
    // coal at 520 t / 744 h in January and 410 t / 672 h in February (the model's own figures say 500 and 400);
    // electricity 150 kWh/h throughout.
    const rows = ['时间,MC1,ME1'];
    let coal = 1000;
    for (let h = 0; h <= 744 + 672; h++) {
      const t = new Date(Date.UTC(2025, 0, 1, h));
      const stamp = t.toISOString().slice(0, 19).replace('T', ' ');
      rows.push(`${stamp},${coal.toFixed(6)},${(h * 150).toFixed(1)}`);
      coal += h < 744 ? 520 / 744 : 410 / 672;
    }
    const csv = tempFile(`${rows.join('\n')}\n`, '.csv');
    const r = await runCli(['periods', tempFile(JSON.stringify(m)), '--readings', csv, '--json']);
    const doc = JSON.parse(r.stdout);
    const c1 = (k: number) =>
      doc.periods[k].balances.find((b: { node: string; layer: string }) => b.node === 'yard' && b.layer === 'material')
        .in;
    expect(c1(0)).toBeCloseTo(520, 6);
    expect(c1(1)).toBeCloseTo(410, 6);
    // electricity: 744 h × 150 kWh = 111 600 kWh × 0.1229 kgce = 13.716 tce; February 672 × 150 × 0.1229e-3 = 12.388 tce
    expect(doc.periods[0].indicators.energyEquivalent).toBeCloseTo((744 * 150 * 0.1229) / 1000, 6);
    expect(doc.periods[1].indicators.energyEquivalent).toBeCloseTo((672 * 150 * 0.1229) / 1000, 6);
  });
});
