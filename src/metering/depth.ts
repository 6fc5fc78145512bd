import type { Level } from '../data/gb17167-2006.ts';
import type { Label } from '../data/provenance.ts';
import { DEPTHS, type Acceptance, type Depth, type DepthScope } from '../data/yunnan-2007.ts';
import { t } from '../i18n/index.ts';
import type { Model } from '../model/schema.ts';
import { checkCampaign, type CampaignCheck, type ReadingsEvidence } from './campaign.ts';
import { analyseMetering, type CoverageOptions, type MeteringAnalysis } from './coverage.ts';
import { evaluate, type ScopeCheck, type Status } from './depth-eval.ts';
import { planNext, type NextItem } from './depth-plan.ts';
import type { EditionNotice } from './editions.ts';
import { estimatedShare, layersOverLimit, type EstimatedShare } from './estimated-share.ts';
import { renderMainWarning, type MainWarning } from './main.ts';
import { roundTo } from '../util/round.ts';

/**
 * The depth of the balance work per 云经资源〔2007〕518号 (估计型 / 简单型 / 重点型 / 全面型), the
 * acceptance types A/B/C it satisfies, every reason, and what the next grade needs. Pure: a model (or a
 * metering analysis of it) in, a verdict out.
 *
 * Each grade's conditions (src/data/yunnan-2007.ts `grades`) are judged met, not met or unknown
 * (depth-eval.ts). The verdict is the highest grade whose conditions — and every lower grade's — are met;
 * 估计型 when simple is not met, or when more than the limit of any layer's quantity is estimated. Where the
 * next grade can neither be shown met nor shown failed for want of data, the verdict is `"undetermined"`:
 * `atLeast` gives the grade proven and `undetermined` the grade that cannot be judged and what is missing.
 * Acceptance A needs ≥ 重点型 and Annexes 1 and 2; B and C ≥ 简单型; each is true, false, or null (cannot
 * be judged).
 */
export type { NextItem } from './depth-plan.ts';
export type { ScopeCheck, Status } from './depth-eval.ts';
export type Scope = DepthScope;

export interface DepthOptions extends CoverageOptions {
  /** Continuous coverage measured from readings (the readings ingest's window). */
  readings?: ReadingsEvidence;
  /** Override of the estimated-share limit (%), default Yunnan data [U]. */
  estimatedShareLimitPct?: number;
}

export interface Reason {
  code: string;
  /** true: the condition holds; false: it does not, or cannot be judged (see `status`). */
  ok: boolean;
  status?: Status;
  zh: string;
  en: string;
}

export type DepthVerdict = Depth | 'undetermined';

export interface DepthResult {
  /** The grade, or "undetermined" when the data cannot decide between `atLeast` and the grade above it. */
  depth: DepthVerdict;
  label: Label;
  /** false when depth is "undetermined". */
  determined: boolean;
  /** The highest grade shown to be met (估计型 when none is). */
  atLeast: Depth;
  /** The grade that cannot be judged and what would decide it; null when the verdict is determined. */
  undetermined: { grade: Depth; reasons: Reason[] } | null;
  /** Each grade's conditions: met, not-met, unknown. */
  grades: Record<Exclude<Depth, 'estimated'>, Status>;
  /** true, false, or null = cannot be judged. */
  acceptance: Record<Acceptance, boolean | null>;
  reasons: Reason[];
  nextDepth: Depth | null;
  next: NextItem[];
  /** True when applying `next` (meters added, campaign changed) is computed to reach nextDepth. */
  nextReaches: boolean;
  campaign: CampaignCheck;
  estimatedShare: EstimatedShare;
  scopes: ScopeCheck[];
  annex1: boolean | null;
  annex2: boolean | null;
  /** Editions replaced by the campaign's date (GB 17167-2025 from 2026-02-01); also a reason. */
  editionNotices: EditionNotice[];
  /** Power limits judged on average power (no rated power given), both languages. */
  warnings: (MainWarning & { zh: string; en: string })[];
}

const SCOPE_LABEL: Record<DepthScope, Label> = {
  enterprise: { zh: '全企业', en: 'enterprise' },
  'audit-focus': { zh: '审核重点', en: 'audit focus' },
  whole: { zh: '企业整体（全部单元与设备）', en: 'whole enterprise (every unit and device)' },
};
const LEVEL_LABEL: Record<Level, Label> = {
  1: { zh: '一级（进出企业）', en: 'level 1 (enterprise)' },
  2: { zh: '二级（进出主要车间）', en: 'level 2 (main workshops)' },
  3: { zh: '三级（进出主要设备）', en: 'level 3 (main equipment)' },
};
const UNDETERMINED_LABEL: Label = { zh: '无法判定（数据不足）', en: 'undetermined (not enough data)' };

const rank = (d: Depth) => DEPTHS.indexOf(d);
const asBool = (s: Status) => (s === 'met' ? true : s === 'not-met' ? false : null);

function reason(
  code: string,
  status: Status | boolean,
  params: (lang: 'zh' | 'en') => Record<string, string | number> = () => ({}),
): Reason {
  const st: Status = typeof status === 'boolean' ? (status ? 'met' : 'not-met') : status;
  return { code, ok: st === 'met', status: st, zh: t('zh', code, params('zh')), en: t('en', code, params('en')) };
}

function failingText(s: ScopeCheck, lang: 'zh' | 'en'): string {
  return s.failing
    .map((f) => {
      const ratio = f.ratio === null ? '—' : `${f.ratio}%`;
      const nN = f.kind === 'volume' ? `${roundTo(f.n, 3)}/${roundTo(f.N, 3)} ${f.unit ?? ''}`.trim() : `${f.n}/${f.N}`;
      const head = `${f.table} ${f.label[lang]} ${nN} = ${ratio}`;
      if (f.volumeUnknown?.length)
        return `${head} ${t(lang, 'depth.reason.volumeUnknown', { flows: f.volumeUnknown.join(', ') })}`;
      if (f.assumed?.length) return `${head} ${t(lang, 'depth.reason.assumedMain', { flows: f.assumed.join(', ') })}`;
      return `${head} < ${f.required}%`;
    })
    .join(lang === 'zh' ? '；' : '; ');
}

/**
 * The Yunnan depth verdict with reasons and the next grade's list.
 *
 * @example
 * // 云南 2007 三 (二)/(三): levels 1–2 complete → simple; level 3 incomplete (electricity 75 %) → not key
 * const { model } = parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json');
 * const d = depthVerdict(model, {});
 * [d.label.zh, d.acceptance] // => ['简单型', { A: false, B: true, C: true }]
 */
export function depthVerdict(model: Model, options: DepthOptions = {}, analysis?: MeteringAnalysis): DepthResult {
  const a = analysis ?? analyseMetering(model, options);
  const campaign = checkCampaign(model, options.readings);
  const share = estimatedShare(a.graph, options.estimatedShareLimitPct ?? a.rules.material.estimatedShareLimitPct);
  const ev = evaluate(a, campaign, share);
  const reasons: Reason[] = [];

  for (const s of ev.scopes) {
    if (s.scope === 'audit-focus' && !ev.hasFocus) continue;
    if (s.scope === 'audit-focus' && s.level === 3 && !ev.focusDevices) continue;
    const params = (lang: 'zh' | 'en') => ({
      scope: SCOPE_LABEL[s.scope][lang],
      level: LEVEL_LABEL[s.level][lang],
      failing: failingText(s, lang),
    });
    const code =
      s.status === 'met'
        ? 'depth.reason.levelMet'
        : s.status === 'unknown'
          ? 'depth.reason.levelUnknown'
          : 'depth.reason.levelNotMet';
    reasons.push(reason(code, s.status, params));
  }
  if (!ev.hasFocus) reasons.push(reason('depth.reason.noFocus', false));
  else if (!ev.focusDevices) reasons.push(reason('depth.reason.focusNoDevices', false));
  if (!campaign.present) reasons.push(reason('depth.reason.noCampaign', false));
  else {
    const src = (lang: 'zh' | 'en') => t(lang, `depth.source.${campaign.hoursSource}`);
    reasons.push(
      reason(
        campaign.durationOk ? 'depth.reason.durationOk' : 'depth.reason.durationShort',
        campaign.durationOk,
        (lang) => ({ hours: campaign.hours ?? '—', min: campaign.minHours, source: src(lang) }),
      ),
      reason(
        campaign.normalProduction ? 'depth.reason.normalProduction' : 'depth.reason.notNormalProduction',
        campaign.normalProduction,
      ),
      reason(`depth.reason.performedBy.${campaign.performedBy}`, campaign.performedBy !== 'none'),
    );
  }
  const over = layersOverLimit(share);
  const shares = (lang: 'zh' | 'en') =>
    share.byLayer
      .filter((l) => l.pct !== null)
      .map((l) => `${t(lang, `layer.${l.layer}`)} ${l.pct}%`)
      .join(lang === 'zh' ? '，' : ', ');
  reasons.push(
    reason(ev.shareOk ? 'depth.reason.shareOk' : 'depth.reason.shareHigh', ev.shareOk, (lang) => ({
      shares: shares(lang) || '—',
      limit: share.limitPct,
      layers: over.map((l) => t(lang, `layer.${l.layer}`)).join(lang === 'zh' ? '、' : ', '),
    })),
  );
  reasons.push(
    reason(
      ev.annex1 === 'met'
        ? 'depth.reason.annex1Met'
        : ev.annex1 === 'unknown'
          ? 'depth.reason.annex1Unknown'
          : 'depth.reason.annex1NotMet',
      ev.annex1,
    ),
    reason(
      ev.annex2 === 'met'
        ? 'depth.reason.annex2Met'
        : ev.annex2 === 'unknown'
          ? 'depth.reason.annex2Unknown'
          : 'depth.reason.annex2NotMet',
      ev.annex2,
    ),
  );
  for (const n of a.notices) reasons.push({ code: n.code, ok: false, status: 'not-met', zh: n.zh, en: n.en });

  // The verdict: walk the grades upwards while they are met.
  let atLeast: Depth = 'estimated';
  let verdict: DepthVerdict = 'estimated';
  let undeterminedGrade: Depth | null = null;
  if (ev.shareOk) {
    for (const d of ['simple', 'key', 'full'] as const) {
      const st = ev.gradeStatus.get(d)!;
      if (st === 'met') {
        atLeast = d;
        verdict = d;
        continue;
      }
      if (st === 'unknown') {
        verdict = 'undetermined';
        undeterminedGrade = d;
      }
      break;
    }
  }
  const undeterminedReasons = reasons.filter((r) => r.status === 'unknown');
  reasons.push(
    verdict === 'undetermined'
      ? reason('depth.reason.grade.undetermined', 'unknown', (lang) => ({
          atLeast: t(lang, `depth.label.${atLeast}`),
          grade: t(lang, `depth.label.${undeterminedGrade}`),
        }))
      : reason(`depth.reason.grade.${verdict}`, true),
  );

  const statusOf = (d: Exclude<Depth, 'estimated'>) => ev.gradeStatus.get(d)!;
  const acceptance = {} as Record<Acceptance, boolean | null>;
  for (const acc of a.rules.material.acceptance) {
    const parts: Status[] = [ev.shareOk ? statusOf(acc.minDepth as Exclude<Depth, 'estimated'>) : 'not-met'];
    if (acc.annexes) parts.push(ev.annex1, ev.annex2);
    acceptance[acc.type] = asBool(combineAll(parts));
  }

  const nextDepth = rank(atLeast) + 1 < DEPTHS.length ? DEPTHS[rank(atLeast) + 1]! : null;
  const plan = nextDepth ? planNext(a, ev, campaign, share, nextDepth) : { items: [], reaches: true };
  const label: Label =
    verdict === 'undetermined' ? UNDETERMINED_LABEL : a.rules.material.grades.find((g) => g.depth === verdict)!.label;
  return {
    depth: verdict,
    label,
    determined: verdict !== 'undetermined',
    atLeast,
    undetermined: undeterminedGrade ? { grade: undeterminedGrade, reasons: undeterminedReasons } : null,
    grades: { simple: statusOf('simple'), key: statusOf('key'), full: statusOf('full') },
    acceptance,
    reasons,
    nextDepth,
    next: plan.items,
    nextReaches: plan.reaches,
    campaign,
    estimatedShare: share,
    scopes: ev.scopes,
    annex1: asBool(ev.annex1),
    annex2: asBool(ev.annex2),
    editionNotices: a.notices,
    warnings: a.derived.mainWarnings.map((w) => renderMainWarning(a.graph, w)),
  };
}

function combineAll(parts: Status[]): Status {
  if (parts.includes('not-met')) return 'not-met';
  return parts.includes('unknown') ? 'unknown' : 'met';
}
