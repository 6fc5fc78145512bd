import { symmetricAdjacency, type CscMatrix, type SymmetricAdjacency } from './sparse.ts';

/**
 * Reverse Cuthill–McKee ordering (George & Liu, *Computer Solution of Large Sparse Positive
 * Definite Systems*, 1981, §4.3): breadth-first from a pseudo-peripheral node of each connected
 * component, neighbours by increasing degree, then reversed. It keeps the envelope — and with it
 * the fill of a Cholesky factor — small on the long, thin graphs of plant flow networks.
 * Returns `perm` with `perm[new] = old`.
 */
export function reverseCuthillMcKee(m: CscMatrix, g: SymmetricAdjacency = symmetricAdjacency(m)): Int32Array {
  const n = m.cols;
  const deg = new Int32Array(n);
  for (let v = 0; v < n; v++) deg[v] = g.ptr[v + 1]! - g.ptr[v]!;
  const work: OrderingWork = {
    ptr: g.ptr,
    adj: g.adj,
    deg,
    placed: new Uint8Array(n),
    level: new Int32Array(n),
    visitedIn: new Int32Array(n),
    sweeps: 0,
    queue: new Int32Array(n),
  };
  const order = new Int32Array(n);
  let count = 0;
  for (let s = 0; s < n; s++) {
    if (work.placed[s]) continue;
    count = cuthillMcKee(work, pseudoPeripheralNode(work, s), order, count);
  }
  order.reverse();
  return order;
}

/** The graph and scratch arrays shared by the steps of one ordering. */
interface OrderingWork {
  ptr: Int32Array;
  adj: Int32Array;
  deg: Int32Array;
  placed: Uint8Array;
  /** BFS level of the nodes visited in the current sweep: those with visitedIn = sweeps (no reset between sweeps). */
  level: Int32Array;
  visitedIn: Int32Array;
  sweeps: number;
  queue: Int32Array;
}

/**
 * A pseudo-peripheral node of the component of `start`: repeat BFS from a minimum-degree node of
 * the last level until the depth stops growing (George & Liu: two or three sweeps usually
 * settle; more buy little on thin plant graphs).
 */
function pseudoPeripheralNode(work: OrderingWork, start: number): number {
  const { deg, level, queue } = work;
  const maxSweeps = 3;
  let root = start;
  let size = bfsLevels(work, root);
  let depth = level[queue[size - 1]!]!;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    // The last level closes the BFS queue; the first node of least degree in queue order wins.
    let best = -1;
    for (let k = size - 1; k >= 0 && level[queue[k]!] === depth; k--) {
      const v = queue[k]!;
      if (best === -1 || deg[v]! <= deg[best]!) best = v;
    }
    const nextSize = bfsLevels(work, best);
    const nextDepth = level[queue[nextSize - 1]!]!;
    if (nextDepth <= depth) return root;
    root = best;
    size = nextSize;
    depth = nextDepth;
  }
  return root;
}

/** BFS over one component from `root`, levels into `level`, visit order into `queue`; returns the visited count. */
function bfsLevels(work: OrderingWork, root: number): number {
  const { ptr, adj, level, visitedIn, queue } = work;
  const sweep = ++work.sweeps;
  let head = 0;
  let tail = 0;
  queue[tail++] = root;
  level[root] = 0;
  visitedIn[root] = sweep;
  while (head < tail) {
    const v = queue[head++]!;
    const next = level[v]! + 1;
    for (let p = ptr[v]!; p < ptr[v + 1]!; p++) {
      const w = adj[p]!;
      // Earlier components are placed whole, so a neighbour not visited in this sweep is never placed.
      if (visitedIn[w] !== sweep) {
        visitedIn[w] = sweep;
        level[w] = next;
        queue[tail++] = w;
      }
    }
  }
  return tail;
}

/** Cuthill–McKee from `root`: BFS appending each node's unplaced neighbours by increasing (degree, index) to `order` from `count`; returns the new count. */
function cuthillMcKee(work: OrderingWork, root: number, order: Int32Array, count: number): number {
  const { ptr, adj, deg, placed } = work;
  let head = count;
  order[count++] = root;
  placed[root] = 1;
  while (head < count) {
    const v = order[head++]!;
    const first = count;
    for (let p = ptr[v]!; p < ptr[v + 1]!; p++) {
      const w = adj[p]!;
      if (!placed[w]) {
        placed[w] = 1;
        order[count++] = w;
      }
    }
    // Insertion sort of the new neighbours: neighbour lists are short.
    for (let x = first + 1; x < count; x++) {
      const w = order[x]!;
      const dw = deg[w]!;
      let y = x - 1;
      while (y >= first && (deg[order[y]!]! > dw || (deg[order[y]!]! === dw && order[y]! > w))) {
        order[y + 1] = order[y]!;
        y--;
      }
      order[y + 1] = w;
    }
  }
  return count;
}
