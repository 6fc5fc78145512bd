import type { PlantLevel } from '../data/acceptance.ts';
import { electricityEqualValue } from '../data/gb2589-2008.ts';
import { both } from '../i18n/index.ts';
import { solveValues } from '../balance/check.ts';
import { buildGraph, type PlantGraph } from '../model/graph.ts';
import { InputError, issue } from '../model/issues.ts';
import type { Model } from '../model/schema.ts';
import { evaluateAcceptance, RULE_SETS } from './acceptance.ts';
import { carbonInventory, CarbonProblem } from './carbon.ts';
import { type FactorRecord, type GridChoice, gridRecord, resolveGrid } from './factors.ts';
import { stateFigures, unitFactor } from './figures.ts';
import type { FamilyContext, StateData, Term } from './families.ts';
import { CompareInputError, pairModels, type Pairing, type Side } from './inputs.ts';
import { evaluateProposals } from './proposals.ts';
import { savingsOf } from './savings-blocks.ts';
import { table2Lines } from './table2.ts';
import type { CompareResult, StateSummary, Warning } from './types.ts';

/**
 * `pingheng compare BEFORE AFTER`: what the audit achieved between a base period and a report period
 * of the same plant (shared/DESIGN.md § Audit results). Savings by GB/T 13234-2018 (per product, or
 * per 万元 of output value), water, materials, pollutant generation and discharge, CO2, each against
 * the chosen acceptance rule set; the proposals' economics; the Anhui 表2. Throws CompareInputError
 * (every problem of each file, with its JSON path) when the pair cannot be compared.
 */
export interface CompareOptions {
  rules?: string;
  level?: PlantLevel;
  grid?: GridChoice;
  lowCostLimit?: number;
}

interface Prepared {
  side: Side;
  graph: PlantGraph;
  values: Float64Array;
}

/**
 * The audit's results: a model before and one after the proposals compared — savings by GB/T 13234-2018
 * (product saving), indicators, recovered resources, the acceptance rule set, proposals' economics, carbon.
 *
 * @example
 * // new water per tonne of knit fabric 72.78 → 58.28 t/t at 90 t of output: (58.28 − 72.78) × 90 = −1 305 t, 19.9 %
 * const before = { model: parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model, file: 'dyeing.json' };
 * const after = { model: parseModel(readFileSync('datasets/dyeing-after.json'), 'dyeing-after.json').model, file: 'dyeing-after.json' };
 * const c = compareModels(before, after);
 * [roundTo(c.savings.water.t, 6), roundTo(c.savings.water.rate, 4), c.acceptance.ruleSet, c.acceptance.pass] // => [1305, 0.1992, 'anhui', true]
 */
export function compareModels(before: Side, after: Side, options: CompareOptions = {}): CompareResult {
  const pairing = pairModels(before, after);
  const warnings: Warning[] = [];
  const warn = (code: string, params: Record<string, string | number> = {}) =>
    warnings.push({ code, params, message: both(code, params) });
  const b = prepare(before);
  const a = prepare(after);
  const grid = chooseGrid(before, after, options.grid, warn);
  const inventory = (p: Prepared, scope: number | null) => {
    try {
      return carbonInventory(p.graph, p.values, { grid: grid.factor, scope });
    } catch (e) {
      if (e instanceof CarbonProblem)
        throw new CompareInputError([new InputError(p.side.file, [issue(e.path, e.code, e.params)])]);
      throw e;
    }
  };
  const data = (p: Prepared, scope: number | null): StateData => ({
    figs: stateFigures(p.graph, p.values, scope),
    co2: inventory(p, scope),
  });
  const plant = { before: data(b, null), after: data(a, null) };
  const { comparison } = pairing.periods;
  const ctx: FamilyContext = {
    terms: terms(pairing, b, a, plant, data),
    basis: pairing.basis,
    plant,
    periods: comparison.basis,
    fBefore: pairing.periods.before.annualFactor,
    fAfter: pairing.periods.after.annualFactor,
  };
  periodWarnings(pairing, warn);
  const mainMaterials = after.model.audit?.mainMaterials ?? before.model.audit?.mainMaterials;
  const { savings, indicators } = savingsOf(ctx, {
    mainMaterials,
    grid: gridRecord(grid.factor),
    coefficients: coefficients(before.model, after.model, warn),
    warn,
  });

  const proposals = evaluateProposals({
    before: { model: before.model, graph: b.graph, values: b.values, file: before.file },
    after: { model: after.model, graph: a.graph, values: a.values, file: after.file },
    adjustment: adjustment(pairing),
    periods: comparison.basis,
    fBefore: ctx.fBefore,
    fAfter: ctx.fAfter,
    lowCostLimit: options.lowCostLimit,
  });
  const ruleId = options.rules ?? after.model.audit?.rules ?? before.model.audit?.rules ?? 'anhui';
  const set = RULE_SETS[ruleId];
  if (!set)
    throw new CompareInputError([
      new InputError(before.file, [
        {
          ...issue([], 'compare.rules', { rules: ruleId, known: Object.keys(RULE_SETS).join(', ') }),
          option: '--rules',
        },
      ]),
    ]);
  const levelGiven = options.level ?? after.model.audit?.level ?? before.model.audit?.level;
  const acceptance = evaluateAcceptance(
    set,
    levelGiven ?? 'general',
    options.level ? 'option' : levelGiven ? 'audit.level' : 'default',
    indicators,
    proposals,
  );
  if (!levelGiven) warn('compare.levelDefault');

  const summary = (s: Side, info: typeof pairing.periods.before): StateSummary => {
    const production = (s.model.production ?? []).map((p) => ({
      id: p.id,
      name: p.name,
      nameEn: p.nameEn ?? null,
      unit: p.unit,
      output: p.output,
      outputValue: p.outputValue ?? null,
      node: p.node ?? null,
    }));
    const values = production.map((p) => p.outputValue);
    const period = values.every((v) => v !== null) ? values.reduce((x, v) => x + v!, 0) : null;
    return {
      file: s.file,
      name: s.model.name,
      nameEn: s.model.nameEn ?? null,
      period: info,
      production,
      outputValue: {
        period,
        perYear: period === null || info.annualFactor === null ? null : period * info.annualFactor,
      },
    };
  };
  const result: Omit<CompareResult, 'table2'> = {
    before: summary(before, pairing.periods.before),
    after: summary(after, pairing.periods.after),
    comparison: {
      periods: comparison.basis,
      basis: pairing.basis,
      products: pairing.products.map((p) => p.id),
      unmatched: pairing.unmatched,
    },
    indicators,
    savings,
    recovered: recoveredOf(plant, ctx),
    acceptance,
    proposals,
    carbon: { before: plant.before.co2, after: plant.after.co2 },
    factors: dedupe([...plant.before.co2.factors, ...plant.after.co2.factors, gridRecord(grid.factor)]),
    warnings,
  };
  return { ...result, table2: table2Lines(result) };
}

function prepare(side: Side): Prepared {
  const graph = buildGraph(side.model);
  return { side, graph, values: solveValues(graph).values };
}

/** The per-unit terms: each matched product at its node (or the plant), or the plant per 万元. */
function terms(
  pairing: Pairing,
  b: Prepared,
  a: Prepared,
  plant: { before: StateData; after: StateData },
  data: (p: Prepared, scope: number | null) => StateData,
): Term[] {
  if (pairing.basis === 'output-value') {
    const sum = (m: Model) => (m.production ?? []).reduce((s, p) => s + (p.outputValue ?? 0), 0);
    return [
      {
        id: 'output-value',
        label: { zh: '工业总产值', en: 'output value' },
        unit: '万元',
        outputBefore: sum(b.side.model),
        outputAfter: sum(a.side.model),
        before: plant.before,
        after: plant.after,
      },
    ];
  }
  return pairing.products.map((p) => {
    const node = p.after.node;
    const at = (x: Prepared, id: string | undefined) => (id === undefined ? null : x.graph.nodeIndex.get(id)!);
    const single = pairing.products.length === 1 && node === undefined;
    return {
      id: p.id,
      label: { zh: p.after.name, en: p.after.nameEn ?? p.after.name },
      unit: p.after.unit,
      outputBefore: p.before.output,
      outputAfter: p.after.output,
      before: single || node === undefined ? plant.before : data(b, at(b, p.before.node)),
      after: single || node === undefined ? plant.after : data(a, at(a, node)),
    };
  });
}

/** Report output / base output of the plant's production measure, where it has one. */
function adjustment(pairing: Pairing): number | null {
  const ps = pairing.products;
  if (pairing.basis === 'product' && ps.length === 1) return ps[0]!.after.output / ps[0]!.before.output;
  const values = ps.map((p) => [p.before.outputValue, p.after.outputValue]);
  if (ps.length > 0 && values.every(([x, y]) => x !== undefined && y !== undefined && x > 0)) {
    const sb = values.reduce((s, [x]) => s + x!, 0);
    const sa = values.reduce((s, [, y]) => s + y!, 0);
    return sa / sb;
  }
  return null;
}

function chooseGrid(
  before: Side,
  after: Side,
  option: GridChoice | undefined,
  warn: (code: string, params?: Record<string, string | number>) => void,
) {
  const fromAfter = after.model.carbon?.grid;
  const fromBefore = before.model.carbon?.grid;
  const choice = option ?? fromAfter ?? fromBefore ?? {};
  const r = resolveGrid(choice);
  if ('problem' in r) {
    // an option's problem is the command line's (file: the base model, located at the option)
    const file = fromAfter && !option ? after.file : before.file;
    const path = option ? [] : ['carbon', 'grid', r.problem.field];
    const at = option ? { option: `--grid-${r.problem.field}` } : {};
    throw new CompareInputError([new InputError(file, [{ ...issue(path, r.problem.code, r.problem.params), ...at }])]);
  }
  if (!option && fromAfter && fromBefore && JSON.stringify(fromAfter) !== JSON.stringify(fromBefore))
    warn('compare.gridDiffers', { before: JSON.stringify(fromBefore), after: JSON.stringify(fromAfter) });
  if (r.defaulted.length > 0)
    warn('co2.gridDefault', {
      fields: r.defaulted.join(', '),
      year: r.factor.year,
      regionZh: gridRecord(r.factor).regionLabel!.zh,
      regionEn: gridRecord(r.factor).regionLabel!.en,
    });
  return r;
}

function coefficients(
  before: Model,
  after: Model,
  warn: (code: string, params?: Record<string, string | number>) => void,
) {
  const equal = (m: Model) =>
    m.settings?.electricityEqualValue !== undefined
      ? `${m.settings.electricityEqualValue} kgce/kWh (settings.electricityEqualValue)`
      : `${electricityEqualValue.kgcePerKWh} kgce/kWh (${electricityEqualValue.source.standard}-${electricityEqualValue.source.edition} default)`;
  const eb = equal(before);
  const ea = equal(after);
  if (eb !== ea) warn('compare.equalValueDiffers', { before: eb, after: ea });
  return {
    equivalent: 'GB/T 2589-2008 Annex A/B coefficients (electricity 0.1229 kgce/kWh 当量值) or measured LHV',
    equal: `electricity ${ea} (等价值); other carriers as 当量值`,
    before: eb,
    after: ea,
  };
}

const WHICH = {
  before: { which: 'base', whichZh: '基准' },
  after: { which: 'report', whichZh: '报告' },
};

function periodWarnings(pairing: Pairing, warn: (code: string, params?: Record<string, string | number>) => void) {
  const { before, after, comparison } = pairing.periods;
  if (comparison.basis === 'assumed-same-length') warn('compare.periodAssumed');
  for (const [which, p] of [
    ['before', before],
    ['after', after],
  ] as const) {
    const names = WHICH[which];
    if (p.annualFactorFrom === 'default-annual-hours') warn('compare.defaultAnnualHours', names);
    if (p.annualFactor === null) warn('compare.noAnnualFactor', names);
  }
  for (const id of pairing.unmatched.before) warn('compare.unmatchedProduct', { id, ...WHICH.before });
  for (const id of pairing.unmatched.after) warn('compare.unmatchedProduct', { id, ...WHICH.after });
}

function recoveredOf(plant: { before: StateData; after: StateData }, ctx: FamilyContext): CompareResult['recovered'] {
  const at = (d: StateData, f: number | null) => {
    const r = d.figs.recovered;
    const none = r.flows.length === 0 && r.unknown.length === 0;
    const t = none || r.value === null ? null : r.value * unitFactor(r.unit, 't');
    return { period: t, perYear: t === null || f === null ? null : t * f };
  };
  return { unit: 't', before: at(plant.before, ctx.fBefore), after: at(plant.after, ctx.fAfter) };
}

function dedupe(records: FactorRecord[]): FactorRecord[] {
  const seen = new Map<string, FactorRecord>();
  for (const r of records) seen.set(JSON.stringify(r), r);
  return [...seen.values()];
}
