import { approximateMinimumDegree } from './amd.ts';
import { dot } from './dense.ts';
import {
  FillTooLargeError,
  ldlNumeric,
  ldlSolveInPlace,
  ldlSymbolic,
  selectedInverse,
  type LdlFactor,
  type LdlSymbolic,
  type SelectedInverse,
} from './ldl.ts';
import { reverseCuthillMcKee } from './ordering.ts';
import {
  inversePermutation,
  symmetricAdjacency,
  symPermuteUpper,
  type CscMatrix,
  type SymmetricAdjacency,
} from './sparse.ts';

/** A factorised SPD matrix in its original ordering. */
export interface SpdSolver {
  n: number;
  /** Non-zeros of L (fill included). */
  factorNonZeros: number;
  /** The fill-reducing ordering used (see fillReducingOrdering). */
  ordering: 'rcm' | 'amd';
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
  /**
   * bᵀ M⁻¹ b for a sparse b (entries `values` at `rows`): ‖D^(−½) L⁻¹ P b‖², a forward solve over
   * the elimination-tree reach of b's rows only.
   */
  inverseQuadratic(rows: ArrayLike<number>, values: ArrayLike<number>): number;
  /** False when the matrix's explicit zeros were left out of the factor (FactorOptions.optionalZeros). */
  zerosKept: boolean;
}

export interface FactorOptions {
  /** Refuse to factorise when L would hold more non-zeros than this (the caller falls back to PCG). */
  maxFactorNonZeros?: number;
  /** Refuse when the numeric factorisation would cost more than this many multiply-adds (Σ_j |L_*j|²). */
  maxFactorFlops?: number;
  /** Force an ordering (tests and benchmarks); by default fillReducingOrdering chooses. */
  ordering?: 'rcm' | 'amd';
  /**
   * The matrix's explicit zeros only ask for entries of the inverse (reconciliation puts them
   * where an estimated flow's variance needs (M⁻¹)ᵢⱼ): keep them when the banded RCM factor stays
   * small, else factorise without them — they would fill a non-local network's factor — and let the
   * caller use inverseQuadratic instead.
   */
  optionalZeros?: boolean;
}

/** An ordering with the permuted matrix and its symbolic analysis. */
export interface AnalysedOrdering {
  method: 'rcm' | 'amd';
  /** perm[new] = old, and its inverse. */
  perm: Int32Array;
  inverse: Int32Array;
  permuted: CscMatrix;
  symbolic: LdlSymbolic;
}

/**
 * RCM keeps the factor of a plant's long, thin network within twice the matrix's off-diagonal
 * entries plus its diagonal; AMD is only tried when the factor would be larger than that.
 */
const RCM_FILL_ENOUGH = 2;

/**
 * The fill-reducing ordering of an SPD matrix, chosen by the factor's cost (docs/reconcile.md,
 * "Ordering"): reverse Cuthill–McKee when its factor stays small (the banded networks of a plant,
 * where it is cheapest to compute), else the cheaper in multiply-adds Σ_j |L_*j|² of RCM and
 * approximate minimum degree, from the symbolic column counts of both. Each count stops as soon as
 * it passes its bound, so a filling ordering is rejected without paying for its fill. Throws
 * FillTooLargeError when both exceed `maxNonZeros`.
 */
export function fillReducingOrdering(
  m: CscMatrix,
  g: SymmetricAdjacency = symmetricAdjacency(m),
  maxNonZeros = Infinity,
  force?: 'rcm' | 'amd',
): AnalysedOrdering {
  const n = m.cols;
  const rcm = force === 'amd' ? undefined : permuted(m, g, 'rcm', reverseCuthillMcKee(m, g));
  if (rcm) {
    const sym = symbolicWithin(rcm.permuted, force === 'rcm' ? maxNonZeros : smallFill(g, maxNonZeros));
    if (sym) return { ...rcm, symbolic: sym };
    if (force === 'rcm') throw new FillTooLargeError(maxNonZeros);
  }
  const amd = permuted(m, g, 'amd', approximateMinimumDegree(g));
  const amdSym = symbolicWithin(amd.permuted, maxNonZeros);
  if (!rcm) {
    if (!amdSym) throw new FillTooLargeError(maxNonZeros);
    return { ...amd, symbolic: amdSym };
  }
  const rcmSym = symbolicWithin(rcm.permuted, amdSym ? amdSym.colPtr[n]! : maxNonZeros);
  if (rcmSym && (!amdSym || factorFlops(rcmSym) <= factorFlops(amdSym))) return { ...rcm, symbolic: rcmSym };
  if (!amdSym) throw new FillTooLargeError(maxNonZeros);
  return { ...amd, symbolic: amdSym };
}

/** The factor size below which RCM is taken without trying AMD. */
function smallFill(g: SymmetricAdjacency, maxNonZeros: number): number {
  const n = g.ptr.length - 1;
  return Math.min(maxNonZeros, RCM_FILL_ENOUGH * (g.ptr[n]! / 2) + n);
}

/** RCM when its factor stays small (see smallFill), else undefined. */
function smallRcm(m: CscMatrix, g: SymmetricAdjacency, maxNonZeros: number): AnalysedOrdering | undefined {
  const rcm = permuted(m, g, 'rcm', reverseCuthillMcKee(m, g));
  const sym = symbolicWithin(rcm.permuted, smallFill(g, maxNonZeros));
  return sym ? { ...rcm, symbolic: sym } : undefined;
}

/** The matrix without its explicit zeros (undefined when it has none). */
function withoutZeros(m: CscMatrix): CscMatrix | undefined {
  const { cols, colPtr, rowIndex, values } = m;
  let zeros = 0;
  for (let p = 0; p < colPtr[cols]!; p++) if (values[p] === 0) zeros++;
  if (zeros === 0) return undefined;
  const ptr = new Int32Array(cols + 1);
  const rows = new Int32Array(colPtr[cols]! - zeros);
  const vals = new Float64Array(rows.length);
  let nz = 0;
  for (let j = 0; j < cols; j++) {
    for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) {
      if (values[p] === 0) continue;
      rows[nz] = rowIndex[p]!;
      vals[nz++] = values[p]!;
    }
    ptr[j + 1] = nz;
  }
  return { rows: m.rows, cols, colPtr: ptr, rowIndex: rows, values: vals };
}

function permuted(
  m: CscMatrix,
  g: SymmetricAdjacency,
  method: 'rcm' | 'amd',
  perm: Int32Array,
): Omit<AnalysedOrdering, 'symbolic'> {
  const inverse = inversePermutation(perm);
  return { method, perm, inverse, permuted: symPermuteUpper(m, perm, inverse, g) };
}

/** The symbolic analysis, or undefined when L would hold more than `maxNonZeros` non-zeros. */
function symbolicWithin(pm: CscMatrix, maxNonZeros: number): LdlSymbolic | undefined {
  try {
    return ldlSymbolic(pm, maxNonZeros);
  } catch (e) {
    if (e instanceof FillTooLargeError) return undefined;
    throw e;
  }
}

/** Multiply-adds of the numeric factorisation (and, within a constant, of the selected inverse): Σ_j |L_*j|². */
export function factorFlops(sym: LdlSymbolic): number {
  let flops = 0;
  for (let j = 0; j < sym.n; j++) flops += (sym.colPtr[j + 1]! - sym.colPtr[j]!) ** 2;
  return flops;
}

/**
 * Orders (fillReducingOrdering), analyses and factorises the SPD matrix `m` (upper triangle, CSC).
 *
 * @example
 * // [[4, 2], [2, 3]] x = [2, 1] (upper triangle in CSC): det 8, x = [3·2 − 2·1, −2·2 + 4·1] / 8 = [0.5, 0]
 * const A = { rows: 2, cols: 2, colPtr: Int32Array.of(0, 1, 3), rowIndex: Int32Array.of(0, 0, 1), values: Float64Array.of(4, 2, 3) };
 * [...factorSpd(A).solve([2, 1])] // => [0.5, 0]
 */
export function factorSpd(matrix: CscMatrix, options: FactorOptions = {}): SpdSolver {
  let m = matrix;
  let adjacency = symmetricAdjacency(m);
  const max = options.maxFactorNonZeros ?? Infinity;
  let chosen = options.optionalZeros && !options.ordering ? smallRcm(m, adjacency, max) : undefined;
  let zerosKept = true;
  if (!chosen && options.optionalZeros) {
    const sparser = withoutZeros(m);
    if (sparser) {
      m = sparser;
      adjacency = symmetricAdjacency(m);
      zerosKept = false;
    }
  }
  chosen ??= fillReducingOrdering(m, adjacency, max, options.ordering);
  const { perm, inverse: inv, permuted: pm, symbolic: sym } = chosen;
  const factorNonZeros = sym.colPtr[sym.n]!;
  if (options.maxFactorFlops !== undefined && factorFlops(sym) > options.maxFactorFlops)
    throw new FillTooLargeError(factorNonZeros);
  const f = ldlNumeric(pm, sym);
  let selinv: SelectedInverse | undefined;
  let work: ReachWork | undefined;
  const n = m.cols;
  return {
    n,
    factorNonZeros,
    ordering: chosen.method,
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
    inverseQuadratic(rows, values) {
      // with a dense block, the solve stops at it and the block's part comes from its inverse
      if (f.dense < n) selinv ??= selectedInverse(f);
      return reachQuadratic(f, inv, rows, values, (work ??= reachWork(n, n - f.dense)), selinv?.denseZ);
    },
    zerosKept,
  };
}

/** Scratch of inverseQuadratic, reused across calls (one dense vector, stamps, the reach). */
interface ReachWork {
  x: Float64Array;
  mark: Int32Array;
  stamp: number;
  reach: Int32Array;
  /** What reaches the dense block, as a dense vector over it (zero between calls). */
  u: Float64Array;
}

function reachWork(n: number, t: number): ReachWork {
  return {
    x: new Float64Array(n),
    mark: new Int32Array(n),
    stamp: 0,
    reach: new Int32Array(n),
    u: new Float64Array(t),
  };
}

/**
 * bᵀ M⁻¹ b = Σ_j y_j² / d_j with y = L⁻¹ P b. y is non-zero only on the ancestors in the
 * elimination tree of b's rows (Gilbert & Peierls; Davis 2006, §3.2): the reach is collected by
 * walking up from each row, sorted (a child precedes its parent), and solved column by column.
 * The walk stops at a dense block (every path to the root runs through all of it): with B the
 * block and u = (P b)_B − L_BA y_A what reaches it, its part of the sum is uᵀ (M⁻¹)_BB u, from the
 * block's inverse `denseZ` (the selected inverse holds it) in contiguous dot products.
 */
function reachQuadratic(
  f: LdlFactor,
  inv: Int32Array,
  rows: ArrayLike<number>,
  values: ArrayLike<number>,
  w: ReachWork,
  denseZ: Float64Array | undefined,
): number {
  const { parent, colPtr, rowIndex, values: lv, d } = f;
  const dense = denseZ ? f.dense : f.n;
  const t = f.n - dense;
  const { x, mark, reach, u } = w;
  const stamp = ++w.stamp;
  let size = 0;
  let first = t; // u is zero before this index of the block
  for (let k = 0; k < rows.length; k++) {
    const start = inv[rows[k]!]!;
    if (start >= dense) {
      u[start - dense]! += values[k]!;
      first = Math.min(first, start - dense);
      continue;
    }
    x[start]! += values[k]!;
    for (let i = start; i !== -1 && i < dense && mark[i] !== stamp; i = parent[i]!) {
      mark[i] = stamp;
      reach[size++] = i;
    }
  }
  const list = reach.subarray(0, size).sort();
  let quad = 0;
  for (let k = 0; k < size; k++) {
    const j = list[k]!;
    const yj = x[j]!;
    x[j] = 0;
    if (yj === 0) continue;
    for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) {
      const r = rowIndex[p]!;
      if (r < dense) x[r]! -= lv[p]! * yj;
      else {
        u[r - dense]! -= lv[p]! * yj;
        if (r - dense < first) first = r - dense;
      }
    }
    quad += (yj * yj) / d[j]!;
  }
  if (denseZ) {
    // uᵀ Z u over the lower triangle: Σ_a u_a (2 Σ_{b<a} Z[a,b] u_b + Z[a,a] u_a), from u's first non-zero
    for (let a = first; a < t; a++) {
      const ua = u[a]!;
      if (ua === 0) continue;
      const row = a * t;
      quad += ua * (2 * dot(denseZ, row + first, u, first, a - first) + denseZ[row + a]! * ua);
    }
    u.fill(0, first, t);
  }
  return quad;
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
