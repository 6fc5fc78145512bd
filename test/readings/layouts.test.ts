import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { at, ingestBytes, ingestText, meter, modelWith } from './helpers.ts';

describe('layouts, delimiters and decimal commas', () => {
  it('long layout, semicolons, decimal comma, unit column, UTF-8 BOM', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('./fixtures/long-semicolon-bom.csv', import.meta.url)));
    const model = modelWith([
      { id: 'M1', reading: { kind: 'cumulative', unit: 'm3' } },
      { id: 'M2', reading: { kind: 'cumulative', unit: 't' } },
    ]);
    const r = await ingestBytes(bytes, { model }, 11);
    expect(r).toMatchObject({ layout: 'long', delimiter: ';', decimalComma: true, timestampColumn: '时间' });
    expect(meter(r, 'M1').total).toBeCloseTo(3, 12);
    // 2000 → 3500 kg is 1.5 t
    expect(meter(r, 'M2').total).toBeCloseTo(1.5, 12);
    expect(r.rows).toEqual({ read: 8, used: 8, rejected: 0 });
  });
  it('long layout rejects unknown meters, bad units and duplicates by line', async () => {
    const model = modelWith([{ id: 'M1', reading: { kind: 'cumulative', unit: 'm3' } }]);
    const csv = [
      'timestamp,meter,value,unit',
      `${at(0)},M1,1,m3`,
      `${at(0)},M9,1,m3`,
      `${at(1)},M1,2,kWh`,
      `${at(1)},M1,2,m3`,
      `${at(1)},M1,3,m3`,
      `${at(2)},M1,x,m3`,
      `${at(3)},M1,4,L`,
    ].join('\n');
    const r = await ingestText(csv, { model });
    expect(r.rows).toEqual({ read: 7, used: 3, rejected: 4 });
    expect(r.rejected.map((e) => [e.line, e.reason])).toEqual([
      [3, 'unknown-meter'],
      [4, 'bad-unit'],
      [6, 'duplicate-timestamp'],
      [7, 'non-numeric'],
    ]);
    // 1 → 2 m3, then 4 L = 0.004 m3: a reset (it fell more than half way to zero)
    expect(meter(r, 'M1').flags.map((f) => f.code)).toEqual(['reset']);
  });
  it('tab-separated wide file with a preamble line and a remarks column; mapping by file', async () => {
    const csv =
      '能源日报 2026年3月\n采集时间\t1#水表\t2#水表\n2026/3/1 8:00\t1\t10\n2026/3/1 8:01\t2\t12\n2026/3/1 8:02\t4\t15\n';
    const model = modelWith([
      { id: 'MW01', reading: { kind: 'cumulative', unit: 't' } },
      { id: 'MW02', reading: { kind: 'cumulative', unit: 't' } },
    ]);
    const r = await ingestText(csv, { model, mapping: { '1#水表': 'MW01', '2#水表': 'MW02' } });
    expect(r.delimiter).toBe('\t');
    expect(meter(r, 'MW01').total).toBe(3);
    expect(meter(r, 'MW02').total).toBe(5);
    expect(r.rejected).toEqual([]);
  });
  it('a wide file with a column of no meter in the model lists it as unknown', async () => {
    const model = modelWith([{ id: 'M1', reading: { kind: 'cumulative', unit: 't' } }]);
    const r = await ingestText(`time,M1,X7\n${at(0)},1,5\n${at(1)},2,6\n`, { model });
    expect(r.unknownColumns).toEqual(['X7']);
    expect(r.meters.map((m) => m.id)).toEqual(['M1']);
  });
  it('finds the timestamp column by content when its name is unusual', async () => {
    const r = await ingestText(`M1,when it was\n1,${at(0)}\n3,${at(1)}\n`);
    expect(r.timestampColumn).toBe('when it was');
    expect(meter(r, 'M1').total).toBe(2);
  });
  it('semicolon wide with decimal comma; quoted thousands in a comma file', async () => {
    const a = await ingestText(`Zeit;M1\n${at(0)};1,5\n${at(1)};2,75\n`);
    expect(a.decimalComma).toBe(true);
    expect(meter(a, 'M1').total).toBeCloseTo(1.25, 12);
    const b = await ingestText(`time,M1\n${at(0)},"1,000.5"\n${at(1)},"1,002.5"\n`);
    expect(meter(b, 'M1').total).toBeCloseTo(2, 12);
  });
  it('time zones: the same wall-clock file read in Asia/Shanghai and UTC', async () => {
    const csv = `time,M1\n2026-03-01 08:00,1\n2026-03-01 09:00,2\n`;
    const sh = await ingestText(csv);
    const utc = await ingestText(csv, { timezone: 'UTC' });
    expect(sh.window.start).toBe('2026-03-01T08:00:00+08:00');
    expect(utc.window.start).toBe('2026-03-01T08:00:00+00:00');
    const campaignZone = await ingestText(csv, {
      model: modelWith([{ id: 'M1' }], {
        start: '2026-03-01T08:00:00',
        end: '2026-03-01T09:00:00',
        timezone: 'Asia/Tokyo',
      }),
    });
    expect(campaignZone.timezone).toBe('Asia/Tokyo');
    expect(campaignZone.window.start).toBe('2026-03-01T08:00:00+09:00');
    expect(meter(campaignZone, 'M1').total).toBe(1);
    const offsets = await ingestText(`time,M1\n2026-03-01T00:00:00Z,1\n2026-03-01T09:00:00+08:00,2\n`);
    expect(offsets.window.hours).toBe(1);
  });
});

describe('sources', () => {
  it('a WHATWG ReadableStream (as File.stream() gives) through readableChunks', async () => {
    const { readableChunks } = await import('../../src/readings/source.ts');
    const { ingestReadings } = await import('../../src/readings/ingest.ts');
    const bytes = new TextEncoder().encode(`time,M1\n${at(0)},1\n${at(1)},3\n`);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.subarray(0, 9));
        c.enqueue(bytes.subarray(9));
        c.close();
      },
    });
    const r = await ingestReadings(readableChunks(stream), { file: 'web.csv' });
    expect(meter(r, 'M1').total).toBe(2);
  });
});

describe('line numbers of rejected rows', () => {
  it('count blank lines, CRLF and a title line', async () => {
    const csv = ['能源日报', '', 'time,M1', `${at(0)},1`, '', `bad,2`, `${at(2)},x`, `${at(3)},4`].join('\r\n');
    const r = await ingestText(csv, {}, 5);
    expect(r.rejected.map((e) => [e.line, e.reason])).toEqual([
      [6, 'bad-timestamp'],
      [7, 'non-numeric'],
      [7, 'no-values'],
    ]);
  });
  it('count the lines inside a quoted multi-line field', async () => {
    const csv = `time,M1,note\n${at(0)},1,"first\nsecond\nthird"\n${at(1)},oops,ok\n`;
    const r = await ingestText(csv, { model: modelWith([{ id: 'M1', reading: { kind: 'cumulative', unit: 't' } }]) });
    expect(r.unknownColumns).toEqual(['note']);
    expect(r.rejected.map((e) => [e.line, e.reason])).toEqual([
      [5, 'non-numeric'],
      [5, 'no-values'],
    ]);
  });
});

describe('meters known only from a long file', () => {
  it('take the unit of their first row; a rate in m3/min integrates to m3', async () => {
    const csv = `time,meter,value,unit\n${at(0)},F1,2,m3/min\n${at(10)},F1,2,m3/min\n${at(20)},F1,2,m3/min\n`;
    const r = await ingestText(csv, { defaultKind: 'rate' });
    expect(meter(r, 'F1')).toMatchObject({ unit: 'm3', kind: 'rate' });
    expect(meter(r, 'F1').total).toBeCloseTo(40, 9);
  });
});
