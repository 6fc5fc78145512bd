/**
 * The meter thread of a wide file (its entry is wide-meters-worker.ts, started by
 * wide-meters-thread.ts): warms up, takes batches of rows from the shared ring until the end
 * marker, then answers the extents and the figures.
 */
import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import { MeterSeries, type SeriesSpec } from './meter-series.ts';
import { CTRL_LENGTH, EMPTY, FAILED, NB, SLOTS, slotViews } from './wide-meters-ring.ts';
import { addBatch, extentsOf } from './wide-meters.ts';

export interface StartMessage {
  specs: SeriesSpec[];
  window?: { start: number; end: number };
  batchRows: number;
  ctrl: SharedArrayBuffer;
  data: SharedArrayBuffer;
}

/**
 * Runs the meters' code on made-up series while the thread has nothing else to do (it starts
 * with the file, before the header is read): V8 then has the hot loops optimised when the real
 * batches come, instead of spending the first of them in the interpreter (~50 ms of a 78 MB file).
 * One made-up batch at a time, so the thread can stop as soon as real work is waiting: on a busy
 * machine its start and the parser's first batch come at varying times, and real batches warm
 * the code as well as made-up ones. The made-up meters are thrown away.
 */
class WarmUp {
  private readonly rows = 128;
  private readonly meters = 16;
  private readonly values = new Float64Array(this.rows * this.meters);
  private readonly times = new Float64Array(this.rows);
  private readonly lines = new Float64Array(this.rows);
  private readonly series = Array.from(
    { length: this.meters },
    (_, k) =>
      new MeterSeries({
        id: `warm-up ${k}`,
        kind: k % 4 === 3 ? 'rate' : 'cumulative',
        valueFactor: 1,
        ratePerHour: 1,
      }),
  );
  private readonly level = Float64Array.from({ length: this.meters }, (_, k) => 1000 * (k + 1));
  private seed = 1;
  private batch = 0;

  get done(): boolean {
    return this.batch === WARM_UP_BATCHES;
  }

  /** One made-up batch; after the last, the series' figures (the end-of-file code). */
  step(): void {
    const { rows, meters, values, times, lines, level } = this;
    for (let r = 0; r < rows; r++) {
      times[r] = (this.batch * rows + r) * 60_000;
      lines[r] = this.batch * rows + r + 2;
      for (let k = 0; k < meters; k++) {
        this.seed = (this.seed * 16807) % 2147483647; // a small LCG: noisy but repeatable increments
        const step = 1 + this.seed / 2147483647;
        level[k] += step;
        values[r * meters + k] = k % 4 === 3 ? step : Math.round(level[k] * 100) / 100;
      }
    }
    addBatch(this.series, times, values, rows, lines);
    if (++this.batch === WARM_UP_BATCHES) {
      extentsOf(this.series);
      for (const s of this.series) s.finish(0, WARM_UP_BATCHES * rows * 60_000);
    }
  }
}
/** Enough made-up batches for V8 to optimise addColumn/steadyRun and the statistics refreshes. */
const WARM_UP_BATCHES = 24;
/** Made-up batches run whatever is waiting (see below). */
const MIN_WARM_UP_BATCHES = 6;

/** Serves one wide file's meters on `port` (the worker's parentPort): warm-up, the batches, the figures. */
export function serveMeters(port: MessagePort): void {
  const warm = new WarmUp();
  let start: StartMessage | undefined;
  // a few made-up batches even when real work is already waiting: the meters' code then meets the
  // file's 2 000 meters part-optimised rather than cold (on the wide benchmark 6 batches, ~10 ms,
  // took the median run from 457 to 440 ms; 0, 2, 4, 6, 8, 12 were tried) …
  for (let i = 0; i < MIN_WARM_UP_BATCHES && !warm.done; i++) warm.step();
  // … and more until the parser has sent the file's meters …
  while (!warm.done && !(start = receiveMessageOnPort(port)?.message as StartMessage | undefined)) warm.step();
  if (start) run(port, warm, start);
  else port.once('message', (m: StartMessage) => run(port, warm, m));
}

function run(port: MessagePort, warm: WarmUp, m: StartMessage): void {
  const ctrl = new Int32Array(m.ctrl, 0, CTRL_LENGTH);
  try {
    const series = m.specs.map((spec) => new MeterSeries(spec, m.window));
    const nCols = series.length;
    const slots = Array.from({ length: SLOTS }, (_, i) => slotViews(m.data, i, m.batchRows, nCols));
    // … and on, until their first batch is there
    while (!warm.done && Atomics.load(ctrl, 0) === EMPTY) warm.step();
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
}
