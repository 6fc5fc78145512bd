import type { EnergyUse, EnergyUseRow } from '../../balance/types.ts';
import { carrier } from '../../data/carriers.ts';
import { coefficient } from '../../data/gb2589-2008.ts';
import { crossings } from '../../model/graph.ts';
import { cite, type ChapterBuilder, type ReportContext } from '../context.ts';
import type { Cell, Chapter } from '../document.ts';
import { layerReady, layerSection } from './balances.ts';

/**
 * Chapter 5 — the energy balance: the balance table in tce, the figures, the use of energy per
 * unit (GB/T 3484: supplied = effective + losses) and 综合能耗 in 当量值 and 等价值 with the
 * coefficient each carrier was converted by (GB/T 2589-2008, or a measured heating value).
 */
export function energyChapter(ctx: ReportContext): Chapter {
  const ch = ctx.chapter(5, 'energy');
  if (!layerReady(ctx, ch, 'energy')) return ch.done();
  layerSection(ctx, ch, 'energy');
  const check = ctx.results.check!;
  const used = check.balances.filter(
    (b) => b.layer === 'energy' && b.energy && (b.energy.losses > 0 || b.energy.effective > 0),
  );
  if (used.length > 0) {
    const unit = used[0]!.unit;
    ch.table(
      ctx.t('report.energy.useCaption'),
      [
        { header: ctx.t('report.col.unit'), type: 'text' },
        { header: ctx.t('report.col.suppliedEquivalent'), unit, type: 'number' },
        { header: ctx.t('report.col.suppliedEqual'), unit, type: 'number' },
        { header: ctx.t('report.col.effective'), unit, type: 'number' },
        { header: ctx.t('report.col.losses'), unit, type: 'number' },
        { header: ctx.t('report.col.residual'), unit, type: 'number' },
        { header: ctx.t('report.col.utilisation'), unit: '%', type: 'number', decimals: 1 },
      ],
      used.map((b) => [
        ctx.nodeName(b.node),
        b.in,
        b.energy!.inEqual,
        b.energy!.effective,
        b.energy!.losses,
        b.residual,
        b.energy!.utilisation === null ? null : b.energy!.utilisation * 100,
      ]),
      { notes: [ctx.t('report.energy.useNote')] },
    );
  }
  const uses = check.energyUse;
  for (const e of uses.filter((u) => u.level === 1)) comprehensive(ctx, ch, e);
  if (uses.length === 0) ch.lack(ctx.t('report.energy.noUse'));
  else perUnit(ctx, ch, uses);
  return ch.done();
}

/**
 * The 综合能耗 table of one enterprise: a row per carrier — received (physical and tce), sent out and
 * stock increase, consumption 当量值 and 等价值 — and the total (GB/T 2589: received − sent out − stock increase).
 */
function comprehensive(ctx: ReportContext, ch: ChapterBuilder, e: EnergyUse): void {
  const rows: Cell[][] = e.rows.map((r) => {
    const own = received(ctx, e.node, r);
    const k = coefficients(ctx, r, e);
    return [
      ctx.carrierName(r.carrier),
      own.value,
      own.unit,
      k.equivalent,
      k.equal,
      k.unit,
      r.received.equivalent,
      r.sentOut.equivalent + r.stockIncrease.equivalent,
      r.tceEquivalent,
      r.tceEqual,
      k.basis,
    ];
  });
  const totalRows = [rows.length];
  rows.push([
    ctx.t('report.energy.comprehensive'),
    null,
    '',
    null,
    null,
    '',
    e.received.equivalent,
    e.sentOut.equivalent + e.stockIncrease.equivalent,
    e.comprehensiveEquivalent,
    e.comprehensiveEqual,
    cite(e.definition),
  ]);
  ch.table(
    ctx.t('report.energy.comprehensiveCaption', { node: ctx.nodeName(e.node) }),
    [
      { header: ctx.t('report.col.carrier'), type: 'text' },
      { header: ctx.t('report.col.physical'), type: 'number' },
      { header: ctx.t('report.col.measureUnit'), type: 'text' },
      { header: ctx.t('report.col.coefEquivalent'), type: 'exact' },
      { header: ctx.t('report.col.coefEqual'), type: 'exact' },
      { header: ctx.t('report.col.coefUnit'), type: 'text' },
      { header: ctx.t('report.col.received'), unit: 'tce', type: 'number' },
      { header: ctx.t('report.col.sentOutStock'), unit: 'tce', type: 'number' },
      { header: ctx.t('report.col.tceEquivalent'), unit: 'tce', type: 'number' },
      { header: ctx.t('report.col.tceEqual'), unit: 'tce', type: 'number' },
      { header: ctx.t('report.col.basis'), type: 'text' },
    ],
    rows,
    {
      totalRows,
      notes: [
        ctx.t('report.energy.comprehensiveNote'),
        ...(e.equalValue.source === 'default'
          ? [ctx.t('report.energy.equalDefault', { value: e.equalValue.kgcePerKWh })]
          : []),
        ...(e.unknown.length > 0
          ? [ctx.t('report.energy.unknown', { flows: e.unknown.map((f) => ctx.flowLabel(f)).join('; ') })]
          : []),
      ],
    },
  );
}

/** 综合能耗 of every unit at every level. */
function perUnit(ctx: ReportContext, ch: ChapterBuilder, uses: EnergyUse[]): void {
  ch.table(
    ctx.t('report.energy.perUnitCaption'),
    [
      { header: ctx.t('report.col.unit'), type: 'text' },
      { header: ctx.t('report.col.level'), type: 'integer' },
      { header: ctx.t('report.col.received'), unit: 'tce', type: 'number' },
      { header: ctx.t('report.col.sentOut'), unit: 'tce', type: 'number' },
      { header: ctx.t('report.col.stockIncrease'), unit: 'tce', type: 'number' },
      { header: ctx.t('report.col.tceEquivalent'), unit: 'tce', type: 'number' },
      { header: ctx.t('report.col.tceEqual'), unit: 'tce', type: 'number' },
      { header: ctx.t('report.col.note'), type: 'text' },
    ],
    uses.map((u) => [
      ctx.nodeName(u.node),
      u.level,
      u.received.equivalent,
      u.sentOut.equivalent,
      u.stockIncrease.equivalent,
      u.comprehensiveEquivalent,
      u.comprehensiveEqual,
      u.unknown.length > 0
        ? ctx.t('report.balance.unknownNote', { flows: u.unknown.map((f) => ctx.flowLabel(f)).join('; ') })
        : '',
    ]),
    { notes: [ctx.t('report.energy.perUnitNote')] },
  );
}

/** Σ of the carrier's flows entering the unit, in their own unit when they share one (measured, else by difference). */
function received(ctx: ReportContext, node: string, r: EnergyUseRow): { value: number | null; unit: string } {
  const graph = ctx.results.graph!;
  const at = graph.nodeIndex.get(node)!;
  const flows = new Map(ctx.results.input.model.flows.map((f) => [f.id, f]));
  const derived = new Map((ctx.results.check?.derived ?? []).map((d) => [d.flow, d]));
  const ends = new Map(graph.flows.map((f) => [f.id, f]));
  let sum = 0;
  let unit: string | undefined;
  for (const id of r.flows) {
    const lf = ends.get(id);
    if (!lf || lf.stock || !crossings(graph, lf.from, lf.to).enters.includes(at)) continue;
    const f = flows.get(id);
    const d = derived.get(id);
    const v = f?.value ?? d?.ownValue;
    const u = f?.value !== undefined ? f.unit : d?.ownUnit;
    if (v === undefined || u === undefined || (unit !== undefined && u !== unit)) return { value: null, unit: '—' };
    unit = u;
    sum += v;
  }
  return { value: unit === undefined ? null : sum, unit: unit ?? '—' };
}

/** The coefficient a carrier was converted by: GB/T 2589 Annex A/B (kgce per unit), or the flows' measured LHV. */
function coefficients(
  ctx: ReportContext,
  r: EnergyUseRow,
  e: EnergyUse,
): { equivalent: number | null; equal: number | null; unit: string; basis: string } {
  const flows = new Map(ctx.results.input.model.flows.map((f) => [f.id, f]));
  const own = r.flows.map((id) => flows.get(id)).filter((f) => f !== undefined);
  const lhv = own.find((f) => f.lhv);
  if (lhv?.lhv) {
    return {
      equivalent: null,
      equal: null,
      unit: '',
      basis: ctx.t('report.energy.lhv', { value: lhv.lhv.value, unit: lhv.lhv.unit }),
    };
  }
  const c = carrier(r.carrier);
  const coef = c?.coefficient ? coefficient(c.coefficient) : undefined;
  if (!coef) return { equivalent: null, equal: null, unit: '', basis: ctx.t('report.energy.byContent') };
  // Working media are per kg in the data module; the standard writes them per t (新水 0.0857 kgce/t).
  const perTonne = coef.workingMedium === true && coef.per === 'kg';
  const per = perTonne ? 't' : coef.per === 'm3' ? 'm³' : coef.per;
  const kgce = perTonne ? Number((coef.kgce * 1000).toPrecision(6)) : coef.kgce;
  if (c?.id === 'electricity') {
    const equal = e.equalValue;
    return {
      equivalent: coef.kgce,
      equal: equal.kgcePerKWh,
      unit: `kgce/${per}`,
      basis: `${cite(coef.source)}; ${equal.default ? cite(equal.default) : ctx.t('report.appendix.fromModel')}`,
    };
  }
  return { equivalent: kgce, equal: kgce, unit: `kgce/${per}`, basis: cite(coef.source) };
}
