/**
 * The results of the plant shown (worker side): its CO2 inventory and, when a report-period model is
 * given — or the bundled example has one (`<name>-after.json`) — the comparison with it
 * (docs/results.md). Plain data back to the page; problems rendered in both languages.
 */
import {
  CompareInputError,
  carbonOfModel,
  compareModels,
  formatPath,
  InputError,
  parseModel,
  t,
  type CarbonReport,
  type CompareResult,
  type InputIssue,
  type Model,
} from '../src/index.ts';

export interface ResultsProblem {
  where: string;
  message: { zh: string; en: string };
}

export interface ResultsExtra {
  carbon?: CarbonReport;
  carbonProblems?: ResultsProblem[];
  /** The report-period model compared with, and whether it was the example's own. */
  after?: { file: string; example: boolean };
  compare?: CompareResult;
  compareProblems?: ResultsProblem[];
}

const problem = (file: string, i: InputIssue): ResultsProblem => {
  const path = formatPath(i.path);
  return {
    where: `${i.line !== undefined ? `${file}:${i.line}` : file}${path ? ` ${path}` : ''}`,
    message: { zh: t('zh', i.code, i.params), en: t('en', i.code, i.params) },
  };
};

const problems = (e: unknown): ResultsProblem[] | undefined => {
  if (e instanceof InputError) return e.issues.map((i) => problem(e.file, i));
  if (e instanceof CompareInputError) return e.errors.flatMap((x) => x.issues.map((i) => problem(x.file, i)));
  return undefined;
};

/** The example's own report-period model, when the plant shown is that bundled example unchanged. */
function exampleAfter(
  model: Model,
  file: string,
  examples: Record<string, string>,
): { text: string; file: string } | undefined {
  const own = examples[`../datasets/${file}`];
  const after = examples[`../datasets/${file.replace(/\.json$/, '')}-after.json`];
  if (own === undefined || after === undefined) return undefined;
  try {
    if (JSON.stringify(parseModel(own, file).model) !== JSON.stringify(model)) return undefined;
  } catch {
    return undefined;
  }
  return { text: after, file: file.replace(/\.json$/, '-after.json') };
}

/**
 * The report-period model the plant shown is compared with: the one picked on the page, else the
 * bundled example's own (`<name>-after.json`). The results panel and 下载报告 use the same one.
 */
export function resultsAfter(
  model: Model,
  file: string,
  given: { text: string; file: string } | undefined,
  examples: Record<string, string>,
): { text: string; file: string } | undefined {
  return given ?? exampleAfter(model, file, examples);
}

export function computeResults(
  model: Model,
  file: string,
  given: { text: string; file: string } | undefined,
  examples: Record<string, string>,
): ResultsExtra {
  const out: ResultsExtra = {};
  try {
    out.carbon = carbonOfModel(model, file);
  } catch (e) {
    const p = problems(e);
    if (!p) throw e;
    out.carbonProblems = p;
  }
  const after = resultsAfter(model, file, given, examples);
  if (!after) return out;
  out.after = { file: after.file, example: given === undefined };
  try {
    const parsed = parseModel(after.text, after.file);
    out.compare = compareModels({ model, file }, { model: parsed.model, file: after.file });
  } catch (e) {
    const p = problems(e);
    if (!p) throw e;
    out.compareProblems = p;
  }
  return out;
}
