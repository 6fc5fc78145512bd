import Papa from 'papaparse';
import { inputBounds } from '../data/input-bounds.ts';
import { InputError } from '../model/issues.ts';
import type { Model } from '../model/schema.ts';
import { DEFAULT_TIMEZONE, parseIsoInZone } from '../model/time.ts';
import {
  ByteKeyTable,
  FNV_OFFSET,
  FNV_PRIME,
  LineCutter,
  numberEnd,
  plainAscii,
  sameBytes,
  scanNumber,
  scanWideRow,
  wideRowOut,
} from './bytes.ts';
import {
  BinaryInputError,
  ChunkDecoder,
  DecodeError,
  encodingFromName,
  MixedEncodingError,
  SNIFF_BYTES,
} from './decode.ts';
import {
  detectDecimalComma,
  detectDelimiter,
  detectNewline,
  longColumns,
  splitHeaderUnit,
  timestampColumnByContent,
  timestampColumnByName,
  type LongColumns,
} from './detect.ts';
import { MeterSeries, type SeriesSpec } from './meter-series.ts';
import { fileUnitFactor, meterDefFromFile, meterDefsFromModel, type MeterDef } from './meters.ts';
import { isTimeZone, makeTimestampParser } from './timestamp.ts';
import type { Encoding, IngestResult, Layout, ReadingKind, RejectedEntry } from './types.ts';
import { isBlank, parseValue } from './values.ts';
import { summarise } from './result.ts';
import { localWideMeters, type WideMeters, type WideMetersFactory } from './wide-meters.ts';

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
   * them on a second thread for large files (src/cli/wide-meters-thread.ts).
   */
  wideMeters?: WideMetersFactory;
}

const SAMPLE_ROWS = 20;
/** A reading's largest magnitude (src/data/input-bounds.ts); beyond it the value is rejected with its line. */
const MAX_READING = inputBounds.maxMagnitude;
/** Rejected rows listed in full; beyond this they are counted (`rejectedNotListed`) so memory stays bounded. */
const MAX_LISTED = 100_000;
/** Wide rows buffered before their values go to the meters. */
const WIDE_BATCH = 128;

/**
 * A copy of a cell's text that does not keep the 64 KiB chunk it was cut from alive
 * (V8 slices strings: a kept cell would pin its whole chunk).
 */
function detach(text: string): string {
  return ` ${text.length > 200 ? text.slice(0, 200) : text}`.slice(1);
}
/** A number with a decimal point or a decimal comma. */
const numeric = (c: string) => !Number.isNaN(parseValue(c, false)) || !Number.isNaN(parseValue(c, true));
/** A quoted field longer than this is an unclosed quote, not data. */
const MAX_PARTIAL = 16 * 1024 * 1024;
/** Bytes after a chunk's last line break kept for the next chunk (so the fast path can take over at a line start). */
const MAX_CARRY = 1 << 20;
/** Meter names the long layout's fast path keeps by their bytes. */
const MAX_FAST_NAMES = 65_536;

/** A field's bytes as text: ASCII (checked by the caller) decodes the same in UTF-8 and Latin-1. */
const asciiDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
const asciiText = (b: Uint8Array, s: number, e: number) => asciiDecoder.decode(b.subarray(s, e));

/**
 * Streams a readings CSV (wide: a timestamp column and one column per meter; long: timestamp,
 * meter, value[, unit]) into per-meter window totals with uncertainty, gaps, coverage and
 * quality flags. `source` is any async iterable of byte chunks — a Node file stream, or
 * `File.stream()` in a browser; the file is never held whole. A chunk's memory may be reused by
 * the source once the next chunk is asked for: whatever outlives a chunk is copied.
 *
 * Every data row is counted: rows.read = rows.used + rows.rejected, and each rejected row (and
 * each rejected value of a used wide row) is listed with its line. An unusable file throws
 * InputError naming the file and line.
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
  const gapMs = options.gapMinutes !== undefined ? options.gapMinutes * 60_000 : undefined;

  /** The meter a name in the file stands for: mapping, then the model's column/id; without a model, a new meter. */
  const resolve = (name: string, unit: string | undefined): MeterDef | undefined => {
    const mapped = mapping[name];
    if (model) return byName.get(mapped ?? name);
    return meterDefFromFile(mapped ?? name, unit ?? '', defaultKind);
  };

  // state
  let encoding: Encoding = 'utf-8';
  const rows = { read: 0, used: 0, rejected: 0 };
  const values = { read: 0, used: 0, rejected: 0, empty: 0 };
  const rejected: RejectedEntry[] = [];
  let notListed = 0;
  const list = (e: RejectedEntry) => {
    if (rejected.length >= MAX_LISTED) notListed++;
    else {
      if (e.text !== undefined) e.text = detach(e.text);
      rejected.push(e);
    }
  };
  const reject = (line: number, reason: string, extra: Partial<RejectedEntry> = {}) => {
    rows.rejected++;
    list({ line, reason, ...extra });
  };
  const series: MeterSeries[] = [];
  const seriesDef: MeterDef[] = [];
  const seriesColumn: string[] = [];
  const unknownColumns: string[] = [];
  let layout: Layout = 'wide';
  let delimiter = ',';
  let decimalComma = false;
  let header: string[] | undefined;
  let headerLine = 0;
  let firstPreambleLine = 0;
  let timestampColumn = '';
  let sample: { row: string[]; line: number }[] | undefined = [];
  let onData: (row: string[], line: number) => void = () => {};
  /**
   * The fast path's reading of one data line from its bytes: true when the row was taken
   * (counted and used exactly as onData would), false — having changed nothing — when the row
   * needs the general path (anything unusual: text, spaces, a bad or repeated timestamp…).
   */
  let fastRow: ((b: Uint8Array, s: number, e: number, line: number) => boolean) | undefined;
  let flushWide = () => {};
  /** The wide layout's meters (set up with the columns). */
  let wide: WideMeters | undefined;

  /** What a meter's series needs to know, and the meter and column it is reported under. */
  const specOf = (def: MeterDef, column: string, valueFactor: number): SeriesSpec => {
    seriesDef.push(def);
    seriesColumn.push(column);
    return {
      id: def.id,
      kind: def.kind,
      valueFactor,
      ratePerHour: def.ratePerHour,
      rollover: def.rollover,
      min: def.min,
      max: def.max,
      accuracyClass: def.accuracyClass,
      gapMs,
    };
  };
  const newSeries = (def: MeterDef, column: string, valueFactor: number): MeterSeries => {
    const s = new MeterSeries(specOf(def, column, valueFactor), window);
    series.push(s);
    return s;
  };

  const setup = () => {
    const h = header!;
    const sampleRows = sample!.map((s) => s.row);
    let time = timestampColumnByName(h);
    if (time === -1) time = timestampColumnByContent(sampleRows, h.length, (s) => !Number.isNaN(parseTs(s)));
    if (time === -1)
      fail('readings.noTimestamp', { header: JSON.stringify(h.join(delimiter)).slice(0, 200) }, headerLine);
    timestampColumn = h[time];
    const long = longColumns(h, time);
    layout = options.layout ?? (long ? 'long' : 'wide');
    if (layout === 'long' && !long) fail('readings.noLongColumns', { header: h.join(delimiter) }, headerLine);
    if (layout === 'long') setupLong(long!, sampleRows);
    else setupWide(time, sampleRows);
  };

  const setupWide = (time: number, sampleRows: string[][]) => {
    const h = header!;
    const cols: number[] = [];
    const specs: SeriesSpec[] = [];
    const cells: string[] = [];
    const seen = new Map<string, number>();
    for (let j = 0; j < h.length; j++) {
      if (j === time) continue;
      const name = h[j].trim();
      if (name === '') {
        if (sampleRows.every((r) => isBlank(r[j]))) continue;
        fail('readings.emptyColumnName', { column: j + 1 }, headerLine);
      }
      // without a model, a column of text (remarks, 备注) is no meter
      if (
        !model &&
        sampleRows.length > 0 &&
        sampleRows.every((r) => isBlank(r[j]) || !numeric(r[j])) &&
        sampleRows.some((r) => !isBlank(r[j]))
      ) {
        unknownColumns.push(name);
        continue;
      }
      const split = splitHeaderUnit(name);
      let def: MeterDef | undefined;
      let headerUnitConverts = false;
      if (model) {
        def = resolve(name, undefined);
        if (!def && split.unit !== undefined) {
          def = resolve(split.name, undefined);
          headerUnitConverts = true;
        }
      } else def = meterDefFromFile(mapping[name] ?? mapping[split.name] ?? split.name, split.unit ?? '', defaultKind);
      if (!def) {
        unknownColumns.push(name);
        continue;
      }
      const prior = seen.get(def.id);
      if (prior !== undefined)
        fail('readings.duplicateColumn', { meter: def.id, first: prior + 1, second: j + 1 }, headerLine);
      seen.set(def.id, j);
      let useDef = def;
      let factor = 1;
      if (headerUnitConverts && def.unit === '') useDef = { ...def, unit: split.unit!, totalUnit: split.unit! };
      else if (headerUnitConverts) {
        const unit = split.unit!;
        factor =
          fileUnitFactor(unit, def.unit) ??
          fail('readings.columnUnit', { column: name, unit, meter: def.id, meterUnit: def.unit }, headerLine);
      }
      specs.push(specOf(useDef, name, factor));
      cols.push(j);
      for (const r of sampleRows) if (r[j] !== undefined) cells.push(r[j]);
    }
    if (cols.length === 0 && unknownColumns.length === 0) fail('readings.noMeterColumns', {}, headerLine);
    decimalComma = detectDecimalComma(cells, delimiter);
    const width = h.length;
    const nCols = cols.length;
    // a row must reach the timestamp and every meter column; trailing ignored columns may be missing
    let needed = time + 1;
    for (const j of cols) needed = Math.max(needed, j + 1);
    let lastT = -Infinity;
    /** The first row going back in time right after the first row, and its time (newest-first detection). */
    let descentLine = 0;
    let descentT = 0;
    // Values go to the meters in column-major batches: one meter's run of values at a time keeps
    // its state in cache (row by row, each row touched every meter's state: 2× slower).
    const buf = new Float64Array(WIDE_BATCH * nCols);
    const bufT = new Float64Array(WIDE_BATCH);
    const bufLine = new Float64Array(WIDE_BATCH);
    let nb = 0;
    // the meters' series are made where they run (a meter thread makes its own)
    wide =
      options.wideMeters?.(specs, window, WIDE_BATCH) ??
      localWideMeters(specs.map((spec) => new MeterSeries(spec, window)));
    const meters = wide;
    flushWide = () => {
      if (nb > 0) meters.add(bufT, buf, nb, bufLine);
      nb = 0;
    };
    const commit = (t: number, line: number, used: number, empty: number) => {
      values.read += nCols;
      values.used += used;
      values.empty += empty;
      if (used === 0) return reject(line, 'no-values');
      rows.used++;
      lastT = t;
      bufT[nb] = t;
      bufLine[nb] = line;
      if (++nb === WIDE_BATCH) flushWide();
    };
    onData = (row, line) => {
      rows.read++;
      if (row.length > width) return reject(line, 'extra-field');
      if (row.length < needed) return reject(line, 'missing-field');
      const tsText = row[time] ?? '';
      const t = parseTs(tsText);
      if (t !== t) return reject(line, 'bad-timestamp', { text: tsText });
      if (t <= lastT) {
        // a newest-first export: the first rows after the first all go back in time (two in a row);
        // one row out of order there is only that row
        if (t < lastT && rows.used === 1 && descentLine > 0 && t < descentT)
          fail('readings.descending', { line: descentLine }, descentLine);
        if (t < lastT && rows.used === 1 && descentLine === 0) {
          descentLine = line;
          descentT = t;
        }
        return reject(line, t === lastT ? 'duplicate-timestamp' : 'out-of-order', { text: tsText });
      }
      let used = 0;
      let empty = 0;
      const base = nb * nCols;
      for (let k = 0; k < nCols; k++) {
        const cell = row[cols[k]];
        if (cell === undefined || cell.length === 0) {
          empty++;
          buf[base + k] = NaN;
          continue;
        }
        const v = parseValue(cell, decimalComma);
        buf[base + k] = v;
        if (v !== v) {
          if (isBlank(cell)) values.empty++;
          else {
            values.rejected++;
            list({ line, reason: 'non-numeric', column: seriesColumn[k], meter: specs[k].id, text: cell });
          }
          continue;
        }
        if (v > MAX_READING || v < -MAX_READING) {
          buf[base + k] = NaN;
          values.rejected++;
          list({ line, reason: 'too-large', column: seriesColumn[k], meter: specs[k].id, text: cell });
          continue;
        }
        used++;
      }
      commit(t, line, used, empty);
    };
    // field j of a line → meter k (≥ 0), the timestamp (−2) or an ignored column (−1)
    const colOf = new Int32Array(width).fill(-1);
    for (let k = 0; k < nCols; k++) colOf[cols[k]] = k;
    colOf[time] = -2;
    const d = delimiter.charCodeAt(0);
    fastRow = (b, s, e, line) => {
      const base = nb * nCols;
      // the fields straight from the bytes into the batch (bytes.ts); −1: the general path
      const fields = scanWideRow(b, s, e, d, colOf, width, buf, base);
      if (fields < 0) return false;
      const used = wideRowOut[0];
      const empty = wideRowOut[1];
      const tS = wideRowOut[2];
      const tE = wideRowOut[3];
      // a short row is rejected (missing-field) by the general path; ignored columns may be missing at the end
      if (fields < needed) return false;
      if (tS < 0 || !plainAscii(b, tS, tE)) return false;
      const t = parseTs(asciiText(b, tS, tE));
      if (t !== t || t <= lastT) return false;
      rows.read++;
      commit(t, line, used, empty);
      return true;
    };
  };

  const setupLong = (c: LongColumns, sampleRows: string[][]) => {
    decimalComma = detectDecimalComma(
      sampleRows.map((r) => r[c.value] ?? ''),
      delimiter,
    );
    const needed = Math.max(c.time, c.meter, c.value) + 1;
    type Entry = { s: MeterSeries; def: MeterDef; factors: Map<string, number | undefined> };
    const lookup = new Map<string, Entry | null>();
    const byMeter = new Map<string, Entry>();
    let lastText = '';
    let lastT = NaN;
    /** The meter a name in the file stands for (null: none), resolved once per distinct name. */
    const entryFor = (name: string): Entry | null => {
      let m = lookup.get(name);
      if (m === undefined) {
        const key = detach(name);
        const def = resolve(key.trim(), undefined);
        m = def ? (byMeter.get(def.id) ?? { s: newSeries(def, key.trim(), 1), def, factors: new Map() }) : null;
        if (m) byMeter.set(m.def.id, m);
        if (lookup.size < MAX_LISTED) lookup.set(key, m);
      }
      return m;
    };
    /** The factor of a row's unit `u` (trimmed, not empty) for meter m; undefined: a unit that does not convert. */
    const unitFactor = (m: Entry, u: string): number | undefined => {
      if (u === m.def.unit) return 1;
      let g = m.factors.get(u);
      if (!m.factors.has(u)) {
        g = m.def.unit === '' ? undefined : fileUnitFactor(u, m.def.unit);
        if (m.def.unit === '' && m.s.readings === 0) {
          // a meter known only from the file takes the unit of its first row
          m.def = meterDefFromFile(m.def.id, u, m.def.kind);
          m.s.setRatePerHour(m.def.ratePerHour);
          seriesDef[series.indexOf(m.s)] = m.def;
          g = 1;
        }
        m.factors.set(u, g);
      }
      return g;
    };
    onData = (row, line) => {
      rows.read++;
      if (row.length < needed) return reject(line, 'missing-field');
      const tsText = row[c.time];
      let t: number;
      if (tsText === lastText) t = lastT;
      else {
        t = parseTs(tsText);
        lastText = tsText;
        lastT = t;
      }
      if (t !== t) return reject(line, 'bad-timestamp', { text: tsText });
      const name = row[c.meter];
      const m = entryFor(name);
      if (m === null) return reject(line, 'unknown-meter', { text: name });
      const cell = row[c.value];
      const v = isBlank(cell) ? NaN : parseValue(cell, decimalComma);
      if (v !== v) return reject(line, 'non-numeric', { meter: m.def.id, text: cell });
      if (v > MAX_READING || v < -MAX_READING) return reject(line, 'too-large', { meter: m.def.id, text: cell });
      let f = 1;
      if (c.unit >= 0) {
        const u = (row[c.unit] ?? '').trim();
        if (u !== '') {
          const g = unitFactor(m, u);
          if (g === undefined) return reject(line, 'bad-unit', { meter: m.def.id, text: u });
          f = g;
        }
      }
      const r = m.s.add(t, v * f, line);
      if (r !== undefined) return reject(line, r, { meter: m.def.id, text: tsText });
      rows.used++;
    };

    // the fast path: meters by the bytes of their names, the last timestamp by its bytes
    const names = new ByteKeyTable(MAX_FAST_NAMES);
    const entries: (Entry | null)[] = [];
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    let tsBytes = new Uint8Array(64);
    let tsLen = -1;
    let tsValue = NaN;
    // per meter: the bytes of the last unit seen in the file and their factor
    const unitBytes = new Map<Entry, { bytes: Uint8Array; f: number | undefined }>();
    const d = delimiter.charCodeAt(0);
    const cTime = c.time;
    const cMeter = c.meter;
    const cValue = c.value;
    const cUnit = c.unit;
    fastRow = (b, s, e, line) => {
      let tS = 0;
      let tE = 0;
      let tSame = false;
      let mS = 0;
      let mE = 0;
      let mHash = 0;
      let v = NaN;
      let uS = 0;
      let uE = 0;
      let j = 0;
      // one pass over each field: the timestamp compared with the last row's, the meter name
      // hashed, the value read, up to the delimiter
      for (let p = s; ; j++) {
        let q = p;
        if (j === cTime) {
          const te = p + tsLen;
          if (tsLen >= 0 && te <= e && (te === e || b[te] === d) && sameBytes(tsBytes, 0, tsLen, b, p, te)) {
            q = te;
            tSame = true;
          } else while (q < e && b[q] !== d) q++;
          tS = p;
          tE = q;
        } else if (j === cMeter) {
          let h = FNV_OFFSET;
          for (; q < e; q++) {
            const x = b[q];
            if (x === d) break;
            h = Math.imul(h ^ x, FNV_PRIME);
          }
          mS = p;
          mE = q;
          mHash = h >>> 0;
        } else if (j === cValue) {
          v = scanNumber(b, p, e, d);
          if (v !== v) return false;
          q = numberEnd;
        } else {
          while (q < e && b[q] !== d) q++;
          if (j === cUnit) {
            uS = p;
            uE = q;
          } else if (!plainAscii(b, p, q)) return false;
        }
        if (q >= e) break;
        p = q + 1;
      }
      if (j + 1 < needed) return false;
      let t: number;
      if (tSame) t = tsValue;
      else {
        if (!plainAscii(b, tS, tE)) return false;
        t = parseTs(asciiText(b, tS, tE));
        if (tE - tS > tsBytes.length) tsBytes = new Uint8Array(2 * (tE - tS));
        tsBytes.set(b.subarray(tS, tE));
        tsLen = tE - tS;
        tsValue = t;
      }
      if (t !== t) return false;
      let m: Entry | null;
      const k = names.getHashed(b, mS, mE, mHash);
      if (k >= 0) m = entries[k];
      else {
        if (b.subarray(mS, mE).indexOf(34) !== -1) return false;
        let name: string;
        try {
          name = fatal.decode(b.subarray(mS, mE));
        } catch {
          return false;
        }
        m = entryFor(name);
        if (names.size < MAX_FAST_NAMES) {
          names.add(b, mS, mE, entries.length);
          entries.push(m);
        }
      }
      if (m === null) return false;
      let f = 1;
      if (c.unit >= 0 && uE > uS) {
        const known = unitBytes.get(m);
        if (known !== undefined && sameBytes(known.bytes, 0, known.bytes.length, b, uS, uE)) {
          if (known.f === undefined) return false;
          f = known.f;
        } else {
          if (!plainAscii(b, uS, uE)) return false;
          const u = asciiText(b, uS, uE).trim();
          if (u === '') f = 1;
          else {
            const g = unitFactor(m, u);
            unitBytes.set(m, { bytes: b.slice(uS, uE), f: g });
            if (g === undefined) return false;
            f = g;
          }
        }
      }
      // add() refuses a duplicate or out-of-order reading before it changes anything
      if (m.s.add(t, v * f, line) !== undefined) return false;
      rows.read++;
      rows.used++;
      return true;
    };
  };

  const onRow = (row: string[], line: number) => {
    if (row.length === 1 && isBlank(row[0])) return; // a blank line
    if (sample === undefined) return onData(row, line);
    if (header === undefined) {
      const cells = row.filter((c) => !isBlank(c));
      if (cells.length < 2 && !isTs(cells[0])) {
        firstPreambleLine ||= line;
        return;
      }
      if (isTs(cells[0]) || cells.every(numeric))
        fail('readings.noHeader', { text: row.join(delimiter).slice(0, 80) }, line);
      header = row;
      headerLine = line;
      return;
    }
    sample.push({ row, line });
    if (sample.length >= SAMPLE_ROWS) flushSample();
  };
  const isTs = (s: string | undefined) => s !== undefined && !Number.isNaN(parseTs(s));
  const flushSample = () => {
    setup();
    const rowsToDo = sample!;
    sample = undefined;
    for (const r of rowsToDo) onData(r.row, r.line);
  };

  // the parse loop
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
  let parser: Papa.Parser | undefined;
  let newline = '\n';
  let partial = '';
  let line = 0;
  const feed = (input: string, last: boolean) => {
    const res = parser!.parse(input, 0, !last);
    const data = res.data as string[][];
    const quoted = input.indexOf('"') !== -1;
    const nl = newline === '\r' ? '\r' : '\n';
    const starts: number[] = [];
    for (const row of data) {
      line++;
      const at = line;
      if (last) starts.push(at);
      if (quoted) for (const f of row) if (f.indexOf(nl) !== -1) line += f.split(nl).length - 1;
      onRow(row, at);
    }
    if (last) {
      const err = (res.errors as Papa.ParseError[]).find((e) => e.code === 'MissingQuotes');
      if (err) fail('readings.quotes', { detail: err.message }, starts[err.row ?? starts.length - 1] ?? line);
      partial = '';
    } else {
      partial = input.slice(res.meta.cursor as number);
      if (partial.length > MAX_PARTIAL) fail('readings.quotes', { detail: 'field longer than 16 MiB' }, line + 1);
    }
  };
  const newParser = () =>
    new Papa.Parser({ delimiter, newline: newline as Papa.ParseConfig['newline'], quoteChar: '"' });
  /** Text before the parser exists: newline and delimiter are detected on its first lines. */
  let head = '';
  const startParser = () => {
    const text = head;
    head = '';
    newline = detectNewline(text);
    const lines = text.split(newline).slice(0, 12);
    if (lines.length > 1) lines.pop();
    delimiter = detectDelimiter(lines.filter((l) => l.trim() !== '').slice(0, 10));
    parser = newParser();
    feed(text, false);
  };
  const feedText = (text: string) => {
    if (parser) return feed(partial + text, false);
    head += text;
    if (head.length >= SNIFF_BYTES || head.split('\n', 12).length >= 12 || head.split('\r', 12).length >= 12)
      startParser();
  };

  // The fast path (docs/readings.md §11): once the header and the sample rows are read and the
  // file is plain UTF-8 with \n or \r\n line ends and no decimal comma, lines are cut from the
  // byte chunks and read by fastRow without strings; a line it does not take is split as
  // papaparse would split a line without quotes and goes to onRow; a line with a quote, bytes
  // that are not UTF-8 or a bare \n in a \r\n file sends the rest of the file, from that line,
  // back to papaparse (the fast path may take over again at a later chunk).
  const fastAllowed = options.fastPath !== false;
  let dec = new ChunkDecoder(forced, (e) => (encoding = e), false, options.sniffBytes);
  let fast: LineCutter | undefined;
  /** Bytes after the last line break handed to the decoder, held for the next chunk. */
  let carry: Uint8Array | undefined;
  let aligned = true;
  let fastRows = 0;
  const fatalLine = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const fastLine = (b: Uint8Array, s: number, e: number): boolean => {
    if (fastRow!(b, s, e, line + 1)) {
      line++;
      fastRows++;
      return true;
    }
    const bytesOfLine = b.subarray(s, e);
    if (bytesOfLine.indexOf(34) !== -1) return false;
    let text: string;
    try {
      text = fatalLine.decode(bytesOfLine);
    } catch {
      return false;
    }
    line++;
    onRow(text.split(delimiter), line);
    return true;
  };
  const pushGeneral = (chunk: Uint8Array, maySwitch: boolean) => {
    if (fastAllowed && (!dec.started || dec.encoding === 'utf-8')) {
      if (carry) {
        const joined = new Uint8Array(carry.length + chunk.length);
        joined.set(carry);
        joined.set(chunk, carry.length);
        chunk = joined;
        carry = undefined;
      }
      const nl = chunk.lastIndexOf(10);
      if (nl < chunk.length - 1 && chunk.length - nl - 1 <= MAX_CARRY) {
        carry = new Uint8Array(chunk.subarray(nl + 1)); // a copy: Buffer#slice would be a view of a chunk the source may reuse
        chunk = chunk.subarray(0, nl + 1);
      }
      aligned = chunk.length === 0 ? aligned : chunk[chunk.length - 1] === 10;
    } else aligned = false;
    for (const text of dec.push(chunk)) feedText(text);
    if (
      maySwitch &&
      aligned &&
      fastRow !== undefined &&
      sample === undefined &&
      parser !== undefined &&
      partial === '' &&
      dec.started &&
      dec.encoding === 'utf-8' &&
      !decimalComma &&
      (newline === '\n' || newline === '\r\n')
    ) {
      fast = new LineCutter(newline === '\r\n', fastLine);
      if (carry) {
        const c = carry;
        carry = undefined;
        pushFast(c);
      }
    }
  };
  const pushFast = (chunk: Uint8Array) => {
    const rest = fast!.push(chunk);
    if (rest !== undefined) toGeneral(rest);
  };
  /** Back to papaparse from the start of a line, with a fresh parser and decoder. */
  const toGeneral = (rest: Uint8Array) => {
    fast = undefined;
    dec = new ChunkDecoder('utf-8', () => {}, true);
    parser = newParser();
    partial = '';
    pushGeneral(rest, false);
  };
  try {
    return await readAll();
  } finally {
    wide?.close();
  }

  async function readAll(): Promise<IngestResult> {
    try {
      for await (const chunk of counted) {
        if (fast) pushFast(chunk);
        else pushGeneral(chunk, true);
      }
      if (fast) {
        const rest = fast.end();
        if (rest !== undefined) toGeneral(rest);
      }
      if (carry) {
        const c = carry;
        carry = undefined;
        aligned = false;
        for (const text of dec.push(c)) feedText(text);
      }
      for (const text of dec.end()) feedText(text);
      if (!parser && head !== '') startParser();
      if (parser) feed(partial, true);
      if (options.stats) options.stats.fastRows = fastRows;
    } catch (e) {
      if (e instanceof DecodeError) {
        const before = partial + e.before;
        fail(
          'readings.encoding',
          { encoding: e.encoding, line: line + before.split('\n').length },
          line + before.split('\n').length,
        );
      }
      if (e instanceof BinaryInputError) fail('readings.binary', {}, 1);
      if (e instanceof MixedEncodingError) fail('readings.mixedEncoding', { line: e.line }, e.line);
      throw e;
    }
    if (header === undefined) {
      if (firstPreambleLine) fail('readings.noMeterColumns', {}, firstPreambleLine);
      fail('readings.empty', {}, 1);
    }
    if (sample !== undefined) {
      if (sample.length === 0) fail('readings.noData', {}, headerLine);
      flushSample();
    }
    flushWide();
    return finish();
  }

  async function finish(): Promise<IngestResult> {
    const meters = wide ?? localWideMeters(series);
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
    return {
      file,
      encoding,
      layout,
      delimiter,
      decimalComma,
      timezone: zone,
      timestampColumn,
      rows,
      values: layout === 'long' ? { read: rows.read, used: rows.used, rejected: rows.rejected, empty: 0 } : values,
      rejected,
      rejectedNotListed: notListed,
      unknownColumns,
      ...summarise(
        summaries.map((summary, k) => ({ summary, def: seriesDef[k], column: seriesColumn[k] })),
        defs,
        start,
        end,
        windowSource,
        zone,
      ),
    };
  }
}
