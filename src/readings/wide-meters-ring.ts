/**
 * The shared-memory ring between the ingest (the main thread, parsing) and the meter thread
 * (src/readings/wide-meters-serve.ts): SLOTS batches of wide rows in a SharedArrayBuffer, each slot
 * EMPTY (the parser may fill it) or FULL (the meters may read it), handed over with
 * Atomics.wait/notify — no copies through postMessage and no event-loop turns per batch.
 */

/** Batches in flight: enough to cover the meter thread's start (~30 ms bundled) while the parser runs on. */
export const SLOTS = 4;
export const EMPTY = 0;
export const FULL = 1;
/** ctrl[i] is slot i's state; ctrl[SLOTS + i] its row count (−1: the end of the data). */
export const NB = SLOTS;
/** ctrl[FAILED] = 1 when the meter thread has thrown (the parser must not wait for it). */
export const FAILED = 2 * SLOTS;
export const CTRL_LENGTH = 2 * SLOTS + 1;

/** Doubles per slot: the values (batchRows × nCols), then the rows' times and lines. */
export const slotLength = (batchRows: number, nCols: number) => batchRows * (nCols + 2);

/** Slot i's three arrays over the shared data. */
export function slotViews(data: SharedArrayBuffer, i: number, batchRows: number, nCols: number) {
  const base = i * slotLength(batchRows, nCols) * Float64Array.BYTES_PER_ELEMENT;
  const values = new Float64Array(data, base, batchRows * nCols);
  const times = new Float64Array(data, base + values.byteLength, batchRows);
  const lines = new Float64Array(data, base + values.byteLength + times.byteLength, batchRows);
  return { values, times, lines };
}
