import type { PlantGraph } from '../model/graph.ts';
import { BASE_LAYERS } from '../model/layers.ts';
import { metersByFlow } from './meters.ts';
import { roundTo } from '../util/round.ts';

/**
 * How much of the balance is estimates (Yunnan 2007 三 (一): 估计型 is "用估计加估算的方法做出的物料平衡").
 * The notice counts nothing, so pingheng measures the **quantity**: per base layer (material t, water t,
 * energy tce 当量值), Σ |value| of the flows that are `estimated` or `design` over Σ |value| of every flow
 * with a value. A flow without `source` counts as metered when a meter serves it, else as estimated.
 * Unmeasured flows (no value) are left out of both sums: they are computed from the others and carry their
 * quality. `pct` is the largest layer share — one estimated balance makes estimated work.
 *
 * @example
 * // water: 900 t estimated of 1 000 t; energy: 1 tce estimated of 100 tce → pct 90 (water), not 2 of 3 flows
 * estimatedShare(graph, 50).pct // 90
 */
export interface EstimatedShare {
  /** The largest layer share, percent (2 decimals); 0 when no layer has a quantity. */
  pct: number;
  limitPct: number;
  basis: 'quantity';
  byLayer: {
    layer: string;
    unit: string;
    estimated: number;
    total: number;
    /** Percent, 2 decimals; null when the layer has no quantity. */
    pct: number | null;
    flows: string[];
  }[];
  /** Every estimated or design flow. */
  estimated: string[];
  /** Flows with a value, over all layers. */
  total: number;
  /** Flows without a value: not counted. */
  unknownQuantity: string[];
}

/**
 * The share of estimated (估算) and design values in the plant's quantities, per layer (estimated / total,
 * percent), against 云南 2007's limit for the estimated grade (`limitPct`, 50 %).
 *
 * @example
 * // water: 655 t of 38 942 t estimated = 1.68 %
 * const graph = buildGraph(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model);
 * estimatedShare(graph, 50).pct // => 1.68
 */
export function estimatedShare(graph: PlantGraph, limitPct: number): EstimatedShare {
  const metered = metersByFlow(graph.model);
  const byLayer: EstimatedShare['byLayer'] = [];
  const unknownQuantity: string[] = [];
  let total = 0;
  for (const layer of BASE_LAYERS) {
    const idx = graph.byLayer.get(layer);
    if (!idx) continue;
    let est = 0;
    let all = 0;
    const flows: string[] = [];
    for (const i of idx) {
      const f = graph.flows[i]!;
      const flow = graph.model.flows[f.flowIndex]!;
      if (f.value === undefined) {
        unknownQuantity.push(f.id);
        continue;
      }
      total++;
      const v = Math.abs(f.value);
      all += v;
      const src = flow.source ?? (metered.has(f.id) ? 'metered' : 'estimated');
      if (src === 'estimated' || src === 'design') {
        est += v;
        flows.push(f.id);
      }
    }
    byLayer.push({
      layer,
      unit: graph.layerUnits.get(layer)!,
      estimated: est,
      total: all,
      pct: all > 0 ? roundTo((100 * est) / all, 2) : null,
      flows,
    });
  }
  return {
    pct: Math.max(0, ...byLayer.map((l) => l.pct ?? 0)),
    limitPct,
    basis: 'quantity',
    byLayer,
    estimated: byLayer.flatMap((l) => l.flows),
    total,
    unknownQuantity,
  };
}

/** The layers whose estimated share exceeds the limit. */
export function layersOverLimit(share: EstimatedShare): EstimatedShare['byLayer'] {
  return share.byLayer.filter((l) => l.pct !== null && l.pct > share.limitPct + 1e-9);
}
