import { Worker } from 'node:worker_threads';
import type { SeriesSummary } from './types.ts';
import type { MeterExtent, WideMeters, WideMetersFactory } from './wide-meters.ts';
import { CTRL_LENGTH, EMPTY, FAILED, FULL, NB, SLOTS, slotLength, slotViews } from './wide-meters-ring.ts';
import type { StartMessage } from './wide-meters-serve.ts';

/**
 * The meters of a wide file on a second thread, so parsing (this thread) and the meters' checks
 * (that one) run at once on two cores — docs/readings.md §12, docs/benchmarks.md. Results are
 * the same as in one thread: the same MeterSeries code sees the same batches in the same order.
 */

/** Fewer meter columns than this stay in this thread: the thread's start would cost more than it saves. */
const MIN_COLUMNS = 8;
/** Files smaller than this are read in one thread (the thread starts in ~30 ms compiled, ~220 ms under tsx). */
export const THREAD_MIN_BYTES = 16 * 1024 * 1024;
/** How long the parser waits for a free slot between checks that the meter thread is alive, ms. */
const WAIT_MS = 1000;
/** A meter thread that has not taken a batch for this long is given up on, ms. */
const STALL_MS = 120_000;

/** The worker: the .ts entry through tsx's loader when running from source, else the compiled module beside this one. */
function startWorker(): Worker {
  if (import.meta.url.endsWith('.ts')) {
    const api = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./wide-meters-worker.ts', import.meta.url).href;
    return new Worker(
      `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`,
      { eval: true },
    );
  }
  return new Worker(new URL('./wide-meters-worker.js', import.meta.url));
}

type Reply = { extents?: MeterExtent[]; summaries?: SeriesSummary[]; error?: string };

/** A meter thread started ahead of the file's header, and the factory that puts it to use. */
export interface MeterThread {
  /** For ingestReadings' `wideMeters`: the thread's meters, once; undefined for a file it does not suit. */
  factory: WideMetersFactory;
  /** Ends the thread if the factory did not take it (a long or small file). */
  close(): void;
}

/**
 * Starts the meter thread now, so its start (~30 ms compiled, ~220 ms under tsx) overlaps the
 * reading of the header and the sample rows instead of holding up the first batches.
 *
 * @example
 * // ingestReadings(source, { wideMeters: thread.factory }) hands it the meters of a wide file of ≥ 8 meter
 * // columns; a file it does not suit leaves the thread unused, and close() ends it
 * const thread = startMeterThread();
 * typeof thread.factory // => 'function'
 * thread.close();
 */
export function startMeterThread(): MeterThread {
  const worker = startWorker();
  worker.unref(); // never keeps the process alive
  // replies arrive in order: the extents, then the summaries (or an error at any point)
  const inbox: Reply[] = [];
  const waiting: ((r: Reply) => void)[] = [];
  const deliver = (r: Reply) => {
    const w = waiting.shift();
    if (w) w(r);
    else inbox.push(r);
  };
  worker.on('message', deliver);
  worker.on('error', (e) => deliver({ error: String(e?.stack ?? e) }));
  worker.on('exit', (code) => deliver({ error: `meter thread exited (${code})` }));
  const reply = async (): Promise<Reply> => {
    const r = inbox.shift() ?? (await new Promise<Reply>((resolve) => waiting.push(resolve)));
    if (r.error !== undefined) throw new Error(`meter thread: ${r.error}`);
    return r;
  };
  let taken = false;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    worker.removeAllListeners('exit');
    void worker.terminate();
  };
  const factory: WideMetersFactory = (specs, window, batchRows) => {
    if (taken || closed || specs.length < MIN_COLUMNS) return undefined;
    taken = true;
    return threadMeters(worker, reply, close, specs, window, batchRows);
  };
  return {
    factory,
    close: () => {
      if (!taken) close();
    },
  };
}

/** WideMetersFactory that starts its own thread (when the caller could not start one earlier). */
export const threadedWideMeters: WideMetersFactory = (specs, window, batchRows) => {
  if (specs.length < MIN_COLUMNS) return undefined;
  return startMeterThread().factory(specs, window, batchRows);
};

function threadMeters(
  worker: Worker,
  reply: () => Promise<Reply>,
  close: () => void,
  specs: Parameters<WideMetersFactory>[0],
  window: Parameters<WideMetersFactory>[1],
  batchRows: number,
): WideMeters {
  // every meter goes to the thread: one kept here made V8 compile the meters' code in this
  // thread too (~100 ms of compiler time on the wide benchmark, competing for the two cores),
  // more than the meters it took off the other thread (docs/readings.md §12)
  const nCols = specs.length;
  const ctrl = new Int32Array(new SharedArrayBuffer(CTRL_LENGTH * Int32Array.BYTES_PER_ELEMENT));
  const data = new SharedArrayBuffer(SLOTS * slotLength(batchRows, nCols) * Float64Array.BYTES_PER_ELEMENT);
  const slots = Array.from({ length: SLOTS }, (_, i) => slotViews(data, i, batchRows, nCols));

  const message: StartMessage = { specs, window, batchRows, ctrl: ctrl.buffer as SharedArrayBuffer, data };
  worker.postMessage(message);

  let cur = 0;
  /** Blocks until slot i is free again (the meter thread has taken its batch). */
  const claim = (i: number) => {
    let waited = 0;
    while (Atomics.load(ctrl, i) !== EMPTY) {
      if (Atomics.load(ctrl, FAILED) === 1) throw new Error('meter thread failed');
      if (Atomics.wait(ctrl, i, FULL, WAIT_MS) === 'timed-out' && (waited += WAIT_MS) >= STALL_MS)
        throw new Error('meter thread stalled');
    }
  };
  const post = (i: number, nb: number) => {
    ctrl[NB + i] = nb;
    Atomics.store(ctrl, i, FULL);
    Atomics.notify(ctrl, i);
    cur = (i + 1) % SLOTS;
  };
  const meters: WideMeters = {
    add(bufT, buf, nb, bufLine) {
      const i = cur;
      claim(i);
      const s = slots[i];
      s.values.set(buf.subarray(0, nb * nCols));
      s.times.set(bufT.subarray(0, nb));
      s.lines.set(bufLine.subarray(0, nb));
      post(i, nb);
    },
    async extents() {
      const i = cur;
      claim(i);
      post(i, -1);
      return (await reply()).extents!;
    },
    async finish(start, end) {
      worker.postMessage({ start, end });
      const summaries = (await reply()).summaries!;
      close();
      return summaries;
    },
    close,
  };
  return meters;
}
