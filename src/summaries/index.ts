/**
 * Summaries: the metering, reconciliation and readings analyses as plain, cloneable, bilingual data for a
 * display (the web app's panels). A layer above metering/, reconcile/ and readings/.
 */
export { meteringSummary, type MeteringSummary } from './metering.ts';
export { reconcileSummary, type ReconcileSummary } from './reconcile.ts';
export { readingsSummary, REJECTED_LISTED, type ReadingsSummary, type ReadingsApplied } from './readings.ts';
