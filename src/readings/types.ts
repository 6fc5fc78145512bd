/** How a meter's readings are to be read (`meter.reading.kind`). */
export type ReadingKind = 'cumulative' | 'rate' | 'interval';
export type Layout = 'wide' | 'long';
export type { Encoding } from '../text/encoding.ts';
import type { Encoding } from '../text/encoding.ts';

/** A row or a value that could not be used, with its 1-based line in the file. */
export interface RejectedEntry {
  line: number;
  /** Stable code: bad-timestamp, non-numeric, unknown-meter, duplicate-timestamp, out-of-order, bad-unit, missing-field, no-values. */
  reason: string;
  /** Wide layout: the column of a rejected value (the row itself was used). */
  column?: string;
  meter?: string;
  text?: string;
}

export interface MeterResultFlag extends FlagCount {
  code: FlagCode;
}

/**
 * One meter's outcome over the window; times are ISO 8601 in the campaign's zone. `sd` is the
 * standard uncertainty of `total`, √(sdClass² + sdInterpolation²) (docs/readings.md §4).
 */
export interface MeterResult
  extends Pick<
    SeriesSummary,
    'total' | 'sd' | 'sdClass' | 'sdInterpolation' | 'sdBasis' | 'coverage' | 'readings' | 'outsideWindow'
  > {
  id: string;
  column: string;
  kind: ReadingKind;
  /** Unit of `total` ('' when no unit is known). */
  unit: string;
  first: string | null;
  last: string | null;
  nominalIntervalMinutes: number | null;
  gaps: { start: string; end: string; hours: number }[];
  flags: MeterResultFlag[];
  /** Counts towards the window's continuity check. */
  matters: boolean;
}

export interface WindowResult {
  start: string;
  end: string;
  hours: number;
  source: 'campaign' | 'data';
  longestContinuousHours: number;
  longestContinuous: { start: string; end: string } | null;
  minimumHours: number;
  meetsMinimum: boolean;
  /** Meters whose gaps count for continuity. */
  meters: string[];
}

/** The outcome of ingesting one readings file (the `pingheng ingest --json` document). */
export interface IngestResult {
  file: string;
  encoding: Encoding;
  layout: Layout;
  delimiter: string;
  decimalComma: boolean;
  timezone: string;
  timestampColumn: string;
  rows: { read: number; used: number; rejected: number };
  values: { read: number; used: number; rejected: number; empty: number };
  rejected: RejectedEntry[];
  /** Rejected rows and values beyond the first 100 000, counted but not listed (bounded memory). */
  rejectedNotListed: number;
  meters: MeterResult[];
  /** Wide columns that are no meter of the model (ignored). */
  unknownColumns: string[];
  /** Meters of the model that expect readings but have none in the file. */
  missingMeters: string[];
  window: WindowResult;
}

/* What a meter series (meter-series.ts) hands back: plain data, here so that the result types above and the
   series need not import each other. */

export interface Example {
  at: number;
  line: number;
  value?: number;
  end?: number;
}

export interface FlagCount {
  count: number;
  examples: Example[];
}

export interface Gap {
  start: number;
  end: number;
}

export const FLAG_CODES = ['stuck', 'negative-increment', 'spike', 'out-of-range', 'rollover', 'reset'] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

/** Finished figures of one meter over the window (times in UTC ms). */
export interface SeriesSummary {
  readings: number;
  outsideWindow: number;
  first: number;
  last: number;
  nominalIntervalMs: number;
  total: number;
  sd: number;
  sdClass: number;
  sdInterpolation: number;
  sdBasis: 'accuracy-class' | 'source-default';
  coverage: number;
  gaps: Gap[];
  flags: Partial<Record<FlagCode, FlagCount>>;
}
