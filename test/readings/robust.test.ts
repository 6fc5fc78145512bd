import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerMedian, mad, median, robustSigma, ThinnedSample } from '../../src/readings/robust.ts';

describe('robust statistics', () => {
  it('median and MAD of small samples', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(mad([1, 2, 3, 4, 100])).toBe(1);
    expect(robustSigma([1, 2, 3, 4, 100])).toBeCloseTo(1.4826, 12);
    expect(lowerMedian([4, 1, 3, 2])).toBe(2);
    expect(lowerMedian([5, 1, 3])).toBe(3);
    expect(lowerMedian([])).toBeNaN();
    // NaN has no place in an order: the statistics of a sample holding one are NaN (and end)
    expect(median([1, NaN, 3])).toBeNaN();
    expect(lowerMedian([NaN, 1])).toBeNaN();
    expect(mad([1, NaN, 3, 4])).toBeNaN();
    expect(mad([1, 2, 3], NaN)).toBeNaN();
    expect(median(Array.from({ length: 600 }, (_, i) => (i === 300 ? NaN : i)))).toBeNaN();
  });
  it('quickselect median, lower median and MAD equal the sorted ones, with ties and long samples', () => {
    // values from a few levels: long runs of equal values (the partition's equal pass)
    const tied = fc.array(
      fc.integer({ min: -3, max: 3 }).map((x) => x * 0.5),
      { minLength: 1, maxLength: 700 },
    );
    const spread = fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 700 });
    const sortedMedian = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      const n = s.length;
      return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    };
    fc.assert(
      fc.property(fc.oneof(tied, spread), (xs) => {
        const s = [...xs].sort((a, b) => a - b);
        const m = sortedMedian(xs);
        expect(median(xs)).toBe(m);
        expect(lowerMedian(xs)).toBe(s[(s.length - 1) >> 1]);
        expect(mad(xs)).toBe(sortedMedian(xs.map((x) => Math.abs(x - m))));
      }),
      { seed: 8, numRuns: 400 },
    );
  });
  it('quickselect median equals the sorted median', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 300 }), (xs) => {
        const s = [...xs].sort((a, b) => a - b);
        const n = s.length;
        const expected = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        expect(median(xs)).toBe(expected);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
  it('a thinned sample keeps the max |x| of what it holds, as values are thinned out', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6 }), fc.constant(NaN)), { maxLength: 300 }),
        fc.constantFrom(2, 8, 32),
        (xs, size) => {
          const r = new ThinnedSample(size);
          for (const x of xs) r.add(x);
          let m = 0;
          for (const x of r.sample()) if (Math.abs(x) > m) m = Math.abs(x);
          expect(r.maxAbs()).toBe(m);
        },
      ),
      { seed: 9, numRuns: 300 },
    );
  });
  it('a thinned sample holds every 2^k-th value, between size/2 and size of them', () => {
    const r = new ThinnedSample(8);
    for (let i = 0; i < 8; i++) r.add(i);
    expect([...r.sample()]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    r.add(8); // full: every 2nd kept, stride 2
    expect([...r.sample()]).toEqual([0, 2, 4, 6, 8]);
    for (let i = 9; i < 100; i++) r.add(i);
    // 100 values: stride 16 → positions 0, 16, …, 96
    expect([...r.sample()]).toEqual([0, 16, 32, 48, 64, 80, 96]);
    const big = new ThinnedSample(512);
    for (let i = 0; i < 10_000; i++) big.add(i);
    expect(big.sample().length).toBeGreaterThanOrEqual(256);
    expect(big.sample().length).toBeLessThanOrEqual(512);
    expect(Math.abs(median(big.sample()) - 5000)).toBeLessThan(100);
    expect(() => new ThinnedSample(100)).toThrow(RangeError);
  });
});
