import { carrier } from '../../data/carriers.ts';
import {
  annualHours,
  closureTolerance,
  defaultRelativeSd,
  defaultRelativeSdSource,
  masterSubTolerances,
} from '../../data/cp-practice.ts';
import { masterSubToleranceFor } from '../../balance/tolerance.ts';
import { coefficient, electricityEqualValue, KJ_PER_KGCE, source as gb2589 } from '../../data/gb2589-2008.ts';
import { accuracyClassCoverageFactor } from '../../data/measurement.ts';
import { estimatedShareLimit, MIN_CAMPAIGN_HOURS, source as yunnan } from '../../data/yunnan-2007.ts';
import { isBaseLayer, WATER_DENSITY_KG_PER_M3 } from '../../model/layers.ts';
import { sourceOf } from '../../model/uncertainty.ts';
import { cite, type ChapterBuilder, type ReportContext } from '../context.ts';
import type { Cell, Chapter } from '../document.ts';

/**
 * Chapter 9 — appendix: every coefficient and factor the report used, each with its source and
 * provenance tag ([P] standard's own text, [C] faithful copy, [S] secondary, [U] unverified
 * default), the rule tables the metering verdict applied, and the assumptions.
 */
export function appendixChapter(ctx: ReportContext): Chapter {
  const ch = ctx.chapter(9, 'appendix');
  coefficientsTable(ctx, ch);
  ruleTable(ctx, ch);
  parametersTable(ctx, ch);
  ch.heading(ctx.t('report.appendix.assumptionsTitle'));
  ch.list(assumptions(ctx));
  return ch.done();
}

/** Standard-coal coefficients of the carriers the model's energy flows use. */
function coefficientsTable(ctx: ReportContext, ch: ChapterBuilder): void {
  const model = ctx.results.input.model;
  const energy = model.flows.filter((f) => f.layer === 'energy');
  const rows: Cell[][] = [[ctx.t('report.appendix.kgce'), KJ_PER_KGCE, 'kJ/kgce', cite({ ...gb2589, clause: '4.4' })]];
  const seen = new Set<string>();
  for (const f of energy) {
    if (f.lhv) {
      rows.push([
        ctx.t('report.appendix.lhvRow', { flow: ctx.flowLabel(f.id) }),
        f.lhv.value,
        f.lhv.unit,
        ctx.t('report.appendix.measured'),
      ]);
      continue;
    }
    const c = carrier(f.carrier);
    const coef = c?.coefficient ? coefficient(c.coefficient) : undefined;
    if (!coef || seen.has(coef.id)) continue;
    seen.add(coef.id);
    const perTonne = coef.workingMedium === true && coef.per === 'kg';
    rows.push([
      coef.label[ctx.lang],
      perTonne ? Number((coef.kgce * 1000).toPrecision(6)) : coef.kgce,
      `kgce/${perTonne ? 't' : coef.per === 'm3' ? 'm³' : coef.per}`,
      cite(coef.source),
    ]);
    if (c?.id === 'electricity') {
      const own = model.settings?.electricityEqualValue;
      rows.push([
        ctx.t('report.appendix.electricityEqual'),
        own ?? electricityEqualValue.kgcePerKWh,
        'kgce/kWh',
        own === undefined ? cite(electricityEqualValue.source) : ctx.t('report.appendix.fromModel'),
      ]);
    }
  }
  ch.table(
    ctx.t('report.appendix.coefficientsCaption'),
    [
      { header: ctx.t('report.col.item'), type: 'text' },
      { header: ctx.t('report.col.value'), type: 'exact' },
      { header: ctx.t('report.col.measureUnit'), type: 'text' },
      { header: ctx.t('report.col.source'), type: 'text' },
    ],
    rows,
    { notes: [ctx.t('report.appendix.tagsNote')] },
  );
}

/** The required coverage ratios of the rule tables the verdict applied (editions as chosen by the model). */
function ruleTable(ctx: ReportContext, ch: ChapterBuilder): void {
  const rules = ctx.results.metering?.rules;
  if (!rules) return;
  const rows: Cell[][] = [];
  for (const family of [rules.energy, rules.water, rules.material]) {
    for (const r of family.rows) {
      rows.push([
        `${family.table}`,
        r.label[ctx.lang],
        r.required[0] ?? null,
        r.required[1] ?? null,
        r.required[2] ?? null,
        cite(r.source),
      ]);
    }
  }
  ch.table(
    ctx.t('report.appendix.rulesCaption'),
    [
      { header: ctx.t('report.col.ruleTable'), type: 'text' },
      { header: ctx.t('report.col.row'), type: 'text' },
      { header: ctx.t('report.col.level1'), unit: '%', type: 'number', decimals: 0 },
      { header: ctx.t('report.col.level2'), unit: '%', type: 'number', decimals: 0 },
      { header: ctx.t('report.col.level3'), unit: '%', type: 'number', decimals: 0 },
      { header: ctx.t('report.col.source'), type: 'text' },
    ],
    rows,
    { notes: [ctx.t('report.appendix.rulesNote')] },
  );
}

/** Tolerances, uncertainty defaults and the other parameters, each with where it comes from. */
function parametersTable(ctx: ReportContext, ch: ChapterBuilder): void {
  const model = ctx.results.input.model;
  const settings = model.settings;
  const fromModel = ctx.t('report.appendix.fromModel');
  const rows: Cell[][] = [];
  for (const l of ctx.results.check?.layers ?? []) {
    const own = settings?.tolerance?.layers?.[l.layer] ?? settings?.tolerance?.default;
    const source =
      own !== undefined
        ? fromModel
        : cite(
            l.layer === 'water'
              ? closureTolerance.waterSource
              : l.layer === 'energy'
                ? closureTolerance.energySource
                : closureTolerance.materialSource,
          );
    rows.push([ctx.t('report.appendix.tolerance', { layer: ctx.layerName(l.layer) }), l.tolerancePct, '%', source]);
  }
  for (const row of masterSubTolerances) {
    const applied = masterSubToleranceFor(settings, row.layer, row.carrier ?? row.layer);
    const own = applied.source.standard === 'settings';
    rows.push([
      ctx.t('report.appendix.masterSub', {
        scope: row.carrier ? ctx.carrierName(row.carrier) : ctx.layerName(row.layer),
      }),
      applied.pct,
      '%',
      own ? fromModel : cite(row.source),
    ]);
  }
  for (const [kind, rel] of Object.entries(defaultRelativeSd)) {
    const own = (settings?.defaultRelativeSd as Record<string, number> | undefined)?.[kind];
    rows.push([
      ctx.t('report.appendix.relativeSd', { source: ctx.t(`report.source.${kind}`) }),
      (own ?? rel) * 100,
      '%',
      own !== undefined ? fromModel : cite(defaultRelativeSdSource),
    ]);
  }
  rows.push([
    ctx.t('report.appendix.coverageFactor'),
    accuracyClassCoverageFactor.k,
    '',
    cite(accuracyClassCoverageFactor.source),
  ]);
  rows.push([
    ctx.t('report.appendix.annualHours'),
    settings?.annualHours ?? annualHours.hours,
    'h',
    settings?.annualHours !== undefined ? fromModel : cite(annualHours.source),
  ]);
  rows.push([ctx.t('report.appendix.minCampaign'), MIN_CAMPAIGN_HOURS, 'h', cite({ ...yunnan, clause: '三' })]);
  rows.push([ctx.t('report.appendix.estimatedShare'), estimatedShareLimit.pct, '%', cite(estimatedShareLimit.source)]);
  rows.push([
    ctx.t('report.appendix.waterDensity'),
    WATER_DENSITY_KG_PER_M3,
    'kg/m³',
    ctx.t('report.appendix.physical'),
  ]);
  ch.table(
    ctx.t('report.appendix.parametersCaption'),
    [
      { header: ctx.t('report.col.item'), type: 'text' },
      { header: ctx.t('report.col.value'), type: 'exact' },
      { header: ctx.t('report.col.measureUnit'), type: 'text' },
      { header: ctx.t('report.col.source'), type: 'text' },
    ],
    rows,
  );
}

/** What the numbers rest on, in words. */
function assumptions(ctx: ReportContext): string[] {
  const model = ctx.results.input.model;
  const check = ctx.results.check;
  const out: string[] = [];
  const base = model.flows.filter((f) => isBaseLayer(f.layer));
  const estimated = base.filter((f) => ['estimated', 'design', 'calculated'].includes(sourceOf(f)));
  if (estimated.length > 0)
    out.push(
      ctx.t('report.assume.estimated', {
        count: estimated.length,
        total: base.length,
        flows: estimated.map((f) => ctx.flowLabel(f.id)).join('; '),
      }),
    );
  if (check && check.derived.length > 0)
    out.push(
      ctx.t('report.assume.derived', {
        count: check.derived.length,
        flows: check.derived.map((d) => ctx.flowLabel(d.flow)).join('; '),
      }),
    );
  if (model.flows.some((f) => f.components && Object.values(f.components).some((c) => c.concentration !== undefined)))
    out.push(ctx.t('report.assume.concentration'));
  out.push(
    check?.period.hours != null
      ? ctx.t('report.assume.period', { hours: Math.round(check.period.hours * 100) / 100 })
      : ctx.t('report.assume.noPeriod'),
  );
  out.push(ctx.t('report.assume.sd'));
  out.push(ctx.t('report.assume.tags'));
  return out;
}
