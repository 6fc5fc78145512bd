import { describe, expect, it } from 'vitest';
import { longestContinuous } from '../../src/readings/window.ts';
import { at, ingestText, meter, modelWith } from './helpers.ts';

const wide = (header: string, rows: (string | number)[][]) => `${header}\n${rows.map((r) => r.join(',')).join('\n')}\n`;

describe('gaps and coverage', () => {
  it('a cumulative meter counts through a gap exactly; the gap lowers coverage', async () => {
    // 2 per minute, readings at 0,1,2,3,8,9,10 min: gap 08:03–08:08
    const mins = [0, 1, 2, 3, 8, 9, 10];
    const r = await ingestText(
      wide(
        'time,M1',
        mins.map((m) => [at(m), 2 * m]),
      ),
    );
    const m = meter(r, 'M1');
    expect(m.total).toBe(20);
    expect(m.gaps).toEqual([{ start: '2026-03-01T08:03:00+08:00', end: '2026-03-01T08:08:00+08:00', hours: 5 / 60 }]);
    expect(m.coverage).toBeCloseTo(0.5, 12);
    expect(m.sdInterpolation).toBe(0);
  });
  it('a rate meter interpolates over a gap with σ = 1.4826·MAD(rate)·T', async () => {
    const model = modelWith([{ id: 'M1', reading: { kind: 'rate', unit: 'm3' } }]);
    const pts: [number, number][] = [
      [0, 10],
      [1, 12],
      [2, 10],
      [3, 12],
      [8, 10],
      [9, 12],
      [10, 10],
    ];
    const r = await ingestText(
      wide(
        'time,M1',
        pts.map(([m, v]) => [at(m), v]),
      ),
      { model },
    );
    const m = meter(r, 'M1');
    // five 1-min trapezoids of mean 11 plus the 5-min gap at (12+10)/2 = 11: 11 m3/h × 10 min
    expect(m.total).toBeCloseTo(110 / 60, 12);
    // rates after the first reading 12,10,12,10,12,10: median 11, MAD 1 → σ 1.4826 m3/h over 1/12 h
    expect(m.sdInterpolation).toBeCloseTo(1.4826 / 12, 12);
    expect(m.sd).toBeCloseTo(Math.hypot(0.0125 * (110 / 60), 1.4826 / 12), 12);
  });
  it('extrapolates to the campaign window at the mean rate and counts the edge as a gap', async () => {
    const model = modelWith([{ id: 'M1', reading: { kind: 'cumulative', unit: 't' } }], {
      start: '2026-03-01T08:00:00',
      end: '2026-03-01T08:10:00',
    });
    const r = await ingestText(
      wide(
        'time,M1',
        [0, 1, 2, 3, 4, 5, 6, 7, 8].map((m) => [at(m), 2 * m]),
      ),
      { model },
    );
    const m = meter(r, 'M1');
    expect(r.window).toMatchObject({
      start: '2026-03-01T08:00:00+08:00',
      end: '2026-03-01T08:10:00+08:00',
      hours: 10 / 60,
      source: 'campaign',
    });
    expect(m.total).toBeCloseTo(20, 12);
    expect(m.coverage).toBeCloseTo(0.8, 12);
    expect(m.gaps).toEqual([{ start: '2026-03-01T08:08:00+08:00', end: '2026-03-01T08:10:00+08:00', hours: 2 / 60 }]);
  });
  it('clips readings to the campaign window by the share of each interval inside it', async () => {
    const model = modelWith([{ id: 'M1', reading: { kind: 'cumulative', unit: 't' } }], {
      start: '2026-03-01T08:01:30',
      end: '2026-03-01T08:03:00',
    });
    // 0→1: 1, 1→2: 10, 2→3: 100, 3→4: 1000; window 08:01:30–08:03 takes half of 10 and all of 100
    const r = await ingestText(
      wide('time,M1', [
        [at(0), 0],
        [at(1), 1],
        [at(2), 11],
        [at(3), 111],
        [at(4), 1111],
      ]),
      { model },
    );
    expect(meter(r, 'M1').total).toBeCloseTo(105, 12);
    expect(meter(r, 'M1').outsideWindow).toBe(3);
  });
});

describe('the window and the 72-hour check', () => {
  const hourly = (missing: number[], n = 80) => {
    const rows: (string | number)[][] = [];
    for (let h = 0; h <= n; h++) if (!missing.includes(h)) rows.push([at(h * 60), h * 10]);
    return rows;
  };
  it('a 2-h gap at hour 5 of 80 leaves 74 h continuous: met', async () => {
    const r = await ingestText(wide('time,M1', hourly([5])));
    expect(r.window.hours).toBe(80);
    expect(r.window.longestContinuousHours).toBe(74);
    expect(r.window.meetsMinimum).toBe(true);
    expect(r.window.longestContinuous).toEqual({
      start: '2026-03-01T14:00:00+08:00',
      end: '2026-03-04T16:00:00+08:00',
    });
  });
  it('a gap at hours 29–32 leaves at most 48 h: not met', async () => {
    const r = await ingestText(wide('time,M1', hourly([30, 31])));
    expect(r.window.longestContinuousHours).toBe(48);
    expect(r.window.meetsMinimum).toBe(false);
  });
  it('gaps of different meters combine: [4,6] and [70,72] leave 64 h', async () => {
    const a = hourly([5]);
    const b = hourly([71]);
    const byTime = new Map<string, (string | number)[]>();
    for (const [t, v] of a) byTime.set(t as string, [t, v, '']);
    for (const [t, v] of b) byTime.set(t as string, [t, byTime.get(t as string)?.[1] ?? '', v]);
    const rows = [...byTime.values()].sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    const r = await ingestText(wide('time,M1,M2', rows));
    expect(r.window.longestContinuousHours).toBe(64);
    expect(r.window.meetsMinimum).toBe(false);
  });
  it('a meter that is out of service does not count; one declared but absent does', async () => {
    const rows = hourly([30, 31]).map(([t, v]) => [t, v, v]);
    const model = modelWith([
      { id: 'M1', reading: { kind: 'cumulative', unit: 't' } },
      { id: 'M2', reading: { kind: 'cumulative', unit: 't' }, status: 'failed' },
    ]);
    const fine = await ingestText(
      wide(
        'time,M2,M1',
        rows.map(([t, a]) => [t, a, (a as number) + 0 * 1]).map(([t, a]) => [t, a, a]),
      ),
      { model },
    );
    expect(fine.window.meters).toEqual(['M1']);
    const model3 = modelWith([
      { id: 'M1', reading: { kind: 'cumulative', unit: 't' } },
      { id: 'M3', reading: { kind: 'cumulative', unit: 't' } },
    ]);
    const r = await ingestText(wide('time,M1', hourly([])), { model: model3 });
    expect(r.missingMeters).toEqual(['M3']);
    expect(r.window.longestContinuousHours).toBe(0);
    expect(r.window.meetsMinimum).toBe(false);
  });
  it('longestContinuous merges overlapping gaps', () => {
    expect(longestContinuous(0, 10, [[{ start: 2, end: 3 }], [{ start: 6, end: 7 }]])).toEqual({ start: 3, end: 6 });
    expect(longestContinuous(0, 10, [[{ start: 1.5, end: 5 }], [{ start: 2, end: 9 }]])).toEqual({
      start: 0,
      end: 1.5,
    });
    expect(longestContinuous(0, 10, [])).toEqual({ start: 0, end: 10 });
  });
});
