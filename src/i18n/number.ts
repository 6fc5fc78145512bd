import type { Lang } from './catalog.ts';

/**
 * Numbers for people: the locale's grouping (1,234,567.8 in both zh-CN and en-US) and a fixed
 * number of decimals per column, chosen so the column's largest magnitude shows a set number of
 * significant digits — every value of a column then lines up on its decimal point and none shows
 * more precision than the largest can carry. Used by the report writers and the Sankey figure.
 */

const LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en-US' };
const formatters = new Map<string, Intl.NumberFormat>();

/** Significant digits a report shows by default (4: 12,345 · 1,234 · 123.4 · 12.34). */
export const REPORT_SIGNIFICANT = 4;
/** More decimals than this are never shown (a column of tiny values reads 0.000001). */
export const MAX_DECIMALS = 6;

/**
 * Decimals that give the largest |value| `significant` significant digits:
 * d = max(0, significant − 1 − ⌊log10 max|v|⌋), capped at `maxDecimals`. Nulls and non-finite
 * values are ignored; a column of zeros gets 0.
 *
 * @example
 * // max |v| = 1 234.5: 4 − 1 − 3 = 0 decimals (1,235 and 12)
 * columnDecimals([1234.5, 12.25]) // => 0
 * // max |v| = 0.398: 4 − 1 − (−1) = 4 decimals (0.3980 and 0.0500)
 * columnDecimals([0.398, 0.05]) // => 4
 */
export function columnDecimals(
  values: Iterable<number | null | undefined>,
  significant = REPORT_SIGNIFICANT,
  maxDecimals = MAX_DECIMALS,
): number {
  let max = 0;
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  if (max === 0) return 0;
  // Rounding may carry into the next power of ten (999.95 at 4 digits is 1,000): use the rounded magnitude.
  const magnitude = Math.floor(Math.log10(Number(max.toPrecision(significant))));
  return Math.min(maxDecimals, Math.max(0, significant - 1 - magnitude));
}

/**
 * `value` with `decimals` decimals and the locale's grouping; "—" for null or a non-finite value;
 * a value that rounds to zero prints without a sign.
 *
 * @example
 * formatNumber(1234567.891, 'zh', 1) // => '1,234,567.9'
 * formatNumber(-0.004, 'en', 2) // => '0.00'
 * formatNumber(null, 'en', 2) // => '—'
 */
export function formatNumber(value: number | null | undefined, lang: Lang, decimals: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  const key = `${lang}|${decimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: true,
    });
    formatters.set(key, f);
  }
  const text = f.format(value);
  return /^-[0.,]+$/.test(text) ? text.slice(1) : text;
}

/**
 * One value with `significant` significant digits (decimals from its own magnitude), grouped.
 *
 * @example
 * formatSignificant(0.012345, 'en', 3) // => '0.0123'
 */
export function formatSignificant(value: number | null | undefined, lang: Lang, significant = 3): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  return formatNumber(value, lang, columnDecimals([value], significant));
}

const exactFormatters = new Map<string, Intl.NumberFormat>();

/**
 * A value as written — up to `significant` (6) significant digits, no trailing zeros, grouped — for
 * figures that carry their own precision (coefficients: 0.7143, 0.03412, 1.2143) and for columns
 * whose rows are in different units.
 *
 * @example
 * formatExact(0.03412, 'zh') // => '0.03412'
 */
export function formatExact(value: number | null | undefined, lang: Lang, significant = 6): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  const key = `${lang}|${significant}`;
  let f = exactFormatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], { maximumSignificantDigits: significant, useGrouping: true });
    exactFormatters.set(key, f);
  }
  return f.format(value === 0 ? 0 : value); // −0 prints as 0
}
