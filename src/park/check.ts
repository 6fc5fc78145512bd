import { checkModel } from '../balance/check.ts';
import { masterSubToleranceFor } from '../balance/tolerance.ts';
import type { CheckResult, Finding } from '../balance/types.ts';
import { annualHours as defaultAnnualHours } from '../data/cp-practice.ts';
import type { Label } from '../data/provenance.ts';
import type { Acceptance } from '../data/yunnan-2007.ts';
import { layerName, t, type Lang } from '../i18n/index.ts';
import { buildGraph, type PlantGraph } from '../model/graph.ts';
import { InputError, issue, type InputIssue } from '../model/issues.ts';
import type { Model } from '../model/schema.ts';
import { analyseMetering, coverageRows } from '../metering/coverage.ts';
import { depthVerdict, type DepthVerdict } from '../metering/depth.ts';
import { validateMetering } from '../metering/validate.ts';
import { compareModels } from '../results/compare.ts';
import { CompareInputError } from '../results/inputs.ts';
import { compactBalance, periodIndicators, type CompactBalance, type PeriodIndicators } from '../periods/balances.ts';
import { periodModel } from '../periods/period-model.ts';
import { validateLinkEnds } from './load.ts';
import { annualFactorOf, linkLayers, linkNodeId, type MemberState, PARK_NODE, parkModel } from './merge.ts';
import type { Park, ParkLink } from './schema.ts';
import { percentText } from '../util/percent.ts';

/** A member's parsed model(s), as the caller (CLI or web) read them. */
export interface ParkMemberInput {
  id: string;
  model: Model;
  before?: Model;
  after?: Model;
  /** The model file, for reports. */
  file?: string;
}

export interface MemberSummary {
  id: string;
  name: string;
  nameEn?: string;
  shared: boolean;
  file: string | null;
  annualFactor: number;
  nodes: number;
  flows: number;
  /** The member's own balance check (its own figures, tolerances and period). */
  summary: CheckResult['summary'];
  /** Its balances at its own levels (its own period's figures, not annualised). */
  balances: CompactBalance[];
  /** Its open balances and other errors, in both languages. */
  errors: Finding[];
  /** Indicators per year (period figures × annual factor). */
  indicators: PeriodIndicators;
  coverage: {
    rows: number;
    passing: number;
    failing: {
      table: string;
      carrier: string;
      level: number;
      n: number;
      N: number;
      ratio: number | null;
      required: number | null;
      missing: string[];
    }[];
  } | null;
  /** depth may be "undetermined"; acceptance true/false/null (cannot be judged) — docs/metering.md. */
  depth: { depth: DepthVerdict; label: Label; acceptance: Record<Acceptance, boolean | null> } | null;
}

export interface LinkRow {
  link: string;
  name: string | null;
  nameEn: string | null;
  layer: string;
  /** The layer unit per year (t/a, tce/a, kg/a). */
  unit: string;
  master: 'from' | 'to';
  /** Σ supplier side and Σ receiver side per year; null when a flow is unknown. */
  from: number | null;
  to: number | null;
  fromFlows: string[];
  toFlows: string[];
  /** Flows whose value the park computed by difference (the comparison is then no check). */
  derived: string[];
  /** from − to (the network's loss when the supplier is the master). */
  difference: number | null;
  /** difference / master side. */
  relative: number | null;
  tolerancePct: number;
  status: 'pass' | 'fail' | 'incomplete';
}

/** A member's savings between its before and after states (results' compareModels), per year. */
export interface MemberSavings {
  member: string;
  /** positive = saved, per year; null when compare could not give it. */
  energyTce: number | null;
  waterT: number | null;
  co2T: number | null;
  /** Per pollutant: generation and discharge reductions, t/a. */
  pollutants: Record<string, { generation: number | null; discharge: number | null }>;
  /** Why the pair could not be compared (its files' problems), when it could not. */
  error?: string;
}

export interface ParkSavings {
  members: MemberSavings[];
  /** Σ over the members compared; null where a member's figure is unknown. */
  total: Omit<MemberSavings, 'member' | 'error'>;
}

export interface ParkResult {
  park: { name: string; nameEn?: string; members: number; links: number; basis: 'year'; annualHours: number };
  members: MemberSummary[];
  links: LinkRow[];
  /** The park boundary's balance in every layer (per year). */
  balances: CompactBalance[];
  /** Each member as a node of the park, per year (its level-1 boundary; values it could not derive may come from a link). */
  memberBalances: CompactBalance[];
  /** The park's indicators per year (综合能耗 of the park boundary, new water …). */
  indicators: PeriodIndicators;
  findings: Finding[];
  /** Savings of the members that have before and after states, and their sum (null: no member has both). */
  savings: ParkSavings | null;
  summary: {
    members: number;
    membersWithErrors: number;
    links: number;
    linkRows: number;
    linksFailed: number;
    linksIncomplete: number;
    parkOpen: number;
    ok: boolean;
  };
}

export interface ParkOptions {
  /** Coverage and depth per member (default true). */
  metering?: boolean;
  /** The park file, for located errors. */
  file?: string;
}

/**
 * Members' models as the park uses them: a chosen period taken out, the annual factor known.
 *
 * @example
 * const park = parsePark(readFileSync('datasets/park/park.json', 'utf8'), 'park.json');
 * const inputs = park.members.map((m) => ({ id: m.id, model: parseModel(readFileSync(`datasets/park/${m.model}`), m.model).model }));
 * memberStates(park, inputs).map((s) => [s.id, roundTo(s.annualFactor, 2)])[0] // => ['dyeing', 121.67]
 */
export function memberStates(park: Park, inputs: readonly ParkMemberInput[], file = 'park.json'): MemberState[] {
  const byId = new Map(inputs.map((i) => [i.id, i]));
  const issues: InputIssue[] = [];
  const states: MemberState[] = [];
  park.members.forEach((m, i) => {
    const input = byId.get(m.id);
    if (!input) {
      issues.push(issue(['members', i, 'model'], 'park.memberMissing', { id: m.id }));
      return;
    }
    let model = input.model;
    if (m.period !== undefined) {
      try {
        model = periodModel(model, m.period, { file: input.file ?? m.model });
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        issues.push(
          issue(['members', i, 'period'], 'park.memberPeriod', { id: m.id, detail: e.issues[0]?.code ?? '' }),
        );
        return;
      }
    }
    const annualFactor = annualFactorOf(model);
    if (annualFactor === undefined || !(annualFactor > 0)) {
      issues.push(issue(['members', i, 'model'], 'park.noPeriod', { id: m.id }));
      return;
    }
    states.push({
      id: m.id,
      name: m.name ?? model.name,
      ...((m.nameEn ?? model.nameEn) ? { nameEn: m.nameEn ?? model.nameEn } : {}),
      model,
      annualFactor,
      annualHours: model.settings?.annualHours ?? defaultAnnualHours.hours,
    });
  });
  if (issues.length === 0) {
    const models = new Map(states.map((s) => [s.id, s.model]));
    issues.push(...validateLinkEnds(park, models));
  }
  if (issues.some((i) => i.severity === 'error')) throw new InputError(file, issues);
  return states;
}

/** A member on its own: its balances, indicators per year, coverage and depth. */
function summarise(park: Park, m: MemberState, input: ParkMemberInput | undefined, metering: boolean): MemberSummary {
  const graph = buildGraph(m.model);
  const check = checkModel(graph);
  // What the member's own check derived, in each flow's own unit: the park takes its boundary flows from it.
  const unitOf = new Map(m.model.flows.map((f) => [f.id, f.unit]));
  m.derived = new Map(check.derived.filter((d) => unitOf.get(d.flow) === d.ownUnit).map((d) => [d.flow, d.ownValue]));
  const own = periodIndicators(m.model, check);
  const k = m.annualFactor;
  const yearly = (x: number | null) => (x === null ? null : x * k);
  const indicators: PeriodIndicators = {
    ...own,
    energyEquivalent: yearly(own.energyEquivalent),
    energyEqual: yearly(own.energyEqual),
    newWater: yearly(own.newWater),
    perProduct: own.perProduct.map((p) => ({ ...p, output: p.output * k })),
    perOutputValue: own.perOutputValue && { ...own.perOutputValue, outputValue: own.perOutputValue.outputValue * k },
  };
  let coverage: MemberSummary['coverage'] = null;
  let depth: MemberSummary['depth'] = null;
  if (metering && validateMetering(m.model).length === 0) {
    const a = analyseMetering(m.model, {}, graph);
    const rows = coverageRows(a);
    coverage = {
      rows: rows.length,
      passing: rows.filter((r) => r.pass).length,
      failing: rows
        .filter((r) => !r.pass)
        .map(({ table, carrier, level, n, N, ratio, required, missing }) => ({
          table,
          carrier,
          level,
          n,
          N,
          ratio,
          required,
          missing,
        })),
    };
    const d = depthVerdict(m.model, {}, a);
    depth = { depth: d.depth, label: d.label, acceptance: d.acceptance };
  }
  const member = park.members.find((x) => x.id === m.id)!;
  return {
    id: m.id,
    name: m.name,
    ...(m.nameEn ? { nameEn: m.nameEn } : {}),
    shared: member.shared === true,
    file: input?.file ?? member.model,
    annualFactor: k,
    nodes: m.model.nodes.length,
    flows: m.model.flows.length,
    summary: check.summary,
    balances: check.balances.map(compactBalance),
    errors: check.findings.filter((f) => f.severity === 'error'),
    indicators,
    coverage,
    depth,
  };
}

/** Supplier side vs receiver side of each link, per layer, on the park's yearly basis (master–sub logic). */
function linkRows(park: Park, model: Model, graph: PlantGraph, check: CheckResult): LinkRow[] {
  // Values as the park check has them: measured, or derived by difference (then no check of the link).
  const derivedValue = new Map(check.derived.map((d) => [`${d.layer}\u0000${d.flow}`, d.value]));
  // One pass: each link node's flows in and out, by layer.
  const ends = new Map<number, { from: number[]; to: number[] }>();
  const at = (node: number) => {
    let e = ends.get(node);
    if (!e) ends.set(node, (e = { from: [], to: [] }));
    return e;
  };
  const linkNodes = new Set((park.links ?? []).map((l) => graph.nodeIndex.get(linkNodeId(l.id))!));
  graph.flows.forEach((f, i) => {
    if (linkNodes.has(f.to)) at(f.to).from.push(i);
    if (linkNodes.has(f.from)) at(f.from).to.push(i);
  });
  const layersOf = linkLayers(model);
  const rows: LinkRow[] = [];
  for (const l of park.links ?? []) {
    const e = ends.get(graph.nodeIndex.get(linkNodeId(l.id))!) ?? { from: [], to: [] };
    for (const layer of layersOf.get(l.id) ?? []) {
      const side = (idx: number[]) => {
        let sum: number | null = 0;
        const flows: string[] = [];
        const derived: string[] = [];
        for (const i of idx) {
          const f = graph.flows[i]!;
          if (f.layer !== layer) continue;
          flows.push(f.id);
          const d = derivedValue.get(`${layer}\u0000${f.id}`);
          if (d !== undefined) derived.push(f.id);
          const v = f.value ?? d;
          sum = sum === null || v === undefined || Number.isNaN(v) ? null : sum + v;
        }
        return { sum, flows, derived };
      };
      rows.push(agreement(park, l, layer, graph.layerUnits.get(layer) ?? '', side(e.from), side(e.to)));
    }
  }
  return rows;
}

function agreement(
  park: Park,
  l: ParkLink,
  layer: string,
  unit: string,
  from: { sum: number | null; flows: string[]; derived: string[] },
  to: { sum: number | null; flows: string[]; derived: string[] },
): LinkRow {
  const master = l.master ?? 'from';
  const tolerancePct = l.tolerancePct ?? masterSubToleranceFor(park.settings, layer).pct;
  const known = from.sum !== null && to.sum !== null;
  const difference = known ? from.sum! - to.sum! : null;
  const base = master === 'from' ? from.sum : to.sum;
  const relative = difference === null || base === null || base === 0 ? null : difference / base;
  const derived = [...from.derived, ...to.derived];
  const checkable = relative !== null && derived.length === 0 && from.flows.length > 0 && to.flows.length > 0;
  return {
    link: l.id,
    name: l.name ?? null,
    nameEn: l.nameEn ?? null,
    layer,
    unit,
    master,
    from: from.sum,
    to: to.sum,
    fromFlows: from.flows,
    toFlows: to.flows,
    derived,
    difference,
    relative,
    tolerancePct,
    status: !checkable ? 'incomplete' : Math.abs(relative!) * 100 <= tolerancePct + 1e-9 ? 'pass' : 'fail',
  };
}

/** A message in both languages with parameters that follow the language (layer names). */
function bothLangs(key: string, params: (lang: Lang) => Record<string, string | number>): { zh: string; en: string } {
  return { zh: t('zh', key, params('zh')), en: t('en', key, params('en')) };
}

/**
 * The park's check (docs/park.md): every member on its own (balances, indicators per year,
 * coverage and depth), both sides of every link compared (supplier's meter vs receivers' meters,
 * the master's tolerance), and the park boundary's balances per year. Throws InputError (located
 * in the park file) when a link end does not fit its member's model or a member has no period.
 *
 * @example
 * // the dyeing plant's discharge D01, 6 200 t in its 72 h campaign × 8 760 / 72 = 754 333 t/a, against the park
 * // WWTP's inlet meter 760 000 t/a: −0.75 %, within the 10 % master–sub tolerance
 * const park = parsePark(readFileSync('datasets/park/park.json', 'utf8'), 'park.json');
 * const inputs = park.members.map((m) => ({ id: m.id, model: parseModel(readFileSync(`datasets/park/${m.model}`), m.model).model }));
 * const link = checkPark(park, inputs).links[0];
 * [link.link, roundTo(link.from, 2), link.to, roundTo(link.relative, 4), link.status] // => ['ww-dyeing', 754333.33, 760000, -0.0075, 'pass']
 */
export function checkPark(park: Park, inputs: readonly ParkMemberInput[], options: ParkOptions = {}): ParkResult {
  const states = memberStates(park, inputs, options.file);
  const byId = new Map(inputs.map((i) => [i.id, i]));
  const members = states.map((s) => summarise(park, s, byId.get(s.id), options.metering !== false));
  const model = parkModel(park, states);
  const graph = buildGraph(model);
  const parkCheck = checkModel(graph);
  const links = linkRows(park, model, graph, parkCheck);
  const balances = parkCheck.balances.filter((b) => b.node === PARK_NODE).map(compactBalance);
  const memberNodes = parkCheck.balances
    .filter((b) => b.level === 2 && !b.node.startsWith('link/'))
    .map(compactBalance);
  const findings: Finding[] = parkCheck.findings.filter((f) => f.node === PARK_NODE && f.severity === 'error');
  for (const r of links)
    if (r.status === 'fail')
      findings.push({
        severity: 'error',
        code: 'park.linkFail',
        layer: r.layer,
        message: bothLangs('park.linkFail', (lang) => ({
          link: (lang === 'en' ? (r.nameEn ?? r.name) : r.name) ?? r.link,
          layer: layerName(r.layer, lang),
          relative: percentText(r.relative, 1),
          tolerance: r.tolerancePct,
        })),
      });
  for (const m of members)
    for (const f of m.errors)
      findings.push({ ...f, message: { zh: `[${m.id}] ${f.message.zh}`, en: `[${m.id}] ${f.message.en}` } });
  const savings = parkSavings(inputs);
  const linksFailed = links.filter((r) => r.status === 'fail').length;
  const parkOpen = balances.filter((b) => b.status === 'open').length;
  const membersWithErrors = members.filter((m) => m.errors.length > 0).length;
  return {
    park: {
      name: park.name,
      ...(park.nameEn ? { nameEn: park.nameEn } : {}),
      members: members.length,
      links: (park.links ?? []).length,
      basis: 'year',
      annualHours: model.settings!.annualHours!,
    },
    members,
    links,
    balances,
    memberBalances: memberNodes,
    indicators: periodIndicators(model, parkCheck),
    findings,
    savings,
    summary: {
      members: members.length,
      membersWithErrors,
      links: (park.links ?? []).length,
      linkRows: links.length,
      linksFailed,
      linksIncomplete: links.filter((r) => r.status === 'incomplete').length,
      parkOpen,
      ok: linksFailed === 0 && parkOpen === 0 && membersWithErrors === 0,
    },
  };
}

/** Each member with a before and an after state compared by the results module (compareModels), and the park's sum. */
export function parkSavings(inputs: readonly ParkMemberInput[]): ParkSavings | null {
  const pairs = inputs.filter((i) => i.before && i.after);
  if (pairs.length === 0) return null;
  const members: MemberSavings[] = pairs.map((i) => {
    const empty = { member: i.id, energyTce: null, waterT: null, co2T: null, pollutants: {} };
    try {
      const c = compareModels({ model: i.before!, file: `${i.id} before` }, { model: i.after!, file: `${i.id} after` });
      const pollutants: MemberSavings['pollutants'] = {};
      for (const [k, v] of Object.entries(c.savings.pollutants))
        pollutants[k] = { generation: v.generation.perYear.t, discharge: v.discharge?.perYear.t ?? null };
      return {
        member: i.id,
        energyTce: c.savings.energy.perYear.tce,
        waterT: c.savings.water.perYear.t,
        co2T: c.savings.co2.perYear.t,
        pollutants,
      };
    } catch (e) {
      if (!(e instanceof CompareInputError) && !(e instanceof InputError)) throw e;
      return { ...empty, error: e.message };
    }
  });
  const sum = (get: (m: MemberSavings) => number | null) =>
    members.reduce<number | null>((a, m) => (a === null || get(m) === null || m.error ? null : a + get(m)!), 0);
  const names = new Set(members.flatMap((m) => Object.keys(m.pollutants)));
  const pollutants: MemberSavings['pollutants'] = {};
  // a pollutant a member does not report counts as no change there
  for (const n of names)
    pollutants[n] = {
      generation: sum((m) => m.pollutants[n]?.generation ?? (m.pollutants[n] ? null : 0)),
      discharge: sum((m) => m.pollutants[n]?.discharge ?? (m.pollutants[n] ? null : 0)),
    };
  return {
    members,
    total: { energyTce: sum((m) => m.energyTce), waterT: sum((m) => m.waterT), co2T: sum((m) => m.co2T), pollutants },
  };
}
