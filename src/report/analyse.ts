import { checkModel } from '../balance/check.ts';
import type { CheckResult } from '../balance/types.ts';
import { buildGraph, type PlantGraph } from '../model/graph.ts';
import type { InputIssue } from '../model/issues.ts';
import type { Model } from '../model/schema.ts';
import { analyseMetering, coverageRows, type CoverageRow, type MeteringAnalysis } from '../metering/coverage.ts';
import { depthVerdict, type DepthResult } from '../metering/depth.ts';
import { validateMetering } from '../metering/validate.ts';
import type { IngestResult } from '../readings/types.ts';
import { reconcileModel, type ModelReconciliation } from '../reconcile/index.ts';
import { CompareInputError, compareModels, sideOf, type CompareResult } from '../results/index.ts';
import { InputError } from '../model/issues.ts';

/**
 * Everything the report shows, computed once and independent of the language: the balances,
 * the metering analysis and depth verdict, the reconciliation. A part that cannot be computed
 * records why in `failures` and the others go on — a model that cannot be balanced still gets
 * the chapters that can be made.
 */
export interface ReportInput {
  model: Model;
  /** The model file's name, shown in the report. */
  file?: string;
  /** Warnings from loading the model (they go into chapter 1). */
  warnings?: InputIssue[];
  /** The campaign's readings, when the report was made from them (their totals already in `model`). */
  readings?: IngestResult;
  /** The report date, YYYY-MM-DD (default today). */
  date?: string;
  /** The base-period model (`--compare BEFORE`): `model` is then the report period (chapter 8). */
  before?: { model: Model; file: string };
}

export type ReportPart = 'balances' | 'metering' | 'depth' | 'reconciliation' | 'compare';

export interface ReportResults {
  input: ReportInput;
  graph?: PlantGraph;
  check?: CheckResult;
  metering?: MeteringAnalysis;
  coverage?: CoverageRow[];
  /** Metering data problems that stop the coverage from being judged. */
  meteringIssues: InputIssue[];
  depth?: DepthResult;
  reconciliation?: ModelReconciliation;
  /** Before/after (src/results/) when a base-period model was given. */
  compare?: CompareResult;
  /** Why the two models could not be compared: located problems of either file. */
  compareIssues: { file: string; issues: InputIssue[] }[];
  /** Parts that could not be computed: the error's message. */
  failures: { part: ReportPart; message: string }[];
}

/**
 * Runs the engine for a report. Never throws for a valid model: failures are recorded per part.
 *
 * @example
 * const r = analyseForReport({ model: parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model });
 * [r.check.summary.ok, r.depth.label.zh, r.failures] // => [true, '简单型', []]
 */
export function analyseForReport(input: ReportInput): ReportResults {
  const out: ReportResults = { input, meteringIssues: [], compareIssues: [], failures: [] };
  const attempt = (part: ReportPart, fn: () => void) => {
    try {
      fn();
    } catch (e) {
      out.failures.push({ part, message: e instanceof Error ? e.message : String(e) });
    }
  };
  attempt('balances', () => {
    out.graph = buildGraph(input.model);
    out.check = checkModel(out.graph);
  });
  attempt('metering', () => {
    out.meteringIssues = validateMetering(input.model);
    if (out.meteringIssues.some((i) => i.severity === 'error')) return;
    out.metering = analyseMetering(input.model, {}, out.graph ?? buildGraph(input.model));
    out.coverage = coverageRows(out.metering);
  });
  if (out.metering) {
    const readings = input.readings
      ? { longestContinuousHours: input.readings.window.longestContinuousHours, source: 'readings' as const }
      : undefined;
    attempt('depth', () => {
      out.depth = depthVerdict(input.model, readings ? { readings } : {}, out.metering);
    });
  }
  if (out.graph) {
    attempt('reconciliation', () => {
      out.reconciliation = reconcileModel(out.graph!);
    });
  }
  if (input.before) compare(input, out);
  return out;
}

/** compareModels(before, this model); a pair that cannot be compared records its located problems. */
function compare(input: ReportInput, out: ReportResults): void {
  const before = input.before!;
  try {
    out.compare = compareModels(sideOf(before.model, before.file), sideOf(input.model, input.file ?? 'model.json'));
  } catch (e) {
    const errors = e instanceof CompareInputError ? e.errors : e instanceof InputError ? [e] : undefined;
    if (!errors) {
      out.failures.push({ part: 'compare', message: e instanceof Error ? e.message : String(e) });
      return;
    }
    out.compareIssues = errors.map((x) => ({ file: x.file, issues: x.issues }));
  }
}

/**
 * Whether the results hold findings — the exit-1 rule of the other commands: a balance finding
 * (`check`), a coverage row short of its requirement (`coverage`), a failed global test (`reconcile`),
 * an acceptance rule not met (`compare`).
 *
 * @example
 * hasFindings(analyseForReport({ model: parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model })) // => true
 */
export function hasFindings(r: ReportResults): boolean {
  return (
    (r.check !== undefined && !r.check.summary.ok) ||
    (r.coverage ?? []).some((row) => row.required !== null && !row.pass) ||
    (r.reconciliation?.layers ?? []).some((l) => !l.global.pass) ||
    r.compare?.acceptance.pass === false
  );
}
