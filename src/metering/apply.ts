import type { Campaign, Meter, Model } from '../model/schema.ts';
import { MS_PER_HOUR } from '../model/time.ts';
import { campaignEndDate } from './meters.ts';
import type { NextItem } from './depth.ts';

/**
 * Applies a "next grade" list to a copy of the model: a new in-service meter of the required class
 * on each listed flow (verified through the campaign), the campaign changes, and measured sources
 * for listed estimated flows. What-if for planners; the tests use it to prove the list works.
 *
 * @example
 * // re-verifying ME41 (the one next step of the dyeing plant) lifts it from 简单型 to 全面型
 * const { model } = parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json');
 * depthVerdict(applyNextSteps(model, depthVerdict(model, {}).next), {}).label.zh // => '全面型'
 */
export function applyNextSteps(
  model: Model,
  items: readonly NextItem[],
  defaultStart = '2026-01-01T00:00:00+08:00',
): Model {
  const out = structuredClone(model);
  const campaign = (): Campaign => {
    out.campaign ??= { start: defaultStart, end: defaultStart, normalProduction: false, performedBy: 'none' };
    return out.campaign;
  };
  for (const item of items) {
    if (item.kind === 'campaign') {
      const c = campaign();
      if (item.change === 'create' || item.change === 'duration') {
        const start = Date.parse(c.start);
        const end = new Date(start + Number(item.to) * MS_PER_HOUR);
        c.end = end.toISOString().replace(/\.\d{3}Z$/, 'Z');
      }
      if (item.change === 'normalProduction') c.normalProduction = true;
      if (item.change === 'performedBy') c.performedBy = item.to as Campaign['performedBy'];
    }
  }
  const until = campaignEndDate(out);
  const ids = new Set((out.meters ?? []).map((m) => m.id));
  for (const item of items) {
    if (item.kind === 'meter' && item.flow) {
      let id = `NEW-${item.flow}`;
      for (let k = 2; ids.has(id); k++) id = `NEW-${item.flow}-${k}`;
      ids.add(id);
      const m: Meter = { id, flows: [item.flow], status: 'in-service' };
      if (item.requiredClass) m.accuracyClass = item.requiredClass;
      if (until) m.verifiedUntil = until;
      (out.meters ??= []).push(m);
    }
    if (item.kind === 'measure') {
      for (const f of out.flows) if (item.flows?.includes(f.id)) f.source = 'metered';
    }
  }
  return out;
}
