import { plainAscii, scanWideRow, wideRowOut } from './bytes.ts';
import { detectDecimalComma, splitHeaderUnit } from './detect.ts';
import { asciiText, type LayoutContext, MAX_READING, type RowReaders, specOf } from './layout-context.ts';
import { MeterSeries, type SeriesSpec } from './meter-series.ts';
import { fileUnitFactor, meterDefFromFile, type MeterDef } from './meters.ts';
import { isBlank, looksNumeric, parseValue } from './values.ts';
import { localWideMeters } from './wide-meters.ts';

/**
 * The wide layout: a timestamp column and one column per meter. The header's columns become
 * meters (mapping, the model's names, a unit in the header converted to the meter's); each data
 * row is checked (fields, timestamp in time order) and its values go to the meters in
 * column-major batches.
 */

/** Wide rows buffered before their values go to the meters. */
export const WIDE_BATCH = 128;

/** Sets up the wide layout on the header `h` (timestamp in column `time`) and the sample rows. */
export function setupWide(ctx: LayoutContext, h: string[], time: number, sampleRows: string[][]): RowReaders {
  const { model, mapping, defaultKind, parseTs, window, delimiter, headerLine, tally, fail } = ctx;
  const rows = tally.rows;
  const values = tally.values;
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
      sampleRows.every((r) => isBlank(r[j]) || !looksNumeric(r[j])) &&
      sampleRows.some((r) => !isBlank(r[j]))
    ) {
      ctx.unknownColumns.push(name);
      continue;
    }
    const split = splitHeaderUnit(name);
    let def: MeterDef | undefined;
    let headerUnitConverts = false;
    if (model) {
      def = ctx.resolve(name, undefined);
      if (!def && split.unit !== undefined) {
        def = ctx.resolve(split.name, undefined);
        headerUnitConverts = true;
      }
    } else def = meterDefFromFile(mapping[name] ?? mapping[split.name] ?? split.name, split.unit ?? '', defaultKind);
    if (!def) {
      ctx.unknownColumns.push(name);
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
    specs.push(specOf(ctx, useDef, name, factor));
    cols.push(j);
    for (const r of sampleRows) if (r[j] !== undefined) cells.push(r[j]);
  }
  if (cols.length === 0 && ctx.unknownColumns.length === 0) fail('readings.noMeterColumns', {}, headerLine);
  const decimalComma = detectDecimalComma(cells, delimiter);
  const seriesColumn = ctx.seriesColumn;
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
  const meters =
    ctx.wideMeters?.(specs, window, WIDE_BATCH) ?? localWideMeters(specs.map((spec) => new MeterSeries(spec, window)));
  const flush = () => {
    if (nb > 0) meters.add(bufT, buf, nb, bufLine);
    nb = 0;
  };
  const commit = (t: number, line: number, used: number, empty: number) => {
    values.read += nCols;
    values.used += used;
    values.empty += empty;
    if (used === 0) return tally.reject(line, 'no-values');
    rows.used++;
    lastT = t;
    bufT[nb] = t;
    bufLine[nb] = line;
    if (++nb === WIDE_BATCH) flush();
  };
  const onData = (row: string[], line: number) => {
    rows.read++;
    if (row.length > width) return tally.reject(line, 'extra-field');
    if (row.length < needed) return tally.reject(line, 'missing-field');
    const tsText = row[time] ?? '';
    const t = parseTs(tsText);
    if (t !== t) return tally.reject(line, 'bad-timestamp', { text: tsText });
    if (t <= lastT) {
      // a newest-first export: the first rows after the first all go back in time (two in a row);
      // one row out of order there is only that row
      if (t < lastT && rows.used === 1 && descentLine > 0 && t < descentT)
        fail('readings.descending', { line: descentLine }, descentLine);
      if (t < lastT && rows.used === 1 && descentLine === 0) {
        descentLine = line;
        descentT = t;
      }
      return tally.reject(line, t === lastT ? 'duplicate-timestamp' : 'out-of-order', { text: tsText });
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
          tally.list({ line, reason: 'non-numeric', column: seriesColumn[k], meter: specs[k].id, text: cell });
        }
        continue;
      }
      if (v > MAX_READING || v < -MAX_READING) {
        buf[base + k] = NaN;
        values.rejected++;
        tally.list({ line, reason: 'too-large', column: seriesColumn[k], meter: specs[k].id, text: cell });
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
  const fastRow = (b: Uint8Array, s: number, e: number, line: number) => {
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
  return { decimalComma, onData, fastRow, flush, wide: meters };
}
