import type { NodeBalance } from '../../balance/types.ts';
import { LEVELS } from '../../data/gb17167-2006.ts';
import { isBaseLayer } from '../../model/layers.ts';
import type { SankeyViewSpec } from '../../sankey/view.ts';
import type { ChapterBuilder, ReportContext } from '../context.ts';
import type { Cell, Chapter } from '../document.ts';
import { reportFigure } from './figures.ts';
import { vocsSection } from './vocs.ts';
import { percentText } from '../../util/percent.ts';

/**
 * The balance chapters' common parts: the balance table of a layer (one row per unit and level:
 * in, out, Δstock, residual, closure against tolerance), the in/out detail of the enterprise and
 * the audit focus, master–sub meters, and the Sankey figures of the enterprise and the audit focus.
 * Chapter 3 (material) and chapter 6 (pollutant factors) are made here; water and energy add
 * their indicators in water.ts and energy.ts.
 */

/** Chapter 3: the material balance. */
export function materialChapter(ctx: ReportContext): Chapter {
  const ch = ctx.chapter(3, 'material');
  if (!layerReady(ctx, ch, 'material')) return ch.done();
  layerSection(ctx, ch, 'material');
  return ch.done();
}

/** Chapter 6: one table and one diagram per pollutant factor (component layer). */
export function componentsChapter(ctx: ReportContext): Chapter {
  const ch = ctx.chapter(6, 'components');
  const check = ctx.results.check;
  if (!check) {
    ch.lack(ctx.t('report.noBalances', { reason: failure(ctx) }));
    return ch.done();
  }
  const components = check.layers.map((l) => l.layer).filter((l) => !isBaseLayer(l));
  if (components.length === 0) {
    ch.lack(ctx.t('report.components.none'));
    return ch.done();
  }
  components.forEach((layer, i) => {
    ch.heading(`${ch.number}.${i + 1} ${ctx.layerName(layer)}`);
    layerSection(ctx, ch, layer, { focusFigures: false, details: false });
    if (check.vocs?.layer === layer) vocsSection(ctx, ch, check.vocs);
  });
  return ch.done();
}

function failure(ctx: ReportContext): string {
  return ctx.results.failures.find((f) => f.part === 'balances')?.message ?? '—';
}

/** False (with the gap recorded) when the balances failed or the model has no such layer. */
export function layerReady(ctx: ReportContext, ch: ChapterBuilder, layer: string): boolean {
  const check = ctx.results.check;
  if (!check) {
    ch.lack(ctx.t('report.noBalances', { reason: failure(ctx) }));
    return false;
  }
  if (!check.layers.some((l) => l.layer === layer)) {
    ch.lack(ctx.t('report.noLayer', { layer: ctx.layerName(layer) }));
    return false;
  }
  return true;
}

/** A layer's table, detail tables, master–sub rows and figures. */
export function layerSection(
  ctx: ReportContext,
  ch: ChapterBuilder,
  layer: string,
  options: { focusFigures?: boolean; details?: boolean } = {},
): void {
  const check = ctx.results.check!;
  const info = check.layers.find((l) => l.layer === layer)!;
  const rows = check.balances.filter((b) => b.layer === layer);
  const name = ctx.layerName(layer);
  balanceTable(ctx, ch, rows, name, info.unit);
  const notClosed = rows.filter((b) => b.status === 'open' || b.status === 'indeterminate');
  for (const b of notClosed) {
    const text =
      b.status === 'open'
        ? ctx.t('report.balance.open', {
            node: ctx.nodeName(b.node),
            closure: percentText(b.closure, 1),
            tolerance: b.tolerancePct,
          })
        : ctx.t('report.balance.indeterminate', {
            node: ctx.nodeName(b.node),
            flows: b.unknown.map((f) => ctx.flowLabel(f)).join('; '),
          });
    if (b.status === 'indeterminate') ctx.lack(`${ch.number} ${ch.title}`, text);
    ch.paragraph(text, 'warning');
    if (b.status === 'open' && b.contributors.length > 0)
      ch.paragraph(
        ctx.t('report.balance.culprits', {
          list: b.contributors
            .slice(0, 3)
            .map((c) => ctx.flowLabel(c.flow))
            .join('; '),
        }),
        'note',
      );
  }
  if (options.details !== false) {
    for (const b of detailBalances(ctx, rows)) detailTable(ctx, ch, b, name);
  }
  masterSub(ctx, ch, layer);
  figures(ctx, ch, layer, options.focusFigures !== false);
}

function balanceTable(ctx: ReportContext, ch: ChapterBuilder, rows: NodeBalance[], layerName: string, unit: string) {
  const body: Cell[][] = rows.map((b) => [
    ctx.nodeName(b.node),
    b.level,
    b.in,
    b.out,
    b.stockChange,
    b.residual,
    b.closure === null ? null : b.closure * 100,
    b.tolerancePct,
    ctx.t(`status.${b.status}`),
    b.unknown.length > 0
      ? ctx.t('report.balance.unknownNote', { flows: b.unknown.map((f) => ctx.flowLabel(f)).join('; ') })
      : b.derived.length > 0
        ? ctx.t('report.balance.derivedNote', { flows: b.derived.map((f) => ctx.flowLabel(f)).join('; ') })
        : '',
  ]);
  ch.table(
    ctx.t('report.balance.caption', { layer: layerName }),
    [
      { header: ctx.t('report.col.unit'), type: 'text' },
      { header: ctx.t('report.col.level'), type: 'integer' },
      { header: ctx.t('report.col.in'), unit, type: 'number' },
      { header: ctx.t('report.col.out'), unit, type: 'number' },
      { header: ctx.t('report.col.stock'), unit, type: 'number' },
      { header: ctx.t('report.col.residual'), unit, type: 'number' },
      { header: ctx.t('report.col.closure'), unit: '%', type: 'number', decimals: 2 },
      { header: ctx.t('report.col.tolerance'), unit: '%', type: 'number', significant: 2 },
      { header: ctx.t('report.col.status'), type: 'text' },
      { header: ctx.t('report.col.note'), type: 'text' },
    ],
    body,
    { notes: [ctx.t('report.balance.note')] },
  );
}

/** The enterprise (level-1 roots) and the audit-focus units get their inputs and outputs flow by flow. */
function detailBalances(ctx: ReportContext, rows: NodeBalance[]): NodeBalance[] {
  const focus = new Set(ctx.results.input.model.nodes.filter((n) => n.auditFocus).map((n) => n.id));
  return rows.filter((b) => b.level === 1 || focus.has(b.node));
}

function detailTable(ctx: ReportContext, ch: ChapterBuilder, b: NodeBalance, layerName: string): void {
  const throughput = b.in + b.out;
  const row = (direction: string, term: NodeBalance['inputs'][number]): Cell[] => [
    direction,
    ctx.flowLabel(term.flow),
    ctx.carrierName(term.carrier),
    term.value,
    term.derivedAt !== undefined ? ctx.t('report.source.derived') : ctx.t(`report.source.${term.source}`),
    term.value === null || throughput === 0 ? null : (100 * Math.abs(term.value)) / throughput,
  ];
  const body: Cell[][] = [
    ...b.inputs.map((term) => row(ctx.t('report.direction.in'), term)),
    ...b.outputs.map((term) => row(ctx.t('report.direction.out'), term)),
    ...b.stock.map((term) => row(ctx.t('report.direction.stock'), term)),
  ];
  const totals: Cell[][] = [
    [ctx.t('report.balance.totalIn'), '', '', b.in, '', null],
    [ctx.t('report.balance.totalOut'), '', '', b.out, '', null],
    [ctx.t('report.balance.residual'), '', '', b.residual, '', b.closure === null ? null : b.closure * 100],
  ];
  ch.table(
    ctx.t('report.balance.detailCaption', { node: ctx.nodeName(b.node), layer: layerName }),
    [
      { header: ctx.t('report.col.direction'), type: 'text' },
      { header: ctx.t('report.col.flow'), type: 'text' },
      { header: ctx.t('report.col.carrier'), type: 'text' },
      { header: ctx.t('report.col.amount'), unit: b.unit, type: 'number' },
      { header: ctx.t('report.col.source'), type: 'text' },
      { header: ctx.t('report.col.share'), unit: '%', type: 'number', decimals: 1 },
    ],
    [...body, ...totals],
    {
      totalRows: totals.map((_, i) => body.length + i),
      notes: [ctx.t('report.balance.shareNote')],
    },
  );
}

function masterSub(ctx: ReportContext, ch: ChapterBuilder, layer: string): void {
  const rows = ctx.results.check!.masterSub.filter((m) => m.layer === layer);
  if (rows.length === 0) return;
  ch.table(
    ctx.t('report.masterSub.caption', { layer: ctx.layerName(layer) }),
    [
      { header: ctx.t('report.col.unit'), type: 'text' },
      { header: ctx.t('report.col.carrier'), type: 'text' },
      { header: ctx.t('report.col.master'), type: 'number' },
      { header: ctx.t('report.col.subs'), type: 'number' },
      { header: ctx.t('report.col.difference'), type: 'number' },
      { header: ctx.t('report.col.measureUnit'), type: 'text' },
      { header: ctx.t('report.col.relative'), unit: '%', type: 'number', decimals: 1 },
      { header: ctx.t('report.col.tolerance'), unit: '%', type: 'number', significant: 2 },
      { header: ctx.t('report.col.result'), type: 'text' },
    ],
    rows.map((m) => [
      ctx.nodeName(m.node),
      ctx.carrierName(m.carrier),
      m.master,
      m.subs,
      m.difference,
      m.unit,
      m.relative === null ? null : m.relative * 100,
      m.tolerancePct,
      ctx.t(`status.${m.status}`),
    ]),
  );
}

/** The enterprise figure (by workshop where there are workshops) and one per audit-focus unit. */
function figures(ctx: ReportContext, ch: ChapterBuilder, layer: string, focus: boolean): void {
  const { graph, check } = ctx.results;
  if (!graph || !check) return;
  const levels = new Set(graph.nodes.map((n) => n.level));
  const name = ctx.layerName(layer);
  const draw = (spec: SankeyViewSpec, caption: string, slug: string) => reportFigure(ctx, ch, spec, caption, slug);
  draw({ layer, level: levels.has(2) ? 2 : 1 }, ctx.t('report.figure.enterprise', { layer: name }), `${layer}-plant`);
  if (!focus) return;
  for (const n of graph.nodes) {
    if (!n.auditFocus) continue;
    const i = graph.nodeIndex.get(n.id)!;
    // One level down (LEVELS[level] is the level after `level`), at most the deepest.
    const deeper = graph.children[i]!.length > 0 ? LEVELS[Math.min(LEVELS.length - 1, n.level)]! : n.level;
    draw(
      { layer, level: deeper, root: n.id },
      ctx.t('report.figure.focus', { node: ctx.nodeName(n.id), layer: name }),
      `${layer}-focus-${n.id}`,
    );
  }
}
