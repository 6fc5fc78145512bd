/**
 * Optional analyses shown as extra panels when the core exports them (metering coverage, depth
 * verdict, reconciliation, readings quality). Each entry computes plain data in the worker; the
 * page renders it with the panel of the same id (panels/extras.ts).
 */
import type { CheckResult, PlantGraph } from '../src/index.ts';

type Extra = (graph: PlantGraph, result: CheckResult) => unknown;

const EXTRAS: Record<string, Extra> = {};

export function computeExtras(graph: PlantGraph, result: CheckResult): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [id, run] of Object.entries(EXTRAS)) {
    try {
      out[id] = run(graph, result);
    } catch (err) {
      out[id] = { error: err instanceof Error ? err.message : String(err) };
    }
  }
  return out;
}
