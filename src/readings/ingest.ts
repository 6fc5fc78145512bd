import { InputError } from '../model/issues.ts';
import { DEFAULT_TIMEZONE, parseIsoInZone } from '../model/time.ts';
import { CsvReader } from './csv-reader.ts';
import { encodingFromName } from './decode.ts';
import { longColumns, timestampColumnByContent, timestampColumnByName } from './detect.ts';
import type { LayoutContext, RowReaders } from './layout-context.ts';
import { setupLong } from './long-layout.ts';
import { meterDefFromFile, meterDefsFromModel, type MeterDef } from './meters.ts';
import { summarise } from './result.ts';
import { Tally } from './tally.ts';
import { isTimeZone, makeTimestampParser } from './timestamp.ts';
import type { Encoding, IngestResult, Layout, ReadingKind } from './types.ts';
import { isBlank, looksNumeric } from './values.ts';
import { localWideMeters, type WideMetersFactory } from './wide-meters.ts';
import { setupWide } from './wide-layout.ts';
import type { Model } from '../model/schema.ts';

export interface IngestOptions {
  /** File name for messages. */
  file?: string;
  /** The plant model: meters, their reading kinds and units, the campaign window and zone. */
  model?: Model;
  /** Column (wide) or meter name (long) in the file → meter id, for files that do not use the model's names. */
  mapping?: Record<string, string>;
  /** Force an encoding (utf-8, gb18030/gbk, utf-16le/be); detected otherwise. */
  encoding?: string;
  /** Zone of timestamps without offset; default the campaign's, else Asia/Shanghai. */
  timezone?: string;
  layout?: Layout;
  /** Reading kind of meters the model does not describe (default cumulative). */
  defaultKind?: ReadingKind;
  /** Window override, UTC ms; default the model's campaign, else the data's extent. */
  window?: { start: number; end: number };
  /** Gap threshold override in minutes (default 1.5 × each meter's nominal interval). */
  gapMinutes?: number;
  /** Called with the bytes read so far (for a progress bar). */
  onProgress?: (bytes: number) => void;
  /**
   * The byte-level fast path for plain UTF-8 rows (default true; false reads every row through
   * papaparse — the same result, slower; tests compare the two).
   */
  fastPath?: boolean;
  /** Bytes gathered to detect the encoding (default 64 KiB; tests use less so small files reach the fast path). */
  sniffBytes?: number;
  /** Filled in with how many data lines the fast path read (diagnostics and tests). */
  stats?: { fastRows: number };
  /**
   * Where the meters of a wide file run (default: in this thread). The CLI passes one that runs
   * them on a second thread for large files (src/readings/wide-meters-thread.ts).
   */
  wideMeters?: WideMetersFactory;
}

/** Rows after the header read before the layout is set up (timestamp column, units, decimal comma). */
const SAMPLE_ROWS = 20;

/**
 * Streams a readings CSV (wide: a timestamp column and one column per meter; long: timestamp,
 * meter, value[, unit]) into per-meter window totals with uncertainty, gaps, coverage and
 * quality flags. `source` is any async iterable of byte chunks — a Node file stream, or
 * `File.stream()` in a browser; the file is never held whole. A chunk's memory may be reused by
 * the source once the next chunk is asked for: whatever outlives a chunk is copied.
 *
 * The bytes become rows in the parser state machine (csv-reader.ts); here the rows go through
 * their own stages — preamble, header, sample rows, data — and the header and sample set up the
 * layout (wide-layout.ts, long-layout.ts), which reads the data rows into the meters' series.
 *
 * Every data row is counted: rows.read = rows.used + rows.rejected, and each rejected row (and
 * each rejected value of a used wide row) is listed with its line (tally.ts). An unusable file
 * throws InputError naming the file and line.
 *
 * @example
 * // the dyeing plant's 72 h campaign, hourly: 73 rows, every one used; MW01 read 6 550 t (last − first)
 * const { model } = parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json');
 * const r = await ingestReadings([readFileSync('datasets/dyeing-readings.csv')], { file: 'dyeing-readings.csv', model });
 * [r.rows, r.window.hours, r.window.meetsMinimum, r.meters.find((m) => m.id === 'MW01').total] // => [{ read: 73, used: 73, rejected: 0 }, 72, true, 6550]
 */
export async function ingestReadings(
  source: AsyncIterable<Uint8Array>,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const file = options.file ?? 'readings.csv';
  const fail = (code: string, params: Record<string, string | number> = {}, line?: number): never => {
    throw new InputError(file, [{ severity: 'error', path: [], code, params, line }]);
  };
  const model = options.model;
  let forced: Encoding | undefined;
  if (options.encoding !== undefined)
    forced = encodingFromName(options.encoding) ?? fail('readings.unknownEncoding', { encoding: options.encoding });
  const zone = options.timezone ?? model?.campaign?.timezone ?? DEFAULT_TIMEZONE;
  if (!isTimeZone(zone)) fail('readings.unknownZone', { zone });
  const parseTs = makeTimestampParser(zone);
  let window = options.window;
  let windowSource: 'campaign' | 'data' = options.window ? 'campaign' : 'data';
  if (!window && model?.campaign) {
    const start = parseIsoInZone(model.campaign.start, zone);
    const end = parseIsoInZone(model.campaign.end, zone);
    if (end > start) {
      window = { start, end };
      windowSource = 'campaign';
    }
  }
  const defaultKind = options.defaultKind ?? 'cumulative';
  const defs = model ? meterDefsFromModel(model, defaultKind) : [];
  const byId = new Map(defs.map((d) => [d.id, d]));
  const byName = new Map<string, MeterDef>();
  for (const d of defs) byName.set(d.id, d);
  for (const d of defs) byName.set(d.column, d);
  const mapping = options.mapping ?? {};
  if (model)
    for (const id of Object.values(mapping)) if (!byId.has(id)) fail('readings.mappingUnknownMeter', { meter: id });

  const ctx: LayoutContext = {
    fail,
    model,
    mapping,
    defaultKind,
    resolve: (name, unit) => {
      const mapped = mapping[name];
      if (model) return byName.get(mapped ?? name);
      return meterDefFromFile(mapped ?? name, unit ?? '', defaultKind);
    },
    parseTs,
    window,
    gapMs: options.gapMinutes !== undefined ? options.gapMinutes * 60_000 : undefined,
    delimiter: ',',
    headerLine: 0,
    tally: new Tally(),
    seriesDef: [],
    seriesColumn: [],
    series: [],
    unknownColumns: [],
    wideMeters: options.wideMeters,
  };

  // the rows' stages: preamble and header (header undefined), sample rows (sample defined), data (readers set)
  let layout: Layout = 'wide';
  let header: string[] | undefined;
  let firstPreambleLine = 0;
  let timestampColumn = '';
  let sample: { row: string[]; line: number }[] | undefined = [];
  let readers: RowReaders | undefined;
  const isTs = (s: string | undefined) => s !== undefined && !Number.isNaN(parseTs(s));

  /** The layout, from the header and the sample rows. */
  const setup = (): RowReaders => {
    const h = header!;
    const sampleRows = sample!.map((s) => s.row);
    ctx.delimiter = reader.delimiter;
    let time = timestampColumnByName(h);
    if (time === -1) time = timestampColumnByContent(sampleRows, h.length, (s) => !Number.isNaN(parseTs(s)));
    if (time === -1)
      fail('readings.noTimestamp', { header: JSON.stringify(h.join(ctx.delimiter)).slice(0, 200) }, ctx.headerLine);
    timestampColumn = h[time];
    const long = longColumns(h, time);
    layout = options.layout ?? (long ? 'long' : 'wide');
    if (layout === 'long' && !long) fail('readings.noLongColumns', { header: h.join(ctx.delimiter) }, ctx.headerLine);
    return layout === 'long' ? setupLong(ctx, long!, sampleRows) : setupWide(ctx, h, time, sampleRows);
  };
  const flushSample = () => {
    readers = setup();
    const rowsToDo = sample!;
    sample = undefined;
    for (const r of rowsToDo) readers.onData(r.row, r.line);
  };
  const onRow = (row: string[], line: number) => {
    if (row.length === 1 && isBlank(row[0])) return; // a blank line
    if (sample === undefined) return readers!.onData(row, line);
    if (header === undefined) {
      const cells = row.filter((c) => !isBlank(c));
      if (cells.length < 2 && !isTs(cells[0])) {
        firstPreambleLine ||= line;
        return;
      }
      if (isTs(cells[0]) || cells.every(looksNumeric))
        fail('readings.noHeader', { text: row.join(reader.delimiter).slice(0, 80) }, line);
      header = row;
      ctx.headerLine = line;
      return;
    }
    sample.push({ row, line });
    if (sample.length >= SAMPLE_ROWS) flushSample();
  };

  const reader = new CsvReader(
    {
      row: onRow,
      fastRow: () =>
        sample === undefined && readers !== undefined && !readers.decimalComma ? readers.fastRow : undefined,
    },
    fail,
    { encoding: forced, fastPath: options.fastPath !== false, sniffBytes: options.sniffBytes },
  );
  let bytes = 0;
  const counted = options.onProgress
    ? (async function* () {
        for await (const chunk of source) {
          bytes += chunk.length;
          options.onProgress!(bytes);
          yield chunk;
        }
      })()
    : source;
  try {
    await reader.read(counted);
    if (options.stats) options.stats.fastRows = reader.fastRows;
    if (header === undefined) {
      if (firstPreambleLine) fail('readings.noMeterColumns', {}, firstPreambleLine);
      fail('readings.empty', {}, 1);
    }
    if (sample !== undefined) {
      if (sample.length === 0) fail('readings.noData', {}, ctx.headerLine);
      flushSample();
    }
    readers!.flush();
    return await finish();
  } finally {
    readers?.wide?.close();
  }

  async function finish(): Promise<IngestResult> {
    const meters = readers!.wide ?? localWideMeters(ctx.series);
    const extents = await meters.extents();
    // window: the campaign, else the data's extent
    let start = window?.start ?? Infinity;
    let end = window?.end ?? -Infinity;
    if (!window) {
      for (const x of extents) {
        if (x.readings === 0) continue;
        start = Math.min(start, x.start);
        end = Math.max(end, x.last);
      }
      if (!(end > start)) start = end = Number.isFinite(start) ? start : 0;
    }
    const summaries = await meters.finish(start, end);
    const { rows, values, rejected, notListed } = ctx.tally;
    return {
      file,
      encoding: reader.encoding,
      layout,
      delimiter: reader.delimiter,
      decimalComma: readers!.decimalComma,
      timezone: zone,
      timestampColumn,
      rows,
      values: layout === 'long' ? { read: rows.read, used: rows.used, rejected: rows.rejected, empty: 0 } : values,
      rejected,
      rejectedNotListed: notListed,
      unknownColumns: ctx.unknownColumns,
      ...summarise(
        summaries.map((summary, k) => ({ summary, def: ctx.seriesDef[k], column: ctx.seriesColumn[k] })),
        defs,
        start,
        end,
        windowSource,
        zone,
      ),
    };
  }
}
