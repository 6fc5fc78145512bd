import type { PlantGraph } from '../model/graph.ts';
import { generatedAt, vocsPlan } from './plan.ts';

/**
 * Capture and removal efficiencies as the extra equations of the VOCs layer: they make the
 * captured and the removed streams known, after which derivation by difference gives the
 * fugitive emission of each capture point (generated − captured) and, where the stack is not
 * monitored, the stack emission (captured − removed). Alternates with `rederive` (the caller's
 * derivation by difference in the component layers) until nothing more is known. Mutates
 * `values` (NaN = unknown) and returns the flows it computed.
 *
 * captured = generated × η_capture (the one unknown captured stream takes what the measured ones leave)
 * removed  = Σ captured in × η_removal (likewise for the removal streams)
 *
 * @example
 * // booth1 of the coating plant with its captured stream unknown: 1 090.61 kg generated × 0.90 = 981.55 kg captured
 * const graph = buildGraph(parseModel(readFileSync('datasets/coating.json'), 'coating.json').model);
 * const { values } = solveValues(graph);
 * const k = graph.flows.findIndex((f) => f.id === 'C-booth1' && f.layer === 'VOCs');
 * values[k] = Number.NaN;
 * applyVocsEfficiencies(graph, values, () => {}).find((c) => c.index === k).basis // => 'capture'
 * roundTo(values[k], 2) // => 981.55
 */
export function applyVocsEfficiencies(
  graph: PlantGraph,
  values: Float64Array,
  rederive: () => void,
): { index: number; node: number; basis: 'capture' | 'removal' }[] {
  const plan = vocsPlan(graph);
  const computed: { index: number; node: number; basis: 'capture' | 'removal' }[] = [];
  if (!plan) return computed;
  const unknownOf = (list: number[]) => list.filter((i) => Number.isNaN(values[i]!));
  const knownSum = (list: number[]) => list.reduce((s, i) => (Number.isNaN(values[i]!) ? s : s + values[i]!), 0);
  for (let pass = 0; pass <= graph.nodes.length; pass++) {
    let changed = false;
    for (const u of plan.emitting) {
      const unknown = unknownOf(u.captured);
      if (!u.capture || unknown.length !== 1) continue;
      const g = generatedAt(u, values);
      if (g === null) continue;
      values[unknown[0]!] = g * u.capture.efficiency - knownSum(u.captured);
      computed.push({ index: unknown[0]!, node: u.node, basis: 'capture' });
      changed = true;
    }
    for (const t of plan.treatments) {
      const unknown = unknownOf(t.removed);
      if (!t.removal || unknown.length !== 1 || unknownOf(t.capturedIn).length > 0) continue;
      values[unknown[0]!] = knownSum(t.capturedIn) * t.removal.efficiency - knownSum(t.removed);
      computed.push({ index: unknown[0]!, node: t.node, basis: 'removal' });
      changed = true;
    }
    if (!changed) break;
    rederive();
  }
  return computed;
}
