/**
 * A layer's flat balance graph as plain arrays: flow j goes from node `from[j]` to node `to[j]`,
 * −1 meaning outside the system (the environment, which has no balance). Node i's balance is
 * Σ inflows − Σ outflows = 0; a stock flow is just an output (accumulation) or input (draw-down).
 */
export interface FlowNetwork {
  nodeCount: number;
  from: Int32Array;
  to: Int32Array;
}

/**
 * Flow ends as graph vertices: node i is vertex i and the environment (−1) is vertex `nodeCount`,
 * so graph algorithms index arrays directly instead of testing for −1 at every access.
 */
export interface FlowEnds {
  /** nodeCount + 1: the nodes and the environment. */
  vertexCount: number;
  from: Int32Array;
  to: Int32Array;
}

export function flowEnds(net: FlowNetwork): FlowEnds {
  const env = net.nodeCount;
  const n = net.from.length;
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  const { from: netFrom, to: netTo } = net;
  for (let j = 0; j < n; j++) {
    const a = netFrom[j]!;
    const b = netTo[j]!;
    from[j] = a === -1 ? env : a;
    to[j] = b === -1 ? env : b;
  }
  return { vertexCount: env + 1, from, to };
}

/** Union–find with path halving; used to merge nodes joined by unmeasured flows. */
export class DisjointSets {
  readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    const p = this.parent;
    while (p[i] !== i) {
      p[i] = p[p[i]!]!;
      i = p[i]!;
    }
    return i;
  }
  /** The representative of every element, resolved once (array lookups instead of repeated finds). */
  roots(): Int32Array {
    const out = new Int32Array(this.parent.length);
    for (let i = 0; i < out.length; i++) out[i] = this.find(i);
    return out;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Builds a network from an incidence matrix (rows nodes, +1 enters, −1 leaves; one entry = crosses the boundary).
 *
 * @example
 * // one node, flow 0 in, flows 1 and 2 out (from/to −1: outside the boundary)
 * const n = networkFromIncidence([[1, -1, -1]]);
 * [n.nodeCount, [...n.from], [...n.to]] // => [1, [-1, 0, 0], [0, -1, -1]]
 */
export function networkFromIncidence(incidence: readonly (readonly number[])[]): FlowNetwork {
  const rows = incidence.length;
  const cols = rows === 0 ? 0 : incidence[0]!.length;
  const from = new Int32Array(cols).fill(-1);
  const to = new Int32Array(cols).fill(-1);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const a = incidence[i]![j]!;
      if (a === 1) to[j] = i;
      else if (a === -1) from[j] = i;
      else if (a !== 0) throw new Error(`incidence[${i}][${j}] = ${a}: a flow network has only 0, +1 and −1`);
    }
  return { nodeCount: rows, from, to };
}
