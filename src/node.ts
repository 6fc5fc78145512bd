/**
 * The public API's Node-only part (package subpath `pingheng/node`): the meter thread that checks the meters
 * of a large wide readings file on a second core while this thread parses (docs/readings.md §12). Kept out of
 * src/index.ts so a browser bundle never meets a `node:` import.
 */
export { startMeterThread, THREAD_MIN_BYTES } from './readings/wide-meters-thread.ts';
