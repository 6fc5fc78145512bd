import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MeterSeries, type SeriesSpec } from '../../src/readings/meter-series.ts';
import type { ReadingKind } from '../../src/readings/types.ts';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 2, 1);

/** A 1-min series with the events the general path handles: glitches, drops, gaps, holes, flat runs, spikes. */
function series(seed: number, n: number, kind: ReadingKind): { ts: Float64Array; vs: Float64Array } {
  let s = seed >>> 0 || 1;
  const rnd = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const ts = new Float64Array(n);
  const vs = new Float64Array(n);
  let t = T0;
  let v = 1000 * rnd();
  for (let i = 0; i < n; i++) {
    const u = rnd();
    t += u < 0.01 ? (2 + Math.floor(rnd() * 30)) * MINUTE : MINUTE; // gaps
    const rate = 2 + rnd();
    if (kind === 'cumulative') {
      if (u > 0.995)
        v = rnd() * 5; // a reset
      else if (i % 500 > 430 && i % 500 < 500)
        v += 0; // a flat run of ~70 min: stuck
      else v += rate;
      vs[i] = u > 0.003 && u < 0.006 ? v + 500 : v; // glitches
    } else vs[i] = u > 0.003 && u < 0.006 ? rate * 40 : u < 0.002 ? -1 : rate; // spikes, negatives
    if (u > 0.98 && u < 0.985) vs[i] = NaN; // no reading in this row
    ts[i] = t;
  }
  return { ts, vs };
}

describe('MeterSeries.addColumn', () => {
  it('gives the same summary as add() value by value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 2600 }),
        fc.constantFrom<ReadingKind>('cumulative', 'rate', 'interval'),
        fc.integer({ min: 1, max: 200 }),
        fc.boolean(),
        fc.boolean(),
        (seed, n, kind, batch, bounded, windowed) => {
          const { ts, vs } = series(seed, n, kind);
          const spec: SeriesSpec = {
            id: 'M',
            kind,
            valueFactor: 1.5,
            ratePerHour: 60,
            rollover: kind === 'cumulative' && bounded ? 5000 : undefined,
            min: bounded ? 0 : undefined,
            max: bounded ? 4000 : undefined,
            accuracyClass: bounded ? '1.0' : undefined,
          };
          const window = windowed
            ? { start: ts[Math.floor(n / 5)], end: ts[Math.floor((4 * n) / 5)] + 30_000 }
            : undefined;
          const one = new MeterSeries(spec, window);
          const lines = Float64Array.from({ length: n }, (_, i) => i + 2);
          for (let i = 0; i < n; i++) if (vs[i] === vs[i]) one.add(ts[i], vs[i], lines[i]);
          const many = new MeterSeries(spec, window);
          // a column of a wide batch: values every `stride`-th slot
          const stride = 3;
          const buf = new Float64Array(batch * stride).fill(-99);
          for (let r0 = 0; r0 < n; r0 += batch) {
            const nb = Math.min(batch, n - r0);
            for (let r = 0; r < nb; r++) buf[r * stride + 1] = vs[r0 + r];
            many.addColumn(ts.subarray(r0), buf, 1, stride, nb, lines.subarray(r0));
          }
          const start = window?.start ?? ts[0];
          const end = window?.end ?? ts[n - 1];
          expect(many.finish(start, end)).toEqual(one.finish(start, end));
        },
      ),
      { seed: 11, numRuns: 120 },
    );
  });
  it('queues the local maxima before the first statistics as add() does (a spike at reading 20 is flagged)', () => {
    // a wavy rate: local maxima of the deviation all along; reading 20 is a spike (rate ×40)
    const a = rateSummary(300, (i) => (i === 20 ? 80 : 2 + 0.05 * Math.sin(i * 1.3)));
    expect(a.flags.spike?.examples.map((e) => e.line)).toEqual([22]);
  });
  it('a rate meter whose rates overflow to infinity ends, with no spike told from a sample without order', () => {
    const a = rateSummary(2000, (i) => (i % 3 === 0 ? 1e308 : 1));
    expect(a.readings).toBe(2000);
    expect(a.flags.spike).toBeUndefined();
  });
});

/** A 1-min rate series of n readings value(i), through add() and addColumn(): the same summary, returned. */
function rateSummary(n: number, value: (i: number) => number) {
  const ts = Float64Array.from({ length: n }, (_, i) => T0 + i * MINUTE);
  const vs = Float64Array.from({ length: n }, (_, i) => value(i));
  const spec: SeriesSpec = { id: 'R', kind: 'rate', valueFactor: 1, ratePerHour: 60 };
  const lines = Float64Array.from({ length: n }, (_, i) => i + 2);
  const one = new MeterSeries(spec);
  for (let i = 0; i < n; i++) one.add(ts[i], vs[i], lines[i]);
  const many = new MeterSeries(spec);
  many.addColumn(ts, vs, 0, 1, n, lines);
  const summary = one.finish(ts[0], ts[n - 1]);
  expect(many.finish(ts[0], ts[n - 1])).toEqual(summary);
  return summary;
}
