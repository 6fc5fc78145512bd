import type { Cell, Chapter } from '../document.ts';
import type { ReportContext } from '../context.ts';
import { reconciledLayerValues } from '../../sankey/marks.ts';
import { reportFigure } from './figures.ts';

/**
 * Chapter 7 — data reconciliation: per layer, each flow's measured and reconciled value with
 * their uncertainties and the measurement test z; the global χ² test; the suspects found by
 * serial elimination; the diagram with the reconciled values (adjustments written on the links,
 * suspect meters marked); the diagnosis in words (src/reconcile/, docs/reconcile.md).
 */
export function reconciliationChapter(ctx: ReportContext): Chapter {
  const ch = ctx.chapter(7, 'reconciliation');
  const rec = ctx.results.reconciliation;
  if (!rec) {
    const f = ctx.results.failures.find((x) => x.part === 'reconciliation' || x.part === 'balances');
    ch.lack(ctx.t('report.cannot', { what: ch.title, reason: f?.message ?? '—' }));
    return ch.done();
  }
  ch.paragraph(ctx.t('report.rec.intro'), 'note');
  rec.layers.forEach((layer, i) => {
    const name = ctx.layerName(layer.layer);
    ch.heading(`${ch.number}.${i + 1} ${name}`);
    const g = layer.global;
    ch.paragraph(
      ctx.t(g.pass ? 'report.rec.globalPass' : 'report.rec.globalFail', {
        chi2: g.chi2.toFixed(2),
        dof: g.dof,
        critical: g.critical.toFixed(2),
        alpha: g.alpha,
      }),
      g.pass ? undefined : 'warning',
    );
    const flows = layer.flows.filter((f) => f.status !== 'unobservable' || f.measured !== null);
    const rows: Cell[][] = flows.map((f) => [
      ctx.flowLabel(f.id),
      f.unit,
      f.measured,
      f.reconciled,
      f.measured !== null && f.reconciled !== null ? f.reconciled - f.measured : null,
      f.sd,
      f.reconciledSd,
      f.z,
      ctx.t(`report.rec.status.${f.status}`),
      f.suspect ? ctx.t('report.rec.suspect') : '',
    ]);
    ch.table(
      ctx.t('report.rec.caption', { layer: name }),
      [
        { header: ctx.t('report.col.flow'), type: 'text' },
        { header: ctx.t('report.col.measureUnit'), type: 'text' },
        { header: ctx.t('report.col.measured'), type: 'number' },
        { header: ctx.t('report.col.reconciled'), type: 'number' },
        { header: ctx.t('report.col.adjustment'), type: 'number' },
        { header: ctx.t('report.col.sd'), type: 'number', significant: 3 },
        { header: ctx.t('report.col.reconciledSd'), type: 'number', significant: 3 },
        { header: ctx.t('report.col.z'), type: 'number', decimals: 2 },
        { header: ctx.t('report.col.recStatus'), type: 'text' },
        { header: ctx.t('report.col.suspect'), type: 'text' },
      ],
      rows,
      { notes: [ctx.t('report.rec.note')] },
    );
    // The diagram with the reconciled values: adjustments written on the links, suspects marked.
    const graph = ctx.results.graph!;
    const level = graph.nodes.some((n) => n.level === 2) ? 2 : 1;
    reportFigure(
      ctx,
      ch,
      { layer: layer.layer, level, reconciled: reconciledLayerValues(graph, rec) },
      ctx.t('report.figure.reconciled', { layer: name }),
      `${layer.layer}-reconciled`,
    );
    const unobservable = layer.flows.filter((f) => f.status === 'unobservable' && f.measured === null);
    if (unobservable.length > 0)
      ch.paragraph(
        ctx.t('report.rec.unobservable', { flows: unobservable.map((f) => ctx.flowLabel(f.id)).join('; ') }),
        'note',
      );
    if (layer.suspects.length > 0) {
      ch.table(
        ctx.t('report.rec.suspectsCaption', { layer: name }),
        [
          { header: ctx.t('report.col.rank'), type: 'integer' },
          { header: ctx.t('report.col.suspectKind'), type: 'text' },
          { header: ctx.t('report.col.where'), type: 'text' },
          { header: ctx.t('report.col.statistic'), type: 'number', decimals: 2 },
          { header: ctx.t('report.col.chi2Before'), type: 'number', decimals: 2 },
          { header: ctx.t('report.col.chi2After'), type: 'number', decimals: 2 },
          { header: ctx.t('report.col.passAfter'), type: 'text' },
        ],
        layer.suspects.map((s) => [
          s.rank,
          ctx.t(`report.rec.kind.${s.kind}`),
          s.flow !== undefined ? ctx.flowLabel(s.flow) : (s.nodes ?? []).map((n) => ctx.nodeName(n)).join(', '),
          s.statistic,
          s.chi2Before,
          s.chi2After,
          ctx.yesNo(s.passAfter),
        ]),
      );
    }
    ch.list(layer.diagnosis[ctx.lang]);
  });
  return ch.done();
}
