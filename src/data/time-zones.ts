import type { Provenance } from './provenance.ts';

/**
 * Time zones of Chinese plants whose offset from UTC has not changed since `sinceUtc`: a reading
 * at or after it is converted without the runtime's time-zone database (the first use of Intl's
 * costs ~12 ms, a tenth of a large file's ingest). Earlier instants, and every other zone, go
 * through Intl. 2000-01-01 is a conservative bound: none of these zones has changed its offset
 * or observed daylight saving since 1991 (China's last DST ended 1991-09-15); a test checks the
 * table against the runtime's own database from 2000 to 2100.
 */
export const fixedOffsetZones = {
  sinceUtc: Date.UTC(2000, 0, 1),
  /** Zone → minutes east of UTC. */
  offsets: {
    'Asia/Shanghai': 480,
    PRC: 480,
    'Asia/Urumqi': 360,
    'Asia/Hong_Kong': 480,
    'Asia/Macau': 480,
    'Asia/Taipei': 480,
    UTC: 0,
    'Etc/UTC': 0,
  } as Record<string, number>,
  source: {
    standard: 'IANA Time Zone Database (tzdb), files asia, backward, etcetera',
    edition: '2025a',
    clause: 'Zone Asia/Shanghai, Asia/Urumqi, Asia/Hong_Kong, Asia/Macau, Asia/Taipei; Link PRC; Zone Etc/UTC',
    tag: 'C',
    note: 'Checked against the runtime ICU data by test/readings/timestamp.test.ts.',
  } as Provenance,
};
