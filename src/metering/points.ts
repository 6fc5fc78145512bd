import { carrier as carrierInfo } from '../data/carriers.ts';
import { type Exemption, LEVELS, type Level } from '../data/gb17167-2006.ts';
import { crossings, type PlantGraph } from '../model/graph.ts';
import { roundTo } from '../util/round.ts';
import type { Flow } from '../model/schema.ts';
import { asRate, flowMagnitude, type Magnitude } from './magnitude.ts';
import { decideMainPerCarrier, groupOfFlow, type MainDecision, type MainGroup, type MainWarning } from './main.ts';
import type { RuleSets } from './rulesets.ts';

/**
 * Required metering points N, derived from the model.
 *
 * Interpretation (docs/metering.md): one point per (rule table, table row, flow, level). A flow
 * that crosses the boundary of a level-L node that is required at level L (the enterprise, a main
 * sub-unit, a main device) is one metering point at level L, however many level-L boundaries it
 * crosses (a flow from workshop A to workshop B is one pipe and one meter). A flow into a device
 * from outside the plant crosses three boundaries and is a point at levels 1, 2 and 3.
 */
export type TableFamily = 'energy' | 'water' | 'material';

export interface MeteringPoint {
  family: TableFamily;
  /** Rule-table id with edition, e.g. "GB17167-2006". */
  table: string;
  /** Row id of the rule table: energy row, water item, material phase. */
  row: string;
  level: Level;
  flow: string;
  flowIndex: number;
  /** The required nodes whose boundary the flow crosses at this level. */
  nodes: string[];
  /** Value in the layer unit (t for water), for the metered-water rate Km. */
  value: number | undefined;
  /** Material points: the material (its carrier) — Yunnan Annex 2 counts each main material; carrier-less flows count under their phase. */
  material?: string;
  /**
   * Seasonal heating steam (hot water) at levels 1–2 settled by other means than metering the medium's flow
   * (GB 17167-2006 Table 3 note 1): the point stays in N and counts in n as settled.
   */
  settledOtherwise?: boolean;
  /** Every required node crossed at this level is main only because nothing about its use is known. */
  assumedMain?: boolean;
}

export type ExemptionKind = 'seasonal-heating' | 'auxiliary' | 'closed-loop-pump-data' | 'metered-unit';

export interface ExemptionRecord {
  flow: string;
  table: string;
  row: string;
  level: Level;
  exemption: ExemptionKind;
  /** False: the flow claims the exemption but it does not apply here (listed, and the point stays in N). */
  accepted: boolean;
  /** Message code saying why (src/i18n/metering.ts) and its parameters. */
  code: string;
  params: Record<string, string | number>;
}

export interface DerivedPoints {
  points: MeteringPoint[];
  exemptions: ExemptionRecord[];
  main: MainDecision[];
  /** Power limits judged on the period's average because no rated power was given. */
  mainWarnings: MainWarning[];
  /** Energy-layer flows crossing a boundary whose carrier has no Table 3 row. */
  uncovered: string[];
  /** Flows left out of N by their nature (losses, evaporation, effective energy), with the reason code. */
  excluded: { flow: string; code: string }[];
}

/** Relative slack for comparing a magnitude that went through unit round trips with a table limit. */
const REL_EPS = 1e-9;

/** Water that no flow meter can measure: evaporation, leakage, water leaving in product, drag-out on workpieces (带出液). */
const WATER_NOT_METERABLE = new Set(['evaporation', 'water-loss', 'product-water', 'drag-out']);
const ENERGY_NOT_METERED_KINDS = new Set(['loss', 'effective', 'degraded']);

/** Discharged water (排水): wastewater or a waste/emission outflow. */
export function isDischarge(flow: Flow): boolean {
  return flow.carrier === 'wastewater' || flow.kind === 'waste' || flow.kind === 'emission';
}

/** Period hours for annualising; main-ness cannot be derived without it. */
function period(graph: PlantGraph): number | undefined {
  return graph.ctx.periodHours;
}

/** Nodes in the audit focus: auditFocus nodes and everything below them. */
export function auditFocusSet(graph: PlantGraph): Set<number> {
  const out = new Set<number>();
  const add = (i: number) => {
    out.add(i);
    for (const c of graph.children[i]!) add(c);
  };
  graph.nodes.forEach((n, i) => {
    if (n.auditFocus) add(i);
  });
  return out;
}

/**
 * Main-ness of every node (overall, and per carrier group in `groups`): see main.ts.
 *
 * @example
 * // GB 17167-2006 Table 1: a sub-unit is a main energy user (次级用能单位) at ≥ 10 kW rated electric power; pre has 260 kW
 * const { model } = parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json');
 * const pre = decideMain(buildGraph(model), resolveRuleSets(model).rules).find((d) => d.node === 'pre');
 * pre.groups.find((g) => g.category === 'electricity').evidence[0] // => { category: 'electricity', rate: 260, unit: 'kW', limit: 10, reached: true, measure: 'rated', rule: 'GB17167-2006 Table 1' }
 */
export function decideMain(graph: PlantGraph, rules: RuleSets): MainDecision[] {
  return decideMainPerCarrier(graph, rules).decisions;
}

interface Membership {
  family: TableFamily;
  table: string;
  row: string;
}

/** The rule-table rows a flow belongs to (before levels), or an exclusion reason. */
function memberships(flow: Flow, rules: RuleSets): { rows: Membership[]; excluded?: string; uncovered?: boolean } {
  const info = carrierInfo(flow.carrier);
  const rows: Membership[] = [];
  if (flow.layer === 'energy') {
    if (flow.kind && ENERGY_NOT_METERED_KINDS.has(flow.kind)) return { rows, excluded: 'metering.excluded.energyKind' };
    if (!info?.energyRow) return { rows, uncovered: true };
    rows.push({ family: 'energy', table: rules.energy.table, row: info.energyRow });
  } else if (flow.layer === 'water') {
    if (flow.kind === 'loss' || (flow.carrier && WATER_NOT_METERABLE.has(flow.carrier)))
      return { rows, excluded: 'metering.excluded.waterLoss' };
    // 载能工质: water and steam flows are also GB 17167 Table 3 rows.
    if (info?.energyRow === 'water' || info?.energyRow === 'steam')
      rows.push({ family: 'energy', table: rules.energy.table, row: info.energyRow });
    // Steam and hot water are energy media metered under GB 17167, not water intake or use (GB 24789).
    if (info?.energyRow !== 'steam')
      for (const r of rules.water.rows) rows.push({ family: 'water', table: rules.water.table, row: r.id });
  } else if (flow.layer === 'material') {
    if (flow.kind === 'loss') return { rows, excluded: 'metering.excluded.materialLoss' };
    rows.push({ family: 'material', table: rules.material.table, row: flow.phase ?? 'other' });
  }
  return { rows };
}

/** The rule of a flow's exemption in the editions chosen (GB 17167 Table 3 notes 1–2; GB 24789 closed loops). */
function exemptionRule(rules: RuleSets, exemption: NonNullable<Flow['exemption']>): Exemption {
  return exemption === 'closed-loop-pump-data' ? rules.water.closedLoopExemption : rules.energy.exemptions[exemption];
}
const AUXILIARY_CATEGORIES = new Set(['electricity', 'steam', 'water']);

/**
 * Derives every required metering point, the exemptions applied and the main-ness decisions.
 * `allRequired` counts every node as required whatever its main-ness (the whole-enterprise scope of the
 * full grade, Yunnan 2007 三 (四) "整体").
 *
 * @example
 * // the dyeing plant's metering points over the three rule sets (GB 17167 表3, GB 24789 表1, 云南 附件2)
 * const { model } = parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json');
 * const p = derivePoints(buildGraph(model), resolveRuleSets(model).rules);
 * p.points.length // => 77
 * [p.points[0].table, p.points[0].row, p.points[0].level, p.points[0].flow] // => ['GB17167-2006', 'water', 1, 'W01']
 */
export function derivePoints(graph: PlantGraph, rules: RuleSets, allRequired = false): DerivedPoints {
  const mainAnalysis = decideMainPerCarrier(graph, rules);
  const main = mainAnalysis.decisions;
  const isMain = (i: number, g: MainGroup) => allRequired || mainAnalysis.isMain(i, g);
  const assumed = (i: number, g: MainGroup) =>
    !allRequired && (main[i]!.groups.find((x) => x.category === g)?.basis ?? main[i]!.basis) === 'unknown';
  const points: MeteringPoint[] = [];
  const exemptions: ExemptionRecord[] = [];
  const uncovered: string[] = [];
  const excluded: DerivedPoints['excluded'] = [];
  const P = period(graph);
  for (const lf of graph.flows) {
    if (lf.stock || (lf.layer !== 'energy' && lf.layer !== 'water' && lf.layer !== 'material')) continue;
    const flow = graph.model.flows[lf.flowIndex]!;
    const { enters, leaves } = crossings(graph, lf.from, lf.to);
    if (enters.length + leaves.length === 0) continue;
    const m = memberships(flow, rules);
    if (m.uncovered) uncovered.push(flow.id);
    if (m.excluded) excluded.push({ flow: flow.id, code: m.excluded });
    if (m.rows.length === 0) continue;
    const discharge = isDischarge(flow);
    // Required nodes crossed, by level (index 1–3): nodes main for this flow's carrier group.
    const group = groupOfFlow(rules.energy.mainThresholds, lf);
    const crossed: string[][] = [[], [], [], []];
    const known = [false, false, false, false];
    for (const i of [...enters, ...leaves]) {
      if (!isMain(i, group)) continue;
      const level = graph.nodes[i]!.level;
      crossed[level]!.push(graph.nodes[i]!.id);
      if (!assumed(i, group)) known[level] = true;
    }
    let magnitude: Magnitude | undefined | null = null;
    for (const ms of m.rows) {
      for (const level of LEVELS) {
        const nodes = crossed[level]!;
        if (nodes.length === 0) continue;
        // GB 24789 Table 1 note: levels 2 and 3 do not count discharged water.
        if (
          ms.family === 'water' &&
          discharge &&
          (rules.water.dischargeExcludedAtLevels as readonly number[]).includes(level)
        )
          continue;
        const point: MeteringPoint = {
          family: ms.family,
          table: ms.table,
          row: ms.row,
          level,
          flow: flow.id,
          flowIndex: lf.flowIndex,
          nodes,
          value: lf.layer === 'water' ? lf.value : undefined,
          ...(ms.family === 'material' && flow.carrier !== undefined ? { material: flow.carrier } : {}),
          ...(known[level] ? {} : { assumedMain: true }),
        };
        if (flow.exemption && exemptionRule(rules, flow.exemption).levels.includes(level) && ms.family !== 'material') {
          const rec: ExemptionRecord = {
            flow: flow.id,
            table: ms.table,
            row: ms.row,
            level,
            exemption: flow.exemption,
            accepted: true,
            code: `metering.exempt.${flow.exemption}`,
            params: {},
          };
          if (flow.exemption === 'auxiliary') {
            // Note 2: only electricity, steam, water on a main device, below the Table 2 limit.
            if (magnitude === null) magnitude = flowMagnitude(graph, lf, rules.energy.mainThresholds);
            const t = magnitude && rules.energy.mainThresholds.find((x) => x.category === magnitude!.category);
            if (!magnitude || !AUXILIARY_CATEGORIES.has(magnitude.category)) {
              rec.accepted = false;
              rec.code = magnitude ? 'metering.exempt.auxiliaryCarrier' : 'metering.exempt.auxiliaryUnknown';
            } else if (t && P !== undefined) {
              const rate = asRate(magnitude.amount, t.level3.unit, P, graph.ctx.annualHours);
              rec.params = { rate: roundTo(rate, 3), limit: t.level3.value, unit: t.level3.unit };
              if (rate >= t.level3.value * (1 - REL_EPS)) {
                rec.accepted = false;
                rec.code = 'metering.exempt.auxiliaryAbove';
              }
            }
          } else if (flow.exemption === 'closed-loop-pump-data' && lf.layer !== 'water' && !(ms.row === 'water')) {
            rec.accepted = false;
            rec.code = 'metering.exempt.closedLoopNotWater';
          } else if (flow.exemption === 'seasonal-heating') {
            // Note 1 allows other settlement than metering the medium's flow — it is not an exemption from
            // metering: the point stays in N and, settled otherwise, counts in n. Steam and hot water only.
            if (ms.row !== 'steam') {
              rec.accepted = false;
              rec.code = 'metering.exempt.seasonalHeatingCarrier';
            } else point.settledOtherwise = true;
          }
          exemptions.push(rec);
          if (rec.accepted && !point.settledOtherwise) continue;
        }
        points.push(point);
      }
    }
  }
  return { points, exemptions, main, mainWarnings: mainAnalysis.warnings, uncovered, excluded };
}
