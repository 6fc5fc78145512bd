import { spikeRule, stuckRule } from './defaults.ts';
import { ThinnedSample } from './robust.ts';
import type { Example, FlagCode, FlagCount, Gap, ReadingKind } from './types.ts';

/**
 * The running state of one meter's series: what MeterSeries (meter-series.ts, the general path,
 * one reading at a time) and steadyRun (steady-run.ts, the common step in a loop with the state in
 * locals) read and write. Its fields are written by those two only; everyone else uses MeterSeries.
 */

/** What the accumulator needs to know about one meter. */
export interface SeriesSpec {
  id: string;
  kind: ReadingKind;
  /** Multiplies each raw value before anything else (a column unit converted to the meter's unit). */
  valueFactor: number;
  /** Rate kind: total units per (reading unit × hour). */
  ratePerHour: number;
  rollover?: number;
  min?: number;
  max?: number;
  accuracyClass?: string;
  /** Gap threshold override, ms. */
  gapMs?: number;
}

export const CUMULATIVE = 0;
export const RATE = 1;
export const INTERVAL = 2;
const KIND_CODES: Record<ReadingKind, number> = { cumulative: CUMULATIVE, rate: RATE, interval: INTERVAL };
export const HOUR = 3_600_000;
/** A run of one value at least this long is stuck (stuckRule, in ms). */
export const STUCK_MS = stuckRule.hours * HOUR;
/** e-values collected before the first spike statistics (later refreshes: spike-stats.ts). */
export const WARMUP = 32;

export class SeriesState {
  readonly spec: SeriesSpec;
  readonly ws: number;
  readonly we: number;
  readings = 0;
  outsideWindow = 0;
  first = NaN;
  last = NaN;
  lastV = NaN;
  lastLine = 0;
  prevT = NaN;
  prevV = NaN;
  /** The interval awaiting the next reading (so a one-reading glitch can still be repaired). */
  held = false;
  heldLine = 0;
  // nominal interval
  nominal = NaN;
  settled = false;
  gapMs = NaN;
  pending: number[] = [];
  // sums
  total = 0;
  coveredMs = 0;
  /** Σ hours² of interpolated stretches (for the interpolation variance) and interval-kind missing time. */
  filledSq = 0;
  missingMs = 0;
  gaps: Gap[] = [];
  // stuck run
  runValue = NaN;
  runStart = NaN;
  runLine = 0;
  stuckRuns: Example[] = [];
  // spikes: the last two rates (q1, q2, with q2's time, line and value), the samples of q and e,
  // the statistics, and the last local deviation eB awaiting its right neighbour
  q1 = NaN;
  q2 = NaN;
  q2At = 0;
  q2Line = 0;
  q2Value = NaN;
  readonly qRes = new ThinnedSample(spikeRule.reservoir);
  readonly eRes = new ThinnedSample(spikeRule.reservoir);
  eCenter = NaN;
  eLimit = NaN;
  nextStat = WARMUP;
  eCount = 0;
  eAAbs = 0;
  eB = NaN;
  eBAt = 0;
  eBLine = 0;
  eBValue = NaN;
  /** Local maxima met before the first statistics, four numbers each (e, at, line, value): a flat array of doubles, no object per entry. */
  eWarm: number[] = [];
  // Inputs of the per-value methods, passed in fields: numbers passed as arguments to a method
  // V8 does not inline are boxed, one heap allocation each — several per value otherwise.
  inT = NaN;
  inRaw = NaN;
  in0t = NaN;
  in0v = NaN;
  in1t = NaN;
  in1v = NaN;
  inLine = 0;
  inQ = NaN;
  readonly flags: Partial<Record<FlagCode, FlagCount>> = {};

  // the spec's numbers, copied into fields read on every value
  /**
   * The kind as a small integer (CUMULATIVE, RATE, INTERVAL) for the per-value code: a kind
   * string that came through a structured clone (the meter thread) is not the literal the
   * compiled code compared against, and each such comparison threw the code away.
   */
  readonly kind: number;
  readonly factor: number;
  ratePerHour: number;
  readonly min: number;
  readonly max: number;

  constructor(spec: SeriesSpec, window?: { start: number; end: number }) {
    this.spec = spec;
    this.kind = KIND_CODES[spec.kind];
    this.factor = spec.valueFactor;
    this.ratePerHour = spec.ratePerHour;
    this.min = spec.min ?? -Infinity;
    this.max = spec.max ?? Infinity;
    this.ws = window ? window.start : -Infinity;
    this.we = window ? window.end : Infinity;
    if (spec.gapMs !== undefined) this.gapMs = spec.gapMs;
  }
}

/*
 * The per-interval rules, shared by the general path and the steady run (one statement of each).
 * Small, so V8 inlines them in both (no boxed numbers).
 */

/** A cumulative reading far above both neighbours that come back in line (v_{j−1} ≤ v_{j+1} < v_j): a glitch, not a reset. */
export const isGlitch = (prevV: number, lastV: number, v: number): boolean =>
  lastV > v && v >= prevV && lastV - v > v - prevV;

/** A rate meter's increment over `span` ms: the trapezoid (v0 + v1)/2 · hours · ratePerHour. */
export const trapezoid = (v0: number, v1: number, span: number, ratePerHour: number): number =>
  ((v0 + v1) / 2) * (span / HOUR) * ratePerHour;

/** An increment over `span` ms as a rate per hour. */
export const perHour = (delta: number, span: number): number => (delta / span) * HOUR;

/** The local deviation e = q_i − (q_{i−1} + q_{i+1})/2 of the rate q_i = q2 between q1 and q. */
export const localDeviation = (q1: number, q2: number, q: number): number => q2 - (q1 + q) / 2;

/**
 * 1 when |e_B| = a is a local maximum of |e| — at least its left neighbour's `prevAbs`, above its
 * right neighbour e — else 0; a number, so the steady run can test it without a branch.
 */
export const localMaximum = (a: number, prevAbs: number, e: number): number => +(a >= prevAbs) & +(a > Math.abs(e));
