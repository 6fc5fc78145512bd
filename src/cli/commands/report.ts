import { accessSync, constants, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { t } from '../../i18n/index.ts';
import { InputError, issue, type Model } from '../../model/index.ts';
import { parsePeriodSelection } from '../../periods/index.ts';
import { sideOf, type Side } from '../../results/index.ts';
import {
  analyseForReport,
  hasFindings,
  buildReport,
  figuresOf,
  tablesOf,
  type ReportDocument,
  writeDocx,
  writeHtml,
  writeXlsx,
} from '../../report/index.ts';
import { FIGURE_FONT_FAMILY } from '../../sankey/index.ts';
import { printJson, readModel, reportInputError, setExitCode, withCommonOptions, type CommonOptions } from '../io.ts';
import { makeRasterizer } from '../png.ts';
import { readModelWithReadings, withReadingsOptions, type ReadingsFileOptions } from '../readings-io.ts';

interface ReportOptions extends CommonOptions, ReadingsFileOptions {
  out: string;
  compare?: string;
  readings?: string;
  png?: boolean;
  beforePeriod?: string;
  afterPeriod?: string;
}

/**
 * `pingheng report MODEL --out DIR [--compare BEFORE] [--before-period SEL] [--after-period SEL]
 * [--readings CSV] [--lang zh|en]`: the audit report's balance chapters as DIR/report.docx,
 * DIR/report.xlsx, DIR/report.html and each figure as DIR/figures/*.svg and *.png (docs/report.md).
 * A multi-period model gives the report period with --after-period and the base period with
 * --before-period (BEFORE defaults to MODEL itself), as `compare` does. Exit 0 written and no
 * findings, 1 written with findings (as check, coverage and reconcile), 2 unusable input or an
 * --out that cannot be written.
 */
export function registerReport(program: Command): void {
  withReadingsOptions(
    withCommonOptions(
      program
        .command('report')
        .description('生成审核报告的平衡章节：Word、Excel 与可打印网页 (write the report: .docx, .xlsx, .html)')
        .argument('<model>', '模型文件 model JSON')
        .requiredOption('--out <dir>', '输出目录 (output directory)')
        .option('--compare <before>', '审核前（基准期）模型，生成第 8 章审核绩效 (base-period model for chapter 8)')
        .option('--before-period <id>', '多期模型中的基准期：ID 或 FROM..TO (base period of a multi-period model)')
        .option('--after-period <id>', '多期模型中的报告期：ID 或 FROM..TO (report period of a multi-period model)')
        .option('--no-png', '不生成 PNG 图片（Word 中的图也将缺失） (skip PNG: the Word file then has no figures)'),
    ),
  ).action(async (file: string, opts: ReportOptions) => {
    if (opts.readings !== undefined && opts.afterPeriod !== undefined) {
      reportInputError(new InputError('--readings', [issue([], 'report.cli.readingsWithPeriod', {})]), opts);
      return;
    }
    const loaded = await readModelWithReadings(file, opts.readings, opts);
    if (!loaded) return;
    const after = chosenSide(loaded.model, file, opts.afterPeriod, opts);
    if (!after) return;
    // BEFORE is its own file, or — a base period chosen without one — MODEL itself (compare's "the same file twice").
    const beforeFile = opts.compare ?? (opts.beforePeriod !== undefined ? file : undefined);
    const beforeLoaded =
      beforeFile === undefined
        ? undefined
        : beforeFile === file && opts.readings === undefined
          ? loaded
          : readModel(beforeFile, opts);
    if (beforeFile !== undefined && !beforeLoaded) return;
    const before = beforeLoaded && chosenSide(beforeLoaded.model, beforeFile!, opts.beforePeriod, opts);
    if (beforeLoaded && !before) return;
    const out = resolve(opts.out);
    if (!writableDir(out, opts)) return;
    const results = analyseForReport({
      model: after.model,
      file,
      warnings: loaded.warnings,
      ...(loaded.readings ? { readings: loaded.readings } : {}),
      ...(before ? { before } : {}),
    });
    const doc = buildReport(results, { lang: opts.lang });
    const warnings: string[] = [];
    const written = await writeAll(doc, out, opts, warnings);
    if (!written) return;
    setExitCode(hasFindings(results) ? 1 : 0);
    const summary = {
      out,
      files: written,
      chapters: doc.chapters.map((c) => ({ number: c.number, id: c.id, title: c.title })),
      tables: tablesOf(doc).length,
      figures: figuresOf(doc).length,
      missing: doc.missing,
      warnings,
      findings: hasFindings(results),
    };
    if (opts.json) printJson(summary);
    else {
      for (const w of warnings) process.stderr.write(`${w}\n`);
      process.stdout.write(
        `${[
          t(opts.lang, 'report.cli.written', { out, tables: summary.tables, figures: summary.figures }),
          ...written.map((f) => `  ${f}`),
          ...(doc.missing.length > 0
            ? [
                t(opts.lang, 'report.cli.missing'),
                ...doc.missing.map(
                  (m) => `  ${t(opts.lang, 'report.overview.missingItem', { chapter: m.chapter, text: m.text })}`,
                ),
              ]
            : []),
        ].join('\n')}\n`,
      );
    }
  });
}

/**
 * The model of one side: as read, or the chosen period or run of a multi-period model as a
 * single-period model (the core's `sideOf`, as `compare`). Undefined after reporting exit 2.
 */
function chosenSide(model: Model, file: string, period: string | undefined, opts: CommonOptions): Side | undefined {
  if (period === undefined) return { model, file };
  try {
    return sideOf(model, file, parsePeriodSelection(period));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    reportInputError(e, opts);
    return undefined;
  }
}

/** Creates `dir` if needed and checks it can be written; else reports it by name (exit 2). */
function writableDir(dir: string, opts: CommonOptions): boolean {
  try {
    makeDir(dir);
    if (!statSync(dir).isDirectory()) throw new Error(`ENOTDIR: not a directory, '${dir}'`);
    accessSync(dir, constants.W_OK);
    return true;
  } catch (e) {
    fail(dir, (e as Error).message, opts);
    return false;
  }
}

/**
 * mkdir -p, one directory at a time: Node 20's `mkdirSync(dir, { recursive: true })` never returns
 * for a path under /proc (the kernel answers ENOENT for a parent that exists, and libuv retries).
 */
function makeDir(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) mkdirSync(d);
}

function fail(path: string, detail: string, opts: CommonOptions): void {
  reportInputError(
    new InputError(path, [
      { severity: 'error', path: [], code: 'report.cli.unwritable', params: { path, detail }, option: '--out' },
    ]),
    opts,
  );
}

/**
 * resvg, or — where its prebuilt binary cannot load (a platform without one, a broken install) — none,
 * with a warning: the SVG figures, the page and the workbook are still written, the Word file says
 * each figure is missing.
 */
async function rasterizer(opts: ReportOptions, warnings: string[]) {
  try {
    return await makeRasterizer(FIGURE_FONT_FAMILY);
  } catch (e) {
    warnings.push(t(opts.lang, 'report.cli.noRasterizer', { detail: (e as Error).message }));
    return undefined;
  }
}

/** Figures (SVG, PNG), then the HTML, the workbook and the Word file; the paths written, or undefined after exit 2. */
async function writeAll(
  doc: ReportDocument,
  out: string,
  opts: ReportOptions,
  warnings: string[],
): Promise<string[] | undefined> {
  const written: string[] = [];
  const put = (path: string, data: string | Uint8Array) => {
    writeFileSync(path, data);
    written.push(path);
  };
  let current = out;
  try {
    const figures = figuresOf(doc);
    const images = new Map<string, Uint8Array>();
    if (figures.length > 0) {
      const dir = join(out, 'figures');
      current = dir;
      makeDir(dir);
      const raster = opts.png === false ? undefined : await rasterizer(opts, warnings);
      const own = process.env.PINGHENG_CJK_FONT;
      if (raster && own && !raster.fonts.includes(own))
        warnings.push(t(opts.lang, 'report.cli.fontMissing', { path: own }));
      if (raster && !raster.cjk && figures.some((f) => /[\u2e80-\uffef]/.test(f.svg)))
        warnings.push(t(opts.lang, 'report.cli.noCjkFont'));
      for (const f of figures) {
        put((current = join(dir, `${f.file}.svg`)), `<?xml version="1.0" encoding="UTF-8"?>\n${f.svg}`);
        if (!raster) continue;
        const png = raster.toPng(f.svg, 2);
        images.set(f.file, png);
        put((current = join(dir, `${f.file}.png`)), png);
      }
    }
    put((current = join(out, 'report.html')), writeHtml(doc));
    put((current = join(out, 'report.xlsx')), await writeXlsx(doc));
    put((current = join(out, 'report.docx')), await writeDocx(doc, images));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).syscall === undefined) throw e; // not the file system: a defect, not bad input
    fail(current, (e as Error).message, opts);
    return undefined;
  }
  return written;
}
