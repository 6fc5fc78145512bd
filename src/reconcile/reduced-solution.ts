import { factorSpd, FillTooLargeError, pcg, type CscMatrix, type SpdSolver } from '../linalg/index.ts';
import { factorBudget } from '../data/reconcile-statistics.ts';
import { FlowStatus, type LinearOptions, type LinearResult } from './linear-types.ts';
import {
  type ClassifiedFlows,
  type LaplacianTriplets,
  MAX_PATTERN_CLIQUE,
  type ReducedBalances,
} from './reduced-system.ts';

/**
 * The reduced system of a linear reconciliation solved (linear.ts): λ from S λ = r (a sparse
 * Cholesky factor, else PCG), the adjusted measurements x̂ = m − V Aᵀ λ with their σ and test
 * statistics, the iterative refinement of the balances, the variance floors tried when round-off
 * defeats the factor, and the σ of an estimated flow (a combination of the known ones).
 */

export function solveReduced(
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
 * (S⁻¹)[rowTo, rowFrom] of every free measurement between two rows, in one batch over S's
 * off-diagonal triplets: one per such measurement, in flow order (see reducedSystem).
 */
export function inverseAcrossFlows(solver: SpdSolver, offDiagonal: LaplacianTriplets): Float64Array {
  const { ti, tj, count } = offDiagonal;
  return solver.inverseEntries(ti.subarray(0, count), tj.subarray(0, count));
}

/**
 * (Aᵀλ)_j of every flow and the reconciled values of the measured and fixed flows; for free measurements, with a factor, also
 * their σ and measurement-test statistic from q_j = a_jᵀ S⁻¹ a_j = Z_aa + Z_bb − 2 Z_ab.
 */
export function adjustMeasurements(
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
export function measurementStatistics(
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
export const LAYER_VARIANCE_FLOORS = [1e-12, 1e-9, 1e-6];

/**
 * Raises each free measurement's variance to VARIANCE_FLOOR of the largest in the balances it
 * enters; on a later attempt, to LAYER_VARIANCE_FLOORS[attempt − 1] of the layer's largest.
 */
export function floorVariances(flows: ClassifiedFlows, bal: ReducedBalances, attempt = 0): void {
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
export function refineBalances(
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
export function balancesClosed(flows: ClassifiedFlows, bal: ReducedBalances, reconciled: Float64Array): boolean {
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

/** Scratch space of combinationSd over the R rows, made once for all the estimates of a layer. */
export interface CombinationWork {
  sum: Float64Array;
  /** 1 + the row's place in `rows` while it is in use, 0 otherwise. */
  at: Int32Array;
  rows: number[];
}

export const combinationWork = (R: number): CombinationWork => ({
  sum: new Float64Array(R),
  at: new Int32Array(R),
  rows: [],
});

/**
 * σ of Σ c_k x̂_k over known flows: Var = cᵀVc − (A V c)ᵀ (A V Aᵀ)⁻¹ (A V c) for the free
 * measurements (non-redundant ones add c²σ², fixed ones nothing).
 */
export function combinationSd(
  t: { flows: Int32Array; coefs: Float64Array },
  status: Uint8Array,
  w: Float64Array,
  bal: Pick<ReducedBalances, 'rowTo' | 'rowFrom' | 'R'>,
  solver: SpdSolver | undefined,
  work: CombinationWork = combinationWork(bal.R),
): number {
  let v = 0;
  // A V c, sparse: the rows met (in the order met) and their sums, in `work` (cleared after)
  const { sum, at, rows } = work;
  rows.length = 0;
  const add = (i: number, x: number) => {
    if (at[i] === 0) {
      rows.push(i);
      at[i] = rows.length;
      sum[i] = x;
    } else sum[i]! += x;
  };
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
  const vals = rows.map((i) => sum[i]!);
  for (const i of rows) at[i] = 0;
  if (rows.length > 0 && solver) {
    // (AVc)ᵀ S⁻¹ (AVc) from the selected inverse when every pair lies in the factor's pattern
    // (the usual case on a plant: c touches one group and its neighbours); otherwise a forward
    // solve over the elimination-tree reach of AVc's rows.
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
