import { ancestorsOrSelf, crossings, type PlantGraph } from '../model/graph.ts';
import type { Node, NodeVocs } from '../model/schema.ts';
import { isAirRelease, isRemoval, vocsLayer } from '../model/vocs.ts';

/**
 * The structure of a plant's VOCs layer the solvent balance works on: which units release VOCs
 * (capture points and every unit with a captured or fugitive stream), which treat them, and the
 * layer flows of each. Built once per graph; indices are into `graph.flows`.
 */
export interface EmittingUnit {
  node: number;
  capture: NodeVocs['capture'];
  /** Streams leaving this node of kind captured / fugitive. */
  captured: number[];
  fugitive: number[];
  /** Boundary terms: flows entering, non-air flows leaving, stock changes (sign +1 accumulation). */
  inputs: number[];
  outputs: number[];
  stock: { index: number; sign: number }[];
}

export interface TreatmentUnit {
  node: number;
  removal: NodeVocs['removal'];
  capturedIn: number[];
  /** Removal streams: destroyed (degraded), adsorbed into waste, recovered. */
  removed: number[];
  stack: number[];
}

export interface VocsPlan {
  layer: string;
  unit: string;
  flows: readonly number[];
  emitting: EmittingUnit[];
  treatments: TreatmentUnit[];
}

const plans = new WeakMap<PlantGraph, VocsPlan | null>();

/**
 * The model flow's kind of a layer flow (a carried component shares its carrier's kind).
 *
 * @example
 * const graph = buildGraph(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model);
 * kindOf(graph, graph.flows.findIndex((f) => f.id === 'D01')) // => 'emission'
 */
export function kindOf(graph: PlantGraph, index: number): string | undefined {
  return graph.model.flows[graph.flows[index]!.flowIndex]!.kind;
}

/**
 * The VOCs plan of a graph, or null when the model has no VOCs layer.
 *
 * @example
 * const graph = buildGraph(parseModel(readFileSync('datasets/coating.json'), 'coating.json').model);
 * vocsPlan(graph).emitting.map((u) => graph.nodes[u.node].id) // => ['mix', 'booth1', 'booth2', 'oven', 'still']
 */
export function vocsPlan(graph: PlantGraph): VocsPlan | null {
  if (plans.has(graph)) return plans.get(graph)!;
  const plan = buildPlan(graph);
  plans.set(graph, plan);
  return plan;
}

function buildPlan(graph: PlantGraph): VocsPlan | null {
  const layer = vocsLayer(graph.model.settings);
  const flows = graph.byLayer.get(layer);
  if (!flows) return null;
  const nodes = graph.nodes as readonly Node[];
  const emittingAt = new Set<number>();
  const treatingAt = new Set<number>();
  nodes.forEach((n, i) => {
    if (n.vocs?.capture) emittingAt.add(i);
    if (n.vocs?.removal) treatingAt.add(i);
  });
  for (const i of flows) {
    const f = graph.flows[i]!;
    if (f.stock) continue;
    const kind = kindOf(graph, i);
    if (isAirRelease(kind) && f.from >= 0) emittingAt.add(f.from);
    if (kind === 'captured' && f.to >= 0) treatingAt.add(f.to);
  }
  const emitting = [...emittingAt].sort((a, b) => a - b).map((n) => emittingUnit(graph, flows, n));
  const treatments: TreatmentUnit[] = [...treatingAt]
    .sort((a, b) => a - b)
    .map((n) => {
      const from = (pick: (k: string | undefined) => boolean) =>
        flows.filter((i) => graph.flows[i]!.from === n && !graph.flows[i]!.stock && pick(kindOf(graph, i)));
      return {
        node: n,
        removal: nodes[n]!.vocs?.removal,
        capturedIn: flows.filter(
          (i) => graph.flows[i]!.to === n && !graph.flows[i]!.stock && kindOf(graph, i) === 'captured',
        ),
        removed: from(isRemoval),
        stack: from((k) => k === 'emission'),
      };
    });
  return { layer, unit: graph.layerUnits.get(layer)!, flows, emitting, treatments };
}

function emittingUnit(graph: PlantGraph, flows: readonly number[], node: number): EmittingUnit {
  const unit: EmittingUnit = {
    node,
    capture: (graph.nodes[node] as Node).vocs?.capture,
    captured: [],
    fugitive: [],
    inputs: [],
    outputs: [],
    stock: [],
  };
  for (const i of flows) {
    const f = graph.flows[i]!;
    if (f.stock) {
      const at = f.from >= 0 ? f.from : f.to;
      if (ancestorsOrSelf(graph, at).includes(node)) unit.stock.push({ index: i, sign: f.from >= 0 ? 1 : -1 });
      continue;
    }
    const { enters, leaves } = crossings(graph, f.from, f.to);
    if (enters.includes(node)) unit.inputs.push(i);
    if (!leaves.includes(node)) continue;
    const kind = kindOf(graph, i);
    if (kind === 'captured') unit.captured.push(i);
    else if (kind === 'fugitive') unit.fugitive.push(i);
    else unit.outputs.push(i);
  }
  return unit;
}

/**
 * VOCs generated at a unit (产生量): what enters its boundary, less what leaves it other than to
 * air — product, waste, recovered solvent, material passed on — and less its stock increase.
 * Null while any of those terms is unknown.
 *
 * @example
 * // booth1 (node 3) of the coating plant: VOCs in − out to product, waste and onward = 1 090.61 kg
 * const graph = buildGraph(parseModel(readFileSync('datasets/coating.json'), 'coating.json').model);
 * const unit = vocsPlan(graph).emitting.find((u) => graph.nodes[u.node].id === 'booth1');
 * roundTo(generatedAt(unit, solveValues(graph).values), 2) // => 1090.61
 */
export function generatedAt(unit: EmittingUnit, values: Float64Array): number | null {
  let g = 0;
  for (const i of unit.inputs) g += values[i]!;
  for (const i of unit.outputs) g -= values[i]!;
  for (const s of unit.stock) g -= s.sign * values[s.index]!;
  return Number.isNaN(g) ? null : g;
}
