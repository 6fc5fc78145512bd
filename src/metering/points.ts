import { carrier as carrierInfo } from '../data/carriers.ts';
import type { Level } from '../data/gb17167-2006.ts';
import { crossings, type PlantGraph } from '../model/graph.ts';
import type { Flow } from '../model/schema.ts';
import { asRate, flowMagnitude, type Magnitude } from './magnitude.ts';
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

export interface MainDecision {
  node: string;
  level: Level;
  main: boolean;
  basis: 'enterprise' | 'explicit' | 'audit-focus' | 'derived' | 'unknown';
  /** Per Table 1/2 group: the node's use as the table's rate and the limit. */
  evidence: { category: string; rate: number; unit: string; limit: number; reached: boolean }[];
}

export interface DerivedPoints {
  points: MeteringPoint[];
  exemptions: ExemptionRecord[];
  main: MainDecision[];
  /** Energy-layer flows crossing a boundary whose carrier has no Table 3 row. */
  uncovered: string[];
  /** Flows left out of N by their nature (losses, evaporation, effective energy), with the reason code. */
  excluded: { flow: string; code: string }[];
}

/** Relative slack for comparing a magnitude that went through unit round trips with a table limit. */
const REL_EPS = 1e-9;

const LEVELS_123: readonly Level[] = [1, 2, 3];

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
 * Is each node required at its level? The enterprise always; a sub-unit or device when the model
 * says `main`, when it is in the audit focus (main by the enterprise's own choice, Yunnan Annex 2
 * note 2), or when its own use over the period, annualised, reaches any GB 17167 Table 1 (level 2)
 * or Table 2 (level 3) limit — water devices also at ≥ 1 m³/h (GB 24789). A node without any known
 * magnitude is taken as main (conservative; set `main: false` to exclude it).
 */
export function decideMain(graph: PlantGraph, rules: RuleSets): MainDecision[] {
  const thresholds = rules.energy.mainThresholds;
  const P = period(graph);
  const Y = graph.ctx.annualHours;
  const use: Map<string, number>[] = graph.nodes.map(() => new Map());
  const known = graph.nodes.map(() => false);
  for (const lf of graph.flows) {
    if ((lf.layer !== 'energy' && lf.layer !== 'water') || lf.stock) continue;
    const m = flowMagnitude(graph, lf, thresholds);
    if (!m) continue;
    for (const i of crossings(graph, lf.from, lf.to).enters) {
      known[i] = true;
      use[i]!.set(m.category, (use[i]!.get(m.category) ?? 0) + m.amount);
    }
  }
  return graph.nodes.map((node, i): MainDecision => {
    const level = node.level as Level;
    const base = { node: node.id, level, evidence: [] as MainDecision['evidence'] };
    if (level === 1) return { ...base, main: true, basis: 'enterprise' };
    if (typeof node.main === 'boolean') return { ...base, main: node.main, basis: 'explicit' };
    if (P !== undefined) {
      for (const t of thresholds) {
        const amount = use[i]!.get(t.category);
        if (amount === undefined) continue;
        const limit = level === 2 ? t.level2 : t.level3;
        const rate = asRate(amount, limit.unit, P, Y);
        base.evidence.push({
          category: t.category,
          rate,
          unit: limit.unit,
          limit: limit.value,
          reached: rate >= limit.value * (1 - REL_EPS),
        });
      }
    }
    if (node.auditFocus) return { ...base, main: true, basis: 'audit-focus' };
    if (!known[i] || P === undefined) return { ...base, main: true, basis: 'unknown' };
    return { ...base, main: base.evidence.some((e) => e.reached), basis: 'derived' };
  });
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

/** Levels at which a flow's exemption applies (GB 17167 Table 3 notes 1–2; GB 24789 closed loops). */
const EXEMPTION_LEVELS: Record<'seasonal-heating' | 'auxiliary' | 'closed-loop-pump-data', readonly Level[]> = {
  'seasonal-heating': [1, 2],
  auxiliary: [3],
  'closed-loop-pump-data': [1, 2, 3],
};
const AUXILIARY_CATEGORIES = new Set(['electricity', 'steam', 'water']);

/** Derives every required metering point, the exemptions applied and the main-ness decisions. */
export function derivePoints(graph: PlantGraph, rules: RuleSets): DerivedPoints {
  const main = decideMain(graph, rules);
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
    // Required nodes crossed, by level (index 1–3); shared read-only by the points of each row.
    const crossed: string[][] = [[], [], [], []];
    for (const i of enters) if (main[i]!.main) crossed[graph.nodes[i]!.level]!.push(graph.nodes[i]!.id);
    for (const i of leaves) if (main[i]!.main) crossed[graph.nodes[i]!.level]!.push(graph.nodes[i]!.id);
    let magnitude: Magnitude | undefined | null = null;
    for (const ms of m.rows) {
      for (const level of LEVELS_123) {
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
        };
        if (flow.exemption && EXEMPTION_LEVELS[flow.exemption].includes(level) && ms.family !== 'material') {
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
              rec.params = { rate: round(rate), limit: t.level3.value, unit: t.level3.unit };
              if (rate >= t.level3.value * (1 - REL_EPS)) {
                rec.accepted = false;
                rec.code = 'metering.exempt.auxiliaryAbove';
              }
            }
          } else if (flow.exemption === 'closed-loop-pump-data' && lf.layer !== 'water' && !(ms.row === 'water')) {
            rec.accepted = false;
            rec.code = 'metering.exempt.closedLoopNotWater';
          }
          exemptions.push(rec);
          if (rec.accepted) continue;
        }
        points.push(point);
      }
    }
  }
  return { points, exemptions, main, uncovered, excluded };
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
