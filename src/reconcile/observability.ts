import { DisjointSets, type FlowEnds } from './network.ts';

/**
 * Observability of unmeasured flows (Kretsovalis & Mah 1987; Narasimhan & Jordache 2000, §3.3):
 * in the graph of unmeasured flows, with the environment as one more vertex, an unmeasured flow
 * is unobservable exactly when it lies on a cycle — adding any amount around the cycle keeps every
 * balance — and observable when it is a bridge. Bridges are found with Tarjan's low-link DFS
 * (iterative; parallel flows are distinct edges, so two unmeasured flows between the same two
 * nodes are a cycle).
 */
export function unmeasuredBridges(ends: FlowEnds, unmeasured: Int32Array): Uint8Array {
  const nv = ends.vertexCount;
  const m = unmeasured.length;
  const { ptr, adjEdge, adjVert } = unmeasuredAdjacency(ends, unmeasured);
  const isBridge = new Uint8Array(m);
  const disc = new Int32Array(nv).fill(-1);
  const low = new Int32Array(nv);
  const parentEdge = new Int32Array(nv).fill(-1);
  const stackV = new Int32Array(nv);
  const stackP = new Int32Array(nv);
  let time = 0;
  for (let s = 0; s < nv; s++) {
    if (disc[s] !== -1 || ptr[s] === ptr[s + 1]) continue;
    let sp = 0;
    stackV[sp] = s;
    stackP[sp] = ptr[s]!;
    disc[s] = low[s] = time++;
    while (sp >= 0) {
      const v = stackV[sp]!;
      const p = stackP[sp]!;
      if (p < ptr[v + 1]!) {
        stackP[sp] = p + 1;
        const e = adjEdge[p]!;
        if (e === parentEdge[v]) continue;
        const w = adjVert[p]!;
        if (disc[w] === -1) {
          parentEdge[w] = e;
          disc[w] = low[w] = time++;
          sp++;
          stackV[sp] = w;
          stackP[sp] = ptr[w]!;
        } else if (disc[w]! < low[v]!) low[v] = disc[w]!;
      } else {
        sp--;
        if (sp >= 0) {
          const u = stackV[sp]!;
          if (low[v]! < low[u]!) low[u] = low[v]!;
          if (low[v]! > disc[u]!) isBridge[parentEdge[v]!] = 1;
        }
      }
    }
  }
  return isBridge;
}

/** Vertex → (unmeasured flow k, other end) lists of the unmeasured graph (CSR). */
function unmeasuredAdjacency(
  ends: FlowEnds,
  unmeasured: Int32Array,
): { ptr: Int32Array; adjEdge: Int32Array; adjVert: Int32Array } {
  const { from, to } = ends;
  const nv = ends.vertexCount;
  const m = unmeasured.length;
  const ptr = new Int32Array(nv + 1);
  for (let k = 0; k < m; k++) {
    const j = unmeasured[k]!;
    ptr[from[j]! + 1]!++;
    ptr[to[j]! + 1]!++;
  }
  for (let v = 0; v < nv; v++) ptr[v + 1]! += ptr[v]!;
  const adjEdge = new Int32Array(2 * m);
  const adjVert = new Int32Array(2 * m);
  const fill = ptr.slice(0, nv);
  for (let k = 0; k < m; k++) {
    const j = unmeasured[k]!;
    const a = from[j]!;
    const b = to[j]!;
    adjEdge[fill[a]!] = k;
    adjVert[fill[a]!++] = b;
    adjEdge[fill[b]!] = k;
    adjVert[fill[b]!++] = a;
  }
  return { ptr, adjEdge, adjVert };
}

export interface UnmeasuredEstimate {
  /** Per unmeasured flow (same order as the `unmeasured` list): observable? */
  observable: Uint8Array;
  /** Estimated value (NaN when unobservable). */
  value: Float64Array;
  /** For each observable unmeasured flow, its value as Σ coef·x over known flows: x_u = Σ coef_k · x[flow_k] (only `withTerms`). */
  terms: { flows: Int32Array; coefs: Float64Array }[];
}

/** The forest of bridges between super-nodes (2-edge-connected pieces of the unmeasured graph). */
interface BridgeForest {
  /** Super-node (representative vertex) of every vertex. */
  rep: Int32Array;
  /** Super-nodes at the ends of unmeasured flow k (meaningful for bridges). */
  bFrom: Int32Array;
  bTo: Int32Array;
  /** Super-node → incident bridges (CSR over representatives; empty outside the forest). */
  ptr: Int32Array;
  adj: Int32Array;
}

/**
 * Estimates every observable unmeasured flow from the known (reconciled or fixed) flows.
 * Contract each 2-edge-connected piece of the unmeasured graph to a super-node; the bridges then
 * form a forest. Peeling leaves towards a root (the environment's piece where the tree reaches
 * outside): a leaf's summed balance — unmeasured flows inside it cancel — leaves its one bridge as
 * the only unknown. Returns also each estimate as a linear combination of known flows, for its variance.
 */
export function estimateUnmeasured(
  ends: FlowEnds,
  unmeasured: Int32Array,
  known: Float64Array,
  withTerms = true,
): UnmeasuredEstimate {
  const nv = ends.vertexCount;
  const m = unmeasured.length;
  const forest = bridgeForest(ends, unmeasured, unmeasuredBridges(ends, unmeasured));
  const inc = knownIncidence(ends, unmeasured, forest);
  const observable = new Uint8Array(m);
  const value = new Float64Array(m).fill(Number.NaN);
  const terms: { flows: Int32Array; coefs: Float64Array }[] = new Array(m);
  const visited = new Uint8Array(nv);
  const viaEdge = new Int32Array(nv).fill(-1);
  const order = new Int32Array(nv);
  // Subtree sums: plain numbers for values only, sparse combinations (merged small into large) for terms.
  const sums = withTerms ? new Float64Array(0) : new Float64Array(nv);
  const acc: (Map<number, number> | undefined)[] = withTerms ? new Array(nv) : [];
  for (const root of forestRoots(forest, nv - 1)) {
    if (visited[root]) continue;
    const tree = { order, size: bfsFromRoot(forest, root, visited, viaEdge, order), viaEdge };
    if (withTerms) peelTerms(forest, inc, known, tree, acc, { observable, value, terms });
    else peelValues(forest, inc, known, tree, sums, { observable, value });
  }
  return { observable, value, terms };
}

/** Super-nodes (vertices joined by non-bridge unmeasured flows) and the bridge forest between them. */
function bridgeForest(ends: FlowEnds, unmeasured: Int32Array, bridge: Uint8Array): BridgeForest {
  const { from, to } = ends;
  const nv = ends.vertexCount;
  const m = unmeasured.length;
  const ds = new DisjointSets(nv);
  for (let k = 0; k < m; k++) if (!bridge[k]) ds.union(from[unmeasured[k]!]!, to[unmeasured[k]!]!);
  const rep = ds.roots();
  const bFrom = new Int32Array(m);
  const bTo = new Int32Array(m);
  const ptr = new Int32Array(nv + 1);
  for (let k = 0; k < m; k++) {
    bFrom[k] = rep[from[unmeasured[k]!]!]!;
    bTo[k] = rep[to[unmeasured[k]!]!]!;
    if (!bridge[k]) continue;
    ptr[bFrom[k]! + 1]!++;
    ptr[bTo[k]! + 1]!++;
  }
  for (let v = 0; v < nv; v++) ptr[v + 1]! += ptr[v]!;
  const adj = new Int32Array(ptr[nv]!);
  const fill = ptr.slice(0, nv);
  for (let k = 0; k < m; k++)
    if (bridge[k]) {
      adj[fill[bFrom[k]!]!++] = k;
      adj[fill[bTo[k]!]!++] = k;
    }
  return { rep, bFrom, bTo, ptr, adj };
}

/** Known flows incident to each forest super-node: sign +1 entering, −1 leaving (CSR). */
interface Incidence {
  ptr: Int32Array;
  flow: Int32Array;
  sign: Int8Array;
}

function knownIncidence(ends: FlowEnds, unmeasured: Int32Array, forest: BridgeForest): Incidence {
  const { from, to } = ends;
  const nv = ends.vertexCount;
  const nFlows = ends.from.length;
  const { rep, ptr: fp } = forest;
  // Super-node of each vertex when it lies on the forest, −1 elsewhere: a flow with equal values
  // at both ends touches no forest super-node or lies inside one (its terms cancel).
  const onForest = new Int32Array(nv);
  for (let v = 0; v < nv; v++) onForest[v] = fp[rep[v]! + 1]! > fp[rep[v]!]! ? rep[v]! : -1;
  const isUnmeasured = new Uint8Array(nFlows);
  for (let k = 0; k < unmeasured.length; k++) isUnmeasured[unmeasured[k]!] = 1;
  const touching = new Int32Array(nFlows);
  let count = 0;
  const ptr = new Int32Array(nv + 1);
  for (let j = 0; j < nFlows; j++) {
    const a = onForest[from[j]!]!;
    const b = onForest[to[j]!]!;
    if (a === b || isUnmeasured[j]) continue;
    touching[count++] = j;
    if (a >= 0) ptr[a + 1]!++;
    if (b >= 0) ptr[b + 1]!++;
  }
  for (let v = 0; v < nv; v++) ptr[v + 1]! += ptr[v]!;
  const flow = new Int32Array(ptr[nv]!);
  const sign = new Int8Array(ptr[nv]!);
  const fill = ptr.slice(0, nv);
  for (let q = 0; q < count; q++) {
    const j = touching[q]!;
    const a = onForest[from[j]!]!;
    const b = onForest[to[j]!]!;
    if (a >= 0) {
      flow[fill[a]!] = j;
      sign[fill[a]!++] = -1;
    }
    if (b >= 0) {
      flow[fill[b]!] = j;
      sign[fill[b]!++] = 1;
    }
  }
  return { ptr, flow, sign };
}

/** Roots of the forest's trees: the environment's super-node first (where a tree reaches outside), then by vertex. */
function forestRoots(forest: BridgeForest, env: number): number[] {
  const { rep, ptr } = forest;
  const inForest = (v: number) => ptr[v + 1]! > ptr[v]!;
  const envRep = rep[env]!;
  const roots: number[] = [];
  if (inForest(envRep)) roots.push(envRep);
  for (let v = 0; v < rep.length; v++) if (rep[v] === v && v !== envRep && inForest(v)) roots.push(v);
  return roots;
}

/** Breadth-first order of one tree into `order`, each super-node's parent bridge into `viaEdge`; returns the tree's size. */
function bfsFromRoot(
  forest: BridgeForest,
  root: number,
  visited: Uint8Array,
  viaEdge: Int32Array,
  order: Int32Array,
): number {
  const { ptr, adj, bFrom, bTo } = forest;
  let tail = 0;
  order[tail++] = root;
  visited[root] = 1;
  for (let h = 0; h < tail; h++) {
    const u = order[h]!;
    for (let q = ptr[u]!; q < ptr[u + 1]!; q++) {
      const k = adj[q]!;
      const a = bFrom[k]!;
      const w = a === u ? bTo[k]! : a;
      if (visited[w]) continue;
      visited[w] = 1;
      viaEdge[w] = k;
      order[tail++] = w;
    }
  }
  return tail;
}

/** One tree of the forest in breadth-first order from its root, with each super-node's parent bridge. */
interface TreeOrder {
  order: Int32Array;
  size: number;
  viaEdge: Int32Array;
}

/** Values only: peels the tree from its leaves with a running sum per subtree. */
function peelValues(
  forest: BridgeForest,
  inc: Incidence,
  known: Float64Array,
  tree: TreeOrder,
  sums: Float64Array,
  out: Pick<UnmeasuredEstimate, 'observable' | 'value'>,
): void {
  const { bFrom, bTo } = forest;
  const { order, size, viaEdge } = tree;
  const { ptr, flow, sign } = inc;
  const { observable, value } = out;
  for (let h = size - 1; h >= 1; h--) {
    const u = order[h]!;
    let sum = sums[u]!;
    sums[u] = 0;
    for (let q = ptr[u]!; q < ptr[u + 1]!; q++) sum += sign[q]! * known[flow[q]!]!;
    const k = viaEdge[u]!;
    observable[k] = 1;
    value[k] = bTo[k] === u ? -sum : sum;
    const a = bFrom[k]!;
    sums[a === u ? bTo[k]! : a]! += sum;
  }
  sums[order[0]!] = 0;
}

/** Values and their combinations of known flows: peels the tree, merging each subtree's combination into its parent's. */
function peelTerms(
  forest: BridgeForest,
  inc: Incidence,
  known: Float64Array,
  tree: TreeOrder,
  acc: (Map<number, number> | undefined)[],
  out: UnmeasuredEstimate,
): void {
  const { bFrom, bTo } = forest;
  const { order, size, viaEdge } = tree;
  for (let h = size - 1; h >= 1; h--) {
    const u = order[h]!;
    const c = acc[u] ?? new Map<number, number>();
    acc[u] = undefined;
    for (let q = inc.ptr[u]!; q < inc.ptr[u + 1]!; q++) addTerm(c, inc.flow[q]!, inc.sign[q]!);
    const k = viaEdge[u]!;
    // Balance of the subtree: Σ known in − out ± x_bridge = 0.
    const sign = bTo[k] === u ? -1 : 1;
    const flows = new Int32Array(c.size);
    const coefs = new Float64Array(c.size);
    let v = 0;
    let q = 0;
    for (const [f, cf] of c) {
      flows[q] = f;
      coefs[q] = sign * cf;
      v += sign * cf * known[f]!;
      q++;
    }
    out.observable[k] = 1;
    out.value[k] = v;
    out.terms[k] = { flows, coefs };
    // Hand the subtree's sum to its parent super-node (the bridge between them cancels).
    const a = bFrom[k]!;
    const parent = a === u ? bTo[k]! : a;
    const pc = acc[parent];
    if (!pc) acc[parent] = c;
    else if (pc.size >= c.size) {
      for (const [f, cf] of c) addTerm(pc, f, cf);
    } else {
      for (const [f, cf] of pc) addTerm(c, f, cf);
      acc[parent] = c;
    }
  }
  acc[order[0]!] = undefined;
}

function addTerm(c: Map<number, number>, f: number, s: number): void {
  const v = (c.get(f) ?? 0) + s;
  if (v === 0) c.delete(f);
  else c.set(f, v);
}
