import { createReadStream, readFileSync, statSync } from 'node:fs';
import Papa from 'papaparse';
import { InputError } from '../model/issues.ts';
import type { LoadedModel } from '../model/load.ts';
import type { Model } from '../model/schema.ts';
import { applyReadingsDetailed, type ApplyOutcome } from '../readings/apply.ts';
import { ingestReadings, type IngestOptions } from '../readings/ingest.ts';
import type { IngestResult, Layout, ReadingKind } from '../readings/types.ts';
import type { Command } from 'commander';
import { readModel, reportInputError, type CommonOptions } from './io.ts';

/** Node side of readings ingestion: file streams, mapping files, a progress bar, model + readings in one call. */

export interface ReadingsFileOptions {
  encoding?: string;
  tz?: string;
  mapping?: string;
  layout?: Layout;
  kind?: ReadingKind;
  gapMinutes?: number;
}

/**
 * A file as a stream of 64 KiB byte chunks for ingestReadings: chunks and the strings decoded
 * from them stay below V8's large-object size and die young; 1 MiB reads raised peak RSS from
 * ~175 to ~240 MB on the benchmark (docs/benchmarks.md).
 */
export function fileSource(file: string): AsyncIterable<Uint8Array> {
  return createReadStream(file, { highWaterMark: 1 << 16 });
}

/**
 * Reads a mapping file, column (or meter name in the file) → meter id: a JSON object
 * `{"1#锅炉给水": "M1"}`, or a CSV of two columns with a header (`column,meter`).
 */
export function readMapping(file: string): Record<string, string> {
  const fail = (detail: string, line?: number): never => {
    throw new InputError(file, [{ severity: 'error', path: [], code: 'readings.mapping', params: { detail }, line }]);
  };
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    return fail((e as Error).message);
  }
  if (/^\s*\{/.test(text)) {
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch (e) {
      return fail((e as Error).message);
    }
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
      if (typeof v !== 'string') fail(`"${k}": the meter id must be a string`);
      out[k] = v as string;
    }
    return out;
  }
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
  const out: Record<string, string> = {};
  parsed.data.slice(1).forEach((row, i) => {
    if (row.length < 2 || row[0].trim() === '' || row[1].trim() === '') fail('each row needs a column name and a meter id', i + 2);
    out[row[0].trim()] = row[1].trim();
  });
  return out;
}

/** A progress bar on stderr, drawn only when stderr is a terminal. */
export function progressBar(file: string, lang: 'zh' | 'en'): ((bytes: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    return undefined;
  }
  let lastDraw = 0;
  return (bytes: number) => {
    const now = Date.now();
    if (now - lastDraw < 200 && bytes < size) return;
    lastDraw = now;
    const share = size > 0 ? Math.min(1, bytes / size) : 1;
    const width = 30;
    const done = Math.round(share * width);
    const label = lang === 'zh' ? '读取' : 'reading';
    process.stderr.write(`\r${label} [${'#'.repeat(done)}${'.'.repeat(width - done)}] ${(share * 100).toFixed(0)}% ${(bytes / 1e6).toFixed(0)} MB`);
    if (bytes >= size) process.stderr.write('\n');
  };
}

/** Ingests a readings file; throws InputError (file + line) when it is unusable. */
export async function ingestFile(file: string, model: Model | undefined, opts: ReadingsFileOptions & { lang?: 'zh' | 'en'; progress?: boolean }): Promise<IngestResult> {
  const options: IngestOptions = {
    file,
    model,
    encoding: opts.encoding,
    timezone: opts.tz,
    layout: opts.layout,
    defaultKind: opts.kind,
    gapMinutes: opts.gapMinutes,
    mapping: opts.mapping ? readMapping(opts.mapping) : undefined,
    onProgress: opts.progress ? progressBar(file, opts.lang ?? 'zh') : undefined,
  };
  try {
    statSync(file);
  } catch (e) {
    throw new InputError(file, [{ severity: 'error', path: [], code: 'readings.read', params: { detail: (e as Error).message } }]);
  }
  return ingestReadings(fileSource(file), options);
}

/**
 * Adds `--readings FILE` and the options that read it (`--encoding`, `--tz`, `--mapping`) to a
 * command, for `check` and `reconcile`: then `readModelWithReadings(model, opts.readings, opts)`.
 */
export function withReadingsOptions(cmd: Command): Command {
  return cmd
    .option('--readings <file>', '计量读数 CSV：累计量写入有表计的流 (meter readings: totals into metered flows)')
    .option('--encoding <encoding>', '读数文件编码 utf-8|gb18030|gbk (detected by default)')
    .option('--tz <zone>', '读数时区 (default: campaign timezone, else Asia/Shanghai)')
    .option('--mapping <file>', '读数列名→表号映射 column→meter mapping (JSON or CSV)');
}

export interface ModelWithReadings extends LoadedModel {
  /** The ingest outcome when a readings file was given. */
  readings?: IngestResult;
  applied?: ApplyOutcome;
}

/**
 * Loads a model and, when `readingsFile` is given, ingests it and writes the meter totals into
 * the model's metered flows (`pingheng check/reconcile MODEL --readings FILE`). Reports unusable
 * input on stderr (exit 2) and returns undefined.
 */
export async function readModelWithReadings(
  modelFile: string,
  readingsFile: string | undefined,
  opts: CommonOptions & ReadingsFileOptions,
): Promise<ModelWithReadings | undefined> {
  const loaded = readModel(modelFile, opts);
  if (!loaded || readingsFile === undefined) return loaded;
  try {
    const readings = await ingestFile(readingsFile, loaded.model, { ...opts, progress: !opts.json });
    const applied = applyReadingsDetailed(loaded.model, readings);
    return { model: applied.model, warnings: loaded.warnings, readings, applied };
  } catch (e) {
    if (e instanceof InputError) {
      reportInputError(e, opts);
      return undefined;
    }
    throw e;
  }
}
