/**
 * What a diagram marks on its links after data reconciliation (docs/reconcile.md): the reconciled
 * values it can draw instead of the measured ones, the meters serial elimination names as
 * suspects, which measured → reconciled adjustments are worth a label, and where on a link a mark
 * sits. The web diagram (web/diagram.ts) and the report's figures (figure.ts) share these, so a
 * mark means the same on the page and on paper.
 */
import type { PlantGraph } from '../model/graph.ts';
import type { ModelReconciliation } from '../reconcile/model.ts';
import type { LayoutLink } from './layout-types.ts';

/** At most this many measured → reconciled labels on one diagram (the largest relative changes). */
export const ADJUSTMENTS_LABELLED = 12;
/** A reconciled value this close to the measured one (relative) is not labelled as an adjustment. */
export const ADJUSTMENT_SHOWN = 0.005;

/**
 * Reconciled values in the layer unit by layer-flow id (the view spec's `reconciled`): each
 * reconciled flow value × the flow's layer factor (1 for a carrier's own layer; the concentration
 * or heating value for a component or energy layer).
 * @example
 * // one workshop metered twice: 100 t in, 96 t out, σ 1 t each — the 4 t residual split 1 : 1
 * const graph = buildGraph(parseModel(readFileSync('test/report/two-meters.json'), 'two-meters.json').model);
 * Object.entries(reconciledLayerValues(graph, reconcileModel(graph))).map(([id, v]) => [id, roundTo(v, 9)])
 * // => [['W1', 98], ['W2', 98]]
 */
export function reconciledLayerValues(graph: PlantGraph, rec: ModelReconciliation): Record<string, number> {
  const factor = new Map(graph.flows.map((f) => [f.id, f.factor]));
  const values: Record<string, number> = {};
  for (const l of rec.layers)
    for (const f of l.flows) {
      const k = factor.get(f.id);
      if (f.reconciled !== null && k !== undefined) values[f.id] = f.reconciled * k;
    }
  return values;
}

/**
 * The suspect meters of one layer: layer-flow id → what the mark says (the flow's meter id, else
 * the flow id).
 * @example
 * // the same plant: χ² = 8 fails the global test, and serial elimination names W1 (meter M1)
 * const graph = buildGraph(parseModel(readFileSync('test/report/two-meters.json'), 'two-meters.json').model);
 * suspectMeters(graph, reconcileModel(graph), 'water')
 * // => { W1: 'M1' }
 */
export function suspectMeters(
  graph: PlantGraph,
  rec: { layers: readonly { layer: string; flows: readonly { id: string; suspect: boolean }[] }[] },
  layer: string,
): Record<string, string> {
  const meterOf = new Map(graph.flows.map((f) => [f.id, graph.model.flows[f.flowIndex]?.meter]));
  const out: Record<string, string> = {};
  for (const l of rec.layers) {
    if (l.layer !== layer) continue;
    for (const f of l.flows) if (f.suspect) out[f.id] = meterOf.get(f.id) ?? f.id;
  }
  return out;
}

/**
 * The links whose reconciled value differs from the measured one by more than ADJUSTMENT_SHOWN
 * (relative), the largest relative changes first, at most ADJUSTMENTS_LABELLED.
 * @example
 * labelledAdjustments([{ value: 139, measured: 120 }, { value: 100, measured: 100.1 }])
 * // => [{ value: 139, measured: 120 }]
 */
export function labelledAdjustments<T extends { value: number; measured?: number }>(links: readonly T[]): T[] {
  return links
    .filter((l) => l.measured !== undefined && Math.abs(l.value - l.measured) > ADJUSTMENT_SHOWN * Math.abs(l.measured))
    .sort((a, b) => Math.abs(b.value / b.measured! - 1) - Math.abs(a.value / a.measured! - 1))
    .slice(0, ADJUSTMENTS_LABELLED);
}

/**
 * Where a link's mark sits: the middle of a straight link, or the middle of a return arc's lane.
 * @example
 * linkMidpoint({ source: { x1: 100 }, target: { x0: 300 }, y0: 40, y1: 80, circular: false })
 * // => { x: 200, y: 60 }
 */
export function linkMidpoint<N, L>(l: LayoutLink<N, L>): { x: number; y: number } {
  const sx = l.source.x1;
  const tx = l.target.x0;
  return l.circular
    ? { x: (sx + l.standOff! + tx - l.standOffIn!) / 2, y: l.laneY! }
    : { x: (sx + tx) / 2, y: (l.y0 + l.y1) / 2 };
}
