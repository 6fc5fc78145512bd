import { DisjointSets, type FlowNetwork } from './network.ts';

/**
 * Observability of unmeasured flows (Kretsovalis & Mah 1987; Narasimhan & Jordache 2000, §3.3):
 * in the graph of unmeasured flows, with the environment as one more vertex, an unmeasured flow
 * is unobservable exactly when it lies on a cycle — adding any amount around the cycle keeps every
 * balance — and observable when it is a bridge. Bridges are found with Tarjan's low-link DFS
 * (iterative; parallel flows are distinct edges, so two unmeasured flows between the same two
 * nodes are a cycle).
 */
export function unmeasuredBridges(net: FlowNetwork, unmeasured: Int32Array): Uint8Array {
  const env = net.nodeCount;
  const nv = env + 1;
  const m = unmeasured.length;
  const end = (v: number) => (v === -1 ? env : v);
  // adjacency (vertex → edge slots)
  const deg = new Int32Array(nv + 1);
  for (let k = 0; k < m; k++) {
    const j = unmeasured[k]!;
    deg[end(net.from[j]!) + 1]!++;
    deg[end(net.to[j]!) + 1]!++;
  }
  for (let v = 0; v < nv; v++) deg[v + 1]! += deg[v]!;
  const adjEdge = new Int32Array(2 * m);
  const adjVert = new Int32Array(2 * m);
  const fill = deg.slice(0, nv);
  for (let k = 0; k < m; k++) {
    const j = unmeasured[k]!;
    const a = end(net.from[j]!);
    const b = end(net.to[j]!);
    adjEdge[fill[a]!] = k;
    adjVert[fill[a]!++] = b;
    adjEdge[fill[b]!] = k;
    adjVert[fill[b]!++] = a;
  }
  const isBridge = new Uint8Array(m);
  const disc = new Int32Array(nv).fill(-1);
  const low = new Int32Array(nv);
  const parentEdge = new Int32Array(nv).fill(-1);
  const stackV = new Int32Array(nv);
  const stackP = new Int32Array(nv);
  let time = 0;
  for (let s = 0; s < nv; s++) {
    if (disc[s] !== -1 || deg[s] === deg[s + 1]) continue;
    let sp = 0;
    stackV[sp] = s;
    stackP[sp] = deg[s]!;
    disc[s] = low[s] = time++;
    while (sp >= 0) {
      const v = stackV[sp]!;
      const p = stackP[sp]!;
      if (p < deg[v + 1]!) {
        stackP[sp] = p + 1;
        const e = adjEdge[p]!;
        if (e === parentEdge[v]) continue;
        const w = adjVert[p]!;
        if (disc[w] === -1) {
          parentEdge[w] = e;
          disc[w] = low[w] = time++;
          sp++;
          stackV[sp] = w;
          stackP[sp] = deg[w]!;
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

export interface UnmeasuredEstimate {
  /** Per unmeasured flow (same order as the `unmeasured` list): observable? */
  observable: Uint8Array;
  /** Estimated value (NaN when unobservable). */
  value: Float64Array;
  /** For each observable unmeasured flow, its value as Σ coef·x over known flows: x_u = Σ coef_k · x[flow_k] (only `withTerms`). */
  terms: { flows: Int32Array; coefs: Float64Array }[];
}

/**
 * Estimates every observable unmeasured flow from the known (reconciled or fixed) flows.
 * Contract each 2-edge-connected piece of the unmeasured graph to a super-node; the bridges then
 * form a forest. Peeling leaves towards a root (the environment's piece where the tree reaches
 * outside): a leaf's summed balance — unmeasured flows inside it cancel — leaves its one bridge as
 * the only unknown. Returns also each estimate as a linear combination of known flows, for its variance.
 */
export function estimateUnmeasured(net: FlowNetwork, unmeasured: Int32Array, known: Float64Array, withTerms = true): UnmeasuredEstimate {
  const env = net.nodeCount;
  const nv = env + 1;
  const nFlows = net.from.length;
  const end = (v: number) => (v === -1 ? env : v);
  const m = unmeasured.length;
  const bridge = unmeasuredBridges(net, unmeasured);
  // Super-nodes: vertices joined by non-bridge unmeasured flows; rep[v] is v's super-node.
  const ds = new DisjointSets(nv);
  for (let k = 0; k < m; k++) if (!bridge[k]) ds.union(end(net.from[unmeasured[k]!]!), end(net.to[unmeasured[k]!]!));
  const rep = new Int32Array(nv);
  for (let v = 0; v < nv; v++) rep[v] = ds.find(v);
  const bFrom = (k: number) => rep[end(net.from[unmeasured[k]!]!)]!;
  const bTo = (k: number) => rep[end(net.to[unmeasured[k]!]!)]!;
  // Bridge forest adjacency (CSR over super-node representatives).
  const adjPtr = new Int32Array(nv + 1);
  for (let k = 0; k < m; k++)
    if (bridge[k]) {
      adjPtr[bFrom(k) + 1]!++;
      adjPtr[bTo(k) + 1]!++;
    }
  for (let v = 0; v < nv; v++) adjPtr[v + 1]! += adjPtr[v]!;
  const adj = new Int32Array(adjPtr[nv]!);
  const fillA = adjPtr.slice(0, nv);
  for (let k = 0; k < m; k++)
    if (bridge[k]) {
      adj[fillA[bFrom(k)]!++] = k;
      adj[fillA[bTo(k)]!++] = k;
    }
  const inForest = (v: number) => adjPtr[v + 1]! > adjPtr[v]!;
  // Known flows incident to each forest super-node: sign +1 entering, −1 leaving (CSR).
  const isUnmeasured = new Uint8Array(nFlows);
  for (let k = 0; k < m; k++) isUnmeasured[unmeasured[k]!] = 1;
  const incPtr = new Int32Array(nv + 1);
  for (let j = 0; j < nFlows; j++) {
    if (isUnmeasured[j]) continue;
    const a = rep[end(net.from[j]!)]!;
    const b = rep[end(net.to[j]!)]!;
    if (a === b) continue;
    if (inForest(a)) incPtr[a + 1]!++;
    if (inForest(b)) incPtr[b + 1]!++;
  }
  for (let v = 0; v < nv; v++) incPtr[v + 1]! += incPtr[v]!;
  const incFlow = new Int32Array(incPtr[nv]!);
  const incSign = new Int8Array(incPtr[nv]!);
  const fillI = incPtr.slice(0, nv);
  for (let j = 0; j < nFlows; j++) {
    if (isUnmeasured[j]) continue;
    const a = rep[end(net.from[j]!)]!;
    const b = rep[end(net.to[j]!)]!;
    if (a === b) continue;
    if (inForest(a)) {
      incFlow[fillI[a]!] = j;
      incSign[fillI[a]!++] = -1;
    }
    if (inForest(b)) {
      incFlow[fillI[b]!] = j;
      incSign[fillI[b]!++] = 1;
    }
  }
  const observable = new Uint8Array(m);
  const value = new Float64Array(m).fill(Number.NaN);
  const terms: { flows: Int32Array; coefs: Float64Array }[] = new Array(m);
  const visited = new Uint8Array(nv);
  const viaEdge = new Int32Array(nv).fill(-1);
  const order = new Int32Array(nv);
  // Sum of known flows into each subtree as a sparse combination, merged small into large.
  const acc: (Map<number, number> | undefined)[] = withTerms ? new Array(nv) : [];
  const sums = withTerms ? new Float64Array(0) : new Float64Array(nv);
  const envRep = rep[env]!;
  const roots: number[] = [];
  if (inForest(envRep)) roots.push(envRep);
  for (let v = 0; v < nv; v++) if (rep[v] === v && v !== envRep && inForest(v)) roots.push(v);
  for (const root of roots) {
    if (visited[root]) continue;
    // BFS order from the root, remembering each super-node's parent bridge.
    let tail = 0;
    order[tail++] = root;
    visited[root] = 1;
    for (let h = 0; h < tail; h++) {
      const u = order[h]!;
      for (let q = adjPtr[u]!; q < adjPtr[u + 1]!; q++) {
        const k = adj[q]!;
        const a = bFrom(k);
        const w = a === u ? bTo(k) : a;
        if (visited[w]) continue;
        visited[w] = 1;
        viaEdge[w] = k;
        order[tail++] = w;
      }
    }
    if (!withTerms) {
      // Values only: a running sum per subtree instead of the combinations.
      for (let h = tail - 1; h >= 1; h--) {
        const u = order[h]!;
        let sum = sums[u]!;
        sums[u] = 0;
        for (let q = incPtr[u]!; q < incPtr[u + 1]!; q++) sum += incSign[q]! * known[incFlow[q]!]!;
        const k = viaEdge[u]!;
        observable[k] = 1;
        value[k] = bTo(k) === u ? -sum : sum;
        const a = bFrom(k);
        sums[a === u ? bTo(k) : a]! += sum;
      }
      sums[root] = 0;
      continue;
    }
    for (let h = tail - 1; h >= 1; h--) {
      const u = order[h]!;
      const c = acc[u] ?? new Map<number, number>();
      acc[u] = undefined;
      for (let q = incPtr[u]!; q < incPtr[u + 1]!; q++) addTerm(c, incFlow[q]!, incSign[q]!);
      const k = viaEdge[u]!;
      // Balance of the subtree: Σ known in − out ± x_bridge = 0.
      const sign = bTo(k) === u ? -1 : 1;
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
      observable[k] = 1;
      value[k] = v;
      terms[k] = { flows, coefs };
      // Hand the subtree's sum to its parent super-node (the bridge between them cancels).
      const a = bFrom(k);
      const parent = a === u ? bTo(k) : a;
      const pc = acc[parent];
      if (!pc) acc[parent] = c;
      else if (pc.size >= c.size) {
        for (const [f, cf] of c) addTerm(pc, f, cf);
      } else {
        for (const [f, cf] of pc) addTerm(c, f, cf);
        acc[parent] = c;
      }
    }
    acc[root] = undefined;
  }
  return { observable, value, terms };
}

function addTerm(c: Map<number, number>, f: number, s: number): void {
  const v = (c.get(f) ?? 0) + s;
  if (v === 0) c.delete(f);
  else c.set(f, v);
}
