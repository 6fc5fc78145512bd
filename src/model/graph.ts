import { isBaseLayer, layerUnit } from './layers.ts';
import { basisContext, componentFactor, flowFactor, type BasisContext } from './quantities.ts';
import type { Meter, Model, Node, Source } from './schema.ts';
import { flowSd, sourceOf } from './uncertainty.ts';

/**
 * A flow as the balances see it: in its layer's unit, its ends as node indices (−1 = outside).
 * Component amounts carried on a flow become flows of their own in the component's layer,
 * with id "<flow>.<component>".
 */
export interface LayerFlow {
  id: string;
  /** Index of the model flow this comes from. */
  flowIndex: number;
  layer: string;
  from: number;
  to: number;
  stock: boolean;
  /** Value in the layer unit (当量值 for energy); undefined when unmeasured. */
  value: number | undefined;
  /** Energy layer: the 等价值 value. */
  equalValue: number | undefined;
  /** Flow unit → layer unit (当量值). */
  factor: number;
  equalFactor: number;
  /** Standard uncertainty in the layer unit, when the value is known. */
  sd: number | undefined;
  source: Source;
  carrier: string | undefined;
  /** For a concentration: index (in `flows`) of the carrier flow and kg-per-carrier-unit factor. */
  carriedBy?: { index: number; perCarrier: number };
}

export interface PlantGraph {
  model: Model;
  nodes: readonly Node[];
  nodeIndex: Map<string, number>;
  /** Parent node index, −1 for a root. */
  parent: Int32Array;
  children: number[][];
  /** Layers in the model: base layers first, then components in order of appearance. */
  layers: string[];
  layerUnits: Map<string, string>;
  flows: LayerFlow[];
  /** Indices into `flows`, by layer. */
  byLayer: Map<string, number[]>;
  meterOfFlow: Map<string, Meter>;
  ctx: BasisContext;
}

/**
 * Compiles a validated model into plain arrays for the balance, reconciliation and metering
 * code: node indices, the parent tree, and every flow (and carried component) in its layer unit.
 *
 * @example
 * const graph = buildGraph(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model);
 * [graph.nodes.length, graph.flows.length, graph.layers] // => [11, 99, ['water', 'energy', 'COD']]
 * graph.nodes.slice(0, 3).map((n) => [n.id, n.level]) // => [['plant', 1], ['pre', 2], ['dye', 2]]
 */
export function buildGraph(model: Model): PlantGraph {
  const ctx = basisContext(model);
  const nodeIndex = new Map(model.nodes.map((n, i) => [n.id, i]));
  const parent = new Int32Array(model.nodes.length).fill(-1);
  const children: number[][] = model.nodes.map(() => []);
  model.nodes.forEach((n, i) => {
    if (n.parent !== undefined) {
      const p = nodeIndex.get(n.parent)!;
      parent[i] = p;
      children[p]!.push(i);
    }
  });
  const meterOfFlow = new Map<string, Meter>();
  for (const m of model.meters ?? []) for (const f of m.flows) if (!meterOfFlow.has(f)) meterOfFlow.set(f, m);
  const meterById = new Map((model.meters ?? []).map((m) => [m.id, m]));

  const flows: LayerFlow[] = [];
  const componentOrder: string[] = [];
  const end = (id: string | null) => (id === null ? -1 : nodeIndex.get(id)!);
  model.flows.forEach((flow, flowIndex) => {
    const meter = (flow.meter ? meterById.get(flow.meter) : undefined) ?? meterOfFlow.get(flow.id);
    const f = flowFactor(flow, ctx);
    const sd = flowSd(flow, meter, model.settings);
    const source = sourceOf(flow);
    const base: LayerFlow = {
      id: flow.id,
      flowIndex,
      layer: flow.layer,
      from: end(flow.from),
      to: end(flow.to),
      stock: flow.stock === true,
      value: flow.value === undefined ? undefined : flow.value * f.factor,
      equalValue: flow.value === undefined ? undefined : flow.value * f.equalFactor,
      factor: f.factor,
      equalFactor: f.equalFactor,
      sd: sd === undefined ? undefined : sd.sd * Math.abs(f.factor),
      source,
      carrier: flow.carrier,
    };
    const carrierIndex = flows.length;
    flows.push(base);
    if (!isBaseLayer(flow.layer) && !componentOrder.includes(flow.layer)) componentOrder.push(flow.layer);
    for (const [name, comp] of Object.entries(flow.components ?? {})) {
      if (!componentOrder.includes(name)) componentOrder.push(name);
      const cf = componentFactor(flow, name, comp, f, ctx);
      const compSource = comp.source ?? 'lab';
      const layerFlow: LayerFlow = {
        ...base,
        id: `${flow.id}.${name}`,
        layer: name,
        equalValue: undefined,
        factor: 1,
        equalFactor: 1,
        source: compSource,
        carrier: flow.id,
        value: undefined,
        sd: undefined,
      };
      if (cf.kind === 'amount') {
        layerFlow.value = cf.amount;
        layerFlow.sd = comp.sd !== undefined && comp.value ? (comp.sd / comp.value) * cf.amount : undefined;
      } else {
        layerFlow.carriedBy = { index: carrierIndex, perCarrier: cf.perCarrier };
        if (base.value !== undefined) layerFlow.value = base.value * cf.perCarrier;
      }
      flows.push(layerFlow);
    }
  });
  // Concentration-based component flows get their σ from the carrier's and the concentration's.
  for (const lf of flows) {
    if (!lf.carriedBy || lf.value === undefined) continue;
    const carrierFlow = flows[lf.carriedBy.index]!;
    const comp = model.flows[lf.flowIndex]!.components![lf.layer]!;
    const relConc =
      comp.sd !== undefined && comp.concentration
        ? comp.sd / Math.abs(comp.concentration)
        : relativeDefault(model, comp.source ?? 'lab');
    const relCarrier =
      carrierFlow.sd !== undefined && carrierFlow.value ? carrierFlow.sd / Math.abs(carrierFlow.value) : 0;
    lf.sd = Math.abs(lf.value) * Math.hypot(relConc, relCarrier);
  }

  const baseLayers = ['material', 'water', 'energy'].filter((l) => flows.some((f) => f.layer === l));
  const layers = [...baseLayers, ...componentOrder];
  const byLayer = new Map<string, number[]>(layers.map((l) => [l, []]));
  for (const [i, f] of flows.entries()) byLayer.get(f.layer)!.push(i);
  const layerUnits = new Map(layers.map((l) => [l, layerUnit(l, model.settings)]));
  return {
    model,
    nodes: model.nodes,
    nodeIndex,
    parent,
    children,
    layers,
    layerUnits,
    flows,
    byLayer,
    meterOfFlow,
    ctx,
  };
}

function relativeDefault(model: Model, source: Source): number {
  const probe = flowSd(
    { id: '_', from: null, to: null, layer: '_', unit: 't', value: 1, source },
    undefined,
    model.settings,
  );
  return probe!.sd;
}

/**
 * Node indices from `i` up to its root, `i` first.
 *
 * @example
 * const graph = buildGraph(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model);
 * ancestorsOrSelf(graph, graph.nodeIndex.get('dye')).map((i) => graph.nodes[i].id) // => ['dye', 'plant']
 */
export function ancestorsOrSelf(graph: Pick<PlantGraph, 'parent'>, i: number): number[] {
  const out: number[] = [];
  for (let cur = i; cur !== -1; cur = graph.parent[cur]!) out.push(cur);
  return out;
}

/**
 * The nodes whose boundary a flow crosses: it enters every ancestor-or-self of `to` that does
 * not also contain `from`, and leaves every ancestor-or-self of `from` that does not contain `to`.
 * A stock flow crosses nothing: it is a stock change of its node and every ancestor.
 *
 * @example
 * // nodes 1 and 2 are children of 0: a flow 1 → 2 leaves 1 and enters 2, but not 0
 * crossings({ parent: Int32Array.of(-1, 0, 0) }, 1, 2) // => { enters: [2], leaves: [1] }
 * // from outside (−1) into 1 enters 1 and its parent 0
 * crossings({ parent: Int32Array.of(-1, 0, 0) }, -1, 1) // => { enters: [1, 0], leaves: [] }
 */
export function crossings(
  graph: Pick<PlantGraph, 'parent'>,
  from: number,
  to: number,
): { enters: number[]; leaves: number[] } {
  // Hierarchies are shallow (three levels): plain loops beat sets here, and this runs per flow.
  const enters: number[] = [];
  const leaves: number[] = [];
  for (let b = to; b !== -1; b = graph.parent[b]!) if (!contains(graph, b, from)) enters.push(b);
  for (let a = from; a !== -1; a = graph.parent[a]!) if (!contains(graph, a, to)) leaves.push(a);
  return { enters, leaves };
}

/** Whether node `x` lies in the subtree of `root` (−1, outside, lies in none). */
function contains(graph: Pick<PlantGraph, 'parent'>, root: number, x: number): boolean {
  for (let c = x; c !== -1; c = graph.parent[c]!) if (c === root) return true;
  return false;
}
