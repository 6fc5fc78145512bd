import { describe, expect, it } from 'vitest';
import { cellText, toCsv, type TableData } from '../../web/table.ts';

describe('table CSV export', () => {
  const table: TableData<{ name: string; value: number | null }> = {
    id: 't',
    title: 'T',
    rows: [
      { name: '染色车间, "A"', value: 1.5 },
      { name: '=HYPERLINK("http://x")', value: null },
      { name: '-2+3', value: -2 },
    ],
    columns: [
      { header: '单元', value: (r) => r.name },
      { header: 'value', value: (r) => r.value, numeric: true },
    ],
  };

  it('quotes per RFC 4180, keeps numbers as numbers and defuses formulas in names', () => {
    const csv = toCsv(table);
    expect(csv.startsWith('\uFEFF')).toBe(true); // so Excel reads the Chinese as UTF-8
    expect(csv.slice(1).split('\r\n')).toEqual([
      '单元,value',
      '"染色车间, ""A""",1.5',
      `"'=HYPERLINK(""http://x"")",`,
      "'-2+3,-2",
      '',
    ]);
  });

  it('shows unknown values as a dash and numbers whole with thousands separators from 1 000 up, else to 4 significant figures', () => {
    expect(cellText(null)).toBe('—');
    expect(cellText(2)).toBe('2');
    expect(cellText(0.123456)).toBe('0.1235');
    expect(cellText(12345.678)).toBe('12,346');
    expect(cellText(12345.678, 'en')).toBe('12,346');
    expect(cellText(-7060)).toBe('-7,060');
    expect(cellText(1234567)).toBe('1,234,567');
    expect(cellText(Number.NaN)).toBe('—');
  });
});
