/** The VOCs solvent balance (docs/vocs.md): plan of the layer, efficiencies as equations, the auditors' table. */
export * from './types.ts';
export { vocsPlan, generatedAt, kindOf, type VocsPlan, type EmittingUnit, type TreatmentUnit } from './plan.ts';
export { applyVocsEfficiencies } from './solve.ts';
export { vocsAccounting, judge } from './account.ts';
export { vocsTables, type VocsTable, type VocsTableColumn, type VocsTableRow } from './tables.ts';
