import { fixedOffsetZones } from '../data/time-zones.ts';

/**
 * Timestamps without an offset are read in the plant's time zone (default Asia/Shanghai,
 * UTC+8 with no daylight saving since 1991), never in the machine's local zone.
 */
export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

/** Milliseconds in an hour and in a day (of a calendar date; no leap seconds in ECMAScript time). */
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
/** The largest |time| a Date holds, ms from the epoch (ECMA-262 §21.4.1.1: 8.64 × 10¹⁵). */
const MAX_DATE_MS = 8.64e15;

/**
 * The offset of `zone` at a UTC instant from src/data/time-zones.ts (minutes east of UTC), or
 * undefined when the table does not settle it (another zone, an earlier instant).
 *
 * @example
 * fixedOffsetMinutes('Asia/Shanghai', Date.UTC(2025, 0, 1)) // => 480
 */
export function fixedOffsetMinutes(zone: string, utcMs: number): number | undefined {
  const { offsets, sinceUtc } = fixedOffsetZones;
  return utcMs >= sinceUtc && Object.hasOwn(offsets, zone) ? offsets[zone] : undefined;
}

const knownZones = new Map<string, boolean>();

/**
 * True when `zone` is an IANA time zone the runtime knows.
 *
 * @example
 * isTimeZone('Asia/Shanghai') // => true
 * isTimeZone('Mars/Base') // => false
 */
export function isTimeZone(zone: string): boolean {
  if (Object.hasOwn(fixedOffsetZones.offsets, zone)) return true;
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    if (knownZones.size < 1000) knownZones.set(zone, known);
  }
  return known;
}

/**
 * Offset of `zone` from UTC at the given UTC instant, in minutes; NaN for a zone the runtime does not know.
 *
 * @example
 * zoneOffsetMinutes('Asia/Shanghai', Date.UTC(2025, 0, 1)) // => 480
 */
export function zoneOffsetMinutes(zone: string, utcMs: number): number {
  const fixed = fixedOffsetMinutes(zone, utcMs);
  if (fixed !== undefined) return fixed;
  if (!(Math.abs(utcMs) <= MAX_DATE_MS) || !isTimeZone(zone)) return NaN;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/**
 * Parses an ISO date-time; one without offset is taken in `zone`. NaN when unreadable or the zone is unknown.
 *
 * @example
 * // 08:00 in Beijing (UTC+8) is midnight UTC
 * new Date(parseIsoInZone('2025-03-01T08:00', 'Asia/Shanghai')).toISOString() // => '2025-03-01T00:00:00.000Z'
 * parseIsoInZone('2025-03-01T08:00Z') === Date.UTC(2025, 2, 1, 8) // => true
 */
export function parseIsoInZone(text: string, zone: string = DEFAULT_TIMEZONE): number {
  if (OFFSET.test(text.trim())) return Date.parse(text);
  const asUtc = Date.parse(`${text.trim()}Z`);
  if (Number.isNaN(asUtc)) return NaN;
  // Two passes settle the offset near a zone transition.
  let t = asUtc - zoneOffsetMinutes(zone, asUtc) * 60000;
  t = asUtc - zoneOffsetMinutes(zone, t) * 60000;
  return t;
}
