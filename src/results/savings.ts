/**
 * Savings by GB/T 13234-2018 《用能单位节能量计算方法》 (shared/standards/STANDARDS.md §7): the saving
 * of a consumption per unit product or per unit output value, and its rate. The same form serves
 * new water (GB/T 12452 Vf / Q), raw materials, pollutant generation and CO2 per unit product.
 * Signs here are the standard's: a negative ΔE is a saving; results turn it round (positive = saved).
 */

export interface ProductTerm {
  /** Unit consumption in the base period, e_b (per unit product). */
  before: number;
  /** Unit consumption in the report period, e_r. */
  after: number;
  /** Report-period output P_r (or output value G_r for the output-value basis). */
  output: number;
}

/**
 * Product saving ΔE = Σᵢ (e_r,i − e_b,i) × P_r,i; negative = saved. With a single term in 万元 of
 * output value it is the output-value saving ΔE = (e_r − e_b) × G_r.
 *
 * @example
 * // STANDARDS.md §7 worked check: (0.46 − 0.5) × 30 000 + (1.1 − 1.2) × 3 600 = −1 200 − 360 = −1 560 tce (saved)
 * roundTo(productSaving([{ before: 0.5, after: 0.46, output: 30000 }, { before: 1.2, after: 1.1, output: 3600 }]), 6) // => -1560
 */
export function productSaving(terms: readonly ProductTerm[]): number {
  let sum = 0;
  for (const t of terms) sum += (t.after - t.before) * t.output;
  return sum;
}

/**
 * What the report period would have consumed at base-period unit consumption: Σ e_b × P_r — the
 * denominator of the aggregate saving rate.
 *
 * @example
 * // 0.5 × 30 000 + 1.2 × 3 600 = 15 000 + 4 320 = 19 320 tce
 * baseAtReportOutput([{ before: 0.5, after: 0.46, output: 30000 }, { before: 1.2, after: 1.1, output: 3600 }]) // => 19320
 */
export function baseAtReportOutput(terms: readonly ProductTerm[]): number {
  let sum = 0;
  for (const t of terms) sum += t.before * t.output;
  return sum;
}

/**
 * Saving rate ξ = (e_b − e_r) / e_b; null when the base is zero (nothing to save against).
 *
 * @example
 * // (0.5 − 0.46) / 0.5 = 8 %
 * roundTo(savingRate(0.5, 0.46), 6) // => 0.08
 * savingRate(0, 0.46) // => null
 */
export function savingRate(before: number, after: number): number | null {
  return before === 0 ? null : (before - after) / before;
}

/**
 * Relative change (after − before) / before, the sign the acceptance tables read against a
 * threshold (−0.05 = down 5 %); null when the base is zero.
 *
 * @example
 * // (0.47 − 0.52) / 0.52 = −0.0962: down 9.6 %
 * roundTo(changeRate(0.52, 0.47), 4) // => -0.0962
 */
export function changeRate(before: number, after: number): number | null {
  return before === 0 ? null : (after - before) / before;
}
