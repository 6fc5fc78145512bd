import type { Command } from 'commander';
import { flowLabel, layerName, t, type Lang } from '../../i18n/index.ts';
import { buildGraph } from '../../model/index.ts';
import { reconcileModel, type LayerReconciliation } from '../../reconcile/index.ts';
import {
  optionError,
  printJson,
  printReport,
  reportInputError,
  setExitCode,
  withCommonOptions,
  type CommonOptions,
} from '../io.ts';
import { readModelWithReadings, withReadingsOptions, type ReadingsFileOptions } from '../readings-io.ts';
import { fmt, renderTable } from '../table.ts';

interface ReconcileOptions extends CommonOptions {
  layer?: string;
  alpha?: string;
}

/**
 * `pingheng reconcile MODEL [--layer L] [--alpha A] [--json]`: data reconciliation and gross-error
 * detection per layer (docs/reconcile.md). JSON: one layer's object with --layer, else `{ layers }`.
 * Exit 1 when a global test fails, a suspect is named or a balance cannot close with its fixed
 * values; 2 on unusable input.
 */
export function registerReconcile(program: Command): void {
  withReadingsOptions(
    withCommonOptions(
      program
        .command('reconcile')
        .description('数据校正与粗大误差检测 (data reconciliation and gross-error detection)')
        .argument('<model>', '模型文件 model JSON')
        .option('--layer <layer>', '只校正该层 (one layer: material|water|energy|COD…)')
        .option('--alpha <alpha>', '检验显著性水平 (significance level of the tests)', '0.05'),
    ),
  ).action(async (file: string, opts: ReconcileOptions & ReadingsFileOptions & { readings?: string }) => {
    const loaded = await readModelWithReadings(file, opts.readings, opts);
    if (!loaded) return;
    const alpha = Number(opts.alpha ?? '0.05');
    const fail = (option: string, key: string, params: Record<string, string>) =>
      reportInputError(optionError(file, option, key, params), opts);
    if (!(alpha > 0 && alpha < 1)) return fail('--alpha', 'reconcile.cli.badAlpha', { value: String(opts.alpha) });
    const graph = buildGraph(loaded.model);
    if (opts.layer !== undefined && !graph.byLayer.has(opts.layer))
      return fail('--layer', 'reconcile.cli.unknownLayer', { layer: opts.layer, layers: graph.layers.join(', ') });
    const result = reconcileModel(graph, { layer: opts.layer, alpha });
    const findings = result.layers.some((l) => !l.global.pass || l.suspects.length > 0 || l.inconsistent.length > 0);
    setExitCode(findings ? 1 : 0);
    if (opts.json) printJson(opts.layer !== undefined ? result.layers[0] : { layers: result.layers });
    else printReport(result, result.layers.map((l) => renderLayer(l, opts.lang)).join('\n\n'));
  });
}

/** One layer as a table (suspects marked) followed by the plain-language diagnosis. */
export function renderLayer(l: LayerReconciliation, lang: Lang): string {
  const withoutSuspects = l.suspects.length > 0;
  const header = t(lang, 'reconcile.cli.header').split('|');
  if (withoutSuspects) header.push(t(lang, 'reconcile.cli.withoutSuspects'));
  const status = (f: LayerReconciliation['flows'][number]) =>
    t(
      lang,
      `reconcile.cli.status.${f.fixed ? 'fixed' : f.status === 'measured' && !f.redundant && !f.activeBound ? 'nonRedundant' : f.status}`,
    );
  const rows = l.flows.map((f) => [
    f.suspect ? `${flowLabel(f, lang)} ${t(lang, 'reconcile.cli.suspectMark')}` : flowLabel(f, lang),
    f.unit,
    fmt(f.measured),
    fmt(f.reconciled),
    fmt(f.sd),
    fmt(f.reconciledSd),
    f.activeBound ? `${status(f)} [${f.activeBound}]` : status(f),
    f.z === null ? '—' : f.z.toFixed(2),
    ...(withoutSuspects ? [fmt(l.afterElimination?.flows.find((a) => a.id === f.id)?.reconciled)] : []),
  ]);
  const bold = process.stdout.isTTY ? (s: string) => `\x1b[1;31m${s}\x1b[0m` : (s: string) => s;
  const table = renderTable(header, rows, [
    'left',
    'left',
    'right',
    'right',
    'right',
    'right',
    'left',
    'right',
    'right',
  ])
    .split('\n')
    .map((line, i) => (i >= 2 && l.flows[i - 2]?.suspect ? bold(line) : line))
    .join('\n');
  return [
    t(lang, 'reconcile.cli.layer', { layer: layerName(l.layer, lang), unit: l.unit }),
    table,
    '',
    ...l.diagnosis[lang],
  ].join('\n');
}
