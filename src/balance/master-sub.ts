import { BASE_LAYERS } from '../model/layers.ts';
import type { PlantGraph } from '../model/graph.ts';
import { masterSubToleranceFor } from './tolerance.ts';
import type { MasterSubRow } from './types.ts';

/**
 * Master–sub meter difference (总表与分表之差): for a node that receives a carrier from outside
 * into its own region (the master meter) and passes it on to its children (the sub-meters),
 * (master − Σ subs) / master, per base layer and carrier, from measured values only.
 * The difference is distribution loss plus whatever the node's own region consumes unmetered;
 * above the tolerance (10 % by municipal water-balance practice) the meters disagree.
 */
export function masterSubRows(graph: PlantGraph): MasterSubRow[] {
  const tolerancePct = masterSubToleranceFor(graph.model.settings);
  const inside = (x: number, p: number) => {
    for (let c = x; c !== -1; c = graph.parent[c]!) if (c === p) return true;
    return false;
  };
  // One pass over the flows: group master and sub flows by (node, layer, carrier).
  const groups = new Map<string, { node: number; layer: string; carrier: string; master: number[]; subs: number[] }>();
  const group = (node: number, layer: string, carrier: string) => {
    const key = `${node}\u0000${layer}\u0000${carrier}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { node, layer, carrier, master: [], subs: [] }));
    return g;
  };
  for (const layer of BASE_LAYERS) {
    for (const i of graph.byLayer.get(layer) ?? []) {
      const f = graph.flows[i]!;
      if (f.stock) continue;
      const carrier = f.carrier ?? layer;
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
    rows.push(row(graph, g.node, g.layer, g.carrier, g.master, g.subs, tolerancePct));
  }
  return rows.sort(
    (a, b) =>
      graph.nodeIndex.get(a.node)! - graph.nodeIndex.get(b.node)! ||
      BASE_LAYERS.indexOf(a.layer as never) - BASE_LAYERS.indexOf(b.layer as never),
  );
}

function row(
  graph: PlantGraph,
  p: number,
  layer: string,
  carrier: string,
  master: number[],
  subs: number[],
  tolerancePct: number,
): MasterSubRow {
  const ids = (xs: number[]) => xs.map((i) => graph.flows[i]!.id);
  const unmetered = [...master, ...subs].filter((i) => graph.flows[i]!.value === undefined);
  // Meters read in the carrier's own unit (kWh, m³): report in it when every flow shares one.
  const ownUnits = new Set([...master, ...subs].map((i) => graph.model.flows[graph.flows[i]!.flowIndex]!.unit));
  const own = ownUnits.size === 1;
  const total = (xs: number[]) =>
    xs.reduce((s, i) => {
      const f = graph.flows[i]!;
      return s + (f.value ?? 0) / (own ? f.factor : 1);
    }, 0);
  const node = graph.nodes[p]!;
  const base = {
    node: node.id,
    name: node.name,
    ...(node.nameEn ? { nameEn: node.nameEn } : {}),
    layer,
    carrier,
    unit: own ? [...ownUnits][0]! : graph.layerUnits.get(layer)!,
    masterFlows: ids(master),
    subFlows: ids(subs),
    tolerancePct,
    unmetered: ids(unmetered),
  };
  if (unmetered.length > 0) {
    return { ...base, master: null, subs: null, difference: null, relative: null, status: 'incomplete' };
  }
  const m = total(master);
  const s = total(subs);
  const difference = m - s;
  // A master reading of zero cannot be judged as a share; it is reported, not failed.
  if (!(m > 0)) return { ...base, master: m, subs: s, difference, relative: null, status: 'incomplete' };
  const relative = difference / m;
  const pass = Math.abs(relative) * 100 <= tolerancePct;
  return { ...base, master: m, subs: s, difference, relative, status: pass ? 'pass' : 'fail' };
}
