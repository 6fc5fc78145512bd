import { MAD_TO_SIGMA } from './defaults.ts';

/** Median of a numeric array (copied and sorted; NaN for an empty one). */
export function median(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return NaN;
  const a = Float64Array.from(values).sort();
  return n % 2 === 1 ? a[(n - 1) / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
}

/**
 * Median absolute deviation, MAD = median |x − median x|; σ ≈ 1.4826 · MAD for a normal
 * sample (Iglewicz & Hoaglin 1993). Robust: up to half the points may be outliers.
 *
 * @example mad([1, 2, 3, 4, 100]) // 1
 */
export function mad(values: ArrayLike<number>, center = median(values)): number {
  const d = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) d[i] = Math.abs(values[i] - center);
  return median(d);
}

/** Robust standard deviation 1.4826 · MAD. */
export function robustSigma(values: ArrayLike<number>): number {
  return MAD_TO_SIGMA * mad(values);
}

/**
 * A fixed-size uniform sample of a stream (reservoir sampling, Vitter's algorithm R) with a
 * seeded generator, so streaming statistics use bounded memory and repeat run to run.
 */
export class Reservoir {
  readonly values: Float64Array;
  count = 0;
  private seed: number;
  constructor(size: number, seed = 0x9e3779b9) {
    this.values = new Float64Array(size);
    this.seed = seed >>> 0 || 1;
  }
  add(x: number): void {
    const size = this.values.length;
    if (this.count < size) {
      this.values[this.count++] = x;
      return;
    }
    this.count++;
    // xorshift32
    let s = this.seed;
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    this.seed = s >>> 0;
    const j = this.seed % this.count;
    if (j < size) this.values[j] = x;
  }
  /** The sample held so far. */
  sample(): Float64Array {
    return this.values.subarray(0, Math.min(this.count, this.values.length));
  }
}
