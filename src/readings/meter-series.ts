import { gapRule } from './defaults.ts';
import { lowerMedian } from './robust.ts';
import {
  CUMULATIVE,
  HOUR,
  INTERVAL,
  isGlitch,
  localDeviation,
  localMaximum,
  perHour,
  RATE,
  SeriesState,
  STUCK_MS,
  trapezoid,
} from './series-state.ts';
import { MAX_EXAMPLES, seriesSummary } from './series-summary.ts';
import { nextStatAfter, spikeLimits } from './spike-stats.ts';
import { isSteady, steadyRun } from './steady-run.ts';
import type { Example, FlagCode, SeriesSummary } from './types.ts';

export type { SeriesSpec } from './series-state.ts';

/** The intervals whose lower median is the nominal one (settleNominal; typed: no boxed numbers, no comparator sort). */
const intervalScratch = new Float64Array(gapRule.sampleIntervals + 1);

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
 *
 * Here the general path, one reading at a time; the state is in series-state.ts (with the rules
 * both paths apply), the common step of a wide batch in steady-run.ts, the spike statistics in
 * spike-stats.ts and the end-of-stream figures in series-summary.ts.
 */
export class MeterSeries extends SeriesState {
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
   * as add() on each, value by value; the common step runs in steadyRun's loop (steady-run.ts).
   */
  addColumn(ts: Float64Array, vs: Float64Array, off: number, stride: number, n: number, lines: Float64Array): void {
    let r = 0;
    while (r < n) {
      if (isSteady(this)) r = steadyRun(this, ts, vs, off, stride, r, n, lines);
      if (r < n) {
        // the general path for one value: warm-up, a flag, a gap, a statistics refresh, …
        const o = off + r * stride;
        if (vs[o] === vs[o]) this.addFrom(ts, r, vs, o, lines[r]);
        r++;
      }
    }
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
        const glitch = this.kind === CUMULATIVE && this.readings > 2 && isGlitch(this.prevV, this.lastV, v);
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
      q = perHour(delta, span);
    } else {
      span = t1 - t0;
      from = t0;
      if (kind === RATE) {
        delta = trapezoid(v0, v1, span, this.ratePerHour);
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
        q = perHour(delta, span);
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
    // NaN-safe: an interval meter's first reading has no t0 (its gap test compares the nominal span)
    if (!(b > a)) return;
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
      const e = localDeviation(q1, q2, q);
      const m = ++this.eCount;
      this.eRes.add(e);
      const b = this.eB;
      if (b === b) {
        const a = b < 0 ? -b : b;
        if (localMaximum(a, this.eAAbs, e) !== 0) this.decide(b, this.eBAt, this.eBLine, this.eBValue);
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

  /** Refreshes the spike statistics (spike-stats.ts) and decides the local maxima queued for them. */
  private restat(): void {
    const limits = spikeLimits(this.eRes.sample(), this.qRes);
    if (limits === undefined) return;
    this.eCenter = limits.center;
    this.eLimit = limits.limit;
    this.nextStat = nextStatAfter(this.eCount);
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
    return seriesSummary(this, start, end);
  }
}
