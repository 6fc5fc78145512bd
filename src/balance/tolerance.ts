import { closureTolerance, masterSubTolerance } from '../data/cp-practice.ts';
import type { Settings } from '../model/schema.ts';

/**
 * Closure tolerance of a layer, percent: the model's per-layer (or per-component) value, else
 * its default, else CP-audit practice (5 % for material, water and energy; components as material).
 */
export function toleranceFor(layer: string, settings: Settings | undefined): number {
  const own = settings?.tolerance?.layers?.[layer] ?? settings?.tolerance?.default;
  if (own !== undefined) return own;
  if (layer === 'water') return closureTolerance.waterPct;
  if (layer === 'energy') return closureTolerance.energyPct;
  return closureTolerance.materialPct;
}

/** Master–sub meter tolerance, percent. */
export function masterSubToleranceFor(settings: Settings | undefined): number {
  return settings?.masterSubTolerance ?? masterSubTolerance.pct;
}

/**
 * Closure error of a balance: |in − out − Δstock| / in (CP audit practice, STANDARDS.md §5);
 * against `out` when nothing comes in; null for an empty balance.
 *
 * @example closureError(100, 96, 0) // 0.04
 */
export function closureError(input: number, output: number, stockChange: number): number | null {
  const residual = input - output - stockChange;
  // Relative to the input; to the output where nothing enters.
  const denominator = input > 0 ? input : Math.max(output, 0);
  if (denominator === 0) return residual === 0 ? 0 : null;
  return Math.abs(residual) / denominator;
}
