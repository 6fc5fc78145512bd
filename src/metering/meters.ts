import { carrier as carrierInfo } from '../data/carriers.ts';
import type { InstrumentType, Level, UserClass } from '../data/gb17167-2006.ts';
import type { PlantGraph } from '../model/graph.ts';
import type { Meter, Model } from '../model/schema.ts';
import { DEFAULT_TIMEZONE, parseIsoInZone, zoneOffsetMinutes } from '../model/time.ts';
import { parseUnit } from '../units/units.ts';
import { isDischarge, type MeteringPoint } from './points.ts';
import type { RuleSets } from './rulesets.ts';

/**
 * Whether a meter may count for a metering point: in service, verified through the campaign
 * (GB 17167 clause 5), and of the accuracy class GB 17167 Table 4 / GB 24789 Table 2 require.
 */
export interface MeterFinding {
  /** Message code (src/i18n/metering.ts). */
  code: string;
  params: Record<string, string | number>;
  /** Errors stop the meter counting; warnings are said but it counts. */
  severity: 'error' | 'warning';
}

export interface MeterCheck {
  meter: string;
  flow: string;
  table: string;
  row: string;
  level: Level;
  type: InstrumentType | undefined;
  requiredClass: string | undefined;
  /** Passes status, verification and class. */
  counts: boolean;
  /** Measures the flow's quantity; temperature and pressure instruments only compensate, never count in n. */
  quantity: boolean;
  findings: MeterFinding[];
}

/** Meters of each flow: listed in `meter.flows` or named by `flow.meter`. */
export function metersByFlow(model: Model): Map<string, Meter[]> {
  const out = new Map<string, Meter[]>();
  const byId = new Map((model.meters ?? []).map((m) => [m.id, m]));
  const add = (flow: string, m: Meter) => {
    const list = out.get(flow) ?? [];
    if (!list.includes(m)) list.push(m);
    out.set(flow, list);
  };
  for (const m of model.meters ?? []) for (const f of m.flows) add(f, m);
  for (const f of model.flows) {
    const m = f.meter ? byId.get(f.meter) : undefined;
    if (m) add(f.id, m);
  }
  return out;
}

/** Class as a comparable number: "0.5S" ranks just better than "0.5". */
export function classRank(c: string): number {
  return Number.parseFloat(c) - (/s$/i.test(c) ? 0.001 : 0);
}

/**
 * True when `actual` is at least as accurate as `required`.
 *
 * @example
 * // "0.5S" is a little better than "0.5"; "1.0" is worse
 * classMeets('0.5S', '0.5') // => true
 * classMeets('1.0', '0.5') // => false
 */
export function classMeets(actual: string, required: string): boolean {
  return classRank(actual) <= classRank(required) + 1e-9;
}

/** Instrument type: the meter's own, else from what the point measures (interpretation for solids: dynamic scale). */
export function instrumentType(
  meter: Pick<Meter, 'type'> | undefined,
  point: Pick<MeteringPoint, 'family' | 'row'>,
): InstrumentType | undefined {
  if (meter?.type && meter.type !== 'other') return meter.type;
  if (point.family === 'water') return 'water';
  if (point.family === 'material') return undefined;
  switch (point.row) {
    case 'electricity':
      return 'electricity-ac';
    case 'coal':
    case 'coke':
      return 'scale-dynamic';
    case 'refined-oil':
      return 'oil-refined';
    case 'crude-oil':
    case 'heavy-oil':
    case 'residual-oil':
      return 'oil-heavy';
    case 'natural-gas':
    case 'lpg':
    case 'coal-gas':
      return 'gas';
    case 'steam':
      return 'steam';
    case 'water':
      return 'water';
    default:
      return undefined;
  }
}

/**
 * Electricity user class (GB 17167 Table 4): declared, else the stricter of the class by monthly
 * consumption (the metered flows' kWh over the period scaled to annual hours / 12) and by kVA.
 *
 * @example
 * // E01: 91 500 kWh in 72 h → 91 500 × 8 760 / 72 / 12 = 927 708 kWh a month: class III (≥ 10⁵, < 10⁶);
 * // 2 500 kVA reaches class II (≥ 2 000 kVA), the stricter of the two
 * const { model } = parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json');
 * const graph = buildGraph(model);
 * const rules = resolveRuleSets(model).rules;
 * userClassOf(graph, undefined, ['E01'], rules) // => 'III'
 * userClassOf(graph, { kva: 2500 }, ['E01'], rules) // => 'II'
 */
export function userClassOf(
  graph: PlantGraph,
  meter: Pick<Meter, 'userClass' | 'kva'> | undefined,
  flowIds: readonly string[],
  rules: RuleSets,
): UserClass | undefined {
  if (meter?.userClass) return meter.userClass;
  const limits = rules.energy.userClassLimits;
  const candidates: UserClass[] = [];
  if (meter?.kva !== undefined) candidates.push(limits.find((l) => meter.kva! >= l.kva)?.userClass ?? 'IV');
  const P = graph.ctx.periodHours;
  let kWh = 0;
  let any = false;
  const byId = flowsById(graph.model);
  for (const id of flowIds) {
    const f = byId.get(id);
    if (!f || f.value === undefined || carrierInfo(f.carrier)?.energyRow !== 'electricity') continue;
    const u = parseUnit(f.unit);
    if (u.dimension !== 'energy' || (u.per !== null && P === undefined)) continue;
    const time = u.per === 'hour' ? P! : u.per === 'year' ? P! / graph.ctx.annualHours : 1;
    kWh += (Math.abs(f.value) * u.toBase * time) / 3600;
    any = true;
  }
  if (any && P !== undefined) {
    const perMonth = (kWh / P) * (graph.ctx.annualHours / 12);
    candidates.push(limits.find((l) => perMonth >= l.kWhPerMonth)?.userClass ?? 'IV');
  }
  if (candidates.length === 0) return undefined;
  const order: UserClass[] = ['I', 'II', 'III', 'IV', 'V'];
  return candidates.sort((a, b) => order.indexOf(a) - order.indexOf(b))[0];
}

const flowIndexCache = new WeakMap<Model, Map<string, Model['flows'][number]>>();
function flowsById(model: Model): Map<string, Model['flows'][number]> {
  let m = flowIndexCache.get(model);
  if (!m) {
    m = new Map(model.flows.map((f) => [f.id, f]));
    flowIndexCache.set(model, m);
  }
  return m;
}

const userClassCache = new WeakMap<object, UserClass | undefined>();
/** userClassOf, once per meter object (a meter serves many points). */
function cachedUserClass(
  graph: PlantGraph,
  meter: Pick<Meter, 'userClass' | 'kva' | 'flows'> | undefined,
  flow: string,
  rules: RuleSets,
): UserClass | undefined {
  if (!meter) return userClassOf(graph, undefined, [flow], rules);
  if (!userClassCache.has(meter)) userClassCache.set(meter, userClassOf(graph, meter, meter.flows, rules));
  return userClassCache.get(meter);
}

/**
 * The class a meter of `type` needs for a point, with the Table 4 note for electricity at levels 2–3.
 *
 * @example
 * // GB 17167-2006 Table 4: a water meter of DN ≤ 250 needs class 2.5
 * const { model } = parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json');
 * const graph = buildGraph(model);
 * const rules = resolveRuleSets(model).rules;
 * const point = derivePoints(graph, rules).points[0];
 * requiredClass(graph, rules, point, model.meters[0]) // => { type: 'water', required: '2.5' }
 */
export function requiredClass(
  graph: PlantGraph,
  rules: RuleSets,
  point: Pick<MeteringPoint, 'family' | 'row' | 'level' | 'flow' | 'flowIndex'>,
  meter: Pick<Meter, 'type' | 'dn' | 'userClass' | 'kva' | 'flows'> | undefined,
): { type: InstrumentType | undefined; required: string | undefined; note?: string } {
  const type = instrumentType(meter, point);
  const t4 = rules.energy.table4;
  if (point.family === 'water') {
    const flow = graph.model.flows[point.flowIndex]!;
    return { type, required: isDischarge(flow) ? rules.water.table2.discharge : rules.water.table2.intakeAndUse };
  }
  if (point.family === 'material' && !meter?.type) return { type, required: undefined };
  switch (type) {
    case undefined:
      return { type, required: undefined };
    case 'temperature':
    case 'pressure':
      // On a gas or steam flow they compensate the flow meter: 1.0 (Table 4), else 2.0.
      return { type, required: COMPENSATED_ROWS.has(point.row) ? t4.compensation : t4[type] };
    case 'electricity-ac': {
      const uc = cachedUserClass(graph, meter, point.flow, rules);
      if (!uc) return { type, required: undefined, note: 'metering.meter.userClassUnknown' };
      return { type, required: looser(rules, t4.electricityAc[uc], point.level) };
    }
    case 'electricity-dc':
      return { type, required: looser(rules, t4['electricity-dc'], point.level) };
    case 'water':
      return {
        type,
        required: meter?.dn !== undefined && meter.dn > t4.water.dnLimit ? t4.water.large : t4.water.small,
      };
    default:
      return { type, required: t4[type] };
  }
}

/**
 * The strictest class that any of a flow's metering points asks of a meter on it — the flow's present
 * meter (its type and size decide the Table 4 row) or, without one, a new meter; undefined when no
 * point's rule sets a class. Meter-placement advice and the depth plan both state it per flow.
 */
export function strictestRequiredClass(
  graph: PlantGraph,
  rules: RuleSets,
  points: readonly Pick<MeteringPoint, 'family' | 'row' | 'level' | 'flow' | 'flowIndex'>[],
  flow: string,
  present: Meter | undefined,
): string | undefined {
  let cls: string | undefined;
  for (const p of points) {
    const req = requiredClass(graph, rules, p, present ? { ...present, flows: [flow] } : { flows: [flow] }).required;
    if (req !== undefined && (cls === undefined || classRank(req) < classRank(cls))) cls = req;
  }
  return cls;
}

/** Table 3 rows measured as gas or steam flow, whose mass uses temperature and pressure. */
const COMPENSATED_ROWS = new Set(['natural-gas', 'coal-gas', 'lpg', 'steam']);

/** Electricity meters at levels 2 and 3 may be one class looser (Table 4 note); the ladder ends at 2.0. */
function looser(rules: RuleSets, cls: string, level: Level): string {
  if (level === 1) return cls;
  const ladder = rules.energy.electricityClassLadder.classes as readonly string[];
  const i = ladder.findIndex((c) => Math.abs(classRank(c) - classRank(cls)) < 1e-6);
  return i >= 0 && i + 1 < ladder.length ? ladder[i + 1]! : cls;
}

/** The campaign's last day in its zone, YYYY-MM-DD, or undefined. */
export function campaignEndDate(model: Model): string | undefined {
  const c = model.campaign;
  if (!c) return undefined;
  const zone = c.timezone ?? DEFAULT_TIMEZONE;
  const ms = parseIsoInZone(c.end, zone);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms + zoneOffsetMinutes(zone, ms) * 60000).toISOString().slice(0, 10);
}

/**
 * Checks one meter against one point.
 *
 * @example
 * // ME41's verification lapsed on 2026-02-28, before the campaign's end: it is not counted in n (GB 17167-2006 §5)
 * const { model } = parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json');
 * const graph = buildGraph(model);
 * const rules = resolveRuleSets(model).rules;
 * const point = derivePoints(graph, rules).points.find((p) => p.flow === 'E41');
 * const c = checkMeter(graph, rules, model.meters.find((m) => m.id === 'ME41'), point, '2026-03-05');
 * [c.counts, c.requiredClass, c.findings.map((f) => f.code)] // => [false, '2.0', ['metering.meter.expired']]
 */
export function checkMeter(
  graph: PlantGraph,
  rules: RuleSets,
  meter: Meter,
  point: MeteringPoint,
  endDate: string | undefined,
): MeterCheck {
  const findings: MeterFinding[] = [];
  const err = (code: string, params: Record<string, string | number> = {}) =>
    findings.push({ code, params, severity: 'error' });
  const warn = (code: string, params: Record<string, string | number> = {}) =>
    findings.push({ code, params, severity: 'warning' });
  if (meter.status === 'failed') err('metering.meter.failed');
  if (meter.status === 'removed') err('metering.meter.removed');
  if (meter.verifiedUntil !== undefined && endDate !== undefined && meter.verifiedUntil < endDate) {
    err('metering.meter.expired', { until: meter.verifiedUntil, end: endDate });
  } else if (meter.verifiedUntil === undefined) warn('metering.meter.noVerification');
  else if (endDate === undefined) warn('metering.meter.noCampaignDate');
  const req = requiredClass(graph, rules, point, meter);
  if (req.note) warn(req.note);
  if (req.required !== undefined) {
    const loosest = point.family !== 'water' && req.type ? rules.energy.loosestListedClass[req.type] : undefined;
    if (meter.accuracyClass === undefined) warn('metering.meter.noClass', { required: req.required });
    else if (loosest !== undefined && !classMeets(meter.accuracyClass, loosest))
      // Table 4 lists no class this loose for the instrument: not conforming, whatever the level.
      err('metering.meter.classNotInTable', { actual: meter.accuracyClass, loosest, required: req.required });
    else if (!classMeets(meter.accuracyClass, req.required))
      err('metering.meter.classTooLoose', { actual: meter.accuracyClass, required: req.required });
  }
  return {
    meter: meter.id,
    flow: point.flow,
    table: point.table,
    row: point.row,
    level: point.level,
    type: req.type,
    requiredClass: req.required,
    counts: findings.every((f) => f.severity !== 'error'),
    quantity: req.type !== 'temperature' && req.type !== 'pressure',
    findings,
  };
}
