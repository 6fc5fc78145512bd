import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../src/readings/decode.ts';
import { ingestBytes, meter, modelWith } from './helpers.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

describe('encodings', () => {
  it('detects GB18030 (GBK) bytes and reads the Chinese header', async () => {
    const bytes = fixture('gb18030-wide.csv');
    expect(detectEncoding(bytes).encoding).toBe('gb18030');
    for (const chunk of [3, 4096]) {
      const r = await ingestBytes(bytes, {}, chunk);
      expect(r.encoding).toBe('gb18030');
      expect(r.timestampColumn).toBe('采集时间');
      expect(r.meters.map((m) => [m.id, m.unit])).toEqual([
        ['1#锅炉给水', '吨'],
        ['染色机用水', '吨'],
      ]);
      expect(meter(r, '1#锅炉给水').total).toBeCloseTo(6, 12);
      expect(meter(r, '染色机用水').total).toBeCloseTo(2, 12);
      expect(r.unknownColumns).toEqual(['备注']);
      expect(r.rows).toEqual({ read: 5, used: 5, rejected: 0 });
      expect(r.window.start).toBe('2026-03-01T08:00:00+08:00');
    }
  });
  it('maps Chinese column names to model meters and converts 吨 to the meter unit', async () => {
    const model = modelWith([
      { id: 'MW01', reading: { kind: 'cumulative', unit: 'kg', column: '1#锅炉给水' } },
      { id: 'MW02', reading: { kind: 'cumulative', unit: 't' } },
    ]);
    const r = await ingestBytes(fixture('gb18030-wide.csv'), { model, mapping: { 染色机用水: 'MW02' } });
    expect(meter(r, 'MW01').total).toBeCloseTo(6000, 9);
    expect(meter(r, 'MW02').total).toBeCloseTo(2, 12);
    expect(r.unknownColumns).toEqual(['备注']);
  });
  it('reads GB18030 when forced with --encoding gbk', async () => {
    const r = await ingestBytes(fixture('gb18030-wide.csv'), { encoding: 'gbk' });
    expect(r.encoding).toBe('gb18030');
  });
  it('UTF-8 with and without BOM give the same result', async () => {
    const text = '时间,M1\n2026-03-01 08:00,1\n2026-03-01 08:01,3\n';
    const plain = new TextEncoder().encode(text);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(detectEncoding(bom)).toEqual({ encoding: 'utf-8', bom: true });
    const a = await ingestBytes(plain, {}, 5);
    const b = await ingestBytes(bom, {}, 2);
    expect(a.timestampColumn).toBe('时间');
    expect(b.timestampColumn).toBe('时间');
    expect(meter(b, 'M1').total).toBe(2);
    expect(meter(a, 'M1').total).toBe(2);
  });
  it('UTF-16LE with BOM', async () => {
    const text = '\uFEFF时间,M1\r\n2026-03-01 08:00,1\r\n2026-03-01 08:01,4\r\n';
    const buf = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      buf[2 * i] = text.charCodeAt(i) & 0xff;
      buf[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const r = await ingestBytes(buf, {}, 3);
    expect(r.encoding).toBe('utf-16le');
    expect(meter(r, 'M1').total).toBe(3);
  });
});
