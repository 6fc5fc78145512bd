/**
 * pingheng's public API: the numeric core. The CLI and the web app use only what is exported here.
 */
export * from './model/schema.ts';
export * from './model/issues.ts';
export { assertFinite, firstNonFinite, NonFiniteResultError } from './model/finite.ts';
export { parseModel, loadModel, type LoadedModel } from './model/load.ts';
export { validateModel } from './model/validate.ts';
export * from './model/layers.ts';
export * from './model/quantities.ts';
export * from './model/graph.ts';
export * from './model/uncertainty.ts';
export * from './model/time.ts';
export * from './units/units.ts';
export * as gb2589 from './data/gb2589-2008.ts';
export * from './data/carriers.ts';
export * from './i18n/index.ts';
export { percent, percentText } from './util/percent.ts';
export { roundTo } from './util/round.ts';
export * from './balance/types.ts';
export { checkModel, solveValues } from './balance/check.ts';
export { closureError, toleranceFor, masterSubToleranceFor } from './balance/tolerance.ts';
export * from './vocs/index.ts';
export * from './model/vocs.ts';
export {
  captureReference,
  captureReferenceFor,
  CAPTURE_METHODS as VOCS_CAPTURE_METHODS,
} from './data/guangdong-vocs-2023.ts';
export { removalReference, monitoringTolerance as vocsMonitoringTolerance } from './data/vocs-practice.ts';
export * from './sankey/layout.ts';
export * from './sankey/view.ts';
export * from './sankey/palette.ts';
export * from './sankey/group.ts';
export * from './sankey/labels.ts';
export * from './sankey/fit.ts';
export * from './sankey/colour-vision.ts';
export * from './sankey/marks.ts';
export { sankeyFigure, FIGURE_FONT_FAMILY, type SankeyFigure, type SankeyFigureOptions } from './sankey/figure.ts';
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
export { validateResultsInputs } from './model/validate-results.ts';
export * as acceptanceRules from './data/acceptance.ts';
export { table2 as anhuiTable2 } from './data/anhui-2007.ts';
export * from './advice/index.ts';
export * from './summaries/index.ts';
