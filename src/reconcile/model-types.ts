import type { TestedResult } from './gross-errors.ts';
import type { LinearOptions } from './linear.ts';

/** What reconcileModel (model.ts) is asked and what it answers, per layer and for the model. */

export interface ReconcileModelOptions extends LinearOptions {
  /** One layer only (its carrier layers are reconciled first when it is a component). */
  layer?: string;
  /** Significance level of the tests (default 0.05). */
  alpha?: number;
  /** Consider leaks / missing flows at nodes in serial elimination (default true). */
  leaks?: boolean;
}

export type FlowReconcileStatus = 'measured' | 'estimated' | 'unobservable';

/** One flow of a reconciled layer; values in the flow's own unit. */
export interface ReconciledFlow {
  id: string;
  name?: string;
  nameEn?: string;
  unit: string;
  from: string | null;
  to: string | null;
  measured: number | null;
  reconciled: number | null;
  sd: number | null;
  reconciledSd: number | null;
  status: FlowReconcileStatus;
  /** Measured and checked by at least one balance (only these are adjusted and tested). */
  redundant: boolean;
  /** Measurement-test statistic (m − x̂)/σ(m − x̂); positive = the meter reads high. */
  z: number | null;
  suspect: boolean;
  trusted: boolean;
  /** σ = 0: the value is held as given (used in the balances, never adjusted or tested). */
  fixed?: true;
  activeBound?: 'lower' | 'upper';
  /** For a suspect: the value the other meters imply without it. */
  reconciledWithoutSuspects?: number | null;
}

export interface Suspect {
  rank: number;
  kind: 'meter' | 'leak';
  flow?: string;
  nodes?: string[];
  statistic: number;
  chi2Before: number;
  chi2After: number;
  passAfter: boolean;
  unit: string;
  measured?: number;
  reconciledBefore?: number | null;
  reconciledAfter?: number | null;
  sdAfter?: number | null;
  leakValue?: number | null;
  leakSd?: number | null;
  equivalent?: { kind: 'meter' | 'leak'; flow?: string; nodes?: string[] }[];
}

export interface GlobalTest {
  chi2: number;
  dof: number;
  critical: number;
  pass: boolean;
  pValue: number;
  alpha: number;
}

export interface LayerReconciliation {
  layer: string;
  unit: string;
  flows: ReconciledFlow[];
  global: GlobalTest;
  measurementTest: { critical: number; tested: number; failures: string[] };
  nodalTest: { critical: number; rows: { nodes: string[]; residual: number; sd: number; z: number; fail: boolean }[] };
  activeBounds: { flow: string; side: 'lower' | 'upper'; bound: number; unit: string }[];
  unmeasuredOutOfBounds: string[];
  /** Balances (node sets) that cannot close with the values held fixed (σ = 0 or active bounds). */
  inconsistent: string[][];
  suspects: Suspect[];
  /** The result with every suspect excluded (present when serial elimination removed anything). */
  afterElimination?: {
    global: GlobalTest;
    flows: { id: string; reconciled: number | null; reconciledSd: number | null; status: FlowReconcileStatus }[];
  };
  diagnosis: { zh: string[]; en: string[] };
  solver: TestedResult['solver'];
  unmeasuredSdComputed: boolean;
}

export interface ModelReconciliation {
  layers: LayerReconciliation[];
}
