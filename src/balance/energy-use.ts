import { crossings, type PlantGraph } from '../model/graph.ts';
import { flowFactor } from '../model/quantities.ts';
import { conversionFactor } from '../units/units.ts';
import type { EnergyUse, EnergyUseRow } from './types.ts';

/**
 * Energy entering each enterprise (level-1 node, or root) by carrier, in tce both ways, and the
 * comprehensive energy consumption 综合能耗 = Σ energy in − energy exported as product
 * (GB/T 2589-2008 §4). Uses measured or derived values (`values`, NaN = unknown).
 */
export function energyUse(graph: PlantGraph, values: Float64Array): EnergyUse[] {
  const roots = graph.nodes.map((_, i) => i).filter((i) => graph.parent[i] === -1);
  return roots.flatMap((root) => energyUseOf(graph, values, root) ?? []);
}

/**
 * The same for any node's boundary (a workshop, a line): energy entering it by carrier, minus
 * energy it exports as product. undefined when no energy crosses it.
 */
export function energyUseOf(graph: PlantGraph, values: Float64Array, root: number): EnergyUse | undefined {
  const layerFlows = graph.byLayer.get('energy');
  if (!layerFlows) return undefined;
  const rows = new Map<string, EnergyUseRow>();
  const tce = toTce(graph);
  let exported = 0;
  const unknown: string[] = [];
  for (const i of layerFlows) {
    const f = graph.flows[i]!;
    if (f.stock) continue;
    const { enters, leaves } = crossings(graph, f.from, f.to);
    const v = values[i]!;
    const flow = graph.model.flows[f.flowIndex]!;
    if (enters.includes(root)) {
      if (Number.isNaN(v)) {
        unknown.push(f.id);
        continue;
      }
      const carrier = f.carrier ?? 'energy';
      let r = rows.get(carrier);
      if (!r) rows.set(carrier, (r = { carrier, flows: [], tceEquivalent: 0, tceEqual: 0, basis: [] }));
      r.flows.push(f.id);
      r.tceEquivalent += v * tce;
      r.tceEqual += v * (f.factor !== 0 ? f.equalFactor / f.factor : 1) * tce;
      const basis = flowFactor(flow, graph.ctx).basis;
      if (!r.basis.includes(basis)) r.basis.push(basis);
    } else if (leaves.includes(root) && (flow.kind === 'product' || flow.kind === 'by-product')) {
      if (Number.isNaN(v)) unknown.push(f.id);
      else exported += v * tce;
    }
  }
  if (rows.size === 0 && unknown.length === 0) return undefined;
  const list = [...rows.values()];
  const eq = list.reduce((s, r) => s + r.tceEquivalent, 0);
  const equal = list.reduce((s, r) => s + r.tceEqual, 0);
  return {
    node: graph.nodes[root]!.id,
    name: graph.nodes[root]!.name,
    rows: list,
    comprehensiveEquivalent: eq - exported,
    comprehensiveEqual: equal - exported,
    exported,
    unknown,
  };
}

/** Energy-layer values are in the layer's display unit; this turns them into tce. */
function toTce(graph: PlantGraph): number {
  const unit = graph.layerUnits.get('energy')!;
  return unit === 'tce' ? 1 : conversionFactor(unit, 'tce');
}
