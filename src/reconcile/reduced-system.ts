import type { CscMatrix, Triplets } from '../linalg/index.ts';
import { FlowStatus, type LinearProblem, type ReducedRow } from './linear-types.ts';
import { DisjointSets, flowEnds, type FlowEnds, type FlowNetwork } from './network.ts';
import type { UnmeasuredEstimate } from './observability.ts';

/**
 * The reduced problem of a linear reconciliation (linear.ts): the flows classified, the nodes joined
 * by unmeasured flows merged into groups whose summed balances are the rows, and the system
 * S = A V Aᵀ with its right-hand side r; after the solve, the rows as reported and the closed sets
 * whose balance cannot hold.
 */

/** Largest set of rows whose pairwise (S⁻¹)ᵢⱼ is added to the factor's pattern for one unmeasured σ. */
export const MAX_PATTERN_CLIQUE = 12;

/** The network's flow ends, with one extra flow from each leak node to the environment. */
export function endsWithLeaks(net: FlowNetwork, leakNodes: readonly number[]): FlowEnds {
  if (leakNodes.length === 0) return flowEnds(net);
  const n0 = net.from.length;
  const from = new Int32Array(n0 + leakNodes.length);
  const to = new Int32Array(n0 + leakNodes.length);
  from.set(net.from);
  to.set(net.to);
  leakNodes.forEach((node, k) => {
    from[n0 + k] = node;
    to[n0 + k] = -1;
  });
  return flowEnds({ nodeCount: net.nodeCount, from, to });
}

/** The flows by kind: fixed value, free measurement (σ² in `w`), or unknown. */
export interface ClassifiedFlows {
  status: Uint8Array;
  /** Fixed or measured value; NaN when unknown. */
  known: Float64Array;
  /** σ² of free measurements, 0 otherwise. */
  w: Float64Array;
  /** The unknown flows (unmeasured or excluded), increasing. */
  unmeasured: Int32Array;
}

/** Flows past the model's own (leak hypotheses) are unknown. */
export function classifyFlows(p: LinearProblem, n: number): ClassifiedFlows {
  const n0 = p.network.from.length;
  const { measured, sd, fixed, excluded } = p;
  const status = new Uint8Array(n);
  const known = new Float64Array(n).fill(Number.NaN);
  const w = new Float64Array(n);
  const unknownList: number[] = [];
  for (let j = 0; j < n; j++) {
    const fx = j < n0 && fixed ? fixed[j]! : Number.NaN;
    const m = j < n0 ? measured[j]! : Number.NaN;
    if (!Number.isNaN(fx)) {
      status[j] = FlowStatus.fixed;
      known[j] = fx;
    } else if (Number.isNaN(m) || (j < n0 && excluded?.[j] === 1)) {
      status[j] = FlowStatus.unobservable; // until the observability analysis says otherwise
      unknownList.push(j);
    } else if (!(sd[j]! > 0)) {
      status[j] = FlowStatus.fixed;
      known[j] = m;
    } else {
      status[j] = FlowStatus.redundant;
      known[j] = m;
      w[j] = sd[j]! ** 2;
    }
  }
  return { status, known, w, unmeasured: Int32Array.from(unknownList) };
}

/** The balance rows of the reduced problem and where each flow enters them. */
export interface ReducedBalances {
  nodeCount: number;
  ends: FlowEnds;
  /** Group (representative vertex) of each vertex. */
  groupOf: Int32Array;
  /** Rows of each flow's column: +1 in rowTo, −1 in rowFrom (−1 = no row). */
  rowTo: Int32Array;
  rowFrom: Int32Array;
  R: number;
  /** Member nodes of row i: members[memberPtr[i] .. memberPtr[i+1]). */
  memberPtr: Int32Array;
  members: Int32Array;
  /** Group of each node, and whether any flow touches it (for the nodes of a dropped group). */
  groupOfNode: Int32Array;
  hasFlow: Uint8Array;
  /** The dropped group of each closed component, in node order. */
  dropped: number[];
}

/**
 * Groups: nodes (and the environment) joined by unmeasured flows. Measured flows inside a group
 * are not redundant (no balance checks them). One row per group except the environment's; in a
 * closed component (no path outside through free measurements) one row is the negative sum of
 * the others and is dropped, so A V Aᵀ stays positive definite.
 */
export function reducedBalances(ends: FlowEnds, flows: ClassifiedFlows): ReducedBalances {
  const { from, to } = ends;
  const { status, unmeasured } = flows;
  const nv = ends.vertexCount;
  const N = nv - 1;
  const n = ends.from.length;
  const groups = new DisjointSets(nv);
  for (let k = 0; k < unmeasured.length; k++) groups.union(from[unmeasured[k]!]!, to[unmeasured[k]!]!);
  const groupOf = groups.roots();
  const envGroup = groupOf[N]!;
  // Connectivity of groups through free measurements decides which rows are redundant.
  const comp = new DisjointSets(nv);
  const hasFlow = new Uint8Array(nv);
  for (let j = 0; j < n; j++) {
    const a = groupOf[from[j]!]!;
    const b = groupOf[to[j]!]!;
    hasFlow[from[j]!] = 1;
    hasFlow[to[j]!] = 1;
    if (status[j] !== FlowStatus.redundant) continue;
    if (a === b) status[j] = FlowStatus.nonRedundant;
    else comp.union(a, b);
  }
  const rowOfGroup = new Int32Array(nv).fill(-1);
  const envComp = comp.find(envGroup);
  const droppedOfComp = new Int32Array(nv).fill(-1);
  const dropped: number[] = [];
  const seen = new Uint8Array(nv);
  let R = 0;
  for (let v = 0; v < N; v++) {
    const g = groupOf[v]!;
    if (!hasFlow[v] || g === envGroup || seen[g]) continue;
    seen[g] = 1;
    const c = comp.find(g);
    if (c !== envComp && droppedOfComp[c] === -1) {
      droppedOfComp[c] = g;
      dropped.push(g);
      continue;
    }
    rowOfGroup[g] = R++;
  }
  const rowOfVertex = new Int32Array(nv);
  for (let v = 0; v < nv; v++) rowOfVertex[v] = rowOfGroup[groupOf[v]!]!;
  const rowTo = new Int32Array(n);
  const rowFrom = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    rowTo[j] = rowOfVertex[to[j]!]!;
    rowFrom[j] = rowOfVertex[from[j]!]!;
  }
  const groupOfNode = groupOf.subarray(0, N);
  const { memberPtr, members } = rowMembers(groupOfNode, hasFlow, rowOfGroup, R);
  return { nodeCount: N, ends, groupOf, rowTo, rowFrom, R, memberPtr, members, groupOfNode, hasFlow, dropped };
}

/** Member nodes of each row, grouped in one pass (counting sort). */
function rowMembers(
  groupOfNode: Int32Array,
  hasFlow: Uint8Array,
  rowOfGroup: Int32Array,
  R: number,
): { memberPtr: Int32Array; members: Int32Array } {
  const N = groupOfNode.length;
  const rowOfNode = new Int32Array(N);
  const memberPtr = new Int32Array(R + 1);
  for (let v = 0; v < N; v++) {
    rowOfNode[v] = hasFlow[v] ? rowOfGroup[groupOfNode[v]!]! : -1;
    if (rowOfNode[v]! >= 0) memberPtr[rowOfNode[v]! + 1]!++;
  }
  for (let i = 0; i < R; i++) memberPtr[i + 1]! += memberPtr[i]!;
  const members = new Int32Array(memberPtr[R]!);
  const fill = memberPtr.slice(0, R);
  for (let v = 0; v < N; v++) if (rowOfNode[v]! >= 0) members[fill[rowOfNode[v]!]!++] = v;
  return { memberPtr, members };
}

/** Strictly upper entries (row < column) of S. */
export type LaplacianTriplets = Triplets & { ti: Int32Array; tj: Int32Array; tv: Float64Array };

export interface ReducedSystem {
  /** r = A·known: Σ in − Σ out of the known flows (fixed values included) per row. */
  r: Float64Array;
  diagonal: Float64Array;
  hasDiagonal: Uint8Array;
  offDiagonal: LaplacianTriplets;
}

/**
 * The reduced system in one pass over the flows: the residual r, and S = A V Aᵀ, a weighted
 * Laplacian of the group graph grounded at the environment — the diagonal summed directly, one
 * off-diagonal triplet per free measurement between two rows. A measurement whose column
 * vanished (its only row was the dropped one) is marked not redundant.
 */
export function reducedSystem(bal: ReducedBalances, flows: ClassifiedFlows): ReducedSystem {
  const { rowTo, rowFrom, R } = bal;
  const { status, known, w } = flows;
  const n = status.length;
  const r = new Float64Array(R);
  const diagonal = new Float64Array(R);
  const hasDiagonal = new Uint8Array(R);
  const ti = new Int32Array(n);
  const tj = new Int32Array(n);
  const tv = new Float64Array(n);
  let count = 0;
  for (let j = 0; j < n; j++) {
    const a = rowTo[j]!;
    const b = rowFrom[j]!;
    const x = known[j]!;
    // Equal rows: both ends in one group (or neither in a row), so the flow cancels.
    if (!Number.isNaN(x) && a !== b) {
      if (b >= 0) r[b]! -= x;
      if (a >= 0) r[a]! += x;
    }
    if (status[j] !== FlowStatus.redundant) continue;
    if (a >= 0) {
      diagonal[a]! += w[j]!;
      hasDiagonal[a] = 1;
    }
    if (b >= 0) {
      diagonal[b]! += w[j]!;
      hasDiagonal[b] = 1;
    }
    if (a >= 0 && b >= 0) {
      ti[count] = Math.min(a, b);
      tj[count] = Math.max(a, b);
      tv[count++] = -w[j]!;
    } else if (a < 0 && b < 0) status[j] = FlowStatus.nonRedundant;
  }
  return { r, diagonal, hasDiagonal, offDiagonal: { ti, tj, tv, count } };
}

/**
 * An unmeasured flow's variance needs (S⁻¹)ᵢⱼ for the rows its known flows touch: those pairs are
 * added to S's pattern (as explicit zeros) so the factor — and so the selected inverse — holds them.
 */
export function withCovariancePattern(
  t: LaplacianTriplets,
  est: UnmeasuredEstimate | undefined,
  bal: ReducedBalances,
  status: Uint8Array,
): LaplacianTriplets {
  if (!est) return t;
  const { rowTo, rowFrom } = bal;
  const pairs: number[] = [];
  // the rows of one estimate, in the order met: a few (≤ MAX_PATTERN_CLIQUE + 1), so a list searched
  // beats a Set made for each of 10⁵ estimates
  const list: number[] = [];
  const add = (i: number) => {
    if (i >= 0 && !list.includes(i)) list.push(i);
  };
  for (let k = 0; k < est.observable.length; k++) {
    if (!est.observable[k]) continue;
    list.length = 0;
    const terms = est.terms[k]!;
    for (let q = 0; q < terms.flows.length && list.length <= MAX_PATTERN_CLIQUE; q++) {
      const j = terms.flows[q]!;
      if (status[j] !== FlowStatus.redundant) continue;
      add(rowTo[j]!);
      add(rowFrom[j]!);
    }
    if (list.length > MAX_PATTERN_CLIQUE) continue;
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) pairs.push(Math.min(list[x]!, list[y]!), Math.max(list[x]!, list[y]!));
  }
  const np = pairs.length / 2;
  const count = t.count + np;
  const ti = new Int32Array(count);
  const tj = new Int32Array(count);
  const tv = new Float64Array(count);
  ti.set(t.ti.subarray(0, t.count));
  tj.set(t.tj.subarray(0, t.count));
  tv.set(t.tv.subarray(0, t.count));
  for (let q = 0; q < np; q++) {
    ti[t.count + q] = pairs[2 * q]!;
    tj[t.count + q] = pairs[2 * q + 1]!;
  }
  return { ti, tj, tv, count };
}

export function reducedRows(
  S: CscMatrix,
  r: Float64Array,
  lambda: Float64Array,
  zDiag: Float64Array | undefined,
  bal: ReducedBalances,
): ReducedRow[] {
  const { memberPtr, members, R } = bal;
  const { colPtr, rowIndex, values } = S;
  const rows: ReducedRow[] = new Array(R);
  for (let i = 0; i < R; i++) {
    // rows within a column are sorted and S is upper triangular: the diagonal is the column's last entry
    const last = colPtr[i + 1]! - 1;
    const sii = last >= colPtr[i]! && rowIndex[last] === i ? values[last]! : 0;
    const zii = zDiag ? zDiag[i]! : Number.NaN;
    rows[i] = {
      nodes: nodeList(members, memberPtr[i]!, memberPtr[i + 1]!),
      residual: r[i]!,
      sd: Math.sqrt(sii),
      lambda: lambda[i]!,
      leakStatistic: (lambda[i]! * lambda[i]!) / zii,
    };
  }
  return rows;
}

/** members[start .. end) as a plain array; most rows are one node, and a literal is the cheapest array to make. */
function nodeList(members: Int32Array, start: number, end: number): number[] {
  if (end - start === 1) return [members[start]!];
  const nodes: number[] = [];
  for (let q = start; q < end; q++) nodes.push(members[q]!);
  return nodes;
}

/** Closed sets whose dropped balance fails with fixed values: reported (they cannot be reconciled). */
export function inconsistentBalances(bal: ReducedBalances, status: Uint8Array, reconciled: Float64Array): number[][] {
  const { ends, groupOf, dropped, groupOfNode, hasFlow } = bal;
  const { from, to } = ends;
  const droppedIndex = new Int32Array(bal.nodeCount + 1).fill(-1);
  for (const [k, g] of dropped.entries()) droppedIndex[g] = k;
  const res = new Float64Array(dropped.length);
  const scale = new Float64Array(dropped.length);
  for (let j = 0; j < status.length; j++) {
    if (Number.isNaN(reconciled[j]!) || status[j] === FlowStatus.estimated) continue;
    const gf = groupOf[from[j]!]!;
    const gt = groupOf[to[j]!]!;
    if (gf === gt) continue;
    const kt = droppedIndex[gt]!;
    const kf = droppedIndex[gf]!;
    if (kt >= 0) {
      res[kt]! += reconciled[j]!;
      scale[kt]! += Math.abs(reconciled[j]!);
    }
    if (kf >= 0) {
      res[kf]! -= reconciled[j]!;
      scale[kf]! += Math.abs(reconciled[j]!);
    }
  }
  const out: number[][] = [];
  dropped.forEach((g, k) => {
    if (Math.abs(res[k]!) <= 1e-9 * Math.max(scale[k]!, 1e-300)) return;
    const nodes: number[] = [];
    for (let v = 0; v < groupOfNode.length; v++) if (hasFlow[v] && groupOfNode[v] === g) nodes.push(v);
    out.push(nodes);
  });
  return out;
}
