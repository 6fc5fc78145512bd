/** Meter readings: streaming CSV ingestion into per-meter window totals (issue 4). */
export { ingestReadings, type IngestOptions } from './ingest.ts';
export { applyReadings, applyReadingsDetailed, type ApplyOutcome } from './apply.ts';
export { makeTimestampParser, formatInZone, isTimeZone, type TimestampParser } from './timestamp.ts';
export { detectEncoding, encodingFromName } from './decode.ts';
export { rateTotal, meterDefsFromModel, type MeterDef } from './meters.ts';
export { MeterSeries, type SeriesSpec } from './meter-series.ts';
export { longestContinuous } from './window.ts';
export { median, mad, robustSigma } from './robust.ts';
export * from './types.ts';
export * as readingsDefaults from './defaults.ts';
export { readableChunks } from './source.ts';
