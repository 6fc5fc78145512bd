import type { CscMatrix } from './sparse.ts';

/** Adjacency lists (no self loops) of a symmetric matrix stored as its upper triangle. */
export function symmetricAdjacency(m: CscMatrix): { ptr: Int32Array; adj: Int32Array } {
  const n = m.cols;
  const deg = new Int32Array(n + 1);
  for (let j = 0; j < n; j++)
    for (let p = m.colPtr[j]!; p < m.colPtr[j + 1]!; p++) {
      const i = m.rowIndex[p]!;
      if (i !== j) {
        deg[i + 1]!++;
        deg[j + 1]!++;
      }
    }
  for (let i = 0; i < n; i++) deg[i + 1]! += deg[i]!;
  const adj = new Int32Array(deg[n]!);
  const next = deg.slice(0, n);
  for (let j = 0; j < n; j++)
    for (let p = m.colPtr[j]!; p < m.colPtr[j + 1]!; p++) {
      const i = m.rowIndex[p]!;
      if (i !== j) {
        adj[next[i]!++] = j;
        adj[next[j]!++] = i;
      }
    }
  return { ptr: deg, adj };
}

/**
 * Reverse Cuthill–McKee ordering (George & Liu, *Computer Solution of Large Sparse Positive
 * Definite Systems*, 1981, §4.3): breadth-first from a pseudo-peripheral node of each connected
 * component, neighbours by increasing degree, then reversed. It keeps the envelope — and with it
 * the fill of a Cholesky factor — small on the long, thin graphs of plant flow networks.
 * Returns `perm` with `perm[new] = old`.
 */
export function reverseCuthillMcKee(m: CscMatrix): Int32Array {
  const n = m.cols;
  const { ptr, adj } = symmetricAdjacency(m);
  const deg = new Int32Array(n);
  for (let v = 0; v < n; v++) deg[v] = ptr[v + 1]! - ptr[v]!;
  const degree = (v: number) => deg[v]!;
  const order = new Int32Array(n);
  const placed = new Uint8Array(n);
  const level = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let count = 0;
  const nb: number[] = [];

  // BFS over one component from `root` (using `level` as scratch); returns the visited nodes' count and the last level.
  const bfs = (root: number): { size: number; depth: number } => {
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    level[root] = 0;
    let depth = 0;
    while (head < tail) {
      const v = queue[head++]!;
      depth = level[v]!;
      for (let p = ptr[v]!; p < ptr[v + 1]!; p++) {
        const w = adj[p]!;
        if (level[w] === -1 && !placed[w]) {
          level[w] = level[v]! + 1;
          queue[tail++] = w;
        }
      }
    }
    return { size: tail, depth };
  };
  const resetLevels = (size: number) => {
    for (let k = 0; k < size; k++) level[queue[k]!] = -1;
  };

  for (let s = 0; s < n; s++) {
    if (placed[s]) continue;
    // Pseudo-peripheral start: repeat BFS from a minimum-degree node of the last level until the depth stops growing.
    let root = s;
    let last: { size: number; depth: number } | undefined = bfs(root);
    // George & Liu: two or three sweeps usually settle; more buy little on thin plant graphs.
    for (let iter = 0; iter < 3 && last; iter++) {
      let best = -1;
      for (let k = 0; k < last.size; k++) {
        const v = queue[k]!;
        if (level[v] === last.depth && (best === -1 || degree(v) < degree(best))) best = v;
      }
      resetLevels(last.size);
      const r = bfs(best);
      if (r.depth <= last.depth) {
        resetLevels(r.size);
        last = undefined;
        break;
      }
      root = best;
      last = r;
    }
    if (last) resetLevels(last.size);
    // Cuthill–McKee from root.
    let head = count;
    order[count++] = root;
    placed[root] = 1;
    while (head < count) {
      const v = order[head++]!;
      nb.length = 0;
      for (let p = ptr[v]!; p < ptr[v + 1]!; p++) {
        const w = adj[p]!;
        if (!placed[w]) {
          placed[w] = 1;
          nb.push(w);
        }
      }
      // Insertion sort by (degree, index): neighbour lists are short.
      for (let x = 1; x < nb.length; x++) {
        const w = nb[x]!;
        const dw = deg[w]!;
        let y = x - 1;
        while (y >= 0 && (deg[nb[y]!]! > dw || (deg[nb[y]!]! === dw && nb[y]! > w))) {
          nb[y + 1] = nb[y]!;
          y--;
        }
        nb[y + 1] = w;
      }
      for (let x = 0; x < nb.length; x++) order[count++] = nb[x]!;
    }
  }
  order.reverse();
  return order;
}
