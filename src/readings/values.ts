/**
 * Reads a numeric cell. NaN when the text is no finite number. Accepts a decimal comma when
 * the file uses one, and thousands separators written as `1,234.5` (quoted in a CSV).
 * The caller has already set aside empty cells.
 */
export function parseValue(text: string, decimalComma: boolean): number {
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
