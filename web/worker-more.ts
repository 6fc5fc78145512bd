/**
 * The worker's core functions that the first diagram does not need (reports, readings, export
 * figures): web/worker.ts imports this module when one of them is first asked for, so the bundle
 * splits them off the worker's first chunk.
 */
export {
  analyseForReport,
  applyReadingsDetailed,
  buildReport,
  ingestReadings,
  readableChunks,
  sankeyFigure,
  suspectMeters,
} from '../src/index.ts';
