import { sankeyFigure } from '../../sankey/figure.ts';
import { suspectMeters } from '../../sankey/marks.ts';
import type { SankeyViewSpec } from '../../sankey/view.ts';
import type { ChapterBuilder, ReportContext } from '../context.ts';

/**
 * Units drawn one by one in a report figure; beyond this the smallest are grouped into
 * "其他（n 个）" per parent (src/sankey/group.ts, as the web page groups them). A figure 960 px
 * wide scaled to A4's 17 cm text width leaves ~1 400 px of page height: 24 rows of 54 px
 * (figure.ts: two label lines and padding per node) plus the title, legend and totals.
 */
export const FIGURE_MAX_UNITS = 24;

/**
 * One report figure: the Sankey of `spec` (small units grouped, the layer's suspect meters marked
 * when the model was reconciled), numbered and captioned, with a note naming the units inside
 * each "其他" node. An empty view adds nothing; a view that cannot be drawn is listed as missing.
 */
export function reportFigure(
  ctx: ReportContext,
  ch: ChapterBuilder,
  spec: SankeyViewSpec,
  caption: string,
  slug: string,
): void {
  const { graph, check, reconciliation } = ctx.results;
  if (!graph || !check) return;
  try {
    const suspects = reconciliation ? suspectMeters(graph, reconciliation, spec.layer) : {};
    const fig = sankeyFigure(
      { graph, result: check },
      { ...spec, group: { maxUnits: FIGURE_MAX_UNITS } },
      { lang: ctx.lang, suspects },
    );
    if (fig.view.links.length === 0) return;
    const figure = ch.figure(fig, caption, slug);
    const groups = fig.view.groups?.members ?? {};
    const names = new Map(fig.view.nodes.map((n) => [n.id, ctx.lang === 'en' ? (n.nameEn ?? n.name) : n.name]));
    const listed = Object.entries(groups).map(([id, members]) =>
      ctx.t('report.figure.groupItem', {
        group: names.get(id) ?? id,
        members: members.map((m) => ctx.nodeName(m)).join(ctx.lang === 'zh' ? '、' : ', '),
      }),
    );
    if (listed.length > 0) {
      ch.paragraph(ctx.t('report.figure.grouped', { figure: figure.number, max: FIGURE_MAX_UNITS }), 'note');
      ch.list(listed);
    }
  } catch (e) {
    ch.lack(ctx.t('report.cannot', { what: caption, reason: e instanceof Error ? e.message : String(e) }));
  }
}
