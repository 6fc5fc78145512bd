import {
  CUMULATIVE,
  isGlitch,
  localDeviation,
  localMaximum,
  perHour,
  RATE,
  type SeriesState,
  STUCK_MS,
  trapezoid,
} from './series-state.ts';

/**
 * The steady run: a meter's common step — a reading that changes nothing but the running sums —
 * in a loop over one column of a batch with the state in locals. The hot loop of a wide file
 * (8.64 M values on the benchmark); MeterSeries.addColumn calls it and sends the first value it
 * does not take through the general path (MeterSeries.addIn). The rules it applies are those of
 * the general path, stated once in series-state.ts.
 */

/** Whether steadyRun may take the next value: a cumulative or rate meter past its warm-up. */
export function isSteady(s: SeriesState): boolean {
  return (
    (s.kind === CUMULATIVE || s.kind === RATE) &&
    s.settled &&
    s.held &&
    s.readings > 2 &&
    s.eB === s.eB &&
    s.q1 === s.q1 &&
    s.q2 === s.q2
  );
}

/**
 * addIn for readings that change nothing but the running sums — in range, inside the window,
 * no stuck run closing, no glitch, no drop, no gap, no statistics refresh due — with the state in
 * locals (V8 keeps them in registers; the same steps through fields cost ~4× as much). Returns
 * the index of the first value it did not take; that one goes through addIn.
 */
export function steadyRun(
  s: SeriesState,
  ts: Float64Array,
  vs: Float64Array,
  off: number,
  stride: number,
  r0: number,
  n: number,
  lines: Float64Array,
): number {
  const rate = s.kind === RATE;
  const factor = s.factor;
  const min = s.min;
  const max = s.max;
  const ws = s.ws;
  const we = s.we;
  const gapMs = s.gapMs;
  const stuckMs = STUCK_MS;
  const ratePerHour = s.ratePerHour;
  const eCenter = s.eCenter;
  const eLimit = s.eLimit;
  // before the first statistics every local maximum is queued for them (the general path)
  const limitUnknown = +(eLimit !== eLimit);
  const nextStat = s.nextStat;
  const qRes = s.qRes;
  const eRes = s.eRes;
  let last = s.last;
  let lastV = s.lastV;
  let lastLine = s.lastLine;
  let prevT = s.prevT;
  let prevV = s.prevV;
  let heldLine = s.heldLine;
  let runValue = s.runValue;
  let runStart = s.runStart;
  let runLine = s.runLine;
  let total = s.total;
  let coveredMs = s.coveredMs;
  let eCount = s.eCount;
  let q1 = s.q1;
  let q2 = s.q2;
  let q2At = s.q2At;
  let q2Line = s.q2Line;
  let q2Value = s.q2Value;
  let eB = s.eB;
  let eBAt = s.eBAt;
  let eBLine = s.eBLine;
  let eBValue = s.eBValue;
  let eAAbs = s.eAAbs;
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
      delta = trapezoid(prevV, lastV, span, ratePerHour);
      q = lastV * ratePerHour;
    } else {
      if (isGlitch(prevV, lastV, v)) break;
      delta = lastV - prevV;
      if (delta < 0) break;
      q = perHour(delta, span);
    }
    if (!(q - q === 0)) break; // an infinite or NaN rate: the general path skips its statistics
    if (span > gapMs || prevT < ws || last > we || eCount + 1 === nextStat) break;
    const e = localDeviation(q1, q2, q);
    const a = Math.abs(eB);
    // a spike to flag, or a local maximum to queue (left to the general path); tested without
    // branches: whether eB is a local maximum of |e| is a coin toss on noisy data, and a
    // mispredicted branch cost ~9 ns a value
    if ((localMaximum(a, eAAbs, e) & (+(Math.abs(eB - eCenter) > eLimit) | limitUnknown)) !== 0) break;
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
  s.readings += taken;
  s.last = last;
  s.lastV = lastV;
  s.lastLine = lastLine;
  s.prevT = prevT;
  s.prevV = prevV;
  s.heldLine = heldLine;
  s.runValue = runValue;
  s.runStart = runStart;
  s.runLine = runLine;
  s.total = total;
  s.coveredMs = coveredMs;
  s.eCount = eCount;
  s.q1 = q1;
  s.q2 = q2;
  s.q2At = q2At;
  s.q2Line = q2Line;
  s.q2Value = q2Value;
  s.eB = eB;
  s.eBAt = eBAt;
  s.eBLine = eBLine;
  s.eBValue = eBValue;
  s.eAAbs = eAAbs;
  return r;
}
