import type { Level } from '../data/gb17167-2006.ts';
import type { Depth, DepthGrade, DepthScope } from '../data/yunnan-2007.ts';
import { t } from '../i18n/index.ts';
import type { CampaignCheck } from './campaign.ts';
import { pointKey, rowKeyOf, ruleRows } from './coverage.ts';
import { evaluate, type Evaluation } from './depth-eval.ts';
import { layersOverLimit, type EstimatedShare } from './estimated-share.ts';
import { metersByFlow, strictestRequiredClass } from './meters.ts';
import type { MeteringPoint } from './points.ts';
import type { MeteringAnalysis } from './coverage.ts';
import { Heap } from '../util/heap.ts';

/**
 * What the next grade needs (depth.ts): the data that would let an undetermined condition be judged, an
 * audit focus (with main equipment), campaign changes, estimates to replace by measurements, then meters
 * chosen by greedy set cover over the failing rows of the scopes the grade needs. The plan is checked by
 * re-evaluating with those flows metered, the campaign fixed and the share met.
 */
export interface NextItem {
  kind: 'meter' | 'campaign' | 'audit-focus' | 'measure' | 'data';
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
  /** measure: flows whose estimated/design values must be replaced; data: flows whose quantity or main-ness is missing. */
  flows?: string[];
  /** data: what is missing — a volume to measure, or the main-ness of the node a flow enters. */
  missing?: 'volume' | 'main';
  zh: string;
  en: string;
}

/** Scope-levels a grade's metering condition needs. */
function scopeLevelsFor(g: DepthGrade): { scope: DepthScope; level: Level }[] {
  return g.metering.flatMap((m) => m.levels.map((level) => ({ scope: m.scope, level })));
}

interface Deficit {
  kind: 'count' | 'volume';
  need: number;
  mandatory: Set<string>;
  weight: Map<string, number>;
}

const msg = (code: string, params: Record<string, string | number> = {}) => ({
  zh: t('zh', code, params),
  en: t('en', code, params),
});

export function planNext(
  a: MeteringAnalysis,
  ev: Evaluation,
  campaign: CampaignCheck,
  share: EstimatedShare,
  target: Depth,
): { items: NextItem[]; reaches: boolean } {
  const g = a.rules.material.grades.find((x) => x.depth === target)!;
  const items: NextItem[] = [];
  const needs = scopeLevelsFor(g);
  // Data that would let an undetermined row be judged.
  const volume = new Set<string>();
  const assumed = new Set<string>();
  for (const s of ev.scopes) {
    if (s.status !== 'unknown' || !needs.some((n) => n.scope === s.scope && n.level === s.level)) continue;
    for (const f of s.failing) {
      for (const x of f.volumeUnknown ?? []) volume.add(x);
      for (const x of f.assumed ?? []) assumed.add(x);
    }
  }
  if (volume.size > 0)
    items.push({
      kind: 'data',
      missing: 'volume',
      flows: [...volume],
      ...msg('depth.next.dataVolume', { flows: [...volume].join(', ') }),
    });
  if (assumed.size > 0)
    items.push({
      kind: 'data',
      missing: 'main',
      flows: [...assumed],
      ...msg('depth.next.dataMain', { flows: [...assumed].join(', ') }),
    });
  if (g.requiresFocus && !ev.hasFocus) items.push({ kind: 'audit-focus', ...msg('depth.next.auditFocus') });
  else if (g.requiresFocus && !ev.focusDevices) items.push({ kind: 'audit-focus', ...msg('depth.next.focusDevices') });
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
  for (const layer of layersOverLimit(share)) {
    // Replace the largest estimates first until the layer's share is within the limit.
    const values = new Map(layer.flows.map((f) => [f, Math.abs(a.graph.flows.find((x) => x.id === f)?.value ?? 0)]));
    const order = [...layer.flows].sort((x, y) => values.get(y)! - values.get(x)! || (x < y ? -1 : 1));
    const flows: string[] = [];
    let est = layer.estimated;
    for (const f of order) {
      if (100 * est <= share.limitPct * layer.total + 1e-9) break;
      flows.push(f);
      est -= values.get(f)!;
    }
    items.push({
      kind: 'measure',
      flows,
      ...msg('depth.next.measure', { count: flows.length, flows: flows.join(', ') }),
    });
  }

  // Row deficits in the scopes the target needs, each scope with the points of its own analysis.
  const deficits: Deficit[] = [];
  const pointsByScope = new Map<DepthScope, Map<string, MeteringPoint[]>>();
  for (const [scope, an] of ev.analysisOf) {
    const m = new Map<string, MeteringPoint[]>();
    for (const p of an.points) push(m, `${p.table}|${rowKeyOf(p)}|${p.level}`, p);
    pointsByScope.set(scope, m);
  }
  const seen = new Set<string>();
  for (const { scope, level } of needs) {
    if (seen.has(`${scope}|${level}`)) continue;
    seen.add(`${scope}|${level}`);
    const pointsOf = pointsByScope.get(scope)!;
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
  const taken = new Set<string>();
  for (const an of ev.analysisOf.values())
    for (const p of an.points)
      if (chosenSet.has(p.flow) && !taken.has(pointKey(p))) {
        taken.add(pointKey(p));
        chosenPoints.get(p.flow)!.push(p);
      }
  const failedChecks = new Set(
    [...ev.analysisOf.values()].flatMap((an) => an.checks.filter((c) => !c.counts).map((c) => `${c.flow}|${c.meter}`)),
  );
  for (const flow of chosen) {
    const pts = chosenPoints.get(flow)!;
    const existing = byFlow.get(flow) ?? [];
    const cls = strictestRequiredClass(a.graph, a.rules, pts, flow, existing[0]);
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
    const code = `depth.next.${replaces.length > 0 ? 'replaceMeter' : 'addMeter'}${cls ? '' : 'NoClass'}`;
    const params = (lang: 'zh' | 'en') => ({
      flow,
      levels: level.join('/'),
      carrier: rowLabel(lang),
      cls: cls ?? '—',
      meters: replaces.join(', '),
    });
    items.push({
      kind: 'meter',
      flow,
      level,
      carrier,
      tables,
      requiredClass: cls ?? null,
      replaces,
      zh: t('zh', code, params('zh')),
      en: t('en', code, params('en')),
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
  const fixedShare: EstimatedShare = {
    ...share,
    byLayer: share.byLayer.map((l) => ({ ...l, pct: l.pct === null ? null : Math.min(l.pct, share.limitPct) })),
  };
  const after = evaluate(a, fixedCampaign, fixedShare, extra);
  return { items, reaches: after.gradeStatus.get(target) === 'met' };
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
