import { DEFAULT_VOCS_LAYER } from '../data/vocs-practice.ts';
import type { Flow, Model, Settings } from './schema.ts';

/**
 * What a VOCs stream is, for the solvent balance (docs/vocs.md). The kinds are the model's own
 * (`flows[].kind`); a VOCs stream is a flow of the VOCs layer, or a flow carrying a VOCs component.
 */

/**
 * The name of the VOCs component layer: settings.vocs.layer, default "VOCs".
 *
 * @example
 * vocsLayer(undefined) // => 'VOCs'
 * vocsLayer({ vocs: { layer: 'NMHC' } }) // => 'NMHC'
 */
export function vocsLayer(settings: Settings | undefined): string {
  return settings?.vocs?.layer ?? DEFAULT_VOCS_LAYER;
}

/**
 * Whether a flow carries VOCs: its own layer is the VOCs layer, or it has a VOCs component.
 *
 * @example
 * isVocsStream({ id: 'f', layer: 'material', unit: 't', components: { VOCs: { value: 1, unit: 'kg' } } }, 'VOCs') // => true
 * isVocsStream({ id: 'f', layer: 'water', unit: 't' }, 'VOCs') // => false
 */
export function isVocsStream(flow: Flow, layer: string): boolean {
  return flow.layer === layer || flow.components?.[layer] !== undefined;
}

/**
 * Whether the flow's VOCs amount is given (its value, or an absolute component amount, or a concentration on a carrier with a value).
 *
 * @example
 * vocsAmountGiven({ id: 'f', layer: 'VOCs', value: 3, unit: 'kg' }, 'VOCs') // => true
 * vocsAmountGiven({ id: 'f', layer: 'VOCs', unit: 'kg' }, 'VOCs') // => false
 */
export function vocsAmountGiven(flow: Flow, layer: string): boolean {
  if (flow.layer === layer) return flow.value !== undefined;
  const c = flow.components?.[layer];
  if (!c) return false;
  return c.value !== undefined || flow.value !== undefined;
}

/**
 * Releases to air from a capture point: `captured` (collected and sent to treatment or a stack)
 * and `fugitive` (无组织, what the collection misses). Everything else a unit sends out carries
 * VOCs away without releasing them: product, waste, recovered solvent, material passed on.
 */
export const AIR_RELEASE_KINDS = ['captured', 'fugitive'] as const;

/**
 * What leaves to air: captured into a treatment line or fugitive (AIR_RELEASE_KINDS).
 *
 * @example
 * isAirRelease('fugitive') // => true
 * isAirRelease('product') // => false
 */
export function isAirRelease(kind: string | undefined): boolean {
  return kind === 'captured' || kind === 'fugitive';
}

/**
 * What a treatment unit removes: destroyed (`degraded`), adsorbed into waste (spent carbon), or recovered.
 *
 * @example
 * isRemoval('degraded') // => true
 * isRemoval('fugitive') // => false
 */
export function isRemoval(kind: string | undefined): boolean {
  return kind === 'degraded' || kind === 'waste' || kind === 'recycle';
}

/**
 * Whether a model uses the VOCs solvent balance at all: a VOCs layer, or VOCs fields on a node.
 *
 * @example
 * usesVocs(parseModel(readFileSync('datasets/coating.json'), 'coating.json').model) // => true
 * usesVocs(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model) // => false
 */
export function usesVocs(model: Pick<Model, 'nodes' | 'flows' | 'settings'>): boolean {
  const layer = vocsLayer(model.settings);
  return model.nodes.some((n) => n.vocs !== undefined) || model.flows.some((f) => isVocsStream(f, layer));
}
