import { checkModel } from '../balance/check.ts';
import type { CheckResult, Finding, NodeBalance } from '../balance/types.ts';
import { buildGraph } from '../model/graph.ts';
import { campaignHours } from '../model/quantities.ts';
import {
  periodTimeline,
  stockLevels,
  type PeriodSpan,
  type PeriodTimeline,
  type StockLevels,
} from '../model/periods.ts';
import type { Model } from '../model/schema.ts';
import { calendarYear, periodModel } from './period-model.ts';

/**
 * Balances, stocks and indicators of every period of a multi-period model, the calendar-year
 * roll-ups of the accounting periods, and the campaigns apart from them (docs/periods.md).
 */

/** A balance row without its term lists (the per-period report shows many). */
export type CompactBalance = Pick<
  NodeBalance,
  'node' | 'level' | 'layer' | 'unit' | 'in' | 'out' | 'stockChange' | 'residual' | 'closure' | 'status' | 'unknown'
>;

/** The period's indicators, of the enterprise (the first root node). */
export interface PeriodIndicators {
  node: string | null;
  /**
   * 综合能耗 (GB/T 2589), tce, 当量值 and 等价值: energy entering − exported as product − the growth of the
   * energy stocks inside; null without an energy layer or with unknown inputs.
   */
  energyEquivalent: number | null;
  energyEqual: number | null;
  /** GB/T 12452 new water Vf and reuse rate R = Vr / (Vr + Vf), in the water layer's unit. */
  newWater: number | null;
  waterUnit: string | null;
  reuseRate: number | null;
  /** Per unit product, one row per product when the period makes exactly one product (else per output value only). */
  perProduct: { product: string; unit: string; output: number; energy: number | null; newWater: number | null }[];
  /** Per 万元 of output value, when every product gives it. */
  perOutputValue: { outputValue: number; energy: number | null; newWater: number | null } | null;
}

export interface StockRow extends StockLevels {
  id: string;
  name: string;
  nameEn?: string;
  unit: string;
}

export interface PeriodResult {
  id: string;
  label: string;
  labelEn?: string;
  kind: string;
  start: string;
  end: string;
  hours: number;
  calendarHours: number;
  /** Periods this result covers (one, or a year's accounting periods). */
  periods: string[];
  stocks: StockRow[];
  indicators: PeriodIndicators;
  balances: CompactBalance[];
  findings: Finding[];
  summary: CheckResult['summary'];
}

export interface YearResult extends PeriodResult {
  year: number;
  /** The accounting periods tile the whole calendar year. */
  complete: boolean;
}

export interface PeriodsResult {
  /** Accounting periods, in time order. */
  periods: PeriodResult[];
  /** One roll-up per calendar year the accounting periods start in. */
  years: YearResult[];
  /** Campaign periods (the 72 h measurement), kept apart from the accounts. */
  campaigns: PeriodResult[];
  summary: { periods: number; campaigns: number; open: number; ok: boolean };
}

/**
 * Indicators of a checked period model (see PeriodIndicators).
 *
 * @example
 * const { model } = parseModel(readFileSync('datasets/boiler-monthly.json'), 'b.json');
 * const january = periodModel(model, '2025-01');
 * const i = periodIndicators(january, checkModel(buildGraph(january)));
 * [roundTo(i.energyEquivalent, 2), i.newWater, i.waterUnit] // => [636.71, 33494, 't']
 */
export function periodIndicators(model: Model, check: CheckResult): PeriodIndicators {
  // energyUse lists every node, level 1 first; the enterprise is the first root.
  const energy = check.energyUse.find((u) => u.level === 1) ?? check.energyUse[0];
  const water = check.water[0];
  const waterKnown = water !== undefined && water.unknown.length === 0;
  // 综合能耗 as check gives it: received − sent out − stock increase (GB/T 2589; coal bought into a growing pile is not consumed).
  const e = energy?.comprehensiveEquivalent ?? null;
  const w = waterKnown ? water.newWater : null;
  const products = model.production ?? [];
  const per = (x: number | null, d: number) => (x === null || !(d > 0) ? null : x / d);
  const valued = products.length > 0 && products.every((p) => p.outputValue !== undefined);
  const outputValue = products.reduce((a, p) => a + (p.outputValue ?? 0), 0);
  return {
    node: energy?.node ?? water?.node ?? null,
    energyEquivalent: e,
    energyEqual: energy?.comprehensiveEqual ?? null,
    newWater: w,
    waterUnit: water?.unit ?? null,
    reuseRate: water?.reuseRate ?? null,
    perProduct:
      products.length === 1
        ? products.map((p) => ({
            product: p.id,
            unit: p.unit,
            output: p.output,
            energy: per(e, p.output),
            newWater: per(w, p.output),
          }))
        : [],
    perOutputValue: valued ? { outputValue, energy: per(e, outputValue), newWater: per(w, outputValue) } : null,
  };
}

/** A balance row without its term lists. */
export function compactBalance(b: NodeBalance): CompactBalance {
  const { node, level, layer, unit, in: i, out, stockChange, residual, closure, status, unknown } = b;
  return { node, level, layer, unit, in: i, out, stockChange, residual, closure, status, unknown };
}

/** Checks one derived single-period model and gathers its report. */
function resultOf(pm: Model, ids: string[], spans: PeriodSpan[], stocks: StockRow[]): PeriodResult {
  const check = checkModel(buildGraph(pm));
  const period = pm.period!;
  return {
    id: ids.length === 1 ? ids[0]! : `${ids[0]}..${ids[ids.length - 1]}`,
    label: period.label ?? ids.join('..'),
    ...(period.labelEn ? { labelEn: period.labelEn } : {}),
    kind: period.kind ?? 'other',
    start: period.start!,
    end: period.end!,
    hours: pm.settings!.periodHours!,
    calendarHours: spans.reduce((a, s) => a + s.calendarHours, 0),
    periods: ids,
    stocks,
    indicators: periodIndicators(pm, check),
    balances: check.balances.map(compactBalance),
    findings: check.findings,
    summary: check.summary,
  };
}

function stockRows(model: Model, levels: Map<string, StockLevels>): StockRow[] {
  return (model.stocks ?? []).map((s) => {
    const l = levels.get(s.id) ?? { opening: undefined, closing: undefined, change: undefined };
    const unit = model.flows.find((f) => f.id === s.flows[0])?.unit ?? '';
    return {
      id: s.id,
      name: s.name ?? s.id,
      ...(s.nameEn ? { nameEn: s.nameEn } : {}),
      unit,
      opening: l.opening,
      closing: l.closing,
      change: l.change,
    };
  });
}

/** Stocks over a run of periods: the first opening, the last closing, the summed change. */
function stockRowsOver(model: Model, run: Map<string, StockLevels>[]): StockRow[] {
  return stockRows(
    model,
    new Map(
      (model.stocks ?? []).map((s) => {
        const first = run[0]!.get(s.id);
        const last = run[run.length - 1]!.get(s.id);
        let change: number | undefined = 0;
        for (const l of run)
          change =
            change === undefined || l.get(s.id)?.change === undefined ? undefined : change + l.get(s.id)!.change!;
        return [s.id, { opening: first?.opening, closing: last?.closing, change }];
      }),
    ),
  );
}

/**
 * Every period's balances and indicators, the calendar-year roll-ups (only accounting periods:
 * a campaign is never added into the year) and the campaigns.
 * Throws InputError when a period's figures make an invalid model.
 *
 * @example
 * // the boiler house's twelve months of 2025
 * periodBalances(parseModel(readFileSync('datasets/boiler-monthly.json'), 'boiler-monthly.json').model).periods.length // => 12
 */
export function periodBalances(model: Model, file = 'model.json'): PeriodsResult {
  const timeline: PeriodTimeline = periodTimeline(model);
  const { levels } = stockLevels(model, timeline);
  const periods = model.periods ?? [];
  const one = (k: number) =>
    resultOf(
      periodModel(model, periods[k]!.id, { file, timeline, levels }),
      [periods[k]!.id],
      [timeline.spans[k]!],
      stockRows(model, levels[k]!),
    );
  const accounting = timeline.accounting.map(one);
  const campaigns = timeline.campaigns.map(one);
  const own = ownCampaign(model);
  if (own && campaigns.length === 0) campaigns.push(own);
  const years: YearResult[] = [];
  for (const run of yearRuns(timeline)) {
    const ids = run.map((k) => periods[k]!.id);
    const pm = periodModel(model, { from: ids[0]!, to: ids[ids.length - 1]! }, { file, timeline, levels });
    const spans = run.map((k) => timeline.spans[k]!);
    const r = resultOf(
      pm,
      ids,
      spans,
      stockRowsOver(
        model,
        run.map((k) => levels[k]!),
      ),
    );
    const cal = calendarYear(spans[0]!.start, timeline.zone);
    const end = spans[spans.length - 1]!.end;
    const endYear = calendarYear(end, timeline.zone);
    const complete = cal.startsYear && endYear.startsYear && endYear.year === cal.year + 1;
    years.push({ ...r, year: cal.year, complete });
  }
  const open = accounting.concat(campaigns).filter((r) => !r.summary.ok).length;
  return {
    periods: accounting,
    years,
    campaigns,
    summary: { periods: accounting.length, campaigns: campaigns.length, open, ok: open === 0 },
  };
}

/**
 * The model's own figures when they are a campaign's (a `campaign` and measured values beside the
 * periods): the 72 h measurement, reported apart from the accounts.
 */
function ownCampaign(model: Model): PeriodResult | undefined {
  const hours = campaignHours(model.campaign);
  if (hours === undefined || !model.flows.some((f) => f.value !== undefined)) return undefined;
  const { periods: _p, stocks: _s, ...single } = model;
  const check = checkModel(buildGraph(single));
  return {
    id: 'campaign',
    label: model.period?.label ?? '测试期',
    labelEn: model.period?.labelEn ?? 'campaign',
    kind: 'campaign',
    start: model.campaign!.start,
    end: model.campaign!.end,
    hours: model.settings?.periodHours ?? hours,
    calendarHours: hours,
    periods: [],
    stocks: [],
    indicators: periodIndicators(single, check),
    balances: check.balances.map(compactBalance),
    findings: check.findings,
    summary: check.summary,
  };
}

/** The accounting periods grouped by the calendar year they start in (time order). */
function yearRuns(timeline: PeriodTimeline): number[][] {
  const runs = new Map<number, number[]>();
  for (const k of timeline.accounting) {
    const y = calendarYear(timeline.spans[k]!.start, timeline.zone).year;
    if (!runs.has(y)) runs.set(y, []);
    runs.get(y)!.push(k);
  }
  return [...runs.values()];
}
