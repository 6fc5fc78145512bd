/**
 * The VOCs solvent balance (docs/vocs.md) in the auditors' form — the core's report tables
 * (src/vocs/tables.ts: raw materials, releasing units with the total, treatment units with the
 * stack check, the plant's solvent balance), shown as they are. Nothing is computed here.
 */
import { vocsTables, type VocsTable } from '../../src/index.ts';
import type { AnyTable, TableData } from '../table.ts';
import { registerPanel, type Panel } from './registry.ts';

type Row = VocsTable['rows'][number];

/** Percentages to one decimal, amounts as the table cells format them. */
const PERCENT = new Set(['content', 'captureEfficiency', 'removalEfficiency', 'relative']);

function asTable(table: VocsTable): TableData<Row> {
  return {
    id: table.id,
    title: table.title,
    notes: table.notes,
    rows: table.rows,
    columns: table.columns.map((c, i) => ({
      header: c.label,
      numeric: c.numeric,
      value: (r: Row) => {
        const cell = r.cells[i] ?? null;
        return typeof cell === 'number' && PERCENT.has(c.key) ? Math.round(cell * 10) / 10 : cell;
      },
      ...(i === 0
        ? { badge: (r: Row) => (r.total ? 'total' : undefined) }
        : c.key === 'status'
          ? { badge: (r: Row) => (r.status ? `status-${r.status}` : undefined) }
          : {}),
    })),
  };
}

export const vocsPanel: Panel = {
  id: 'vocs',
  order: 45,
  tables({ loaded, lang }) {
    const v = loaded.result.vocs;
    return v ? vocsTables(v, lang).map((table): AnyTable => asTable(table)) : [];
  },
};

registerPanel(vocsPanel);
