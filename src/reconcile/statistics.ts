import jstat from 'jstat';

const { jStat } = jstat;

/**
 * Critical value of the global test: the (1 − α) quantile of χ² with `dof` degrees of freedom
 * (Narasimhan & Jordache 2000, eq. 7-6). jstat matches scipy to ~1e-11 (shared/ECOSYSTEM.md).
 *
 * @example
 * // χ²₀.₉₅(3) = 7.8147 (tables of the χ² distribution)
 * roundTo(chiSquareCritical(3, 0.05), 4) // => 7.8147
 */
export function chiSquareCritical(dof: number, alpha: number): number {
  if (dof <= 0) return 0;
  return jStat.chisquare.inv(1 - alpha, dof);
}

/**
 * Upper-tail probability of χ² (the p-value of the global test).
 *
 * @example
 * // the 95 % quantile has 5 % above it
 * roundTo(chiSquarePValue(7.8147, 3), 4) // => 0.05
 */
export function chiSquarePValue(chi2: number, dof: number): number {
  if (dof <= 0) return 1;
  return 1 - jStat.chisquare.cdf(chi2, dof);
}

/**
 * Two-sided critical value of a standard-normal test repeated `tests` times at family-wise level α
 * with the Šidák correction: β = 1 − (1 − α)^(1/n), z = Φ⁻¹(1 − β/2).
 *
 * @example
 * // β = 1 − 0.95^(1/10) = 0.005116; z = Φ⁻¹(1 − 0.002558) = 2.7996
 * roundTo(sidakNormalCritical(10, 0.05), 4) // => 2.7996
 */
export function sidakNormalCritical(tests: number, alpha: number): number {
  const n = Math.max(1, tests);
  // 1 − (1 − α)^(1/n) without cancellation for large n.
  const beta = -Math.expm1(Math.log1p(-alpha) / n);
  return jStat.normal.inv(1 - beta / 2, 0, 1);
}
