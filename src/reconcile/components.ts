import type { LayerFlow, PlantGraph } from '../model/graph.ts';
import { flowSd } from '../model/uncertainty.ts';

/** Reconciled value and σ of a carrier flow, in its layer unit (NaN when unobservable). */
export interface CarrierEstimate {
  value: number;
  sd: number;
}

/**
 * Component (pollutant-factor) flows re-based on reconciled carriers (step 5 of the method in
 * docs/reconcile.md): a component given as a concentration c on carrier flow F becomes
 *   m_c = c · x̂_F,   σ_c = |m_c| · √((σ_conc/c)² + (σ_x̂F/x̂_F)²),
 * where x̂_F is F's reconciled (or estimated) value — so the component balance starts from total
 * flows that already close — and the component layer is then reconciled on its own. A carrier
 * that is unobservable leaves its component unmeasured. Limits: the covariance of reconciled
 * carriers between flows is ignored, and concentrations are reconciled linearly as amounts
 * (the bilinear problem, Crowe 1986, is not solved jointly).
 */
export function rebaseOnCarriers(
  graph: PlantGraph,
  lf: LayerFlow,
  carrier: CarrierEstimate | undefined,
): { value: number | undefined; sd: number | undefined } {
  if (!lf.carriedBy) return { value: lf.value, sd: lf.sd };
  if (!carrier || Number.isNaN(carrier.value)) return { value: undefined, sd: undefined };
  const value = carrier.value * lf.carriedBy.perCarrier;
  const comp = graph.model.flows[lf.flowIndex]!.components![lf.layer]!;
  const relConc =
    comp.sd !== undefined && comp.concentration
      ? comp.sd / Math.abs(comp.concentration)
      : flowSd(
          { id: '_', from: null, to: null, layer: '_', unit: 't', value: 1, source: comp.source ?? 'lab' },
          undefined,
          graph.model.settings,
        )!.sd;
  const relCarrier = carrier.value !== 0 && Number.isFinite(carrier.sd) ? carrier.sd / Math.abs(carrier.value) : 0;
  return { value, sd: Math.abs(value) * Math.hypot(relConc, relCarrier) };
}
