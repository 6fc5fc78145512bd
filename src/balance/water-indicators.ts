import { NEW_WATER_CARRIERS } from '../data/gb12452-2008.ts';
import { crossings, type PlantGraph } from '../model/graph.ts';
import type { WaterIndicators } from './types.ts';

/**
 * GB/T 12452 water indicators of each enterprise (root node), from measured or derived values:
 * - Vf new water: water-layer inputs crossing the boundary with a new-water carrier;
 * - Vi total intake: every water-layer input crossing the boundary (new water, purchased steam…);
 * - Vr reused water: flows inside the enterprise marked `kind: "recycle"` — each loop marked once;
 * - Vd discharge: outputs of kind `emission` or carrier `wastewater`; Vl leakage: outputs of kind `loss`
 *   and carrier `water-loss` (evaporation is a loss but not a leak);
 * - condensate recovered: flows of carrier `condensate` inside or leaving; steam: steam inputs.
 * Ratios are null when their denominator is zero or a term is unknown.
 */
export function waterIndicators(graph: PlantGraph, values: Float64Array): WaterIndicators[] {
  const layerFlows = graph.byLayer.get('water');
  if (!layerFlows) return [];
  const roots = graph.nodes.map((_, i) => i).filter((i) => graph.parent[i] === -1);
  return roots.flatMap((root) => {
    const sums = { vf: 0, vi: 0, vr: 0, vd: 0, vl: 0, condensate: 0, steam: 0 };
    const unknown: string[] = [];
    let touched = false;
    for (const i of layerFlows) {
      const f = graph.flows[i]!;
      if (f.stock) continue;
      const kind = graph.model.flows[f.flowIndex]!.kind;
      const { enters, leaves } = crossings(graph, f.from, f.to);
      const entering = enters.includes(root);
      const leaving = leaves.includes(root);
      const inside = !entering && !leaving && (within(graph, f.from, root) || within(graph, f.to, root));
      if (!entering && !leaving && !inside) continue;
      touched = true;
      const v = values[i]!;
      const add = (key: keyof typeof sums) => {
        if (Number.isNaN(v)) unknown.push(f.id);
        else sums[key] += v;
      };
      if (entering) {
        add('vi');
        if (f.carrier !== undefined && NEW_WATER_CARRIERS.includes(f.carrier)) add('vf');
        if (f.carrier === 'steam') add('steam');
      }
      if (inside && kind === 'recycle') add('vr');
      if (leaving && (kind === 'emission' || f.carrier === 'wastewater')) add('vd');
      if (leaving && kind === 'loss' && f.carrier === 'water-loss') add('vl');
      if ((inside || leaving) && f.carrier === 'condensate') add('condensate');
    }
    if (!touched) return [];
    const ratio = (a: number, b: number) => (unknown.length === 0 && b > 0 ? a / b : null);
    return [
      {
        node: graph.nodes[root]!.id,
        unit: graph.layerUnits.get('water')!,
        newWater: sums.vf,
        intake: sums.vi,
        reused: sums.vr,
        discharged: sums.vd,
        leakage: sums.vl,
        reuseRate: ratio(sums.vr, sums.vr + sums.vf),
        condensateRecovery: sums.steam > 0 ? ratio(sums.condensate, sums.steam) : null,
        leakageRate: ratio(sums.vl, sums.vi),
        dischargeRate: ratio(sums.vd, sums.vi),
        unknown,
      },
    ];
  });
}

function within(graph: PlantGraph, x: number, root: number): boolean {
  for (let c = x; c !== -1; c = graph.parent[c]!) if (c === root) return true;
  return false;
}
