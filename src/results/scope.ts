import type { LayerFlow, PlantGraph } from '../model/graph.ts';
import { parseUnit, type Dimension } from '../units/units.ts';

/**
 * The boundary a figure is taken at: the whole plant (every root, `null`) or one node and what lies
 * below it (a workshop or line a product is attributed to).
 */
export type Scope = number | null;

/** Whether node x (−1 = outside) lies inside the scope. */
export function within(graph: PlantGraph, x: number, scope: Scope): boolean {
  if (x < 0) return false;
  if (scope === null) return true;
  for (let c = x; c !== -1; c = graph.parent[c]!) if (c === scope) return true;
  return false;
}

export function entering(graph: PlantGraph, f: LayerFlow, scope: Scope): boolean {
  return !f.stock && !within(graph, f.from, scope) && within(graph, f.to, scope);
}

export function leaving(graph: PlantGraph, f: LayerFlow, scope: Scope): boolean {
  return !f.stock && within(graph, f.from, scope) && !within(graph, f.to, scope);
}

/**
 * A stock change inside the scope, signed as consumption counts it (GB/T 2589: consumption =
 * received − sent out − stock increase): +1 for a draw-down (null → node), −1 for an accumulation
 * (node → null), 0 for a stock flow outside the scope or any other flow.
 */
export function stockSign(graph: PlantGraph, f: LayerFlow, scope: Scope): number {
  if (!f.stock) return 0;
  if (f.from === -1 && within(graph, f.to, scope)) return 1;
  if (f.to === -1 && within(graph, f.from, scope)) return -1;
  return 0;
}

/** A flow's quantity over the balance period in base units (kg, m³, Nm³, kJ). */
export interface BaseQuantity {
  amount: number;
  dimension: Dimension;
}

/**
 * The period quantity behind a layer value: the flow's own value (layer value / factor) times its
 * unit's base factor and, for rates, the period's hours (the conversion the model layer made).
 */
export function baseQuantity(graph: PlantGraph, f: LayerFlow, layerValue: number): BaseQuantity {
  const flow = graph.model.flows[f.flowIndex]!;
  const u = parseUnit(flow.unit);
  const own = f.factor === 0 ? 0 : layerValue / f.factor;
  const { periodHours, annualHours } = graph.ctx;
  const time = u.per === null ? 1 : u.per === 'hour' ? periodHours! : periodHours! / annualHours;
  return { amount: own * u.toBase * time, dimension: u.dimension };
}

/** Base units → the unit results are shown in, per dimension (electricity in kWh, other energy in GJ). */
export function displayOf(q: BaseQuantity, carrier: string | undefined): { value: number; unit: string } {
  switch (q.dimension) {
    case 'mass':
      return { value: q.amount / 1000, unit: 't' };
    case 'volume':
      return { value: q.amount, unit: 'm3' };
    case 'gasVolume':
      return { value: q.amount, unit: 'Nm3' };
    case 'energy':
      return carrier === 'electricity'
        ? { value: q.amount / 3600, unit: 'kWh' }
        : { value: q.amount / 1e6, unit: 'GJ' };
  }
}
