import type { Command } from 'commander';
import { InputError } from '../../model/index.ts';
import { carbonOfModel, type GridChoice } from '../../results/index.ts';
import {
  optionError,
  printJson,
  printReport,
  readModel,
  reportInputError,
  setExitCode,
  withCommonOptions,
  type CommonOptions,
} from '../io.ts';
import { renderCarbon } from '../results-render.ts';

export interface GridOptions {
  gridSeries?: string;
  gridYear?: string;
  gridRegion?: string;
}

/** Adds --grid-series, --grid-year, --grid-region (the grid-electricity CO2 factor). */
export function withGridOptions(cmd: Command): Command {
  return cmd
    .option('--grid-series <series>', '电网排放因子系列 mee-nbs|carbon-market (grid factor series)')
    .option('--grid-year <year>', '电网排放因子数据年份 (data year of the grid factor)')
    .option('--grid-region <region>', '电网排放因子地区：全国、广东、华东… (region of the grid factor)');
}

/** The grid choice of the command line, undefined when none is given; reports a bad year (exit 2). */
export function gridChoice(file: string, opts: GridOptions & CommonOptions): GridChoice | undefined | null {
  if (opts.gridSeries === undefined && opts.gridYear === undefined && opts.gridRegion === undefined) return undefined;
  let year: number | undefined;
  if (opts.gridYear !== undefined) {
    year = Number(opts.gridYear);
    if (!Number.isInteger(year)) {
      reportInputError(
        optionError(file, '--grid-year', 'results.cli.badNumber', { option: '--grid-year', value: opts.gridYear }),
        opts,
      );
      return null;
    }
  }
  return { series: opts.gridSeries, year, region: opts.gridRegion };
}

/**
 * `pingheng carbon MODEL [--grid-series S] [--grid-year Y] [--grid-region R] [--json]`: the CO2
 * inventory (docs/results.md). Exit 1 when a source's quantity is unknown (the inventory is
 * incomplete), 2 on unusable input (a factor the tables do not hold, a fuel without one).
 */
export function registerCarbon(program: Command): void {
  withGridOptions(
    withCommonOptions(
      program
        .command('carbon')
        .description('二氧化碳排放清单：燃料、外购电力和热力 (CO2 inventory: fuels, purchased electricity and heat)')
        .argument('<model>', '模型文件 model JSON'),
    ),
  ).action((file: string, opts: GridOptions & CommonOptions) => {
    const grid = gridChoice(file, opts);
    if (grid === null) return;
    const loaded = readModel(file, opts);
    if (!loaded) return;
    let report: ReturnType<typeof carbonOfModel>;
    try {
      report = carbonOfModel(loaded.model, file, grid);
    } catch (e) {
      if (e instanceof InputError) {
        reportInputError(e, opts);
        return;
      }
      throw e;
    }
    setExitCode(report.unknown.length > 0 ? 1 : 0);
    if (opts.json) printJson(report);
    else printReport(report, renderCarbon(report, opts.lang));
  });
}
