/**
 * pingheng's public API: the numeric core. The web app and the benchmarks import only this file; the CLI
 * imports the domains' entries (`src/<domain>/index.ts`, re-exported here) so that a command loads only
 * what it uses, and only names exported here (test/architecture/public-surface.test.ts).
 */
export * from './model/index.ts';
export * from './units/units.ts';
export * from './text/index.ts';
export * as gb2589 from './data/gb2589-2008.ts';
export * from './data/carriers.ts';
export * from './i18n/index.ts';
export * from './util/index.ts';
export * from './balance/index.ts';
export * from './vocs/index.ts';
export {
  captureReference,
  captureReferenceFor,
  CAPTURE_METHODS as VOCS_CAPTURE_METHODS,
} from './data/guangdong-vocs-2023.ts';
export { removalReference, monitoringTolerance as vocsMonitoringTolerance } from './data/vocs-practice.ts';
export * from './sankey/index.ts';
export {
  ingestReadings,
  applyReadings,
  applyReadingsDetailed,
  readableChunks,
  makeTimestampParser,
  longestContinuous,
  type IngestOptions,
  type ApplyOutcome,
} from './readings/index.ts';
export type {
  IngestResult,
  MeterResult,
  WindowResult,
  RejectedEntry,
  ReadingKind,
  Layout,
  Encoding,
} from './readings/types.ts';
export * from './reconcile/index.ts';
export * from './metering/index.ts';
export * from './periods/index.ts';
export * from './park/index.ts';
export * from './report/index.ts';
export * from './results/index.ts';
export * as acceptanceRules from './data/acceptance.ts';
export { table2 as anhuiTable2 } from './data/anhui-2007.ts';
export * from './advice/index.ts';
export * from './summaries/index.ts';
/** The sparse Cholesky factorisation behind reconciliation, for the benchmarks of its scaling. */
export { factorSpd, type CscMatrix } from './linalg/index.ts';
