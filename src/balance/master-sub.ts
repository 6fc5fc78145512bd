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
  const rows: MasterSubRow[] = [];
  graph.children.forEach((kids, p) => {
    if (kids.length === 0) return;
    for (const layer of BASE_LAYERS) {
      const groups = new Map<string, { master: number[]; subs: number[] }>();
      const group = (carrier: string) => {
        let g = groups.get(carrier);
        if (!g) groups.set(carrier, (g = { master: [], subs: [] }));
        return g;
      };
      for (const i of graph.byLayer.get(layer) ?? []) {
        const f = graph.flows[i]!;
        if (f.stock) continue;
        const carrier = f.carrier ?? layer;
        if (f.to === p && (f.from === -1 || !inside(f.from, p))) group(carrier).master.push(i);
        else if (f.from === p && f.to !== -1 && f.to !== p && inside(f.to, p)) group(carrier).subs.push(i);
      }
      for (const [carrier, g] of groups) {
        if (g.master.length === 0 || g.subs.length === 0) continue;
        rows.push(row(graph, p, layer, carrier, g.master, g.subs, tolerancePct));
      }
    }
  });
  return rows;
}

function row(graph: PlantGraph, p: number, layer: string, carrier: string, master: number[], subs: number[], tolerancePct: number): MasterSubRow {
  const ids = (xs: number[]) => xs.map((i) => graph.flows[i]!.id);
  const unmetered = [...master, ...subs].filter((i) => graph.flows[i]!.value === undefined);
  // Meters read in the carrier's own unit (kWh, m³): report in it when every flow shares one.
  const ownUnits = new Set([...master, ...subs].map((i) => graph.model.flows[graph.flows[i]!.flowIndex]!.unit));
  const own = ownUnits.size === 1;
  const total = (xs: number[]) => xs.reduce((s, i) => {
    const f = graph.flows[i]!;
    return s + (f.value ?? 0) / (own ? f.factor : 1);
  }, 0);
  const node = graph.nodes[p]!;
  const base = {
    node: node.id,
    name: node.name,
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
  const relative = m > 0 ? difference / m : null;
  const pass = relative !== null && Math.abs(relative) * 100 <= tolerancePct;
  return { ...base, master: m, subs: s, difference, relative, status: pass ? 'pass' : 'fail' };
}
