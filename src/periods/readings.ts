import { periodTimeline } from '../model/periods.ts';
import type { Model, PeriodEntry } from '../model/schema.ts';
import { applyReadingsDetailed, type ApplyOutcome } from '../readings/apply.ts';
import type { IngestResult } from '../readings/types.ts';
import { periodModel } from './period-model.ts';

/**
 * Meter readings aggregated per period: the totals of a readings file over one period's window
 * (ingestReadings with `window` = the period's start and end) become that period's figures of the
 * metered flows — value, σ and source `metered` — as `pingheng check --readings` does for a campaign.
 */
export interface PeriodReadingsOutcome {
  model: Model;
  applied: ApplyOutcome['applied'];
  skipped: (ApplyOutcome['skipped'][number] | { meter: string; flow: string; reason: 'unit' })[];
}

/**
 * The period's window as UTC ms (date-only ends are inclusive: docs/periods.md).
 *
 * @example
 * // February 2025 in Beijing: 1 Feb 00:00 +08:00 (= 31 Jan 16:00 UTC) to 1 Mar, 28 × 24 = 672 h
 * const w = periodWindow(parseModel(readFileSync('datasets/boiler-monthly.json'), 'b.json').model, '2025-02');
 * [new Date(w.start).toISOString(), (w.end - w.start) / 3_600_000] // => ['2025-01-31T16:00:00.000Z', 672]
 */
export function periodWindow(model: Model, periodId: string): { start: number; end: number } {
  const timeline = periodTimeline(model);
  const span = timeline.spans.find((s) => s.id === periodId);
  if (!span) throw new Error(`unknown period "${periodId}"`);
  return { start: span.start, end: span.end };
}

/**
 * Writes one period's meter totals (an ingest over the period's window) into its `values`.
 * A total whose unit does not convert to the flow's own is not written (listed as skipped).
 * The input model is not changed.
 *
 * @example
 * // the coal scale MC01 read 1 000 t on 1 Feb and 4 500 t on 1 Mar: February's C01 is 3 500 t, its σ from the
 * // scale's class 0.1 as a 95 % bound: 3 500 × 0.1 % / 1.96 = 1.786 t
 * const { model } = parseModel(readFileSync('datasets/boiler-monthly.json'), 'boiler-monthly.json');
 * const csv = 'time,MC01\n2025-02-01 00:00,1000\n2025-03-01 00:00,4500\n';
 * const readings = await ingestReadings([new TextEncoder().encode(csv)], { file: 'feb.csv', model, window: periodWindow(model, '2025-02') });
 * const c01 = applyPeriodReadings(model, '2025-02', readings).model.periods[1].values.C01;
 * [c01.value, roundTo(c01.sd, 3), c01.source] // => [3500, 1.786, 'metered']
 */
export function applyPeriodReadings(model: Model, periodId: string, result: IngestResult): PeriodReadingsOutcome {
  const k = (model.periods ?? []).findIndex((p) => p.id === periodId);
  if (k < 0) throw new Error(`unknown period "${periodId}"`);
  const outcome = applyReadingsDetailed(periodModel(model, periodId), result);
  const unitOf = new Map(model.flows.map((f) => [f.id, f.unit]));
  const period: PeriodEntry = { ...model.periods![k]!, values: { ...(model.periods![k]!.values ?? {}) } };
  const applied: PeriodReadingsOutcome['applied'] = [];
  const skipped: PeriodReadingsOutcome['skipped'] = [...outcome.skipped];
  for (const a of outcome.applied) {
    if (a.unit !== unitOf.get(a.flow)) {
      skipped.push({ meter: a.meter, flow: a.flow, reason: 'unit' });
      continue;
    }
    const before = period.values![a.flow];
    const components = typeof before === 'object' ? before.components : undefined;
    period.values![a.flow] = { value: a.value, sd: a.sd, source: 'metered', ...(components ? { components } : {}) };
    applied.push(a);
  }
  const periods = model.periods!.map((p, i) => (i === k ? period : p));
  return { model: { ...model, periods }, applied, skipped };
}
