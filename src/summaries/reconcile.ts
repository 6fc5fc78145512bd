/**
 * Data reconciliation of a plant as plain, cloneable data: per layer the global χ² test and every flow's
 * measured and reconciled value with its z, and the reconciled values in the layer's unit by flow, which
 * the Sankey's reconciled view draws.
 */
import type { PlantGraph } from '../model/graph.ts';
import { reconcileModel } from '../reconcile/index.ts';
import { reconciledLayerValues } from '../sankey/marks.ts';

export interface ReconcileSummary {
  layers: {
    layer: string;
    unit: string;
    global: { chi2: number; dof: number; critical: number; pass: boolean };
    flows: {
      id: string;
      name?: string;
      nameEn?: string;
      unit: string;
      measured: number | null;
      reconciled: number | null;
      sd: number | null;
      reconciledSd: number | null;
      status: string;
      z: number | null;
      suspect: boolean;
    }[];
    diagnosis: { zh: string[]; en: string[] };
  }[];
  /** Reconciled values in the layer unit by layer-flow id (a flow's value × its factor to the layer unit). */
  values: Record<string, number>;
}

/**
 * Weighted least-squares reconciliation of every layer (x̂ = x − Σ Aᵀ (A Σ Aᵀ)⁻¹ A x, docs/reconcile.md)
 * with its global test (χ² of the constraint residuals against the 95 % quantile with as many degrees of
 * freedom as independent balances) and the measurement test (z of each adjustment, Šidák-corrected).
 *
 * @example
 * const graph = buildGraph(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model);
 * const water = reconcileSummary(graph).layers.find((l) => l.layer === 'water');
 * // four independent water balances; χ² 5.98 under the 95 % quantile χ²(4) = 9.49: consistent
 * [water.unit, water.global.dof, roundTo(water.global.chi2, 2), roundTo(water.global.critical, 2), water.global.pass]
 * // => ['t', 4, 5.98, 9.49, true]
 */
export function reconcileSummary(graph: PlantGraph): ReconcileSummary {
  const r = reconcileModel(graph);
  return {
    values: reconciledLayerValues(graph, r),
    layers: r.layers.map((l) => ({
      layer: l.layer,
      unit: l.unit,
      global: { chi2: l.global.chi2, dof: l.global.dof, critical: l.global.critical, pass: l.global.pass },
      flows: l.flows.map((f) => ({
        id: f.id,
        ...(f.name ? { name: f.name } : {}),
        ...(f.nameEn ? { nameEn: f.nameEn } : {}),
        unit: f.unit,
        measured: f.measured,
        reconciled: f.reconciled,
        sd: f.sd,
        reconciledSd: f.reconciledSd,
        status: f.status,
        z: f.z,
        suspect: f.suspect,
      })),
      diagnosis: l.diagnosis,
    })),
  };
}
