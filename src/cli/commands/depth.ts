import type { Command } from 'commander';
import { t, type Lang } from '../../i18n/index.ts';
import { InputError, type Model, MAX_JSON_BYTES, parseJsonText } from '../../model/index.ts';
import { type ReadingsEvidence, depthVerdict, type DepthResult } from '../../metering/index.ts';
import {
  optionError,
  printJson,
  printReport,
  readInputFile,
  reportInputError,
  unreadable,
  setExitCode,
  withCommonOptions,
  type CommonOptions,
} from '../io.ts';
import { analyseOrReport } from './coverage.ts';
import { readModelWithReadings, withReadingsOptions, type ReadingsFileOptions } from '../readings-io.ts';

interface DepthOptions extends CommonOptions, ReadingsFileOptions {
  acceptance?: string;
  ingest?: string;
  readings?: string;
}

/**
 * `pingheng depth MODEL [--acceptance A|B|C] [--ingest INGEST.json | --readings CSV] [--json]`: the Yunnan depth
 * verdict (估计型/简单型/重点型/全面型), acceptance A/B/C, reasons and the next grade's list.
 * `--ingest` takes the JSON of `pingheng ingest --json` and judges the campaign duration by its
 * `window.longestContinuousHours`. Exit 1 only when `--acceptance` is given and not met;
 * 2 on unusable input.
 */
export function registerDepth(program: Command): void {
  withReadingsOptions(
    withCommonOptions(
      program
        .command('depth')
        .description('物料平衡工作深度（云南 2007）与验收类型 (depth of the balance work and acceptance A/B/C)')
        .argument('<model>', '模型文件 model JSON')
        .option(
          '--acceptance <type>',
          '要求的验收类型 A|B|C，不满足时退出码为 1 (required acceptance type; exit 1 if not met)',
        )
        .option(
          '--ingest <file>',
          '读数导入结果 JSON（pingheng ingest --json），用其最长连续时段 (readings ingest result)',
        ),
    ),
  ).action(async (file: string, opts: DepthOptions) => {
    if (opts.acceptance !== undefined && !['A', 'B', 'C'].includes(opts.acceptance)) {
      reportInputError(
        optionError(file, '--acceptance', 'metering.cli.badAcceptance', { value: opts.acceptance }),
        opts,
      );
      return;
    }
    let readings: ReadingsEvidence | undefined;
    if (opts.ingest !== undefined) {
      readings = readIngest(opts.ingest, opts);
      if (!readings) return;
    }
    // --readings: the campaign CSV itself — its totals go into the model and its continuous window is the evidence.
    let model: Model | undefined;
    if (opts.readings !== undefined) {
      const loaded = await readModelWithReadings(file, opts.readings, opts);
      if (!loaded) return;
      model = loaded.model;
      readings ??= { longestContinuousHours: loaded.readings!.window.longestContinuousHours, source: 'readings' };
    }
    const a = analyseOrReport(file, opts, model);
    if (!a) return;
    const result = depthVerdict(a.graph.model, { readings }, a);
    const wanted = opts.acceptance as 'A' | 'B' | 'C' | undefined;
    setExitCode(wanted && result.acceptance[wanted] !== true ? 1 : 0);
    if (opts.json) printJson({ file, ...result });
    else printReport(result, renderDepth(result, opts.lang, wanted));
  });
}

/** `window.longestContinuousHours` of an ingest JSON; reports and returns undefined when unusable. */
function readIngest(file: string, opts: CommonOptions): ReadingsEvidence | undefined {
  const fail = (code: string, params: Record<string, string | number>) => {
    reportInputError(
      new InputError(file, [
        {
          severity: 'error',
          path: code === 'metering.cli.ingestHours' ? ['window', 'longestContinuousHours'] : [],
          code,
          params,
        },
      ]),
      opts,
    );
    return undefined;
  };
  let doc: unknown;
  try {
    doc = parseJsonText(readInputFile(file, MAX_JSON_BYTES), file).data;
  } catch (e) {
    reportInputError(e instanceof InputError ? e : unreadable(file, e, 'json.read'), opts);
    return undefined;
  }
  const hours = (doc as { window?: { longestContinuousHours?: unknown } })?.window?.longestContinuousHours;
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0)
    return fail('metering.cli.ingestHours', { value: String(hours) });
  return { longestContinuousHours: hours, source: 'readings' };
}

export function renderDepth(r: DepthResult, lang: Lang, wanted?: 'A' | 'B' | 'C'): string {
  const yes = (b: boolean | null) =>
    t(lang, b === null ? 'metering.cli.unknown' : b ? 'metering.cli.yes' : 'metering.cli.no');
  const mark = (x: { ok: boolean; status?: string }) => (x.ok ? '✓' : x.status === 'unknown' ? '?' : '✗');
  const out = [
    t(lang, 'metering.cli.depth', { label: r.label[lang] }),
    ...(r.determined ? [] : [t(lang, 'metering.cli.atLeast', { label: t(lang, `depth.label.${r.atLeast}`) })]),
    t(lang, 'metering.cli.acceptance', { A: yes(r.acceptance.A), B: yes(r.acceptance.B), C: yes(r.acceptance.C) }),
    ...r.warnings.map((w) => `! ${w[lang]}`),
    '',
    t(lang, 'metering.cli.reasons'),
    ...r.reasons.map((x) => `  ${mark(x)} ${x[lang]}`),
    '',
  ];
  if (r.nextDepth === null) out.push(t(lang, 'metering.cli.nextNone'));
  else {
    const label = t(lang, `depth.label.${r.nextDepth}`);
    out.push(`${t(lang, 'metering.cli.next', { label })}${lang === 'zh' ? '：' : ':'}`);
    for (const [i, n] of r.next.entries()) out.push(`  ${i + 1}. ${n[lang]}`);
    if (!r.nextReaches) out.push(t(lang, 'metering.cli.nextUnreachable'));
  }
  if (wanted && r.acceptance[wanted] !== true)
    out.push('', t(lang, 'metering.cli.acceptanceShort', { depth: r.label[lang], type: wanted }));
  return out.join('\n');
}
