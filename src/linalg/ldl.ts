import { reverseCuthillMcKee } from './ordering.ts';
import { inversePermutation, symmetricAdjacency, symPermuteUpper, type CscMatrix } from './sparse.ts';

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
}

export interface LdlFactor extends LdlSymbolic {
  rowIndex: Int32Array;
  values: Float64Array;
  d: Float64Array;
}

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
  const colPtr = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) colPtr[k + 1] = colPtr[k]! + count[k]!;
  return { n, parent, colPtr };
}

/** Pivots below this × their diagonal entry are treated as zero (a few ulps: the matrix is singular). */
const PIVOT_TOLERANCE = 8 * Number.EPSILON;

export class NotPositiveDefiniteError extends Error {
  constructor(readonly column: number) {
    super(`matrix is not positive definite (pivot ${column})`);
  }
}

/** Numeric LDLᵀ given the symbolic analysis; throws NotPositiveDefiniteError on a non-positive pivot. */
export function ldlNumeric(a: CscMatrix, sym: LdlSymbolic): LdlFactor {
  const { colPtr: aPtr, rowIndex: aRow, values: aVal } = a;
  const { n, parent, colPtr } = sym;
  const nnz = colPtr[n]!;
  const rowIndex = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  const d = new Float64Array(n);
  const y = new Float64Array(n);
  const pattern = new Int32Array(n);
  const flag = new Int32Array(n);
  const filled = new Int32Array(n);
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
      for (; flag[i] !== k; i = parent[i]!) {
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
    if (!(dk > diagScale * PIVOT_TOLERANCE)) throw new NotPositiveDefiniteError(k);
    d[k] = dk;
  }
  return { ...sym, rowIndex, values, d };
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
export function selectedInverse(f: LdlFactor): { diag: Float64Array; lower: Float64Array } {
  const { n, colPtr, rowIndex, values, d } = f;
  const diag = new Float64Array(n);
  const lower = new Float64Array(colPtr[n]!);
  let scratch = new Float64Array(16);
  for (let j = n - 1; j >= 0; j--) {
    const s = colPtr[j]!;
    const e = colPtr[j + 1]!;
    const len = e - s;
    if (scratch.length < len) scratch = new Float64Array(len * 2);
    scratch.fill(0, 0, len);
    for (let b = 0; b < len; b++) {
      const rb = rowIndex[s + b]!;
      const lb = values[s + b]!;
      scratch[b]! -= lb * diag[rb]!;
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
  return { diag, lower };
}

/** A factorised SPD matrix in its original ordering. */
export interface SpdSolver {
  n: number;
  /** Non-zeros of L (fill included). */
  factorNonZeros: number;
  solve(b: ArrayLike<number>): Float64Array;
  /** (M⁻¹)[i,i] and (M⁻¹)[i,j] for i, j adjacent in M (computes the selected inverse on first use). */
  inverseDiag(i: number): number;
  /** The whole diagonal of M⁻¹, in the original ordering. */
  inverseDiagonal(): Float64Array;
  inverseEntry(i: number, j: number): number;
  /** (M⁻¹)[i[k], j[k]] for every k, each pair adjacent in M or on the diagonal (batched inverseEntry). */
  inverseEntries(i: Int32Array, j: Int32Array): Float64Array;
  /** (M⁻¹)[i,j] when it lies in the factor's pattern (or i = j), else undefined. */
  inverseEntryIfKnown(i: number, j: number): number | undefined;
}

export interface FactorOptions {
  /** Refuse to factorise when L would hold more non-zeros than this (the caller falls back to PCG). */
  maxFactorNonZeros?: number;
  /** Refuse when the numeric factorisation would cost more than this many multiply-adds (Σ_j |L_*j|²). */
  maxFactorFlops?: number;
}

export class FillTooLargeError extends Error {
  constructor(readonly factorNonZeros: number) {
    super(`sparse factor would hold ${factorNonZeros} non-zeros`);
  }
}

/** Orders (RCM), analyses and factorises the SPD matrix `m` (upper triangle, CSC). */
export function factorSpd(m: CscMatrix, options: FactorOptions = {}): SpdSolver {
  const adjacency = symmetricAdjacency(m);
  const perm = reverseCuthillMcKee(m, adjacency);
  const inv = inversePermutation(perm);
  const pm = symPermuteUpper(m, perm, inv, adjacency);
  const sym = ldlSymbolic(pm, options.maxFactorNonZeros);
  const factorNonZeros = sym.colPtr[sym.n]!;
  if (options.maxFactorFlops !== undefined) {
    let flops = 0;
    for (let j = 0; j < sym.n; j++) flops += (sym.colPtr[j + 1]! - sym.colPtr[j]!) ** 2;
    if (flops > options.maxFactorFlops) throw new FillTooLargeError(factorNonZeros);
  }
  const f = ldlNumeric(pm, sym);
  let selinv: { diag: Float64Array; lower: Float64Array } | undefined;
  const n = m.cols;
  return {
    n,
    factorNonZeros,
    solve(b) {
      const x = new Float64Array(n);
      for (let k = 0; k < n; k++) x[k] = b[perm[k]!]!;
      ldlSolveInPlace(f, x);
      const out = new Float64Array(n);
      for (let k = 0; k < n; k++) out[perm[k]!] = x[k]!;
      return out;
    },
    inverseDiag(i) {
      selinv ??= selectedInverse(f);
      return selinv.diag[inv[i]!]!;
    },
    inverseDiagonal() {
      selinv ??= selectedInverse(f);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = selinv.diag[inv[i]!]!;
      return out;
    },
    inverseEntry(i, j) {
      const z = this.inverseEntryIfKnown(i, j);
      if (z === undefined) throw new Error(`entry (${i}, ${j}) is outside the factor's pattern`);
      return z;
    },
    inverseEntries(i, j) {
      selinv ??= selectedInverse(f);
      const out = new Float64Array(i.length);
      const { colPtr, rowIndex } = f;
      const { diag, lower } = selinv;
      for (let k = 0; k < i.length; k++) {
        const a = inv[i[k]!]!;
        const b = inv[j[k]!]!;
        if (a === b) {
          out[k] = diag[a]!;
          continue;
        }
        const p = sortedPosition(rowIndex, colPtr[Math.min(a, b)]!, colPtr[Math.min(a, b) + 1]!, Math.max(a, b));
        if (p < 0) throw new Error(`entry (${i[k]}, ${j[k]}) is outside the factor's pattern`);
        out[k] = lower[p]!;
      }
      return out;
    },
    inverseEntryIfKnown(i, j) {
      selinv ??= selectedInverse(f);
      return selectedEntry(f, selinv, inv[i]!, inv[j]!);
    },
  };
}

/** Z[a, b] of the selected inverse (permuted indices) when it lies in L's pattern or a = b, else undefined. */
function selectedEntry(
  f: LdlFactor,
  selinv: { diag: Float64Array; lower: Float64Array },
  a: number,
  b: number,
): number | undefined {
  if (a === b) return selinv.diag[a]!;
  const col = Math.min(a, b);
  const p = sortedPosition(f.rowIndex, f.colPtr[col]!, f.colPtr[col + 1]!, Math.max(a, b));
  return p < 0 ? undefined : selinv.lower[p]!;
}

/** Position of `row` in the sorted slice rowIndex[start .. end) (binary search), −1 when absent. */
function sortedPosition(rowIndex: Int32Array, start: number, end: number, row: number): number {
  let lo = start;
  let hi = end - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = rowIndex[mid]!;
    if (r === row) return mid;
    if (r < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
