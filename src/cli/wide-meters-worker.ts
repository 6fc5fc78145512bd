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

const port = parentPort!;
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
