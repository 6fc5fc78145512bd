/**
 * Compressed sparse matrices on typed arrays.
 *
 * CSC (compressed sparse column): column j holds rows `rowIndex[colPtr[j] .. colPtr[j+1])` with
 * `values` alongside. A symmetric matrix is stored as its upper triangle (row ≤ column) by columns,
 * which is also its lower triangle by rows (CSR of the lower part) — the layout the LDLᵀ factor reads.
 */
export interface CscMatrix {
  rows: number;
  cols: number;
  colPtr: Int32Array;
  rowIndex: Int32Array;
  values: Float64Array;
}

/**
 * Builds a CSC matrix from coordinate triplets, summing duplicates; rows within a column come out sorted.
 * Two counting passes, no comparison sort: O(nnz + rows + cols).
 */
export function cscFromTriplets(rows: number, cols: number, ti: ArrayLike<number>, tj: ArrayLike<number>, tv: ArrayLike<number>, count = ti.length): CscMatrix {
  // Pass 1: bucket by row (gives rows in increasing order when we then bucket by column, stable).
  const rowCount = new Int32Array(rows + 1);
  for (let k = 0; k < count; k++) rowCount[ti[k]! + 1]!++;
  for (let i = 0; i < rows; i++) rowCount[i + 1]! += rowCount[i]!;
  const byRow = new Int32Array(count);
  const next = rowCount.slice(0, rows);
  for (let k = 0; k < count; k++) byRow[next[ti[k]!]!++] = k;
  // Pass 2: bucket by column, stable → rows sorted within each column.
  const colCount = new Int32Array(cols + 1);
  for (let k = 0; k < count; k++) colCount[tj[k]! + 1]!++;
  for (let j = 0; j < cols; j++) colCount[j + 1]! += colCount[j]!;
  const order = new Int32Array(count);
  const nextCol = colCount.slice(0, cols);
  for (let q = 0; q < count; q++) {
    const k = byRow[q]!;
    order[nextCol[tj[k]!]!++] = k;
  }
  // Pass 3: compress duplicates.
  const colPtr = new Int32Array(cols + 1);
  const rowIndex = new Int32Array(count);
  const values = new Float64Array(count);
  let nz = 0;
  for (let j = 0; j < cols; j++) {
    colPtr[j] = nz;
    const start = nz;
    for (let q = colCount[j]!; q < colCount[j + 1]!; q++) {
      const k = order[q]!;
      const i = ti[k]!;
      if (nz > start && rowIndex[nz - 1] === i) values[nz - 1]! += tv[k]!;
      else {
        rowIndex[nz] = i;
        values[nz] = tv[k]!;
        nz++;
      }
    }
  }
  colPtr[cols] = nz;
  return { rows, cols, colPtr, rowIndex: rowIndex.slice(0, nz), values: values.slice(0, nz) };
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

/**
 * Symmetric permutation of a symmetric upper-triangle CSC matrix: returns the upper triangle of
 * P·M·Pᵀ where `perm[new] = old` (and `inverse[old] = new`).
 */
export function symPermuteUpper(m: CscMatrix, perm: Int32Array): CscMatrix {
  const n = m.cols;
  const inv = inversePermutation(perm);
  const nnz = m.colPtr[n]!;
  const ti = new Int32Array(nnz);
  const tj = new Int32Array(nnz);
  for (let j = 0; j < n; j++) {
    for (let p = m.colPtr[j]!; p < m.colPtr[j + 1]!; p++) {
      const a = inv[m.rowIndex[p]!]!;
      const b = inv[j]!;
      ti[p] = Math.min(a, b);
      tj[p] = Math.max(a, b);
    }
  }
  return cscFromTriplets(n, n, ti, tj, m.values, nnz);
}

export function inversePermutation(perm: Int32Array): Int32Array {
  const inv = new Int32Array(perm.length);
  for (let k = 0; k < perm.length; k++) inv[perm[k]!] = k;
  return inv;
}
