/**
 * The results room of the core: what an audit achieved (compare), the CO2 inventory of one state
 * (carbon), the proposals' economics, the acceptance rule sets and the factor tables. Plain data
 * in, plain data out; the CLI, the web app and the report generator render it.
 */
import { solveValues } from '../balance/check.ts';
import { buildGraph } from '../model/graph.ts';
import { InputError, issue } from '../model/issues.ts';
import type { Model } from '../model/schema.ts';
import { type CarbonInventory, carbonInventory, CarbonProblem } from './carbon.ts';
import { type GridChoice, resolveGrid } from './factors.ts';
import { periodInfo } from './period.ts';
import { periodModel, type PeriodSelection } from '../periods/index.ts';
import type { Side } from './inputs.ts';
import type { CarbonReport } from './types.ts';

export { compareModels, type CompareOptions } from './compare.ts';
export { CompareInputError, type Side } from './inputs.ts';
export { carbonInventory, CarbonProblem, type CarbonInventory, type CarbonSource } from './carbon.ts';
export {
  GRID_TABLES,
  GRID_SERIES,
  findRegion,
  resolveGrid,
  gridRecord,
  type FactorRecord,
  type GridChoice,
} from './factors.ts';
export { RULE_SETS, evaluateAcceptance } from './acceptance.ts';
export { annuityFactor, npv, irr, payback, classify, type ProposalCategory } from './economics.ts';
export { productSaving, baseAtReportOutput, savingRate, changeRate, type ProductTerm } from './savings.ts';
export { periodInfo, comparePeriods, periodSaving, type PeriodInfo, type PeriodComparison } from './period.ts';
export type * from './types.ts';
export {
  compareTables,
  compareHeadline,
  carbonTables,
  factorTable,
  type ResultTable,
  type ResultColumn,
  type ResultRow,
} from './tables.ts';

/**
 * The CO2 inventory of a model, with the grid factor chosen by `grid` (else the model's
 * carbon.grid, else the defaults). Throws InputError (located) for a factor the tables do not hold
 * or a fuel without one.
 *
 * @example
 * // STANDARDS.md §6: fuels FC × NCV × CC × OF × 44/12 plus purchased electricity × the model's grid factor
 * // (MEE & NBS 2023, 广东: 0.4419 kgCO2/kWh): 271.33 t CO2 over the dyeing plant's 72 h campaign
 * roundTo(carbonOfModel(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model, 'dyeing.json').total.t, 2)
 * // => 271.33
 */
export function carbonOfModel(model: Model, file: string, grid?: GridChoice): CarbonReport {
  const choice = grid ?? model.carbon?.grid ?? {};
  const r = resolveGrid(choice);
  if ('problem' in r) {
    const path = grid ? [] : ['carbon', 'grid', r.problem.field];
    const at = grid ? { option: `--grid-${r.problem.field}` } : {};
    throw new InputError(file, [{ ...issue(path, r.problem.code, r.problem.params), ...at }]);
  }
  const graph = buildGraph(model);
  const { values } = solveValues(graph);
  let inv: CarbonInventory;
  try {
    inv = carbonInventory(graph, values, { grid: r.factor });
  } catch (e) {
    if (e instanceof CarbonProblem) throw new InputError(file, [issue(e.path, e.code, e.params)]);
    throw e;
  }
  const period = periodInfo(model);
  return {
    file,
    name: model.name,
    nameEn: model.nameEn ?? null,
    period,
    ...inv,
    perYear: { t: inv.total.t === null || period.annualFactor === null ? null : inv.total.t * period.annualFactor },
    gridFrom: grid ? 'option' : model.carbon?.grid ? 'model' : 'default',
    defaulted: r.defaulted,
  };
}

/**
 * One side of a comparison from a model file: the model itself, or — for a model with monthly (or
 * any) periods (docs/periods.md) — the chosen period or run of periods as a single-period model.
 * A multi-period model without a choice is refused (located), never silently summed.
 *
 * @example
 * sideOf(parseModel(readFileSync('datasets/boiler-monthly.json'), 'b.json').model, 'b.json') // => throws compare.choosePeriod
 */
export function sideOf(model: Model, file: string, period?: PeriodSelection): Side {
  if (period !== undefined) return { model: periodModel(model, period, { file }), file };
  if ((model.periods ?? []).length > 0)
    throw new InputError(file, [
      issue(['periods'], 'compare.choosePeriod', { ids: model.periods!.map((p) => p.id).join(', ') }),
    ]);
  return { model, file };
}
