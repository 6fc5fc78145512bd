import type { Settings } from './schema.ts';

/** The three base layers; every other layer name is a component (pollutant factor). */
export const BASE_LAYERS = ['material', 'water', 'energy'] as const;
export type BaseLayer = (typeof BASE_LAYERS)[number];

/**
 * True for the three base layers (material, water, energy); false for a component (COD, Ni …).
 *
 * @example
 * isBaseLayer('water') // => true
 * isBaseLayer('COD') // => false
 */
export function isBaseLayer(layer: string): layer is BaseLayer {
  return (BASE_LAYERS as readonly string[]).includes(layer);
}

/**
 * The unit each layer is balanced in: material and water in t (water volumes at 1 t/m³, as
 * GB/T 12452 balances count m³ and t alike), energy in tce, components in kg.
 * `settings.displayUnits` may choose another unit of the same dimension.
 */
export const DEFAULT_LAYER_UNITS: Record<BaseLayer, string> = { material: 't', water: 't', energy: 'tce' };
export const DEFAULT_COMPONENT_UNIT = 'kg';

/** Water density used where a water-layer flow relates volume and mass, kg/m³. */
export const WATER_DENSITY_KG_PER_M3 = 1000;

/**
 * The unit a layer is balanced in: `settings.displayUnits[layer]`, else t for material and water, tce for
 * energy, kg for a component (DEFAULT_LAYER_UNITS above).
 *
 * @example
 * layerUnit('energy', undefined) // => 'tce'
 * layerUnit('COD', undefined) // => 'kg'
 */
export function layerUnit(layer: string, settings: Settings | undefined): string {
  const chosen = settings?.displayUnits?.[layer];
  if (chosen) return chosen;
  return isBaseLayer(layer) ? DEFAULT_LAYER_UNITS[layer] : DEFAULT_COMPONENT_UNIT;
}
