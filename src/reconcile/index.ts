/** Data reconciliation and gross-error detection (docs/reconcile.md). */
export { reconcileModel, diagnose } from './model.ts';
export type {
  ReconcileModelOptions,
  ModelReconciliation,
  LayerReconciliation,
  ReconciledFlow,
  FlowReconcileStatus,
  Suspect as ReconcileSuspect,
  GlobalTest as ReconcileGlobalTest,
} from './model.ts';
export {
  reconcileLinear,
  FlowStatus,
  type LinearProblem,
  type LinearResult,
  type LinearOptions,
  type ReducedRow,
} from './linear.ts';
export { reconcileBounded, type BoundedProblem, type BoundedResult, type ActiveBound } from './bounds.ts';
export {
  reconcileAndTest,
  serialElimination,
  type TestOptions,
  type TestedResult,
  type EliminationStep,
  type EliminationResult,
} from './gross-errors.ts';
export { networkFromIncidence, type FlowNetwork } from './network.ts';
export { chiSquareCritical, chiSquarePValue, sidakNormalCritical } from './statistics.ts';
