import type { CoverageRuleRow, Level } from '../data/gb17167-2006.ts';
import type { Label } from '../data/provenance.ts';
import { carrierName } from '../i18n/index.ts';
import { buildGraph, type PlantGraph } from '../model/graph.ts';
import type { Model } from '../model/schema.ts';
import { campaignEndDate, checkMeter, metersByFlow, type MeterCheck } from './meters.ts';
import {
  derivePoints,
  type DerivedPoints,
  type ExemptionRecord,
  type MeteringPoint,
  type TableFamily,
} from './points.ts';
import { editionNotices, type EditionNotice } from './editions.ts';
import { roundTo } from '../util/round.ts';
import { resolveRuleSets, type RuleSets } from './rulesets.ts';

/**
 * Coverage R = n / N × 100 % per rule-table row and level (GB 17167 Table 3, GB 24789 Table 1,
 * Yunnan Annex 2 / DESIGN.md `coverage --json`). n counts the required points served by at least
 * one meter that is in service, verified through the campaign and of the required class.
 */
export interface CoverageRow {
  table: string;
  family: TableFamily;
  /** Rule-table row id (energy row, water item); for Yunnan Annex 2 the material (one row per main material). */
  carrier: string;
  /** The rule-table row: energy row, water item, material phase. */
  row: string;
  /** Annex 2 rows: the main material (its carrier, else the flow id). */
  material?: string;
  label: Label;
  level: Level;
  /** "count": 配备率 by meters; "volume": 水计量率 Km by metered volume (n, N in `unit`). */
  kind: 'count' | 'volume';
  n: number;
  N: number;
  /** Percent, 2 decimals; null when N = 0. */
  ratio: number | null;
  /** Percent; null = no requirement ("—", or a ※ cell not set). */
  required: number | null;
  pass: boolean;
  /** Flows in N without a meter that counts. */
  missing: string[];
  /** Meters on these points that do not count, and why. */
  invalid: { flow: string; meter: string; reasons: string[] }[];
  exempt: { flow: string; exemption: string; accepted: boolean }[];
  unit?: string;
  /** Volume rows: unmetered flows whose volume is unknown (Km cannot be shown to be met). */
  volumeUnknown?: string[];
  /** Missing flows whose node is required only because nothing about its use is known (main-ness assumed). */
  assumed?: string[];
  /** The edition in force at the campaign date when it is not the one this row was judged by ("GB 17167-2025"). */
  supersededBy?: string;
}

export interface CoverageOptions {
  /** Values (layer unit) for flows without one, e.g. reconciled estimates, used for Km. */
  estimates?: ReadonlyMap<string, number>;
  /** Count every node as required, main or not (the full grade's whole-enterprise scope). */
  allRequired?: boolean;
}

export interface MeteringAnalysis {
  graph: PlantGraph;
  rules: RuleSets;
  derived: DerivedPoints;
  /** Every (meter, point) check. */
  checks: MeterCheck[];
  /** Keys (pointKey) of points served by a meter that counts. */
  metered: Set<string>;
  /** Exemptions, including "a metered unit covers its devices". */
  exemptions: ExemptionRecord[];
  /** The points in N after all exemptions. */
  points: MeteringPoint[];
  options: CoverageOptions;
  /** Editions replaced by the campaign's date (GB 17167-2025 from 2026-02-01): said in every verdict. */
  notices: EditionNotice[];
}

const keys = new WeakMap<object, string>();
/** "table|row|level|flow", computed once per point object. */
export function pointKey(p: Pick<MeteringPoint, 'table' | 'row' | 'level' | 'flow'>): string {
  let k = keys.get(p);
  if (k === undefined) {
    k = `${p.table}|${p.row}|${p.level}|${p.flow}`;
    keys.set(p, k);
  }
  return k;
}

/**
 * Derives N, checks every meter on every point, and applies the metered-unit exemption.
 *
 * @example
 * const { model } = parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json');
 * analyseMetering(model).points.length // => 73
 */
export function analyseMetering(
  model: Model,
  options: CoverageOptions = {},
  graph: PlantGraph = buildGraph(model),
): MeteringAnalysis {
  const { rules } = resolveRuleSets(model.settings);
  const derived = derivePoints(graph, rules, options.allRequired === true);
  const byFlow = metersByFlow(model);
  // A water-layer steam/water flow and the energy-layer flow that shares its meter are one GB 17167 point.
  const layerOf = new Map(model.flows.map((f) => [f.id, f.layer]));
  derived.points = derived.points.filter((p) => {
    if (p.family !== 'energy' || layerOf.get(p.flow) !== 'water') return true;
    const twin = (byFlow.get(p.flow) ?? []).some((m) =>
      m.flows.some(
        (f) =>
          f !== p.flow &&
          layerOf.get(f) === 'energy' &&
          derived.points.some((q) => q.flow === f && q.row === p.row && q.level === p.level),
      ),
    );
    if (twin && !derived.excluded.some((e) => e.flow === p.flow))
      derived.excluded.push({ flow: p.flow, code: 'metering.excluded.sameMeter' });
    return !twin;
  });
  const endDate = campaignEndDate(model);
  const checks: MeterCheck[] = [];
  const metered = new Set<string>();
  for (const p of derived.points) {
    if (p.settledOtherwise) metered.add(pointKey(p));
    for (const m of byFlow.get(p.flow) ?? []) {
      const c = checkMeter(graph, rules, m, p, endDate);
      checks.push(c);
      if (c.counts && c.quantity) metered.add(pointKey(p));
    }
  }
  // GB 17167 Table 2 note: a metered unit (coversDevices) covers its main devices, per energy row.
  const exemptions = [...derived.exemptions];
  const covering = new Set(graph.nodes.filter((n) => n.coversDevices).map((n) => n.id));
  const parentOf = new Map(graph.nodes.map((n) => [n.id, n.parent]));
  const unitMetered = (unit: string, row: string): boolean => {
    const own = derived.points.filter(
      (q) => q.family === 'energy' && q.row === row && q.nodes.includes(unit) && q.level !== 3,
    );
    return own.length > 0 && own.every((q) => metered.has(pointKey(q)));
  };
  const points = derived.points.filter((p) => {
    if (p.family !== 'energy' || p.level !== 3 || covering.size === 0 || metered.has(pointKey(p))) return true;
    const units = p.nodes.map((d) => parentOf.get(d));
    if (!units.every((u) => u !== undefined && covering.has(u) && unitMetered(u, p.row))) return true;
    exemptions.push({
      flow: p.flow,
      table: p.table,
      row: p.row,
      level: 3,
      exemption: 'metered-unit',
      accepted: true,
      code: 'metering.exempt.metered-unit',
      params: { unit: units.join(', ') },
    });
    return false;
  });
  return { graph, rules, derived, checks, metered, exemptions, points, options, notices: editionNotices(model) };
}

/** The rule-table rows of every family, each with its table id. */
export function ruleRows(
  rules: RuleSets,
): { family: TableFamily; table: string; row: CoverageRuleRow; kind: 'count' | 'volume' }[] {
  return [
    ...rules.energy.rows.map((row) => ({
      family: 'energy' as const,
      table: rules.energy.table,
      row,
      kind: 'count' as const,
    })),
    ...rules.water.rows.map((row) => ({ family: 'water' as const, table: rules.water.table, row, kind: row.kind })),
    ...rules.material.rows.map((row) => ({
      family: 'material' as const,
      table: rules.material.table,
      row,
      kind: 'count' as const,
    })),
  ];
}

/** The row a point counts in: its material for Yunnan Annex 2 (one row per main material), else its table row. */
export function rowKeyOf(p: Pick<MeteringPoint, 'row' | 'material'>): string {
  return p.material ?? p.row;
}

/**
 * The rows a coverage table prints: every GB 17167 and GB 24789 row; for Yunnan Annex 2, one row per main
 * material of each phase (the table lists 气态物料1, 气态物料2 …, each with the phase's ratio), or the phase
 * itself where the model has no material of it.
 */
type RuleRowEntry = ReturnType<typeof ruleRows>[number];
interface RowInstance extends RuleRowEntry {
  key: string;
  label: Label;
  material: string | undefined;
}

function rowInstances(a: MeteringAnalysis): RowInstance[] {
  const materials = new Map<string, Set<string>>();
  const unnamed = new Set<string>();
  for (const p of a.points) {
    if (p.family !== 'material') continue;
    if (p.material === undefined) {
      unnamed.add(p.row);
      continue;
    }
    let set = materials.get(p.row);
    if (!set) materials.set(p.row, (set = new Set()));
    set.add(p.material);
  }
  return ruleRows(a.rules).flatMap((r): RowInstance[] => {
    const list = r.family === 'material' ? [...(materials.get(r.row.id) ?? [])] : [];
    const phaseRow = { ...r, key: r.row.id, label: r.row.label, material: undefined };
    const named = list.map((m) => ({
      ...r,
      key: m,
      material: m,
      label: { zh: `${r.row.label.zh}：${carrierName(m, 'zh')}`, en: `${r.row.label.en}: ${carrierName(m, 'en')}` },
    }));
    // The phase row itself holds carrier-less flows, and stands (N = 0) for a phase the model does not use.
    return list.length === 0 || unnamed.has(r.row.id) ? [...named, phaseRow] : named;
  });
}

/** The required ratio of a row at a level: the table's, or the settings' value for a ※ cell. */
export function requiredAt(row: CoverageRuleRow, level: Level, model: Model): number | null {
  const key = row.configurable?.[level];
  if (key) return model.settings?.materialOtherRequired?.[key] ?? null;
  return row.required[level - 1] ?? null;
}

/**
 * One row per rule-table row and level. `include` restricts the points (e.g. to the audit
 * focus); `extraMetered` treats further points as metered (what-if for the next grade).
 *
 * @example
 * // GB 17167-2006 表3, electricity at level 3: 3 of 4 points metered (E41's meter has expired) = 75 % < 95 %
 * const { model } = parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json');
 * const row = coverageRows(analyseMetering(model))[2];
 * [row.row, row.level, row.n, row.N, row.ratio, row.required, row.pass, row.missing] // => ['electricity', 3, 3, 4, 75, 95, false, ['E41']]
 */
export function coverageRows(
  a: MeteringAnalysis,
  include: (p: MeteringPoint) => boolean = () => true,
  extraMetered?: ReadonlySet<string>,
): CoverageRow[] {
  const isMetered = (p: MeteringPoint) => a.metered.has(pointKey(p)) || (extraMetered?.has(pointKey(p)) ?? false);
  const groups = new Map<string, MeteringPoint[]>();
  for (const p of a.points) {
    if (!include(p)) continue;
    const k = `${p.table}|${rowKeyOf(p)}|${p.level}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(p);
  }
  const failing = new Map<string, MeterCheck[]>();
  for (const c of a.checks) {
    if (c.counts) continue;
    const k = `${c.table}|${c.row}|${c.level}`;
    const list = failing.get(k);
    if (list) list.push(c);
    else failing.set(k, [c]);
  }
  const out: CoverageRow[] = [];
  const superseded = new Map(a.notices.map((n) => [n.family, `${n.standard}-${n.inForce}`] as const));
  const familyId = { energy: 'GB17167', water: 'GB24789', material: 'Yunnan' } as const;
  for (const { family, table, row, kind, key, label, material } of rowInstances(a)) {
    const supersededBy = superseded.get(familyId[family]);
    for (const level of [1, 2, 3] as const) {
      const pts = groups.get(`${table}|${key}|${level}`) ?? [];
      const required = requiredAt(row, level, a.graph.model);
      const missingPts = pts.filter((p) => !isMetered(p));
      const flowsHere = new Set(pts.map((p) => p.flow));
      const invalid = (failing.get(`${table}|${row.id}|${level}`) ?? [])
        .filter((c) => flowsHere.has(c.flow))
        .map((c) => ({
          flow: c.flow,
          meter: c.meter,
          reasons: c.findings.filter((f) => f.severity === 'error').map((f) => f.code),
        }));
      const exempt = a.exemptions
        .filter((e) => e.table === table && e.row === row.id && e.level === level)
        .map((e) => ({ flow: e.flow, exemption: e.exemption, accepted: e.accepted }));
      const base = {
        table,
        family,
        carrier: key,
        row: row.id,
        ...(material !== undefined ? { material } : {}),
        label,
        level,
        required,
        missing: missingPts.map((p) => p.flow),
        ...(missingPts.some((p) => p.assumedMain)
          ? { assumed: missingPts.filter((p) => p.assumedMain).map((p) => p.flow) }
          : {}),
        invalid,
        exempt,
        ...(supersededBy ? { supersededBy } : {}),
      };
      if (kind === 'count') {
        const n = pts.length - missingPts.length;
        const N = pts.length;
        out.push({
          ...base,
          kind,
          n,
          N,
          ratio: N === 0 ? null : roundTo((100 * n) / N, 2),
          pass: required === null || N === 0 || 100 * n >= required * N - 1e-9,
        });
      } else {
        let n = 0;
        let N = 0;
        const volumeUnknown: string[] = [];
        for (const p of pts) {
          const v = p.value ?? a.options.estimates?.get(p.flow);
          if (v === undefined) {
            if (!isMetered(p)) volumeUnknown.push(p.flow);
            continue;
          }
          N += Math.abs(v);
          if (isMetered(p)) n += Math.abs(v);
        }
        const pass =
          required === null ||
          pts.length === 0 ||
          (volumeUnknown.length === 0 && (N === 0 || 100 * n >= required * N - 1e-9));
        out.push({
          ...base,
          kind,
          n: roundTo(n, 6),
          N: roundTo(N, 6),
          ratio: N === 0 ? null : roundTo((100 * n) / N, 2),
          pass,
          unit: a.graph.layerUnits.get('water') ?? 't',
          volumeUnknown,
        });
      }
    }
  }
  return out;
}
