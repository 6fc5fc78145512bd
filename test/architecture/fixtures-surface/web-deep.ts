// As a web/ file: a domain entry is not the public API, even for a public name; nor is the Node-only part.
import { ingestReadings } from '../../../src/readings/index.ts';
import { THREAD_MIN_BYTES } from '../../../src/node.ts';

export const used = [ingestReadings, THREAD_MIN_BYTES] as const;
