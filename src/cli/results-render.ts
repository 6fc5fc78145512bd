import { t, type Lang } from '../i18n/index.ts';
import {
  type CarbonReport,
  type CompareResult,
  carbonTables,
  compareTables,
  type ResultTable,
} from '../results/index.ts';
import { fmt, renderTable } from './table.ts';

/** Terminal text of `compare` and `carbon`: the core's result tables (src/results/tables.ts), aligned. */

function cell(v: string | number | null, numeric: boolean, exact = false): string {
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  return exact || (numeric && Number.isInteger(v) && Math.abs(v) < 1e6) ? String(v) : fmt(v);
}

function render(table: ResultTable): string {
  const out = [table.title];
  const body = renderTable(
    table.columns.map((c) => c.label),
    table.rows.map((r) => {
      const cells = r.cells.map((v, i) => cell(v, table.columns[i]!.numeric, table.columns[i]!.exact));
      const at = Math.max(
        0,
        table.columns.findIndex((c) => c.key === 'verdict'),
      );
      if (r.status) cells[at] = `${r.status === 'pass' ? '✓' : '✗'} ${cells[at]}`;
      return cells;
    }),
    table.columns.map((c) => (c.numeric ? 'right' : 'left')),
  );
  if (table.columns.length > 0) out.push(body);
  return out.join('\n');
}

export function renderCompare(r: CompareResult, lang: Lang): string {
  const tables = compareTables(r, lang);
  const [first, ...rest] = tables;
  const out = [...first!.notes, '', render({ ...first!, notes: [] })];
  for (const table of rest) {
    out.push('', render(table));
    if (table.id === 'results-factors' && table.notes.length > 0) {
      out.push('', t(lang, 'results.warningsTitle'));
      for (const n of table.notes) out.push(`! ${n}`);
    }
  }
  return out.join('\n');
}

export function renderCarbon(r: CarbonReport, lang: Lang): string {
  const [sources, factors] = carbonTables(r, lang);
  return [render(sources!), ...sources!.notes, '', render(factors!)].join('\n');
}
