import { sankeyFigure } from '../../sankey/figure.ts';
import type { VocsResult } from '../../vocs/types.ts';
import type { ChapterBuilder, ReportContext } from '../context.ts';
import type { Cell } from '../document.ts';

/**
 * The VOCs solvent balance (物料衡算, src/vocs/, docs/vocs.md) in the pollutant-factor chapter:
 * the raw materials and their VOCs, the auditors' table per releasing unit (generated, capture,
 * removal, organised and fugitive emission), the treatment units against stack monitoring, the
 * plant's solvent balance, and the solvent-balance Sankey figure.
 */
export function vocsSection(ctx: ReportContext, ch: ChapterBuilder, v: VocsResult): void {
  const unit = v.unit;
  const name = (r: { name: string | null; nameEn: string | null }) => (ctx.lang === 'en' && r.nameEn) || r.name || '';
  const pct = (x: number | null) => (x === null ? null : x * 100);
  if (v.materials.length > 0) {
    ch.table(
      ctx.t('report.vocs.materialsCaption'),
      [
        { header: ctx.t('vocs.col.material'), type: 'text' },
        { header: ctx.t('vocs.col.quantity'), type: 'number' },
        { header: ctx.t('report.col.measureUnit'), type: 'text' },
        { header: ctx.t('report.vocs.content'), unit: '%', type: 'number', decimals: 1 },
        { header: ctx.t('vocs.col.vocs'), unit, type: 'number' },
      ],
      v.materials.map((m) => [ctx.flowLabel(m.flow), m.quantity, m.quantityUnit, pct(m.content), m.vocs]),
    );
  }
  const treatmentName = new Map(v.treatments.map((r) => [r.node, name(r)]));
  const rows: Cell[][] = v.units.map((r) => [
    name(r),
    r.input,
    r.generated,
    pct(r.captureEfficiency),
    ctx.t(`vocs.basis.${r.captureBasis}`),
    r.captured,
    r.treatment ? (treatmentName.get(r.treatment) ?? ctx.nodeName(r.treatment)) : '',
    pct(r.removalEfficiency),
    r.removed,
    r.organised,
    r.fugitive,
    r.emitted,
  ]);
  const T = v.total;
  rows.push([
    ctx.t('vocs.total'),
    T.input,
    T.generated,
    pct(T.captureRate),
    '',
    T.captured,
    '',
    pct(T.removalRate),
    T.removed,
    T.organised,
    T.fugitive,
    T.emitted,
  ]);
  ch.table(
    ctx.t('report.vocs.unitsCaption'),
    [
      { header: ctx.t('vocs.col.unit'), type: 'text' },
      { header: ctx.t('vocs.col.input'), unit, type: 'number' },
      { header: ctx.t('vocs.col.generated'), unit, type: 'number' },
      { header: ctx.t('report.vocs.capture'), unit: '%', type: 'number', decimals: 1 },
      { header: ctx.t('report.vocs.basis'), type: 'text' },
      { header: ctx.t('vocs.col.captured'), unit, type: 'number' },
      { header: ctx.t('vocs.col.treatment'), type: 'text' },
      { header: ctx.t('report.vocs.removal'), unit: '%', type: 'number', decimals: 1 },
      { header: ctx.t('vocs.col.removed'), unit, type: 'number' },
      { header: ctx.t('vocs.col.organised'), unit, type: 'number' },
      { header: ctx.t('vocs.col.fugitive'), unit, type: 'number' },
      { header: ctx.t('vocs.col.emitted'), unit, type: 'number' },
    ],
    rows,
    { totalRows: [rows.length - 1], notes: [ctx.t('report.vocs.unitsNote')] },
  );
  if (v.treatments.length > 0) {
    ch.table(
      ctx.t('report.vocs.treatmentsCaption'),
      [
        { header: ctx.t('vocs.col.treatment'), type: 'text' },
        { header: ctx.t('vocs.col.captured'), unit, type: 'number' },
        { header: ctx.t('report.vocs.removal'), unit: '%', type: 'number', decimals: 1 },
        { header: ctx.t('vocs.col.removed'), unit, type: 'number' },
        { header: ctx.t('report.vocs.organisedBalance'), unit, type: 'number' },
        { header: ctx.t('vocs.col.monitored'), unit, type: 'number' },
        { header: ctx.t('report.col.relative'), unit: '%', type: 'number', decimals: 1 },
        { header: ctx.t('report.col.tolerance'), unit: '%', type: 'exact' },
        { header: ctx.t('vocs.col.status'), type: 'text' },
      ],
      v.treatments.map((r) => [
        name(r),
        r.captured,
        pct(r.removalEfficiency),
        r.removed,
        r.organised,
        r.monitored,
        pct(r.relative),
        r.tolerancePct,
        ctx.t(`vocs.status.${r.status}`),
      ]),
    );
  }
  const balance: [string, number | null][] = [
    ['input', T.input],
    ['recoveredReused', T.recoveredReused],
    ['product', T.product],
    ['waste', T.waste],
    ['recoveredExported', T.recoveredExported],
    ['destroyed', T.destroyed],
    ['organised', T.organised],
    ['monitored', T.monitored],
    ['fugitive', T.fugitive],
    ['other', T.other],
    ['stockChange', T.stockChange],
    ['residual', T.residual],
  ];
  ch.table(
    ctx.t('report.vocs.balanceCaption'),
    [
      { header: ctx.t('vocs.col.item'), type: 'text' },
      { header: ctx.t('vocs.col.amount'), unit, type: 'number' },
    ],
    balance.filter(([, x]) => x !== null).map(([key, x]) => [ctx.t(`vocs.bal.${key}`), x]),
  );
  for (const p of v.perProduct)
    ch.paragraph(
      ctx.t('report.vocs.perProduct', {
        product: name(p),
        generated: p.generated === null ? '—' : Number(p.generated.toPrecision(4)),
        emitted: p.emitted === null ? '—' : Number(p.emitted.toPrecision(4)),
        per: p.perUnit,
      }),
    );
  const { graph, check } = ctx.results;
  if (graph && check) {
    const fig = sankeyFigure({ graph, result: check }, { layer: v.layer, level: 1, solvent: true }, { lang: ctx.lang });
    if (fig.view.links.length > 0) ch.figure(fig, ctx.t('report.vocs.figure'), `${v.layer}-solvent`);
  }
}
