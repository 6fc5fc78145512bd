import type { Level } from '../data/gb17167-2006.ts';
import type { DepthGrade, DepthScope } from '../data/yunnan-2007.ts';
import { crossings } from '../model/graph.ts';
import type { CampaignCheck } from './campaign.ts';
import { analyseMetering, coverageRows, type CoverageRow, type MeteringAnalysis } from './coverage.ts';
import { layersOverLimit, type EstimatedShare } from './estimated-share.ts';
import { auditFocusSet, type MeteringPoint } from './points.ts';

/**
 * The conditions of the Yunnan grades, each judged three ways: met, not met, or unknown — "not enough data
 * to judge" is not the same as failing. A rule-table row is unknown when it fails only for want of data:
 * unmetered flows whose volume is unknown (Km), or missing points on nodes required only because nothing
 * about their use is known (main-ness assumed); it passes once those are set aside.
 */
export type Status = 'met' | 'not-met' | 'unknown';

export interface ScopeLevel {
  scope: DepthScope;
  level: Level;
}

export interface ScopeCheck extends ScopeLevel {
  status: Status;
  /** status === "met" */
  met: boolean;
  /** Rows not met (or not judgeable): table, row, level, n/N, ratio, required. */
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
    | 'assumed'
  >[];
}

/** The scope-levels a depth result reports, in order. */
export const SCOPE_LEVELS: readonly ScopeLevel[] = [
  { scope: 'enterprise', level: 1 },
  { scope: 'enterprise', level: 2 },
  { scope: 'enterprise', level: 3 },
  { scope: 'audit-focus', level: 1 },
  { scope: 'audit-focus', level: 2 },
  { scope: 'audit-focus', level: 3 },
  { scope: 'whole', level: 2 },
  { scope: 'whole', level: 3 },
];

export interface Evaluation {
  scopes: ScopeCheck[];
  status: (scope: DepthScope, level: Level) => Status;
  hasFocus: boolean;
  /** The audit focus holds main equipment: level-3 metering points on a focus node. */
  focusDevices: boolean;
  gradeStatus: Map<DepthGrade['depth'], Status>;
  campaignOk: Map<DepthGrade['depth'], boolean>;
  shareOk: boolean;
  annex1: Status;
  annex2: Status;
  /** Rows by scope, and the analysis each scope's points come from. */
  rowsByScope: Map<DepthScope, CoverageRow[]>;
  analysisOf: Map<DepthScope, MeteringAnalysis>;
}

/** Worst of several statuses: not-met beats unknown beats met. */
export function combine(statuses: readonly Status[]): Status {
  if (statuses.includes('not-met')) return 'not-met';
  return statuses.includes('unknown') ? 'unknown' : 'met';
}

/** A row passes, fails, or fails only for want of data (volumes unknown, main-ness assumed). */
export function rowStatus(r: CoverageRow): Status {
  if (r.pass) return 'met';
  if (r.required === null) return 'met';
  const assumed = new Set(r.assumed ?? []);
  if (r.kind === 'count') {
    const N = r.N - assumed.size;
    return N <= 0 || 100 * r.n >= r.required * N - 1e-9 ? 'unknown' : 'not-met';
  }
  // Km: the unknown volumes and the assumed points set aside
  if ((r.volumeUnknown?.length ?? 0) === 0 && assumed.size === 0) return 'not-met';
  return r.N === 0 || 100 * r.n >= r.required * r.N - 1e-9 ? 'unknown' : 'not-met';
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

/** The whole-enterprise analysis (every node required), built once per enterprise analysis. */
const wholeCache = new WeakMap<MeteringAnalysis, MeteringAnalysis>();
export function wholeAnalysis(a: MeteringAnalysis): MeteringAnalysis {
  let w = wholeCache.get(a);
  if (!w) {
    w = analyseMetering(a.graph.model, { ...a.options, allRequired: true }, a.graph);
    wholeCache.set(a, w);
  }
  return w;
}

/** Judges every scope-level, grade, annex and the estimated share; `extra` = point keys treated as metered. */
export function evaluate(
  a: MeteringAnalysis,
  campaign: CampaignCheck,
  share: EstimatedShare,
  extra?: ReadonlySet<string>,
): Evaluation {
  const focus = focusFlows(a);
  const hasFocus = a.graph.nodes.some((n) => n.auditFocus);
  const inFocus = (p: MeteringPoint) => focus.has(p.flow);
  const w = wholeAnalysis(a);
  const analysisOf = new Map<DepthScope, MeteringAnalysis>([
    ['enterprise', a],
    ['audit-focus', a],
    ['whole', w],
  ]);
  const rowsByScope = new Map<DepthScope, CoverageRow[]>([
    ['enterprise', coverageRows(a, () => true, extra)],
    ['audit-focus', coverageRows(a, inFocus, extra)],
    ['whole', coverageRows(w, () => true, extra)],
  ]);
  const focusDevices = a.points.some((p) => p.level === 3 && inFocus(p));
  const scopes: ScopeCheck[] = SCOPE_LEVELS.map(({ scope, level }) => {
    const rows = rowsByScope.get(scope)!.filter((r) => r.level === level);
    const statuses = rows.map(rowStatus);
    let status = combine(statuses);
    if (scope === 'audit-focus' && (!hasFocus || (level === 3 && !focusDevices))) status = 'not-met';
    const failing = rows
      .filter((_, i) => statuses[i] !== 'met')
      .map(
        ({ table, carrier, level: l, kind, n, N, ratio, required, missing, label, unit, volumeUnknown, assumed }) => ({
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
          ...(assumed?.length ? { assumed } : {}),
        }),
      );
    return { scope, level, status, met: status === 'met', failing };
  });
  const status = (scope: DepthScope, level: Level) =>
    scopes.find((s) => s.scope === scope && s.level === level)?.status ?? 'met';
  const shareOk = layersOverLimit(share).length === 0;
  const gradeStatus = new Map<DepthGrade['depth'], Status>();
  const campaignOk = new Map<DepthGrade['depth'], boolean>();
  for (const g of a.rules.material.grades) {
    campaignOk.set(g.depth, campaignMeets(campaign, g));
    if (g.depth === 'estimated') continue;
    const parts: Status[] = g.metering.flatMap((m) => m.levels.map((l) => status(m.scope, l)));
    if (g.requiresFocus && (!hasFocus || !focusDevices)) parts.push('not-met');
    parts.push(campaignOk.get(g.depth) ? 'met' : 'not-met', shareOk ? 'met' : 'not-met');
    gradeStatus.set(g.depth, combine(parts));
  }
  const all = rowsByScope.get('enterprise')!;
  const annex1 = combine(all.filter((r) => r.family === 'energy').map(rowStatus));
  const annex2 = combine(all.filter((r) => r.family === 'material').map(rowStatus));
  return {
    scopes,
    status,
    hasFocus,
    focusDevices,
    gradeStatus,
    campaignOk,
    shareOk,
    annex1,
    annex2,
    rowsByScope,
    analysisOf,
  };
}

export function campaignMeets(c: CampaignCheck, g: DepthGrade): boolean {
  if (!g.campaign) return true;
  return (
    c.present &&
    c.durationOk &&
    c.normalProduction &&
    (g.campaign.performedBy as readonly string[]).includes(c.performedBy)
  );
}
