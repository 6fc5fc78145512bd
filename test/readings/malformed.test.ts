import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/cli/io.ts';
import { at, ingestError, modelWith } from './helpers.ts';

/** Each malformed input → one located error: its code, its line, and the rendered message. */
async function located(input: string | Uint8Array, options: Parameters<typeof ingestError>[1] = {}) {
  const e = await ingestError(input, options);
  expect(e.file).toBe('r.csv');
  expect(e.issues).toHaveLength(1);
  const i = e.issues[0];
  return { code: i.code, line: i.line, zh: formatIssue(e.file, i, 'zh'), en: formatIssue(e.file, i, 'en') };
}

const gbk = (text: string) => {
  // 时间 in GB18030 is CA B1 BC E4
  const ascii = new TextEncoder().encode(text);
  return new Uint8Array([0xca, 0xb1, 0xbc, 0xe4, ...ascii]);
};

describe('malformed readings files: located errors (exit 2 in the CLI)', () => {
  it('1 an empty file', async () => {
    expect(await located('')).toMatchObject({
      code: 'readings.empty',
      line: 1,
      en: 'r.csv:1: the file is empty (no header, no data)',
    });
  });
  it('2 only blank lines', async () => {
    expect(await located('\n\n  \n')).toMatchObject({ code: 'readings.empty', line: 1 });
  });
  it('3 no header: the first row is a timestamped data row', async () => {
    const r = await located(`${at(0)},1,2\n${at(1)},2,3\n`);
    expect(r).toMatchObject({ code: 'readings.noHeader', line: 1 });
    expect(r.zh).toContain('r.csv:1: 第一行是数据');
  });
  it('4 no header: a row of numbers after a blank line', async () => {
    expect(await located('\n1,2,3\n4,5,6\n')).toMatchObject({ code: 'readings.noHeader', line: 2 });
  });
  it('5 no timestamp column by name or content', async () => {
    const r = await located('a,b\nx,1\ny,2\n');
    expect(r).toMatchObject({ code: 'readings.noTimestamp', line: 1 });
    expect(r.en).toMatch(/^r\.csv:1: no timestamp column/);
  });
  it('6 a header without data rows', async () => {
    expect(await located('\n\ntime,M1,M2\n\n')).toMatchObject({ code: 'readings.noData', line: 3 });
  });
  it('7 GB18030 bytes read as forced UTF-8', async () => {
    const r = await located(gbk(',M1\n2026-03-01 08:00,1\n'), { encoding: 'utf-8' });
    expect(r).toMatchObject({ code: 'readings.encoding', line: 1 });
    expect(r.en).toContain('not valid utf-8 text');
  });
  it('8 invalid UTF-8 deep in a file detected as UTF-8: the line is found', async () => {
    const lines = ['time,M1'];
    for (let i = 0; i < 5000; i++) lines.push(`${at(i)},${i}`);
    const head = new TextEncoder().encode(`${lines.join('\n')}\n`);
    const bad = new Uint8Array([...head, ...new TextEncoder().encode(`${at(5000)},`), 0xff, 0xfe, 0x0a]);
    expect(await located(bad)).toMatchObject({ code: 'readings.encoding', line: 5002 });
  });
  it('9 an unknown encoding name', async () => {
    expect(await located('time,M1\n', { encoding: 'latin-9' })).toMatchObject({ code: 'readings.unknownEncoding' });
  });
  it('10 an unknown time zone', async () => {
    const r = await located('time,M1\n', { timezone: 'Asia/Beijing' });
    expect(r).toMatchObject({ code: 'readings.unknownZone' });
    expect(r.en).toContain('"Asia/Beijing"');
  });
  it('11 one meter in two columns', async () => {
    const model = modelWith([{ id: 'M1', reading: { kind: 'cumulative', unit: 't', column: '1#表' } }]);
    const r = await located(`time,M1,1#表\n${at(0)},1,1\n`, { model });
    expect(r).toMatchObject({ code: 'readings.duplicateColumn', line: 1 });
    expect(r.en).toContain('columns 2 and 3');
  });
  it('12 a column with data but no name', async () => {
    expect(await located(`time,M1,\n${at(0)},1,5\n`)).toMatchObject({ code: 'readings.emptyColumnName', line: 1 });
  });
  it('13 a binary file (xlsx/zip)', async () => {
    expect(await located(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]))).toMatchObject({
      code: 'readings.binary',
      line: 1,
    });
  });
  it('14 an unclosed quote', async () => {
    expect(await located(`time,M1\n${at(0)},1\n${at(1)},"2\n${at(2)},3\n`)).toMatchObject({
      code: 'readings.quotes',
      line: 3,
    });
  });
  it('15 time running backwards (a newest-first export)', async () => {
    expect(await located(`time,M1\n${at(5)},5\n${at(4)},4\n${at(3)},3\n`)).toMatchObject({
      code: 'readings.descending',
      line: 3,
    });
  });
  it('16 long layout forced on a wide header', async () => {
    expect(await located(`time,M1\n${at(0)},1\n`, { layout: 'long' })).toMatchObject({
      code: 'readings.noLongColumns',
      line: 1,
    });
  });
  it('17 a mapping to a meter the model does not have', async () => {
    const model = modelWith([{ id: 'M1' }]);
    expect(await located(`time,A\n${at(0)},1\n`, { model, mapping: { A: 'M7' } })).toMatchObject({
      code: 'readings.mappingUnknownMeter',
    });
  });
  it('18 a column unit that does not convert to the meter unit', async () => {
    const model = modelWith([{ id: 'M1', reading: { kind: 'cumulative', unit: 't' } }]);
    const r = await located(`time,M1 (kWh)\n${at(0)},1\n`, { model });
    expect(r).toMatchObject({ code: 'readings.columnUnit', line: 1 });
  });
  it('19 a title line and nothing else', async () => {
    expect(await located('能源日报\n')).toMatchObject({ code: 'readings.noMeterColumns', line: 1 });
  });
});
