import type { MeterSeries, SeriesSpec } from './meter-series.ts';
import type { SeriesSummary } from './types.ts';

/** Where a meter's data lies once its readings are in (for a window taken from the data). */
export interface MeterExtent {
  readings: number;
  /** MeterSeries.dataStart(). */
  start: number;
  last: number;
}

/**
 * The meters of a wide file. Rows reach them in batches: buf[r · nCols + k] is meter k's value
 * in row r < nb (NaN: none), at time bufT[r] on line bufLine[r]; the arrays are the caller's
 * again when add() returns. Figures come out at the end. In-thread here; the CLI can run the
 * meters on a second thread behind the same interface (src/readings/wide-meters-thread.ts).
 */
export interface WideMeters {
  add(bufT: Float64Array, buf: Float64Array, nb: number, bufLine: Float64Array): void;
  /** Settles every meter (after the last add) and says where its data lies. */
  extents(): Promise<MeterExtent[]>;
  /** Each meter's figures over [start, end] (after extents()). */
  finish(start: number, end: number): Promise<SeriesSummary[]>;
  /** Releases what the meters hold (a thread); safe to call at any time, and again. */
  close(): void;
}

/** Makes the WideMeters of a file's meter columns, or undefined to keep them in this thread. */
export type WideMetersFactory = (
  specs: SeriesSpec[],
  window: { start: number; end: number } | undefined,
  batchRows: number,
) => WideMeters | undefined;

/** The batch of rows [0, nb) into the meters, one meter's column at a time (its state stays in cache). */
export function addBatch(
  series: MeterSeries[],
  bufT: Float64Array,
  buf: Float64Array,
  nb: number,
  bufLine: Float64Array,
): void {
  const n = series.length;
  for (let k = 0; k < n; k++) series[k].addColumn(bufT, buf, k, n, nb, bufLine);
}

export function extentsOf(series: MeterSeries[]): MeterExtent[] {
  return series.map((s) => {
    s.settle();
    return { readings: s.readings, start: s.dataStart(), last: s.last };
  });
}

/** Meters in this thread (the browser, small files, the long layout). */
export function localWideMeters(series: MeterSeries[]): WideMeters {
  return {
    add: (bufT, buf, nb, bufLine) => addBatch(series, bufT, buf, nb, bufLine),
    extents: async () => extentsOf(series),
    finish: async (start, end) => series.map((s) => s.finish(start, end)),
    close: () => {},
  };
}
