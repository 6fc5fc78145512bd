import { defaultRelativeSd } from '../data/cp-practice.ts';
import { accuracyClassCoverageFactor } from '../data/measurement.ts';
import type { Flow, Meter, Settings, Source } from './schema.ts';

/**
 * The kind of data a flow's value is, defaulting to metered when it has a meter.
 *
 * @example
 * sourceOf({ id: 'f', layer: 'water', value: 10, unit: 't', meter: 'M1' }) // => 'metered'
 * sourceOf({ id: 'f', layer: 'water', unit: 't' }) // => 'unmeasured'
 */
export function sourceOf(flow: Flow): Source {
  if (flow.source) return flow.source;
  if (flow.value === undefined) return 'unmeasured';
  return flow.meter ? 'metered' : 'estimated';
}

/**
 * Percent accuracy class as a number: "0.5S" → 0.5, "2.5" → 2.5.
 *
 * @example
 * accuracyClassPct('0.5S') // => 0.5
 * accuracyClassPct('2.5') // => 2.5
 */
export function accuracyClassPct(accuracyClass: string): number {
  return Number.parseFloat(accuracyClass.replace(/S$/i, ''));
}

export interface FlowSd {
  /** Standard uncertainty, absolute, in the flow's own unit. */
  sd: number;
  basis: 'given' | 'accuracy-class' | 'source-default';
}

/**
 * Standard uncertainty of a flow's value: its `sd`; else its meter's accuracy class read as a
 * 95 % bound (σ = class % × |value| / 1.96); else the default relative σ for its source kind.
 * Undefined for a flow without a value.
 *
 * @example
 * // a class-2 meter read as a 95 % bound: σ = 2 % × 200 t / 1.96 = 2.041 t
 * const f = { id: 'f', from: 'a', to: 'b', layer: 'water', value: 200, unit: 't' };
 * roundTo(flowSd(f, { id: 'm', accuracyClass: '2' }, undefined).sd, 3) // => 2.041
 */
export function flowSd(flow: Flow, meter: Meter | undefined, settings: Settings | undefined): FlowSd | undefined {
  if (flow.value === undefined) return undefined;
  if (flow.sd !== undefined) return { sd: flow.sd, basis: 'given' };
  if (meter?.accuracyClass) {
    const pct = accuracyClassPct(meter.accuracyClass);
    return { sd: ((pct / 100) * Math.abs(flow.value)) / accuracyClassCoverageFactor.k, basis: 'accuracy-class' };
  }
  const kind = sourceOf(flow);
  const rel = settings?.defaultRelativeSd?.[kind] ?? defaultRelativeSd[kind] ?? defaultRelativeSd.estimated!;
  return { sd: rel * Math.abs(flow.value), basis: 'source-default' };
}
