/**
 * The meter thread of a wide file (started by wide-meters-thread.ts): takes batches of rows from
 * the shared ring until the end marker, then answers the extents and the figures.
 */
import { parentPort } from 'node:worker_threads';
import { MeterSeries, type SeriesSpec } from '../readings/meter-series.ts';
import { addBatch, extentsOf } from '../readings/wide-meters.ts';
import { CTRL_LENGTH, EMPTY, FAILED, NB, SLOTS, slotViews } from './wide-meters-ring.ts';

export interface StartMessage {
  specs: SeriesSpec[];
  window?: { start: number; end: number };
  batchRows: number;
  ctrl: SharedArrayBuffer;
  data: SharedArrayBuffer;
}

/**
 * Runs the meters' code on made-up series while the thread waits for its first batch (it starts
 * with the file, before the header is read): V8 then has the hot loops optimised when the real
 * batches come, instead of spending the first of them in the interpreter (~50 ms of a 78 MB file).
 * The made-up meters are thrown away.
 */
function warmUp(): void {
  const rows = 128;
  const meters = 16;
  const values = new Float64Array(rows * meters);
  const times = new Float64Array(rows);
  const lines = new Float64Array(rows);
  const series = Array.from({ length: meters }, (_, k) => new MeterSeries({ id: `warm-up ${k}`, kind: k % 4 === 3 ? 'rate' : 'cumulative', valueFactor: 1, ratePerHour: 1 }));
  const level = Float64Array.from({ length: meters }, (_, k) => 1000 * (k + 1));
  let seed = 1;
  for (let batch = 0; batch < WARM_UP_BATCHES; batch++) {
    for (let r = 0; r < rows; r++) {
      times[r] = (batch * rows + r) * 60_000;
      lines[r] = batch * rows + r + 2;
      for (let k = 0; k < meters; k++) {
        seed = (seed * 16807) % 2147483647; // a small LCG: noisy but repeatable increments
        const step = 1 + seed / 2147483647;
        level[k] += step;
        values[r * meters + k] = k % 4 === 3 ? step : Math.round(level[k] * 100) / 100;
      }
    }
    addBatch(series, times, values, rows, lines);
  }
  extentsOf(series);
  for (const s of series) s.finish(0, WARM_UP_BATCHES * rows * 60_000);
}
/** Enough made-up batches for V8 to optimise addColumn/steadyRun and the statistics refreshes. */
const WARM_UP_BATCHES = 24;

const port = parentPort!;
warmUp();
port.once('message', (m: StartMessage) => {
  const ctrl = new Int32Array(m.ctrl, 0, CTRL_LENGTH);
  try {
    const series = m.specs.map((spec) => new MeterSeries(spec, m.window));
    const nCols = series.length;
    const slots = Array.from({ length: SLOTS }, (_, i) => slotViews(m.data, i, m.batchRows, nCols));
    for (let i = 0; ; i = (i + 1) % SLOTS) {
      Atomics.wait(ctrl, i, EMPTY);
      const nb = ctrl[NB + i];
      if (nb < 0) break;
      addBatch(series, slots[i].times, slots[i].values, nb, slots[i].lines);
      Atomics.store(ctrl, i, EMPTY);
      Atomics.notify(ctrl, i);
    }
    port.postMessage({ extents: extentsOf(series) });
    port.once('message', ({ start, end }: { start: number; end: number }) => {
      try {
        port.postMessage({ summaries: series.map((s) => s.finish(start, end)) });
      } catch (e) {
        port.postMessage({ error: String((e as Error)?.stack ?? e) });
      }
    });
  } catch (e) {
    Atomics.store(ctrl, FAILED, 1);
    for (let i = 0; i < SLOTS; i++) Atomics.notify(ctrl, i);
    port.postMessage({ error: String((e as Error)?.stack ?? e) });
  }
});
