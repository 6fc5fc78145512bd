import { defaultRelativeSd } from '../data/cp-practice.ts';
import { accuracyClassCoverageFactor } from '../data/measurement.ts';
import { accuracyClassPct } from '../model/uncertainty.ts';
import { gapRule, MAD_TO_SIGMA, spikeRule, stuckRule } from './defaults.ts';
import { lowerMedian, mad, median, ThinnedSample } from './robust.ts';
import type { Example, FlagCode, FlagCount, Gap, ReadingKind, SeriesSummary } from './types.ts';

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

const MAX_EXAMPLES = 10;
const CUMULATIVE = 0;
const RATE = 1;
const INTERVAL = 2;
const KIND_CODES: Record<ReadingKind, number> = { cumulative: CUMULATIVE, rate: RATE, interval: INTERVAL };
/** The intervals whose lower median is the nominal one (settleNominal; typed: no boxed numbers, no comparator sort). */
const intervalScratch = new Float64Array(gapRule.sampleIntervals + 1);
const HOUR = 3_600_000;
/** A run of one value at least this long is stuck (stuckRule, in ms). */
const STUCK_MS = stuckRule.hours * HOUR;
/** e-values collected before the first spike statistics; later refreshes (see restat). */
const WARMUP = 32;
const RESTAT = 8192;

/**
 * Streams one meter's readings, in time order, into a window total with its uncertainty,
 * gaps, coverage and quality flags, in memory independent of the series length.
 *
 * Increments per interval [t0, t1]:
 * - cumulative: Δ = v1 − v0; a drop is a rollover when the meter declares `rollover` R and the
 *   wrapped increment R − v0 + v1 < R/2, else a reset when v1 < v0 − v1 (the counter fell more
 *   than half way to zero; Δ = v1), else a negative increment (kept, flagged). A single reading
 *   that jumps and comes back (v_{j−1} ≤ v_{j+1} < v_j) is a spike and replaced by the straight
 *   line between its neighbours.
 * - rate: trapezoid Δ = (v0 + v1)/2 · (t1 − t0) in hours · ratePerHour.
 * - interval: Δ = v1, the total of the nominal interval ending at t1.
 * An increment straddling a window boundary counts by the share of its interval inside.
 */
export class MeterSeries {
  readonly spec: SeriesSpec;
  private readonly ws: number;
  private readonly we: number;
  readings = 0;
  outsideWindow = 0;
  first = NaN;
  last = NaN;
  private lastV = NaN;
  private lastLine = 0;
  private prevT = NaN;
  private prevV = NaN;
  /** The interval awaiting the next reading (so a one-reading glitch can still be repaired). */
  private held = false;
  private heldLine = 0;
  // nominal interval
  private nominal = NaN;
  private settled = false;
  private gapMs = NaN;
  private pending: number[] = [];
  // sums
  private total = 0;
  private coveredMs = 0;
  /** Σ hours² of interpolated stretches (for the interpolation variance) and interval-kind missing time. */
  private filledSq = 0;
  private missingMs = 0;
  private gaps: Gap[] = [];
  // stuck run
  private runValue = NaN;
  private runStart = NaN;
  private runLine = 0;
  private stuckRuns: Example[] = [];
  // spikes
  private q1 = NaN;
  private q2 = NaN;
  private q2At = 0;
  private q2Line = 0;
  private q2Value = NaN;
  private readonly qRes = new ThinnedSample(spikeRule.reservoir);
  private readonly eRes = new ThinnedSample(spikeRule.reservoir);
  private eCenter = NaN;
  private eLimit = NaN;
  private nextStat = WARMUP;
  private eCount = 0;
  private eAAbs = 0;
  private eB = NaN;
  private eBAt = 0;
  private eBLine = 0;
  private eBValue = NaN;
  /** Local maxima met before the first statistics, four numbers each (e, at, line, value): a flat array of doubles, no object per entry. */
  private eWarm: number[] = [];
  // Inputs of the per-value methods, passed in fields: numbers passed as arguments to a method
  // V8 does not inline are boxed, one heap allocation each — several per value otherwise.
  private inT = NaN;
  private inRaw = NaN;
  private in0t = NaN;
  private in0v = NaN;
  private in1t = NaN;
  private in1v = NaN;
  private inLine = 0;
  private inQ = NaN;
  private readonly flags: Partial<Record<FlagCode, FlagCount>> = {};

  // the spec's numbers, copied into fields read on every value
  /**
   * The kind as a small integer (CUMULATIVE, RATE, INTERVAL) for the per-value code: a kind
   * string that came through a structured clone (the meter thread) is not the literal the
   * compiled code compared against, and each such comparison threw the code away.
   */
  private readonly kind: number;
  private readonly factor: number;
  private ratePerHour: number;
  private readonly min: number;
  private readonly max: number;

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

  /** Sets the rate factor of a meter whose unit is learnt from its first row (before any reading). */
  setRatePerHour(ratePerHour: number): void {
    if (this.readings === 0) this.ratePerHour = ratePerHour;
  }

  /**
   * Adds one reading. Returns a rejection reason ('duplicate-timestamp', 'out-of-order') or
   * undefined when the reading is used.
   */
  add(t: number, raw: number, line: number): 'duplicate-timestamp' | 'out-of-order' | undefined {
    this.inT = t;
    this.inRaw = raw;
    return this.addIn(line);
  }

  /** add(ts[ti], vs[vi], line), without boxing the two numbers. */
  addFrom(
    ts: Float64Array,
    ti: number,
    vs: Float64Array,
    vi: number,
    line: number,
  ): 'duplicate-timestamp' | 'out-of-order' | undefined {
    this.inT = ts[ti];
    this.inRaw = vs[vi];
    return this.addIn(line);
  }

  /**
   * Adds the readings vs[off], vs[off + stride], … (n of them; NaN = no reading) taken at ts[0..n)
   * on lines[0..n) — one meter's column of a batch of wide rows, in time order. The same result
   * as add() on each, value by value; the common step runs in steadyRun's loop.
   */
  addColumn(ts: Float64Array, vs: Float64Array, off: number, stride: number, n: number, lines: Float64Array): void {
    let r = 0;
    while (r < n) {
      if (this.steady()) r = this.steadyRun(ts, vs, off, stride, r, n, lines);
      if (r < n) {
        // the general path for one value: warm-up, a flag, a gap, a statistics refresh, …
        const o = off + r * stride;
        if (vs[o] === vs[o]) this.addFrom(ts, r, vs, o, lines[r]);
        r++;
      }
    }
  }

  /** Whether steadyRun may take the next value: a cumulative or rate meter past its warm-up. */
  private steady(): boolean {
    return (
      (this.kind === CUMULATIVE || this.kind === RATE) &&
      this.settled &&
      this.held &&
      this.readings > 2 &&
      this.eB === this.eB &&
      this.q1 === this.q1 &&
      this.q2 === this.q2
    );
  }

  /**
   * addIn for readings that change nothing but the running sums — in range, inside the window,
   * no stuck run closing, no glitch, no drop, no gap, no statistics refresh due — with the state in
   * locals (V8 keeps them in registers; the same steps through fields cost ~4× as much). Returns
   * the index of the first value it did not take; that one goes through addIn.
   */
  private steadyRun(
    ts: Float64Array,
    vs: Float64Array,
    off: number,
    stride: number,
    r0: number,
    n: number,
    lines: Float64Array,
  ): number {
    const rate = this.kind === RATE;
    const factor = this.factor;
    const min = this.min;
    const max = this.max;
    const ws = this.ws;
    const we = this.we;
    const gapMs = this.gapMs;
    const stuckMs = STUCK_MS;
    const ratePerHour = this.ratePerHour;
    const eCenter = this.eCenter;
    const eLimit = this.eLimit;
    // before the first statistics every local maximum is queued for them (the general path)
    const limitUnknown = +(eLimit !== eLimit);
    const nextStat = this.nextStat;
    const qRes = this.qRes;
    const eRes = this.eRes;
    let last = this.last;
    let lastV = this.lastV;
    let lastLine = this.lastLine;
    let prevT = this.prevT;
    let prevV = this.prevV;
    let heldLine = this.heldLine;
    let runValue = this.runValue;
    let runStart = this.runStart;
    let runLine = this.runLine;
    let total = this.total;
    let coveredMs = this.coveredMs;
    let eCount = this.eCount;
    let q1 = this.q1;
    let q2 = this.q2;
    let q2At = this.q2At;
    let q2Line = this.q2Line;
    let q2Value = this.q2Value;
    let eB = this.eB;
    let eBAt = this.eBAt;
    let eBLine = this.eBLine;
    let eBValue = this.eBValue;
    let eAAbs = this.eAAbs;
    let taken = 0;
    let r = r0;
    for (let o = off + r0 * stride; r < n; r++, o += stride) {
      const raw = vs[o];
      if (raw !== raw) continue; // no reading in this row
      const t = ts[r];
      const v = raw * factor;
      if (!(t > last) || v < min || v > max || t < ws || t > we) break;
      if (v !== runValue && last - runStart >= stuckMs) break;
      // the held interval (prevT, prevV) → (last, lastV), ended by heldLine
      const span = last - prevT;
      let delta: number;
      let q: number;
      if (rate) {
        if (lastV < 0) break;
        delta = ((prevV + lastV) / 2) * (span / HOUR) * ratePerHour;
        q = lastV * ratePerHour;
      } else {
        if (lastV > v && v >= prevV && lastV - v > v - prevV) break; // a glitch
        delta = lastV - prevV;
        if (delta < 0) break;
        q = (delta / span) * HOUR;
      }
      if (!(q - q === 0)) break; // an infinite or NaN rate: the general path skips its statistics
      if (span > gapMs || prevT < ws || last > we || eCount + 1 === nextStat) break;
      const e = q2 - (q1 + q) / 2;
      const a = Math.abs(eB);
      // a spike to flag, or a local maximum to queue (left to the general path); tested without
      // branches: whether eB is a local maximum of |e| is a coin toss on noisy data, and a
      // mispredicted branch cost ~9 ns a value
      if ((+(a >= eAAbs) & +(a > Math.abs(e)) & (+(Math.abs(eB - eCenter) > eLimit) | limitUnknown)) !== 0) break;
      // from here on the value is taken
      if (v !== runValue) {
        runValue = v;
        runStart = t;
        runLine = lines[r];
      }
      total += delta;
      coveredMs += span;
      qRes.add(q);
      eRes.add(e);
      eCount++;
      eAAbs = a;
      eB = e;
      eBAt = q2At;
      eBLine = q2Line;
      eBValue = q2Value;
      q1 = q2;
      q2 = q;
      q2At = last;
      q2Line = heldLine;
      q2Value = lastV;
      prevT = last;
      prevV = lastV;
      heldLine = lines[r];
      last = t;
      lastV = v;
      lastLine = heldLine;
      taken++;
    }
    this.readings += taken;
    this.last = last;
    this.lastV = lastV;
    this.lastLine = lastLine;
    this.prevT = prevT;
    this.prevV = prevV;
    this.heldLine = heldLine;
    this.runValue = runValue;
    this.runStart = runStart;
    this.runLine = runLine;
    this.total = total;
    this.coveredMs = coveredMs;
    this.eCount = eCount;
    this.q1 = q1;
    this.q2 = q2;
    this.q2At = q2At;
    this.q2Line = q2Line;
    this.q2Value = q2Value;
    this.eB = eB;
    this.eBAt = eBAt;
    this.eBLine = eBLine;
    this.eBValue = eBValue;
    this.eAAbs = eAAbs;
    return r;
  }

  private addIn(line: number): 'duplicate-timestamp' | 'out-of-order' | undefined {
    const t = this.inT;
    const raw = this.inRaw;
    if (this.readings > 0) {
      if (t === this.last) return 'duplicate-timestamp';
      if (t < this.last) return 'out-of-order';
    }
    const v = raw * this.factor;
    this.readings++;
    if (v < this.min || v > this.max) this.flag('out-of-range', { at: t, line, value: v });
    if (t < this.ws || t > this.we) this.outsideWindow++;
    this.trackRun(t, v, line);
    if (this.readings === 1) {
      this.first = t;
      if (this.kind === INTERVAL) this.interval(NaN, NaN, t, v, line);
    } else {
      if (this.held) {
        // a reading far above both neighbours that come back in line: a glitch, not a reset
        const glitch =
          this.kind === CUMULATIVE &&
          this.readings > 2 &&
          this.lastV > v &&
          v >= this.prevV &&
          this.lastV - v > v - this.prevV;
        if (glitch) {
          this.flag('spike', { at: this.last, line: this.lastLine, value: this.lastV });
          this.lastV = this.prevV + ((v - this.prevV) * (this.last - this.prevT)) / (t - this.prevT);
        }
        this.in0t = this.prevT;
        this.in0v = this.prevV;
        this.in1t = this.last;
        this.in1v = this.lastV;
        this.inLine = this.heldLine;
        this.intervalIn();
      }
      this.prevT = this.last;
      this.prevV = this.lastV;
      this.held = true;
      this.heldLine = line;
    }
    this.last = t;
    this.lastV = v;
    this.lastLine = line;
    return undefined;
  }

  private flag(code: FlagCode, ex: Example): void {
    const f = (this.flags[code] ??= { count: 0, examples: [] });
    f.count++;
    if (f.examples.length < MAX_EXAMPLES) f.examples.push(ex);
  }

  private trackRun(t: number, v: number, line: number): void {
    if (v === this.runValue) return;
    this.closeRun();
    this.runValue = v;
    this.runStart = t;
    this.runLine = line;
  }

  private closeRun(): void {
    if (this.readings > 1 && this.last - this.runStart >= STUCK_MS) {
      if (this.stuckRuns.length < 1000)
        this.stuckRuns.push({ at: this.runStart, end: this.last, line: this.runLine, value: this.runValue });
    }
  }

  /** One interval between consecutive readings; buffered until the nominal interval is known. */
  private interval(t0: number, v0: number, t1: number, v1: number, line: number): void {
    this.in0t = t0;
    this.in0v = v0;
    this.in1t = t1;
    this.in1v = v1;
    this.inLine = line;
    this.intervalIn();
  }

  /** interval() of the input fields in0t, in0v, in1t, in1v, inLine. */
  private intervalIn(): void {
    if (!this.settled) {
      this.pending.push(this.in0t, this.in0v, this.in1t, this.in1v, this.inLine);
      if (this.pending.length / 5 > gapRule.sampleIntervals) this.settleNominal();
      return;
    }
    this.consume();
  }

  private settleNominal(): void {
    const p = this.pending;
    let n = 0;
    for (let i = 0; i < p.length; i += 5) if (p[i] === p[i]) intervalScratch[n++] = p[i + 2] - p[i];
    // the lower median: with an even count, the shorter of the two middle intervals
    this.nominal = lowerMedian(intervalScratch.subarray(0, n));
    if (Number.isNaN(this.gapMs)) this.gapMs = gapRule.factor * this.nominal;
    if (Number.isNaN(this.nominal)) this.nominal = this.gapMs / gapRule.factor;
    this.pending = [];
    if (Number.isNaN(this.nominal)) return; // a single reading: nothing to integrate
    this.settled = true;
    for (let i = 0; i < p.length; i += 5) {
      this.in0t = p[i];
      this.in0v = p[i + 1];
      this.in1t = p[i + 2];
      this.in1v = p[i + 3];
      this.inLine = p[i + 4];
      this.consume();
    }
  }

  /** The increment of the interval in the input fields (in0t, in0v) → (in1t, in1v), ended by line inLine. */
  private consume(): void {
    const t0 = this.in0t;
    const v0 = this.in0v;
    const t1 = this.in1t;
    const v1 = this.in1v;
    const line = this.inLine;
    const kind = this.kind;
    let delta: number;
    let span: number;
    let from: number;
    let q: number;
    if (kind === INTERVAL) {
      const dt = Number.isNaN(t0) ? this.nominal : t1 - t0;
      span = Math.min(dt, this.nominal);
      from = t1 - span;
      delta = v1;
      if (v1 < 0) this.flag('negative-increment', { at: t1, line, value: v1 });
      if (dt > this.gapMs) this.addGap(t0, from, true);
      q = (delta / span) * HOUR;
    } else {
      span = t1 - t0;
      from = t0;
      if (kind === RATE) {
        delta = ((v0 + v1) / 2) * (span / HOUR) * this.ratePerHour;
        if (v1 < 0) this.flag('negative-increment', { at: t1, line, value: v1 });
        q = v1 * this.ratePerHour;
      } else {
        delta = v1 - v0;
        if (delta < 0) {
          const r = this.spec.rollover;
          if (r !== undefined && r - v0 + v1 < r / 2 && r - v0 + v1 >= 0) {
            delta = r - v0 + v1;
            this.flag('rollover', { at: t1, line, value: v1 });
          } else if (v1 < v0 - v1) {
            delta = v1;
            this.flag('reset', { at: t1, line, value: v1 });
          } else {
            this.flag('negative-increment', { at: t1, line, value: delta });
          }
        }
        q = (delta / span) * HOUR;
      }
      if (span > this.gapMs) this.addGap(t0, t1, kind === RATE);
    }
    // the share of [from, t1] inside the window
    const a = Math.max(from, this.ws);
    const b = Math.min(t1, this.we);
    if (b > a) {
      const share = b - a === span ? 1 : (b - a) / span;
      this.total += delta * share;
      this.coveredMs += b - a;
    }
    this.inQ = q;
    this.spikeCheck();
  }

  /** A gap inside the window; `interpolated` stretches add interpolation variance later. */
  private addGap(t0: number, t1: number, interpolated: boolean): void {
    const a = Math.max(t0, this.ws);
    const b = Math.min(t1, this.we);
    if (b <= a) return;
    const last = this.gaps[this.gaps.length - 1];
    if (last && last.end >= a) last.end = Math.max(last.end, b);
    else this.gaps.push({ start: a, end: b });
    if (interpolated) {
      const h = (b - a) / HOUR;
      this.filledSq += h * h;
      if (this.kind === INTERVAL) this.missingMs += b - a;
    }
  }

  /**
   * Local deviation e = q_i − (q_{i−1} + q_{i+1})/2 of the rate series (one step late). A spike
   * is a local maximum of |e| (its neighbours carry half its deviation and are not spikes
   * themselves) whose modified z-score exceeds the threshold; decided when the next e arrives.
   * The statistics come from bounded systematic samples of q and e (ThinnedSample: every value
   * up to spikeRule.reservoir of them, then every 2nd, 4th, …).
   */
  private spikeCheck(): void {
    const q = this.inQ;
    const at = this.in1t;
    const line = this.inLine;
    const value = this.in1v;
    this.qRes.add(q);
    const q1 = this.q1;
    const q2 = this.q2;
    if (q1 === q1 && q2 === q2) {
      const e = q2 - (q1 + q) / 2;
      const m = ++this.eCount;
      this.eRes.add(e);
      const b = this.eB;
      if (b === b) {
        const a = b < 0 ? -b : b;
        if (a >= this.eAAbs && a > (e < 0 ? -e : e)) this.decide(b, this.eBAt, this.eBLine, this.eBValue);
        this.eAAbs = a;
      } else this.eAAbs = 0;
      this.eB = e;
      this.eBAt = this.q2At;
      this.eBLine = this.q2Line;
      this.eBValue = this.q2Value;
      if (m === this.nextStat) this.restat();
    }
    this.q1 = q2;
    this.q2 = q;
    this.q2At = at;
    this.q2Line = line;
    this.q2Value = value;
  }

  /** A local maximum of |e|: a spike when beyond the limit (queued until the first statistics). */
  private decide(e: number, at: number, line: number, value: number): void {
    if (this.eLimit !== this.eLimit) this.eWarm.push(e, at, line, value);
    else if (Math.abs(e - this.eCenter) > this.eLimit) this.flag('spike', { at, line, value });
  }

  private restat(): void {
    const es = this.eRes.sample();
    if (es.length === 0) return;
    this.eCenter = median(es);
    const spread = mad(es, this.eCenter);
    // the floor madFloorRel·|median q| matters only when the MAD is below madFloorRel·max|q|
    // (the sample keeps its max|q|): the rate sample is not read otherwise
    let floor = 0;
    if (spread < spikeRule.madFloorRel * this.qRes.maxAbs())
      floor = spikeRule.madFloorRel * Math.abs(median(this.qRes.sample()));
    const m = Math.max(spread, floor, Number.MIN_VALUE);
    // modified z = 0.6745 (e − median) / MAD > z  ⇔  |e − median| > z · MAD / 0.6745
    this.eLimit = (spikeRule.modifiedZ * m) / 0.6745;
    // a sample holding NaN (infinite rates: values near the largest double) has no median or
    // spread, and no spike can be told: none is flagged, and none is queued any longer
    if (this.eLimit !== this.eLimit) this.eLimit = Infinity;
    // statistics settle quickly: refresh at 32, 128, 512, 2048 e-values, then every RESTAT
    this.nextStat = this.eCount < RESTAT ? this.eCount * 4 : this.eCount + RESTAT;
    const warm = this.eWarm;
    if (warm.length === 0) return;
    this.eWarm = [];
    for (let i = 0; i < warm.length; i += 4) {
      if (Math.abs(warm[i] - this.eCenter) > this.eLimit)
        this.flag('spike', { at: warm[i + 1], line: warm[i + 2], value: warm[i + 3] });
    }
  }

  /** Flushes the held interval and settles the nominal interval (the end of the stream). */
  settle(): void {
    if (this.held) {
      this.interval(this.prevT, this.prevV, this.last, this.lastV, this.heldLine);
      this.held = false;
    }
    if (this.pending.length > 0) this.settleNominal();
  }

  /** Where the readings start to cover time: the first reading (interval kind: one nominal interval before it). */
  dataStart(): number {
    return this.spec.kind === 'interval' && Number.isFinite(this.nominal) ? this.first - this.nominal : this.first;
  }

  /** The meter's figures over [start, end] (the resolved window). */
  finish(start: number, end: number): SeriesSummary {
    this.settle();
    if (!Number.isNaN(this.eB)) {
      if (Math.abs(this.eB) >= this.eAAbs) this.decide(this.eB, this.eBAt, this.eBLine, this.eBValue);
      this.eB = NaN;
    }
    if (Number.isNaN(this.eLimit) && this.eWarm.length > 0) this.restat();
    this.closeRun();
    const qs = this.qRes.sample();
    // the rate sample's median and spread only where they count — a cumulative meter's stuck
    // runs, interpolated stretches — not for every meter (they were most of a finish's time)
    let medQ = NaN;
    const rateMedian = () => (medQ === medQ ? medQ : (medQ = median(qs)));
    const stuck = this.stuckRuns.filter((r) => (this.kind === CUMULATIVE ? rateMedian() > 0 : r.value !== 0));
    if (stuck.length > 0) this.flags.stuck = { count: stuck.length, examples: stuck.slice(0, MAX_EXAMPLES) };
    const windowMs = end - start;
    // edges the readings do not reach
    const gaps = [...this.gaps];
    let edgeMs = 0;
    let edgeSq = 0;
    const firstCovered = this.spec.kind === 'interval' ? this.first - (this.nominal || 0) : this.first;
    const edge = (a: number, b: number, atStart: boolean) => {
      if (!(b > a)) return;
      edgeMs += b - a;
      edgeSq += ((b - a) / HOUR) ** 2;
      if (b - a > this.gapMs || Number.isNaN(this.gapMs)) {
        if (atStart) gaps.unshift({ start: a, end: b });
        else gaps.push({ start: a, end: b });
      }
    };
    if (this.readings === 0) edge(start, end, true);
    else {
      edge(start, Math.min(firstCovered, end), true);
      edge(Math.max(this.last, start), end, false);
    }
    const coveredH = this.coveredMs / HOUR;
    const meanRate = coveredH > 0 ? this.total / coveredH : 0;
    const total = this.total + meanRate * ((edgeMs + this.missingMs) / HOUR);
    const interpolatedSq = this.filledSq + edgeSq;
    let sdInterpolation = 0;
    if (interpolatedSq > 0) {
      // robustSigma(qs) = 1.4826 · MAD about the median
      const sq = MAD_TO_SIGMA * mad(qs, rateMedian());
      sdInterpolation = (Number.isFinite(sq) ? sq : 0) * Math.sqrt(interpolatedSq);
    }
    let sdClass: number;
    let sdBasis: SeriesSummary['sdBasis'];
    if (this.spec.accuracyClass) {
      sdClass = ((accuracyClassPct(this.spec.accuracyClass) / 100) * Math.abs(total)) / accuracyClassCoverageFactor.k;
      sdBasis = 'accuracy-class';
    } else {
      sdClass = defaultRelativeSd.metered! * Math.abs(total);
      sdBasis = 'source-default';
    }
    let gapMsTotal = 0;
    for (const g of gaps) gapMsTotal += g.end - g.start;
    return {
      readings: this.readings,
      outsideWindow: this.outsideWindow,
      first: this.first,
      last: this.last,
      nominalIntervalMs: this.nominal,
      total,
      sd: Math.hypot(sdClass, sdInterpolation),
      sdClass,
      sdInterpolation,
      sdBasis,
      coverage: windowMs > 0 ? Math.max(0, 1 - gapMsTotal / windowMs) : 0,
      gaps,
      flags: this.flags,
    };
  }
}
