import { spikeRule } from './defaults.ts';
import { mad, median, type ThinnedSample } from './robust.ts';

/**
 * The statistics of the spike rule (docs/readings.md): a local maximum e of |local deviation| is
 * a spike when its modified z-score 0.6745 (e − median) / MAD exceeds spikeRule.modifiedZ, i.e.
 * when |e − centre| > limit with centre = median(e) and limit = z · MAD / 0.6745. The MAD has a
 * floor of madFloorRel · |median q| (a near-constant rate would otherwise make every wobble a spike).
 */

/** e-values between statistics refreshes once they have settled. */
const RESTAT = 8192;

/** The centre and limit of the e sample `es`, against the rate sample `qRes`; undefined for an empty sample. */
export function spikeLimits(es: Float64Array, qRes: ThinnedSample): { center: number; limit: number } | undefined {
  if (es.length === 0) return undefined;
  const center = median(es);
  const spread = mad(es, center);
  // the floor madFloorRel·|median q| matters only when the MAD is below madFloorRel·max|q|
  // (the sample keeps its max|q|): the rate sample is not read otherwise
  let floor = 0;
  if (spread < spikeRule.madFloorRel * qRes.maxAbs()) floor = spikeRule.madFloorRel * Math.abs(median(qRes.sample()));
  const m = Math.max(spread, floor, Number.MIN_VALUE);
  // modified z = 0.6745 (e − median) / MAD > z  ⇔  |e − median| > z · MAD / 0.6745
  let limit = (spikeRule.modifiedZ * m) / 0.6745;
  // a sample holding NaN (infinite rates: values near the largest double) has no median or
  // spread, and no spike can be told: none is flagged, and none is queued any longer
  if (limit !== limit) limit = Infinity;
  return { center, limit };
}

/** The e count of the next refresh after one at `eCount`: statistics settle quickly — 32, 128, 512, 2048, then every RESTAT. */
export const nextStatAfter = (eCount: number): number => (eCount < RESTAT ? eCount * 4 : eCount + RESTAT);
