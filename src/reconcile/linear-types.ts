import type { CscMatrix } from '../linalg/index.ts';
import type { FlowNetwork } from './network.ts';

/** The linear reconciliation's problem, options and result (linear.ts solves it). */

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
