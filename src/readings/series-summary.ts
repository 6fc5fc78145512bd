import { defaultRelativeSd } from '../data/cp-practice.ts';
import { accuracyClassCoverageFactor } from '../data/measurement.ts';
import { accuracyClassPct } from '../model/uncertainty.ts';
import { MAD_TO_SIGMA } from './defaults.ts';
import { mad, median } from './robust.ts';
import { CUMULATIVE, HOUR, type SeriesState } from './series-state.ts';
import type { SeriesSummary } from './types.ts';

/** Examples kept per flag. */
export const MAX_EXAMPLES = 10;

/**
 * A meter's figures over the resolved window [start, end] from its settled state (MeterSeries.finish):
 * - total = the sum of the increments inside the window + the mean rate over the covered time × the
 *   time the readings do not cover (the window's edges beyond the first and last readings, and the
 *   interval kind's missing intervals);
 * - sd = √(sdClass² + sdInterpolation²): the meter's accuracy class as a standard uncertainty
 *   (class % · |total| / k, data/measurement.ts), else the source default for metered figures; and
 *   1.4826 · MAD of the rate sample · √(Σ hours² of the interpolated stretches);
 * - coverage = 1 − (time in gaps) / (window length).
 * Stuck runs become the `stuck` flag only where they mean something: a cumulative meter that stands
 * still while its median rate is above zero; a rate or interval meter held at a value other than zero.
 */
export function seriesSummary(s: SeriesState, start: number, end: number): SeriesSummary {
  const qs = s.qRes.sample();
  // the rate sample's median and spread only where they count — a cumulative meter's stuck
  // runs, interpolated stretches — not for every meter (they were most of a finish's time)
  let medQ = NaN;
  const rateMedian = () => (medQ === medQ ? medQ : (medQ = median(qs)));
  const stuck = s.stuckRuns.filter((r) => (s.kind === CUMULATIVE ? rateMedian() > 0 : r.value !== 0));
  if (stuck.length > 0) s.flags.stuck = { count: stuck.length, examples: stuck.slice(0, MAX_EXAMPLES) };
  const windowMs = end - start;
  // edges the readings do not reach
  const gaps = [...s.gaps];
  let edgeMs = 0;
  let edgeSq = 0;
  const firstCovered = s.spec.kind === 'interval' ? s.first - (s.nominal || 0) : s.first;
  const edge = (a: number, b: number, atStart: boolean) => {
    if (!(b > a)) return;
    edgeMs += b - a;
    edgeSq += ((b - a) / HOUR) ** 2;
    if (b - a > s.gapMs || Number.isNaN(s.gapMs)) {
      if (atStart) gaps.unshift({ start: a, end: b });
      else gaps.push({ start: a, end: b });
    }
  };
  if (s.readings === 0) edge(start, end, true);
  else {
    edge(start, Math.min(firstCovered, end), true);
    edge(Math.max(s.last, start), end, false);
  }
  const coveredH = s.coveredMs / HOUR;
  const meanRate = coveredH > 0 ? s.total / coveredH : 0;
  const total = s.total + meanRate * ((edgeMs + s.missingMs) / HOUR);
  const interpolatedSq = s.filledSq + edgeSq;
  let sdInterpolation = 0;
  if (interpolatedSq > 0) {
    // robustSigma(qs) = 1.4826 · MAD about the median
    const sq = MAD_TO_SIGMA * mad(qs, rateMedian());
    sdInterpolation = (Number.isFinite(sq) ? sq : 0) * Math.sqrt(interpolatedSq);
  }
  let sdClass: number;
  let sdBasis: SeriesSummary['sdBasis'];
  if (s.spec.accuracyClass) {
    sdClass = ((accuracyClassPct(s.spec.accuracyClass) / 100) * Math.abs(total)) / accuracyClassCoverageFactor.k;
    sdBasis = 'accuracy-class';
  } else {
    sdClass = defaultRelativeSd.metered! * Math.abs(total);
    sdBasis = 'source-default';
  }
  let gapMsTotal = 0;
  for (const g of gaps) gapMsTotal += g.end - g.start;
  return {
    readings: s.readings,
    outsideWindow: s.outsideWindow,
    first: s.first,
    last: s.last,
    nominalIntervalMs: s.nominal,
    total,
    sd: Math.hypot(sdClass, sdInterpolation),
    sdClass,
    sdInterpolation,
    sdBasis,
    coverage: windowMs > 0 ? Math.max(0, 1 - gapMsTotal / windowMs) : 0,
    gaps,
    flags: s.flags,
  };
}
