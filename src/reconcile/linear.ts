import {
  factorSpd,
  FillTooLargeError,
  NotPositiveDefiniteError,
  pcg,
  symmetricUpperCsc,
  type CscMatrix,
  type SpdSolver,
  type Triplets,
} from '../linalg/index.ts';
import { factorBudget, unmeasuredSdWorkBudget } from '../data/reconcile-statistics.ts';
import { DisjointSets, flowEnds, type FlowEnds, type FlowNetwork } from './network.ts';
import { estimateUnmeasured, type UnmeasuredEstimate } from './observability.ts';

/** Largest set of rows whose pairwise (S⁻¹)ᵢⱼ is added to the factor's pattern for one unmeasured σ. */
const MAX_PATTERN_CLIQUE = 12;

/** What reconciliation makes of a flow. */
export const FlowStatus = {
  /** Measured and redundant: adjusted and tested. */
  redundant: 0,
  /** Measured but not redundant: no balance checks it, so it is neither adjusted nor tested. */
  nonRedundant: 1,
  /** Unmeasured and observable: estimated from the balances. */
  estimated: 2,
  /** Unmeasured and unobservable: no value can be derived (never invented). */
  unobservable: 3,
  /** Held at a given value: σ = 0 or pinned on an active bound. */
  fixed: 4,
} as const;

export interface LinearProblem {
  network: FlowNetwork;
  /** Measured values; NaN = unmeasured. */
  measured: Float64Array;
  /** Standard deviations of the measured values (same unit). σ = 0 holds a value fixed. */
  sd: Float64Array;
  /** Values held exactly (NaN = free); used for active bounds. Overrides `measured`. */
  fixed?: Float64Array;
  /** Flows treated as unmeasured although they have a value (excluded suspects). */
  excluded?: Uint8Array;
  /** Nodes given an extra unknown outflow (a leak or missing flow hypothesis). */
  leakNodes?: readonly number[];
}

export interface LinearOptions {
  /** Compute the uncertainty of estimated unmeasured flows (one solve each). Default true. */
  unmeasuredSd?: boolean;
  /** Force the solver; 'auto' factorises and falls back to PCG when the factor would fill in. */
  solver?: 'auto' | 'direct' | 'pcg';
  /** The fill budget for 'auto': non-zeros of L (default 2·10⁷, ~240 MB) … */
  maxFactorNonZeros?: number;
  /** … and multiply-adds of the factorisation (default 2·10⁹, a few seconds). */
  maxFactorFlops?: number;
  /** Receives the reduced system A V Aᵀ λ = r (upper triangle, CSC) before it is solved — for benchmarks. */
  captureSystem?: (s: CscMatrix, r: Float64Array) => void;
}

/** A balance row of the reduced problem: the summed balance of nodes joined by unmeasured flows. */
export interface ReducedRow {
  nodes: number[];
  /** r = Σ in − Σ out of the measured values. */
  residual: number;
  /** √(A V Aᵀ)ᵢᵢ: the residual's standard deviation. */
  sd: number;
  /** Lagrange multiplier λ of the row. */
  lambda: number;
  /** GLR statistic of an unknown leak at this row: λ² / (S⁻¹)ᵢᵢ (NaN without a factor). */
  leakStatistic: number;
}

export interface LinearResult {
  status: Uint8Array;
  reconciled: Float64Array;
  reconciledSd: Float64Array;
  /** Measurement test statistic (m − x̂)/σ(m − x̂); NaN where untested. */
  z: Float64Array;
  /** (Aᵀλ)_j: the gradient term used by the bound multipliers. */
  atLambda: Float64Array;
  chi2: number;
  dof: number;
  rows: ReducedRow[];
  /** Extra flows for `leakNodes` (index k ↔ leakNodes[k]): their estimates. */
  leaks: { node: number; value: number; sd: number }[];
  solver: {
    kind: 'direct' | 'pcg' | 'none';
    factorNonZeros?: number;
    iterations?: number;
    relativeResidual?: number;
    /** Set when round-off forced a floor on the variances: the share of the layer's largest (see LAYER_VARIANCE_FLOORS). */
    varianceFloor?: number;
  };
  /** False when unmeasured uncertainties were skipped for size. */
  unmeasuredSdComputed: boolean;
  /** Rows whose balance cannot hold with the fixed values (Σ residual of a closed set ≠ 0). */
  inconsistentRows: number[][];
}

/**
 * Linear weighted-least-squares reconciliation of one balance layer:
 *   minimise Σ ((x_j − m_j)/σ_j)²  subject to  A x = 0 (every node balance),
 * with unmeasured flows eliminated by merging the nodes they join (the graph form of Crowe,
 * Garcia Campos & Hrymak 1983's projection): the summed balance of each merged group involves
 * measured flows only, and a group that reaches outside through an unmeasured flow has no balance.
 * With the reduced incidence A and V = diag σ², the solution is
 *   λ = (A V Aᵀ)⁻¹ A m,   x̂ = m − V Aᵀ λ,   χ² = (A m)ᵀ (A V Aᵀ)⁻¹ (A m)
 * (Narasimhan & Jordache 2000, eqs. 3-8, 7-3), Cov(x̂) = V − V Aᵀ (A V Aᵀ)⁻¹ A V,
 * and the measurement test z_j = (m − x̂)_j / √(V Aᵀ (A V Aᵀ)⁻¹ A V)_jj (eq. 7-11).
 *
 * @example
 * // x0 = x1 + x2 measured 100, 60, 35 with σ = 1: residual r = 5 spread as σ²/Σσ² = 1/3 each:
 * // 100 − 5/3 = 98.333, 60 + 5/3 = 61.667, 35 + 5/3 = 36.667; χ² = r² / Σσ² = 25 / 3 = 8.333 with 1 dof
 * const p = { network: networkFromIncidence([[1, -1, -1]]), measured: Float64Array.of(100, 60, 35), sd: Float64Array.of(1, 1, 1) };
 * const r = reconcileLinear(p);
 * [...r.reconciled].map((x) => roundTo(x, 3)) // => [98.333, 61.667, 36.667]
 * [roundTo(r.chi2, 3), r.dof] // => [8.333, 1]
 */
export function reconcileLinear(p: LinearProblem, options: LinearOptions = {}): LinearResult {
  return reconcileLinearDeferred(p, options).statistics();
}

/** What the active-set loop of the bounds needs of an iterate (reconcileBounded). */
export interface LinearValues {
  status: Uint8Array;
  reconciled: Float64Array;
  /** (Aᵀλ)_j: the gradient term used by the bound multipliers. */
  atLambda: Float64Array;
  chi2: number;
}

/** A linear reconciliation solved, its values known, its statistics computed on demand. */
export interface DeferredLinearResult {
  values: LinearValues;
  /** The complete result, from the same factor (σ, z, σ of estimated flows, rows and their leak statistics). */
  statistics(): LinearResult;
}

/**
 * reconcileLinear in two steps: the values first, the statistics (the selected inverse, each
 * estimated flow's σ — as much work again as the solve — and the row objects) only when asked for.
 * The active-set loop of the bounds asks only for its last iterate (reconcileBounded).
 */
export function reconcileLinearDeferred(p: LinearProblem, options: LinearOptions = {}): DeferredLinearResult {
  const leakNodes = p.leakNodes ?? [];
  const n0 = p.network.from.length;
  const ends = endsWithLeaks(p.network, leakNodes);
  const n = ends.from.length;
  const flows = classifyFlows(p, n);
  const { status, known, unmeasured } = flows;
  const bal = reducedBalances(ends, flows);
  const { R } = bal;
  // Which known flows each observable unmeasured flow is a combination of (structure only; the
  // values follow from the reconciled flows below).
  const wantSd = options.unmeasuredSd !== false;
  const est = wantSd ? estimateUnmeasured(ends, unmeasured, known) : undefined;
  // Solved with the meters' own variances; where round-off defeats that (a failed factor, or
  // balances refinement cannot close), again with a floor on the variances (LAYER_VARIANCE_FLOORS),
  // reported in solver.varianceFloor.
  let system: ReducedSystem;
  let S: CscMatrix;
  let solved: ReturnType<typeof solveReduced>;
  let lambda0: Float64Array;
  let out: { atLambda: Float64Array; reconciled: Float64Array; reconciledSd: Float64Array; z: Float64Array };
  let refined: boolean;
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= LAYER_VARIANCE_FLOORS.length;
    floorVariances(flows, bal, attempt);
    system = reducedSystem(bal, flows);
    S = symmetricUpperCsc(
      R,
      system.diagonal,
      system.hasDiagonal,
      withCovariancePattern(system.offDiagonal, est, bal, status),
    );
    options.captureSystem?.(S, system.r);
    try {
      solved = solveReduced(S, system.r, options);
    } catch (e) {
      if (!(e instanceof NotPositiveDefiniteError) || last) throw e;
      continue;
    }
    if (attempt > 0) solved.info.varianceFloor = LAYER_VARIANCE_FLOORS[attempt - 1];
    lambda0 = solved.solver ? solved.lambda.slice() : solved.lambda;
    out = {
      atLambda: new Float64Array(n),
      reconciled: new Float64Array(n).fill(Number.NaN),
      reconciledSd: new Float64Array(n).fill(Number.NaN),
      z: new Float64Array(n).fill(Number.NaN),
    };
    adjustMeasurements(flows, bal, solved.lambda, undefined, out);
    refined = solved.solver ? refineBalances(flows, bal, solved.solver, solved.lambda, out) : false;
    if (last || !solved.solver || balancesClosed(flows, bal, out.reconciled)) break;
  }
  const { r } = system;
  const { lambda, solver, info } = solved;
  const { atLambda, reconciled, reconciledSd, z } = out;
  let chi2 = 0;
  for (let i = 0; i < R; i++) chi2 += r[i]! * lambda[i]!;
  estimateValues(flows, est, ends, reconciled);
  // Without leak hypotheses the arrays are already the model's flows: no copies.
  const own = <T extends Uint8Array | Float64Array>(a: T): T => (n === n0 ? a : (a.slice(0, n0) as T));
  const values = { status: own(status), reconciled: own(reconciled), atLambda: own(atLambda), chi2 };
  const statistics = (): LinearResult => {
    const zDiag = solver ? solver.inverseDiagonal() : undefined;
    if (solver && zDiag) {
      const inverse = { diag: zDiag, across: inverseAcrossFlows(solver, system.offDiagonal) };
      if (!refined) measurementStatistics(flows, bal, inverse, out);
      else {
        // z was taken before the refinement and rescaled with it: the same steps again, from λ as solved
        adjustMeasurements(flows, bal, lambda0, inverse, out);
        refineBalances(flows, bal, solver, lambda0, out);
      }
    }
    const sdComputed = estimatesSd(flows, bal, est, reconciledSd, solver);
    const rows = reducedRows(S, r, lambda, zDiag, bal);
    const inconsistentRows = bal.dropped.length > 0 ? inconsistentBalances(bal, status, reconciled) : [];
    const leaks = leakNodes.map((node, k) => ({ node, value: reconciled[n0 + k]!, sd: reconciledSd[n0 + k]! }));
    return {
      status: values.status,
      reconciled: values.reconciled,
      reconciledSd: own(reconciledSd),
      z: own(z),
      atLambda: values.atLambda,
      chi2,
      dof: R,
      rows,
      leaks,
      solver: info,
      unmeasuredSdComputed: sdComputed,
      inconsistentRows,
    };
  };
  let complete: LinearResult | undefined;
  return { values, statistics: () => (complete ??= statistics()) };
}

/** Values of the unknown flows: observable ones from the reconciled known flows; the others unobservable. */
function estimateValues(
  flows: ClassifiedFlows,
  est: UnmeasuredEstimate | undefined,
  ends: FlowEnds,
  reconciled: Float64Array,
): void {
  const { status, unmeasured } = flows;
  const values = est ?? estimateUnmeasured(ends, unmeasured, reconciled, false);
  for (let k = 0; k < unmeasured.length; k++) {
    const j = unmeasured[k]!;
    if (!values.observable[k]) {
      status[j] = FlowStatus.unobservable;
      continue;
    }
    status[j] = FlowStatus.estimated;
    if (est) {
      const t = est.terms[k]!;
      let v = 0;
      for (let q = 0; q < t.flows.length; q++) v += t.coefs[q]! * reconciled[t.flows[q]!]!;
      reconciled[j] = v;
    } else reconciled[j] = values.value[k]!;
  }
}

/** σ of the estimated flows, given the factor, where the work budget allows (unmeasuredSdWorkBudget). */
function estimatesSd(
  flows: ClassifiedFlows,
  bal: ReducedBalances,
  est: UnmeasuredEstimate | undefined,
  reconciledSd: Float64Array,
  solver: SpdSolver | undefined,
): boolean {
  const { status, unmeasured, w } = flows;
  const { R } = bal;
  if (!est || (solver === undefined && R > 0)) return false;
  let observableCount = 0;
  for (let k = 0; k < unmeasured.length; k++) if (est.observable[k]) observableCount++;
  if (observableCount * 2 * Math.max(R, solver?.factorNonZeros ?? 0) > unmeasuredSdWorkBudget.flops) return false;
  for (let k = 0; k < unmeasured.length; k++)
    if (est.observable[k]) reconciledSd[unmeasured[k]!] = combinationSd(est.terms[k]!, status, w, bal, solver);
  return true;
}

/** The network's flow ends, with one extra flow from each leak node to the environment. */
function endsWithLeaks(net: FlowNetwork, leakNodes: readonly number[]): FlowEnds {
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
interface ClassifiedFlows {
  status: Uint8Array;
  /** Fixed or measured value; NaN when unknown. */
  known: Float64Array;
  /** σ² of free measurements, 0 otherwise. */
  w: Float64Array;
  /** The unknown flows (unmeasured or excluded), increasing. */
  unmeasured: Int32Array;
}

/** Flows past the model's own (leak hypotheses) are unknown. */
function classifyFlows(p: LinearProblem, n: number): ClassifiedFlows {
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
interface ReducedBalances {
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
function reducedBalances(ends: FlowEnds, flows: ClassifiedFlows): ReducedBalances {
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
type LaplacianTriplets = Triplets & { ti: Int32Array; tj: Int32Array; tv: Float64Array };

interface ReducedSystem {
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
function reducedSystem(bal: ReducedBalances, flows: ClassifiedFlows): ReducedSystem {
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
function withCovariancePattern(
  t: LaplacianTriplets,
  est: UnmeasuredEstimate | undefined,
  bal: ReducedBalances,
  status: Uint8Array,
): LaplacianTriplets {
  if (!est) return t;
  const { rowTo, rowFrom } = bal;
  const pairs: number[] = [];
  for (let k = 0; k < est.observable.length; k++) {
    if (!est.observable[k]) continue;
    const rowsOf = new Set<number>();
    const terms = est.terms[k]!;
    for (let q = 0; q < terms.flows.length && rowsOf.size <= MAX_PATTERN_CLIQUE; q++) {
      const j = terms.flows[q]!;
      if (status[j] !== FlowStatus.redundant) continue;
      const a = rowTo[j]!;
      const b = rowFrom[j]!;
      if (a >= 0) rowsOf.add(a);
      if (b >= 0) rowsOf.add(b);
    }
    if (rowsOf.size > MAX_PATTERN_CLIQUE) continue;
    const list = [...rowsOf];
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

/**
 * (S⁻¹)[rowTo, rowFrom] of every free measurement between two rows, in one batch over S's
 * off-diagonal triplets: one per such measurement, in flow order (see reducedSystem).
 */
function inverseAcrossFlows(solver: SpdSolver, offDiagonal: LaplacianTriplets): Float64Array {
  const { ti, tj, count } = offDiagonal;
  return solver.inverseEntries(ti.subarray(0, count), tj.subarray(0, count));
}

/**
 * (Aᵀλ)_j of every flow and the reconciled values of the measured and fixed flows; for free measurements, with a factor, also
 * their σ and measurement-test statistic from q_j = a_jᵀ S⁻¹ a_j = Z_aa + Z_bb − 2 Z_ab.
 */
function adjustMeasurements(
  flows: ClassifiedFlows,
  bal: ReducedBalances,
  lambda: Float64Array,
  /** Z_ii per row, and Z_ab per free measurement between two rows in flow order. */
  inverse: { diag: Float64Array; across: Float64Array } | undefined,
  out: { atLambda: Float64Array; reconciled: Float64Array; reconciledSd: Float64Array; z: Float64Array },
): void {
  const { status, known, w } = flows;
  const { rowTo, rowFrom } = bal;
  const { atLambda, reconciled, reconciledSd, z } = out;
  const zDiag = inverse?.diag;
  const zAcross = inverse?.across;
  let across = 0; // the next entry of zAcross: they follow the flows between two rows
  for (let j = 0; j < status.length; j++) {
    const a = rowTo[j]!;
    const b = rowFrom[j]!;
    atLambda[j] = (a >= 0 ? lambda[a]! : 0) - (b >= 0 ? lambda[b]! : 0);
    const st = status[j]!;
    if (st === FlowStatus.redundant) {
      reconciled[j] = known[j]! - w[j]! * atLambda[j]!;
      if (zDiag && zAcross) {
        let q = 0;
        if (a >= 0) q += zDiag[a]!;
        if (b >= 0) q += zDiag[b]!;
        if (a >= 0 && b >= 0) q -= 2 * zAcross[across++]!;
        // σ² − σ⁴q keeps ~8 digits of σ² where the balances nearly fix the flow: below that, 0
        const v = w[j]! - w[j]! * w[j]! * q;
        reconciledSd[j] = v > RESOLVED_VARIANCE * w[j]! ? Math.sqrt(v) : 0;
        z[j] = q > 0 ? atLambda[j]! / Math.sqrt(q) : Number.NaN;
      }
    } else if (st === FlowStatus.nonRedundant) {
      reconciled[j] = known[j]!;
      reconciledSd[j] = Math.sqrt(w[j]!);
    } else if (st === FlowStatus.fixed) {
      reconciled[j] = known[j]!;
      reconciledSd[j] = 0;
    }
  }
}

/**
 * σ and the measurement-test statistic of every free measurement, from q_j = a_jᵀ S⁻¹ a_j =
 * Z_aa + Z_bb − 2 Z_ab: σ(x̂_j) = √(w_j − w_j² q_j), z_j = (Aᵀλ)_j / √q_j.
 */
function measurementStatistics(
  flows: ClassifiedFlows,
  bal: ReducedBalances,
  /** Z_ii per row, and Z_ab per free measurement between two rows in flow order. */
  inverse: { diag: Float64Array; across: Float64Array },
  out: { atLambda: Float64Array; reconciledSd: Float64Array; z: Float64Array },
): void {
  const { status, w } = flows;
  const { rowTo, rowFrom } = bal;
  const { atLambda, reconciledSd, z } = out;
  const { diag: zDiag, across: zAcross } = inverse;
  let across = 0; // the next entry of zAcross: they follow the flows between two rows
  for (let j = 0; j < status.length; j++) {
    if (status[j] !== FlowStatus.redundant) continue;
    const a = rowTo[j]!;
    const b = rowFrom[j]!;
    let q = 0;
    if (a >= 0) q += zDiag[a]!;
    if (b >= 0) q += zDiag[b]!;
    if (a >= 0 && b >= 0) q -= 2 * zAcross[across++]!;
    // σ² − σ⁴q keeps ~8 digits of σ² where the balances nearly fix the flow: below that, 0
    const v = w[j]! - w[j]! * w[j]! * q;
    reconciledSd[j] = v > RESOLVED_VARIANCE * w[j]! ? Math.sqrt(v) : 0;
    z[j] = q > 0 ? atLambda[j]! / Math.sqrt(q) : Number.NaN;
  }
}

/**
 * The smallest variance kept beside the largest in the same balance: 10⁻¹² (σ 10⁶ times smaller).
 * The factor of S = A V Aᵀ carries a small variance only in the digits a large one leaves: at a
 * ratio near 1/ε a pivot rounds to 0 or below and the factorization fails. Floored there, a meter
 * 10⁶ times more precise than the estimate it is balanced against still moves by no more than
 * 10⁻⁶ of its σ — nothing a result shows.
 */
const VARIANCE_FLOOR = 1e-12;

/**
 * Floors against the largest variance of the whole layer, tried in turn when the factorization
 * still meets a pivot lost to round-off: the elimination carries a large variance's rounding from
 * balance to balance (a 184 900 σ² beside a 1.8e-11 two balances away), which a floor per balance
 * cannot see. Used only then, and reported (`solver.varianceFloor`), so ordinary plants keep their
 * meters' own σ however small.
 */
const LAYER_VARIANCE_FLOORS = [1e-12, 1e-9, 1e-6];

/**
 * Raises each free measurement's variance to VARIANCE_FLOOR of the largest in the balances it
 * enters; on a later attempt, to LAYER_VARIANCE_FLOORS[attempt − 1] of the layer's largest.
 */
function floorVariances(flows: ClassifiedFlows, bal: ReducedBalances, attempt = 0): void {
  const { status, w } = flows;
  if (attempt > 0) {
    let max = 0;
    for (let j = 0; j < status.length; j++) if (status[j] === FlowStatus.redundant && w[j]! > max) max = w[j]!;
    const floor = LAYER_VARIANCE_FLOORS[attempt - 1]! * max;
    for (let j = 0; j < status.length; j++) if (status[j] === FlowStatus.redundant && w[j]! < floor) w[j] = floor;
    return;
  }
  const { rowTo, rowFrom, R } = bal;
  const rowMax = new Float64Array(R);
  for (let j = 0; j < status.length; j++) {
    if (status[j] !== FlowStatus.redundant) continue;
    const a = rowTo[j]!;
    const b = rowFrom[j]!;
    if (a >= 0 && w[j]! > rowMax[a]!) rowMax[a] = w[j]!;
    if (b >= 0 && w[j]! > rowMax[b]!) rowMax[b] = w[j]!;
  }
  for (let j = 0; j < status.length; j++) {
    if (status[j] !== FlowStatus.redundant) continue;
    const a = rowTo[j]!;
    const b = rowFrom[j]!;
    const floor = VARIANCE_FLOOR * Math.max(a >= 0 ? rowMax[a]! : 0, b >= 0 ? rowMax[b]! : 0);
    if (w[j]! < floor) w[j] = floor;
  }
}

/**
 * A reconciled variance below this share of the measurement's own is not resolved by the
 * subtraction σ² − σ⁴q (the factor's round-off, amplified by the system's condition, is of that
 * size): it is reported as 0 — the balances fix the flow (σ reduced more than 10⁴-fold). Left as
 * noise, a carrier's σ of 0.003 t or 0 (by the order of the sums) changes its components' σ 20-fold.
 */
const RESOLVED_VARIANCE = 1e-8;

/** Balance residuals above this share of the largest flow are refined away (≈ 4 500 × the double's ε). */
const REFINE_BELOW = 1e-12;
/** Refinement steps at most; each gains the digits the system's condition leaves (2 for σ ratios of 10⁷). */
const REFINE_STEPS = 3;

/**
 * Iterative refinement of the reconciled values against the balances. x̂ = m − V Aᵀ λ loses
 * precision when σ spans many orders in one balance (a 0.2S meter beside an estimate: σ² from
 * 10⁻⁵ to 10⁹, λ ~ 10⁵): the subtraction leaves the balances open by ~ε·σ²·|λ|, 0.01 t on
 * 10⁵ t. The residual ρ = A x̂ is computed from x̂ itself (no large terms cancel) and removed by
 * x̂ ← x̂ − V Aᵀ S⁻¹ ρ, λ ← λ + S⁻¹ ρ (the same least-squares step, on a small right-hand side),
 * until every balance holds to REFINE_BELOW of the largest flow.
 */
function refineBalances(
  flows: ClassifiedFlows,
  bal: ReducedBalances,
  solver: SpdSolver,
  lambda: Float64Array,
  out: { atLambda: Float64Array; reconciled: Float64Array; z: Float64Array },
): boolean {
  const { status, known, w } = flows;
  const { rowTo, rowFrom, R } = bal;
  const { atLambda, reconciled, z } = out;
  const n = status.length;
  let scale = 0;
  for (let j = 0; j < n; j++) if (!Number.isNaN(known[j]!)) scale = Math.max(scale, Math.abs(reconciled[j]!));
  const rho = new Float64Array(R);
  let last = Number.POSITIVE_INFINITY;
  for (let step = 0; step < REFINE_STEPS; step++) {
    rho.fill(0);
    for (let j = 0; j < n; j++) {
      const a = rowTo[j]!;
      const b = rowFrom[j]!;
      if (a === b || Number.isNaN(known[j]!)) continue;
      if (a >= 0) rho[a]! += reconciled[j]!;
      if (b >= 0) rho[b]! -= reconciled[j]!;
    }
    let worst = 0;
    for (let i = 0; i < R; i++) worst = Math.max(worst, Math.abs(rho[i]!));
    if (!(worst > REFINE_BELOW * scale) || !(worst < last)) return step > 0;
    last = worst;
    const delta = solver.solve(rho);
    for (let i = 0; i < R; i++) lambda[i]! += delta[i]!;
    for (let j = 0; j < n; j++) {
      if (status[j] !== FlowStatus.redundant) continue;
      const a = rowTo[j]!;
      const b = rowFrom[j]!;
      const d = (a >= 0 ? delta[a]! : 0) - (b >= 0 ? delta[b]! : 0);
      if (d === 0) continue;
      reconciled[j]! -= w[j]! * d;
      const before = atLambda[j]!;
      atLambda[j] = before + d;
      // z = (Aᵀλ)_j / √q_j: rescaled with the refined (Aᵀλ)_j
      if (before !== 0 && !Number.isNaN(z[j]!)) z[j] = (z[j]! * atLambda[j]!) / before;
    }
  }
  return true;
}

/** Balances that refinement leaves open by more than this share of the largest flow call for a variance floor. */
const CLOSED_BELOW = 1e-10;

/** Whether every reduced balance holds to CLOSED_BELOW of the largest measured or reconciled flow. */
function balancesClosed(flows: ClassifiedFlows, bal: ReducedBalances, reconciled: Float64Array): boolean {
  const { known } = flows;
  const { rowTo, rowFrom, R } = bal;
  const rho = new Float64Array(R);
  let scale = 0;
  for (let j = 0; j < known.length; j++) {
    const a = rowTo[j]!;
    const b = rowFrom[j]!;
    if (Number.isNaN(known[j]!)) continue;
    // the scale of the layer: its measurements (values reconciled to ~0 would make round-off look large)
    scale = Math.max(scale, Math.abs(known[j]!), Math.abs(reconciled[j]!));
    if (a === b) continue;
    if (a >= 0) rho[a]! += reconciled[j]!;
    if (b >= 0) rho[b]! -= reconciled[j]!;
  }
  for (let i = 0; i < R; i++) if (Math.abs(rho[i]!) > CLOSED_BELOW * scale) return false;
  return true;
}

function reducedRows(
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
function inconsistentBalances(bal: ReducedBalances, status: Uint8Array, reconciled: Float64Array): number[][] {
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

function solveReduced(
  S: CscMatrix,
  r: Float64Array,
  options: LinearOptions,
): { lambda: Float64Array; solver: SpdSolver | undefined; info: LinearResult['solver'] } {
  const R = S.cols;
  if (R === 0) return { lambda: new Float64Array(0), solver: undefined, info: { kind: 'none' } };
  const mode = options.solver ?? 'auto';
  if (mode !== 'pcg') {
    try {
      // S's explicit zeros only ask for (S⁻¹)ᵢⱼ of estimated flows' variances (withCovariancePattern)
      const solver = factorSpd(
        S,
        mode === 'auto'
          ? {
              maxFactorNonZeros: options.maxFactorNonZeros ?? factorBudget.nonZeros,
              maxFactorFlops: options.maxFactorFlops ?? factorBudget.flops,
              optionalZeros: true,
            }
          : { optionalZeros: true },
      );
      return { lambda: solver.solve(r), solver, info: { kind: 'direct', factorNonZeros: solver.factorNonZeros } };
    } catch (e) {
      if (!(e instanceof FillTooLargeError)) throw e;
    }
  }
  const res = pcg(S, r, 1e-12);
  if (!res.converged) throw new Error(`PCG did not reach its tolerance (relative residual ${res.relativeResidual})`);
  return {
    lambda: res.x,
    solver: undefined,
    info: { kind: 'pcg', iterations: res.iterations, relativeResidual: res.relativeResidual },
  };
}

/**
 * σ of Σ c_k x̂_k over known flows: Var = cᵀVc − (A V c)ᵀ (A V Aᵀ)⁻¹ (A V c) for the free
 * measurements (non-redundant ones add c²σ², fixed ones nothing).
 */
function combinationSd(
  t: { flows: Int32Array; coefs: Float64Array },
  status: Uint8Array,
  w: Float64Array,
  bal: Pick<ReducedBalances, 'rowTo' | 'rowFrom'>,
  solver: SpdSolver | undefined,
): number {
  let v = 0;
  // A V c, sparse: row → value.
  const avc = new Map<number, number>();
  const add = (i: number, x: number) => avc.set(i, (avc.get(i) ?? 0) + x);
  for (let q = 0; q < t.flows.length; q++) {
    const j = t.flows[q]!;
    const c = t.coefs[q]!;
    const st = status[j];
    if (st !== FlowStatus.redundant && st !== FlowStatus.nonRedundant) continue;
    v += c * c * w[j]!;
    if (st !== FlowStatus.redundant) continue;
    const a = bal.rowTo[j]!;
    const b = bal.rowFrom[j]!;
    if (a >= 0) add(a, c * w[j]!);
    if (b >= 0) add(b, -c * w[j]!);
  }
  if (avc.size > 0 && solver) {
    // (AVc)ᵀ S⁻¹ (AVc) from the selected inverse when every pair lies in the factor's pattern
    // (the usual case on a plant: c touches one group and its neighbours); otherwise a forward
    // solve over the elimination-tree reach of AVc's rows.
    const rows = [...avc.keys()];
    const vals = rows.map((i) => avc.get(i)!);
    let quad = 0;
    let known = rows.length <= MAX_PATTERN_CLIQUE;
    for (let a = 0; known && a < rows.length; a++)
      for (let b = a; b < rows.length; b++) {
        const z = solver.inverseEntryIfKnown(rows[a]!, rows[b]!);
        if (z === undefined) {
          known = false;
          break;
        }
        quad += (a === b ? 1 : 2) * vals[a]! * vals[b]! * z;
      }
    if (!known) quad = solver.inverseQuadratic(rows, vals);
    v -= quad;
  }
  return Math.sqrt(Math.max(0, v));
}
