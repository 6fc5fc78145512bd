import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/issues.ts';
import {
  ByteKeyTable,
  LineCutter,
  parseNumberBytes,
  scanNumberInto,
  scanPlainDecimalInto,
} from '../../src/readings/bytes.ts';
import { ingestReadings, type IngestOptions } from '../../src/readings/ingest.ts';
import type { IngestResult } from '../../src/readings/types.ts';
import { parseValue } from '../../src/readings/values.ts';
import { at, chunked, modelWith } from './helpers.ts';

const enc = new TextEncoder();
const num = (s: string) => {
  const b = enc.encode(`#${s}#`);
  return parseNumberBytes(b, 1, b.length - 1);
};

describe('numbers read from bytes', () => {
  it('hand cases: the value Number() gives, NaN for what the general path must read', () => {
    expect(num('12034.5')).toBe(12034.5);
    expect(num('-0.25')).toBe(-0.25);
    expect(Object.is(num('-0'), -0)).toBe(true);
    expect(num('+7')).toBe(7);
    expect(num('5.')).toBe(5);
    expect(num('.5')).toBe(0.5);
    expect(num('1e3')).toBe(1000);
    expect(num('2.5E-3')).toBe(0.0025);
    expect(num('0.1')).toBe(0.1);
    expect(num('123456789012345')).toBe(123456789012345);
    for (const s of [
      '',
      '.',
      '-',
      '1e',
      '1e+',
      '0x1A',
      ' 1',
      '1 ',
      '1,5',
      '1.2.3',
      '1234567890123456',
      '1e23',
      'abc',
      '"7"',
      'Infinity',
      '1e99999',
    ])
      expect(num(s)).toBeNaN();
  });
  it('equals Number() and parseValue() bit for bit whenever it reads a number', () => {
    const text = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        fc.stringMatching(/^[0-9]{0,17}$/),
        fc.constantFrom('', '.'),
        fc.stringMatching(/^[0-9]{0,17}$/),
        fc.constantFrom('', 'e', 'E-', 'e+', 'x'),
        fc.stringMatching(/^[0-9]{0,3}$/),
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(text, fc.double({ noNaN: true }).map(String), fc.string({ maxLength: 8 })), (s) => {
        const v = num(s);
        if (v === v) {
          expect(Object.is(v, Number(s))).toBe(true);
          expect(Object.is(v, parseValue(s, false))).toBe(true);
        }
      }),
      { numRuns: 20_000, seed: 42 },
    );
  });
  it('the plain-decimal shortcut reads what scanNumberInto reads, or declines', () => {
    const text = fc
      .tuple(
        fc.constantFrom('', '-'),
        fc.stringMatching(/^[0-9]{0,17}$/),
        fc.constantFrom('', '.'),
        fc.stringMatching(/^[0-9]{0,17}$/),
        fc.constantFrom('', 'e3', ';', 'x'),
      )
      .map((p) => p.join(''));
    const out = new Float64Array(2);
    let taken = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          text,
          fc.double({ min: 0, max: 1e9, noNaN: true }).map((x) => x.toFixed(3)),
        ),
        (s) => {
          const b = enc.encode(`${s},`);
          const end = scanPlainDecimalInto(b, 0, b.length, 44, out, 0);
          const full = scanNumberInto(b, 0, b.length, 44, out, 1);
          if (end >= 0) {
            taken++;
            expect(end).toBe(full);
            expect(Object.is(out[0], out[1])).toBe(true);
            expect(Object.is(out[0], Number(s))).toBe(true);
          } else if (full >= 0) {
            // declined only what is not plain: a sign, an exponent, over 9 digits on a side or 15 in all
            const digits = s.replace('.', '').length;
            expect(/^[0-9]{0,9}(\.[0-9]{0,9})?$/.test(s) && digits <= 15 && digits > 0).toBe(false);
          }
        },
      ),
      { numRuns: 10_000, seed: 44 },
    );
    expect(taken).toBeGreaterThan(3000);
  });
  it('reads every value a totalizer prints with toFixed', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e8, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, d) => {
        const s = x.toFixed(d); // at most 15 digits
        expect(num(s)).toBe(Number(s));
      }),
      { numRuns: 5000, seed: 43 },
    );
  });
});

describe('byte helpers', () => {
  it('ByteKeyTable finds each key by its bytes (with collisions and growth)', () => {
    const t = new ByteKeyTable(10_000);
    const keys = Array.from({ length: 3000 }, (_, i) => enc.encode(`M${i}`));
    for (const [i, k] of keys.entries()) t.add(k, 0, k.length, i);
    for (const [i, k] of keys.entries()) expect(t.get(k, 0, k.length)).toBe(i);
    const other = enc.encode('xM17x');
    expect(t.get(other, 1, 4)).toBe(17);
    expect(t.get(enc.encode('M3000'), 0, 5)).toBe(-1);
  });
  it('LineCutter: lines across chunks, \\r\\n ends, a bare \\n stops a \\r\\n file', () => {
    const lines: string[] = [];
    const dec = new TextDecoder();
    const cut = new LineCutter(true, (b, s, e) => {
      lines.push(dec.decode(b.subarray(s, e)));
      return true;
    });
    const bytes = enc.encode('ab\r\ncde\r\nf\r\ng\nh\r\n');
    let rest: Uint8Array | undefined;
    for (let i = 0; i < bytes.length && !rest; i += 3) rest = cut.push(bytes.subarray(i, i + 3));
    expect(lines).toEqual(['ab', 'cde', 'f']);
    expect(dec.decode(rest)).toMatch(/^g\n/);
  });
});

/** The general reader (papaparse on every row) and the fast path on the same bytes: results or errors. */
async function both(bytes: Uint8Array, options: IngestOptions, chunk: number) {
  const run = async (o: IngestOptions): Promise<IngestResult | string> => {
    try {
      return await ingestReadings(chunked(bytes, chunk), { file: 'r.csv', ...options, ...o });
    } catch (e) {
      if (e instanceof InputError) return JSON.stringify(e.issues);
      throw e;
    }
  };
  const stats = { fastRows: 0 };
  const general = await run({ fastPath: false });
  const fast = await run({ sniffBytes: 8, stats });
  return { general, fast, fastRows: stats.fastRows };
}

const goodCell = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => x.toFixed(3)),
  fc.integer({ min: 0, max: 99999 }).map(String),
);
const oddCell = fc.constantFrom(
  '',
  ' 5',
  'n/a',
  '1,234.5',
  '"7"',
  '"1\n2"',
  '1e3',
  '0x1A',
  '吨',
  '5\r',
  '-',
  '1e400',
  '"a,b"',
);
const cell = fc.oneof({ weight: 12, arbitrary: goodCell }, { weight: 1, arbitrary: oddCell });
const minute = fc.integer({ min: 0, max: 3 });

describe('the fast path gives the same result as papaparse on every row', () => {
  it('wide files: odd cells, quotes, short and long rows, blank lines, CRLF, ; and | delimiters, BOM', async () => {
    let engaged = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(minute, fc.array(cell, { minLength: 3, maxLength: 3 }), fc.integer({ min: 0, max: 30 })), {
          minLength: 25,
          maxLength: 70,
        }),
        fc.constantFrom(',', ';', '|', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.integer({ min: 1, max: 200 }),
        async (rows, d, nl, bom, chunk) => {
          let m = 0;
          const lines = [['time', 'M1', 'M2', 'M3'].join(d)];
          for (const [dm, cells, shape] of rows) {
            m += dm;
            if (shape === 0) lines.push('');
            else if (shape === 1) lines.push([at(m), cells[0]].join(d));
            else if (shape === 2) lines.push([at(m), ...cells, '9'].join(d));
            else if (shape === 3) lines.push(['2026-02-30 08:00', ...cells].join(d));
            else lines.push([at(m), ...cells].join(d).replaceAll(',', d === ',' ? ',' : '.'));
          }
          const text = (bom ? '\uFEFF' : '') + lines.join(nl) + (rows.length % 2 ? nl : '');
          const r = await both(enc.encode(text), {}, chunk);
          expect(r.fast).toEqual(r.general);
          if (r.fastRows > 0) engaged++;
        },
      ),
      { numRuns: 120, seed: 20261121 },
    );
    expect(engaged).toBeGreaterThan(40); // the fast path did read rows in many of the files
  });
  it('long files: meter names by bytes (Chinese, unknown, spaces), unit column, repeated timestamps', async () => {
    let engaged = 0;
    const model = modelWith([
      { id: 'M1', reading: { kind: 'cumulative', unit: 't' } },
      { id: '1#锅炉', reading: { kind: 'rate', unit: 't' } },
      { id: 'M3', reading: { kind: 'interval', unit: 'kg' } },
    ]);
    const name = fc.constantFrom('M1', '1#锅炉', 'M3', 'X9', ' M1', '', '"M1"');
    const unit = fc.constantFrom('', 't', 'kg', 'm3', ' t ');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(minute, name, cell, unit), { minLength: 25, maxLength: 90 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 200 }),
        async (rows, withUnit, chunk) => {
          let m = 0;
          const lines = [
            withUnit ? 'timestamp,meter,value,unit' : 'timestamp,meter,value',
            `${at(0)},M1,1${withUnit ? ',t' : ''}`,
          ];
          for (const [dm, n, v, u] of rows) {
            m += dm;
            lines.push([at(m), n, v, ...(withUnit ? [u] : [])].join(','));
          }
          const r = await both(enc.encode(lines.join('\n')), { model }, chunk);
          expect(r.fast).toEqual(r.general);
          if (r.fastRows > 0) engaged++;
        },
      ),
      { numRuns: 120, seed: 20261122 },
    );
    expect(engaged).toBeGreaterThan(40);
  });
  it('takes plain rows itself, and line numbers stay exact after a quoted multi-line field mid-file', async () => {
    const lines = ['time,M1,M2'];
    for (let i = 0; i < 60; i++) lines.push(`${at(i)},${100 + i},${200 + 2 * i}`);
    lines.splice(40, 0, `"${at(100)}\nx",1,2`); // two physical lines, one rejected row
    lines.push(`${at(200)},abc,5`);
    const r = await both(enc.encode(lines.join('\n')), {}, 64);
    expect(r.fast).toEqual(r.general);
    expect(r.fastRows).toBeGreaterThan(20);
    const g = r.general as IngestResult;
    expect(g.rejected.map((e) => [e.line, e.reason])).toEqual([
      [41, 'bad-timestamp'],
      [64, 'non-numeric'],
    ]);
  });
  it('bytes that are not UTF-8 beyond the first 64 KiB: the same located error', async () => {
    const lines = ['time,M1'];
    for (let i = 0; i < 3500; i++) lines.push(`${at(i)},${i}`);
    const good = enc.encode(`${lines.join('\n')}\n`);
    const bytes = new Uint8Array(good.length + 9);
    bytes.set(good);
    bytes.set([0x32, 0x30, 0x32, 0x36, 0xff, 0xfe, 0x2c, 0x31, 0x0a], good.length);
    const r = await both(bytes, {}, 1000);
    expect(typeof r.general).toBe('string');
    expect(r.fast).toEqual(r.general);
    expect(r.general).toContain('"encoding":"utf-8","line":3502');
  });
  it('the repository fixtures read the same both ways', async () => {
    for (const f of ['gb18030-wide.csv', 'long-semicolon-bom.csv']) {
      const bytes = new Uint8Array(readFileSync(new URL(`./fixtures/${f}`, import.meta.url)));
      for (const chunk of [5, 4096]) {
        const r = await both(bytes, {}, chunk);
        expect(r.fast).toEqual(r.general);
      }
    }
  });
});
