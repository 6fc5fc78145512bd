import { DEFAULT_TIMEZONE, fixedOffsetMinutes } from '../model/time.ts';

const zones = new Map<string, { format: Intl.DateTimeFormat; byMinute: Map<number, number> }>();

/**
 * Offset of `zone` from UTC at a UTC instant, in minutes (as src/model/time.ts, with the
 * Intl formatter built once per zone — building one costs far more than using it — and each
 * minute's offset remembered).
 */
export function zoneOffsetMinutes(zone: string, utcMs: number): number {
  const fixed = fixedOffsetMinutes(zone, utcMs);
  if (fixed !== undefined) return fixed;
  let z = zones.get(zone);
  if (!z) {
    z = {
      format: new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
      byMinute: new Map(),
    };
    zones.set(zone, z);
  }
  // offsets change on whole minutes; a result file formats the same few instants for every meter
  const minute = Math.floor(utcMs / 60_000);
  const known = z.byMinute.get(minute);
  if (known !== undefined) return known;
  const p = z.format.formatToParts(new Date(utcMs));
  const get = (type: string) => Number(p.find((x) => x.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const off = Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
  if (z.byMinute.size >= MAX_CACHED_MINUTES) z.byMinute.clear();
  z.byMinute.set(minute, off);
  return off;
}
const MAX_CACHED_MINUTES = 100_000;

/**
 * Timestamps of readings files, parsed by hand (3–4 M/s, ECOSYSTEM.md; date libraries do
 * 0.1–0.4 M/s) into UTC milliseconds with `Date.UTC`. Accepted forms:
 *
 *   2026-03-01T08:00:00+08:00   2026-03-01 08:00:00Z   2026-03-01 08:00   2026-03-01T08:00:00.250
 *   2026/3/1 8:00               2026/03/01 08:00:05    2026.3.1 8:00      2026-03-01 (midnight)
 *
 * A timestamp without offset is read in `zone` (default Asia/Shanghai), never the machine's
 * zone. Returns NaN for anything else (including impossible dates such as 2026-02-30).
 */
export type TimestampParser = (text: string) => number;

const D0 = 48;
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Builds a parser for one time zone; zone offsets are cached per local hour.
 *
 * @example
 * // 08:00 in Beijing (UTC+8) is midnight UTC
 * makeTimestampParser('Asia/Shanghai')('2025-03-01 08:00') === Date.UTC(2025, 2, 1) // => true
 */
export function makeTimestampParser(zone: string = DEFAULT_TIMEZONE): TimestampParser {
  const offsets = new Map<number, number>();
  /** UTC ms of a local wall-clock time in `zone` (two passes settle a DST transition). */
  const localToUtc = (local: number): number => {
    const key = Math.floor(local / 3_600_000);
    let off = offsets.get(key);
    if (off === undefined) {
      const first = zoneOffsetMinutes(zone, local);
      off = zoneOffsetMinutes(zone, local - first * 60_000);
      if (offsets.size > 100_000) offsets.clear();
      offsets.set(key, off);
    }
    return local - off * 60_000;
  };
  return (text: string): number => {
    const s = text;
    const n = s.length;
    let i = 0;
    while (i < n && s.charCodeAt(i) === 32) i++;
    // year: 4 digits
    if (i + 4 > n) return NaN;
    let year = 0;
    for (let k = 0; k < 4; k++) {
      const c = s.charCodeAt(i++);
      if (!isDigit(c)) return NaN;
      year = year * 10 + c - D0;
    }
    const sep = s.charCodeAt(i);
    if (sep !== 45 /* - */ && sep !== 47 /* / */ && sep !== 46 /* . */) return NaN;
    i++;
    let month = 0;
    let digits = 0;
    while (i < n && isDigit(s.charCodeAt(i)) && digits < 2) {
      month = month * 10 + s.charCodeAt(i++) - D0;
      digits++;
    }
    if (digits === 0 || s.charCodeAt(i) !== sep) return NaN;
    i++;
    let day = 0;
    digits = 0;
    while (i < n && isDigit(s.charCodeAt(i)) && digits < 2) {
      day = day * 10 + s.charCodeAt(i++) - D0;
      digits++;
    }
    if (digits === 0) return NaN;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let ms = 0;
    let offsetMin: number | undefined;
    if (i < n) {
      const c = s.charCodeAt(i);
      if (c !== 84 /* T */ && c !== 116 /* t */ && c !== 32) return NaN;
      while (i < n && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 84 || s.charCodeAt(i) === 116)) i++;
      digits = 0;
      while (i < n && isDigit(s.charCodeAt(i)) && digits < 2) {
        hour = hour * 10 + s.charCodeAt(i++) - D0;
        digits++;
      }
      if (digits === 0 || s.charCodeAt(i) !== 58 /* : */) return NaN;
      i++;
      if (i + 2 > n || !isDigit(s.charCodeAt(i)) || !isDigit(s.charCodeAt(i + 1))) return NaN;
      minute = (s.charCodeAt(i) - D0) * 10 + s.charCodeAt(i + 1) - D0;
      i += 2;
      if (s.charCodeAt(i) === 58) {
        i++;
        if (i + 2 > n || !isDigit(s.charCodeAt(i)) || !isDigit(s.charCodeAt(i + 1))) return NaN;
        second = (s.charCodeAt(i) - D0) * 10 + s.charCodeAt(i + 1) - D0;
        i += 2;
        if (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44) {
          i++;
          let scale = 100;
          digits = 0;
          while (i < n && isDigit(s.charCodeAt(i))) {
            ms += (s.charCodeAt(i++) - D0) * scale;
            scale /= 10;
            digits++;
          }
          if (digits === 0) return NaN;
          ms = Math.round(ms);
        }
      }
      while (i < n && s.charCodeAt(i) === 32) i++;
      if (i < n) {
        const z = s.charCodeAt(i);
        if (z === 90 || z === 122) {
          offsetMin = 0;
          i++;
        } else if (z === 43 || z === 45) {
          i++;
          if (i + 2 > n || !isDigit(s.charCodeAt(i)) || !isDigit(s.charCodeAt(i + 1))) return NaN;
          const oh = (s.charCodeAt(i) - D0) * 10 + s.charCodeAt(i + 1) - D0;
          i += 2;
          if (s.charCodeAt(i) === 58) i++;
          let om = 0;
          if (i + 2 <= n && isDigit(s.charCodeAt(i)) && isDigit(s.charCodeAt(i + 1))) {
            om = (s.charCodeAt(i) - D0) * 10 + s.charCodeAt(i + 1) - D0;
            i += 2;
          }
          if (oh > 14 || om > 59) return NaN;
          offsetMin = (z === 45 ? -1 : 1) * (oh * 60 + om);
        }
      }
      while (i < n && s.charCodeAt(i) === 32) i++;
      if (i !== n) return NaN;
    }
    if (month < 1 || month > 12 || day < 1 || hour > 24 || minute > 59 || second > 60) return NaN;
    if (hour === 24 && (minute !== 0 || second !== 0 || ms !== 0)) return NaN;
    if (day > daysInMonth(year, month)) return NaN;
    const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
    return offsetMin === undefined ? localToUtc(local) : local - offsetMin * 60_000;
  };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export { isTimeZone } from '../model/time.ts';

/** Formats UTC ms as ISO 8601 with the zone's offset, e.g. 2026-03-01T08:00:00+08:00. */
export function formatInZone(utcMs: number, zone: string = DEFAULT_TIMEZONE): string {
  const off = zoneOffsetMinutes(zone, utcMs);
  const local = new Date(utcMs + off * 60_000)
    .toISOString()
    .replace(/\.000Z$/, '')
    .replace(/Z$/, '');
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
