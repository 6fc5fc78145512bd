/**
 * The optional analyses the worker runs next to the balances, by panel id: metering coverage and the
 * depth verdict, reconciliation, readings quality — each the core's plain-data summary (src/summaries)
 * that a panel of the same id renders (panels/measurement.ts). One analysis failing never hides the
 * others: its panel shows the error instead.
 */
import {
  meteringSummary,
  readingsSummary,
  reconcileSummary,
  type CheckResult,
  type IngestResult,
  type PlantGraph,
  type ReadingsApplied,
} from '../src/index.ts';

export interface AnalysesInput {
  graph: PlantGraph;
  result: CheckResult;
  readings?: ReadingsApplied & { ingest: IngestResult };
}

const ANALYSES: Record<string, (input: AnalysesInput) => unknown> = {
  coverage: ({ graph, readings }) => meteringSummary(graph, readings?.ingest.window.longestContinuousHours),
  reconcile: ({ graph }) => reconcileSummary(graph),
  readings: ({ graph, readings }) =>
    readings ? readingsSummary(readings.ingest, readings, graph.model.meters) : undefined,
};

/** Every analysis's result by panel id, or `{ error }` where it threw; absent where it does not apply. */
export function computeAnalyses(input: AnalysesInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [id, run] of Object.entries(ANALYSES)) {
    try {
      const v = run(input);
      if (v !== undefined) out[id] = v;
    } catch (err) {
      out[id] = { error: err instanceof Error ? err.message : String(err) };
    }
  }
  return out;
}
