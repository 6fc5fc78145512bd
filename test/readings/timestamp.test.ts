import { describe, expect, it } from 'vitest';
import { fixedOffsetZones } from '../../src/data/time-zones.ts';
import { zoneOffsetMinutes as modelZoneOffset } from '../../src/model/time.ts';
import { formatInZone, isTimeZone, makeTimestampParser, zoneOffsetMinutes } from '../../src/readings/timestamp.ts';

const sh = makeTimestampParser();
const utc = (s: string) => Date.parse(s);

describe('timestamp parser', () => {
  it('reads local times in Asia/Shanghai by default (UTC+8)', () => {
    expect(sh('2026-03-01 08:00')).toBe(utc('2026-03-01T00:00:00Z'));
    expect(sh('2026-03-01T08:00:30')).toBe(utc('2026-03-01T00:00:30Z'));
    expect(sh('2026/3/1 8:00')).toBe(utc('2026-03-01T00:00:00Z'));
    expect(sh('2026/03/01 08:00:05')).toBe(utc('2026-03-01T00:00:05Z'));
    expect(sh('2026.3.1 8:00')).toBe(utc('2026-03-01T00:00:00Z'));
    expect(sh('2026-03-01')).toBe(utc('2026-02-28T16:00:00Z'));
    expect(sh('  2026-03-01 08:00:00.250 ')).toBe(utc('2026-03-01T00:00:00.250Z'));
  });
  it('honours an explicit offset whatever the zone', () => {
    expect(sh('2026-03-01T08:00:00Z')).toBe(utc('2026-03-01T08:00:00Z'));
    expect(sh('2026-03-01T08:00:00+08:00')).toBe(utc('2026-03-01T00:00:00Z'));
    expect(sh('2026-03-01 08:00-0530')).toBe(utc('2026-03-01T13:30:00Z'));
    expect(makeTimestampParser('UTC')('2026-03-01 08:00')).toBe(utc('2026-03-01T08:00:00Z'));
  });
  it('follows daylight saving in zones that have it', () => {
    const ny = makeTimestampParser('America/New_York');
    expect(ny('2026-03-08 01:30')).toBe(utc('2026-03-08T06:30:00Z')); // EST, UTC−5
    expect(ny('2026-03-08 03:30')).toBe(utc('2026-03-08T07:30:00Z')); // EDT, UTC−4
    expect(ny('2026-07-01 12:00')).toBe(utc('2026-07-01T16:00:00Z'));
  });
  it('rejects what is not a time', () => {
    for (const s of [
      '',
      'abc',
      '2026-02-30 08:00',
      '2026-13-01',
      '2026-03-01 25:00',
      '2026-03-01 08:60',
      '2026-03-01 8',
      '2026-03-01x08:00',
      '26-3-1 8:00',
      '2026-03-01 08:00 junk',
      '2027-02-29',
    ]) {
      expect(sh(s), s).toBeNaN();
    }
    expect(sh('2028-02-29 00:00')).toBe(utc('2028-02-28T16:00:00Z'));
  });
  it('formats instants with the zone offset', () => {
    expect(formatInZone(utc('2026-03-01T00:00:00Z'))).toBe('2026-03-01T08:00:00+08:00');
    expect(formatInZone(utc('2026-07-01T16:00:00Z'), 'America/New_York')).toBe('2026-07-01T12:00:00-04:00');
  });
  it('the fixed-offset table agrees with the runtime time-zone database from 2000 to 2100', () => {
    // Intl's own answer, bypassing the table
    const formats = new Map<string, Intl.DateTimeFormat>();
    const intlOffset = (zone: string, t: number) => {
      if (!formats.has(zone))
        formats.set(
          zone,
          new Intl.DateTimeFormat('en-US', {
            timeZone: zone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
          }),
        );
      const p = formats.get(zone)!.formatToParts(new Date(t));
      const get = (type: string) => Number(p.find((x) => x.type === type)?.value);
      return Math.round(
        (Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) -
          Math.floor(t / 1000) * 1000) /
          60000,
      );
    };
    const end = Date.UTC(2100, 0, 1);
    for (const [zone, offset] of Object.entries(fixedOffsetZones.offsets)) {
      expect(isTimeZone(zone)).toBe(true);
      // every 9 days and 7 hours: all seasons, all hours of the day
      for (let t = fixedOffsetZones.sinceUtc; t < end; t += (9 * 24 + 7) * 3_600_000)
        expect(intlOffset(zone, t), `${zone} at ${new Date(t).toISOString()}`).toBe(offset);
      expect(zoneOffsetMinutes(zone, Date.UTC(2026, 6, 1))).toBe(offset);
      expect(modelZoneOffset(zone, Date.UTC(2026, 6, 1))).toBe(offset);
    }
    // before the table's bound, and for other zones, Intl answers: Shanghai kept DST in 1990
    expect(zoneOffsetMinutes('Asia/Shanghai', Date.UTC(1990, 6, 1))).toBe(540);
    expect(zoneOffsetMinutes('Europe/Berlin', Date.UTC(2026, 6, 1))).toBe(120);
    // an inherited property name is no zone
    expect(isTimeZone('toString')).toBe(false);
    expect(makeTimestampParser('Asia/Urumqi')('2026-03-01 08:00')).toBe(utc('2026-03-01T02:00:00Z'));
  });
});
