import { sankeyFigure } from '../../sankey/figure.ts';
import { vocsTables, type VocsTableColumn } from '../../vocs/tables.ts';
import type { VocsResult } from '../../vocs/types.ts';
import type { ChapterBuilder, ColumnSpec, ReportContext } from '../context.ts';

/** Columns the VOCs tables give in percent (efficiencies, contents, differences, tolerances). */
const PERCENT = new Set(['content', 'captureEfficiency', 'removalEfficiency', 'relative', 'tolerance']);
/** Columns holding an amount in the flow's own unit (the next column names it), not the layer unit. */
const OWN_UNIT = new Set(['quantity']);

/**
 * The VOCs solvent balance (物料衡算, docs/vocs.md) in the pollutant-factor chapter: the core's four
 * tables — raw materials, releasing units with the total, treatment units against stack monitoring,
 * the plant's solvent balance (src/vocs/tables.ts, the same tables the CLI and the web show) — and
 * the solvent-balance Sankey figure.
 */
export function vocsSection(ctx: ReportContext, ch: ChapterBuilder, v: VocsResult): void {
  const column = (c: VocsTableColumn): ColumnSpec => {
    const header = c.label.replace(/ ?%$/, '');
    if (!c.numeric) return { header, type: 'text' };
    if (PERCENT.has(c.key)) return { header, unit: '%', type: 'number', decimals: 1 };
    if (OWN_UNIT.has(c.key)) return { header, type: 'number' };
    return { header, unit: v.unit, type: 'number' };
  };
  for (const table of vocsTables(v, ctx.lang)) {
    ch.table(
      table.title,
      table.columns.map(column),
      table.rows.map((r) => r.cells),
      { notes: table.notes, totalRows: table.rows.flatMap((r, i) => (r.total ? [i] : [])) },
    );
  }
  const { graph, check } = ctx.results;
  if (!graph || !check) return;
  const caption = ctx.t('report.vocs.figure');
  try {
    const fig = sankeyFigure({ graph, result: check }, { layer: v.layer, level: 1, solvent: true }, { lang: ctx.lang });
    if (fig.view.links.length > 0) ch.figure(fig, caption, `${v.layer}-solvent`);
  } catch (e) {
    ch.lack(ctx.t('report.cannot', { what: caption, reason: e instanceof Error ? e.message : String(e) }));
  }
}
