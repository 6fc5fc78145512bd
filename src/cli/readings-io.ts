import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Papa from 'papaparse';
import {
  InputError,
  issue,
  type InputIssue,
  type PathSegment,
  MAX_JSON_BYTES,
  parseJsonText,
  type LoadedModel,
  type Model,
} from '../model/index.ts';
import { decodeText } from '../text/index.ts';
import {
  applyReadingsDetailed,
  type ApplyOutcome,
  ingestReadings,
  type IngestOptions,
  type IngestResult,
  type Layout,
  type ReadingKind,
} from '../readings/index.ts';
import type { Command } from 'commander';
import { readInputFile, readModel, reportInputError, unreadable, type CommonOptions } from './io.ts';
import { startMeterThread, THREAD_MIN_BYTES } from '../node.ts';

/** Node side of readings ingestion: file streams, mapping files, a progress bar, model + readings in one call. */

export interface ReadingsFileOptions {
  encoding?: string;
  tz?: string;
  mapping?: string;
  layout?: Layout;
  kind?: ReadingKind;
  gapMinutes?: number;
}

/** Bytes per read: 256 KiB reads took ~10 % off the wide benchmark against 64 KiB ones (fewer thread-pool trips). */
const READ_BYTES = 1 << 18;

/**
 * A file as a stream of byte chunks for ingestReadings, read synchronously into one reused buffer.
 * Synchronous: an asynchronous read waits for a thread-pool thread, and while the ingest keeps
 * both cores busy (parsing here, the meters on their thread) that thread waited for a core — the
 * parser sat idle ~100 ms on the 78 MB benchmark file. Reused: a read stream allocates a buffer
 * per chunk (1 200 for that file, and the GCs they cause). A chunk is valid until the caller asks
 * for the next one — ingestReadings copies what it keeps (the tail of a line, the undecoded end
 * of a multi-byte character).
 */
export async function* fileSource(file: string): AsyncGenerator<Uint8Array> {
  const fd = openSync(file, 'r');
  try {
    const buf = new Uint8Array(READ_BYTES);
    for (let position = 0; ; ) {
      const n = readSync(fd, buf, 0, READ_BYTES, position);
      if (n === 0) return;
      position += n;
      yield buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a mapping file, column (or meter name in the file) → meter id: a JSON object
 * `{"1#锅炉给水": "M1"}`, or a CSV of two columns with a header (`column,meter`), in UTF-8 or GB18030.
 * Every bad entry — not a string, or (with a model) a meter the model does not have — is reported
 * at once, located in the mapping file (JSON path or line).
 */
export function readMapping(file: string, model?: Model): Record<string, string> {
  let bytes: Uint8Array;
  try {
    bytes = readInputFile(file, MAX_JSON_BYTES);
  } catch (e) {
    throw e instanceof InputError ? e : unreadable(file, e, 'readings.mapping');
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    const { code, encoding, line } = decoded;
    throw new InputError(file, [{ ...issue([], `json.${code}Encoding`, { encoding, line }), line }]);
  }
  const text = decoded.text;
  const out: Record<string, string> = {};
  const issues: InputIssue[] = [];
  const meters = model ? new Set((model.meters ?? []).map((m) => m.id)) : undefined;
  /** One pair; the path (JSON) or line (CSV) of a bad one. */
  const add = (column: string, id: unknown, path: PathSegment[], line?: number) => {
    const at = (code: string, params: Record<string, string>) =>
      issues.push({ ...issue(path, code, params), ...(line !== undefined ? { line } : {}) });
    if (typeof id !== 'string' || id.trim() === '') at('readings.mappingShape', { column });
    else if (meters && !meters.has(id)) at('readings.mappingUnknownMeter', { meter: id });
    else out[column] = id;
  };
  if (/^\s*[{[]/.test(text)) {
    const { data, duplicates } = parseJsonText(text, file);
    issues.push(...duplicates);
    if (data === null || typeof data !== 'object' || Array.isArray(data))
      throw new InputError(file, [{ ...issue([], 'readings.mappingShape', { column: '' }), line: 1 }]);
    for (const [k, v] of Object.entries(data)) add(k, v, [k]);
  } else {
    const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
    parsed.data.slice(1).forEach((row, i) => {
      const line = i + 2;
      if (row.length < 2 || row[0]!.trim() === '')
        issues.push({ ...issue([], 'readings.mappingShape', { column: row[0] ?? '' }), line });
      else add(row[0]!.trim(), row[1]!.trim(), [], line);
    });
  }
  if (issues.length > 0) throw new InputError(file, issues);
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
    process.stderr.write(
      `\r${label} [${'#'.repeat(done)}${'.'.repeat(width - done)}] ${(share * 100).toFixed(0)}% ${(bytes / 1e6).toFixed(0)} MB`,
    );
    if (bytes >= size) process.stderr.write('\n');
  };
}

/** Ingests a readings file; throws InputError (file + line) when it is unusable. */
export async function ingestFile(
  file: string,
  model: Model | undefined,
  opts: ReadingsFileOptions & { lang?: 'zh' | 'en'; progress?: boolean; window?: IngestOptions['window'] },
): Promise<IngestResult> {
  const options: IngestOptions = {
    file,
    model,
    encoding: opts.encoding,
    timezone: opts.tz,
    layout: opts.layout,
    defaultKind: opts.kind,
    gapMinutes: opts.gapMinutes,
    window: opts.window,
    mapping: opts.mapping ? readMapping(opts.mapping, model) : undefined,
    onProgress: opts.progress ? progressBar(file, opts.lang ?? 'zh') : undefined,
  };
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new InputError(file, [
      { severity: 'error', path: [], code: 'readings.read', params: { detail: (e as Error).message } },
    ]);
  }
  // a large file: a meter thread in case it is wide (parsing here, the meters' checks there;
  // PINGHENG_THREADS=0: one thread), started now so its start overlaps the header's reading
  const thread = size >= THREAD_MIN_BYTES && process.env.PINGHENG_THREADS !== '0' ? startMeterThread() : undefined;
  try {
    return await ingestReadings(fileSource(file), { ...options, wideMeters: thread?.factory });
  } catch (e) {
    // an unknown --tz or --encoding is the command line's fault: located at the option
    if (e instanceof InputError)
      for (const i of e.issues) {
        const option = OPTION_OF[i.code];
        if (option && opts[option.key] !== undefined) i.option = option.name;
      }
    throw e;
  } finally {
    thread?.close();
  }
}
const OPTION_OF: Record<string, { key: 'tz' | 'encoding'; name: string }> = {
  'readings.unknownZone': { key: 'tz', name: '--tz' },
  'readings.unknownEncoding': { key: 'encoding', name: '--encoding' },
};

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
