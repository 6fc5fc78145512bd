// A file that breaks the public-surface rule three ways, for the test that the check can fail:
// a core module that is no entry, an entry name the public API does not export, and a type likewise.
import { classRank } from '../../../src/metering/meters.ts';
import { readingsDefaults, type SeriesSpec } from '../../../src/readings/index.ts';
import { checkModel } from '../../../src/index.ts';

export const used = [classRank, readingsDefaults, checkModel] as const;
export type Used = SeriesSpec;
