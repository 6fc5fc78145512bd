/**
 * Random plant-like flow networks for the reconciliation benchmarks: every stream lies on a
 * feed-to-exit path or a recycle loop, so known true flows (sums of positive path amounts) close
 * every balance. Nodes are connected locally (jumps of a few positions forward), each has 2–6
 * streams, and ~10 % of streams are unmeasured.
 */
export interface PlantNetwork {
  nodeCount: number;
  from: Int32Array;
  to: Int32Array;
  truth: Float64Array;
}

export { mulberry32 } from './rng.ts';

/** Standard normal variate (Box–Muller). */
export function gaussian(rand: () => number): number {
  let u = 0;
  while (u === 0) u = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

export function plantNetwork(streams: number, rand: () => number, recycleShare = 0.1): PlantNetwork {
  const N = Math.max(2, Math.round(streams / 2.3));
  const from: number[] = [];
  const to: number[] = [];
  const truth: number[] = [];
  const degree = new Int32Array(N);
  const edge = (a: number, b: number, v: number) => {
    from.push(a);
    to.push(b);
    truth.push(v);
    if (a >= 0) degree[a]!++;
    if (b >= 0) degree[b]!++;
  };
  // Backbone: consecutive paths through every node, feed from outside, exit to outside.
  let prev = -1;
  let amount = 10 + 90 * rand();
  for (let v = 0; v < N; v++) {
    edge(prev, v, amount);
    prev = v;
    if (rand() < 0.12 || v === N - 1) {
      edge(v, -1, amount);
      prev = -1;
      amount = 10 + 90 * rand();
    }
  }
  const free = (v: number) => v >= 0 && v < N && degree[v]! <= 4;
  // Branch paths and recycle loops until the stream count is reached.
  let guard = 0;
  while (from.length < streams && guard++ < 20 * streams) {
    const u = Math.floor(rand() * N);
    if (!free(u)) continue;
    const a = 1 + 20 * rand();
    const path = [u];
    const steps = 1 + Math.floor(rand() * 4);
    for (let s = 0; s < steps; s++) {
      const next = path[path.length - 1]! + 1 + Math.floor(rand() * 6);
      if (!free(next) || path.includes(next)) break;
      path.push(next);
    }
    if (rand() < recycleShare * 2 && path.length >= 2) {
      // recycle loop u → … → last → u
      for (let k = 0; k + 1 < path.length; k++) edge(path[k]!, path[k + 1]!, a);
      edge(path[path.length - 1]!, u, a);
    } else {
      edge(-1, path[0]!, a);
      for (let k = 0; k + 1 < path.length; k++) edge(path[k]!, path[k + 1]!, a);
      edge(path[path.length - 1]!, -1, a);
    }
  }
  return { nodeCount: N, from: Int32Array.from(from), to: Int32Array.from(to), truth: Float64Array.from(truth) };
}

/** Measurements: truth + N(0, σ²) with σ = rel·truth; a share of streams left unmeasured (NaN). */
export function measure(
  net: PlantNetwork,
  rand: () => number,
  rel = 0.02,
  unmeasuredShare = 0.1,
): { measured: Float64Array; sd: Float64Array } {
  const n = net.truth.length;
  const measured = new Float64Array(n);
  const sd = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    sd[j] = rel * net.truth[j]!;
    measured[j] = rand() < unmeasuredShare ? Number.NaN : net.truth[j]! + sd[j]! * gaussian(rand);
  }
  return { measured, sd };
}

/**
 * Random-link networks (the hard case for direct solvers): flows along random cycles through the
 * outside, between nodes chosen uniformly — no locality, so a factor fills in.
 */
export function randomLinkNetwork(streams: number, rand: () => number): PlantNetwork {
  const N = Math.max(2, Math.round(streams / 2.3));
  const from: number[] = [];
  const to: number[] = [];
  const truth: number[] = [];
  while (from.length < streams) {
    const len = 2 + Math.floor(rand() * 4);
    const a = 1 + 99 * rand();
    let prev = -1;
    for (let k = 0; k < len; k++) {
      const v = Math.floor(rand() * N);
      if (v === prev) continue;
      from.push(prev);
      to.push(v);
      truth.push(a);
      prev = v;
    }
    from.push(prev);
    to.push(-1);
    truth.push(a);
  }
  return { nodeCount: N, from: Int32Array.from(from), to: Int32Array.from(to), truth: Float64Array.from(truth) };
}
