import { formatExact, formatNumber, type Lang } from '../i18n/index.ts';
import type { Cell, Column } from './document.ts';

/**
 * A cell as people read it: numbers with the column's decimals and the locale's grouping, exact
 * columns as written, "—" for an empty number, text as is. Shared by the Word and HTML writers
 * (the spreadsheet keeps the numbers and gives Excel the same format instead).
 *
 * @example
 * cellText(1234.56, { header: 'x', type: 'number', decimals: 1 }, 'zh') // => '1,234.6'
 * cellText(null, { header: 'x', type: 'number', decimals: 1 }, 'zh') // => '—'
 */
export function cellText(cell: Cell, column: Column, lang: Lang): string {
  if (cell === null) return column.type === 'text' ? '' : '—';
  if (typeof cell === 'string') return cell;
  if (column.type === 'exact') return formatExact(cell, lang, column.significant);
  return formatNumber(cell, lang, column.type === 'integer' ? 0 : (column.decimals ?? 0));
}

/** Right-aligned: every column that holds numbers. */
export function isNumeric(column: Column): boolean {
  return column.type !== 'text';
}

/**
 * Excel number format of a column: grouping and the column's decimals (`#,##0.00`); exact
 * columns keep Excel's General.
 *
 * @example
 * excelFormat({ header: 'in', type: 'number', decimals: 2 }) // => '#,##0.00'
 */
export function excelFormat(column: Column): string | undefined {
  if (column.type === 'text') return undefined;
  if (column.type === 'exact') return 'General';
  const d = column.type === 'integer' ? 0 : (column.decimals ?? 0);
  return d === 0 ? '#,##0' : `#,##0.${'0'.repeat(d)}`;
}
