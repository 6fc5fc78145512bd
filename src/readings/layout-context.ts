import { inputBounds } from '../data/input-bounds.ts';
import type { Model } from '../model/schema.ts';
import { MeterSeries, type SeriesSpec } from './meter-series.ts';
import type { MeterDef } from './meters.ts';
import type { Tally } from './tally.ts';
import type { ReadingKind } from './types.ts';
import type { WideMeters, WideMetersFactory } from './wide-meters.ts';

/**
 * What the set-up of a layout (wide-layout.ts, long-layout.ts) is given by the ingest, and what it
 * hands back: the two readers of a data row, one of split fields and one of the line's bytes.
 */

/** A reading's largest magnitude (src/data/input-bounds.ts); beyond it the value is rejected with its line. */
export const MAX_READING = inputBounds.maxMagnitude;

/**
 * The fast path's reading of one data line from its bytes [s, e) of b: true when the row was taken
 * (counted and used exactly as onData would), false — having changed nothing — when the row needs
 * the general path (anything unusual: text, spaces, a bad or repeated timestamp…).
 */
export type FastRow = (b: Uint8Array, s: number, e: number, line: number) => boolean;

export interface LayoutContext {
  /** Throws the InputError of the file (code, parameters, line). */
  fail: (code: string, params?: Record<string, string | number>, line?: number) => never;
  model: Model | undefined;
  mapping: Record<string, string>;
  defaultKind: ReadingKind;
  /** The meter a name in the file stands for: mapping, then the model's column/id; without a model, a new meter. */
  resolve: (name: string, unit: string | undefined) => MeterDef | undefined;
  parseTs: (text: string) => number;
  window: { start: number; end: number } | undefined;
  /** Gap threshold override, ms. */
  gapMs: number | undefined;
  delimiter: string;
  headerLine: number;
  tally: Tally;
  /** The meters' definitions and columns, in the order of their series' summaries. */
  seriesDef: MeterDef[];
  seriesColumn: string[];
  /** The series made in this thread (the long layout; the wide one's are in its WideMeters). */
  series: MeterSeries[];
  /** Wide columns that are no meter (ignored, reported). */
  unknownColumns: string[];
  /** Where the meters of a wide file run (IngestOptions.wideMeters). */
  wideMeters: WideMetersFactory | undefined;
}

/** A layout set up on the header and the sample rows. */
export interface RowReaders {
  /** Whether the file writes decimals with a comma (detected on the sample's values). */
  decimalComma: boolean;
  /** One data row, split into fields. */
  onData: (row: string[], line: number) => void;
  fastRow: FastRow;
  /** Hands rows still buffered to the meters (the end of the data). */
  flush: () => void;
  /** The wide layout's meters. */
  wide?: WideMeters;
}

/** What a meter's series needs to know; the meter and column are recorded to report it under. */
export function specOf(ctx: LayoutContext, def: MeterDef, column: string, valueFactor: number): SeriesSpec {
  ctx.seriesDef.push(def);
  ctx.seriesColumn.push(column);
  return {
    id: def.id,
    kind: def.kind,
    valueFactor,
    ratePerHour: def.ratePerHour,
    rollover: def.rollover,
    min: def.min,
    max: def.max,
    accuracyClass: def.accuracyClass,
    gapMs: ctx.gapMs,
  };
}

/** A series for a meter, made in this thread. */
export function newSeries(ctx: LayoutContext, def: MeterDef, column: string, valueFactor: number): MeterSeries {
  const s = new MeterSeries(specOf(ctx, def, column, valueFactor), ctx.window);
  ctx.series.push(s);
  return s;
}

/** A field's bytes as text: ASCII (checked by the caller) decodes the same in UTF-8 and Latin-1. */
const asciiDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
export const asciiText = (b: Uint8Array, s: number, e: number) => asciiDecoder.decode(b.subarray(s, e));
