import { InputError, issue, type InputIssue, type PathSegment } from '../model/issues.ts';
import {
  periodNumber,
  periodTimeline,
  stockLevels,
  stockSign,
  type PeriodTimeline,
  type StockLevels,
} from '../model/periods.ts';
import {
  SOURCES,
  type Component,
  type Flow,
  type Model,
  type PeriodEntry,
  type Product,
  type Source,
} from '../model/schema.ts';
import { MS_PER_HOUR, zoneOffsetMinutes } from '../model/time.ts';
import { validateModel } from '../model/validate.ts';
import { parseUnit } from '../units/units.ts';

/**
 * One period, or a run of consecutive accounting periods, of a multi-period model as an ordinary
 * single-period model — what `check`, `reconcile`, `depth` and the results' `compare` take
 * (docs/periods.md). This is the contract between the monthly 台账 and everything else.
 */

/** A period id, or an inclusive run of accounting periods by their ids. */
export type PeriodSelection = string | { from: string; to: string };

/**
 * A selection as written on the command line (`--before-period`, `--after-period`): one period id,
 * or an inclusive run `FROM..TO`.
 * @example
 * parsePeriodSelection('2025-01..2025-06')
 * // => { from: '2025-01', to: '2025-06' }
 */
export function parsePeriodSelection(text: string): PeriodSelection {
  const [from, to] = text.split('..');
  return to === undefined ? from! : { from: from!, to };
}

/**
 * The chronological indices (into model.periods) a selection names; throws a located InputError.
 *
 * @example
 * const { model } = parseModel(readFileSync('datasets/boiler-monthly.json'), 'boiler-monthly.json');
 * selectPeriods(model, { from: '2025-01', to: '2025-03' }, 'boiler-monthly.json') // => [0, 1, 2]
 */
export function selectPeriods(
  model: Model,
  sel: PeriodSelection,
  file = 'model.json',
  timeline: PeriodTimeline = periodTimeline(model),
): number[] {
  const periods = model.periods ?? [];
  const fail = (code: string, params: Record<string, string>): never => {
    throw new InputError(file, [issue(['periods'], code, params)]);
  };
  if (periods.length === 0) fail('periods.none', {});
  const indexOf = (id: string) => {
    const k = periods.findIndex((p) => p.id === id);
    if (k < 0) fail('periods.unknownPeriod', { id, ids: periods.map((p) => p.id).join(', ') });
    return k;
  };
  if (typeof sel === 'string') return [indexOf(sel)];
  const a = indexOf(sel.from);
  const b = indexOf(sel.to);
  if (a === b) return [a];
  for (const k of [a, b]) if (periods[k]!.kind === 'campaign') fail('periods.rangeCampaign', { id: periods[k]!.id });
  const ia = timeline.accounting.indexOf(a);
  const ib = timeline.accounting.indexOf(b);
  if (ia > ib) fail('periods.rangeOrder', sel);
  return timeline.accounting.slice(ia, ib + 1);
}

/** A flow's figure in one period: value, σ and source as the period states them (σ scaled from the flow's own). */
interface Figure {
  value: number | undefined;
  sd: number | undefined;
  source: Source | undefined;
  components: Record<string, Component> | undefined;
}

function figureOf(
  flow: Flow,
  p: PeriodEntry,
  levels: Map<string, StockLevels>,
  stockOfFlow: Map<string, string>,
): Figure {
  const raw = p.values?.[flow.id];
  const obj = typeof raw === 'object' ? raw : undefined;
  let value = periodNumber(raw);
  const stock = stockOfFlow.get(flow.id);
  const change = stock === undefined ? undefined : levels.get(stock)?.change;
  if (change !== undefined) value = stockSign(flow) * change;
  // Absent σ: the flow's own σ scaled to this period's value (same relative uncertainty), else the meter's class.
  let sd = obj?.sd;
  if (sd === undefined && value !== undefined && flow.sd !== undefined && flow.value)
    sd = flow.sd * Math.abs(value / flow.value);
  const source = obj?.source ?? (flow.source === 'unmeasured' ? undefined : flow.source);
  const components =
    obj?.components === undefined ? flow.components : { ...(flow.components ?? {}), ...obj.components };
  return { value, sd, source, components };
}

/** The weakest source of a sum (a total holding an estimate is an estimate): the latest in SOURCES order. */
function weakest(sources: (Source | undefined)[]): Source | undefined {
  let worst = -1;
  for (const s of sources) if (s !== undefined) worst = Math.max(worst, SOURCES.indexOf(s));
  return worst < 0 ? undefined : SOURCES[worst];
}

function isRate(unit: string): boolean {
  try {
    return parseUnit(unit).per !== null;
  } catch {
    return false;
  }
}

/**
 * Adds up a flow over periods: quantities are summed; rates (t/h, t/a) are averaged weighted by
 * operating hours (Σ vᵢhᵢ / Σ hᵢ), so value × period hours stays the total. σ in quadrature
 * (independent periods), present only when every period has one.
 */
function combineFigures(
  flow: Flow,
  figs: Figure[],
  hours: number[],
  path: (c: string) => PathSegment[],
  file: string,
): Figure {
  if (figs.length === 1) return figs[0]!;
  const total = hours.reduce((a, b) => a + b, 0);
  const w = isRate(flow.unit) ? hours.map((h) => h / total) : hours.map(() => 1);
  let value: number | undefined = 0;
  let variance: number | undefined = 0;
  figs.forEach((f, i) => {
    value = value === undefined || f.value === undefined ? undefined : value + w[i]! * f.value;
    variance = variance === undefined || f.sd === undefined ? undefined : variance + (w[i]! * f.sd) ** 2;
  });
  const sd = variance === undefined || value === undefined ? undefined : Math.sqrt(variance);
  return {
    value,
    sd,
    source: weakest(figs.map((f) => f.source)),
    components: combineComponents(flow, figs, w, path, file),
  };
}

/**
 * Components over periods: amounts are summed; concentrations averaged weighted by the carrier's
 * quantity in each period (Σ vᵢcᵢ / Σ vᵢ — the carried amount stays the sum), by hours when a
 * carrier value is missing. A component given both ways, or in two units, cannot be added up.
 */
function combineComponents(
  flow: Flow,
  figs: Figure[],
  w: number[],
  path: (c: string) => PathSegment[],
  file: string,
): Record<string, Component> | undefined {
  const names = new Set<string>();
  for (const f of figs) for (const n of Object.keys(f.components ?? {})) names.add(n);
  if (names.size === 0) return undefined;
  const out: Record<string, Component> = {};
  for (const name of names) {
    const comps = figs.map((f) => f.components?.[name]);
    const first = comps[0];
    if (first !== undefined && comps.every((c) => c === first)) {
      out[name] = first;
      continue;
    }
    const kinds = new Set(comps.map((c) => (c === undefined ? 'none' : `${c.concentration !== undefined}:${c.unit}`)));
    if (kinds.size !== 1 || kinds.has('none'))
      throw new InputError(file, [issue(path(name), 'periods.mixedComponent', { flow: flow.id, component: name })]);
    const cs = comps as Component[];
    if (cs[0]!.concentration !== undefined) {
      const carrier = figs.map((f, i) => (f.value === undefined ? undefined : w[i]! * f.value));
      const weights = carrier.every((v) => v !== undefined) && carrier.some((v) => v !== 0) ? (carrier as number[]) : w;
      const sum = weights.reduce((a, b) => a + b, 0);
      const conc = cs.reduce((a, c, i) => a + weights[i]! * c.concentration!, 0) / sum;
      const sdVar = cs.every((c) => c.sd !== undefined)
        ? cs.reduce((a, c, i) => a + ((weights[i]! / sum) * c.sd!) ** 2, 0)
        : undefined;
      out[name] = {
        concentration: conc,
        unit: cs[0]!.unit,
        ...(sdVar === undefined ? {} : { sd: Math.sqrt(sdVar) }),
        ...(weakest(cs.map((c) => c.source)) ? { source: weakest(cs.map((c) => c.source)) } : {}),
      };
    } else {
      const value = cs.reduce((a, c) => a + c.value!, 0);
      const sdVar = cs.every((c) => c.sd !== undefined) ? cs.reduce((a, c) => a + c.sd! ** 2, 0) : undefined;
      out[name] = {
        value,
        unit: cs[0]!.unit,
        ...(sdVar === undefined ? {} : { sd: Math.sqrt(sdVar) }),
        ...(weakest(cs.map((c) => c.source)) ? { source: weakest(cs.map((c) => c.source)) } : {}),
      };
    }
  }
  return out;
}

/** Products over periods: outputs summed over the periods that state them; output value only when each of those gives it. */
function combineProduction(periods: PeriodEntry[]): Product[] | undefined {
  const byId = new Map<string, { p: Product; output: number; value: number | undefined; n: number }>();
  for (const period of periods) {
    for (const p of period.production ?? []) {
      const acc = byId.get(p.id);
      if (!acc) byId.set(p.id, { p, output: p.output, value: p.outputValue, n: 1 });
      else {
        acc.output += p.output;
        acc.value = acc.value === undefined || p.outputValue === undefined ? undefined : acc.value + p.outputValue;
      }
    }
  }
  if (byId.size === 0) return undefined;
  return [...byId.values()].map(({ p, output, value }) => {
    const { outputValue: _drop, ...rest } = p;
    return value === undefined ? { ...rest, output } : { ...rest, output, outputValue: value };
  });
}

/**
 * The calendar year of a UTC instant read in the plant's zone, its hours (8 760 or 8 784) and whether the instant is its first.
 *
 * @example
 * // 2024 is a leap year: 366 × 24 = 8 784 h
 * calendarYear(Date.UTC(2024, 5, 1), 'Asia/Shanghai') // => { year: 2024, hours: 8784, startsYear: false }
 */
export function calendarYear(ms: number, zone: string): { year: number; hours: number; startsYear: boolean } {
  const local = new Date(ms + zoneOffsetMinutes(zone, ms) * 60000);
  const year = local.getUTCFullYear();
  const startsYear = local.getTime() === Date.UTC(year, 0, 1);
  return { year, hours: (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / MS_PER_HOUR, startsYear };
}

export interface PeriodModelOptions {
  /** File name for located errors. */
  file?: string;
  timeline?: PeriodTimeline;
  levels?: Map<string, StockLevels>[];
}

/**
 * The single-period model of one period or of a run of consecutive accounting periods:
 * - each flow's value is the period's figure (a flow a period does not list is unmeasured in it);
 *   over a run, quantities are summed and rates averaged by operating hours;
 * - a stock flow takes closing − opening of the stock's levels (carried over between periods);
 * - `production` is the periods' output (summed), `settings.periodHours` their operating hours,
 *   `period` their label, dates and annual factor (calendar year hours ÷ calendar hours covered);
 * - `campaign` is kept only for a single campaign period (a monthly account is no campaign);
 *   `periods` and `stocks` are dropped.
 * Throws InputError (located at the periods) when the selection is unknown or the result invalid.
 *
 * @example
 * // the first quarter of 2025 as one model: (31 + 28 + 31) × 24 = 2 160 h
 * const { model } = parseModel(readFileSync('datasets/boiler-monthly.json'), 'boiler-monthly.json');
 * basisContext(periodModel(model, { from: '2025-01', to: '2025-03' })).periodHours // => 2160
 */
export function periodModel(model: Model, sel: PeriodSelection, options: PeriodModelOptions = {}): Model {
  const file = options.file ?? 'model.json';
  const timeline = options.timeline ?? periodTimeline(model);
  const chosen = selectPeriods(model, sel, file, timeline);
  const levels = options.levels ?? stockLevels(model, timeline).levels;
  const periods = chosen.map((k) => model.periods![k]!);
  const spans = chosen.map((k) => timeline.spans[k]!);
  const hours = spans.map((s) => s.hours);
  const stockOfFlow = new Map((model.stocks ?? []).flatMap((s) => s.flows.map((f) => [f, s.id] as const)));
  const flows = model.flows.map((flow) => {
    const figs = chosen.map((k, i) => figureOf(flow, periods[i]!, levels[k]!, stockOfFlow));
    const fig = combineFigures(
      flow,
      figs,
      hours,
      (c) => ['periods', chosen[0]!, 'values', flow.id, 'components', c],
      file,
    );
    const { value: _v, sd: _s, source: _src, components: _c, ...rest } = flow;
    const out: Flow = { ...rest };
    if (fig.value !== undefined) out.value = fig.value;
    if (fig.value !== undefined && fig.sd !== undefined) out.sd = fig.sd;
    // A flow without a figure in the period is unmeasured in it, whatever the model's own value was.
    const source = fig.value === undefined ? 'unmeasured' : fig.source;
    if (source !== undefined) out.source = source;
    if (fig.components !== undefined) out.components = fig.components;
    return out;
  });
  const first = periods[0]!;
  const last = periods[periods.length - 1]!;
  const calendar = spans.reduce((a, s) => a + s.calendarHours, 0);
  const operating = hours.reduce((a, b) => a + b, 0);
  const single = periods.length === 1;
  const label = single ? (first.label ?? first.id) : `${first.label ?? first.id} – ${last.label ?? last.id}`;
  const labelEn = single
    ? first.labelEn
    : first.labelEn && last.labelEn
      ? `${first.labelEn} – ${last.labelEn}`
      : undefined;
  const { periods: _p, stocks: _st, production: _prod, period: _period, campaign, settings, ...base } = model;
  const production = combineProduction(periods);
  const year = calendarYear(spans[0]!.start, timeline.zone);
  const wholeYear = year.startsYear && calendar === year.hours;
  const keepCampaign = single && first.kind === 'campaign' && campaign !== undefined;
  const out: Model = {
    ...base,
    flows,
    ...(production ? { production } : {}),
    period: {
      label,
      ...(labelEn ? { labelEn } : {}),
      kind: single ? (first.kind ?? 'month') : wholeYear ? 'year' : 'other',
      start: first.start,
      end: last.end,
      annualFactor: year.hours / calendar,
      meta: { periods: periods.map((p) => p.id) },
    },
    ...(keepCampaign ? { campaign } : {}),
    settings: { ...(settings ?? {}), periodHours: operating },
  };
  const problems = validateModel(out).filter((i) => i.severity === 'error');
  if (problems.length > 0)
    throw new InputError(
      file,
      problems.map((i) => locate(i, model, chosen[0]!)),
    );
  return out;
}

/** A problem of the derived model, located where the multi-period model states it. */
function locate(i: InputIssue, model: Model, k: number): InputIssue {
  const [head, index, ...rest] = i.path;
  if (head === 'flows' && typeof index === 'number') {
    const id = model.flows[index]!.id;
    const tail = rest[0] === 'value' || rest[0] === 'sd' || rest[0] === 'source' ? [] : rest;
    return { ...i, path: ['periods', k, 'values', id, ...tail] };
  }
  if (head === 'production') return { ...i, path: ['periods', k, ...i.path] };
  return i;
}
