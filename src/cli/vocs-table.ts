import { t, type Lang } from '../i18n/index.ts';
import { type VocsResult, vocsTables } from '../vocs/index.ts';
import { fmt, renderTable } from './table.ts';

/** Columns holding percentages: one decimal. */
const PERCENT = new Set(['content', 'captureEfficiency', 'removalEfficiency', 'relative', 'tolerance']);

/**
 * The VOCs solvent balance for `pingheng check` (src/vocs/tables.ts gives the columns): raw
 * materials, one row per releasing unit with the total, the treatment units with the stack
 * check, the plant's solvent balance; per unit product and per year under the units table.
 */
export function renderVocs(v: VocsResult, lang: Lang): string {
  const out: string[] = [t(lang, 'vocs.table.title', { unit: v.unit })];
  for (const table of vocsTables(v, lang)) {
    out.push('', table.title);
    out.push(
      renderTable(
        table.columns.map((c) => c.label),
        table.rows.map((r) =>
          r.cells.map((cell, i) => {
            const key = table.columns[i]!.key;
            if (typeof cell === 'number') return PERCENT.has(key) ? cell.toFixed(1) : fmt(cell);
            const text = cell ?? '—';
            return i === 0 && r.status === 'fail' ? `✗ ${text}` : text;
          }),
        ),
        table.columns.map((c) => (c.numeric ? 'right' : 'left')),
      ),
    );
    out.push(...table.notes);
  }
  return out.join('\n');
}
