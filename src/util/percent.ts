import { roundTo } from './round.ts';

/**
 * A fraction as a percentage, 100 · x, rounded to `digits` decimals when given; null stays null.
 * Rates and efficiencies are fractions in the results and percentages in tables.
 *
 * @example percent(0.04251, 1) // => 4.3
 */
export function percent(x: number | null, digits?: number): number | null {
  if (x === null) return null;
  return digits === undefined ? x * 100 : roundTo(x * 100, digits);
}

/**
 * A fraction as percentage text with `digits` decimals (no % sign; the column header carries it), or '—'
 * where there is no value.
 *
 * @example percentText(0.04251, 1) // => '4.3'
 */
export function percentText(x: number | null | undefined, digits: number): string {
  return x === null || x === undefined ? '—' : (x * 100).toFixed(digits);
}
