import type { Flow, Model } from '../model/schema.ts';
import { conversionFactor, UnitEngineMissing } from '../units/units.ts';
import type { IngestResult } from './types.ts';

export interface ApplyOutcome {
  model: Model;
  /** Flows that took a meter's total. */
  applied: { meter: string; flow: string; value: number; sd: number; unit: string }[];
  /** Meters whose totals were not written, with the reason. */
  skipped: { meter: string; reason: 'several-flows' | 'no-readings' | 'no-unit' | 'not-in-model' }[];
}

/**
 * Writes meter totals into the model: each flow measured by a meter with readings takes the
 * meter's window total as `value` and its standard uncertainty as `sd` — in the flow's own unit
 * when the two convert (one factor per meter), else in the meter's unit. A flow marked
 * `unmeasured` becomes `metered`. A meter on several flows (one quantity seen in several layers,
 * e.g. steam as water and as energy) writes its total into each when every flow's unit converts;
 * otherwise it is skipped.
 * The input model is not changed.
 *
 * @example
 * const { model } = parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json');
 * const r = await ingestReadings([readFileSync('datasets/dyeing-readings.csv')], { file: 'dyeing-readings.csv', model });
 * applyReadingsDetailed(model, r).applied.length // => 45
 */
export function applyReadingsDetailed(model: Model, result: IngestResult): ApplyOutcome {
  const flows: Flow[] = model.flows.map((f) => ({ ...f }));
  const flowIndex = new Map(flows.map((f, i) => [f.id, i]));
  const meters = new Map((model.meters ?? []).map((m) => [m.id, m]));
  const applied: ApplyOutcome['applied'] = [];
  const skipped: ApplyOutcome['skipped'] = [];
  for (const r of result.meters) {
    const meter = meters.get(r.id);
    if (!meter) {
      skipped.push({ meter: r.id, reason: 'not-in-model' });
      continue;
    }
    if (r.readings < 2 || !Number.isFinite(r.total)) {
      skipped.push({ meter: r.id, reason: 'no-readings' });
      continue;
    }
    if (r.unit === '') {
      skipped.push({ meter: r.id, reason: 'no-unit' });
      continue;
    }
    // a meter on several flows measures one quantity seen in several layers (steam as water and as energy)
    const targets = meter.flows.map((id) => flowIndex.get(id)).filter((i): i is number => i !== undefined);
    const factors = targets.map((i) => unitFactor(r.unit, flows[i].unit));
    if (targets.length > 1 && factors.some((f) => f === undefined)) {
      skipped.push({ meter: r.id, reason: 'several-flows' });
      continue;
    }
    targets.forEach((i, k) => {
      const flow = flows[i];
      const factor = factors[k];
      const unit = factor !== undefined ? flow.unit : r.unit;
      const value = r.total * (factor ?? 1);
      const sd = r.sd * (factor ?? 1);
      flows[i] = {
        ...flow,
        value,
        sd,
        unit,
        source: flow.source === undefined || flow.source === 'unmeasured' ? 'metered' : flow.source,
      };
      applied.push({ meter: r.id, flow: flow.id, value, sd, unit });
    });
  }
  return { model: { ...model, flows }, applied, skipped };
}

function unitFactor(from: string, to: string): number | undefined {
  try {
    return conversionFactor(from, to);
  } catch (e) {
    if (e instanceof UnitEngineMissing) throw e;
    return undefined;
  }
}

/**
 * The model with meter totals in its metered flows (see applyReadingsDetailed).
 *
 * @example
 * const { model } = parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json');
 * const r = await ingestReadings([readFileSync('datasets/dyeing-readings.csv')], { file: 'dyeing-readings.csv', model });
 * applyReadings(model, r).flows.find((f) => f.id === 'W01').value // => 6550
 */
export function applyReadings(model: Model, result: IngestResult): Model {
  return applyReadingsDetailed(model, result).model;
}
