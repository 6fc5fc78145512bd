import { ByteKeyTable, FNV_OFFSET, FNV_PRIME, numberEnd, plainAscii, sameBytes, scanNumber } from './bytes.ts';
import { detectDecimalComma, type LongColumns } from './detect.ts';
import { asciiText, type LayoutContext, MAX_READING, newSeries, type RowReaders } from './layout-context.ts';
import type { MeterSeries } from './meter-series.ts';
import { fileUnitFactor, meterDefFromFile, type MeterDef } from './meters.ts';
import { detach, MAX_LISTED } from './tally.ts';
import { isBlank, parseValue } from './values.ts';

/**
 * The long layout: one reading a row (timestamp, meter, value[, unit]). Each distinct meter name
 * is resolved once; a row's unit converts its value to the meter's (a meter known only from the
 * file takes the unit of its first row); each reading goes straight to its meter's series.
 */

/** Meter names the long layout's fast path keeps by their bytes. */
const MAX_FAST_NAMES = 65_536;

type Entry = { s: MeterSeries; def: MeterDef; factors: Map<string, number | undefined> };

/** Sets up the long layout on its columns `c` and the sample rows. */
export function setupLong(ctx: LayoutContext, c: LongColumns, sampleRows: string[][]): RowReaders {
  const { tally, parseTs, delimiter } = ctx;
  const rows = tally.rows;
  const decimalComma = detectDecimalComma(
    sampleRows.map((r) => r[c.value] ?? ''),
    delimiter,
  );
  const needed = Math.max(c.time, c.meter, c.value) + 1;
  const lookup = new Map<string, Entry | null>();
  const byMeter = new Map<string, Entry>();
  let lastText = '';
  let lastT = NaN;
  /** The meter a name in the file stands for (null: none), resolved once per distinct name. */
  const entryFor = (name: string): Entry | null => {
    let m = lookup.get(name);
    if (m === undefined) {
      const key = detach(name);
      const def = ctx.resolve(key.trim(), undefined);
      m = def ? (byMeter.get(def.id) ?? { s: newSeries(ctx, def, key.trim(), 1), def, factors: new Map() }) : null;
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
        ctx.seriesDef[ctx.series.indexOf(m.s)] = m.def;
        g = 1;
      }
      m.factors.set(u, g);
    }
    return g;
  };
  const onData = (row: string[], line: number) => {
    rows.read++;
    if (row.length < needed) return tally.reject(line, 'missing-field');
    const tsText = row[c.time];
    let t: number;
    if (tsText === lastText) t = lastT;
    else {
      t = parseTs(tsText);
      lastText = tsText;
      lastT = t;
    }
    if (t !== t) return tally.reject(line, 'bad-timestamp', { text: tsText });
    const name = row[c.meter];
    const m = entryFor(name);
    if (m === null) return tally.reject(line, 'unknown-meter', { text: name });
    const cell = row[c.value];
    const v = isBlank(cell) ? NaN : parseValue(cell, decimalComma);
    if (v !== v) return tally.reject(line, 'non-numeric', { meter: m.def.id, text: cell });
    if (v > MAX_READING || v < -MAX_READING) return tally.reject(line, 'too-large', { meter: m.def.id, text: cell });
    let f = 1;
    if (c.unit >= 0) {
      const u = (row[c.unit] ?? '').trim();
      if (u !== '') {
        const g = unitFactor(m, u);
        if (g === undefined) return tally.reject(line, 'bad-unit', { meter: m.def.id, text: u });
        f = g;
      }
    }
    const r = m.s.add(t, v * f, line);
    if (r !== undefined) return tally.reject(line, r, { meter: m.def.id, text: tsText });
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
  const fastRow = (b: Uint8Array, s: number, e: number, line: number) => {
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
  return { decimalComma, onData, fastRow, flush: () => {} };
}
