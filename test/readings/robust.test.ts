import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mad, median, Reservoir, robustSigma } from '../../src/readings/robust.ts';

describe('robust statistics', () => {
  it('median and MAD of small samples', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(mad([1, 2, 3, 4, 100])).toBe(1);
    expect(robustSigma([1, 2, 3, 4, 100])).toBeCloseTo(1.4826, 12);
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
  it('a reservoir keeps a bounded uniform sample', () => {
    const r = new Reservoir(100, 1);
    for (let i = 0; i < 10_000; i++) r.add(i);
    expect(r.sample()).toHaveLength(100);
    // a uniform sample of 0…9999 has its median near 5000
    expect(Math.abs(median(r.sample()) - 5000)).toBeLessThan(1500);
  });
});
