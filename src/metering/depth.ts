import type { Level } from '../data/gb17167-2006.ts';
import type { Label } from '../data/provenance.ts';
import { DEPTHS, type Acceptance, type Depth, type DepthGrade } from '../data/yunnan-2007.ts';
import { crossings } from '../model/graph.ts';
import type { Model } from '../model/schema.ts';
import { t } from '../i18n/index.ts';
import { checkCampaign, type CampaignCheck, type ReadingsEvidence } from './campaign.ts';
import {
  analyseMetering,
  coverageRows,
  pointKey,
  ruleRows,
  type CoverageOptions,
  type CoverageRow,
  type MeteringAnalysis,
} from './coverage.ts';
import type { EditionNotice } from './editions.ts';
import { classRank, metersByFlow, requiredClass } from './meters.ts';
import { auditFocusSet, round, type MeteringPoint } from './points.ts';

/**
 * The depth of the balance work per 云经资源〔2007〕518号 (估计型 / 简单型 / 重点型 / 全面型), the
 * acceptance types A/B/C it satisfies, every reason, and what the next grade needs.
 *
 * Interpretation (docs/metering.md): a level is 较完善 ("fairly complete") when every rule-table
 * row (GB 17167 Table 3, GB 24789 Table 1, Yunnan Annex 2) at that level meets its ratio over the
 * scope: the enterprise (levels 1–2), the audit focus (flows crossing a focus node's boundary), or
 * the whole enterprise (levels 1–3).
 */
export type Scope = 'enterprise' | 'audit-focus' | 'whole';

export interface DepthOptions extends CoverageOptions {
  /** Continuous coverage measured from readings (the readings ingest's window). */
  readings?: ReadingsEvidence;
  /** Override of the estimated-share limit (%), default Yunnan data [U]. */
  estimatedShareLimitPct?: number;
}

export interface Reason {
  code: string;
  ok: boolean;
  zh: string;
  en: string;
}

export interface ScopeCheck {
  scope: Scope;
  level: Level;
  met: boolean;
  /** Failing rows: table, row, level, n/N, ratio, required. */
  failing: Pick<
    CoverageRow,
    | 'table'
    | 'carrier'
    | 'level'
    | 'kind'
    | 'n'
    | 'N'
    | 'ratio'
    | 'required'
    | 'missing'
    | 'label'
    | 'unit'
    | 'volumeUnknown'
  >[];
}

export interface NextItem {
  kind: 'meter' | 'campaign' | 'audit-focus' | 'measure';
  /** meter: the flow to meter, the levels and rule rows it serves, the class it needs, meters it replaces. */
  flow?: string;
  level?: Level[];
  carrier?: string[];
  tables?: string[];
  requiredClass?: string | null;
  replaces?: string[];
  /** campaign: what to change and to what. */
  change?: 'create' | 'duration' | 'normalProduction' | 'performedBy';
  to?: string | number | boolean;
  /** measure: flows whose estimated/design values must be replaced by measurements. */
  flows?: string[];
  zh: string;
  en: string;
}

export interface EstimatedShare {
  pct: number;
  limitPct: number;
  estimated: string[];
  total: number;
}

export interface DepthResult {
  depth: Depth;
  label: Label;
  acceptance: Record<Acceptance, boolean>;
  reasons: Reason[];
  nextDepth: Depth | null;
  next: NextItem[];
  /** True when applying `next` (meters added, campaign changed) is computed to reach nextDepth. */
  nextReaches: boolean;
  campaign: CampaignCheck;
  estimatedShare: EstimatedShare;
  scopes: ScopeCheck[];
  annex1: boolean;
  annex2: boolean;
  /** Editions replaced by the campaign's date (GB 17167-2025 from 2026-02-01); also a reason. */
  editionNotices: EditionNotice[];
}

const SCOPE_LEVELS: { scope: Scope; level: Level }[] = [
  { scope: 'enterprise', level: 1 },
  { scope: 'enterprise', level: 2 },
  { scope: 'audit-focus', level: 1 },
  { scope: 'audit-focus', level: 2 },
  { scope: 'audit-focus', level: 3 },
  { scope: 'whole', level: 3 },
];

function rank(d: Depth): number {
  return DEPTHS.indexOf(d);
}

/** Flows whose path crosses the boundary of an audit-focus node. */
function focusFlows(a: MeteringAnalysis): Set<string> {
  const focus = auditFocusSet(a.graph);
  const out = new Set<string>();
  for (const lf of a.graph.flows) {
    const { enters, leaves } = crossings(a.graph, lf.from, lf.to);
    if ([...enters, ...leaves].some((i) => focus.has(i))) out.add(a.graph.model.flows[lf.flowIndex]!.id);
  }
  return out;
}

/** Share (by count) of balance quantities that are estimated or design values. */
export function estimatedShare(model: Model, limitPct: number): EstimatedShare {
  const metered = metersByFlow(model);
  const base = model.flows.filter((f) => f.layer === 'material' || f.layer === 'water' || f.layer === 'energy');
  const estimated = base
    .filter((f) => {
      const src = f.source ?? (f.value === undefined ? 'unmeasured' : metered.has(f.id) ? 'metered' : 'estimated');
      return src === 'estimated' || src === 'design';
    })
    .map((f) => f.id);
  return {
    pct: base.length === 0 ? 0 : round((100 * estimated.length) / base.length, 2),
    limitPct,
    estimated,
    total: base.length,
  };
}

interface Evaluation {
  scopes: ScopeCheck[];
  hasFocus: boolean;
  met: (scope: Scope, level: Level) => boolean;
  depth: Depth;
  metering: Record<Depth, boolean>;
  campaignOk: Record<Depth, boolean>;
  shareOk: boolean;
  annex1: boolean;
  annex2: boolean;
  rowsByScope: Map<Scope, CoverageRow[]>;
}

function evaluate(
  a: MeteringAnalysis,
  campaign: CampaignCheck,
  share: EstimatedShare,
  extra?: ReadonlySet<string>,
): Evaluation {
  const focus = focusFlows(a);
  const hasFocus = a.graph.nodes.some((n) => n.auditFocus);
  const filters: Record<Scope, (p: MeteringPoint) => boolean> = {
    enterprise: () => true,
    whole: () => true,
    'audit-focus': (p) => focus.has(p.flow),
  };
  const rowsByScope = new Map<Scope, CoverageRow[]>();
  rowsByScope.set('enterprise', coverageRows(a, filters.enterprise, extra));
  rowsByScope.set('whole', rowsByScope.get('enterprise')!);
  rowsByScope.set('audit-focus', coverageRows(a, filters['audit-focus'], extra));
  const scopes: ScopeCheck[] = SCOPE_LEVELS.map(({ scope, level }) => {
    const failing = rowsByScope
      .get(scope)!
      .filter((r) => r.level === level && !r.pass)
      .map(({ table, carrier, level: l, kind, n, N, ratio, required, missing, label, unit, volumeUnknown }) => ({
        table,
        carrier,
        level: l,
        kind,
        n,
        N,
        ratio,
        required,
        missing,
        label,
        ...(unit ? { unit } : {}),
        ...(volumeUnknown?.length ? { volumeUnknown } : {}),
      }));
    return { scope, level, met: failing.length === 0 && (scope !== 'audit-focus' || hasFocus), failing };
  });
  const met = (scope: Scope, level: Level) => scopes.find((s) => s.scope === scope && s.level === level)!.met;
  const grades = a.rules.material.grades;
  const metering = {} as Record<Depth, boolean>;
  const campaignOk = {} as Record<Depth, boolean>;
  for (const g of grades) {
    metering[g.depth] = g.metering.every((m) =>
      m.levels.every((l) => met(m.scope === 'whole' ? (l === 3 ? 'whole' : 'enterprise') : m.scope, l)),
    );
    campaignOk[g.depth] = campaignMeets(campaign, g);
  }
  const shareOk = share.pct <= share.limitPct + 1e-9;
  let depth: Depth = 'estimated';
  for (const g of grades) {
    if (g.depth === 'estimated') continue;
    if (shareOk && metering[g.depth] && campaignOk[g.depth] && metering.simple && campaignOk.simple)
      depth = rank(g.depth) > rank(depth) ? g.depth : depth;
  }
  const all = rowsByScope.get('whole')!;
  const annex1 = all.filter((r) => r.family === 'energy').every((r) => r.pass);
  const annex2 = all.filter((r) => r.family === 'material').every((r) => r.pass);
  return { scopes, hasFocus, met, depth, metering, campaignOk, shareOk, annex1, annex2, rowsByScope };
}

function campaignMeets(c: CampaignCheck, g: DepthGrade): boolean {
  if (!g.campaign) return true;
  return (
    c.present &&
    c.durationOk &&
    c.normalProduction &&
    (g.campaign.performedBy as readonly string[]).includes(c.performedBy)
  );
}

const SCOPE_LABEL: Record<Scope, Label> = {
  enterprise: { zh: '全企业', en: 'enterprise' },
  'audit-focus': { zh: '审核重点', en: 'audit focus' },
  whole: { zh: '全企业（含主要设备）', en: 'whole enterprise' },
};
const LEVEL_LABEL: Record<Level, Label> = {
  1: { zh: '一级（进出企业）', en: 'level 1 (enterprise)' },
  2: { zh: '二级（进出主要车间）', en: 'level 2 (main workshops)' },
  3: { zh: '三级（进出主要设备）', en: 'level 3 (main equipment)' },
};

function reason(code: string, ok: boolean, params: (lang: 'zh' | 'en') => Record<string, string | number>): Reason {
  return { code, ok, zh: t('zh', code, params('zh')), en: t('en', code, params('en')) };
}

function bilingual(
  code: string,
  params: (lang: 'zh' | 'en') => Record<string, string | number>,
): { zh: string; en: string } {
  return { zh: t('zh', code, params('zh')), en: t('en', code, params('en')) };
}

function failingText(s: ScopeCheck, lang: 'zh' | 'en'): string {
  return s.failing
    .map((f) => {
      const ratio = f.ratio === null ? '—' : `${f.ratio}%`;
      const nN = f.kind === 'volume' ? `${round(f.n, 3)}/${round(f.N, 3)} ${f.unit ?? ''}`.trim() : `${f.n}/${f.N}`;
      // Km that fails only because unmetered volumes are unknown: say so rather than "95% < 85%".
      if (f.volumeUnknown?.length)
        return `${f.table} ${f.label[lang]} ${nN} = ${ratio} ${t(lang, 'depth.reason.volumeUnknown', { flows: f.volumeUnknown.join(', ') })}`;
      return `${f.table} ${f.label[lang]} ${nN} = ${ratio} < ${f.required}%`;
    })
    .join(lang === 'zh' ? '；' : '; ');
}

/** The Yunnan depth verdict with reasons and the next grade's list. */
export function depthVerdict(model: Model, options: DepthOptions = {}, analysis?: MeteringAnalysis): DepthResult {
  const a = analysis ?? analyseMetering(model, options);
  const campaign = checkCampaign(model, options.readings);
  const share = estimatedShare(model, options.estimatedShareLimitPct ?? a.rules.material.estimatedShareLimitPct);
  const ev = evaluate(a, campaign, share);
  const grades = a.rules.material.grades;
  const reasons: Reason[] = [];

  for (const s of ev.scopes) {
    if (s.scope === 'audit-focus' && !ev.hasFocus) continue;
    const params = (lang: 'zh' | 'en') => ({
      scope: SCOPE_LABEL[s.scope][lang],
      level: LEVEL_LABEL[s.level][lang],
      failing: failingText(s, lang),
    });
    reasons.push(reason(s.met ? 'depth.reason.levelMet' : 'depth.reason.levelNotMet', s.met, params));
  }
  if (!ev.hasFocus) reasons.push(reason('depth.reason.noFocus', false, () => ({})));
  if (!campaign.present) reasons.push(reason('depth.reason.noCampaign', false, () => ({})));
  else {
    const src = (lang: 'zh' | 'en') => t(lang, `depth.source.${campaign.hoursSource}`);
    reasons.push(
      reason(
        campaign.durationOk ? 'depth.reason.durationOk' : 'depth.reason.durationShort',
        campaign.durationOk,
        (lang) => ({
          hours: campaign.hours ?? '—',
          min: campaign.minHours,
          source: src(lang),
        }),
      ),
    );
    reasons.push(
      reason(
        campaign.normalProduction ? 'depth.reason.normalProduction' : 'depth.reason.notNormalProduction',
        campaign.normalProduction,
        () => ({}),
      ),
    );
    reasons.push(
      reason(`depth.reason.performedBy.${campaign.performedBy}`, campaign.performedBy !== 'none', () => ({})),
    );
  }
  reasons.push(
    reason(ev.shareOk ? 'depth.reason.shareOk' : 'depth.reason.shareHigh', ev.shareOk, () => ({
      pct: share.pct,
      limit: share.limitPct,
      count: share.estimated.length,
      total: share.total,
    })),
  );
  reasons.push(reason(ev.annex1 ? 'depth.reason.annex1Met' : 'depth.reason.annex1NotMet', ev.annex1, () => ({})));
  reasons.push(reason(ev.annex2 ? 'depth.reason.annex2Met' : 'depth.reason.annex2NotMet', ev.annex2, () => ({})));
  const grade = grades.find((g) => g.depth === ev.depth)!;
  for (const n of a.notices) reasons.push({ code: n.code, ok: false, zh: n.zh, en: n.en });
  reasons.push(reason(`depth.reason.grade.${ev.depth}`, true, () => ({})));

  const acceptance = {} as Record<Acceptance, boolean>;
  for (const acc of a.rules.material.acceptance) {
    acceptance[acc.type] = rank(ev.depth) >= rank(acc.minDepth) && (!acc.annexes || (ev.annex1 && ev.annex2));
  }

  const nextDepth = rank(ev.depth) + 1 < DEPTHS.length ? DEPTHS[rank(ev.depth) + 1]! : null;
  const plan = nextDepth ? planNext(a, ev, campaign, share, nextDepth) : { items: [], reaches: true };
  return {
    depth: ev.depth,
    label: grade.label,
    acceptance,
    reasons,
    nextDepth,
    next: plan.items,
    nextReaches: plan.reaches,
    campaign,
    estimatedShare: share,
    scopes: ev.scopes,
    annex1: ev.annex1,
    annex2: ev.annex2,
    editionNotices: a.notices,
  };
}

/** Scope-levels a grade's metering condition needs. */
function scopeLevelsFor(g: DepthGrade): { scope: Scope; level: Level }[] {
  const out: { scope: Scope; level: Level }[] = [
    { scope: 'enterprise', level: 1 },
    { scope: 'enterprise', level: 2 },
  ];
  for (const m of g.metering)
    for (const l of m.levels)
      out.push({ scope: m.scope === 'whole' ? (l === 3 ? 'whole' : 'enterprise') : m.scope, level: l });
  return out;
}

interface Deficit {
  kind: 'count' | 'volume';
  need: number;
  mandatory: Set<string>;
  weight: Map<string, number>;
}

/**
 * The list for the next grade: campaign changes, then meters chosen by greedy set cover
 * (greedyCover): each step takes the flow that closes the most remaining row deficits, ties broken
 * by volume then id. Set cover is NP-hard; greedy is within a log factor of the fewest and exact
 * whenever rows do not share flows. The plan is then checked by re-evaluating with those flows metered.
 */
function planNext(
  a: MeteringAnalysis,
  ev: Evaluation,
  campaign: CampaignCheck,
  share: EstimatedShare,
  target: Depth,
): { items: NextItem[]; reaches: boolean } {
  const g = a.rules.material.grades.find((x) => x.depth === target)!;
  const items: NextItem[] = [];
  const msg = (code: string, params: Record<string, string | number> = {}) => ({
    zh: t('zh', code, params),
    en: t('en', code, params),
  });
  if (g.metering.some((m) => m.scope === 'audit-focus') && !ev.hasFocus)
    items.push({ kind: 'audit-focus', ...msg('depth.next.auditFocus') });
  if (g.campaign) {
    const spec = g.campaign;
    if (!campaign.present)
      items.push({
        kind: 'campaign',
        change: 'create',
        to: spec.minHours,
        ...msg('depth.next.createCampaign', { hours: spec.minHours }),
      });
    else if (!campaign.durationOk)
      items.push({
        kind: 'campaign',
        change: 'duration',
        to: spec.minHours,
        ...msg(campaign.hoursSource === 'readings' ? 'depth.next.durationReadings' : 'depth.next.duration', {
          hours: spec.minHours,
          now: campaign.hours ?? '—',
        }),
      });
    if (!campaign.normalProduction)
      items.push({ kind: 'campaign', change: 'normalProduction', to: true, ...msg('depth.next.normalProduction') });
    if (!(spec.performedBy as readonly string[]).includes(campaign.performedBy)) {
      const to = spec.performedBy[0]!;
      items.push({ kind: 'campaign', change: 'performedBy', to, ...msg(`depth.next.performedBy.${to}`) });
    }
  }
  if (!ev.shareOk) {
    const allowed = Math.floor((share.limitPct * share.total) / 100 + 1e-9);
    const flows = share.estimated.slice(0, share.estimated.length - allowed);
    items.push({
      kind: 'measure',
      flows,
      ...msg('depth.next.measure', { count: flows.length, flows: flows.join(', ') }),
    });
  }

  // Row deficits in the scopes the target needs.
  const pointsOf = new Map<string, MeteringPoint[]>();
  for (const p of a.points) {
    const k = `${p.table}|${p.row}|${p.level}`;
    if (!pointsOf.has(k)) pointsOf.set(k, []);
    pointsOf.get(k)!.push(p);
  }
  const deficits: Deficit[] = [];
  const seen = new Set<string>();
  for (const { scope, level } of scopeLevelsFor(g)) {
    const key = `${scope === 'whole' ? 'enterprise' : scope}|${level}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const r of ev.rowsByScope.get(scope)!.filter((x) => x.level === level && !x.pass && x.required !== null)) {
      const missing = new Set(r.missing);
      const pts = (pointsOf.get(`${r.table}|${r.carrier}|${level}`) ?? []).filter((p) => missing.has(p.flow));
      if (r.kind === 'count') {
        const need = Math.ceil((r.required! * r.N) / 100 - 1e-9) - r.n;
        deficits.push({ kind: 'count', need, mandatory: new Set(), weight: new Map(pts.map((p) => [p.flow, 1])) });
      } else {
        const need = (r.required! * r.N) / 100 - r.n;
        const weight = new Map<string, number>();
        for (const p of pts) {
          const v = p.value ?? a.options.estimates?.get(p.flow);
          if (v !== undefined) weight.set(p.flow, Math.abs(v));
        }
        deficits.push({ kind: 'volume', need, mandatory: new Set(r.volumeUnknown ?? []), weight });
      }
    }
  }
  const chosen = greedyCover(deficits);

  const byFlow = metersByFlow(a.graph.model);
  const chosenSet = new Set(chosen);
  const chosenPoints = new Map<string, MeteringPoint[]>(chosen.map((f) => [f, []]));
  for (const p of a.points) if (chosenSet.has(p.flow)) chosenPoints.get(p.flow)!.push(p);
  const failedChecks = new Set(a.checks.filter((c) => !c.counts).map((c) => `${c.flow}|${c.meter}`));
  for (const flow of chosen) {
    const pts = chosenPoints.get(flow)!;
    const existing = byFlow.get(flow) ?? [];
    let cls: string | undefined;
    for (const p of pts) {
      const req = requiredClass(
        a.graph,
        a.rules,
        p,
        existing[0] ? { ...existing[0], flows: [flow] } : { flows: [flow] },
      ).required;
      if (req !== undefined && (cls === undefined || classRank(req) < classRank(cls))) cls = req;
    }
    const level = [...new Set(pts.map((p) => p.level))].sort();
    const carrier = [...new Set(pts.map((p) => p.row))];
    const rowLabel = (lang: 'zh' | 'en') =>
      [
        ...new Set(
          pts.map((p) => ruleRows(a.rules).find((r) => r.table === p.table && r.row.id === p.row)!.row.label[lang]),
        ),
      ].join(lang === 'zh' ? '、' : ', ');
    const tables = [...new Set(pts.map((p) => p.table))];
    const replaces = existing.filter((m) => failedChecks.has(`${flow}|${m.id}`)).map((m) => m.id);
    items.push({
      kind: 'meter',
      flow,
      level,
      carrier,
      tables,
      requiredClass: cls ?? null,
      replaces,
      ...bilingual(
        `depth.next.${replaces.length > 0 ? 'replaceMeter' : 'addMeter'}${cls ? '' : 'NoClass'}`,
        (lang) => ({
          flow,
          levels: level.join('/'),
          carrier: rowLabel(lang),
          cls: cls ?? '—',
          meters: replaces.join(', '),
        }),
      ),
    });
  }

  // Check the plan: the chosen flows metered, the campaign fixed, the share met.
  const extra = new Set([...chosenPoints.values()].flat().map(pointKey));
  const fixedCampaign: CampaignCheck = g.campaign
    ? {
        ...campaign,
        present: true,
        durationOk: true,
        normalProduction: true,
        performedBy:
          campaign.performedBy !== 'none' &&
          (g.campaign.performedBy as readonly string[]).includes(campaign.performedBy)
            ? campaign.performedBy
            : g.campaign.performedBy[0]!,
      }
    : campaign;
  const fixedShare = { ...share, pct: Math.min(share.pct, share.limitPct) };
  const after = evaluate(a, fixedCampaign, fixedShare, extra);
  return { items, reaches: rank(after.depth) >= rank(target) };
}

/**
 * Lazy greedy set cover over the row deficits. A flow's score is the number of open rows it
 * serves (a count row counts 1; a volume row the share of its initial deficit the flow's volume
 * closes, at most 1; a flow whose unknown volume must be metered counts 1). Scores only fall as
 * rows close, so a stale score is an upper bound and the heap can re-check lazily.
 */
function greedyCover(deficits: Deficit[]): string[] {
  const rowsOf = new Map<string, { d: Deficit; w: number }[]>();
  const volume = new Map<string, number>();
  for (const d of deficits) {
    const initial = d.need;
    for (const f of d.mandatory) push(rowsOf, f, { d, w: 1 });
    for (const [f, v] of d.weight) {
      if (d.mandatory.has(f)) continue;
      push(rowsOf, f, { d, w: d.kind === 'count' ? 1 : initial > 1e-9 ? Math.min(1, v / initial) : 0 });
      if (d.kind === 'volume') volume.set(f, Math.max(volume.get(f) ?? 0, v));
    }
  }
  const open = (d: Deficit) => d.mandatory.size > 0 || d.need > 1e-9;
  const score = (f: string) =>
    rowsOf.get(f)!.reduce((s, { d, w }) => s + (open(d) && (d.mandatory.has(f) || d.need > 1e-9) ? w : 0), 0);
  type Entry = { f: string; s: number; v: number };
  const before = (x: Entry, y: Entry) => (x.s !== y.s ? x.s > y.s : x.v !== y.v ? x.v > y.v : x.f < y.f);
  const heap = new Heap<Entry>(before);
  for (const f of rowsOf.keys()) heap.push({ f, s: score(f), v: volume.get(f) ?? 0 });
  const chosen: string[] = [];
  while (heap.size > 0 && deficits.some(open)) {
    const top = heap.pop()!;
    const s = score(top.f);
    if (s <= 1e-12) continue;
    if (Math.abs(s - top.s) > 1e-12) {
      heap.push({ ...top, s });
      continue;
    }
    chosen.push(top.f);
    for (const { d } of rowsOf.get(top.f)!) {
      if (d.mandatory.delete(top.f)) continue;
      const w = d.weight.get(top.f);
      if (w !== undefined) d.need -= w;
    }
  }
  return chosen;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** A binary heap; `before(a, b)` is true when a comes out first. */
class Heap<T> {
  private items: T[] = [];
  constructor(private readonly before: (a: T, b: T) => boolean) {}
  get size(): number {
    return this.items.length;
  }
  push(x: T): void {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): T | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.before(a[l]!, a[m]!)) m = l;
        if (r < a.length && this.before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}
