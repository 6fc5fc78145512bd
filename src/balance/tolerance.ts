import {
  closureTolerance,
  masterSubToleranceFallback,
  masterSubTolerances,
  type MasterSubToleranceRow,
} from '../data/cp-practice.ts';
import type { Provenance } from '../data/provenance.ts';
import type { Settings } from '../model/schema.ts';

/**
 * Closure tolerance of a layer, percent: the model's per-layer (or per-component) value, else
 * its default, else CP-audit practice (5 % for material, water and energy; components as material).
 *
 * @example
 * toleranceFor('water', undefined) // => 5
 * toleranceFor('COD', { tolerance: { layers: { COD: 8 } } }) // => 8
 */
export function toleranceFor(layer: string, settings: Settings | undefined): number {
  const own = settings?.tolerance?.layers?.[layer] ?? settings?.tolerance?.default;
  if (own !== undefined) return own;
  if (layer === 'water') return closureTolerance.waterPct;
  if (layer === 'energy') return closureTolerance.energyPct;
  return closureTolerance.materialPct;
}

/** A master–sub tolerance and where it came from: the model's settings, or a data row with its provenance. */
export interface MasterSubTolerance {
  pct: number;
  source: Provenance | { standard: 'settings'; clause: string };
}

/**
 * Master–sub meter tolerance of a layer and carrier, percent: `settings.masterSubTolerance` (a number
 * for every carrier, or `{ default, carriers: { electricity: 3 } }`), else the most specific row of
 * src/data/cp-practice.ts (water 10 % [C]; energy and material 10 % [U], no published figure).
 *
 * @example
 * masterSubToleranceFor(undefined, 'water', 'fresh-water').pct // => 10
 * masterSubToleranceFor({ masterSubTolerance: 3 }, 'energy', 'electricity').pct // => 3
 */
export function masterSubToleranceFor(
  settings: Settings | undefined,
  layer = 'water',
  carrier: string = layer,
): MasterSubTolerance {
  const own = settings?.masterSubTolerance;
  if (typeof own === 'number') return { pct: own, source: { standard: 'settings', clause: 'masterSubTolerance' } };
  const key = own?.carriers?.[carrier] !== undefined ? carrier : layer;
  const perCarrier = own?.carriers?.[key];
  if (perCarrier !== undefined)
    return { pct: perCarrier, source: { standard: 'settings', clause: `masterSubTolerance.carriers.${key}` } };
  if (own?.default !== undefined)
    return { pct: own.default, source: { standard: 'settings', clause: 'masterSubTolerance.default' } };
  const row: MasterSubToleranceRow =
    masterSubTolerances.find((r) => r.layer === layer && r.carrier === carrier) ??
    masterSubTolerances.find((r) => r.layer === layer && r.carrier === undefined) ??
    masterSubToleranceFallback;
  return { pct: row.pct, source: row.source };
}

/**
 * Whether a relative difference (a fraction) is within a tolerance in percent, limit included: a
 * difference of exactly the tolerance passes. The product × 100 of a fraction carries binary round-off
 * (70 / 1000 × 100 = 7.000000000000001), so the comparison allows 1e-9 of the tolerance for it — far below
 * any figure a meter gives.
 *
 * @example withinTolerance(70 / 1000, 7) // true (7 % against 7 %)
 */
export function withinTolerance(relative: number, pct: number): boolean {
  return Math.abs(relative) * 100 <= pct * (1 + 1e-9) + 1e-12;
}

/**
 * Closure error of a balance: |in − out − Δstock| / in (CP audit practice, STANDARDS.md §5);
 * against `out` when nothing comes in; 0 for an empty balance, null for a stock change with nothing in or out.
 *
 * @example
 * // |100 − 96 − 0| / 100 = 4 %
 * closureError(100, 96, 0) // => 0.04
 * closureError(0, 0, 0) // => 0
 * closureError(0, 0, 5) // => null
 */
export function closureError(input: number, output: number, stockChange: number): number | null {
  const residual = input - output - stockChange;
  // Relative to the input; to the output where nothing enters.
  const denominator = input > 0 ? input : Math.max(output, 0);
  if (denominator === 0) return residual === 0 ? 0 : null;
  return Math.abs(residual) / denominator;
}
