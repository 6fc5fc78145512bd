import { denseInverse, denseLdl } from './dense.ts';
import type { CscMatrix } from './sparse.ts';

/**
 * Sparse LDLᵀ factorisation of a symmetric positive definite matrix, M = L·D·Lᵀ with L unit lower
 * triangular, computed row by row ("up-looking": row k of L solves L₀ y = M[0..k, k] over the
 * elimination-tree reach of column k). Written for pingheng because npm has no sparse Cholesky
 * (shared/ECOSYSTEM.md) and mathjs's sparse LU is far too slow and LGPL.
 *
 * Reference: Davis, *Direct Methods for Sparse Linear Systems*, SIAM 2006, ch. 4 (elimination
 * tree, up-looking Cholesky); George & Liu 1981 for the ordering.
 */
export interface LdlSymbolic {
  n: number;
  /** Elimination-tree parent, −1 for a root. */
  parent: Int32Array;
  /** Column pointers of L (strictly lower part). */
  colPtr: Int32Array;
  /**
   * First column of the trailing block that fills in completely (every L[i,j] ≠ 0 for i > j ≥
   * dense), factorised and inverted by the dense kernels of dense.ts; n when that block is narrower
   * than DENSE_BLOCK_MIN.
   */
  dense: number;
}

export interface LdlFactor extends LdlSymbolic {
  rowIndex: Int32Array;
  values: Float64Array;
  d: Float64Array;
  /** The dense block's L, row-major (n − dense)², when there is one (also in rowIndex/values). */
  denseL?: Float64Array;
}

/**
 * A trailing dense block of at least this many columns goes to the dense kernels: below it their
 * set-up costs more than the contiguous loops save.
 */
const DENSE_BLOCK_MIN = 48;

/**
 * Elimination tree and column counts of L for the upper-triangle CSC matrix `a`. The work is
 * proportional to the non-zeros of L, so it stops with FillTooLargeError as soon as they pass
 * `maxNonZeros` — a network whose factor would fill in is detected without paying for it.
 */
export function ldlSymbolic(a: CscMatrix, maxNonZeros = Infinity): LdlSymbolic {
  const { colPtr: aPtr, rowIndex: aRow } = a;
  const n = a.cols;
  const parent = new Int32Array(n).fill(-1);
  const flag = new Int32Array(n);
  const count = new Int32Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    flag[k] = k;
    if (total > maxNonZeros) throw new FillTooLargeError(total);
    for (let p = aPtr[k]!; p < aPtr[k + 1]!; p++) {
      let i = aRow[p]!;
      if (i >= k) continue;
      // Walk from i up the tree to the first node already on row k's path: each is a nonzero L[k, i].
      for (; flag[i] !== k; i = parent[i]!) {
        if (parent[i] === -1) parent[i] = k;
        count[i]!++;
        total++;
        flag[i] = k;
      }
    }
  }
  if (total > maxNonZeros) throw new FillTooLargeError(total);
  const colPtr = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) colPtr[k + 1] = colPtr[k]! + count[k]!;
  // The filled graph is chordal: once a column holds every row below it, so do all later ones.
  let dense = n;
  while (dense > 0 && count[dense - 1] === n - dense) dense--;
  if (n - dense < DENSE_BLOCK_MIN) dense = n;
  return { n, parent, colPtr, dense };
}

/** Pivots below this × their diagonal entry are treated as zero (a few ulps: the matrix is singular). */
const PIVOT_TOLERANCE = 8 * Number.EPSILON;

export class NotPositiveDefiniteError extends Error {
  constructor(readonly column: number) {
    super(`matrix is not positive definite (pivot ${column})`);
  }
}

/**
 * Numeric LDLᵀ given the symbolic analysis; throws NotPositiveDefiniteError on a non-positive pivot.
 * Rows before `sym.dense` are computed up-looking; the rows of the dense block take the same sparse
 * solve over the columns before it, which leaves their Schur complement C = M_BB − L_BA D_A L_BAᵀ
 * (in y, then in a dense array), factorised by denseLdl.
 */
export function ldlNumeric(a: CscMatrix, sym: LdlSymbolic): LdlFactor {
  const { colPtr: aPtr, rowIndex: aRow, values: aVal } = a;
  const { n, parent, colPtr, dense } = sym;
  const nnz = colPtr[n]!;
  const rowIndex = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  const d = new Float64Array(n);
  const y = new Float64Array(n);
  const pattern = new Int32Array(n);
  const flag = new Int32Array(n);
  const filled = new Int32Array(n);
  const t = n - dense;
  const schur = new Float64Array(t * t);
  const pivotFloor = new Float64Array(t);
  for (let k = 0; k < n; k++) {
    let top = n;
    flag[k] = k;
    y[k] = 0;
    let diagScale = 0;
    for (let p = aPtr[k]!; p < aPtr[k + 1]!; p++) {
      let i = aRow[p]!;
      if (i > k) continue;
      y[i]! += aVal[p]!;
      if (i === k) diagScale = Math.abs(aVal[p]!);
      let len = 0;
      // within the dense block the walk stops at its first column: those rows are the Schur complement's
      for (; i < dense && flag[i] !== k; i = parent[i]!) {
        pattern[len++] = i;
        flag[i] = k;
      }
      while (len > 0) pattern[--top] = pattern[--len]!;
    }
    let dk = y[k]!;
    y[k] = 0;
    for (; top < n; top++) {
      const i = pattern[top]!;
      const yi = y[i]!;
      y[i] = 0;
      const end = colPtr[i]! + filled[i]!;
      for (let p = colPtr[i]!; p < end; p++) y[rowIndex[p]!]! -= values[p]! * yi;
      const lki = yi / d[i]!;
      dk -= lki * yi;
      rowIndex[end] = k;
      values[end] = lki;
      filled[i]!++;
    }
    // A pivot at round-off level relative to its own diagonal means a singular (semi-definite) matrix.
    const floor = diagScale * PIVOT_TOLERANCE;
    if (k < dense) {
      if (!(dk > floor)) throw new NotPositiveDefiniteError(k);
      d[k] = dk;
      continue;
    }
    const row = (k - dense) * t;
    for (let j = dense; j < k; j++) {
      schur[row + j - dense] = y[j]!;
      y[j] = 0;
    }
    schur[row + k - dense] = dk;
    pivotFloor[k - dense] = floor;
  }
  if (t === 0) return { ...sym, rowIndex, values, d };
  const dB = d.subarray(dense);
  const bad = denseLdl(schur, t, dB, pivotFloor);
  if (bad >= 0) throw new NotPositiveDefiniteError(dense + bad);
  for (let j = 0; j < t; j++) {
    let q = colPtr[dense + j]!;
    for (let i = j + 1; i < t; i++) {
      rowIndex[q] = dense + i;
      values[q++] = schur[i * t + j]!;
    }
  }
  return { ...sym, rowIndex, values, d, denseL: schur };
}

/** Solves L·D·Lᵀ x = b in place (permuted space). */
export function ldlSolveInPlace(f: LdlFactor, x: Float64Array): Float64Array {
  const { n, colPtr, rowIndex, values, d } = f;
  for (let j = 0; j < n; j++) {
    const xj = x[j]!;
    if (xj !== 0) for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) x[rowIndex[p]!]! -= values[p]! * xj;
  }
  for (let j = 0; j < n; j++) x[j]! /= d[j]!;
  for (let j = n - 1; j >= 0; j--) {
    let s = x[j]!;
    for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) s -= values[p]! * x[rowIndex[p]!]!;
    x[j] = s;
  }
  return x;
}

/**
 * Selected inverse (Takahashi, Fagan & Chen 1973): the entries of Z = M⁻¹ on the pattern of L
 * and its diagonal, from Z = D⁻¹L⁻¹ + (I − Lᵀ)Z taken column by column from the last:
 *   Z[i,j] = −Σ_{k>j} L[k,j]·Z[i,k]   (i > j in the pattern of column j),
 *   Z[j,j] = 1/d_j − Σ_{k>j} L[k,j]·Z[k,j].
 * Every Z[i,k] needed lies in the pattern because the filled graph is chordal. Costs about as much
 * as the factorisation; gives the variances the measurement, nodal and leak tests need.
 */
export interface SelectedInverse {
  diag: Float64Array;
  /** Z on L's pattern, entry for entry with `rowIndex`. */
  lower: Float64Array;
  /** The dense block's Z, row-major (n − dense)², below its diagonal (empty without a dense block). */
  denseZ: Float64Array;
}

export function selectedInverse(f: LdlFactor): SelectedInverse {
  const { n, colPtr, rowIndex, values, d, dense } = f;
  const diag = new Float64Array(n);
  const lower = new Float64Array(colPtr[n]!);
  const t = n - dense;
  // The dense block's inverse at once (dense.ts), written into its columns of the pattern.
  const zB = f.denseL ? denseInverse(f.denseL, t, d.subarray(dense)) : new Float64Array(0);
  for (let j = 0; j < t; j++) {
    diag[dense + j] = zB[j * t + j]!;
    let q = colPtr[dense + j]!;
    for (let i = j + 1; i < t; i++) lower[q++] = zB[i * t + j]!;
  }
  let scratch = new Float64Array(16);
  for (let j = dense - 1; j >= 0; j--) {
    const s = colPtr[j]!;
    const e = colPtr[j + 1]!;
    const len = e - s;
    if (scratch.length < len) scratch = new Float64Array(len * 2);
    scratch.fill(0, 0, len);
    for (let b = 0; b < len; b++) {
      const rb = rowIndex[s + b]!;
      const lb = values[s + b]!;
      scratch[b]! -= lb * diag[rb]!;
      if (rb >= dense) {
        // Z[ra, rb] of the dense block, straight from its inverse (row ra, below the diagonal)
        const zCol = rb - dense - dense * t;
        for (let a = b + 1; a < len; a++) {
          const z = zB[rowIndex[s + a]! * t + zCol]!;
          scratch[a]! -= lb * z;
          scratch[b]! -= values[s + a]! * z;
        }
        continue;
      }
      // Z[ra, rb] for ra > rb sits in column rb; both row lists are sorted, so merge.
      let q = colPtr[rb]!;
      const qe = colPtr[rb + 1]!;
      for (let a = b + 1; a < len; a++) {
        const ra = rowIndex[s + a]!;
        while (q < qe && rowIndex[q]! < ra) q++;
        const z = lower[q]!;
        scratch[a]! -= lb * z;
        scratch[b]! -= values[s + a]! * z;
      }
    }
    let dj = 1 / d[j]!;
    for (let a = 0; a < len; a++) {
      lower[s + a] = scratch[a]!;
      dj -= values[s + a]! * scratch[a]!;
    }
    diag[j] = dj;
  }
  return { diag, lower, denseZ: zB };
}

export class FillTooLargeError extends Error {
  constructor(readonly factorNonZeros: number) {
    super(`sparse factor would hold ${factorNonZeros} non-zeros`);
  }
}
