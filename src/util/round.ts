/**
 * x rounded half up to `digits` decimals: Math.round(x · 10^digits) / 10^digits. For figures shown to a
 * reader (coverage ratios, hours, report cells); full precision stays in the results.
 *
 * @example roundTo(2 / 3, 3) // => 0.667
 */
export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
