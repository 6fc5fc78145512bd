import { METER_NAMES, TIMESTAMP_NAMES, UNIT_NAMES, VALUE_NAMES } from './defaults.ts';

/** Format sniffing for readings files: newline, delimiter, decimal comma, columns. */

/** The line break of a text: the first one found (\r\n, \n or \r); \n when there is none. */
export function detectNewline(text: string): '\r\n' | '\n' | '\r' {
  const n = text.indexOf('\n');
  const r = text.indexOf('\r');
  if (r !== -1 && (n === -1 || r < n)) return text.charCodeAt(r + 1) === 10 ? '\r\n' : '\r';
  return '\n';
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The delimiter of a CSV: among , ; tab |, the one that splits the first lines into the most
 * fields consistently (the same count on each line that has any).
 */
export function detectDelimiter(lines: string[]): string {
  let best = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.filter((l) => l.trim() !== '').map((l) => l.split(d).length - 1);
    const withAny = counts.filter((c) => c > 0);
    if (withAny.length === 0) continue;
    // lines with the most common count, weighted by that count
    const freq = new Map<number, number>();
    for (const c of withAny) freq.set(c, (freq.get(c) ?? 0) + 1);
    let score = 0;
    for (const [c, f] of freq) score = Math.max(score, c * f);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Lower-case, without spaces, underscores, hyphens and a BOM, for matching column names. */
export function normaliseName(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
}

const NORM = (names: string[]) => new Set(names.map(normaliseName));
const TS = NORM(TIMESTAMP_NAMES);
const METER = NORM(METER_NAMES);
const VALUE = NORM(VALUE_NAMES);
const UNIT = NORM(UNIT_NAMES);

/** Splits a header like `M1 (m3)` or `1#锅炉给水（吨）` into its name and unit. */
export function splitHeaderUnit(header: string): { name: string; unit?: string } {
  const m = /^(.*?)\s*[(（[]\s*([^()（）[\]]+?)\s*[)）\]]\s*$/.exec(header.trim());
  if (m && m[1] !== '') return { name: m[1], unit: m[2] };
  return { name: header.trim() };
}

/** Index of the column whose name says it holds timestamps, or −1. */
export function timestampColumnByName(header: string[]): number {
  for (let i = 0; i < header.length; i++) {
    const n = normaliseName(header[i]);
    if (TS.has(n) || TS.has(normaliseName(splitHeaderUnit(header[i]).name))) return i;
  }
  return -1;
}

/** Index of the first column whose values in the sample rows all read as timestamps, or −1. */
export function timestampColumnByContent(rows: string[][], width: number, isTime: (s: string) => boolean): number {
  if (rows.length === 0) return -1;
  for (let j = 0; j < width; j++) {
    if (rows.every((r) => r[j] !== undefined && isTime(r[j]))) return j;
  }
  return -1;
}

export interface LongColumns {
  time: number;
  meter: number;
  value: number;
  unit: number;
}

/** The long layout's columns when the header names a meter column and a value column. */
export function longColumns(header: string[], time: number): LongColumns | undefined {
  let meter = -1;
  let value = -1;
  let unit = -1;
  header.forEach((h, i) => {
    if (i === time) return;
    const n = normaliseName(h);
    if (meter === -1 && METER.has(n)) meter = i;
    else if (value === -1 && VALUE.has(n)) value = i;
    else if (unit === -1 && UNIT.has(n)) unit = i;
  });
  return meter !== -1 && value !== -1 ? { time, meter, value, unit } : undefined;
}

const DECIMAL_COMMA = /^\s*[+-]?\d+,\d+\s*$/;

/** True when the sample cells use a decimal comma (possible only when the delimiter is not a comma). */
export function detectDecimalComma(cells: string[], delimiter: string): boolean {
  if (delimiter === ',') return false;
  let comma = 0;
  let point = 0;
  for (const c of cells) {
    if (DECIMAL_COMMA.test(c)) comma++;
    else if (/^\s*[+-]?\d*\.\d+\s*$/.test(c)) point++;
  }
  return comma > 0 && comma >= point;
}
