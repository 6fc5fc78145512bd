/**
 * The public API's Node-only part (package subpath `pingheng/node`): the meter thread that checks the meters
 * of a large wide readings file on a second core while this thread parses (docs/readings.md §12). Kept out of
 * src/index.ts so a browser bundle never meets a `node:` import. Importing it also makes large models
 * parse with zod's compiled parser (src/model/compiled-schema.ts), which a browser bundle leaves out.
 */
import { useCompiledParser } from './model/compiled-schema.ts';

useCompiledParser();

export { COMPILED_PARSE_MIN_FLOWS, useCompiledParser } from './model/compiled-schema.ts';
export { startMeterThread, THREAD_MIN_BYTES } from './readings/wide-meters-thread.ts';
