import { carrier as carrierInfo, type EnergyRow } from '../data/carriers.ts';
import {
  CO2_PER_C,
  fuelFactor,
  HEAT_CARRIERS,
  heatFactor,
  source as fuelSource,
  type FuelFactor,
} from '../data/co2-guides-2015.ts';
import type { GridFactor } from '../data/co2-grid.ts';
import { KJ_PER_KGCE } from '../data/gb2589-2008.ts';
import type { LayerFlow, PlantGraph } from '../model/graph.ts';
import type { CarbonFactorInput } from '../model/schema.ts';
import { parseCarbonContent, parseCo2Factor } from '../units/per-unit.ts';
import { conversionFactor, parseSpecificEnergy } from '../units/units.ts';
import { type FactorRecord, gridRecord, provenanceFields } from './factors.ts';
import { type BaseQuantity, baseQuantity, displayOf, entering, leaving, type Scope, stockSign } from './scope.ts';

/**
 * The CO2 inventory of one state of the plant (shared/standards/STANDARDS.md §6): fuels burnt
 * (E = FC × NCV × CC × OF × 44/12, measured NCV or carbon content overriding the defaults),
 * purchased electricity × the chosen grid factor, purchased heat × the heat factor. Exported
 * electricity and heat (outputs of kind product/by-product) count negative; fuel stock changes
 * count as GB/T 2589 counts them (draw-down +, increase −). Every source names its factor.
 */
export interface CarbonSource {
  flow: string;
  name: string | null;
  nameEn: string | null;
  carrier: string;
  kind: 'fuel' | 'electricity' | 'heat';
  direction: 'in' | 'exported' | 'stock-drawdown' | 'stock-increase';
  /** Signed: negative for exports and stock increases. */
  activity: { value: number; unit: string };
  /** Fuels: FC × NCV, GJ (signed). */
  energyGJ: number | null;
  /** Id of the factor in `factors`. */
  factor: string;
  /** Fuels: the three parameters and whether each was measured. */
  parameters: FuelParameters | null;
  t: number;
}

export interface FuelParameters {
  ncv: { value: number; unit: string; measured: boolean } | null;
  carbon: { value: number; unit: string; measured: boolean };
  oxidation: { value: number; measured: boolean };
}

export interface CarbonInventory {
  /** tCO2 over the balance period; null when a source's quantity is unknown (see `unknown`). */
  total: { t: number | null };
  direct: { t: number };
  indirect: { t: number };
  sources: CarbonSource[];
  /** Energy flows that emit nothing here (water, compressed air, recovered energy …), each with why. */
  excluded: { flow: string; carrier: string; reason: string }[];
  /** Flows that would count but whose quantity is unknown. */
  unknown: string[];
  factors: FactorRecord[];
}

/**
 * A fuel or factor the inventory cannot use: where (JSON path) and why (message code).
 *
 * @example
 * new CarbonProblem(['flows', 2, 'carbon'], 'carbon.unknown', {}).code // => 'carbon.unknown'
 */
export class CarbonProblem extends Error {
  constructor(
    readonly path: (string | number)[],
    readonly code: string,
    readonly params: Record<string, string | number>,
  ) {
    super(code);
  }
}

const FUEL_ROWS: readonly EnergyRow[] = [
  'coal',
  'coke',
  'crude-oil',
  'refined-oil',
  'heavy-oil',
  'residual-oil',
  'natural-gas',
  'lpg',
  'coal-gas',
];

export interface CarbonOptions {
  grid: GridFactor;
  scope?: Scope;
}

/**
 * @example
 * // the dyeing plant with the MEE & NBS 2023 factor of 广东 (0.4419 kgCO2/kWh), as its model chooses
 * const graph = buildGraph(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model);
 * const grid = resolveGrid({ series: 'mee-nbs', year: 2023, region: '广东' }).factor;
 * roundTo(carbonInventory(graph, solveValues(graph).values, { grid }).total.t, 2) // => 271.33
 */
export function carbonInventory(graph: PlantGraph, values: Float64Array, options: CarbonOptions): CarbonInventory {
  const scope = options.scope ?? null;
  const factors = new Map<string, FactorRecord>();
  const sources: CarbonSource[] = [];
  const excluded: CarbonInventory['excluded'] = [];
  const unknown: string[] = [];
  const custom = customFactors(graph);
  for (const i of graph.byLayer.get('energy') ?? []) {
    const f = graph.flows[i]!;
    const flow = graph.model.flows[f.flowIndex]!;
    const sign = stockSign(graph, f, scope);
    const exported = leaving(graph, f, scope) && f.to === -1 && (flow.kind === 'product' || flow.kind === 'by-product');
    if (!entering(graph, f, scope) && sign === 0 && !exported) continue;
    const carrier = f.carrier ?? '';
    const kind = kindOf(carrier);
    const own = custom.get(`flow:${f.id}`) ?? custom.get(`carrier:${carrier}`);
    if (!kind && !own) {
      if (!exported && sign === 0) excluded.push({ flow: f.id, carrier, reason: 'co2.excluded' });
      continue;
    }
    if (kind === 'fuel' && exported) continue; // fuel sold on is not burnt here
    const v = values[i]!;
    if (Number.isNaN(v)) {
      unknown.push(f.id);
      continue;
    }
    const direction: CarbonSource['direction'] = exported
      ? 'exported'
      : sign > 0
        ? 'stock-drawdown'
        : sign < 0
          ? 'stock-increase'
          : 'in';
    const signed = exported || sign < 0 ? -1 : 1;
    const q = baseQuantity(graph, f, v);
    const shown = displayOf(q, carrier);
    const base: Omit<CarbonSource, 'kind' | 'energyGJ' | 'factor' | 'parameters' | 't'> = {
      flow: f.id,
      name: flow.name ?? null,
      nameEn: flow.nameEn ?? null,
      carrier,
      direction,
      activity: { value: signed * shown.value, unit: shown.unit },
    };
    if (own) {
      factors.set(own.record.id, own.record);
      const t = own.apply(q, v, graph, f);
      sources.push({
        ...base,
        kind: kind ?? 'fuel',
        energyGJ: null,
        factor: own.record.id,
        parameters: null,
        t: signed * t,
      });
    } else if (kind === 'electricity') {
      const rec = gridRecord(options.grid);
      factors.set(rec.id, rec);
      const kWh = q.dimension === 'energy' ? q.amount / 3600 : Number.NaN;
      if (Number.isNaN(kWh))
        throw new CarbonProblem(['flows', f.flowIndex, 'unit'], 'co2.electricityUnit', { flow: f.id });
      sources.push({
        ...base,
        kind,
        energyGJ: null,
        factor: rec.id,
        parameters: null,
        t: (signed * kWh * options.grid.value) / 1000,
      });
    } else if (kind === 'heat') {
      const rec = heatRecord();
      factors.set(rec.id, rec);
      const gj = energyContentGJ(graph, v);
      sources.push({
        ...base,
        activity: { value: signed * gj, unit: 'GJ' },
        kind,
        energyGJ: signed * gj,
        factor: rec.id,
        parameters: null,
        t: signed * gj * heatFactor.value,
      });
    } else {
      const fuel = fuelEmission(graph, f, q);
      if (fuel.record) factors.set(fuel.record.id, fuel.record);
      sources.push({
        ...base,
        kind: 'fuel',
        energyGJ: fuel.energyGJ === null ? null : signed * fuel.energyGJ,
        factor: fuel.record?.id ?? 'measured',
        parameters: fuel.parameters,
        t: signed * fuel.t,
      });
    }
  }
  const sum = (xs: CarbonSource[]) => xs.reduce((s, x) => s + x.t, 0);
  const direct = sum(sources.filter((s) => s.kind === 'fuel'));
  const indirect = sum(sources.filter((s) => s.kind !== 'fuel'));
  return {
    total: { t: unknown.length > 0 ? null : direct + indirect },
    direct: { t: direct },
    indirect: { t: indirect },
    sources,
    excluded,
    unknown,
    factors: [...factors.values()],
  };
}

function kindOf(carrier: string): CarbonSource['kind'] | undefined {
  if (carrier === 'electricity') return 'electricity';
  if (HEAT_CARRIERS.includes(carrier)) return 'heat';
  const row = carrierInfo(carrier)?.energyRow;
  return row && FUEL_ROWS.includes(row) ? 'fuel' : undefined;
}

/** A flow's energy content in GJ: its energy-layer value (当量值, tce) × 29.307 GJ/tce. */
function energyContentGJ(graph: PlantGraph, layerValue: number): number {
  const toTce = conversionFactor(graph.layerUnits.get('energy')!, 'tce');
  return (layerValue * toTce * KJ_PER_KGCE * 1000) / 1e6;
}

function heatRecord(): FactorRecord {
  const s = heatFactor.source;
  return {
    id: 'heat',
    label: { zh: '外购热力', en: 'purchased heat' },
    value: heatFactor.value,
    unit: heatFactor.unit,
    series: heatFactor.series,
    year: heatFactor.year,
    region: null,
    regionLabel: null,
    announcement: null,
    tag: s.tag,
    ...provenanceFields(s),
  };
}

function fuelRecord(fuel: FuelFactor): FactorRecord {
  return {
    id: `fuel:${fuel.id}`,
    label: fuel.label,
    value: fuel.kgCO2PerUnit,
    unit: fuel.ncvPer === 't' ? 'kgCO2/kg' : 'kgCO2/Nm3',
    series: 'GHG accounting guides defaults',
    year: Number(fuel.source.edition),
    region: null,
    regionLabel: null,
    announcement: null,
    tag: fuel.source.tag,
    ...provenanceFields(fuel.source),
    source: `${fuelSource.standard} ${fuelSource.edition}, ${fuelSource.clause}: NCV ${fuel.ncv} GJ/${fuel.ncvPer}, CC ${fuel.cc} tC/TJ, OF ${fuel.of}`,
  };
}

/** E = FC × NCV × CC × OF × 44/12 for one fuel flow, with measured values where the model has them. */
function fuelEmission(
  graph: PlantGraph,
  f: LayerFlow,
  q: BaseQuantity,
): { t: number; energyGJ: number | null; parameters: FuelParameters; record: FactorRecord | null } {
  const flow = graph.model.flows[f.flowIndex]!;
  const def = fuelFactor(f.carrier);
  const at = (...rest: (string | number)[]) => ['flows', f.flowIndex, ...rest];
  // NCV in GJ per base unit (kg or Nm³); energy-unit flows need none.
  let ncvPerBase: number | null = null;
  let ncv: FuelParameters['ncv'] = null;
  if (q.dimension !== 'energy') {
    if (flow.lhv) {
      const spec = parseSpecificEnergy(flow.lhv.unit);
      ncvPerBase = (flow.lhv.value * spec.kJPerBase) / 1e6;
      ncv = { value: flow.lhv.value, unit: flow.lhv.unit, measured: true };
    } else if (def) {
      if ((def.ncvPer === 't') !== (q.dimension === 'mass'))
        throw new CarbonProblem(at('unit'), 'co2.fuelUnit', { flow: f.id, unit: flow.unit, per: def.ncvPer });
      ncvPerBase = def.ncvPer === 't' ? def.ncv / 1000 : def.ncv / 1e4;
      ncv = { value: def.ncv, unit: `GJ/${def.ncvPer}`, measured: false };
    }
  }
  const energyGJ = q.dimension === 'energy' ? q.amount / 1e6 : ncvPerBase === null ? null : q.amount * ncvPerBase;
  const measuredOf = flow.carbon?.oxidation;
  const of = measuredOf ?? def?.of;
  if (of === undefined)
    throw new CarbonProblem(at('carbon'), 'co2.noFuelFactor', { flow: f.id, carrier: f.carrier ?? '—' });
  const oxidation = { value: of, measured: measuredOf !== undefined };
  const content = flow.carbon?.content;
  if (content) {
    const cc = parseCarbonContent(content.unit, content.value);
    const carbon = { value: content.value, unit: content.unit, measured: true };
    const parameters = { ncv, carbon, oxidation };
    if (cc.kind === 'fraction') {
      if (q.dimension !== 'mass')
        throw new CarbonProblem(at('carbon', 'content'), 'co2.fractionNeedsMass', { flow: f.id });
      return { t: (q.amount / 1000) * cc.fraction * of * CO2_PER_C, energyGJ, parameters, record: null };
    }
    if (energyGJ === null) throw new CarbonProblem(at('lhv'), 'co2.noNcv', { flow: f.id, carrier: f.carrier ?? '—' });
    return { t: energyGJ * cc.tCPerGJ * of * CO2_PER_C, energyGJ, parameters, record: null };
  }
  if (!def) throw new CarbonProblem(at('carbon'), 'co2.noFuelFactor', { flow: f.id, carrier: f.carrier ?? '—' });
  if (energyGJ === null)
    throw new CarbonProblem(at('unit'), 'co2.fuelUnit', { flow: f.id, unit: flow.unit, per: def.ncvPer });
  const parameters = { ncv, carbon: { value: def.cc, unit: 'tC/TJ', measured: false }, oxidation };
  return { t: energyGJ * (def.cc / 1000) * of * CO2_PER_C, energyGJ, parameters, record: fuelRecord(def) };
}

interface CustomFactor {
  record: FactorRecord;
  apply: (q: BaseQuantity, layerValue: number, graph: PlantGraph, f: LayerFlow) => number;
}

/** Factors the model supplies (carbon.factors), by `flow:<id>` and `carrier:<id>`. */
function customFactors(graph: PlantGraph): Map<string, CustomFactor> {
  const out = new Map<string, CustomFactor>();
  (graph.model.carbon?.factors ?? []).forEach((c: CarbonFactorInput, i) => {
    const key = c.flow !== undefined ? `flow:${c.flow}` : `carrier:${c.carrier}`;
    const parsed = parseCo2Factor(c.unit);
    const record: FactorRecord = {
      id: `model:${key}`,
      label: { zh: `模型给出的因子（${c.flow ?? c.carrier}）`, en: `model factor (${c.flow ?? c.carrier})` },
      value: c.value,
      unit: c.unit,
      series: c.series ?? '—',
      year: c.year!,
      region: c.region ?? null,
      regionLabel: null,
      announcement: null,
      tag: 'model',
      standard: c.source!,
      edition: String(c.year),
      clause: c.series ?? '—',
      source: c.source!,
      note: null,
    };
    out.set(key, {
      record,
      apply: (q, layerValue, g, f) => {
        if (parsed.dimension === q.dimension) return q.amount * parsed.perBase * c.value;
        // An energy-based factor (tCO2/GJ) on a flow counted in mass or volume: use its energy content.
        if (parsed.dimension === 'energy') return energyContentGJ(g, layerValue) * 1e6 * parsed.perBase * c.value;
        throw new CarbonProblem(['carbon', 'factors', i, 'unit'], 'co2.factorDimension', { unit: c.unit, flow: f.id });
      },
    });
  });
  return out;
}
