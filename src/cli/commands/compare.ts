import type { Command } from 'commander';
import { InputError } from '../../model/index.ts';
import { CompareInputError, type CompareResult, compareModels, type Side, sideOf } from '../../results/index.ts';
import { parsePeriodSelection, type PeriodSelection } from '../../periods/index.ts';
import {
  type CommonOptions,
  formatIssue,
  loadModelFile,
  optionError,
  printJson,
  printReport,
  reportInputError,
  reportInputErrors,
  setExitCode,
  withCommonOptions,
} from '../io.ts';
import { renderCompare } from '../results-render.ts';
import { type GridOptions, gridChoice, withGridOptions } from './carbon.ts';

interface CompareOptions extends CommonOptions, GridOptions {
  rules?: string;
  level?: string;
  costLimit?: string;
  beforePeriod?: string;
  afterPeriod?: string;
}

/** `2025-03` or `2025-01..2025-12`: one period, or a run of them. */
const selection = (text: string | undefined) => (text === undefined ? undefined : parsePeriodSelection(text));

/**
 * `pingheng compare BEFORE AFTER [--rules anhui|zhejiang|inner-mongolia] [--level advanced|general]
 * [--cost-limit 万元] [--grid-…] [--json]`: what the audit achieved (docs/results.md). Exit 1 when an
 * acceptance rule that could be judged is not met, 2 on unusable input (either file, located).
 */
export function registerCompare(program: Command): void {
  withGridOptions(
    withCommonOptions(
      program
        .command('compare')
        .description(
          '审核前后对比：节能量、节水量、减排量、减碳量、验收要求与方案经济性 (before/after savings, acceptance, proposals)',
        )
        .argument('<before>', '审核前（基准期）模型 base-period model')
        .argument('<after>', '审核后（报告期）模型 report-period model')
        .option('--rules <set>', '验收规则 anhui|zhejiang|inner-mongolia (acceptance rule set; default anhui)')
        .option('--level <level>', '企业水平 advanced|general（同行先进/一般）(plant level; default general)')
        .option('--cost-limit <wan>', '无/低费方案投资限额，万元 (no/low-cost investment limit, 万元)')
        .option('--before-period <id>', '多期模型中的基准期：ID 或 FROM..TO (base period of a multi-period model)')
        .option('--after-period <id>', '多期模型中的报告期：ID 或 FROM..TO (report period of a multi-period model)'),
    ),
  ).action((beforeFile: string, afterFile: string, opts: CompareOptions) => {
    const grid = gridChoice(beforeFile, opts);
    if (grid === null) return;
    if (opts.level !== undefined && opts.level !== 'advanced' && opts.level !== 'general') {
      reportInputError(optionError(beforeFile, '--level', 'results.cli.badLevel', { value: opts.level }), opts);
      return;
    }
    let costLimit: number | undefined;
    if (opts.costLimit !== undefined) {
      costLimit = Number(opts.costLimit);
      if (!Number.isFinite(costLimit) || costLimit < 0) {
        reportInputError(
          optionError(beforeFile, '--cost-limit', 'results.cli.badLimit', {
            option: '--cost-limit',
            value: opts.costLimit,
          }),
          opts,
        );
        return;
      }
    }
    // Both files are read before either is judged, so every problem of both is reported at once.
    const errors: InputError[] = [];
    const b = readOrCollect(beforeFile, opts, errors, selection(opts.beforePeriod));
    const a = readOrCollect(afterFile, opts, errors, selection(opts.afterPeriod));
    if (errors.length > 0 || !b || !a) {
      reportInputErrors(errors, opts);
      return;
    }
    let result: CompareResult;
    try {
      result = compareModels(b, a, {
        rules: opts.rules,
        level: opts.level as 'advanced' | 'general' | undefined,
        grid,
        lowCostLimit: costLimit,
      });
    } catch (e) {
      if (e instanceof CompareInputError) {
        reportInputErrors(e.errors, opts);
        return;
      }
      throw e;
    }
    setExitCode(result.acceptance.pass === false ? 1 : 0);
    if (opts.json) printJson(result);
    else printReport(result, renderCompare(result, opts.lang));
  });
}

function readOrCollect(
  file: string,
  opts: CommonOptions,
  errors: InputError[],
  period: PeriodSelection | undefined,
): Side | undefined {
  try {
    const loaded = loadModelFile(file);
    if (!opts.json) for (const w of loaded.warnings) process.stderr.write(`${formatIssue(file, w, opts.lang)}\n`);
    return sideOf(loaded.model, file, period);
  } catch (e) {
    if (e instanceof InputError) {
      errors.push(e);
      return undefined;
    }
    throw e;
  }
}
