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
 * @example annuityFactor(0.05, 10) // 7.721735
 */
export function annuityFactor(i: number, n: number): number {
  if (Math.abs(i) < 1e-12) return n;
  return (1 - (1 + i) ** -n) / i;
}

/**
 * NPV = −I + F × annuityFactor(i, n).
 *
 * @example npv(150, 32.5, 10, 0.05) // 100.956 (STANDARDS §7 worked check: 100.96 万元)
 */
export function npv(investment: number, benefit: number, life: number, rate: number): number {
  return -investment + benefit * annuityFactor(rate, life);
}

/**
 * IRR: the rate at which NPV = 0, found by bisection (NPV falls monotonically in i when F > 0).
 * null when no rate makes NPV zero: no benefit (F ≤ 0) or no investment (I ≤ 0).
 *
 * @example irr(150, 32.5, 10) // 0.17257 (STANDARDS §7 worked check: 17.26 %)
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
 * @example payback(150, 32.5) // 4.615 (STANDARDS §7 worked check: 4.62 a)
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
 * @example classify(3, 5) // 'no-low'
 */
export function classify(investment: number, limit: number): ProposalCategory {
  return investment <= limit ? 'no-low' : 'medium-high';
}
