/** Meter-placement advice (docs/advice.md): the fewest meters for a target depth or for redundancy. */
export {
  advise,
  applyAdvice,
  AdviceImpossible,
  ADVICE_TARGETS,
  type AdviceTarget,
  type AdviceOptions,
  type AdviceAction,
  type AdviceResult,
} from './advise.ts';
export { redundancyAdvice, type RedundancyAdvice, type RedundancyAction } from './redundancy.ts';
export { solveCover, type CoverProblem, type CoverResult, type CoverRow, type CoverOptions } from './cover.ts';
export { actionCost, costTableProblems, type CostTable } from './costs.ts';
