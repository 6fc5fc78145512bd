import { boundTolerance } from '../data/reconcile-statistics.ts';
import {
  FlowStatus,
  reconcileLinear,
  reconcileLinearDeferred,
  type DeferredLinearResult,
  type LinearOptions,
  type LinearProblem,
  type LinearResult,
  type LinearValues,
  type StructureMemo,
} from './linear.ts';

export interface BoundedProblem extends LinearProblem {
  /** Lower bounds (−Infinity = none), e.g. 0 for every non-stock flow. */
  lower?: Float64Array;
  /** Upper bounds (+Infinity = none). */
  upper?: Float64Array;
}

export interface ActiveBound {
  flow: number;
  side: 'lower' | 'upper';
  bound: number;
  /** KKT multiplier (≥ 0 at the optimum): how hard the bound pushes. */
  multiplier: number;
}

export interface BoundedResult extends LinearResult {
  activeBounds: ActiveBound[];
  /** Estimated (unmeasured) flows still outside their bounds (only if the active set did not converge). */
  unmeasuredOutOfBounds: number[];
  /** False when the active-set loop hit its iteration guard. */
  converged: boolean;
}

/**
 * Bounded reconciliation: minimise Σ ((x − m)/σ)² subject to A x = 0 and lo ≤ x ≤ hi for the
 * measured flows, by a primal active-set method (Nocedal & Wright, *Numerical Optimization*,
 * 2006, §16.5): solve with the active bounds held fixed; add any bound the solution violates;
 * release an active bound whose KKT multiplier μ_j = ±((x_j − m_j)/σ_j² + (Aᵀλ)_j) is negative.
 * χ² then includes the fixed measurements' own terms. An estimated (unmeasured) flow outside its
 * bounds is held on the bound the same way — it then splits the merged balance it was eliminated
 * from — with multiplier ±(Aᵀλ)_j, as it has no measurement term.
 *
 * @example
 * // as reconcileLinear's example with 100, 60, 50 and x2 ≤ 45: unbounded x2 would be 50 − 10/3 = 46.67; held on
 * // its bound 45, the residual 100 − 60 − 45 = −5 splits between x0 and x1: 102.5 and 57.5
 * const network = networkFromIncidence([[1, -1, -1]]);
 * const p = { network, measured: Float64Array.of(100, 60, 50), sd: Float64Array.of(1, 1, 1), upper: Float64Array.of(Infinity, Infinity, 45) };
 * const r = reconcileBounded(p);
 * [...r.reconciled].map((x) => roundTo(x, 3)) // => [102.5, 57.5, 45]
 * r.activeBounds.map((b) => [b.flow, b.side]) // => [[2, 'upper']]
 */
export function reconcileBounded(p: BoundedProblem, options: LinearOptions = {}): BoundedResult {
  const n = p.network.from.length;
  const lower = p.lower;
  const upper = p.upper;
  if (!lower && !upper)
    return { ...reconcileLinear(p, options), activeBounds: [], unmeasuredOutOfBounds: [], converged: true };
  const fixed = p.fixed ? Float64Array.from(p.fixed) : new Float64Array(n).fill(Number.NaN);
  const side = new Int8Array(n); // −1 lower, +1 upper, 0 free
  // On-the-bound tolerance, relative to the bound, the flow's σ and the layer's scale (an
  // unmeasured flow has no σ, and a round-off −1e-15 must not count as below 0).
  let scale = 0;
  for (let j = 0; j < n; j++) if (!Number.isNaN(p.measured[j]!)) scale = Math.max(scale, Math.abs(p.measured[j]!));
  const tol = (b: number, j: number) => boundTolerance.relative * Math.max(Math.abs(b), p.sd[j]! || 0, scale, 1e-300);
  let solved: DeferredLinearResult | undefined;
  let res: LinearValues | undefined;
  let converged = false;
  const maxIter = 50 + 2 * n;
  // Active sets met before: a bound whose multiplier is round-off (±1e-11 on a degenerate vertex)
  // could be added and released in turn for ever; a set seen twice ends the loop where it stands.
  const seen = new Set<string>();
  const memo: StructureMemo = {};
  let stale = true; // whether `fixed` changed since `solved` was solved
  for (let iter = 0; iter < maxIter; iter++) {
    const key = activeSetKey(side);
    if (seen.has(key)) break;
    seen.add(key);
    // the iterates need values only: σ, z and the rest come from the last one's factor
    solved = reconcileLinearDeferred({ ...p, fixed }, options, memo);
    res = solved.values;
    stale = false;
    let added = false;
    for (let j = 0; j < n; j++) {
      if (res.status[j] !== FlowStatus.redundant && res.status[j] !== FlowStatus.estimated) continue;
      const x = res.reconciled[j]!;
      const lo = lower?.[j] ?? Number.NEGATIVE_INFINITY;
      const hi = upper?.[j] ?? Number.POSITIVE_INFINITY;
      if (x < lo - tol(lo, j)) {
        fixed[j] = lo;
        side[j] = -1;
        added = true;
      } else if (x > hi + tol(hi, j)) {
        fixed[j] = hi;
        side[j] = 1;
        added = true;
      }
    }
    if (added) {
      stale = true;
      continue;
    }
    let worst = -1;
    let worstMu = 0;
    for (let j = 0; j < n; j++) {
      if (side[j] === 0) continue;
      const mu = multiplier(p, res, j, fixed[j]!, side[j]!);
      // μ is the difference of its two terms: negative beyond their round-off only
      if (mu < worstMu - MULTIPLIER_ROUND_OFF * multiplierSize(p, res, j, fixed[j]!)) {
        worstMu = mu;
        worst = j;
      }
    }
    if (worst === -1) {
      converged = true;
      break;
    }
    fixed[worst] = p.fixed?.[worst] ?? Number.NaN;
    side[worst] = 0;
    stale = true;
  }
  // the values returned are those of the active set returned: solved again if the loop ended on a change
  if (stale || !solved) solved = reconcileLinearDeferred({ ...p, fixed }, options, memo);
  const r = solved.statistics();
  const activeBounds: ActiveBound[] = [];
  let chi2 = r.chi2;
  for (let j = 0; j < n; j++) {
    if (side[j] === 0) continue;
    const b = fixed[j]!;
    const unmeasured = Number.isNaN(p.measured[j]!) || p.excluded?.[j] === 1;
    if (!unmeasured) chi2 += ((b - p.measured[j]!) / p.sd[j]!) ** 2;
    activeBounds.push({
      flow: j,
      side: side[j] === -1 ? 'lower' : 'upper',
      bound: b,
      multiplier: multiplier(p, r, j, b, side[j]!),
    });
    // A flow pinned on a bound keeps its kind (measured / estimated), with no uncertainty left.
    r.status[j] = unmeasured ? FlowStatus.estimated : FlowStatus.redundant;
    r.reconciledSd[j] = 0;
    r.z[j] = Number.NaN;
  }
  const unmeasuredOutOfBounds: number[] = [];
  for (let j = 0; j < n; j++) {
    if (r.status[j] !== FlowStatus.estimated) continue;
    const x = r.reconciled[j]!;
    const lo = lower?.[j] ?? Number.NEGATIVE_INFINITY;
    const hi = upper?.[j] ?? Number.POSITIVE_INFINITY;
    if (x < lo - tol(lo, j) || x > hi + tol(hi, j)) unmeasuredOutOfBounds.push(j);
  }
  return { ...r, chi2, activeBounds, unmeasuredOutOfBounds, converged };
}

/** The active set as text: its flows and sides (a few among 10⁵ flows; not the whole array joined). */
function activeSetKey(side: Int8Array): string {
  const active: number[] = [];
  for (let j = 0; j < side.length; j++) if (side[j] !== 0) active.push(side[j]! * (j + 1));
  return active.join(',');
}

/** Relative round-off of a multiplier against the size of its terms (the solve keeps ~9 digits of λ here). */
const MULTIPLIER_ROUND_OFF = 1e-9;

/** |objective gradient| + |(Aᵀλ)_j|: the size of the terms whose sum is the multiplier. */
function multiplierSize(p: LinearProblem, r: LinearValues, j: number, b: number): number {
  const unmeasured = Number.isNaN(p.measured[j]!) || p.excluded?.[j] === 1;
  return (unmeasured ? 0 : Math.abs((b - p.measured[j]!) / p.sd[j]! ** 2)) + Math.abs(r.atLambda[j]!);
}

/**
 * KKT multiplier of an active bound: the objective's gradient (none for an unmeasured flow) plus
 * (Aᵀλ)_j; ≥ 0 when the bound really holds the solution back.
 */
function multiplier(p: LinearProblem, r: LinearValues, j: number, b: number, side: number): number {
  const unmeasured = Number.isNaN(p.measured[j]!) || p.excluded?.[j] === 1;
  const g = (unmeasured ? 0 : (b - p.measured[j]!) / p.sd[j]! ** 2) + r.atLambda[j]!;
  return side === -1 ? g : -g;
}
