import type { Subject } from '../data/acceptance.ts';
import { carrier as carrierInfo } from '../data/carriers.ts';
import { waterIndicators as waterIndicatorDefs } from '../data/gb12452-2008.ts';
import type { Label } from '../data/provenance.ts';
import type { FactorRecord } from './factors.ts';
import {
  type FamilyContext,
  type Getter,
  perUnitIndicators,
  perUnitSaving,
  type StateData,
  totalIndicator,
  totalSaving,
} from './families.ts';
import { type Figure, unitFactor } from './figures.ts';
import type {
  CompareResult,
  EnergySavings,
  Indicator,
  MaterialSavings,
  PollutantSavings,
  StreamSaving,
  WaterSavings,
} from './types.ts';

/**
 * Builds every savings block of a comparison and its indicators from the two states' figures:
 * energy (当量值 and 等价值) and each carrier, new water, each material, each pollutant stream's
 * generation and discharge, CO2.
 */
export interface BlockOptions {
  mainMaterials: string[] | undefined;
  grid: FactorRecord;
  coefficients: EnergySavings['coefficients'];
  warn: (code: string, params?: Record<string, string | number>) => void;
}

const GBT13234 = 'GB/T 13234-2018';

/** A getter from a figure picker, scaled into the unit results show (kg → t …). */
function fromFigure(pick: (d: StateData) => Figure | null | undefined, toUnit?: string): Getter {
  return (d) => {
    const f = pick(d);
    if (!f) return null;
    const k = toUnit === undefined ? 1 : unitFactor(f.unit, toUnit);
    return { value: f.value === null ? null : f.value * k, unknown: f.unknown };
  };
}

function carrierSubject(carrier: string): Subject | null {
  if (carrier === 'electricity') return 'electricity';
  const row = carrierInfo(carrier)?.energyRow;
  if (row === 'steam') return 'steam';
  if (row === 'coal') return 'coal';
  return null;
}

export function savingsOf(
  ctx: FamilyContext,
  opts: BlockOptions,
): { savings: CompareResult['savings']; indicators: Indicator[] } {
  const indicators: Indicator[] = [];
  const basis = `${GBT13234} ${ctx.basis === 'product' ? 'product' : 'output value'}`;
  const { before, after } = ctx.plant;

  // Energy: comprehensive consumption both ways, and each carrier in its physical unit.
  const eq = fromFigure((d) => d.figs.energy.equivalent);
  const equal = fromFigure((d) => d.figs.energy.equal);
  const perUnit = perUnitSaving(ctx, 'tce', eq, basis);
  const perUnitEqual = perUnitSaving(ctx, 'tce', equal, basis);
  const energyLabel: Label = { zh: '综合能耗（当量值）', en: 'comprehensive energy (equivalent value)' };
  const equalLabel: Label = { zh: '综合能耗（等价值）', en: 'comprehensive energy (equal value)' };
  indicators.push(
    ...perUnitIndicators(ctx, { family: 'energy', subject: null, key: null, label: energyLabel }, perUnit),
  );
  indicators.push(
    ...perUnitIndicators(ctx, { family: 'energy-equal', subject: null, key: null, label: equalLabel }, perUnitEqual),
  );
  const total = totalSaving(ctx, 'tce', eq);
  const totalEqual = totalSaving(ctx, 'tce', equal);
  indicators.push(totalIndicator(ctx, { family: 'energy', subject: null, key: null, label: energyLabel }, total));
  indicators.push(
    totalIndicator(ctx, { family: 'energy-equal', subject: null, key: null, label: equalLabel }, totalEqual),
  );
  const carriers: EnergySavings['carriers'] = {};
  const carrierKeys = union(
    before.figs.carriers.map((c) => c.key),
    after.figs.carriers.map((c) => c.key),
  );
  for (const key of carrierKeys) {
    const found = before.figs.carriers.find((c) => c.key === key) ?? after.figs.carriers.find((c) => c.key === key)!;
    const get = fromFigure((d) => d.figs.carriers.find((c) => c.key === key));
    const spec = { family: 'carrier' as const, subject: carrierSubject(key.split('|')[0]!), key, label: found.label };
    const pu = perUnitSaving(ctx, found.unit, get, basis);
    const tot = totalSaving(ctx, found.unit, get);
    indicators.push(...perUnitIndicators(ctx, spec, pu), totalIndicator(ctx, spec, tot));
    carriers[key] = { label: found.label, perUnit: pu, total: tot };
  }
  const energy: EnergySavings = {
    tce: perUnit.saved,
    tceEqual: perUnitEqual.saved,
    perYear: { tce: perUnit.perYear, tceEqual: perUnitEqual.perYear },
    rate: perUnit.rate,
    rateEqual: perUnitEqual.rate,
    basis,
    coefficients: opts.coefficients,
    perUnit,
    perUnitEqual,
    total,
    totalEqual,
    carriers,
  };

  // New water per unit product (GB/T 12452 Vf / Q) and the indicator changes.
  const vf = fromFigure((d) => d.figs.newWater, 't');
  const waterSpec = {
    family: 'new-water' as const,
    subject: 'water' as const,
    key: null,
    label: { zh: '新水量', en: 'new water' },
  };
  const waterPerUnit = perUnitSaving(ctx, 't', vf, basis);
  const newWater = totalSaving(ctx, 't', vf);
  indicators.push(...perUnitIndicators(ctx, waterSpec, waterPerUnit), totalIndicator(ctx, waterSpec, newWater));
  const rates = waterRates(ctx);
  indicators.push(...rates.indicators);
  const water: WaterSavings = {
    t: waterPerUnit.saved,
    perYear: { t: waterPerUnit.perYear },
    rate: waterPerUnit.rate,
    basis,
    perUnit: waterPerUnit,
    newWater,
    indicators: rates.list,
  };

  // Materials: every input by carrier; the main ones (audit.mainMaterials, default all) are judged.
  const materials: Record<string, MaterialSavings> = {};
  const materialKeys = union(
    before.figs.materials.map((m) => m.key),
    after.figs.materials.map((m) => m.key),
  );
  for (const name of opts.mainMaterials ?? [])
    if (!materialKeys.includes(name)) opts.warn('compare.mainMaterialUnknown', { name });
  for (const key of materialKeys) {
    const found = before.figs.materials.find((m) => m.key === key) ?? after.figs.materials.find((m) => m.key === key)!;
    const main = opts.mainMaterials === undefined || opts.mainMaterials.includes(key);
    const get = fromFigure((d) => d.figs.materials.find((m) => m.key === key), 't');
    const spec = { family: 'material' as const, subject: main ? ('material' as const) : null, key, label: found.label };
    const pu = perUnitSaving(ctx, 't', get, basis);
    const tot = totalSaving(ctx, 't', get);
    indicators.push(...perUnitIndicators(ctx, spec, pu), totalIndicator(ctx, spec, tot));
    materials[key] = { label: found.label, main, t: pu.saved, perYear: { t: pu.perYear }, perUnit: pu, total: tot };
  }

  // Pollutants: generation and discharge of every stream, in t.
  const pollutants: Record<string, PollutantSavings> = {};
  const ids = union(
    before.figs.pollutants.map((p) => p.id),
    after.figs.pollutants.map((p) => p.id),
  );
  for (const id of ids) {
    const found = before.figs.pollutants.find((p) => p.id === id) ?? after.figs.pollutants.find((p) => p.id === id)!;
    const stream = (which: 'generation' | 'discharge'): StreamSaving | null => {
      const pick = (d: StateData) => {
        const p = d.figs.pollutants.find((x) => x.id === id);
        return p ? p[which] : null;
      };
      if (which === 'discharge' && !found.discharge) return null;
      const get = fromFigure(pick, 't');
      const label =
        which === 'generation'
          ? { zh: `${found.label.zh}产生量`, en: `${found.label.en} generated` }
          : { zh: `${found.label.zh}排放量`, en: `${found.label.en} discharged` };
      const spec = { family: which, subject: found.subject, key: id, label };
      const tot = totalSaving(ctx, 't', get);
      indicators.push(totalIndicator(ctx, spec, tot));
      // Per unit only where every term's scope holds the figure (discharge: the enterprise).
      const perUnitOk = ctx.terms.every((t) => {
        const p = t.before.figs.pollutants.find((x) => x.id === id) ?? t.after.figs.pollutants.find((x) => x.id === id);
        return !p || p[which] !== null;
      });
      const pu = perUnitOk ? perUnitSaving(ctx, 't', get, basis) : null;
      if (pu) indicators.push(...perUnitIndicators(ctx, spec, pu));
      return { t: tot.saved, perYear: { t: tot.savedPerYear }, total: tot, perUnit: pu };
    };
    pollutants[id] = {
      label: found.label,
      subject: found.subject,
      generation: stream('generation')!,
      discharge: stream('discharge'),
    };
  }

  // CO2: base − report, and per unit product.
  const co2Get: Getter = (d) => ({ value: d.co2.total.t, unknown: d.co2.unknown });
  const co2Spec = {
    family: 'co2' as const,
    subject: null,
    key: null,
    label: { zh: '二氧化碳排放量', en: 'CO2 emissions' },
  };
  const co2Total = totalSaving(ctx, 't', co2Get);
  const co2PerUnit = perUnitSaving(ctx, 't', co2Get, basis);
  indicators.push(...perUnitIndicators(ctx, co2Spec, co2PerUnit), totalIndicator(ctx, co2Spec, co2Total));
  const co2 = {
    t: co2Total.saved,
    perYear: { t: co2Total.savedPerYear },
    total: co2Total,
    perUnit: co2PerUnit,
    grid: opts.grid,
  };
  const unknown = new Set(indicatorsUnknown([total, newWater, co2Total]));
  if (unknown.size > 0) opts.warn('compare.unknownFlows', { flows: [...unknown].join(', ') });
  return { savings: { energy, water, materials, pollutants, co2 }, indicators };
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

function indicatorsUnknown(totals: { unknown: string[] }[]): string[] {
  return totals.flatMap((t) => t.unknown);
}

/** GB/T 12452 rates of the enterprise before and after (src/balance/water-indicators.ts). */
function waterRates(ctx: FamilyContext): { indicators: Indicator[]; list: WaterSavings['indicators'] } {
  const wb = ctx.plant.before.figs.water[0] as unknown as Record<string, unknown> | undefined;
  const wa = ctx.plant.after.figs.water[0] as unknown as Record<string, unknown> | undefined;
  const num = (w: Record<string, unknown> | undefined, k: string) =>
    typeof w?.[k] === 'number' ? (w[k] as number) : null;
  const list: WaterSavings['indicators'] = [];
  const indicators: Indicator[] = [];
  for (const d of waterIndicatorDefs) {
    const before = num(wb, d.id);
    const after = num(wa, d.id);
    if (before === null && after === null) continue;
    const change = before === null || after === null ? null : after - before;
    list.push({ id: d.id, label: d.label, before, after, change });
    indicators.push({
      id: `water:${d.id}`,
      group: 'water',
      subject: null,
      key: d.id,
      product: null,
      measure: 'rate',
      label: d.label,
      unit: '',
      before,
      after,
      change,
      rate: null,
      threshold: null,
      pass: null,
      rule: null,
    });
  }
  return { indicators, list };
}
