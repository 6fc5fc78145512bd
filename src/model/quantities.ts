import { coefficient, electricityEqualValue, KJ_PER_KGCE } from '../data/gb2589-2008.ts';
import { carrier as carrierInfo } from '../data/carriers.ts';
import { annualHours as defaultAnnualHours } from '../data/cp-practice.ts';
import {
  parseConcentration,
  parseSpecificEnergy,
  parseUnit,
  UnitEngineMissing,
  UnitError,
  type UnitInfo,
} from '../units/units.ts';
import { isBaseLayer, layerUnit, WATER_DENSITY_KG_PER_M3 } from './layers.ts';
import { DEFAULT_TIMEZONE, MS_PER_HOUR, parseIsoInZone } from './time.ts';
import type { Campaign, Component, Flow, Model, Settings } from './schema.ts';

/**
 * Conversion of a flow's value (in its own unit) into its layer's unit, as one factor per flow.
 * Energy flows get two factors: 当量值 (equivalent) and 等价值 (equal value; differs for electricity).
 */
export interface FlowFactor {
  /** layer-unit value = flow value × factor */
  factor: number;
  /** energy layer only: the 等价值 factor */
  equalFactor: number;
  /** How the factor was obtained, for reports (e.g. "GB/T 2589 raw-coal 0.7143 kgce/kg"). */
  basis: string;
}

/**
 * Why a flow's unit does not fit: a message code and its parameters (see src/i18n/model.ts).
 *
 * @example
 * new FactorProblem('unit.unknown', { unit: 'x' }).field // => 'unit'
 */
export class FactorProblem extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number>,
    readonly field: 'unit' | 'lhv' | 'density' = 'unit',
  ) {
    super(code);
  }
}

export interface BasisContext {
  settings: Settings | undefined;
  /** Hours of the balance period, when known. */
  periodHours: number | undefined;
  annualHours: number;
  /** kgce/kWh for electricity 等价值 (settings.electricityEqualValue or the JJF 1356 default). */
  electricityEqualValue: number;
}

/**
 * Campaign duration in hours, or undefined.
 *
 * @example
 * // 2 March 08:00 to 5 March 08:00 (+08:00): 3 × 24 = 72 h
 * campaignHours({ start: '2026-03-02T08:00:00+08:00', end: '2026-03-05T08:00:00+08:00' }) // => 72
 * campaignHours(undefined) // => undefined
 */
export function campaignHours(campaign: Campaign | undefined): number | undefined {
  if (!campaign) return undefined;
  const zone = campaign.timezone ?? DEFAULT_TIMEZONE;
  const ms = parseIsoInZone(campaign.end, zone) - parseIsoInZone(campaign.start, zone);
  return Number.isFinite(ms) && ms > 0 ? ms / MS_PER_HOUR : undefined;
}

/**
 * The balance period: settings.periodHours, else the campaign's duration, else — when every rate
 * in the model is per annum and nothing is a plain quantity — one operating year.
 *
 * @example
 * const c = basisContext(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model);
 * [c.periodHours, c.annualHours, c.electricityEqualValue] // => [72, 8760, 0.3007]
 */
export function basisContext(model: Pick<Model, 'settings' | 'campaign' | 'flows'>): BasisContext {
  const annualHours = model.settings?.annualHours ?? defaultAnnualHours.hours;
  let periodHours = model.settings?.periodHours ?? campaignHours(model.campaign);
  if (periodHours === undefined) {
    let allAnnual = model.flows.length > 0;
    for (const f of model.flows) {
      try {
        if (parseUnit(f.unit).per !== 'year') allAnnual = false;
      } catch (e) {
        if (e instanceof UnitEngineMissing) throw e;
        allAnnual = false;
      }
    }
    if (allAnnual) periodHours = annualHours;
  }
  const electricityEqual = model.settings?.electricityEqualValue ?? electricityEqualValue.kgcePerKWh;
  return { settings: model.settings, periodHours, annualHours, electricityEqualValue: electricityEqual };
}

function timeMultiplier(u: UnitInfo, ctx: BasisContext): number {
  if (u.per === null) return 1;
  if (ctx.periodHours === undefined) throw new FactorProblem('unit.ratePeriod', { unit: u.text });
  return u.per === 'hour' ? ctx.periodHours : ctx.periodHours / ctx.annualHours;
}

/** Density of a flow in kg/m³: its own, else water's for water-layer flows. */
function densityKgPerM3(flow: Flow): number | undefined {
  if (flow.density) {
    const slash = flow.density.unit.lastIndexOf('/');
    try {
      const num = parseUnit(flow.density.unit.slice(0, slash));
      const den = parseUnit(flow.density.unit.slice(slash + 1));
      if (slash > 0 && num.dimension === 'mass' && den.dimension === 'volume' && !num.per && !den.per) {
        return (flow.density.value * num.toBase) / den.toBase;
      }
    } catch (e) {
      if (e instanceof UnitEngineMissing) throw e; // else reported below
    }
    throw new FactorProblem('unit.densityUnit', { unit: flow.density.unit }, 'density');
  }
  return flow.layer === 'water' ? WATER_DENSITY_KG_PER_M3 : undefined;
}

/**
 * Factors already computed: by the basis context's numbers, then by what of the flow decides its
 * factor. Each context finds its table once (`tables`; its numbers are checked on each use, so a
 * context changed in place is not served another's factors).
 */
const factorTables = new Map<string, Map<string, FlowFactor>>();
interface ContextTable {
  periodHours: number | undefined;
  annualHours: number;
  electricityEqualValue: number;
  factors: Map<string, FlowFactor>;
}
const tables = new WeakMap<BasisContext, ContextTable>();

function tableOf(ctx: BasisContext): Map<string, FlowFactor> {
  const t = tables.get(ctx);
  const { periodHours, annualHours, electricityEqualValue } = ctx;
  if (
    t !== undefined &&
    t.periodHours === periodHours &&
    t.annualHours === annualHours &&
    t.electricityEqualValue === electricityEqualValue
  )
    return t.factors;
  const key = `${periodHours}\u0000${annualHours}\u0000${electricityEqualValue}`;
  let factors = factorTables.get(key);
  if (!factors) factorTables.set(key, (factors = new Map()));
  tables.set(ctx, { periodHours, annualHours, electricityEqualValue, factors });
  return factors;
}

/**
 * Converts a flow's own unit into its layer's unit; throws FactorProblem when it cannot.
 *
 * @example
 * // GB/T 2589-2008: electricity 0.1229 kgce/kWh (当量值) = 0.0001229 tce/kWh; 等价值 from the model's 0.3007 kgce/kWh
 * const { model } = parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json');
 * const f = flowFactor(model.flows.find((x) => x.id === 'E01'), basisContext(model));
 * [f.factor, roundTo(f.equalFactor, 7)] // => [0.0001229, 0.0003007]
 */
export function flowFactor(flow: Flow, ctx: BasisContext): FlowFactor {
  const factors = tableOf(ctx);
  // a template, not [..].join: this runs for every flow of a model twice (validation, the graph)
  let key = `${flow.layer}\u0000${flow.unit}\u0000${flow.carrier ?? ''}\u0000${ctx.settings?.displayUnits?.[flow.layer] ?? ''}`;
  if (flow.lhv || flow.density)
    key += `\u0000${flow.lhv?.value}\u0000${flow.lhv?.unit}\u0000${flow.density?.value}\u0000${flow.density?.unit}`;
  const hit = factors.get(key);
  if (hit) return hit;
  const f = computeFactor(flow, ctx);
  factors.set(key, f);
  return f;
}

function unitOrProblem(text: string): UnitInfo {
  try {
    return parseUnit(text);
  } catch (e) {
    if (!(e instanceof UnitError)) throw e;
    throw new FactorProblem('unit.unknown', { detail: e.message });
  }
}

function computeFactor(flow: Flow, ctx: BasisContext): FlowFactor {
  const u = unitOrProblem(flow.unit);
  const base = u.toBase * timeMultiplier(u, ctx); // kg | m³ | Nm³ | kJ per unit value
  const target = unitOrProblem(layerUnit(flow.layer, ctx.settings));
  const layer = flow.layer;
  const misfit = () => new FactorProblem('unit.layer', { unit: flow.unit, dimension: u.dimension, layer });

  if (layer === 'energy') {
    if (target.dimension !== 'energy' || target.per !== null)
      throw new FactorProblem('settings.displayUnit', { unit: target.text, layer });
    const toKgce = energyToKgce(flow, u, base, ctx.electricityEqualValue);
    const perTarget = KJ_PER_KGCE / target.toBase; // target units per kgce
    return {
      factor: toKgce.equivalent * perTarget,
      equalFactor: toKgce.equal * perTarget,
      basis: toKgce.basis,
    };
  }
  // Mass-balanced layers: material, water, components.
  let kg: number;
  if (u.dimension === 'mass') kg = base;
  else if (u.dimension === 'volume' || (u.dimension === 'gasVolume' && flow.density)) {
    const rho = densityKgPerM3(flow);
    if (rho === undefined) throw new FactorProblem('unit.needsDensity', { unit: flow.unit, layer });
    kg = base * rho;
  } else throw misfit();
  if (!isBaseLayer(layer) && u.dimension !== 'mass') throw misfit();
  // the water layer may be shown in m³: water's own 1 t/m³ (GB/T 12452 counts m³ and t alike)
  const volumeTarget = layer === 'water' && target.dimension === 'volume';
  if ((target.dimension !== 'mass' && !volumeTarget) || target.per !== null)
    throw new FactorProblem('settings.displayUnit', { unit: target.text, layer });
  const factor = kg / (volumeTarget ? target.toBase * WATER_DENSITY_KG_PER_M3 : target.toBase);
  return { factor, equalFactor: factor, basis: `${flow.unit} → ${target.text}` };
}

interface KgceFactors {
  equivalent: number;
  equal: number;
  basis: string;
}

/** GB/T 2589: kgce per unit value, by measured LHV, by the carrier's coefficient, or by energy content. */
function energyToKgce(flow: Flow, u: UnitInfo, base: number, equalValue: number): KgceFactors {
  if (flow.lhv) {
    let spec: ReturnType<typeof parseSpecificEnergy>;
    try {
      spec = parseSpecificEnergy(flow.lhv.unit);
    } catch (e) {
      if (e instanceof UnitEngineMissing) throw e;
      throw new FactorProblem('unit.unknown', { detail: (e as UnitError).message }, 'lhv');
    }
    if (spec.perDimension !== u.dimension && !(spec.perDimension === 'volume' && u.dimension === 'gasVolume')) {
      throw new FactorProblem('unit.lhvDimension', { lhv: flow.lhv.unit, unit: flow.unit }, 'lhv');
    }
    const k = (base * flow.lhv.value * spec.kJPerBase) / KJ_PER_KGCE;
    return { equivalent: k, equal: k, basis: `LHV ${flow.lhv.value} ${flow.lhv.unit} / ${KJ_PER_KGCE} kJ/kgce` };
  }
  const info = carrierInfo(flow.carrier);
  const coef = info?.coefficient ? coefficient(info.coefficient) : undefined;
  if (u.dimension === 'energy') {
    // Electricity is converted with the table's kWh coefficients (0.1229 当量值, equal value a parameter);
    // every other energy unit by its heat content.
    if (info?.id === 'electricity' && coef) {
      const kWh = base / 3600;
      return {
        equivalent: kWh * coef.kgce,
        equal: kWh * equalValue,
        basis: `GB/T 2589 electricity ${coef.kgce} kgce/kWh (当量值); ${equalValue} kgce/kWh (等价值)`,
      };
    }
    const k = base / KJ_PER_KGCE;
    return { equivalent: k, equal: k, basis: `${KJ_PER_KGCE} kJ/kgce` };
  }
  if (!coef) throw new FactorProblem('unit.needsCoefficient', { unit: flow.unit, carrier: flow.carrier ?? '—' });
  // Coefficients are per kg, per m³ (gases: standard state), per kWh or per MJ.
  let perCoefUnit: number;
  if (coef.per === 'kg' && u.dimension === 'mass') perCoefUnit = base;
  else if (coef.per === 'm3' && (u.dimension === 'volume' || u.dimension === 'gasVolume')) perCoefUnit = base;
  else throw new FactorProblem('unit.needsCoefficient', { unit: flow.unit, carrier: flow.carrier ?? '—' });
  const k = perCoefUnit * coef.kgce;
  return { equivalent: k, equal: k, basis: `GB/T 2589 ${coef.id} ${coef.kgce} kgce/${coef.per}` };
}

/**
 * Component amount per unit of the carrier flow's layer value (kg of component per t of water,
 * per tce…), or — for an absolute amount — the fixed amount in the component's layer unit.
 */
export type ComponentFactor = { kind: 'concentration'; perCarrier: number } | { kind: 'amount'; amount: number };

/**
 * A flow's component as a ComponentFactor: a concentration (mg/L, mg/Nm³, %) turned into the component's layer
 * unit per unit of the carrier's layer value, or an absolute amount in the component's layer unit.
 *
 * @example
 * // COD at 5 mg/L in water: 5 mg/L × 1 000 L/t = 5 g/t = 0.005 kg per t of water
 * const { model } = parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json');
 * const w01 = model.flows.find((f) => f.id === 'W01');
 * const ctx = basisContext(model);
 * componentFactor(w01, 'COD', w01.components.COD, flowFactor(w01, ctx), ctx) // => { kind: 'concentration', perCarrier: 0.005 }
 */
export function componentFactor(
  flow: Flow,
  name: string,
  comp: Component,
  carrierFactor: FlowFactor,
  ctx: BasisContext,
): ComponentFactor {
  const target = unitOrProblem(layerUnit(name, ctx.settings));
  if (target.dimension !== 'mass' || target.per !== null)
    throw new FactorProblem('settings.displayUnit', { unit: target.text, layer: name });
  if (comp.value !== undefined) {
    const u = unitOrProblem(comp.unit);
    if (u.dimension !== 'mass') throw new FactorProblem('component.amountUnit', { unit: comp.unit });
    return { kind: 'amount', amount: (comp.value * u.toBase * timeMultiplier(u, ctx)) / target.toBase };
  }
  let conc: ReturnType<typeof parseConcentration>;
  try {
    conc = parseConcentration(comp.unit);
  } catch (e) {
    if (e instanceof UnitEngineMissing) throw e;
    throw new FactorProblem('component.concentrationUnit', { unit: comp.unit, detail: (e as Error).message });
  }
  const u = unitOrProblem(flow.unit);
  const baseOfValue = u.toBase * timeMultiplier(u, ctx); // carrier base units per flow-unit value
  // component kg per flow-unit value, then per layer-unit value
  let kgPerValue: number;
  if (conc.kind === 'perGasVolume') {
    if (u.dimension !== 'gasVolume') throw new FactorProblem('component.gasOnly', { unit: comp.unit });
    kgPerValue = conc.factor * baseOfValue;
  } else {
    const rho = densityKgPerM3(flow);
    if (conc.kind === 'fraction') {
      const massKg = u.dimension === 'mass' ? baseOfValue : rho !== undefined ? baseOfValue * rho : undefined;
      if (massKg === undefined) throw new FactorProblem('unit.needsDensity', { unit: flow.unit, layer: flow.layer });
      kgPerValue = conc.factor * massKg;
    } else {
      const m3 =
        u.dimension === 'volume'
          ? baseOfValue
          : u.dimension === 'mass' && rho !== undefined
            ? baseOfValue / rho
            : undefined;
      if (m3 === undefined) throw new FactorProblem('unit.needsDensity', { unit: flow.unit, layer: flow.layer });
      kgPerValue = conc.factor * m3;
    }
  }
  return {
    kind: 'concentration',
    perCarrier: (kgPerValue * (comp.concentration ?? 0)) / carrierFactor.factor / target.toBase,
  };
}
