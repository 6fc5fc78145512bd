import { carrier as carrierInfo } from '../data/carriers.ts';
import { coefficient, KJ_PER_KGCE } from '../data/gb2589-2008.ts';
import {
  mainCategoryOfKey,
  type Level,
  type MainCategory,
  type MainThreshold,
  type ThresholdUnit,
} from '../data/gb17167-2006.ts';
import { displayName, t } from '../i18n/index.ts';
import { crossings, type LayerFlow, type PlantGraph } from '../model/graph.ts';
import { parseUnit, type Dimension } from '../units/units.ts';
import { roundTo } from '../util/round.ts';
import { asRate, categoryOf, flowMagnitude } from './magnitude.ts';
import type { RuleSets } from './rulesets.ts';

/**
 * Main-ness per node **and carrier** (GB 17167-2006 Tables 1–2, GB 24789-2009): a device can be a main
 * electricity user and a minor water user, so each Table 1–2 group (electricity, solid fuel, oil, heavy
 * oil, gas, steam, water, other) and the materials of Yunnan Annex 2 get their own decision.
 *
 * Per node and group, in order: the enterprise (level 1) is main for everything; an explicit `main`
 * (true/false for all, or `{ "electricity": true, "water": false }` per group or carrier) decides; a
 * node marked `auditFocus` is main for everything not set explicitly (the enterprise's own choice of main
 * equipment, Annex 2 note 2); otherwise the node's **use** of the group — the flows entering its boundary —
 * is compared with the Table 1 (level 2) or Table 2 (level 3) limit, water devices with GB 24789's
 * ≥ 1 m³/h. Power limits (kW, MW, GJ/h) are **rated** power: `ratedPower` where the model gives it, else the
 * average power of the period with a warning naming that fallback; hourly consumption limits (t/h, m³/h)
 * take the rated figure where given, else the period's average hourly consumption; annual limits (t/a,
 * m³/a, GJ/a) the period's consumption annualised. A group the node only puts out (a boiler's steam) is
 * main where the node is main for something it uses; a group whose inputs are all unmeasured is taken as
 * main (conservative; `basis: "unknown"`). Materials: explicit, audit focus, else main where the node is
 * main for any carrier or nothing about it is known.
 */
export type MainGroup = MainCategory | 'material';

export interface MainEvidence {
  category: MainCategory;
  /** The node's magnitude in the limit's unit. */
  rate: number;
  unit: ThresholdUnit;
  limit: number;
  reached: boolean;
  /** rated: the model's ratedPower; average: the period's average (a fallback for power limits); annual: annualised consumption. */
  measure: 'rated' | 'average' | 'annual';
  /** The rule the limit comes from, e.g. "GB17167-2006 Table 2", "GB24789-2009 main device". */
  rule: string;
}

export interface GroupDecision {
  category: MainGroup;
  main: boolean;
  basis: 'enterprise' | 'explicit' | 'audit-focus' | 'derived' | 'unknown' | 'output';
  evidence: MainEvidence[];
}

export interface MainDecision {
  node: string;
  level: Level;
  /** Main for at least one group. */
  main: boolean;
  basis: 'enterprise' | 'explicit' | 'audit-focus' | 'derived' | 'unknown';
  /** Every limit compared (all groups). */
  evidence: MainEvidence[];
  /** One decision per group the node uses, puts out, or is told about. */
  groups: GroupDecision[];
}

/** A power limit compared with the period's average because no rated power was given. */
export interface MainWarning {
  code: 'metering.main.averageFallback';
  node: string;
  category: MainCategory;
  params: Record<string, string | number>;
}

/** Relative slack for comparing a magnitude that went through unit round trips with a table limit. */
const REL_EPS = 1e-9;
/** Limits that are a power (rated power per the standard), as opposed to a consumption. */
const POWER_UNITS = new Set<ThresholdUnit>(['kW', 'MW', 'GJ/h']);
const NOT_CARRIERS = new Set(['loss', 'effective', 'degraded']);

interface Use {
  /** Amount over the period in the group's base unit (flowMagnitude). */
  native: number;
  /** Energy content (GJ) of inputs the group's unit cannot express (coal given in GJ). */
  otherGJ: number;
  known: boolean;
  /** Inputs of the group exist but none has a value. */
  unknown: boolean;
}

export interface MainAnalysis {
  decisions: MainDecision[];
  warnings: MainWarning[];
  /** Is node i main for a group? */
  isMain: (node: number, group: MainGroup) => boolean;
}

/**
 * The group of a metering point's flow: its carrier's Table 1–2 group, water, or material.
 *
 * @example
 * const { model } = parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json');
 * const graph = buildGraph(model);
 * const thresholds = resolveRuleSets(model).rules.energy.mainThresholds;
 * groupOfFlow(thresholds, graph.flows.find((f) => f.id === 'E01')) // => 'electricity'
 * groupOfFlow(thresholds, graph.flows.find((f) => f.id === 'W01')) // => 'water'
 */
export function groupOfFlow(thresholds: readonly MainThreshold[], lf: LayerFlow): MainGroup {
  if (lf.layer === 'material') return 'material';
  if (lf.layer === 'water') return carrierInfo(lf.carrier)?.energyRow === 'steam' ? 'steam' : 'water';
  return categoryOf(thresholds, lf.carrier);
}

/**
 * Main (主要) sub-units and devices per carrier by GB 17167-2006 Tables 1 and 2 (rated power, annual or hourly use
 * against each category's limit), with the warnings where a rate had to be inferred.
 *
 * @example
 * const { model } = parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json');
 * const a = decideMainPerCarrier(buildGraph(model), resolveRuleSets(model).rules);
 * [a.decisions.slice(0, 3).map((d) => [d.node, d.main]), a.warnings] // => [[['plant', true], ['pre', true], ['dye', true]], []]
 */
export function decideMainPerCarrier(graph: PlantGraph, rules: RuleSets): MainAnalysis {
  const thresholds = rules.energy.mainThresholds;
  const P = graph.ctx.periodHours;
  const Y = graph.ctx.annualHours;
  const uses: Map<MainGroup, Use>[] = graph.nodes.map(() => new Map());
  const outputs: Set<MainGroup>[] = graph.nodes.map(() => new Set());
  const twins = steamTwins(graph);
  const use = (i: number, g: MainGroup) => {
    let u = uses[i]!.get(g);
    if (!u) uses[i]!.set(g, (u = { native: 0, otherGJ: 0, known: false, unknown: false }));
    return u;
  };
  for (const lf of graph.flows) {
    if (lf.stock || (lf.layer !== 'energy' && lf.layer !== 'water' && lf.layer !== 'material')) continue;
    const { enters, leaves } = crossings(graph, lf.from, lf.to);
    const group = groupOfFlow(thresholds, lf);
    // Losses and effective energy are balance terms, not carriers a node puts out.
    const kind = graph.model.flows[lf.flowIndex]!.kind;
    const carrierOut = lf.layer !== 'energy' || (lf.carrier !== undefined && !NOT_CARRIERS.has(kind ?? ''));
    if (carrierOut) for (const i of leaves) outputs[i]!.add(group);
    if (lf.layer === 'material' || twins.has(lf.id)) continue;
    const m = magnitudeOf(graph, lf, thresholds);
    for (const i of enters) {
      const u = use(i, group);
      if (!m) {
        if (!u.known) u.unknown = true;
        continue;
      }
      u.known = true;
      u.unknown = false;
      if (m.category === group) u.native += m.amount;
      else u.otherGJ += m.gj;
    }
  }
  const warnings: MainWarning[] = [];
  const decisions = graph.nodes.map((node, i): MainDecision => {
    const level = node.level as Level;
    const groups: GroupDecision[] = [];
    const explicit = explicitGroups(node.main);
    const rated = ratedOf(node.ratedPower);
    const mentioned = new Set<MainGroup>([
      ...uses[i]!.keys(),
      ...outputs[i]!,
      ...[...explicit.keys()].filter((k): k is MainGroup => k !== '*'),
    ]);
    if (level === 1) {
      for (const g of mentioned) groups.push({ category: g, main: true, basis: 'enterprise', evidence: [] });
      return { node: node.id, level, main: true, basis: 'enterprise', evidence: [], groups };
    }
    // Energy and water groups first (materials follow the node's main-ness for them).
    for (const g of [...mentioned].filter((x): x is MainCategory => x !== 'material')) {
      // A rated figure needs no period; average and annual figures do (without one only rated evidence).
      const evidence = compare(rules, level, g, uses[i]!.get(g), rated.get(g), P, Y);
      const set = explicit.get(g) ?? explicit.get('*');
      const u = uses[i]!.get(g);
      let d: GroupDecision;
      if (set !== undefined) d = { category: g, main: set, basis: 'explicit', evidence };
      else if (node.auditFocus) d = { category: g, main: true, basis: 'audit-focus', evidence };
      else if (evidence.length > 0)
        d = { category: g, main: evidence.some((e) => e.reached), basis: 'derived', evidence };
      else if (u?.unknown || (u && P === undefined)) d = { category: g, main: true, basis: 'unknown', evidence };
      else d = { category: g, main: false, basis: 'output', evidence };
      groups.push(d);
      if (d.basis === 'derived')
        for (const e of evidence)
          if (e.measure === 'average' && POWER_UNITS.has(e.unit))
            warnings.push({
              code: 'metering.main.averageFallback',
              node: node.id,
              category: g,
              params: { node: node.id, rate: roundTo(e.rate, 3), unit: e.unit, limit: e.limit, rule: e.rule },
            });
    }
    // A group the node only puts out follows the node's main-ness for what it uses.
    const usesMain = groups.some((d) => d.main && d.basis !== 'output');
    for (const d of groups) if (d.basis === 'output') d.main = usesMain;
    if (mentioned.has('material') || explicit.has('material')) {
      const set = explicit.get('material') ?? explicit.get('*');
      const known = groups.some((d) => d.basis === 'derived' || d.basis === 'explicit');
      groups.push(
        set !== undefined
          ? { category: 'material', main: set, basis: 'explicit', evidence: [] }
          : node.auditFocus
            ? { category: 'material', main: true, basis: 'audit-focus', evidence: [] }
            : known || groups.length > 0
              ? { category: 'material', main: usesMain || !known, basis: known ? 'derived' : 'unknown', evidence: [] }
              : { category: 'material', main: true, basis: 'unknown', evidence: [] },
      );
    }
    // A node without any flow is main unless the model says otherwise (nothing known: conservative).
    const main = groups.length === 0 ? (explicit.get('*') ?? true) : groups.some((d) => d.main);
    const evidence = groups.flatMap((d) => d.evidence);
    const basis: MainDecision['basis'] =
      typeof node.main === 'boolean'
        ? 'explicit'
        : node.auditFocus
          ? 'audit-focus'
          : groups.some((d) => d.basis === 'derived')
            ? 'derived'
            : groups.some((d) => d.basis === 'explicit')
              ? 'explicit'
              : 'unknown';
    return { node: node.id, level, main, basis, evidence, groups };
  });
  const byNode = decisions.map((d) => new Map(d.groups.map((g) => [g.category, g.main])));
  return {
    decisions,
    warnings,
    isMain: (node, group) => byNode[node]!.get(group) ?? decisions[node]!.main,
  };
}

/** Compares a node's use of a group with its Table 1 (L2) / Table 2 (L3) limit, GB 24789 for water devices. */
function compare(
  rules: RuleSets,
  level: Level,
  g: MainCategory,
  u: Use | undefined,
  rated: Rated | undefined,
  P: number | undefined,
  Y: number,
): MainEvidence[] {
  const t = rules.energy.mainThresholds.find((x) => x.category === g);
  if (!t) return [];
  const limit = level === 2 ? t.level2 : t.level3;
  const isRate = !limit.unit.endsWith('/a');
  let rule = `${rules.energy.table} ${level === 2 ? 'Table 1' : 'Table 2'}`;
  let limitValue = limit.value;
  if (g === 'water' && level === 3) {
    // GB 24789-2009: a main water-using device uses ≥ 1 m³/h (= Table 2's 1 t/h at 1 t/m³).
    rule = `${rules.water.table} main device; ${rule}`;
    limitValue = rules.water.mainDeviceM3PerHour;
  }
  const out: MainEvidence[] = [];
  const push = (rate: number, measure: MainEvidence['measure'], unit = limit.unit, lim = limitValue, r = rule) =>
    out.push({ category: g, rate, unit, limit: lim, reached: rate >= lim * (1 - REL_EPS), measure, rule: r });
  if (rated !== undefined && isRate) push(convertRated(rated, limit.unit), 'rated');
  else if (u?.known && P !== undefined) push(asRate(u.native, limit.unit, P, Y), isRate ? 'average' : 'annual');
  // Inputs of the group given only as energy (coal in GJ) are compared with the "other" limit.
  if (u?.known && u.otherGJ > 0 && P !== undefined) {
    const other = rules.energy.mainThresholds.find((x) => x.category === 'other')!;
    const ol = level === 2 ? other.level2 : other.level3;
    push(asRate(u.otherGJ, ol.unit, P, Y), ol.unit.endsWith('/a') ? 'annual' : 'average', ol.unit, ol.value);
  }
  return out;
}

interface Rated {
  /** Base units (kJ, kg, m³, Nm³) per hour. */
  perHour: number;
  dimension: Dimension;
}

/** `ratedPower` by group, in base units per hour; keys and units were checked by validation. */
function ratedOf(rated: Record<string, { value: number; unit: string }> | undefined): Map<MainGroup, Rated> {
  const out = new Map<MainGroup, Rated>();
  for (const [key, q] of Object.entries(rated ?? {})) {
    const g = mainCategoryOfKey(key);
    if (g === undefined || g === 'material') continue;
    const u = parseUnit(q.unit);
    out.set(g, { perHour: q.value * u.toBase, dimension: u.dimension });
  }
  return out;
}

/** A rated figure in a Table 1–2 rate unit. */
function convertRated(r: Rated, unit: ThresholdUnit): number {
  switch (unit) {
    case 'kW':
      return r.perHour / 3600; // kJ/h → kW
    case 'MW':
      return r.perHour / 3.6e6;
    case 'GJ/h':
      return r.perHour / 1e6;
    case 't/h':
      return r.dimension === 'mass' ? r.perHour / 1000 : r.perHour; // water given in m³/h: 1 t/m³
    default:
      return r.perHour; // m3/h
  }
}

/** Explicit main-ness: `true`/`false` for all groups ("*"), or per group or carrier. */
function explicitGroups(main: boolean | Record<string, boolean> | undefined): Map<MainGroup | '*', boolean> {
  const out = new Map<MainGroup | '*', boolean>();
  if (typeof main === 'boolean') out.set('*', main);
  else
    for (const [key, v] of Object.entries(main ?? {})) {
      const g = mainCategoryOfKey(key);
      if (g !== undefined) out.set(g, v);
    }
  return out;
}

/** A flow's magnitude with its energy content, for the use sums; water-layer steam as its heat. */
function magnitudeOf(
  graph: PlantGraph,
  lf: LayerFlow,
  thresholds: readonly MainThreshold[],
): { category: MainCategory; amount: number; gj: number } | undefined {
  if (lf.layer === 'water' && carrierInfo(lf.carrier)?.energyRow === 'steam') {
    // Steam counted in the water layer (t) without an energy-layer twin: heat by GB/T 2589's steam coefficient.
    if (lf.value === undefined) return undefined;
    const kgce = Math.abs(lf.value) * parseUnit(graph.layerUnits.get('water')!).toBase * coefficient('steam')!.kgce;
    const gj = (kgce * KJ_PER_KGCE) / 1e6;
    return { category: 'steam', amount: gj, gj };
  }
  const m = flowMagnitude(graph, lf, thresholds);
  if (!m) return undefined;
  const gj =
    lf.layer === 'energy' ? (Math.abs(lf.value ?? 0) * parseUnit(graph.layerUnits.get('energy')!).toBase) / 1e6 : 0;
  return { category: m.category, amount: m.amount, gj };
}

/** Water-layer flows that share a meter with an energy-layer flow (steam, water as 载能工质): counted once, as energy. */
function steamTwins(graph: PlantGraph): Set<string> {
  const out = new Set<string>();
  const layerOf = new Map(graph.model.flows.map((f) => [f.id, f.layer]));
  for (const m of graph.model.meters ?? []) {
    if (!m.flows.some((f) => layerOf.get(f) === 'energy')) continue;
    for (const f of m.flows) if (layerOf.get(f) === 'water') out.add(f);
  }
  return out;
}

/**
 * A main-ness warning in both languages, the node by its name in each (`nameEn` in English).
 *
 * @example
 * // GB 17167-2006 Table 1 names rated power; without it the period's average power stands in, with this warning
 * const graph = buildGraph(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model);
 * const params = { node: 'pre', rate: 12.5, unit: 'kW', limit: 10, rule: 'GB17167-2006 Table 1' };
 * const w = renderMainWarning(graph, { code: 'metering.main.averageFallback', node: 'pre', category: 'electricity', params });
 * w.zh // => '前处理车间：未给出额定功率——以测试期平均功率 12.5 kW 与 GB17167-2006 表1 的限定值 10 kW 比较（标准指额定功率）'
 */
export function renderMainWarning(graph: PlantGraph, w: MainWarning): MainWarning & { zh: string; en: string } {
  const node = graph.nodes.find((n) => n.id === w.node);
  // the rule is "GB17167-2006 Table 1": the standard's own word for its table in Chinese (表1)
  const rule = (lang: 'zh' | 'en') =>
    lang === 'zh' ? String(w.params.rule).replace(/Table (\d)/g, '表$1') : w.params.rule;
  const text = (lang: 'zh' | 'en') =>
    t(lang, w.code, { ...w.params, rule: rule(lang) ?? '', node: node ? displayName(node, lang) : w.node });
  return { ...w, zh: text('zh'), en: text('en') };
}
