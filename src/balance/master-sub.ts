import { BASE_LAYERS } from '../model/layers.ts';
import type { PlantGraph } from '../model/graph.ts';
import { masterSubToleranceFor, withinTolerance } from './tolerance.ts';
import type { MasterSubRow } from './types.ts';

/**
 * Master–sub meter difference (总表与分表之差): for a node that receives a carrier from outside
 * into its own region (the master meter) and passes it on to its children (the sub-meters),
 * (master − Σ subs − Δstock) / master, per base layer and carrier, from measured values only.
 * Δstock is the stock change of the node's own region in that carrier (a tank between the master and
 * the sub-meters filling up takes water the sub-meters never see); the children's own stock changes are
 * behind their sub-meters and do not enter. What remains is distribution loss plus whatever the own
 * region consumes unmetered; above the carrier's tolerance (masterSubToleranceFor) the meters disagree.
 *
 * @example
 * // master 1000 t, sub-meters 850 t, the node's tank +100 t → (1000 − 850 − 100) / 1000 = 5 % (passes 10 %)
 */
export function masterSubRows(graph: PlantGraph): MasterSubRow[] {
  const inside = (x: number, p: number) => {
    for (let c = x; c !== -1; c = graph.parent[c]!) if (c === p) return true;
    return false;
  };
  // One pass over the flows: group master and sub flows by (node, layer, carrier).
  const groups = new Map<string, Group>();
  const group = (node: number, layer: string, carrier: string) => {
    const key = `${node}\u0000${layer}\u0000${carrier}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { node, layer, carrier, master: [], subs: [], stock: [] }));
    return g;
  };
  for (const layer of BASE_LAYERS) {
    for (const i of graph.byLayer.get(layer) ?? []) {
      const f = graph.flows[i]!;
      const carrier = f.carrier ?? layer;
      if (f.stock) {
        group(f.from >= 0 ? f.from : f.to, layer, carrier).stock.push(i);
        continue;
      }
      if (f.to >= 0 && graph.children[f.to]!.length > 0 && (f.from === -1 || !inside(f.from, f.to)))
        group(f.to, layer, carrier).master.push(i);
      if (f.from >= 0 && graph.children[f.from]!.length > 0 && f.to !== -1 && f.to !== f.from && inside(f.to, f.from)) {
        group(f.from, layer, carrier).subs.push(i);
      }
    }
  }
  const rows: MasterSubRow[] = [];
  for (const g of groups.values()) {
    if (g.master.length === 0 || g.subs.length === 0) continue;
    rows.push(row(graph, g));
  }
  return rows.sort(
    (a, b) =>
      graph.nodeIndex.get(a.node)! - graph.nodeIndex.get(b.node)! ||
      BASE_LAYERS.indexOf(a.layer as never) - BASE_LAYERS.indexOf(b.layer as never),
  );
}

interface Group {
  node: number;
  layer: string;
  carrier: string;
  master: number[];
  subs: number[];
  /** Stock flows of the node's own region in this layer and carrier. */
  stock: number[];
}

function row(graph: PlantGraph, g: Group): MasterSubRow {
  const { master, subs, stock } = g;
  const ids = (xs: number[]) => xs.map((i) => graph.flows[i]!.id);
  const all = [...master, ...subs, ...stock];
  const unmetered = all.filter((i) => graph.flows[i]!.value === undefined);
  // Meters read in the carrier's own unit (kWh, m³): report in it when every flow shares one.
  const ownUnits = new Set(all.map((i) => graph.model.flows[graph.flows[i]!.flowIndex]!.unit));
  const own = ownUnits.size === 1;
  const value = (i: number) => {
    const f = graph.flows[i]!;
    // node → outside accumulates (+); outside → node draws down (−)
    const sign = f.stock && f.from < 0 ? -1 : 1;
    return (sign * (f.value ?? 0)) / (own ? f.factor : 1);
  };
  const total = (xs: number[]) => xs.reduce((s, i) => s + value(i), 0);
  const node = graph.nodes[g.node]!;
  const tolerance = masterSubToleranceFor(graph.model.settings, g.layer, g.carrier);
  const base = {
    node: node.id,
    name: node.name,
    ...(node.nameEn ? { nameEn: node.nameEn } : {}),
    layer: g.layer,
    carrier: g.carrier,
    unit: own ? [...ownUnits][0]! : graph.layerUnits.get(g.layer)!,
    masterFlows: ids(master),
    subFlows: ids(subs),
    stockFlows: ids(stock),
    tolerancePct: tolerance.pct,
    toleranceSource: tolerance.source,
    unmetered: ids(unmetered),
  };
  if (unmetered.length > 0) {
    return {
      ...base,
      master: null,
      subs: null,
      stockChange: null,
      difference: null,
      relative: null,
      status: 'incomplete',
    };
  }
  const m = total(master);
  const s = total(subs);
  const stockChange = total(stock);
  const difference = m - s - stockChange;
  // A master reading of zero cannot be judged as a share; it is reported, not failed.
  if (!(m > 0)) return { ...base, master: m, subs: s, stockChange, difference, relative: null, status: 'incomplete' };
  const relative = difference / m;
  const pass = withinTolerance(relative, tolerance.pct);
  return { ...base, master: m, subs: s, stockChange, difference, relative, status: pass ? 'pass' : 'fail' };
}
