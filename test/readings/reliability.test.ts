import { describe, expect, it } from 'vitest';
import { runCli, tempFile } from '../core/cli-helpers.ts';

/** The readings classes of the hostile-input campaign (issue #18), each as its minimal reproduction through the CLI. */

interface Ingested {
  rows: { read: number; used: number; rejected: number };
  values: { read: number; used: number; rejected: number; empty: number };
  rejected: { line: number; reason: string; column?: string; text?: string }[];
  meters: { id: string; total: number; readings: number }[];
}

async function ingest(csv: string | Uint8Array, args: string[] = []): Promise<{ code: number; doc: Ingested }> {
  const r = await runCli(['ingest', tempFile(csv, '.csv'), '--json', ...args]);
  expect([0, 1]).toContain(r.code);
  return { code: r.code, doc: JSON.parse(r.stdout) };
}

/** Exact accounting (docs/readings.md §6). */
function accounted(d: Ingested): void {
  expect(d.rows.read).toBe(d.rows.used + d.rows.rejected);
  expect(d.values.read).toBe(d.values.used + d.values.rejected + d.values.empty);
  for (const m of d.meters) expect(Number.isFinite(m.total)).toBe(true);
}

describe('#18 failure classes — readings', () => {
  it('8 readings of ±1e308 are rejected per value with their line; totals stay finite (wide)', async () => {
    const { doc } = await ingest(
      'time,M1,M2\n2026-03-01 08:00,1,5\n2026-03-01 09:00,1e308,6\n2026-03-01 10:00,-1e308,7\n2026-03-01 11:00,4,8\n',
    );
    accounted(doc);
    expect(doc.rejected).toEqual([
      { line: 3, reason: 'too-large', column: 'M1', meter: 'M1', text: '1e308' },
      { line: 4, reason: 'too-large', column: 'M1', meter: 'M1', text: '-1e308' },
    ]);
    expect(doc.rows).toEqual({ read: 4, used: 4, rejected: 0 });
    expect(doc.values).toEqual({ read: 8, used: 6, rejected: 2, empty: 0 });
    // M1 a totalizer read 1 at 08:00 and 4 at 11:00: 3; M2 5 → 8: 3
    expect(doc.meters.map((m) => [m.id, m.total])).toEqual([
      ['M1', 3],
      ['M2', 3],
    ]);
  });

  it('8b the same in the long layout (a rejected row each), and on the byte-level fast path', async () => {
    const { doc } = await ingest(
      'timestamp,meter,value\n2026-03-01 08:00,M1,1\n2026-03-01 09:00,M1,1e308\n2026-03-01 10:00,M1,-1e308\n2026-03-01 11:00,M1,4\n',
    );
    accounted(doc);
    expect(doc.rejected.map((e) => [e.line, e.reason])).toEqual([
      [3, 'too-large'],
      [4, 'too-large'],
    ]);
    expect(doc.meters[0]!.total).toBe(3);
    // 1e20 is a plain number the fast path reads (exponent ≤ 22): it too must be refused
    const rows = ['time,M1'];
    for (let i = 0; i < 200; i++)
      rows.push(
        `2026-03-01 ${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')},${i === 150 ? '1e20' : i}`,
      );
    const fast = await ingest(`${rows.join('\n')}\n`);
    accounted(fast.doc);
    // its row then has no value left: the row is rejected too (as for a non-numeric value)
    expect(fast.doc.rejected).toEqual([
      { line: 152, reason: 'too-large', column: 'M1', meter: 'M1', text: '1e20' },
      { line: 152, reason: 'no-values' },
    ]);
  });

  it('9 one NUL byte rejects only the value it sits in, at its line', async () => {
    const { doc } = await ingest(
      'time,M1,M2\n2026-03-01 08:00,1,5\n2026-03-01 09:00,2,6\n2026-03-01 10:00,3\u00007,7\n2026-03-01 11:00,4,8\n',
    );
    accounted(doc);
    expect(doc.rejected).toEqual([{ line: 4, reason: 'non-numeric', column: 'M1', meter: 'M1', text: '3\u00007' }]);
    // a NUL in the timestamp: that row, at its line
    const t = await ingest('time,M1\n2026-03-01 08:00,1\n2026-03-01\u000009:00,2\n2026-03-01 10:00,3\n');
    expect(t.doc.rejected.map((e) => [e.line, e.reason])).toEqual([[3, 'bad-timestamp']]);
  });

  it('9b a binary file (many NULs, or an xlsx signature) is still refused as binary, exit 2', async () => {
    const r = await runCli([
      'ingest',
      tempFile(
        new Uint8Array(4096).fill(0).map((_, i) => (i % 3 ? 0 : 65)),
        '.csv',
      ),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('这是二进制文件');
  });

  it('10 a short row (fewer cells than the header) is rejected as missing-field with its line', async () => {
    const { doc } = await ingest('time,M1,M2\n2026-03-01 08:00,1,5\n2026-03-01 09:00,2\n2026-03-01 10:00,3,7\n');
    accounted(doc);
    expect(doc.rejected).toEqual([{ line: 3, reason: 'missing-field' }]);
    expect(doc.rows).toEqual({ read: 3, used: 2, rejected: 1 });
    // an ignored trailing column (no name, no data) may be missing
    const trailing = await ingest('time,M1,\n2026-03-01 08:00,1,\n2026-03-01 09:00,2\n');
    expect(trailing.doc.rows).toEqual({ read: 2, used: 2, rejected: 0 });
  });

  it('10b short rows on the fast path, in a file long enough to reach it', async () => {
    const rows = ['time,M1,M2'];
    for (let i = 0; i < 300; i++) {
      const at = `2026-03-01 ${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
      rows.push(i % 50 === 49 ? `${at},${i}` : `${at},${i},${2 * i}`);
    }
    const { doc } = await ingest(`${rows.join('\n')}\n`);
    accounted(doc);
    expect(doc.rejected.map((e) => e.line)).toEqual([51, 101, 151, 201, 251, 301]);
    expect(doc.rejected.every((e) => e.reason === 'missing-field')).toBe(true);
  });

  it('one row out of order after the first is that row rejected, not the file (a newest-first file still is)', async () => {
    const { doc } = await ingest('time,M1\n2026-03-01 10:00,1\n2026-03-01 09:00,2\n2026-03-01 11:00,3\n');
    accounted(doc);
    expect(doc.rejected).toEqual([{ line: 3, reason: 'out-of-order', text: '2026-03-01 09:00' }]);
    const r = await runCli([
      'ingest',
      tempFile('time,M1\n2026-03-01 10:00,3\n2026-03-01 09:00,2\n2026-03-01 08:00,1\n', '.csv'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.csv:3: 时间倒序/);
  });

  it('CR and CRLF line ends and a BOM are read as line ends, lines counted alike', async () => {
    for (const nl of ['\r', '\r\n']) {
      const { doc } = await ingest(
        `\uFEFFtime,M1${nl}2026-03-01 08:00,1${nl}2026-03-01 09:00,x${nl}2026-03-01 10:00,3${nl}`,
      );
      accounted(doc);
      expect(doc.rejected.map((e) => [e.line, e.reason])).toEqual([
        [3, 'non-numeric'],
        [3, 'no-values'],
      ]);
      expect(doc.meters.map((m) => m.total)).toEqual([2]);
    }
  });

  it('a bad option is exit 2 with a JSON document under --json too', async () => {
    const file = tempFile('time,M1\n2026-03-01 08:00,1\n', '.csv');
    for (const args of [
      ['--kind', 'total'],
      ['--gap-minutes', '1e308'],
      ['--write', 'out.json'],
    ]) {
      const r = await runCli(['ingest', file, '--json', ...args]);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout)).toMatchObject({ error: 'unusable input', issues: [{ file }] });
    }
  });

  it('UTF-16 without a byte-order mark is read as UTF-16, not refused as binary', async () => {
    const text = 'time,M1\n2026-03-01 08:00,1\n2026-03-01 09:00,3\n';
    const le = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) le[2 * i] = text.charCodeAt(i);
    const { doc } = await ingest(le);
    expect(doc.meters.map((m) => [m.id, m.total])).toEqual([['M1', 2]]);
  });

  it('a file mixing UTF-8 and GBK lines is refused at the first GBK line', async () => {
    const utf8 = Buffer.from('时间,M1\n2026-03-01 08:00,1\n', 'utf8');
    const gbk = Buffer.from([
      0x32, 0x30, 0x32, 0x36, 0x2d, 0x30, 0x33, 0x2d, 0x30, 0x31, 0x20, 0x30, 0x39, 0x3a, 0x30, 0x30, 0x2c, 0x32, 0x2c,
      0xb1, 0xb8, 0xd7, 0xa2, 0x0a,
    ]);
    const r = await runCli(['ingest', tempFile(Buffer.concat([utf8, gbk]), '.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.csv:3: 文件混用了编码/);
  });
});
