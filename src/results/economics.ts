/**
 * Economics of a cleaner-production proposal (方案可行性分析, CP audit guides; shared/standards/
 * STANDARDS.md §7): static payback N = I / F, net present value NPV = −I + Σₜ₌₁ⁿ F / (1 + i)ᵗ, and the
 * internal rate of return IRR, the i at which NPV = 0. I investment (万元), F annual net benefit
 * (万元/a), n life (years), i discount rate (fraction).
 */

/**
 * Present value of 1 a year for n years: Σₜ₌₁ⁿ (1 + i)⁻ᵗ = (1 − (1 + i)⁻ⁿ) / i, and n at i = 0.
 * The closed form also serves a life that is not a whole number of years.
 *
 * @example
 * // (1 − 1.05⁻¹⁰) / 0.05 = (1 − 0.613913) / 0.05 = 7.721735
 * roundTo(annuityFactor(0.05, 10), 6) // => 7.721735
 * annuityFactor(0, 10) // => 10
 */
export function annuityFactor(i: number, n: number): number {
  if (Math.abs(i) < 1e-12) return n;
  return (1 - (1 + i) ** -n) / i;
}

/**
 * NPV = −I + F × annuityFactor(i, n).
 *
 * @example
 * // STANDARDS.md §7 worked check: I = 150 万元, F = 32.5 万元/a, n = 10 a, i = 5 %: −150 + 32.5 × 7.721735 = 100.96 万元
 * roundTo(npv(150, 32.5, 10, 0.05), 2) // => 100.96
 */
export function npv(investment: number, benefit: number, life: number, rate: number): number {
  return -investment + benefit * annuityFactor(rate, life);
}

/**
 * IRR: the rate at which NPV = 0, found by bisection (NPV falls monotonically in i when F > 0).
 * null when no rate makes NPV zero: no benefit (F ≤ 0) or no investment (I ≤ 0).
 *
 * @example
 * // STANDARDS.md §7 worked check: the rate where 32.5 × annuityFactor(i, 10) = 150 is 17.26 %
 * roundTo(irr(150, 32.5, 10), 4) // => 0.1726
 * irr(150, 0, 10) // => null
 */
export function irr(investment: number, benefit: number, life: number): number | null {
  if (!(benefit > 0) || !(investment > 0) || !(life > 0)) return null;
  const f = (i: number) => npv(investment, benefit, life, i);
  let lo = -0.999_999;
  let hi = 1;
  while (f(hi) > 0) {
    hi *= 2;
    if (hi > 1e6) return null;
  }
  if (f(lo) < 0) return null;
  for (let k = 0; k < 200 && hi - lo > 1e-13; k++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Static payback period N = I / F, years; null when the proposal earns nothing (F ≤ 0).
 *
 * @example
 * // STANDARDS.md §7 worked check: 150 / 32.5 = 4.62 a
 * roundTo(payback(150, 32.5), 2) // => 4.62
 * payback(150, 0) // => null
 */
export function payback(investment: number, benefit: number): number | null {
  if (!(benefit > 0)) return null;
  return investment / benefit;
}

export type ProposalCategory = 'no-low' | 'medium-high';

/**
 * 无/低费 (no/low cost) when the investment is at most the limit, else 中/高费 (medium/high cost).
 * The limit is the plant's (分类标准, seed 003 line 15282 leaves it to be filled in).
 *
 * @example
 * classify(3, 5) // => 'no-low'
 * classify(8, 5) // => 'medium-high'
 */
export function classify(investment: number, limit: number): ProposalCategory {
  return investment <= limit ? 'no-low' : 'medium-high';
}
