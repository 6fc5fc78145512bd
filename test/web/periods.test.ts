import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/index.ts';
import { periodsExtra, periodsExtras, trendGeometry } from '../../web/periods.ts';

describe('web periods: the trend chart geometry', () => {
  it('scales between the lowest and highest value inside 8 px padding', () => {
    // height 50: inner 34 px; value 1 (lowest) at 8 + 34 = 42, value 3 (highest) at 8
    const g = trendGeometry(
      [
        { label: '1', value: 1 },
        { label: '2', value: 3 },
      ],
      100,
      50,
    );
    expect(g.dots.map((d) => [d.x, d.y])).toEqual([
      [8, 42],
      [92, 8],
    ]);
    expect(g.path).toBe('M8,42L92,8');
    expect(g.min).toEqual({ value: 1, y: 42 });
  });

  it('a missing value breaks the line; a flat series sits in the middle', () => {
    const g = trendGeometry(
      [
        { label: 'a', value: 2 },
        { label: 'b', value: null },
        { label: 'c', value: 2 },
      ],
      100,
      50,
    );
    // x: 8, 50, 92; flat at 8 + 34 / 2 = 25; two one-point segments
    expect(g.path).toBe('M8,25M92,25');
    expect(g.dots).toHaveLength(2);
  });
});

describe('web periods: the data the worker sends', () => {
  it('12 months, the year, the campaign; January as the CLI computes it', () => {
    const model = loadModel(JSON.parse(readFileSync('datasets/boiler-monthly.json', 'utf8'))).model;
    const extra = periodsExtra(model)!;
    expect(extra.rows.map((r) => r.kind)).toEqual([...Array(12).fill('period'), 'year', 'campaign']);
    const jan = extra.rows[0]!;
    const v = model.periods![0]!.values as Record<string, number>;
    const coal = 20900 / 29307;
    const energy =
      v.EC0! * coal + (v.EL0! * 0.1229) / 1000 - ((v.ES1! + v.ES2!) * 2.338) / 29.307 - (1200 - 1500) * coal;
    expect(jan.energy).toBeCloseTo(energy, 9);
    expect(jan.energyPerUnit).toBeCloseTo(energy / (v.ST1! + v.ST2!), 12);
    expect(jan.stocks).toBe('煤场存煤 1,200 t'); // the locale's thousands separator
    // the stock's name follows the language (its nameEn in the model)
    expect(jan.stocksEn).toBe('coal pile 1,200 t');
    expect(periodsExtras({ ...model, periods: [] })).toEqual({});
  });
});
