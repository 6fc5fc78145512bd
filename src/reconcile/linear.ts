import { symmetricUpperCsc, NotPositiveDefiniteError, type CscMatrix, type SpdSolver } from '../linalg/index.ts';
import { unmeasuredSdWorkBudget } from '../data/reconcile-statistics.ts';
import { FlowStatus, type LinearOptions, type LinearProblem, type LinearResult } from './linear-types.ts';
import type { FlowEnds } from './network.ts';
import { estimateUnmeasured, type UnmeasuredEstimate } from './observability.ts';
import {
  type ClassifiedFlows,
  classifyFlows,
  endsWithLeaks,
  inconsistentBalances,
  type ReducedBalances,
  reducedBalances,
  reducedRows,
  type ReducedSystem,
  reducedSystem,
  withCovariancePattern,
} from './reduced-system.ts';
import {
  adjustMeasurements,
  balancesClosed,
  combinationSd,
  combinationWork,
  floorVariances,
  inverseAcrossFlows,
  LAYER_VARIANCE_FLOORS,
  measurementStatistics,
  refineBalances,
  solveReduced,
} from './reduced-solution.ts';

export {
  FlowStatus,
  type LinearOptions,
  type LinearProblem,
  type LinearResult,
  type ReducedRow,
} from './linear-types.ts';

/*
 * Linear reconciliation: the problem reduced (reduced-system.ts), solved and its measurements
 * adjusted (reduced-solution.ts); here the two steps put together, and the estimated flows.
 */

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
 * The active-set loop of the bounds asks only for its last iterate (reconcileBounded), and hands
 * each iterate the same `memo`: iterates of one network with the same unknown flows share the
 * structure of their estimates.
 */
export function reconcileLinearDeferred(
  p: LinearProblem,
  options: LinearOptions = {},
  memo?: StructureMemo,
): DeferredLinearResult {
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
  const est = wantSd ? estimateOnce(memo, p, ends, unmeasured, known) : undefined;
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
/**
 * What one reconciliation leaves for the next of the same network (the bound loop's iterates,
 * which fix flows at their bounds: a measured flow fixed stays known, so the unknown flows, and
 * with them the estimates' combinations of known flows, are usually those of the iterate before).
 */
export interface StructureMemo {
  network?: LinearProblem['network'];
  leakNodes?: readonly number[];
  unmeasured?: Int32Array;
  est?: UnmeasuredEstimate;
}

/**
 * estimateUnmeasured, or the memo's when the network, its leak hypotheses and its unknown flows
 * are the same. Only `observable` and `terms` are read downstream (values come from the terms
 * applied to the reconciled flows), and those depend on which flows are unknown, not on values.
 */
function estimateOnce(
  memo: StructureMemo | undefined,
  p: LinearProblem,
  ends: FlowEnds,
  unmeasured: Int32Array,
  known: Float64Array,
): UnmeasuredEstimate {
  if (
    memo?.est &&
    memo.network === p.network &&
    memo.leakNodes === p.leakNodes &&
    sameInts(memo.unmeasured!, unmeasured)
  )
    return memo.est;
  const est = estimateUnmeasured(ends, unmeasured, known);
  if (memo) Object.assign(memo, { network: p.network, leakNodes: p.leakNodes, unmeasured, est });
  return est;
}

function sameInts(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

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
  const work = combinationWork(R);
  for (let k = 0; k < unmeasured.length; k++)
    if (est.observable[k]) reconciledSd[unmeasured[k]!] = combinationSd(est.terms[k]!, status, w, bal, solver, work);
  return true;
}
