import { MAD_TO_SIGMA } from './defaults.ts';

let scratch = new Float64Array(1024);

/** Median of a numeric array (NaN for an empty one); the input is not changed. O(n) by quickselect. */
export function median(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return NaN;
  if (scratch.length < n) scratch = new Float64Array(n);
  const a = scratch;
  for (let i = 0; i < n; i++) a[i] = values[i];
  return medianInPlace(a, n);
}

/** Median of a[0..n), reordering a (n ≥ 1). */
function medianInPlace(a: Float64Array, n: number): number {
  const k = n >> 1;
  select(a, 0, n - 1, k);
  if (n % 2 === 1) return a[k];
  // the lower middle is the largest of the left part
  let lower = a[0];
  for (let i = 1; i < k; i++) if (a[i] > lower) lower = a[i];
  return (lower + a[k]) / 2;
}

/** Hoare's quickselect: puts the k-th smallest of a[lo..hi] at a[k], smaller ones before it. */
function select(a: Float64Array, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    // median of three as the pivot
    const mid = (lo + hi) >> 1;
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/**
 * Median absolute deviation, MAD = median |x − median x|; σ ≈ 1.4826 · MAD for a normal
 * sample (Iglewicz & Hoaglin 1993). Robust: up to half the points may be outliers.
 *
 * @example mad([1, 2, 3, 4, 100]) // 1
 */
export function mad(values: ArrayLike<number>, center = median(values)): number {
  if (deviations.length < values.length) deviations = new Float64Array(values.length);
  const n = values.length;
  if (n === 0) return NaN;
  const d = deviations;
  for (let i = 0; i < n; i++) d[i] = Math.abs(values[i] - center);
  // the deviations are scratch: selected in place, not copied again
  return medianInPlace(d, n);
}
let deviations = new Float64Array(1024);

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
    const j = Math.floor((this.seed / 4294967296) * this.count);
    if (j < size) this.values[j] = x;
  }
  /** The sample held so far. */
  sample(): Float64Array {
    return this.values.subarray(0, Math.min(this.count, this.values.length));
  }
}
