import { MAD_TO_SIGMA } from './defaults.ts';

let scratch = new Float64Array(1024);

/**
 * A copy of values in the module's scratch array (selection reorders it, not the input), or
 * undefined when one of them is NaN: NaN has no place in an order, so its median is NaN.
 */
function copied(values: ArrayLike<number>): Float64Array | undefined {
  const n = values.length;
  if (scratch.length < n) scratch = new Float64Array(n);
  const a = scratch;
  let nan = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    a[i] = x;
    nan |= +(x !== x);
  }
  return nan === 0 ? a : undefined;
}

/** Median of a numeric array (NaN for an empty one or one holding NaN); the input is not changed. O(n) by quickselect. */
export function median(values: ArrayLike<number>): number {
  const n = values.length;
  const a = n === 0 ? undefined : copied(values);
  return a ? medianInPlace(a, n) : NaN;
}

/**
 * The lower median of a numeric array: the middle value, or the smaller of the two middle ones
 * for an even count (NaN for an empty one or one holding NaN); the input is not changed.
 */
export function lowerMedian(values: ArrayLike<number>): number {
  const n = values.length;
  const a = n === 0 ? undefined : copied(values);
  if (!a) return NaN;
  const k = (n - 1) >> 1;
  select(a, 0, n - 1, k);
  return a[k];
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

/**
 * Quickselect: puts the k-th smallest of a[lo..hi] at a[k], smaller ones before it, larger ones
 * after. Partitions without branches on the data (Lomuto's scheme, the comparison's 0/1 added to
 * the write position): on noisy data Hoare's scanning loops went either way at random, and their
 * mispredicted branches made a median of 512 values take 7 µs instead of 3.4 µs (measured).
 * a[lo..hi] holds no NaN (a NaN pivot would make no progress): the callers check.
 */
function select(a: Float64Array, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    // median of three as the pivot
    const mid = (lo + hi) >> 1;
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    // [lo, j): less than the pivot
    let j = lo;
    for (let i = lo; i <= hi; i++) {
      const x = a[i];
      const less = +(x < pivot);
      a[i] = a[j];
      a[j] = x;
      j += less;
    }
    if (k < j) {
      hi = j - 1;
      continue;
    }
    // [j, e): equal to the pivot (so a run of equal values cannot stall the loop)
    let e = j;
    for (let i = j; i <= hi; i++) {
      const x = a[i];
      const equal = +(x === pivot);
      a[i] = a[e];
      a[e] = x;
      e += equal;
    }
    if (k < e) return;
    lo = e;
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
  let nan = 0;
  for (let i = 0; i < n; i++) {
    const x = Math.abs(values[i] - center);
    d[i] = x;
    nan |= +(x !== x);
  }
  // the deviations are scratch: selected in place, not copied again
  return nan === 0 ? medianInPlace(d, n) : NaN;
}
let deviations = new Float64Array(1024);

/** Robust standard deviation 1.4826 · MAD. */
export function robustSigma(values: ArrayLike<number>): number {
  return MAD_TO_SIGMA * mad(values);
}

const EMPTY_SAMPLE = new Float64Array(0);

/**
 * A bounded systematic sample of a stream: every value until `size` are held, then every 2nd,
 * every 4th, … — when the buffer is full, every other held value is dropped and the stride
 * doubles. It holds the values at stream positions 0, s, 2s, … (s a power of two), between
 * size/2 and size of them. Why not a random reservoir: appends are sequential and most values
 * only decrement a counter — a random reservoir touched a random cache line of each meter's
 * buffer for every kept value, which cost more than the rest of a reading's checks (a wide file
 * of 2 000 meters holds 16 MB of samples). The sample does not depend on how the stream is
 * batched, and it repeats run to run.
 */
export class ThinnedSample {
  /** Allocated with the first value (a wide file's 2 000 meters would zero 16 MB up front). */
  private values = EMPTY_SAMPLE;
  count = 0;
  private stride = 1;
  private skip = 0;
  private largest = 0;
  /** `size`: a power of two ≥ 2. */
  constructor(readonly size: number) {
    if (size < 2 || (size & (size - 1)) !== 0) throw new RangeError(`sample size ${size} is not a power of two`);
  }
  /** Small, so V8 inlines it into the meters' hot loop; the rare work is in make(). */
  add(x: number): void {
    if (this.skip > 0) this.skip--;
    else {
      if (this.count === this.values.length) this.make();
      this.values[this.count++] = x;
      this.skip = this.stride - 1;
      const a = Math.abs(x);
      if (a > this.largest) this.largest = a;
    }
  }
  /** Room for one more value: the buffer on first use, else every other value dropped and the stride doubled. */
  private make(): void {
    const v = this.values;
    if (v.length === 0) {
      this.values = new Float64Array(this.size);
      return;
    }
    const half = v.length >> 1;
    let largest = 0;
    for (let i = 0; i < half; i++) {
      const x = v[2 * i];
      v[i] = x;
      const a = Math.abs(x);
      if (a > largest) largest = a;
    }
    this.count = half;
    this.stride *= 2;
    this.largest = largest;
  }
  /** max |x| of the sample held (0 for an empty one; NaN is passed over), kept as values come and go. */
  maxAbs(): number {
    return this.largest;
  }
  /** The sample held so far. */
  sample(): Float64Array {
    return this.values.subarray(0, this.count);
  }
}
