import type { Command } from 'commander';
import { checkModel } from '../../balance/index.ts';
import { displayName, t, type Lang } from '../../i18n/index.ts';
import { buildGraph, InputError, type Model } from '../../model/index.ts';
import {
  periodBalances,
  type PeriodResult,
  type PeriodsResult,
  periodModel,
  type PeriodSelection,
  applyPeriodReadings,
  periodWindow,
  reconcileAcrossPeriods,
  reconcilePerPeriod,
} from '../../periods/index.ts';
import {
  printJson,
  printReport,
  readModel,
  reportInputError,
  setExitCode,
  withCommonOptions,
  type CommonOptions,
} from '../io.ts';
import { ingestFile, withReadingsOptions, type ReadingsFileOptions } from '../readings-io.ts';
import { fmt, renderTable } from '../table.ts';
import { renderCheck } from './check.ts';

interface PeriodsOptions extends CommonOptions, ReadingsFileOptions {
  period?: string;
  from?: string;
  to?: string;
  extract?: boolean;
  reconcile?: boolean;
  readings?: string;
}

/**
 * `pingheng periods MODEL`: balances, stocks and indicators of every period of a multi-period
 * model, calendar-year roll-ups, the campaigns apart (docs/periods.md). `--period ID` or
 * `--from A --to B` checks one period or run as `check` would; with `--extract` it prints that
 * single-period model instead (for `check`, `depth`, `compare`). Exit 1 when a balance is open
 * (or, with --reconcile, a reconciliation test fails); 2 on unusable input.
 */
export function registerPeriods(program: Command): void {
  withReadingsOptions(
    withCommonOptions(
      program
        .command('periods')
        .description('多统计期（月度台账）平衡、库存结转、指标与年度汇总 (balances per period, stocks, annual roll-up)')
        .argument('<model>', '模型文件 model JSON')
        .option('--period <id>', '只看一个统计期，如 check 的输出 (one period, checked as by check)')
        .option('--from <id>', '统计期区间起 (first period of a run)')
        .option('--to <id>', '统计期区间止 (last period of a run)')
        .option('--extract', '输出该统计期（区间）的单期模型 JSON (print the single-period model)')
        .option('--reconcile', '逐期及跨期（含库存）数据校正 (reconcile per period and across periods)'),
    ),
  ).action(async (file: string, opts: PeriodsOptions) => {
    const loaded = readModel(file, opts);
    if (!loaded) return;
    try {
      let model = loaded.model;
      if (opts.readings !== undefined) model = await withPeriodReadings(model, opts.readings, opts);
      const sel = selection(opts);
      if (sel !== undefined) {
        const single = periodModel(model, sel, { file });
        if (opts.extract) {
          printJson(single);
          return;
        }
        const result = checkModel(buildGraph(single));
        setExitCode(result.summary.ok ? 0 : 1);
        if (opts.json) printJson({ file, ...result, selection: single.period });
        else printReport(result, `${single.period?.label ?? ''}\n${renderCheck(result, opts.lang)}`);
        return;
      }
      const result = periodBalances(model, file);
      const reconciliation = opts.reconcile
        ? { perPeriod: reconcilePerPeriod(model, {}, file), across: reconcileAcrossPeriods(model, {}, file) }
        : undefined;
      const failed =
        reconciliation !== undefined &&
        (reconciliation.across.layers.some((l) => !l.global.pass) ||
          reconciliation.perPeriod.some((p) => p.reconciliation.layers.some((l) => !l.global.pass)));
      setExitCode(result.summary.ok && !failed ? 0 : 1);
      if (opts.json) printJson({ file, ...result, ...(reconciliation ? { reconciliation } : {}) });
      else {
        printReport(result, renderPeriods(displayName(model, opts.lang), result, opts.lang));
        if (reconciliation)
          for (const l of reconciliation.across.layers)
            process.stdout.write(
              `\n${t(opts.lang, 'periods.cli.across', { layer: l.layer })}\n  ${l.diagnosis[opts.lang].join('\n  ')}\n`,
            );
      }
    } catch (e) {
      if (e instanceof InputError) reportInputError(e, opts);
      else throw e;
    }
  });
}

function selection(opts: PeriodsOptions): PeriodSelection | undefined {
  if (opts.period !== undefined) return opts.period;
  if (opts.from !== undefined || opts.to !== undefined)
    return { from: opts.from ?? opts.to!, to: opts.to ?? opts.from! };
  return undefined;
}

/** Ingests the readings once per period (its window) and writes the totals into that period's figures. */
async function withPeriodReadings(model: Model, readings: string, opts: PeriodsOptions): Promise<Model> {
  let out = model;
  for (const p of model.periods ?? []) {
    const window = periodWindow(model, p.id);
    const result = await ingestFile(readings, model, { ...opts, window, progress: false });
    out = applyPeriodReadings(out, p.id, result).model;
  }
  return out;
}

/** The human report: one row per period, the year roll-ups, the campaigns, then the open balances. */
export function renderPeriods(name: string, r: PeriodsResult, lang: Lang): string {
  const header = ['period', 'hours', 'balances', 'energy', 'energyPer', 'water', 'waterPer', 'stocks'].map((c) =>
    t(lang, `periods.cli.col.${c}`),
  );
  const row = (p: PeriodResult): string[] => {
    const i = p.indicators;
    const per = i.perProduct[0];
    return [
      lang === 'en' ? (p.labelEn ?? p.id) : p.label,
      fmt(p.hours),
      t(lang, 'periods.cli.balances', { closed: p.summary.closed + p.summary.byDifference, open: p.summary.open }),
      fmt(i.energyEquivalent),
      per ? `${fmt(per.energy)} tce/${per.unit}` : '—',
      i.newWater === null ? '—' : `${fmt(i.newWater)} ${i.waterUnit}`,
      per && per.newWater !== null ? `${fmt(per.newWater)} ${i.waterUnit}/${per.unit}` : '—',
      p.stocks.map((s) => `${lang === 'en' ? (s.nameEn ?? s.id) : s.name} ${fmt(s.closing)} ${s.unit}`).join(', ') ||
        '—',
    ];
  };
  const align: ('left' | 'right')[] = ['left', 'right', 'left', 'right', 'right', 'right', 'right', 'left'];
  const out = [t(lang, 'periods.cli.title', { name }), '', renderTable(header, r.periods.map(row), align)];
  if (r.years.length > 0) {
    out.push('', t(lang, 'periods.cli.years'));
    out.push(
      renderTable(
        header,
        r.years.map((y) => {
          const cells = row(y);
          cells[0] = `${y.year}${y.complete ? '' : t(lang, 'periods.cli.partial')}`;
          return cells;
        }),
        align,
      ),
    );
  }
  if (r.campaigns.length > 0) {
    out.push('', t(lang, 'periods.cli.campaigns'), renderTable(header, r.campaigns.map(row), align));
  }
  const open = [...r.periods, ...r.campaigns].flatMap((p) =>
    p.findings.filter((f) => f.severity === 'error').map((f) => `  ${p.id}: ${f.message[lang]}`),
  );
  if (open.length > 0) out.push('', t(lang, 'periods.cli.findings'), ...open);
  else out.push('', t(lang, 'periods.cli.allClosed'));
  return out.join('\n');
}
