import type { CheckResult } from '../balance/types.ts';
import type { PlantGraph } from '../model/graph.ts';
import type { FlowState, SankeyView, SankeyViewSpec, ViewLink, ViewNode, ViewNodeRole } from './view-types.ts';

/**
 * The solvent-balance view of the VOCs layer (docs/vocs.md): raw materials (by carrier) and the
 * recovered solvent reused in the plant flow into the plant, which sends them to product, waste,
 * recovered solvent, destroyed in treatment, the stack and fugitive emission. The stack is drawn
 * as monitored where it is, so a stack that disagrees with the balance shows as an unaccounted
 * flow — imbalances are flows here as in every view. Data in, plain view out; `sankeyLayout`
 * places it like any other view.
 *
 * @example vocsSankeyView({ graph, result }, { layer: 'VOCs', level: 1, solvent: true }).total // 2 847.3 + 326.7 kg
 */
export function vocsSankeyView(input: { graph: PlantGraph; result: CheckResult }, spec: SankeyViewSpec): SankeyView {
  const { graph, result } = input;
  const v = result.vocs!;
  const nodes = new Map<string, ViewNode>();
  const links = new Map<string, ViewLink>();
  const root = graph.nodes.find((n) => n.level === 1) ?? graph.nodes[0]!;
  const plant: ViewNode = { id: root.id, role: 'unit', name: root.name, level: 1, in: 0, out: 0 };
  if (root.nameEn) plant.nameEn = root.nameEn;
  const balance = result.balances.find((b) => b.node === root.id && b.layer === v.layer);
  if (balance) {
    plant.status = balance.status;
    plant.closure = balance.closure;
  }
  nodes.set(plant.id, plant);
  const outside = (role: ViewNodeRole, group: string) => {
    const id = `${role}:${group}`;
    let n = nodes.get(id);
    if (!n) nodes.set(id, (n = { id, role, name: group, group, in: 0, out: 0 }));
    return n;
  };
  const link = (from: ViewNode, to: ViewNode, value: number, state: FlowState, flows: string[]) => {
    from.out += value;
    to.in += value;
    const key = `${from.id}\u0000${to.id}\u0000${state}`;
    let l = links.get(key);
    if (!l) links.set(key, (l = { source: from.id, target: to.id, value: 0, state, flows: [] }));
    l.value += value;
    l.flows.push(...flows);
  };
  /** A link between the plant and an outside node, made (with its node) only for a nonzero amount. */
  const edge = (role: ViewNodeRole, group: string, value: number | null, state: FlowState, flows: string[]) => {
    if (value === null || Math.abs(value) <= 1e-12) return;
    const other = outside(role, group);
    if (role === 'source' || role === 'stock-out' || role === 'unaccounted-in') link(other, plant, value, state, flows);
    else link(plant, other, value, state, flows);
  };
  const stateOf = (source: string): FlowState =>
    ['estimated', 'design', 'calculated'].includes(source) ? 'estimated' : 'measured';
  const layerFlows = graph.byLayer.get(v.layer)!;
  const kindOf = (i: number) => graph.model.flows[graph.flows[i]!.flowIndex]!.kind ?? '';
  const pick = (kinds: string[], internal: boolean) =>
    layerFlows.filter((i) => {
      const f = graph.flows[i]!;
      return !f.stock && f.from >= 0 && (internal ? f.to >= 0 : f.to === -1) && kinds.includes(kindOf(i));
    });
  const ids = (list: number[]) => list.map((i) => graph.flows[i]!.id);
  const stateOfFlows = (list: number[]): FlowState =>
    list.some((i) => stateOf(graph.flows[i]!.source) === 'estimated') ? 'estimated' : 'measured';

  for (const m of v.materials) {
    const i = layerFlows.find((k) => graph.model.flows[graph.flows[k]!.flowIndex]!.id === m.flow)!;
    edge('source', m.carrier ?? m.name ?? m.flow, m.vocs, stateOf(graph.flows[i]!.source), [graph.flows[i]!.id]);
  }
  const T = v.total;
  const reused = pick(['recycle'], true);
  edge('source', 'recovered-solvent', T.recoveredReused, stateOfFlows(reused), ids(reused));
  const products = pick(['product', 'by-product'], false);
  edge('sink', 'product', T.product, stateOfFlows(products), ids(products));
  const wastes = pick(['waste'], false);
  edge('sink', 'waste', T.waste, stateOfFlows(wastes), ids(wastes));
  const exported = pick(['recycle'], false);
  const recovered =
    T.recoveredReused === null || T.recoveredExported === null ? null : T.recoveredReused + T.recoveredExported;
  edge('sink', 'recovered-solvent', recovered, stateOfFlows([...reused, ...exported]), ids([...reused, ...exported]));
  edge('sink', 'destroyed', T.destroyed, 'derived', ids(pick(['degraded'], false)));
  // The stack as monitored where it is (a disagreement with the balance then shows as unaccounted).
  for (const r of v.treatments) {
    if (r.monitored !== null) edge('sink', 'stack', r.monitored, 'measured', r.stackFlows);
    else edge('sink', 'stack', r.organised, 'derived', r.stackFlows);
  }
  // Captured and vented untreated.
  for (const u of v.units)
    if (u.treatment === null && u.captured) edge('sink', 'stack', u.organised, 'derived', u.capturedFlows);
  edge('sink', 'fugitive', T.fugitive, 'derived', ids(pick(['fugitive'], false)));
  edge('sink', 'other', T.other, 'measured', []);
  if (T.stockChange !== null) {
    if (T.stockChange > 0) edge('stock-in', 'stock', T.stockChange, 'measured', []);
    else edge('stock-out', 'stock', -T.stockChange, 'measured', []);
  }

  let unaccounted = 0;
  const residual = plant.in - plant.out;
  if (Math.abs(residual) > 1e-9 * Math.max(plant.in + plant.out, 1)) {
    unaccounted = Math.abs(residual);
    if (residual > 0) edge('unaccounted-out', 'unaccounted', residual, 'unaccounted', []);
    else edge('unaccounted-in', 'unaccounted', -residual, 'unaccounted', []);
  }
  let total = 0;
  for (const l of links.values()) {
    const role = nodes.get(l.source)!.role;
    if (role === 'source' || role === 'stock-out') total += l.value;
  }
  const view: SankeyView = {
    layer: v.layer,
    unit: v.unit,
    level: 1,
    nodes: [...nodes.values()],
    links: [...links.values()],
    total,
    unaccounted,
  };
  if (spec.fixedScale !== undefined) view.fixedScale = spec.fixedScale;
  return view;
}
