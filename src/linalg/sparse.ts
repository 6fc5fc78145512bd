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
export function cscFromTriplets(rows: number, cols: number, ti: ArrayLike<number>, tj: ArrayLike<number>, tv: ArrayLike<number>, count = ti.length): CscMatrix {
  const { colStart, order } = sortByColumnThenRow(rows, cols, ti, tj, count);
  return compressColumns(rows, cols, { ti, tj, tv, count }, colStart, order, undefined);
}

/**
 * The upper triangle (CSC) of a symmetric matrix given its diagonal — an entry where `hasDiagonal`
 * is set — and its strictly upper entries as triplets (row < column), summing duplicates. The
 * diagonal needs no sorting (it is each column's last entry), so only the off-diagonal entries
 * go through the counting passes.
 */
export function symmetricUpperCsc(n: number, diagonal: Float64Array, hasDiagonal: Uint8Array, upper: Triplets): CscMatrix {
  const { colStart, order } = sortByColumnThenRow(n, n, upper.ti, upper.tj, upper.count);
  return compressColumns(n, n, upper, colStart, order, { values: diagonal, present: hasDiagonal });
}

/**
 * Triplet indices ordered by column, rows increasing within a column (stable, so duplicates keep
 * their input order): a counting sort by row, then a stable one by column.
 */
function sortByColumnThenRow(rows: number, cols: number, ti: ArrayLike<number>, tj: ArrayLike<number>, count: number): { colStart: Int32Array; order: Int32Array } {
  const rowCount = new Int32Array(rows + 1);
  for (let k = 0; k < count; k++) rowCount[ti[k]! + 1]!++;
  for (let i = 0; i < rows; i++) rowCount[i + 1]! += rowCount[i]!;
  const byRow = new Int32Array(count);
  for (let k = 0; k < count; k++) byRow[rowCount[ti[k]!]!++] = k;
  const colStart = new Int32Array(cols + 1);
  for (let k = 0; k < count; k++) colStart[tj[k]! + 1]!++;
  for (let j = 0; j < cols; j++) colStart[j + 1]! += colStart[j]!;
  const order = new Int32Array(count);
  const next = colStart.slice(0, cols);
  for (let q = 0; q < count; q++) {
    const k = byRow[q]!;
    order[next[tj[k]!]!++] = k;
  }
  return { colStart, order };
}

/** Compresses sorted triplets column by column (duplicates summed), appending the diagonal entry if given. */
function compressColumns(
  rows: number,
  cols: number,
  t: Triplets,
  colStart: Int32Array,
  order: Int32Array,
  diagonal: { values: Float64Array; present: Uint8Array } | undefined,
): CscMatrix {
  const { ti, tv } = t;
  const diagonalValues = diagonal?.values;
  const hasDiagonal = diagonal?.present;
  const capacity = t.count + (diagonal ? cols : 0);
  const colPtr = new Int32Array(cols + 1);
  const rowIndex = new Int32Array(capacity);
  const values = new Float64Array(capacity);
  let nz = 0;
  for (let j = 0; j < cols; j++) {
    colPtr[j] = nz;
    const start = nz;
    for (let q = colStart[j]!; q < colStart[j + 1]!; q++) {
      const k = order[q]!;
      const i = ti[k]!;
      if (nz > start && rowIndex[nz - 1] === i) values[nz - 1]! += tv[k]!;
      else {
        rowIndex[nz] = i;
        values[nz] = tv[k]!;
        nz++;
      }
    }
    if (hasDiagonal?.[j] && diagonalValues) {
      rowIndex[nz] = j;
      values[nz++] = diagonalValues[j]!;
    }
  }
  colPtr[cols] = nz;
  return { rows, cols, colPtr, rowIndex: nz === capacity ? rowIndex : rowIndex.slice(0, nz), values: nz === capacity ? values : values.slice(0, nz) };
}

/** y = M·x for a symmetric matrix stored as its upper triangle (CSC). */
export function symUpperMatVec(m: CscMatrix, x: ArrayLike<number>, y: Float64Array = new Float64Array(m.rows)): Float64Array {
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
 * P·M·Pᵀ where `perm[new] = old` (and `inverse[old] = new`). Walking the new rows in increasing
 * order through M's adjacency emits every column's rows already sorted (the diagonal last), so
 * no sort is needed. M must hold each entry once (as cscFromTriplets and symmetricUpperCsc make it).
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
  for (let c = 0; c < n; c++) {
    const v = perm[c]!;
    let count = diagonalAt[v]! >= 0 ? 1 : 0;
    for (let p = ptr[v]!; p < ptr[v + 1]!; p++) if (inverse[adj[p]!]! < c) count++;
    colPtr[c + 1] = colPtr[c]! + count;
  }
  const rowIndex = new Int32Array(colPtr[n]!);
  const values = new Float64Array(colPtr[n]!);
  const next = colPtr.slice(0, n);
  for (let r = 0; r < n; r++) {
    const v = perm[r]!;
    // Column r has received all its rows < r from earlier steps: its diagonal comes last.
    if (diagonalAt[v]! >= 0) {
      rowIndex[next[r]!] = r;
      values[next[r]!++] = mValues[diagonalAt[v]!]!;
    }
    for (let p = ptr[v]!; p < ptr[v + 1]!; p++) {
      const c = inverse[adj[p]!]!;
      if (c <= r) continue;
      rowIndex[next[c]!] = r;
      values[next[c]!++] = mValues[pos[p]!]!;
    }
  }
  return { rows: n, cols: n, colPtr, rowIndex, values };
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
