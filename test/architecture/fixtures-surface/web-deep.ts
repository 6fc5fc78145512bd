// As a web/ file: a domain entry is not the public API, even for a public name.
import { ingestReadings } from '../../../src/readings/index.ts';

export const used = ingestReadings;
