import type { Level } from '../data/gb17167-2006.ts';
import { DEPTHS, type Depth, type DepthScope } from '../data/yunnan-2007.ts';
import { flowLabel, t } from '../i18n/index.ts';
import type { Meter, Model } from '../model/schema.ts';
import { applyNextSteps } from '../metering/apply.ts';
import { checkCampaign } from '../metering/campaign.ts';
import { analyseMetering, pointKey, rowKeyOf, ruleRows, type MeteringAnalysis } from '../metering/coverage.ts';
import { evaluate } from '../metering/depth-eval.ts';
import { planNext } from '../metering/depth-plan.ts';
import { depthVerdict, type DepthOptions, type DepthVerdict, type NextItem } from '../metering/depth.ts';
import { estimatedShare } from '../metering/estimated-share.ts';
import { campaignEndDate, metersByFlow, strictestRequiredClass } from '../metering/meters.ts';
import type { EditionNotice } from '../metering/editions.ts';
import type { MeteringPoint } from '../metering/points.ts';
import { actionCost, type CostTable } from './costs.ts';
import { solveCover, type CoverResult, type CoverRow } from './cover.ts';

/**
 * Meter-placement advice (docs/advice.md): the fewest meters to add — or re-verify, or replace — so the
 * model reaches a target depth of the Yunnan notice. Built on the metering module's own judgement: its
 * evaluation of every scope, level and rule row (`evaluate`), its list of non-meter steps (`planNext`:
 * campaign, audit focus, estimates to measure, missing data), its required classes; only the choice of
 * meters is ours — an exact covering problem (cover.ts) in place of the module's greedy list. The advice
 * is then applied to a copy of the model and `depthVerdict` run on it: `reaches` is that verdict.
 */

export type AdviceTarget = Exclude<Depth, 'estimated'>;
export const ADVICE_TARGETS: readonly AdviceTarget[] = ['simple', 'key', 'full'];

export interface AdviceOptions extends DepthOptions {
  /** Costs per action (docs/advice.md §Costs); without them the count of meters is minimised. */
  costs?: CostTable;
  /** Milliseconds of branch and cut per component (default 5 000). */
  timeout?: number;
}

export interface AdviceAction {
  flow: string;
  /** The deepest level the flow is needed at (1 enterprise, 2 workshop, 3 device). */
  level: Level;
  levels: Level[];
  /** Rule rows (GB 17167 energy rows, GB 24789 items, Annex 2 materials) the meter serves. */
  rows: string[];
  tables: string[];
  requiredClass: string | null;
  /** replace / reverify: the meter on the flow that does not count now. */
  meter?: string;
  cost: number;
  reason: string;
  reasonEn: string;
}

export interface AdviceResult {
  target: AdviceTarget;
  for: 'depth';
  /** The verdict before, and the grade shown met. */
  from: DepthVerdict;
  atLeast: Depth;
  add: AdviceAction[];
  replace: AdviceAction[];
  /** Meters whose only fault is a lapsed verification: re-verifying them is enough. */
  reverify: string[];
  reverifyActions: AdviceAction[];
  /** Non-meter steps the target needs, as the metering module lists them. */
  campaign: NextItem[];
  measure: NextItem[];
  data: NextItem[];
  /** The depth `depth` gives once the advice is applied. */
  reaches: DepthVerdict;
  reached: boolean;
  /** The meter choice is proven optimal (every component solved by branch and cut). */
  optimal: boolean;
  objective: 'meters' | 'cost';
  /** Total cost of the choice and a lower bound on the optimum (equal when optimal). */
  cost: number;
  bound: number;
  costSource: string | null;
  solver: CoverResult['components'];
  /** The metering tables the verdicts were judged under, where a newer edition was in force (GB 17167-2025). */
  editionNotices: EditionNotice[];
}

/**
 * A target the model cannot reach by metering: exit 2 with the reason.
 *
 * @example
 * new AdviceImpossible('advice.x').code // => 'advice.x'
 */
export class AdviceImpossible extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'AdviceImpossible';
  }
}

type Action = 'add' | 'replace' | 'reverify';

/** What to do on a flow: re-verify when every fault of its meters is a lapsed verification, replace other faulty meters, else add. */
function actionOn(a: MeteringAnalysis, flow: string): { action: Action; meter?: string } {
  const checks = a.checks.filter((c) => c.flow === flow && !c.counts && c.quantity);
  if (checks.length === 0) return { action: 'add' };
  const expiredOnly = (m: string) =>
    checks
      .filter((c) => c.meter === m)
      .every((c) => c.findings.every((f) => f.severity !== 'error' || f.code === 'metering.meter.expired'));
  const meters = [...new Set(checks.map((c) => c.meter))];
  const renewable = meters.find(expiredOnly);
  if (renewable) return { action: 'reverify', meter: renewable };
  return { action: 'replace', meter: meters[0] };
}

/**
 * The covering problem of a target: for each rule row the target's scopes need and that fails, what
 * it still needs (count rows: ⌈required × N / 100⌉ − n points; volume rows: required × N / 100 − n of
 * metered volume) from its unmetered points; flows whose unknown volume keeps a row undecided are mandatory.
 */
function deficits(a: MeteringAnalysis, ev: ReturnType<typeof evaluate>, target: AdviceTarget) {
  const grade = a.rules.material.grades.find((g) => g.depth === target)!;
  const needs = grade.metering.flatMap((m) => m.levels.map((level) => ({ scope: m.scope, level })));
  const rows: CoverRow[] = [];
  const mandatory = new Set<string>();
  const pointsOf = new Map<DepthScope, Map<string, MeteringPoint[]>>();
  for (const [scope, an] of ev.analysisOf) {
    const m = new Map<string, MeteringPoint[]>();
    for (const p of an.points) {
      const k = `${p.table}|${rowKeyOf(p)}|${p.level}`;
      if (!m.has(k)) m.set(k, []);
      m.get(k)!.push(p);
    }
    pointsOf.set(scope, m);
  }
  const seen = new Set<string>();
  for (const { scope, level } of needs) {
    if (seen.has(`${scope}|${level}`)) continue;
    seen.add(`${scope}|${level}`);
    for (const r of ev.rowsByScope.get(scope)!.filter((x) => x.level === level && !x.pass && x.required !== null)) {
      const missing = new Set(r.missing);
      const pts = (pointsOf.get(scope)!.get(`${r.table}|${r.carrier}|${level}`) ?? []).filter((p) =>
        missing.has(p.flow),
      );
      const id = `${scope}|${r.table}|${r.carrier}|${level}`;
      if (r.kind === 'count') {
        const need = Math.ceil((r.required! * r.N) / 100 - 1e-9) - r.n;
        rows.push({
          id,
          need,
          members: [...new Set(pts.map((p) => p.flow))].map((candidate) => ({ candidate, weight: 1 })),
        });
      } else {
        for (const f of r.volumeUnknown ?? []) mandatory.add(f);
        const weight = new Map<string, number>();
        for (const p of pts) {
          const v = p.value ?? a.options.estimates?.get(p.flow);
          if (v !== undefined) weight.set(p.flow, Math.max(weight.get(p.flow) ?? 0, Math.abs(v)));
        }
        const need = (r.required! * r.N) / 100 - r.n;
        rows.push({ id, need, members: [...weight].map(([candidate, w]) => ({ candidate, weight: w })) });
      }
    }
  }
  return { rows, mandatory };
}

/**
 * The advice for `target` (see the head comment). Throws AdviceImpossible when no meter can reach it
 * (no audit focus, a focus without main equipment, a row without enough points to meter).
 *
 * @example
 * // the dyeing plant to the full grade: E41's meter (ME41, calibration expired) must be re-verified
 * advise(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model, 'full').reverify // => ['ME41']
 */
export function advise(model: Model, target: AdviceTarget, options: AdviceOptions = {}): AdviceResult {
  const a = analyseMetering(model, options);
  const before = depthVerdict(model, options, a);
  const campaignCheck = checkCampaign(model, options.readings);
  const share = estimatedShare(a.graph, options.estimatedShareLimitPct ?? a.rules.material.estimatedShareLimitPct);
  const ev = evaluate(a, campaignCheck, share);
  const grade = a.rules.material.grades.find((g) => g.depth === target)!;
  const base = {
    target,
    for: 'depth' as const,
    from: before.depth,
    atLeast: before.atLeast,
    objective: options.costs ? ('cost' as const) : ('meters' as const),
    costSource: options.costs?.source ?? null,
    editionNotices: a.notices,
  };
  if (DEPTHS.indexOf(before.atLeast) >= DEPTHS.indexOf(target))
    return {
      ...base,
      add: [],
      replace: [],
      reverify: [],
      reverifyActions: [],
      campaign: [],
      measure: [],
      data: [],
      reaches: before.depth,
      reached: true,
      optimal: true,
      cost: 0,
      bound: 0,
      solver: [],
    };
  if (grade.requiresFocus && !ev.hasFocus) throw new AdviceImpossible('advice.noFocus', { target });
  if (grade.requiresFocus && !ev.focusDevices) throw new AdviceImpossible('advice.focusNoDevices', { target });

  const plan = planNext(a, ev, campaignCheck, share, target);
  const { rows, mandatory } = deficits(a, ev, target);
  const flows = [...new Set([...rows.flatMap((r) => r.members.map((m) => m.candidate)), ...mandatory])];
  const actions = new Map(flows.map((f) => [f, actionOn(a, f)]));
  const lexicographic = 1 / (flows.length + 1); // any number of re-verifications costs less than one new meter
  const costOf = (f: string) => {
    const act = actions.get(f)!;
    if (options.costs) return actionCost(options.costs, model, f, act.action, act.meter);
    return act.action === 'reverify' ? lexicographic : 1;
  };
  const cover = solveCover(
    { candidates: flows.map((id) => ({ id, cost: costOf(id) })), rows, mandatory: [...mandatory] },
    { timeout: options.timeout },
  );
  if (cover.unreachable.length > 0)
    throw new AdviceImpossible('advice.unreachable', { target, rows: cover.unreachable.join('; ') });

  // Each chosen flow: its points in every scope, the class they need, why.
  const byFlow = metersByFlow(model);
  const flowById = new Map(model.flows.map((f) => [f.id, f]));
  const pointsOf = new Map<string, MeteringPoint[]>();
  const taken = new Set<string>();
  for (const an of ev.analysisOf.values())
    for (const p of an.points)
      if (actions.has(p.flow) && !taken.has(pointKey(p))) {
        taken.add(pointKey(p));
        if (!pointsOf.has(p.flow)) pointsOf.set(p.flow, []);
        pointsOf.get(p.flow)!.push(p);
      }
  const rowLabels = ruleRows(a.rules);
  const add: AdviceAction[] = [];
  const replace: AdviceAction[] = [];
  const reverifyActions: AdviceAction[] = [];
  for (const flow of cover.chosen) {
    const pts = pointsOf.get(flow) ?? [];
    const existing = byFlow.get(flow) ?? [];
    const cls = strictestRequiredClass(a.graph, a.rules, pts, flow, existing[0]);
    const levels = [...new Set(pts.map((p) => p.level))].sort() as Level[];
    const rowIds = [...new Set(pts.map((p) => p.row))];
    const label = (lang: 'zh' | 'en') =>
      [
        ...new Set(
          pts.map((p) => rowLabels.find((r) => r.table === p.table && r.row.id === p.row)?.row.label[lang] ?? p.row),
        ),
      ].join(lang === 'zh' ? '、' : ', ');
    const act = actions.get(flow)!;
    const params = (lang: 'zh' | 'en') => ({
      flow: flowLabel(flowById.get(flow) ?? { id: flow }, lang),
      levels: levels.join('/'),
      rows: label(lang),
      cls: cls ?? '—',
      meter: act.meter ?? '',
    });
    const code = `advice.reason.${act.action}${mandatory.has(flow) ? 'Volume' : ''}`;
    const entry: AdviceAction = {
      flow,
      level: levels.length ? levels[levels.length - 1]! : 1,
      levels,
      rows: rowIds,
      tables: [...new Set(pts.map((p) => p.table))],
      requiredClass: cls ?? null,
      ...(act.meter ? { meter: act.meter } : {}),
      cost: costOf(flow),
      reason: t('zh', code, params('zh')),
      reasonEn: t('en', code, params('en')),
    };
    (act.action === 'add' ? add : act.action === 'replace' ? replace : reverifyActions).push(entry);
  }
  const result: AdviceResult = {
    ...base,
    add,
    replace,
    reverify: reverifyActions.map((r) => r.meter!),
    reverifyActions,
    campaign: plan.items.filter((i) => i.kind === 'campaign' || i.kind === 'audit-focus'),
    measure: plan.items.filter((i) => i.kind === 'measure'),
    data: plan.items.filter((i) => i.kind === 'data'),
    reaches: before.depth,
    reached: false,
    optimal: cover.optimal,
    cost: options.costs ? cover.cost : add.length + replace.length,
    bound: options.costs ? cover.bound : cover.optimal ? add.length + replace.length : Math.ceil(cover.bound - 1e-9),
    solver: cover.components,
  };
  const after = depthVerdict(applyAdvice(model, result), options);
  result.reaches = after.depth;
  result.reached = after.depth !== 'undetermined' && DEPTHS.indexOf(after.depth) >= DEPTHS.indexOf(target);
  return result;
}

/**
 * The model with the advice carried out: a new in-service meter of the required class on each flow to
 * add or replace (the old meter marked removed), each meter to re-verify verified through the campaign,
 * the campaign changes and the estimates measured — what `pingheng depth` then judges.
 *
 * @example
 * const { model } = parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json');
 * depthVerdict(applyAdvice(model, advise(model, 'full')), {}).label.zh // => '全面型'
 */
export function applyAdvice(
  model: Model,
  advice: Pick<AdviceResult, 'add' | 'replace' | 'reverify' | 'campaign' | 'measure'>,
): Model {
  const asItem = (x: AdviceAction): NextItem => ({
    kind: 'meter',
    flow: x.flow,
    requiredClass: x.requiredClass,
    zh: x.reason,
    en: x.reasonEn,
  });
  const out = applyNextSteps(model, [
    ...advice.campaign,
    ...advice.measure,
    ...advice.add.map(asItem),
    ...advice.replace.map(asItem),
  ]);
  const until = campaignEndDate(out);
  const removed = new Set(advice.replace.map((r) => r.meter!));
  const renewed = new Set(advice.reverify);
  out.meters = (out.meters ?? []).map((m): Meter => {
    if (removed.has(m.id)) return { ...m, status: 'removed' };
    if (renewed.has(m.id)) return { ...m, status: 'in-service', ...(until ? { verifiedUntil: until } : {}) };
    return m;
  });
  return out;
}
