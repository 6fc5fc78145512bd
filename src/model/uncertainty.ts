import { defaultRelativeSd } from '../data/cp-practice.ts';
import { accuracyClassCoverageFactor } from '../data/measurement.ts';
import type { Flow, Meter, Settings, Source } from './schema.ts';

/** The kind of data a flow's value is, defaulting to metered when it has a meter. */
export function sourceOf(flow: Flow): Source {
  if (flow.source) return flow.source;
  if (flow.value === undefined) return 'unmeasured';
  return flow.meter ? 'metered' : 'estimated';
}

/** Percent accuracy class as a number: "0.5S" → 0.5, "2.5" → 2.5. */
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
