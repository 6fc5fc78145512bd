import type { CheckResult, NodeBalance } from '../balance/types.ts';
import type { Level } from '../data/gb17167-2006.ts';
import type { PlantGraph } from '../model/graph.ts';
import { groupSmallUnits } from './group.ts';
import type { FlowState, SankeyView, SankeyViewSpec, ViewLink, ViewNode, ViewNodeRole } from './view-types.ts';
import { vocsSankeyView } from './vocs-view.ts';

export type {
  FlowState,
  GroupInfo,
  GroupSpec,
  SankeyView,
  SankeyViewSpec,
  ViewLink,
  ViewNode,
  ViewNodeRole,
} from './view-types.ts';

/** Residuals this small relative to a node's throughput are rounding, not imbalance. */
const ROUNDING = 1e-9;

const ESTIMATED_SOURCES = new Set(['estimated', 'design', 'calculated']);

/**
 * Builds the diagram data of one layer at one level from a balance result: every flow of the
 * layer whose ends fall in different groups becomes a link (flows inside a group are internal
 * to it and vanish at this level); outside ends become source/sink nodes by carrier or kind;
 * stock changes become stock nodes; and each drawn unit whose drawn inputs and outputs differ
 * gets the difference as an explicit "unaccounted" flow, so node heights never hide a residual
 * behind max(in, out). Links between the same two nodes with the same state are merged.
 *
 * @example
 * const graph = buildGraph(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model);
 * const view = sankeyView({ graph, result: checkModel(graph) }, { layer: 'water', level: 2 });
 * [view.unit, view.level, view.nodes.length] // => ['t', 2, 13]
 */
export function sankeyView(input: { graph: PlantGraph; result?: CheckResult }, spec: SankeyViewSpec): SankeyView {
  const { graph, result } = input;
  if (spec.solvent && result?.vocs?.layer === spec.layer) return vocsSankeyView({ graph, result }, spec);
  const unit = graph.layerUnits.get(spec.layer);
  if (unit === undefined)
    throw new Error(`sankey: no layer "${spec.layer}" in this model (layers: ${graph.layers.join(', ')})`);
  const derived = new Map((result?.derived ?? []).filter((d) => d.layer === spec.layer).map((d) => [d.flow, d.value]));
  // Values the balances used that neither the model nor `derived` gives: a component carried on a
  // flow computed by difference (carrier value × concentration).
  const computed = new Map<string, number>();
  for (const b of result?.balances ?? []) {
    if (b.layer !== spec.layer) continue;
    for (const term of [...b.inputs, ...b.outputs])
      if (term.value !== null && !computed.has(term.flow)) computed.set(term.flow, term.value);
  }
  const group = groupAtLevel(graph, spec.level);
  if (spec.root !== undefined) outsideOf(graph, spec.root, group);

  const nodes = new Map<string, ViewNode>();
  const unitNode = (i: number) => {
    const n = graph.nodes[i]!;
    let v = nodes.get(n.id);
    if (!v) {
      v = { id: n.id, role: 'unit', name: n.name, level: n.level, in: 0, out: 0 };
      if (n.nameEn) v.nameEn = n.nameEn;
      if (n.level < spec.level && graph.children[i]!.length > 0) v.ownRegion = true;
      nodes.set(n.id, v);
    }
    return v;
  };
  const outsideNode = (role: ViewNodeRole, name: string) => {
    const id = `${role}:${name}`;
    let v = nodes.get(id);
    if (!v) nodes.set(id, (v = { id, role, name, group: name, in: 0, out: 0 }));
    return v;
  };
  /** What enters or leaves: grouped by carrier (sources) or kind (sinks); a flow with neither by its own name. */
  const boundaryNode = (role: 'source' | 'sink', flow: PlantGraph['model']['flows'][number]) => {
    const group = role === 'source' ? (flow.carrier ?? flow.kind) : (flow.kind ?? flow.carrier);
    if (group !== undefined || flow.name === undefined) return outsideNode(role, group ?? 'other');
    const id = `${role}:name:${flow.name}`;
    let v = nodes.get(id);
    if (!v) {
      nodes.set(id, (v = { id, role, name: flow.name, in: 0, out: 0 }));
      if (flow.nameEn) v.nameEn = flow.nameEn;
    }
    return v;
  };

  const merged = new Map<string, ViewLink>();
  /** Per link, the value before reconciliation, while any of its flows was adjusted. */
  const before = new Map<ViewLink, { value: number; adjusted: boolean }>();
  const addLink = (
    from: ViewNode,
    to: ViewNode,
    value: number,
    state: FlowState,
    flow: string | undefined,
    negative: boolean,
    measured?: number,
  ) => {
    from.out += value;
    to.in += value;
    const key = `${from.id}\u0000${to.id}\u0000${state}\u0000${negative}`;
    let l = merged.get(key);
    if (!l) {
      merged.set(key, (l = { source: from.id, target: to.id, value: 0, state, flows: [] }));
      if (negative) l.negative = true;
    }
    l.value += Math.abs(value);
    if (flow !== undefined) l.flows.push(flow);
    const b = before.get(l) ?? { value: 0, adjusted: false };
    b.value += Math.abs(measured ?? value);
    b.adjusted ||= measured !== undefined;
    before.set(l, b);
  };

  for (const fi of graph.byLayer.get(spec.layer) ?? []) {
    const f = graph.flows[fi]!;
    const modelFlow = graph.model.flows[f.flowIndex]!;
    let value: number;
    let state: FlowState;
    let measured: number | undefined;
    if (spec.reconciled && spec.reconciled[f.id] !== undefined) {
      value = spec.reconciled[f.id]!;
      if (f.value !== undefined) {
        // Adjusted by reconciliation: still a measured (or estimated) flow, drawn at its reconciled value.
        state = ESTIMATED_SOURCES.has(f.source) ? 'estimated' : 'measured';
        measured = f.value;
      } else state = 'reconciled';
    } else if (f.value !== undefined) {
      value = f.value;
      state = ESTIMATED_SOURCES.has(f.source) ? 'estimated' : 'measured';
    } else if (derived.has(f.id)) {
      value = derived.get(f.id)!;
      state = 'derived';
    } else if (computed.has(f.id)) {
      value = computed.get(f.id)!;
      state = 'derived';
    } else {
      value = 0;
      state = 'unmeasured';
    }
    const negative = value < 0;
    if (f.stock) {
      if ((f.from >= 0 ? group[f.from]! : group[f.to]!) < 0) continue; // a stock outside the drawn subtree
      // node → null accumulates (a stock sink); null → node draws down (a stock source).
      if (f.from >= 0)
        addLink(unitNode(group[f.from]!), outsideNode('stock-in', 'stock'), value, state, f.id, negative, measured);
      else addLink(outsideNode('stock-out', 'stock'), unitNode(group[f.to]!), value, state, f.id, negative, measured);
      continue;
    }
    const a = f.from >= 0 ? group[f.from]! : -1;
    const b = f.to >= 0 ? group[f.to]! : -1;
    if (a === b) continue; // internal to one group at this level (or outside → outside)
    const from = a >= 0 ? unitNode(a) : boundaryNode('source', modelFlow);
    const to = b >= 0 ? unitNode(b) : boundaryNode('sink', modelFlow);
    addLink(from, to, value, state, f.id, negative, measured);
  }

  // Balances as drawn: in − out of every unit node; a residual becomes an explicit flow.
  const balanceOf = new Map<string, NodeBalance>();
  for (const b of result?.balances ?? []) if (b.layer === spec.layer) balanceOf.set(b.node, b);
  let unaccounted = 0;
  for (const v of [...nodes.values()]) {
    if (v.role !== 'unit') continue;
    const b = balanceOf.get(v.id);
    if (b && !v.ownRegion) {
      v.status = b.status;
      v.closure = b.closure;
    }
    const residual = v.in - v.out;
    if (Math.abs(residual) <= ROUNDING * Math.max(v.in + v.out, 1)) continue;
    unaccounted += Math.abs(residual);
    if (residual > 0)
      addLink(v, outsideNode('unaccounted-out', 'unaccounted'), residual, 'unaccounted', undefined, false);
    else addLink(outsideNode('unaccounted-in', 'unaccounted'), v, -residual, 'unaccounted', undefined, false);
  }

  for (const [l, b] of before) if (b.adjusted) l.measured = b.value;
  let total = 0;
  for (const l of merged.values()) {
    const src = nodes.get(l.source)!;
    if (src.role === 'source' || src.role === 'stock-out') total += l.value;
  }
  const view: SankeyView = {
    layer: spec.layer,
    unit,
    level: spec.level,
    nodes: [...nodes.values()],
    links: [...merged.values()],
    total,
    unaccounted,
  };
  if (spec.fixedScale !== undefined) view.fixedScale = spec.fixedScale;
  if (!spec.group) return view;
  const grouped = groupSmallUnits(view, graph, spec.group);
  if (grouped.info.grouped > 0) grouped.view.groups = grouped.info;
  return grouped.view;
}

/** Marks every node outside `root`'s subtree as outside (−1) in a level grouping. */
function outsideOf(graph: PlantGraph, root: string, group: Int32Array): void {
  const r = graph.nodeIndex.get(root);
  if (r === undefined) throw new Error(`sankey: no node "${root}" in this model`);
  graph.nodes.forEach((_, i) => {
    let cur = i;
    while (cur !== r && graph.parent[cur]! >= 0) cur = graph.parent[cur]!;
    if (cur !== r) group[i] = -1;
  });
}

/**
 * For each node, the node that stands for it at `level`: itself when at or above the level,
 * else its ancestor at the level.
 *
 * @example
 * // the dyeing plant at level 2: each node maps to its level-2 ancestor (the boiler house's devices to it)
 * const graph = buildGraph(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model);
 * [...groupAtLevel(graph, 2)].map((k) => graph.nodes[k].id).slice(0, 5) // => ['plant', 'pre', 'dye', 'dye', 'dye']
 */
export function groupAtLevel(graph: Pick<PlantGraph, 'nodes' | 'parent'>, level: number): Int32Array {
  const out = new Int32Array(graph.nodes.length);
  graph.nodes.forEach((_, i) => {
    let cur = i;
    while (graph.nodes[cur]!.level > level && graph.parent[cur]! >= 0) cur = graph.parent[cur]!;
    out[i] = cur;
  });
  return out;
}

/**
 * The levels present in a model, shallowest first (what a level selector offers).
 *
 * @example
 * levelsOf(buildGraph(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model)) // => [1, 2, 3]
 */
export function levelsOf(graph: Pick<PlantGraph, 'nodes'>): Level[] {
  return [...new Set(graph.nodes.map((n) => n.level))].sort((a, b) => a - b);
}
