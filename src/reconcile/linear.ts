import { cscFromTriplets, factorSpd, FillTooLargeError, pcg, type CscMatrix, type SpdSolver } from '../linalg/index.ts';
import { factorBudget, unmeasuredSdWorkBudget } from '../data/reconcile-statistics.ts';
import { DisjointSets, type FlowNetwork } from './network.ts';
import { estimateUnmeasured } from './observability.ts';

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
  solver: { kind: 'direct' | 'pcg' | 'none'; factorNonZeros?: number; iterations?: number; relativeResidual?: number };
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
 */
export function reconcileLinear(p: LinearProblem, options: LinearOptions = {}): LinearResult {
  const { network: net } = p;
  const leakNodes = p.leakNodes ?? [];
  const n0 = net.from.length;
  const n = n0 + leakNodes.length;
  const N = net.nodeCount;
  const env = N;
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  from.set(net.from);
  to.set(net.to);
  leakNodes.forEach((node, k) => {
    from[n0 + k] = node;
    to[n0 + k] = -1;
  });
  const ext: FlowNetwork = { nodeCount: N, from, to };
  const end = (v: number) => (v === -1 ? env : v);

  // Classify the flows: fixed value, free measurement, or unknown.
  const status = new Uint8Array(n);
  const known = new Float64Array(n).fill(Number.NaN);
  const w = new Float64Array(n); // σ² of free measurements
  const unknownList: number[] = [];
  for (let j = 0; j < n; j++) {
    const fx = j < n0 && p.fixed ? p.fixed[j]! : Number.NaN;
    const m = j < n0 ? p.measured[j]! : Number.NaN;
    const excluded = j < n0 && p.excluded?.[j] === 1;
    if (!Number.isNaN(fx)) {
      status[j] = FlowStatus.fixed;
      known[j] = fx;
    } else if (Number.isNaN(m) || excluded) {
      status[j] = FlowStatus.unobservable; // until the observability analysis says otherwise
      unknownList.push(j);
    } else if (!(p.sd[j]! > 0)) {
      status[j] = FlowStatus.fixed;
      known[j] = m;
    } else {
      status[j] = FlowStatus.redundant;
      known[j] = m;
      w[j] = p.sd[j]! ** 2;
    }
  }
  const unmeasured = Int32Array.from(unknownList);

  // Groups: nodes (and the environment) joined by unmeasured flows.
  const groups = new DisjointSets(N + 1);
  for (const j of unmeasured) groups.union(end(from[j]!), end(to[j]!));
  const envGroup = groups.find(env);
  // Group of each flow's ends, resolved once.
  const gFrom = new Int32Array(n);
  const gTo = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    gFrom[j] = groups.find(end(from[j]!));
    gTo[j] = groups.find(end(to[j]!));
  }
  // Connectivity of groups through free measurements decides which rows are redundant.
  const comp = new DisjointSets(N + 1);
  const hasFlow = new Uint8Array(N + 1);
  for (let j = 0; j < n; j++) {
    hasFlow[end(from[j]!)] = 1;
    hasFlow[end(to[j]!)] = 1;
    if (status[j] !== FlowStatus.redundant) continue;
    const a = gFrom[j]!;
    const b = gTo[j]!;
    if (a === b) status[j] = FlowStatus.nonRedundant;
    else comp.union(a, b);
  }
  // One row per group except the environment's; in a closed component (no path outside) one row
  // is the negative sum of the others and is dropped, so A V Aᵀ stays positive definite.
  const rowOfGroup = new Int32Array(N + 1).fill(-1);
  const envComp = comp.find(envGroup);
  const groupOfNode = new Int32Array(N);
  const seen = new Uint8Array(N + 1);
  const droppedOfComp = new Map<number, number>(); // closed component → its dropped group
  const rowGroups: number[] = [];
  for (let v = 0; v < N; v++) {
    const g = groups.find(v);
    groupOfNode[v] = g;
    if (!hasFlow[v] || g === envGroup || seen[g]) continue;
    seen[g] = 1;
    const c = comp.find(g);
    if (c !== envComp && !droppedOfComp.has(c)) {
      droppedOfComp.set(c, g);
      continue;
    }
    rowOfGroup[g] = rowGroups.length;
    rowGroups.push(g);
  }
  // Member nodes of each row, grouped in one pass (counting sort).
  const memberPtr = new Int32Array(rowGroups.length + 1);
  for (let v = 0; v < N; v++) if (hasFlow[v] && rowOfGroup[groupOfNode[v]!]! >= 0) memberPtr[rowOfGroup[groupOfNode[v]!]! + 1]!++;
  for (let i = 0; i < rowGroups.length; i++) memberPtr[i + 1]! += memberPtr[i]!;
  const members = new Int32Array(memberPtr[rowGroups.length]!);
  const fillM = memberPtr.slice(0, rowGroups.length);
  for (let v = 0; v < N; v++) if (hasFlow[v] && rowOfGroup[groupOfNode[v]!]! >= 0) members[fillM[rowOfGroup[groupOfNode[v]!]!]!++] = v;
  const nodesOfRow = (i: number) => {
    const out = new Array<number>(memberPtr[i + 1]! - memberPtr[i]!);
    for (let q = memberPtr[i]!; q < memberPtr[i + 1]!; q++) out[q - memberPtr[i]!] = members[q]!;
    return out;
  };
  const nodesOfGroup = (g: number) => {
    const out: number[] = [];
    for (let v = 0; v < N; v++) if (hasFlow[v] && groupOfNode[v] === g) out.push(v);
    return out;
  };
  const R = rowGroups.length;
  // Residual r = A·known over every known flow (fixed values included).
  const r = new Float64Array(R);
  for (let j = 0; j < n; j++) {
    if (Number.isNaN(known[j]!)) continue;
    const gf = gFrom[j]!;
    const gt = gTo[j]!;
    if (gf === gt) continue;
    const rf = rowOfGroup[gf]!;
    const rt = rowOfGroup[gt]!;
    if (rf >= 0) r[rf]! -= known[j]!;
    if (rt >= 0) r[rt]! += known[j]!;
  }
  // S = A V Aᵀ, a weighted Laplacian of the group graph grounded at the environment.
  const ti = new Int32Array(3 * n);
  const tj = new Int32Array(3 * n);
  const tv = new Float64Array(3 * n);
  let nt = 0;
  // Rows of each flow's column: +1 in rowTo, −1 in rowFrom (−1 = no row).
  const rowTo = new Int32Array(n);
  const rowFrom = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    rowTo[j] = rowOfGroup[gTo[j]!]!;
    rowFrom[j] = rowOfGroup[gFrom[j]!]!;
  }
  const colRows = (j: number): [number, number] => [rowTo[j]!, rowFrom[j]!];
  for (let j = 0; j < n; j++) {
    if (status[j] !== FlowStatus.redundant) continue;
    const a = rowTo[j]!;
    const b = rowFrom[j]!;
    if (a >= 0) {
      ti[nt] = a;
      tj[nt] = a;
      tv[nt++] = w[j]!;
    }
    if (b >= 0) {
      ti[nt] = b;
      tj[nt] = b;
      tv[nt++] = w[j]!;
    }
    if (a >= 0 && b >= 0) {
      ti[nt] = Math.min(a, b);
      tj[nt] = Math.max(a, b);
      tv[nt++] = -w[j]!;
    }
  }
  // A measurement whose column vanished (its only row was the dropped one) is not redundant.
  for (let j = 0; j < n; j++) {
    if (status[j] !== FlowStatus.redundant) continue;
    const a = rowTo[j]!;
    const b = rowFrom[j]!;
    if (a < 0 && b < 0) status[j] = FlowStatus.nonRedundant;
  }
  // Which known flows each observable unmeasured flow is a combination of (structure only; the
  // values follow from the reconciled flows below).
  const wantSd = options.unmeasuredSd !== false;
  const est = wantSd ? estimateUnmeasured(ext, unmeasured, known) : undefined;
  // Its variance needs (S⁻¹)ᵢⱼ for the rows those flows touch: put those pairs into S's pattern
  // (as explicit zeros) so the factor — and so the selected inverse — holds them.
  const pairs: number[] = [];
  if (est)
    for (let k = 0; k < unmeasured.length; k++) {
      if (!est.observable[k]) continue;
      const rowsOf = new Set<number>();
      const t = est.terms[k]!;
      for (let q = 0; q < t.flows.length && rowsOf.size <= MAX_PATTERN_CLIQUE; q++) {
        const j = t.flows[q]!;
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
  const TI = new Int32Array(nt + np);
  const TJ = new Int32Array(nt + np);
  const TV = new Float64Array(nt + np);
  TI.set(ti.subarray(0, nt));
  TJ.set(tj.subarray(0, nt));
  TV.set(tv.subarray(0, nt));
  for (let q = 0; q < np; q++) {
    TI[nt + q] = pairs[2 * q]!;
    TJ[nt + q] = pairs[2 * q + 1]!;
  }
  const S = cscFromTriplets(R, R, TI, TJ, TV, nt + np);
  options.captureSystem?.(S, r);
  const { lambda, solver, info } = solveReduced(S, r, options);

  const atLambda = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const a = rowTo[j]!;
    const b = rowFrom[j]!;
    atLambda[j] = (a >= 0 ? lambda[a]! : 0) - (b >= 0 ? lambda[b]! : 0);
  }
  let chi2 = 0;
  for (let i = 0; i < R; i++) chi2 += r[i]! * lambda[i]!;

  const reconciled = new Float64Array(n).fill(Number.NaN);
  const reconciledSd = new Float64Array(n).fill(Number.NaN);
  const z = new Float64Array(n).fill(Number.NaN);
  const zDiag = solver ? solver.inverseDiagonal() : new Float64Array(0);
  const quad = (j: number): number => {
    // a_jᵀ S⁻¹ a_j = Z_aa + Z_bb − 2 Z_ab
    const a = rowTo[j]!;
    const b = rowFrom[j]!;
    let q = 0;
    if (a >= 0) q += zDiag[a]!;
    if (b >= 0) q += zDiag[b]!;
    if (a >= 0 && b >= 0) q -= 2 * solver!.inverseEntry(a, b);
    return q;
  };
  for (let j = 0; j < n; j++) {
    const st = status[j]!;
    if (st === FlowStatus.redundant) {
      reconciled[j] = known[j]! - w[j]! * atLambda[j]!;
      if (solver) {
        const q = quad(j);
        reconciledSd[j] = Math.sqrt(Math.max(0, w[j]! - w[j]! * w[j]! * q));
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

  // Unmeasured flows: observable ones from the reconciled known flows.
  const values = est ?? estimateUnmeasured(ext, unmeasured, reconciled, false);
  let observableCount = 0;
  for (let k = 0; k < unmeasured.length; k++) if (values.observable[k]) observableCount++;
  const unmeasuredSdComputed =
    wantSd && (solver !== undefined || R === 0) && observableCount * 2 * Math.max(R, solver?.factorNonZeros ?? 0) <= unmeasuredSdWorkBudget.flops;
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
      if (unmeasuredSdComputed) reconciledSd[j] = combinationSd(t, status, w, colRows, solver, R);
    } else reconciled[j] = values.value[k]!;
  }

  const rows: ReducedRow[] = new Array(R);
  for (let i = 0; i < R; i++) {
    // rows within a column are sorted and S is upper triangular: the diagonal is the column's last entry
    const last = S.colPtr[i + 1]! - 1;
    const sii = last >= S.colPtr[i]! && S.rowIndex[last] === i ? S.values[last]! : 0;
    const zii = solver ? zDiag[i]! : Number.NaN;
    rows[i] = { nodes: nodesOfRow(i), residual: r[i]!, sd: Math.sqrt(sii), lambda: lambda[i]!, leakStatistic: (lambda[i]! * lambda[i]!) / zii };
  }
  // Closed sets whose dropped balance fails with fixed values: report (cannot be reconciled).
  const inconsistentRows: number[][] = [];
  if (droppedOfComp.size > 0) {
    const droppedIndex = new Int32Array(N + 1).fill(-1);
    const dropped = [...droppedOfComp.values()];
    dropped.forEach((g, k) => (droppedIndex[g] = k));
    const res = new Float64Array(dropped.length);
    const scale = new Float64Array(dropped.length);
    for (let j = 0; j < n; j++) {
      if (Number.isNaN(reconciled[j]!) || status[j] === FlowStatus.estimated) continue;
      const gf = gFrom[j]!;
      const gt = gTo[j]!;
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
    dropped.forEach((g, k) => {
      if (Math.abs(res[k]!) > 1e-9 * Math.max(scale[k]!, 1e-300)) inconsistentRows.push(nodesOfGroup(g));
    });
  }
  const leaks = leakNodes.map((node, k) => ({ node, value: reconciled[n0 + k]!, sd: reconciledSd[n0 + k]! }));
  return {
    status: status.slice(0, n0),
    reconciled: reconciled.slice(0, n0),
    reconciledSd: reconciledSd.slice(0, n0),
    z: z.slice(0, n0),
    atLambda: atLambda.slice(0, n0),
    chi2,
    dof: R,
    rows,
    leaks,
    solver: info,
    unmeasuredSdComputed,
    inconsistentRows,
  };
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
      const solver = factorSpd(
        S,
        mode === 'auto' ? { maxFactorNonZeros: options.maxFactorNonZeros ?? factorBudget.nonZeros, maxFactorFlops: options.maxFactorFlops ?? factorBudget.flops } : {},
      );
      return { lambda: solver.solve(r), solver, info: { kind: 'direct', factorNonZeros: solver.factorNonZeros } };
    } catch (e) {
      if (!(e instanceof FillTooLargeError)) throw e;
    }
  }
  const res = pcg(S, r, 1e-12);
  if (!res.converged) throw new Error(`PCG did not reach its tolerance (relative residual ${res.relativeResidual})`);
  return { lambda: res.x, solver: undefined, info: { kind: 'pcg', iterations: res.iterations, relativeResidual: res.relativeResidual } };
}

/**
 * σ of Σ c_k x̂_k over known flows: Var = cᵀVc − (A V c)ᵀ (A V Aᵀ)⁻¹ (A V c) for the free
 * measurements (non-redundant ones add c²σ², fixed ones nothing).
 */
function combinationSd(
  t: { flows: Int32Array; coefs: Float64Array },
  status: Uint8Array,
  w: Float64Array,
  colRows: (j: number) => [number, number],
  solver: SpdSolver | undefined,
  R: number,
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
    const [a, b] = colRows(j);
    if (a >= 0) add(a, c * w[j]!);
    if (b >= 0) add(b, -c * w[j]!);
  }
  if (avc.size > 0 && solver) {
    // (AVc)ᵀ S⁻¹ (AVc) from the selected inverse when every pair lies in the factor's pattern
    // (the usual case: c touches one group and its neighbours); otherwise one full solve.
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
    if (!known) {
      const dense = new Float64Array(R);
      rows.forEach((i, k) => (dense[i] = vals[k]!));
      const y = solver.solve(dense);
      quad = 0;
      rows.forEach((i, k) => (quad += vals[k]! * y[i]!));
    }
    v -= quad;
  }
  return Math.sqrt(Math.max(0, v));
}
