/**
 * Meter-placement advice in the page (docs/advice.md §In the web app), worker side: the core's `advise`
 * (a target depth) or `redundancyAdvice` (for reconciliation) on the plant shown, turned into plain,
 * cloneable rows in both languages — the flow's name, the layer and level where the diagram draws it,
 * the action, the reason — so the panel (web/panels/advice.ts) renders and highlights without the core.
 * Imported by the worker only when advice is first asked for: it brings the covering solver (yalps),
 * which the first diagram must not load (docs/architecture.md, "Lazy loading").
 */
import {
  AdviceImpossible,
  advise,
  displayName,
  formatPath,
  layerName,
  redundancyAdvice,
  t,
  validateMetering,
  type AdviceAction,
  type AdviceTarget,
  type Lang,
  type Model,
} from '../src/index.ts';

type Bilingual = { zh: string; en: string };

/** What the advice is for: a target depth of the Yunnan notice, or redundancy for reconciliation. */
export type AdviceGoal = AdviceTarget | 'redundancy';
export const ADVICE_GOALS: readonly AdviceGoal[] = ['simple', 'key', 'full', 'redundancy'];

export interface AdviceItem {
  /** add / replace / reverify a meter (depth); observability / focus (redundancy: why the meter is added). */
  action: 'add' | 'replace' | 'reverify' | 'observability' | 'focus';
  /** The model flow's id. */
  flow: string;
  name: Bilingual;
  /** The base layer the diagram draws the flow in, and the deepest level it is needed at (1–3). */
  layer: string;
  level: number;
  requiredClass: string | null;
  /** The meter to replace or re-verify. */
  meter?: string;
  reason: Bilingual;
}

export interface AdviceExtra {
  goal: AdviceGoal;
  /** Depth goals: the verdict now, and the one `depth` gives with the advice carried out. */
  from?: Bilingual;
  reaches?: Bilingual;
  reached: boolean;
  optimal: boolean;
  objective: 'meters' | 'cost';
  /** Meters added or replaced (or their cost), and a lower bound on the optimum (equal when optimal). */
  cost: number;
  bound: number;
  items: AdviceItem[];
  /** Meters whose only fault is a lapsed verification. */
  reverify: string[];
  /** What no meter gives: the campaign, estimates to measure, data to state. */
  steps: Bilingual[];
  /** Redundancy: per base layer, unobservable flows and focus flows not redundant, before and after. */
  layers?: { layer: Bilingual; unobservable: number; focus: number; after: number }[];
  /** The target cannot be reached by metering, and why (the CLI's exit 2). */
  impossible?: Bilingual;
  /** The model's metering data is unusable for advice (the CLI's exit 2), located. */
  issues?: { where: string; text: Bilingual }[];
}

const both = (code: string, params: Record<string, string | number> = {}): Bilingual => ({
  zh: t('zh', code, params),
  en: t('en', code, params),
});

/** A depth verdict's name; "undetermined" when data no meter gives is missing. */
export const depthName = (d: string): Bilingual =>
  both(d === 'undetermined' ? 'advice.undetermined' : `depth.label.${d}`);

/** Advice for the plant shown (see the head comment). Never throws for an impossible target: it says why. */
export function computeAdvice(model: Model, goal: AdviceGoal, file: string): AdviceExtra {
  const flows = new Map(model.flows.map((f) => [f.id, f]));
  const name = (id: string): Bilingual => {
    const f = flows.get(id);
    const of = (lang: Lang) => (f ? displayName(f, lang) : id);
    return { zh: of('zh'), en: of('en') };
  };
  const empty = { goal, reached: false, optimal: false, objective: 'meters' as const, cost: 0, bound: 0 };
  const problems = validateMetering(model);
  if (problems.length > 0)
    return {
      ...empty,
      items: [],
      reverify: [],
      steps: [],
      issues: problems.map((p) => ({
        where: `${file}${p.path.length ? ` ${formatPath(p.path)}` : ''}`,
        text: both(p.code, p.params),
      })),
    };
  if (goal === 'redundancy') {
    const r = redundancyAdvice(model);
    return {
      goal,
      reached: r.reached,
      optimal: r.optimal,
      objective: r.objective,
      cost: r.cost,
      bound: r.bound,
      items: r.add.map((a) => ({
        action: a.why,
        flow: a.flow,
        name: name(a.flow),
        layer: a.layer,
        level: a.level,
        requiredClass: null,
        reason: { zh: a.reason, en: a.reasonEn },
      })),
      reverify: [],
      steps: [],
      layers: r.layers.map((l) => ({
        layer: { zh: layerName(l.layer, 'zh'), en: layerName(l.layer, 'en') },
        unobservable: l.unobservable.length,
        focus: l.focusNotRedundant.length,
        after: l.after.unobservable.length + l.after.focusNotRedundant.length,
      })),
    };
  }
  try {
    const r = advise(model, goal);
    const item =
      (action: AdviceItem['action']) =>
      (a: AdviceAction): AdviceItem => ({
        action,
        flow: a.flow,
        name: name(a.flow),
        layer: flows.get(a.flow)?.layer ?? '',
        level: a.level,
        requiredClass: a.requiredClass,
        ...(a.meter ? { meter: a.meter } : {}),
        reason: { zh: a.reason, en: a.reasonEn },
      });
    return {
      goal,
      from: depthName(r.from),
      reaches: depthName(r.reaches),
      reached: r.reached,
      optimal: r.optimal,
      objective: r.objective,
      cost: r.cost,
      bound: r.bound,
      items: [...r.add.map(item('add')), ...r.replace.map(item('replace')), ...r.reverifyActions.map(item('reverify'))],
      reverify: r.reverify,
      steps: [...r.campaign, ...r.measure, ...r.data].map((s) => ({ zh: s.zh, en: s.en })),
    };
  } catch (e) {
    if (!(e instanceof AdviceImpossible)) throw e;
    const target = depthName(goal);
    return {
      ...empty,
      items: [],
      reverify: [],
      steps: [],
      impossible: {
        zh: t('zh', e.code, { ...e.params, target: target.zh }),
        en: t('en', e.code, { ...e.params, target: target.en }),
      },
    };
  }
}
