import { describe, expect, it } from 'vitest';
import { chiSquareCritical, chiSquarePValue, sidakNormalCritical } from '../../src/reconcile/statistics.ts';

// Reference values from scipy 1.x (stats.chi2.ppf / stats.chi2.sf / stats.norm.ppf), computed on this machine.
describe('test statistics', () => {
  it('χ² critical values match scipy', () => {
    expect(chiSquareCritical(1, 0.05)).toBeCloseTo(3.841458820694124, 9);
    expect(chiSquareCritical(3, 0.05)).toBeCloseTo(7.814727903251179, 9);
    expect(chiSquareCritical(26, 0.05)).toBeCloseTo(38.88513865983007, 8);
    expect(chiSquareCritical(3351, 0.05) / 3486.784571025517).toBeCloseTo(1, 11);
    expect(chiSquareCritical(33614, 0.05) / 34041.6176150077).toBeCloseTo(1, 11);
    expect(chiSquareCritical(4, 0.01)).toBeCloseTo(13.276704135987622, 8);
    expect(chiSquareCritical(0, 0.05)).toBe(0);
  });
  it('χ² p-values match scipy', () => {
    expect(chiSquarePValue(12.813201051002615, 1)).toBeCloseTo(3.441821880057679e-4, 9);
    expect(chiSquarePValue(3351 * 1.01, 3351)).toBeCloseTo(0.338665136714635, 9);
  });
  it('Šidák-corrected two-sided normal critical values match scipy', () => {
    // n = 1 is the plain 95 % two-sided value
    expect(sidakNormalCritical(1, 0.05)).toBeCloseTo(1.959963984540054, 10);
    // β = 1 − 0.95^(1/10); z = Φ⁻¹(1 − β/2)
    expect(sidakNormalCritical(10, 0.05)).toBeCloseTo(2.799625219301087, 9);
    expect(sidakNormalCritical(100000, 0.05)).toBeCloseTo(5.021410958175191, 6);
  });
});
