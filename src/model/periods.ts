import { issue, type InputIssue } from './issues.ts';
import type { Flow, Model, PeriodEntry, PeriodValue } from './schema.ts';
import { DEFAULT_TIMEZONE, MS_PER_HOUR, parseIsoInZone } from './time.ts';

/**
 * The time line of a multi-period model (docs/periods.md): each period's instants, the accounting
 * periods in order (every kind but `campaign`, which must tile time without gap or overlap), the
 * campaigns kept apart, and the stock levels carried from one accounting period to the next.
 */

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export interface PeriodSpan {
  /** Index in model.periods. */
  index: number;
  id: string;
  /** UTC ms; a date-only start is 00:00 of that day in the plant's zone. */
  start: number;
  /** UTC ms, exclusive; a date-only end is inclusive, so its instant is 00:00 of the next day. */
  end: number;
  campaign: boolean;
  /** end − start in hours. */
  calendarHours: number;
  /** Operating hours: `hours`, else calendar hours. */
  hours: number;
}

export interface PeriodTimeline {
  zone: string;
  /** Every period, in model order. */
  spans: PeriodSpan[];
  /** Indices into `spans` of the accounting periods, by start. */
  accounting: number[];
  /** Indices into `spans` of the campaign periods, in model order. */
  campaigns: number[];
}

/** The zone period dates are read in: the campaign's, else Asia/Shanghai. */
export function periodZone(model: Pick<Model, 'campaign'>): string {
  return model.campaign?.timezone ?? DEFAULT_TIMEZONE;
}

/**
 * A period bound as a UTC instant. A date-only start is the day's 00:00; a date-only end counts
 * the whole day (the ledger's 1月1日至1月31日), so it is 00:00 of the next day.
 *
 * @example
 * // the end of 31 January in Beijing is 1 February 00:00 +08:00 = 31 January 16:00 UTC
 * new Date(periodInstant('2025-01-31', 'Asia/Shanghai', true)).toISOString() // => '2025-01-31T16:00:00.000Z'
 */
export function periodInstant(text: string, zone: string, isEnd: boolean): number {
  if (DATE_ONLY.test(text)) {
    const day = parseIsoInZone(`${text}T00:00:00`, zone);
    return isEnd ? parseIsoInZone(nextDay(text), zone) : day;
  }
  return parseIsoInZone(text, zone);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return `${d.toISOString().slice(0, 10)}T00:00:00`;
}

/**
 * Spans of every period; the accounting ones sorted by start. Unreadable dates give NaN instants.
 *
 * @example
 * // a model without periods (one campaign) has an empty timeline
 * periodTimeline(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model) // => { zone: 'Asia/Shanghai', spans: [], accounting: [], campaigns: [] }
 */
export function periodTimeline(model: Pick<Model, 'campaign' | 'periods'>): PeriodTimeline {
  const zone = periodZone(model);
  const spans: PeriodSpan[] = (model.periods ?? []).map((p, index) => {
    const start = periodInstant(p.start, zone, false);
    const end = periodInstant(p.end, zone, true);
    const calendarHours = (end - start) / MS_PER_HOUR;
    return {
      index,
      id: p.id,
      start,
      end,
      campaign: p.kind === 'campaign',
      calendarHours,
      hours: p.hours ?? calendarHours,
    };
  });
  const accounting = spans
    .filter((s) => !s.campaign)
    .sort((a, b) => a.start - b.start || a.index - b.index)
    .map((s) => s.index);
  const campaigns = spans.filter((s) => s.campaign).map((s) => s.index);
  return { zone, spans, accounting, campaigns };
}

/** The number in a period figure (undefined when the figure gives only σ or components). */
export function periodNumber(v: PeriodValue | undefined): number | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'number' ? v : v.value;
}

export interface StockLevels {
  /** Level at the start of the period, in the stock flows' unit; undefined when unknown. */
  opening: number | undefined;
  closing: number | undefined;
  /** closing − opening (+ = the stock grew). */
  change: number | undefined;
}

/**
 * +1 when a stock flow's value is the level change closing − opening (node → outside: accumulation),
 * −1 for a draw-down flow (outside → node), whose value is opening − closing.
 */
export function stockSign(flow: Pick<Flow, 'to'>): 1 | -1 {
  return flow.to === null ? 1 : -1;
}

/** Levels equal to within rounding of the ledger (relative 10⁻⁶ of the larger level, at least 10⁻⁹). */
function sameLevel(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(1e-9, 1e-6 * Math.max(Math.abs(a), Math.abs(b)));
}

/**
 * Every stock's opening and closing level in every period. Along the accounting periods the
 * closing level of one is the opening of the next (starting from `stock.opening`); a period that
 * gives no closing level but the stock flow's value carries opening ± value forward. A campaign
 * has only the levels it states. Disagreements (an opening that is not the previous closing, a
 * stock flow's value that is not the levels' difference) are returned as located issues.
 *
 * @example
 * const { model } = parseModel(readFileSync('datasets/boiler-monthly.json'), 'boiler-monthly.json');
 * const s = stockLevels(model, periodTimeline(model));
 * [s.levels.length, s.issues] // => [12, []]
 */
export function stockLevels(
  model: Pick<Model, 'flows' | 'stocks' | 'periods' | 'campaign'>,
  timeline: PeriodTimeline = periodTimeline(model),
): { levels: Map<string, StockLevels>[]; issues: InputIssue[] } {
  const periods = model.periods ?? [];
  const levels: Map<string, StockLevels>[] = periods.map(() => new Map());
  const issues: InputIssue[] = [];
  const flowById = new Map(model.flows.map((f) => [f.id, f]));
  for (const stock of model.stocks ?? []) {
    const flows = stock.flows.filter((id) => flowById.get(id)?.stock);
    const step = (k: number, carried: number | undefined): number | undefined => {
      const p = periods[k]!;
      const entry = p.stocks?.[stock.id];
      let opening = carried;
      let closing: number | undefined;
      if (typeof entry === 'number') closing = entry;
      else if (entry !== undefined) {
        closing = entry.closing;
        if (entry.opening !== undefined) {
          if (opening !== undefined && !sameLevel(opening, entry.opening))
            issues.push(
              issue(['periods', k, 'stocks', stock.id, 'opening'], 'periods.stockCarry', {
                stock: stock.id,
                opening: entry.opening,
                closing: opening,
              }),
            );
          opening = entry.opening;
        }
      }
      // Level changes the period states through the stock flows' own figures.
      const stated = flows
        .map((id) => ({ id, v: periodNumber(p.values?.[id]) }))
        .filter((x): x is { id: string; v: number } => x.v !== undefined)
        .map((x) => ({ id: x.id, given: x.v, change: stockSign(flowById.get(x.id)!) * x.v }));
      let change: number | undefined;
      if (opening !== undefined && closing !== undefined) change = closing - opening;
      else if (stated.length > 0) {
        change = stated[0]!.change;
        if (opening !== undefined) closing = opening + change;
        else if (closing !== undefined) opening = closing - change;
      }
      if (change !== undefined)
        for (const s of stated)
          if (!sameLevel(s.change, change))
            issues.push(
              issue(['periods', k, 'values', s.id], 'periods.stockChange', {
                flow: s.id,
                value: s.given,
                change: round9(stockSign(flowById.get(s.id)!) * change),
              }),
            );
      levels[k]!.set(stock.id, { opening, closing, change });
      return closing;
    };
    let level = stock.opening;
    for (const k of timeline.accounting) level = step(k, level);
    for (const k of timeline.campaigns) step(k, undefined);
  }
  return { levels, issues };
}

const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

/**
 * What the schema cannot check of `stocks` and `periods`: ids, references, dates, the tiling of
 * the accounting periods (no gap, no overlap), stock carry-over, negative figures, production.
 */
export function validatePeriods(model: Model, flowAt: Map<string, number>): InputIssue[] {
  const issues: InputIssue[] = [];
  const stockAt = new Map<string, number>();
  const stockOfFlow = new Map<string, string>();
  (model.stocks ?? []).forEach((s, i) => {
    if (stockAt.has(s.id)) issues.push(issue(['stocks', i, 'id'], 'periods.stockDuplicate', { id: s.id }));
    else stockAt.set(s.id, i);
    const units = new Set<string>();
    s.flows.forEach((id, j) => {
      const at = ['stocks', i, 'flows', j];
      const fi = flowAt.get(id);
      if (fi === undefined) issues.push(issue(at, 'periods.stockUnknownFlow', { id }));
      else if (!model.flows[fi]!.stock) issues.push(issue(at, 'periods.stockNotStock', { id }));
      else if (stockOfFlow.has(id))
        issues.push(issue(at, 'periods.stockFlowTwice', { id, other: stockOfFlow.get(id)! }));
      else {
        stockOfFlow.set(id, s.id);
        units.add(model.flows[fi]!.unit);
        if (units.size > 1) issues.push(issue(at, 'periods.stockUnits', { id, units: [...units].join(', ') }));
      }
    });
  });
  const periods = model.periods ?? [];
  if (periods.length === 0) return issues;
  const timeline = periodTimeline(model);
  const seen = new Map<string, number>();
  periods.forEach((p, k) => {
    const at = (...rest: (string | number)[]) => ['periods', k, ...rest];
    if (seen.has(p.id))
      issues.push(issue(at('id'), 'periods.duplicate', { id: p.id, first: `periods[${seen.get(p.id)}]` }));
    else seen.set(p.id, k);
    const span = timeline.spans[k]!;
    if (Number.isNaN(span.start)) issues.push(issue(at('start'), 'periods.badTime', { value: p.start }));
    if (Number.isNaN(span.end)) issues.push(issue(at('end'), 'periods.badTime', { value: p.end }));
    if (!(span.end > span.start))
      issues.push(issue(at('end'), 'periods.order', { id: p.id, start: p.start, end: p.end }));
    else if (p.hours !== undefined && p.hours > span.calendarHours + 1e-9)
      issues.push(
        issue(at('hours'), 'periods.hoursLong', { id: p.id, hours: p.hours, calendar: span.calendarHours }, 'warning'),
      );
    for (const [flowId, v] of Object.entries(p.values ?? {})) {
      const fi = flowAt.get(flowId);
      if (fi === undefined) {
        issues.push(issue(at('values', flowId), 'periods.unknownFlow', { id: flowId }));
        continue;
      }
      const value = periodNumber(v);
      if (value !== undefined && value < 0 && !model.flows[fi]!.stock)
        issues.push(issue(at('values', flowId), 'flow.negative', { value }));
    }
    for (const stockId of Object.keys(p.stocks ?? {}))
      if (!stockAt.has(stockId)) issues.push(issue(at('stocks', stockId), 'periods.unknownStock', { id: stockId }));
    checkPeriodProduction(p, at, flowAt, issues);
  });
  checkTiling(model, timeline, issues);
  checkProductUnits(model, issues);
  issues.push(...stockLevels(model, timeline).issues);
  return issues;
}

/** Consecutive accounting periods must meet: the next starts where the previous ends. */
function checkTiling(model: Model, timeline: PeriodTimeline, issues: InputIssue[]): void {
  const periods = model.periods!;
  const { spans, accounting } = timeline;
  for (let i = 1; i < accounting.length; i++) {
    const prev = spans[accounting[i - 1]!]!;
    const cur = spans[accounting[i]!]!;
    if ([prev.start, prev.end, cur.start, cur.end].some(Number.isNaN) || !(prev.end > prev.start)) continue;
    if (cur.start === prev.end) continue;
    const params = {
      id: cur.id,
      previous: prev.id,
      start: periods[cur.index]!.start,
      end: periods[prev.index]!.end,
      hours: Math.round((Math.abs(cur.start - prev.end) / MS_PER_HOUR) * 100) / 100,
    };
    issues.push(
      issue(['periods', cur.index, 'start'], cur.start < prev.end ? 'periods.overlap' : 'periods.gap', params),
    );
  }
}

function checkPeriodProduction(
  p: PeriodEntry,
  at: (...rest: (string | number)[]) => (string | number)[],
  flowAt: Map<string, number>,
  issues: InputIssue[],
): void {
  const ids = new Map<string, number>();
  (p.production ?? []).forEach((prod, i) => {
    const first = ids.get(prod.id);
    if (first !== undefined)
      issues.push(
        issue(at('production', i, 'id'), 'product.duplicate', { id: prod.id, first: `production[${first}]` }),
      );
    else ids.set(prod.id, i);
    if (!(prod.output > 0 && Number.isFinite(prod.output)))
      issues.push(issue(at('production', i, 'output'), 'product.output', { id: prod.id, value: prod.output }));
    if (prod.outputValue !== undefined && !(prod.outputValue >= 0 && Number.isFinite(prod.outputValue)))
      issues.push(
        issue(at('production', i, 'outputValue'), 'product.outputValue', { id: prod.id, value: prod.outputValue }),
      );
    if (prod.flow !== undefined && !flowAt.has(prod.flow))
      issues.push(issue(at('production', i, 'flow'), 'product.unknownFlow', { id: prod.flow }));
  });
}

/** A product keeps its unit in every period (and at the top), so periods can be added up and compared. */
function checkProductUnits(model: Model, issues: InputIssue[]): void {
  const unitOf = new Map((model.production ?? []).map((p) => [p.id, p.unit]));
  (model.periods ?? []).forEach((period, k) => {
    (period.production ?? []).forEach((prod, i) => {
      const unit = unitOf.get(prod.id);
      if (unit === undefined) unitOf.set(prod.id, prod.unit);
      else if (unit !== prod.unit)
        issues.push(
          issue(['periods', k, 'production', i, 'unit'], 'periods.productUnit', {
            id: prod.id,
            unit: prod.unit,
            other: unit,
          }),
        );
    });
  });
}
