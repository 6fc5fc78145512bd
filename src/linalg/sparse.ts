/**
 * Compressed sparse matrices on typed arrays.
 *
 * CSC (compressed sparse column): column j holds rows `rowIndex[colPtr[j] .. colPtr[j+1])` with
 * `values` alongside. A symmetric matrix is stored as its upper triangle (row ≤ column) by columns,
 * which is also its lower triangle by rows (CSR of the lower part) — the layout the LDLᵀ factor reads.
 *
 * Hot loops here and in src/reconcile read typed arrays from locals rather than through an
 * object's properties: V8 reloads a property on every iteration, which costs ~30 % on short loops.
 */
export interface CscMatrix {
  rows: number;
  cols: number;
  colPtr: Int32Array;
  rowIndex: Int32Array;
  values: Float64Array;
}

/** Coordinate entries (row ti[k], column tj[k], value tv[k]) for k < count. */
export interface Triplets {
  ti: ArrayLike<number>;
  tj: ArrayLike<number>;
  tv: ArrayLike<number>;
  count: number;
}

/**
 * Builds a CSC matrix from coordinate triplets, summing duplicates; rows within a column come out sorted.
 * Two counting passes, no comparison sort: O(nnz + rows + cols).
 */
export function cscFromTriplets(
  rows: number,
  cols: number,
  ti: ArrayLike<number>,
  tj: ArrayLike<number>,
  tv: ArrayLike<number>,
  count = ti.length,
): CscMatrix {
  return tripletsToCsc(rows, cols, { ti, tj, tv, count }, undefined);
}

/**
 * The upper triangle (CSC) of a symmetric matrix given its diagonal — an entry where `hasDiagonal`
 * is set — and its strictly upper entries as triplets (row < column), summing duplicates. The
 * diagonal needs no sorting: it is each column's last entry.
 */
export function symmetricUpperCsc(
  n: number,
  diagonal: Float64Array,
  hasDiagonal: Uint8Array,
  upper: Triplets,
): CscMatrix {
  return tripletsToCsc(n, n, upper, { values: diagonal, present: hasDiagonal });
}

/**
 * Triplets into CSC: a stable counting sort by column into slots sized for each column (its
 * diagonal included), then each column's rows sorted in place and duplicates summed in input
 * order, the diagonal appended. Merging only shrinks a column, so columns move left, never
 * over one not yet read.
 */
function tripletsToCsc(
  rows: number,
  cols: number,
  t: Triplets,
  diagonal: { values: Float64Array; present: Uint8Array } | undefined,
): CscMatrix {
  const { ti, tj, tv, count } = t;
  const diagonalValues = diagonal?.values;
  const hasDiagonal = diagonal?.present;
  const slot = new Int32Array(cols + 1);
  for (let k = 0; k < count; k++) slot[tj[k]! + 1]!++;
  if (hasDiagonal) for (let j = 0; j < cols; j++) slot[j + 1]! += hasDiagonal[j]!;
  for (let j = 0; j < cols; j++) slot[j + 1]! += slot[j]!;
  const capacity = slot[cols]!;
  const rowIndex = new Int32Array(capacity);
  const values = new Float64Array(capacity);
  const next = slot.slice(0, cols);
  for (let k = 0; k < count; k++) {
    const q = next[tj[k]!]!++;
    rowIndex[q] = ti[k]!;
    values[q] = tv[k]!;
  }
  const colPtr = new Int32Array(cols + 1);
  const sorter = new ColumnSorter(rows);
  let nz = 0;
  for (let j = 0; j < cols; j++) {
    colPtr[j] = nz;
    // next[j] is the end of column j's triplets (its diagonal slot, if any, follows)
    const end = sorter.sortMerging(rowIndex, values, slot[j]!, next[j]!);
    for (let q = slot[j]!; q < end; q++) {
      rowIndex[nz] = rowIndex[q]!;
      values[nz++] = values[q]!;
    }
    if (hasDiagonal?.[j] && diagonalValues) {
      rowIndex[nz] = j;
      values[nz++] = diagonalValues[j]!;
    }
  }
  colPtr[cols] = nz;
  return {
    rows,
    cols,
    colPtr,
    rowIndex: nz === capacity ? rowIndex : rowIndex.slice(0, nz),
    values: nz === capacity ? values : values.slice(0, nz),
  };
}

/** y = M·x for a symmetric matrix stored as its upper triangle (CSC). */
export function symUpperMatVec(
  m: CscMatrix,
  x: ArrayLike<number>,
  y: Float64Array = new Float64Array(m.rows),
): Float64Array {
  y.fill(0);
  for (let j = 0; j < m.cols; j++) {
    const xj = x[j]!;
    let acc = 0;
    for (let p = m.colPtr[j]!; p < m.colPtr[j + 1]!; p++) {
      const i = m.rowIndex[p]!;
      const v = m.values[p]!;
      if (i === j) acc += v * xj;
      else {
        acc += v * x[i]!;
        y[i]! += v * xj;
      }
    }
    y[j]! += acc;
  }
  return y;
}

/** Neighbour lists of a symmetric matrix stored as its upper triangle (no self loops), with where each entry's value sits. */
export interface SymmetricAdjacency {
  /** Neighbours of i: adj[ptr[i] .. ptr[i+1]). */
  ptr: Int32Array;
  adj: Int32Array;
  /** Index into the matrix's `values` of each neighbour entry. */
  pos: Int32Array;
}

export function symmetricAdjacency(m: CscMatrix): SymmetricAdjacency {
  const { cols: n, colPtr, rowIndex } = m;
  const ptr = new Int32Array(n + 1);
  for (let j = 0; j < n; j++)
    for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) {
      const i = rowIndex[p]!;
      if (i !== j) {
        ptr[i + 1]!++;
        ptr[j + 1]!++;
      }
    }
  for (let i = 0; i < n; i++) ptr[i + 1]! += ptr[i]!;
  const adj = new Int32Array(ptr[n]!);
  const pos = new Int32Array(ptr[n]!);
  const next = ptr.slice(0, n);
  for (let j = 0; j < n; j++)
    for (let p = colPtr[j]!; p < colPtr[j + 1]!; p++) {
      const i = rowIndex[p]!;
      if (i !== j) {
        pos[next[i]!] = p;
        adj[next[i]!++] = j;
        pos[next[j]!] = p;
        adj[next[j]!++] = i;
      }
    }
  return { ptr, adj, pos };
}

/**
 * Symmetric permutation of a symmetric upper-triangle CSC matrix: returns the upper triangle of
 * P·M·Pᵀ where `perm[new] = old` (and `inverse[old] = new`), rows sorted within each column.
 * New columns are built in order from M's adjacency — one pass, each column's few rows sorted in
 * place, its diagonal last. M must hold each entry once (as cscFromTriplets and symmetricUpperCsc
 * make it).
 */
export function symPermuteUpper(
  m: CscMatrix,
  perm: Int32Array,
  inverse: Int32Array = inversePermutation(perm),
  g: SymmetricAdjacency = symmetricAdjacency(m),
): CscMatrix {
  const n = m.cols;
  const { ptr, adj, pos } = g;
  const mValues = m.values;
  const diagonalAt = diagonalPositions(m);
  const colPtr = new Int32Array(n + 1);
  const rowIndex = new Int32Array(m.colPtr[n]!);
  const values = new Float64Array(m.colPtr[n]!);
  const sorter = new ColumnSorter(n);
  let nz = 0;
  for (let c = 0; c < n; c++) {
    const v = perm[c]!;
    colPtr[c] = nz;
    for (let p = ptr[v]!; p < ptr[v + 1]!; p++) {
      const r = inverse[adj[p]!]!;
      if (r >= c) continue;
      rowIndex[nz] = r;
      values[nz++] = mValues[pos[p]!]!;
    }
    nz = sorter.sortMerging(rowIndex, values, colPtr[c]!, nz);
    if (diagonalAt[v]! >= 0) {
      rowIndex[nz] = c;
      values[nz++] = mValues[diagonalAt[v]!]!;
    }
  }
  colPtr[n] = nz;
  return { rows: n, cols: n, colPtr, rowIndex, values };
}

/**
 * Sorts one column slice by row, carrying the values, and sums entries of equal row in their
 * input order. Columns of a plant's balance matrix hold a handful of rows, where a (stable)
 * insertion sort is fastest; a hub's long column goes through the typed-array sort instead
 * (O(d log d), not O(d²)), its values gathered per row first.
 */
class ColumnSorter {
  /** Longest slice sorted by insertion. */
  static readonly INSERTION_MAX = 32;
  private valueOfRow: Float64Array | undefined;
  private seenIn: Int32Array | undefined;
  private stamp = 0;
  constructor(private readonly rows: number) {}

  /** Sorts rowIndex[start .. end) with its values, merging duplicate rows; returns the slice's new end. */
  sortMerging(rowIndex: Int32Array, values: Float64Array, start: number, end: number): number {
    if (end - start > ColumnSorter.INSERTION_MAX) return this.sortLong(rowIndex, values, start, end);
    for (let x = start + 1; x < end; x++) {
      const r = rowIndex[x]!;
      const v = values[x]!;
      let y = x - 1;
      while (y >= start && rowIndex[y]! > r) {
        rowIndex[y + 1] = rowIndex[y]!;
        values[y + 1] = values[y]!;
        y--;
      }
      rowIndex[y + 1] = r;
      values[y + 1] = v;
    }
    let out = start;
    for (let q = start; q < end; q++) {
      if (out > start && rowIndex[out - 1] === rowIndex[q]) values[out - 1]! += values[q]!;
      else {
        rowIndex[out] = rowIndex[q]!;
        values[out++] = values[q]!;
      }
    }
    return out;
  }

  private sortLong(rowIndex: Int32Array, values: Float64Array, start: number, end: number): number {
    const valueOfRow = (this.valueOfRow ??= new Float64Array(this.rows));
    const seenIn = (this.seenIn ??= new Int32Array(this.rows));
    const stamp = ++this.stamp;
    let unique = start;
    for (let q = start; q < end; q++) {
      const r = rowIndex[q]!;
      if (seenIn[r] === stamp) valueOfRow[r]! += values[q]!;
      else {
        seenIn[r] = stamp;
        valueOfRow[r] = values[q]!;
        rowIndex[unique++] = r;
      }
    }
    rowIndex.subarray(start, unique).sort();
    for (let q = start; q < unique; q++) values[q] = valueOfRow[rowIndex[q]!]!;
    return unique;
  }
}

/** Position in `values` of each column's diagonal entry, −1 where it has none. */
function diagonalPositions(m: CscMatrix): Int32Array {
  const { cols, colPtr, rowIndex } = m;
  const at = new Int32Array(cols).fill(-1);
  for (let j = 0; j < cols; j++) {
    const last = colPtr[j + 1]! - 1;
    // Sorted upper-triangle columns end with their diagonal: look there first.
    if (last >= colPtr[j]! && rowIndex[last] === j) at[j] = last;
    else for (let p = colPtr[j]!; p < last; p++) if (rowIndex[p] === j) at[j] = p;
  }
  return at;
}

export function inversePermutation(perm: Int32Array): Int32Array {
  const inv = new Int32Array(perm.length);
  for (let k = 0; k < perm.length; k++) inv[perm[k]!] = k;
  return inv;
}
