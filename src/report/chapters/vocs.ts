import type { SankeyViewSpec } from '../../sankey/view.ts';
import { sankeyFigure } from '../../sankey/figure.ts';
import { vocsTables } from '../../vocs/tables.ts';
import type { VocsResult } from '../../vocs/types.ts';
import type { ChapterBuilder, ColumnSpec, ReportContext } from '../context.ts';

/** Columns in percent (the tables give efficiencies, contents and differences ×100). */
const PERCENT = new Set(['content', 'captureEfficiency', 'removalEfficiency', 'relative', 'tolerance']);

/**
 * The VOCs solvent balance in the pollutant-factor chapter (docs/vocs.md): the core's four tables
 * (raw materials, releasing units with the total, treatment units with the stack check, the plant's
 * solvent balance — src/vocs/tables.ts) and the solvent-balance figure (raw materials → product /
 * waste / recovered / destroyed / stack / fugitive).
 */
export function vocsSection(ctx: ReportContext, ch: ChapterBuilder, v: VocsResult): void {
  for (const table of vocsTables(v, ctx.lang)) {
    const columns: ColumnSpec[] = table.columns.map((c) =>
      !c.numeric
        ? { header: c.label.replace(/%$/, ''), type: 'text' }
        : c.key === 'quantity'
          ? { header: c.label, type: 'number' }
          : PERCENT.has(c.key)
            ? { header: c.label.replace(/ ?%$/, ''), unit: '%', type: 'number', decimals: 1 }
            : { header: c.label, unit: v.unit, type: 'number' },
    );
    const totalRows = table.rows.flatMap((r, i) => (r.total ? [i] : []));
    ch.table(
      table.title,
      columns,
      table.rows.map((r) => r.cells),
      { notes: table.notes, totalRows },
    );
  }
  const { graph, check } = ctx.results;
  if (!graph || !check) return;
  const spec: SankeyViewSpec = { layer: v.layer, level: 1, solvent: true };
  const caption = ctx.t('vocs.report.figure');
  try {
    const fig = sankeyFigure({ graph, result: check }, spec, { lang: ctx.lang });
    if (fig.view.links.length > 0) ch.figure(fig, caption, `${v.layer}-solvent`);
  } catch (e) {
    ch.lack(ctx.t('report.cannot', { what: caption, reason: e instanceof Error ? e.message : String(e) }));
  }
}
