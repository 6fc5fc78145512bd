import { carrier as carrierInfo } from '../data/carriers.ts';
import type { MainCategory, MainThreshold, ThresholdUnit } from '../data/gb17167-2006.ts';
import type { LayerFlow, PlantGraph } from '../model/graph.ts';
import { WATER_DENSITY_KG_PER_M3 } from '../model/layers.ts';
import { parseUnit } from '../units/units.ts';

/**
 * A flow's own magnitude over the balance period, in its GB 17167 Table 1/2 group's base unit:
 * electricity kWh; coal, coke, oils, water t; gases m³; steam and "other" GJ.
 */
export interface Magnitude {
  category: MainCategory;
  /** Amount over the period, in `baseUnit`. */
  amount: number;
  baseUnit: 'kWh' | 't' | 'm3' | 'GJ';
}

const BASE: Record<MainCategory, Magnitude['baseUnit']> = {
  electricity: 'kWh',
  'solid-fuel': 't',
  oil: 't',
  'heavy-oil': 't',
  gas: 'm3',
  steam: 'GJ',
  water: 't',
  other: 'GJ',
};

/** Table 1/2 group of an energy-layer flow's carrier; carriers without a Table 3 row count as "other". */
export function categoryOf(thresholds: readonly MainThreshold[], carrier: string | undefined): MainCategory {
  const row = carrierInfo(carrier)?.energyRow;
  return thresholds.find((t) => row !== undefined && t.rows.includes(row))?.category ?? 'other';
}

/** Base units per layer-unit value (energy layer: tce → 29 307 000 kJ; water shown in m³: 1 000 kg at 1 t/m³). */
function layerUnitTo(graph: PlantGraph, layer: string): number {
  const u = parseUnit(graph.layerUnits.get(layer)!);
  return u.dimension === 'volume' ? u.toBase * WATER_DENSITY_KG_PER_M3 : u.toBase;
}

/**
 * The magnitude of a water- or energy-layer flow, or undefined when it has no value, the period
 * is unknown for a rate, or it is a material flow. A quantity the group's unit cannot express
 * (coal given in GJ) is compared as energy content with the "other" limits.
 */
export function flowMagnitude(
  graph: PlantGraph,
  lf: LayerFlow,
  thresholds: readonly MainThreshold[],
): Magnitude | undefined {
  const flow = graph.model.flows[lf.flowIndex]!;
  if (flow.value === undefined || lf.value === undefined) return undefined;
  if (lf.layer === 'water') {
    return { category: 'water', amount: (Math.abs(lf.value) * layerUnitTo(graph, 'water')) / 1000, baseUnit: 't' };
  }
  if (lf.layer !== 'energy') return undefined;
  const energyGJ = (Math.abs(lf.value) * layerUnitTo(graph, 'energy')) / 1e6;
  const category = categoryOf(thresholds, flow.carrier);
  const u = parseUnit(flow.unit);
  const period = graph.ctx.periodHours;
  if (u.per !== null && period === undefined) return undefined;
  const time = u.per === 'hour' ? period! : u.per === 'year' ? period! / graph.ctx.annualHours : 1;
  const base = Math.abs(flow.value) * u.toBase * time; // kg | m³ | Nm³ | kJ over the period
  const other = (): Magnitude => ({ category: 'other', amount: energyGJ, baseUnit: 'GJ' });
  switch (category) {
    case 'electricity':
      return u.dimension === 'energy' ? { category, amount: base / 3600, baseUnit: 'kWh' } : other();
    case 'solid-fuel':
    case 'oil':
    case 'heavy-oil':
      return u.dimension === 'mass' ? { category, amount: base / 1000, baseUnit: 't' } : other();
    case 'gas':
      return u.dimension === 'volume' || u.dimension === 'gasVolume'
        ? { category, amount: base, baseUnit: 'm3' }
        : other();
    case 'water':
      if (u.dimension === 'mass') return { category, amount: base / 1000, baseUnit: 't' };
      if (u.dimension === 'volume') return { category, amount: base, baseUnit: 't' }; // 1 t/m³ (GB/T 12452 practice)
      return other();
    case 'steam':
      return { category, amount: energyGJ, baseUnit: 'GJ' };
    default:
      return other();
  }
}

/**
 * A period amount as the rate a threshold is written in. Table units: kW = kWh / h;
 * x/a = amount × annual hours / period hours; x/h = amount / period hours; MW = GJ/h ÷ 3.6.
 */
export function asRate(amount: number, unit: ThresholdUnit, periodHours: number, annualHours: number): number {
  switch (unit) {
    case 'kW':
    case 't/h':
    case 'm3/h':
    case 'GJ/h':
      return amount / periodHours;
    case 'MW':
      return amount / periodHours / 3.6;
    default:
      return (amount * annualHours) / periodHours;
  }
}

export { BASE as CATEGORY_BASE_UNIT };
