import { describe, expect, it } from 'vitest';
import { formatInZone, makeTimestampParser } from '../../src/readings/timestamp.ts';

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
    for (const s of ['', 'abc', '2026-02-30 08:00', '2026-13-01', '2026-03-01 25:00', '2026-03-01 08:60', '2026-03-01 8', '2026-03-01x08:00', '26-3-1 8:00', '2026-03-01 08:00 junk', '2027-02-29']) {
      expect(sh(s), s).toBeNaN();
    }
    expect(sh('2028-02-29 00:00')).toBe(utc('2028-02-28T16:00:00Z'));
  });
  it('formats instants with the zone offset', () => {
    expect(formatInZone(utc('2026-03-01T00:00:00Z'))).toBe('2026-03-01T08:00:00+08:00');
    expect(formatInZone(utc('2026-07-01T16:00:00Z'), 'America/New_York')).toBe('2026-07-01T12:00:00-04:00');
  });
});
