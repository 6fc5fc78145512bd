/**
 * The meter thread's entry (wide-meters-thread.ts starts it; the compiled CLI finds it beside that
 * module as wide-meters-worker.js): the work is in wide-meters-serve.ts.
 */
import { parentPort } from 'node:worker_threads';
import { serveMeters } from './wide-meters-serve.ts';

serveMeters(parentPort!);
