import { describe, expect, it } from 'vitest';
import { annuityFactor, classify, irr, npv, payback } from '../../src/results/index.ts';

describe('proposal economics (STANDARDS §7 worked check)', () => {
  // I = 150 万元, F = 32.5 万元/a, n = 10 a, i = 5 %.
  it('annuity factor Σ 1/1.05^t, t = 1..10 = (1 − 1.05^−10) / 0.05 = 7.7217', () => {
    expect(annuityFactor(0.05, 10)).toBeCloseTo(7.721735, 6);
    expect(annuityFactor(0, 10)).toBe(10);
  });
  it('NPV = −150 + 32.5 × 7.721735 = 100.96 万元', () => {
    expect(npv(150, 32.5, 10, 0.05)).toBeCloseTo(100.9564, 4);
  });
  it('IRR = 17.26 % (NPV at it is zero)', () => {
    const r = irr(150, 32.5, 10)!;
    expect(r * 100).toBeCloseTo(17.26, 2);
    expect(Math.abs(npv(150, 32.5, 10, r))).toBeLessThan(1e-8);
  });
  it('payback N = 150 / 32.5 = 4.62 a', () => {
    expect(payback(150, 32.5)).toBeCloseTo(4.615, 3);
  });
  it('a proposal that never pays back its cost has a negative IRR; one without benefit none', () => {
    // 100 invested, 5 a year for 10 years: Σ = 50 < 100, so NPV = 0 needs i < 0.
    const r = irr(100, 5, 10)!;
    expect(r).toBeLessThan(0);
    expect(Math.abs(npv(100, 5, 10, r))).toBeLessThan(1e-8);
    expect(irr(100, 0, 10)).toBeNull();
    expect(payback(100, -1)).toBeNull();
  });
  it('无/低费 up to the limit, 中/高费 above it', () => {
    expect(classify(5, 5)).toBe('no-low');
    expect(classify(5.01, 5)).toBe('medium-high');
  });
});
