/** The balances' public entry (re-exported whole by src/index.ts). */
export * from './types.ts';
export { checkModel, solveValues } from './check.ts';
export { closureError, toleranceFor, masterSubToleranceFor } from './tolerance.ts';
