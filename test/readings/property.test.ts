import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, ingestText, modelWith } from './helpers.ts';

/** Row generators: good readings and every kind of trouble a campaign file has. */
const cell = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'n/a', '--', '1,5', 'abc', '1e3', '"7"') },
);
const timeText = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 6000 }).map(at) },
  { weight: 1, arbitrary: fc.constantFrom('bad', '', '2026-02-30 08:00', '2026/3/1 8:00') },
);
const wideRow = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(timeText, cell, cell, cell).map((r) => r.join(',')) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ') },
  { weight: 1, arbitrary: fc.tuple(timeText, cell).map((r) => r.join(',')) },
  { weight: 1, arbitrary: fc.tuple(timeText, cell, cell, cell, cell).map((r) => r.join(',')) },
);
const longRow = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.tuple(timeText, fc.constantFrom('M1', 'M2', 'M3', 'X9', ''), cell).map((r) => r.join(',')),
  },
  { weight: 1, arbitrary: fc.constantFrom('', 'x') },
);

const isBlankLine = (l: string) => l.trim() === '';

describe('nothing is lost: rows read = used + rejected', () => {
  it('wide files', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(wideRow, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 64 }),
        fc.boolean(),
        async (rows, chunk, crlf) => {
          // the first data row is always readable so the layout can be detected
          const lines = ['time,M1,M2,M3', `${at(0)},1,2,3`, ...rows];
          const text = lines.join(crlf ? '\r\n' : '\n');
          const r = await ingestText(text, {}, chunk);
          const dataLines = lines.slice(1).filter((l) => !isBlankLine(l)).length;
          expect(r.rows.read).toBe(dataLines);
          expect(r.rows.read).toBe(r.rows.used + r.rows.rejected);
          expect(r.values.read).toBe(r.values.used + r.values.rejected + r.values.empty);
          expect(r.rejected.filter((e) => e.column === undefined)).toHaveLength(r.rows.rejected);
          expect(r.rejected.filter((e) => e.column !== undefined)).toHaveLength(r.values.rejected);
          for (const e of r.rejected) expect(isBlankLine(lines[e.line - 1])).toBe(false);
          const readings = r.meters.reduce((s, m) => s + m.readings, 0);
          expect(readings).toBe(r.values.used);
        },
      ),
      { numRuns: 150, seed: 20260301 },
    );
  });
  it('long files with a model', async () => {
    const model = modelWith([
      { id: 'M1', reading: { kind: 'cumulative', unit: 't' } },
      { id: 'M2', reading: { kind: 'rate', unit: 't' } },
      { id: 'M3', reading: { kind: 'interval', unit: 't' } },
    ]);
    await fc.assert(
      fc.asyncProperty(
        fc.array(longRow, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 64 }),
        async (rows, chunk) => {
          const lines = ['timestamp,meter,value', `${at(0)},M1,1`, ...rows];
          const r = await ingestText(lines.join('\n'), { model }, chunk);
          expect(r.rows.read).toBe(lines.slice(1).filter((l) => !isBlankLine(l)).length);
          expect(r.rows.read).toBe(r.rows.used + r.rows.rejected);
          expect(r.rejected).toHaveLength(r.rows.rejected);
          expect(r.meters.reduce((s, m) => s + m.readings, 0)).toBe(r.rows.used);
          for (const m of r.meters) expect(Number.isNaN(m.total)).toBe(false);
        },
      ),
      { numRuns: 150, seed: 20260302 },
    );
  });
});

describe('streaming does not change the answer', () => {
  it('the same file in chunks of any size gives the same result', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(wideRow, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 50 }),
        async (rows, chunk) => {
          const text = ['time,M1,M2,M3', `${at(0)},1,2,3`, ...rows].join('\n');
          const whole = await ingestText(text, {}, 1 << 20);
          const pieces = await ingestText(text, {}, chunk);
          expect(pieces).toEqual(whole);
        },
      ),
      { numRuns: 100, seed: 20260303 },
    );
  });
  it('a rising totalizer totals last − first, whatever its steps', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 1000 })), {
          minLength: 2,
          maxLength: 80,
        }),
        async (steps) => {
          let minute = 0;
          let value = 5000;
          const lines = ['time,M1', `${at(0)},${value}`];
          for (const [dm, dv] of steps) {
            minute += dm;
            value += dv;
            lines.push(`${at(minute)},${value}`);
          }
          const r = await ingestText(lines.join('\n'));
          expect(r.meters[0].total).toBe(value - 5000);
        },
      ),
      { numRuns: 100, seed: 20260304 },
    );
  });
});
