import type { Subject } from '../data/acceptance.ts';
import { carrierName } from '../i18n/index.ts';
import { NEW_WATER_CARRIERS } from '../data/gb12452-2008.ts';
import { subjectOfComponent } from '../data/pollutant-names.ts';
import type { Label } from '../data/provenance.ts';
import { energyUse } from '../balance/energy-use.ts';
import { waterIndicators } from '../balance/water-indicators.ts';
import type { WaterIndicators } from '../balance/types.ts';
import type { LayerFlow, PlantGraph } from '../model/graph.ts';
import { isBaseLayer } from '../model/layers.ts';
import { conversionFactor } from '../units/units.ts';
import { baseQuantity, displayOf, entering, leaving, type Scope, stockSign, within } from './scope.ts';

/**
 * The figures of one state of the plant that savings compare, taken at a scope (the whole plant, or
 * the node a product is attributed to): comprehensive energy, energy by carrier in physical units,
 * new water, material inputs, and every pollutant's generation and discharge. Values over the
 * balance period; null where a term is unknown (the flows are listed, nothing is dropped).
 */
export interface Figure {
  value: number | null;
  unit: string;
  flows: string[];
  unknown: string[];
}

export interface KeyedFigure extends Figure {
  key: string;
  label: Label;
}

export interface PollutantFigure {
  /** Component layer name, or wastewater | solid-waste | hazardous-waste | waste-gas. */
  id: string;
  label: Label;
  subject: Subject | null;
  generation: Figure;
  /** At the enterprise boundary; null where the scope is not the enterprise, or for solid waste. */
  discharge: Figure | null;
}

export interface StateFigures {
  energy: { equivalent: Figure; equal: Figure };
  carriers: KeyedFigure[];
  newWater: Figure;
  materials: KeyedFigure[];
  /** Material recovered and used again inside the scope (material-layer flows of kind "recycle"). */
  recovered: Figure;
  pollutants: PollutantFigure[];
  /** GB/T 12452 indicators of each enterprise (src/balance/water-indicators.ts); plant scope only. */
  water: WaterIndicators[];
}

class Acc {
  value = 0;
  flows: string[] = [];
  unknown: string[] = [];
  constructor(readonly unit: string) {}
  add(id: string, v: number, sign = 1) {
    if (Number.isNaN(v)) this.unknown.push(id);
    else {
      this.value += sign * v;
      this.flows.push(id);
    }
  }
  figure(): Figure {
    return {
      value: this.unknown.length > 0 ? null : this.value,
      unit: this.unit,
      flows: this.flows,
      unknown: this.unknown,
    };
  }
}

/**
 * Whether each node is (or lies inside) a treatment unit: `treatment: true`; where the model does not
 * say (`treatment` absent), a VOCs treatment unit (a removal efficiency, `vocs.removal`, docs/vocs.md)
 * or a node where a pollutant is destroyed (an output of kind `degraded`: COD degraded in a wastewater
 * station). `treatment: false` is never overridden.
 */
export function treatmentMask(graph: PlantGraph): boolean[] {
  const destroys = new Set<number>();
  for (const f of graph.flows)
    if (f.from >= 0 && graph.model.flows[f.flowIndex]!.kind === 'degraded') destroys.add(f.from);
  const own = graph.nodes.map((n, i) => n.treatment ?? (n.vocs?.removal !== undefined || destroys.has(i)));
  return graph.nodes.map((_, i) => {
    for (let c = i; c !== -1; c = graph.parent[c]!) if (own[c]) return true;
    return false;
  });
}

export function stateFigures(graph: PlantGraph, values: Float64Array, scope: Scope): StateFigures {
  const plant = scope === null || (graph.parent[scope] === -1 && graph.parent.filter((p) => p === -1).length === 1);
  return {
    energy: comprehensiveEnergy(graph, values, scope),
    carriers: carrierFigures(graph, values, scope),
    newWater: newWater(graph, values, scope),
    materials: materialFigures(graph, values, scope),
    recovered: recovered(graph, values, scope),
    pollutants: pollutantFigures(graph, values, scope, plant),
    water: plant ? waterIndicators(graph, values) : [],
  };
}

/** 综合能耗 (src/balance/energy-use.ts: received − sent out − stock increase) at the scope, tce both ways. */
function comprehensiveEnergy(graph: PlantGraph, values: Float64Array, scope: Scope) {
  const all = energyUse(graph, values);
  const ids =
    scope === null ? graph.nodes.filter((_, i) => graph.parent[i] === -1).map((n) => n.id) : [graph.nodes[scope]!.id];
  const uses = all.filter((u) => ids.includes(u.node));
  const eq = new Acc('tce');
  const equal = new Acc('tce');
  for (const u of uses) {
    const flows = u.rows.flatMap((r) => r.flows);
    eq.flows.push(...flows);
    equal.flows.push(...flows);
    eq.unknown.push(...u.unknown);
    equal.unknown.push(...u.unknown);
    eq.value += u.comprehensiveEquivalent ?? 0;
    equal.value += u.comprehensiveEqual ?? 0;
  }
  return { equivalent: eq.figure(), equal: equal.figure() };
}

/** Energy by carrier in its physical unit (kWh, t, Nm³, GJ): received − exported ± stock change. */
function carrierFigures(graph: PlantGraph, values: Float64Array, scope: Scope): KeyedFigure[] {
  const rows = new Map<string, { acc: Acc; carrier: string; consumed: boolean }>();
  for (const i of graph.byLayer.get('energy') ?? []) {
    const f = graph.flows[i]!;
    const flow = graph.model.flows[f.flowIndex]!;
    const exported = leaving(graph, f, scope) && (flow.kind === 'product' || flow.kind === 'by-product');
    const sign = entering(graph, f, scope) ? 1 : exported ? -1 : stockSign(graph, f, scope);
    if (sign === 0) continue;
    const carrier = f.carrier ?? 'energy';
    const v = values[i]!;
    const shown = Number.isNaN(v) ? undefined : displayOf(baseQuantity(graph, f, v), carrier);
    // Flows of one carrier in different dimensions (steam in t and in GJ) are kept apart.
    const unit = shown?.unit ?? displayOf(baseQuantity(graph, f, 0), carrier).unit;
    const key = `${carrier}|${unit}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { acc: new Acc(unit), carrier, consumed: false }));
    if (sign > 0 || stockSign(graph, f, scope) !== 0) r.consumed = true;
    r.acc.add(f.id, shown ? shown.value : Number.NaN, sign);
  }
  // A carrier the scope only sends out (a boiler house's steam) is its product, not a consumption.
  for (const [key, r] of rows) if (!r.consumed) rows.delete(key);
  const units = new Map<string, number>();
  for (const { carrier } of rows.values()) units.set(carrier, (units.get(carrier) ?? 0) + 1);
  return [...rows.entries()].map(([key, { acc, carrier }]) => ({
    key: units.get(carrier)! > 1 ? key : carrier,
    label: carrierLabel(carrier),
    ...acc.figure(),
  }));
}

/** A carrier's name in both languages: the carrier table, else the name catalogue, else the id. */
const carrierLabel = (id: string): Label => ({ zh: carrierName(id, 'zh'), en: carrierName(id, 'en') });

/** Vf: new water (新水) taken in across the scope's boundary (GB/T 12452). */
function newWater(graph: PlantGraph, values: Float64Array, scope: Scope): Figure {
  const acc = new Acc(graph.layerUnits.get('water') ?? 't');
  for (const i of graph.byLayer.get('water') ?? []) {
    const f = graph.flows[i]!;
    if (f.carrier !== undefined && NEW_WATER_CARRIERS.includes(f.carrier) && entering(graph, f, scope))
      acc.add(f.id, values[i]!);
  }
  return acc.figure();
}

/** Material inputs by carrier (or by flow where it names none): received ± stock change; recycles excluded. */
function materialFigures(graph: PlantGraph, values: Float64Array, scope: Scope): KeyedFigure[] {
  const rows = new Map<string, { acc: Acc; label: Label }>();
  for (const i of graph.byLayer.get('material') ?? []) {
    const f = graph.flows[i]!;
    const flow = graph.model.flows[f.flowIndex]!;
    if (flow.kind === 'recycle') continue;
    const sign = entering(graph, f, scope) ? 1 : stockSign(graph, f, scope);
    if (sign === 0) continue;
    const key = f.carrier ?? f.id;
    let r = rows.get(key);
    if (!r) {
      const label = f.carrier
        ? carrierLabel(f.carrier)
        : { zh: flow.name ?? f.id, en: flow.nameEn ?? flow.name ?? f.id };
      rows.set(key, (r = { acc: new Acc(graph.layerUnits.get('material') ?? 't'), label }));
    }
    r.acc.add(f.id, values[i]!, sign);
  }
  return [...rows.entries()].map(([key, { acc, label }]) => ({ key, label, ...acc.figure() }));
}

function recovered(graph: PlantGraph, values: Float64Array, scope: Scope): Figure {
  const acc = new Acc(graph.layerUnits.get('material') ?? 't');
  for (const i of graph.byLayer.get('material') ?? []) {
    const f = graph.flows[i]!;
    const inside = within(graph, f.from, scope) && within(graph, f.to, scope);
    if (inside && !f.stock && graph.model.flows[f.flowIndex]!.kind === 'recycle') acc.add(f.id, values[i]!);
  }
  return acc.figure();
}

/** Outputs that are not pollution of the stream: products, recycles, destroyed amounts, solid waste. */
const NOT_POLLUTION = new Set(['product', 'by-product', 'recycle', 'degraded', 'waste']);

interface Stream {
  id: string;
  label: Label;
  subject: Subject | null;
  layer: string;
  /** Which flows of the layer belong to the stream. */
  member: (f: LayerFlow) => boolean;
  /** Whether the stream has a discharge (solid waste has none). */
  discharged: boolean;
}

function streams(graph: PlantGraph): Stream[] {
  const kindOf = (f: LayerFlow) => graph.model.flows[f.flowIndex]!.kind;
  const phaseOf = (f: LayerFlow) => graph.model.flows[f.flowIndex]!.phase;
  const hazardous = (f: LayerFlow) => graph.model.flows[f.flowIndex]!.hazardous === true;
  const out: Stream[] = graph.layers
    .filter((l) => !isBaseLayer(l))
    .map((layer) => ({
      id: layer,
      label: { zh: layer, en: layer },
      subject: subjectOfComponent(layer) ?? null,
      layer,
      member: (f) => !NOT_POLLUTION.has(kindOf(f) ?? ''),
      discharged: true,
    }));
  out.push(
    {
      id: 'wastewater',
      label: { zh: '废水', en: 'wastewater' },
      subject: 'wastewater',
      layer: 'water',
      member: (f) => f.carrier === 'wastewater' || kindOf(f) === 'emission',
      discharged: true,
    },
    {
      id: 'waste-gas',
      label: { zh: '废气', en: 'waste gas' },
      subject: 'waste-gas',
      layer: 'material',
      member: (f) => phaseOf(f) === 'gas' && !NOT_POLLUTION.has(kindOf(f) ?? ''),
      discharged: true,
    },
    {
      id: 'solid-waste',
      label: { zh: '固体废物', en: 'solid waste' },
      subject: 'solid-waste',
      layer: 'material',
      member: (f) => kindOf(f) === 'waste' && !hazardous(f),
      discharged: false,
    },
    {
      id: 'hazardous-waste',
      label: { zh: '危险废物', en: 'hazardous waste' },
      subject: 'hazardous-waste',
      layer: 'material',
      member: (f) => kindOf(f) === 'waste' && hazardous(f),
      discharged: false,
    },
  );
  return out;
}

/**
 * Generation (产生量) and discharge (排放量) of every stream. Generation: what flows into a treatment
 * unit from outside treatment, plus what leaves the plant untreated (from a node that is not a
 * treatment unit). Discharge: what leaves the plant, treated or not. A plant without a treatment
 * unit generates what it discharges. Solid waste is generated where it leaves (kind "waste").
 */
function pollutantFigures(graph: PlantGraph, values: Float64Array, scope: Scope, plant: boolean): PollutantFigure[] {
  const inT = treatmentMask(graph);
  const treated = (x: number) => x >= 0 && inT[x]!;
  const out: PollutantFigure[] = [];
  for (const s of streams(graph)) {
    const unit = graph.layerUnits.get(s.layer) ?? 'kg';
    const gen = new Acc(unit);
    const dis = new Acc(unit);
    let any = false;
    for (const i of graph.byLayer.get(s.layer) ?? []) {
      const f = graph.flows[i]!;
      if (f.stock || !s.member(f)) continue;
      any = true;
      const fromIn = within(graph, f.from, scope);
      const toTreatment = treated(f.to) && !treated(f.from) && (fromIn || within(graph, f.to, scope));
      const untreatedOut = f.to === -1 && fromIn && !treated(f.from);
      const solidOut = !s.discharged && f.to === -1 && fromIn;
      if (toTreatment || untreatedOut || solidOut) gen.add(f.id, values[i]!);
      if (s.discharged && plant && f.to === -1 && fromIn) dis.add(f.id, values[i]!);
    }
    if (!any) continue;
    out.push({
      id: s.id,
      label: s.label,
      subject: s.subject,
      generation: gen.figure(),
      discharge: s.discharged && plant ? dis.figure() : null,
    });
  }
  return out;
}

/** Factor from a figure's unit to another (kg → t …). */
export function unitFactor(from: string, to: string): number {
  return from === to ? 1 : conversionFactor(from, to);
}
