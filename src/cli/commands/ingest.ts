import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { inputBounds, assertFinite, InputError, READING_KINDS, type Model } from '../../model/index.ts';
import { applyReadingsDetailed, type IngestResult, type Layout, type ReadingKind } from '../../readings/index.ts';

const LAYOUTS: readonly Layout[] = ['wide', 'long'];
import { t, type Lang } from '../../i18n/index.ts';
import {
  optionError,
  printJson,
  readModel,
  reportInputError,
  setExitCode,
  withCommonOptions,
  type CommonOptions,
} from '../io.ts';
import { ingestFile, type ReadingsFileOptions } from '../readings-io.ts';

interface IngestCliOptions extends CommonOptions, Omit<ReadingsFileOptions, 'gapMinutes'> {
  /** As typed, so a bad value is echoed as the user wrote it. */
  gapMinutes?: string;
  model?: string;
  write?: string;
}

const MAX_LISTED = 20;

/**
 * `pingheng ingest READINGS.csv [--model MODEL] [--write OUT.json]`: campaign readings → meter
 * totals, gaps, coverage, quality flags and the 72-h check. Exit 0 clean, 1 findings
 * (rejected rows or values, gaps, quality flags other than rollovers, missing meters, window short of 72 h), 2 unusable input.
 */
export function registerIngest(program: Command): void {
  withCommonOptions(
    program
      .command('ingest')
      .description('读取计量读数 CSV，计算各表测试期累计量、缺测与质量标记 (ingest meter readings)')
      .argument('<readings>', '读数文件 readings CSV')
      .option('--model <model>', '模型文件 model JSON (meters, kinds, units, campaign)')
      .option('--write <out>', '写出填入累计量的模型 write the model with meter totals')
      .option('--encoding <encoding>', '编码 utf-8|gb18030|gbk (detected by default)')
      .option('--tz <zone>', '时区 time zone of timestamps without offset (default Asia/Shanghai)')
      .option('--mapping <file>', '列名→表号映射 column→meter mapping (JSON or CSV)')
      .option('--layout <layout>', '格式 wide|long (detected by default)')
      .option('--kind <kind>', '未在模型中说明的表的读数类型 cumulative|rate|interval', 'cumulative')
      .option('--gap-minutes <n>', '缺测阈值（分钟）gap threshold in minutes'),
  ).action(async (file: string, opts: IngestCliOptions) => {
    // a bad option is unusable input too: on stderr, and as the JSON document with --json
    const bad = (option: string, value: string, allowed: readonly string[]) =>
      reportInputError(optionError(file, option, 'cli.badOption', { option, value, allowed: allowed.join('|') }), opts);
    if (!READING_KINDS.includes(opts.kind as ReadingKind)) return bad('--kind', String(opts.kind), READING_KINDS);
    if (opts.layout !== undefined && !LAYOUTS.includes(opts.layout)) return bad('--layout', opts.layout, LAYOUTS);
    const gapMinutes = opts.gapMinutes === undefined ? undefined : Number(opts.gapMinutes);
    if (gapMinutes !== undefined && !(gapMinutes > 0 && gapMinutes <= inputBounds.maxPeriodHours * 60))
      return bad('--gap-minutes', String(opts.gapMinutes), [`(0, ${inputBounds.maxPeriodHours * 60}]`]);
    let model: Model | undefined;
    if (opts.model) {
      const loaded = readModel(opts.model, opts);
      if (!loaded) return;
      model = loaded.model;
    }
    if (opts.write && !model) return reportInputError(optionError(file, '--write', 'cli.writeNeedsModel'), opts);
    let result: IngestResult;
    try {
      result = await ingestFile(file, model, { ...opts, gapMinutes, progress: true });
    } catch (e) {
      if (e instanceof InputError) return reportInputError(e, opts);
      throw e;
    }
    let written: { file: string; applied: number; skipped: { meter: string; reason: string }[] } | undefined;
    if (opts.write && model) {
      const outcome = applyReadingsDetailed(model, result);
      try {
        writeFileSync(opts.write, `${JSON.stringify(outcome.model, null, 2)}\n`);
      } catch (e) {
        // a directory, a missing folder, no permission: the --write path is unusable, not a bug
        const detail = (e as Error).message;
        return reportInputError(
          optionError(opts.write, '--write', 'cli.unwritable', { path: opts.write, detail }),
          opts,
        );
      }
      written = { file: opts.write, applied: outcome.applied.length, skipped: outcome.skipped };
    }
    const findings =
      result.rows.rejected > 0 ||
      result.values.rejected > 0 ||
      result.missingMeters.length > 0 ||
      result.meters.some((m) => m.gaps.length > 0) ||
      !result.window.meetsMinimum ||
      result.meters.some((m) => m.flags.some((f) => f.code !== 'rollover'));
    if (findings) setExitCode(1);
    if (opts.json) printJson(written ? { ...result, written } : result);
    else printHuman(assertFinite(result, 'the readings result'), opts.lang, written);
  });
}

function fmt(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return '—';
  return Number(x.toPrecision(6)).toLocaleString('en-US', { maximumFractionDigits: digits });
}

function printHuman(
  r: IngestResult,
  lang: Lang,
  written?: { file: string; skipped: { meter: string; reason: string }[] },
): void {
  const out: string[] = [];
  out.push(`${r.file} (${r.encoding}, ${r.layout}, ${JSON.stringify(r.delimiter)}, ${r.timezone})`);
  out.push(t(lang, 'ingest.rows', r.rows));
  const w = r.window;
  out.push(
    t(lang, 'ingest.window', {
      start: w.start,
      end: w.end,
      hours: fmt(w.hours, 2),
      longest: fmt(w.longestContinuousHours, 2),
      minimum: w.minimumHours,
      verdict: t(lang, w.meetsMinimum ? 'ingest.meets' : 'ingest.fails'),
    }),
  );
  out.push('');
  out.push(t(lang, 'ingest.header'));
  for (const m of r.meters) {
    const flags = m.flags.map((f) => `${t(lang, `flag.${f.code}`)}×${f.count}`).join(', ');
    const gapH = m.gaps.reduce((s, g) => s + g.hours, 0);
    const gaps = m.gaps.length > 0 ? `${m.gaps.length} (${fmt(gapH, 2)} h)` : '0';
    out.push(
      [m.id, fmt(m.total), m.unit || '—', fmt(m.sd), `${(m.coverage * 100).toFixed(1)}%`, gaps, flags || '—'].join(
        '\t',
      ),
    );
  }
  if (r.rejected.length > 0) {
    out.push('');
    for (const e of r.rejected.slice(0, MAX_LISTED)) {
      const what = [e.column, e.text !== undefined ? JSON.stringify(e.text) : undefined].filter(Boolean).join(' ');
      out.push(
        `${r.file}:${t(lang, 'ingest.rejectedLine', { line: e.line, reason: t(lang, `reject.${e.reason}`) })}${what ? ` ${what}` : ''}`,
      );
    }
    if (r.rejected.length > MAX_LISTED)
      out.push(
        lang === 'zh'
          ? `…… 另有 ${r.rejected.length - MAX_LISTED} 条（用 --json 查看全部）`
          : `… ${r.rejected.length - MAX_LISTED} more (--json lists all)`,
      );
  }
  if (r.unknownColumns.length > 0) out.push(t(lang, 'ingest.unknownColumns', { columns: r.unknownColumns.join(', ') }));
  if (r.missingMeters.length > 0) out.push(t(lang, 'ingest.missingMeters', { meters: r.missingMeters.join(', ') }));
  if (written) {
    out.push(t(lang, 'ingest.wrote', { file: written.file }));
    for (const s of written.skipped) out.push(t(lang, 'ingest.notApplied', { meter: s.meter, reason: s.reason }));
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
