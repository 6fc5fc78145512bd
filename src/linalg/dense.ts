/**
 * Dense kernels for the trailing block of a sparse factor that has filled in completely (the last
 * supernode after a minimum degree ordering of a non-local network: ~90 % of the work of a
 * 13 000-stream random network sits in one 600 × 600 block). Row-major t × t Float64Arrays, so the
 * inner loops run over contiguous memory — several times faster than the sparse kernels' indexed
 * scatter on the same block. See ldl.ts for where they are used.
 */

/**
 * LDLᵀ of the symmetric t × t matrix whose lower triangle is in `c` (row-major), in place: on
 * return the strict lower triangle holds L and `d[0 .. t)` the pivots. Crout's order, row by row:
 *   (L D)[i,j] = C[i,j] − Σ_{k<j} L[i,k]·(L D)[j,k],   L[i,j] = (L D)[i,j] / d_j,
 *   d_i = C[i,i] − Σ_{k<i} L[i,k]·(L D)[i,k],
 * with L D kept in `ld` so every sum is a dot product of two contiguous rows.
 * Returns the index of the first pivot not above `tolerance[i]`, or −1.
 */
export function denseLdl(c: Float64Array, t: number, d: Float64Array, tolerance: Float64Array): number {
  const ld = new Float64Array(t * t);
  for (let i = 0; i < t; i++) {
    const ri = i * t;
    for (let j = 0; j < i; j++) {
      const s = c[ri + j]! - dot(c, ri, ld, j * t, j);
      ld[ri + j] = s;
      c[ri + j] = s / d[j]!;
    }
    const di = c[ri + i]! - dot(c, ri, ld, ri, i);
    if (!(di > tolerance[i]!)) return i;
    d[i] = di;
  }
  return -1;
}

/**
 * Σ_{k<len} x[xi + k]·y[yi + k], in four independent sums: one sum waits on each addition before the
 * next (~1.2 ns a term here), four keep the floating-point unit busy (~0.8 ns).
 */
export function dot(x: Float64Array, xi: number, y: Float64Array, yi: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < len; k += 4) {
    s0 += x[xi + k]! * y[yi + k]!;
    s1 += x[xi + k + 1]! * y[yi + k + 1]!;
    s2 += x[xi + k + 2]! * y[yi + k + 2]!;
    s3 += x[xi + k + 3]! * y[yi + k + 3]!;
  }
  for (; k < len; k++) s0 += x[xi + k]! * y[yi + k]!;
  return s0 + s1 + (s2 + s3);
}

/**
 * The inverse Z of L D Lᵀ (L unit lower in the strict lower triangle of `l`, row-major t × t), in
 * the lower triangle of the returned row-major array, by the Takahashi recurrence from the last
 * column:
 *   Z[a,j] = −Σ_{k>j} Z[a,k]·L[k,j]  (a > j),   Z[j,j] = 1/d_j − Σ_{k>j} L[k,j]·Z[k,j].
 * The sums for one column are a symmetric matrix–vector product over the trailing block, read once
 * from its lower triangle, row by row (contiguous); column j of L is gathered first.
 */
export function denseInverse(l: Float64Array, t: number, d: Float64Array): Float64Array {
  const z = new Float64Array(t * t);
  const col = new Float64Array(t);
  const sum = new Float64Array(t);
  for (let j = t - 1; j >= 0; j--) {
    for (let k = j + 1; k < t; k++) {
      col[k] = l[k * t + j]!;
      sum[k] = 0;
    }
    // sum = Z[j+1.., j+1..] · col, with Z symmetric and stored below its diagonal
    for (let a = j + 1; a < t; a++) {
      const ra = a * t;
      const ca = col[a]!;
      // row a left of the diagonal: its dot product with col, and ca × it added to sum
      let s0 = z[ra + a]! * ca;
      let s1 = 0;
      let k = j + 1;
      for (; k + 1 < a; k += 2) {
        const z0 = z[ra + k]!;
        const z1 = z[ra + k + 1]!;
        s0 += z0 * col[k]!;
        s1 += z1 * col[k + 1]!;
        sum[k]! += z0 * ca;
        sum[k + 1]! += z1 * ca;
      }
      if (k < a) {
        const z0 = z[ra + k]!;
        s0 += z0 * col[k]!;
        sum[k]! += z0 * ca;
      }
      sum[a]! += s0 + s1;
    }
    let zjj = 1 / d[j]!;
    for (let a = j + 1; a < t; a++) {
      z[a * t + j] = -sum[a]!;
      zjj += col[a]! * sum[a]!;
    }
    z[j * t + j] = zjj;
  }
  return z;
}
