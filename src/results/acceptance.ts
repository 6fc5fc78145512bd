import type { AcceptanceRuleSet, PlantLevel, Subject } from '../data/acceptance.ts';
import { RESOURCE_SUBJECTS } from '../data/acceptance.ts';
import { proposalRules, ruleSet as anhui } from '../data/anhui-2007.ts';
import { ruleSet as innerMongolia } from '../data/inner-mongolia-2005.ts';
import { ruleSet as zhejiang } from '../data/zhejiang-2003.ts';
import type { Acceptance, Indicator, ProposalRuleVerdict, Proposals, RuleVerdict } from './types.ts';

/** The acceptance rule sets pingheng holds, by the id `--rules` and `audit.rules` take. */
export const RULE_SETS: Readonly<Record<string, AcceptanceRuleSet>> = {
  anhui,
  zhejiang,
  'inner-mongolia': innerMongolia,
};

/** A rate this close to the threshold counts as meeting it (figures rounded to the last digit). */
const EPS = 1e-12;

/** Which indicator groups a subject is judged on: consumption for resources, generation for pollutants. */
function groupsOf(subject: Subject): Indicator['group'][] {
  if (subject === 'water') return ['new-water'];
  if (subject === 'material') return ['material'];
  if (RESOURCE_SUBJECTS.includes(subject)) return ['carrier'];
  return ['generation'];
}

/**
 * Judges the indicators against a rule set: each rule takes the indicators of its subjects and
 * measure, sets their threshold (a fall of x % is the rate −x) and pass, and is met when any (至少有
 * 一项) or each of them is. Indicators are annotated in place; the verdicts are returned.
 *
 * @example
 * // the dyeing plant's results under Zhejiang's rules (a general plant: pollutants down ≥ 10 %, resources ≥ 5 %):
 * // wastewater falls enough, COD does not, the rest has no indicator to judge
 * const before = { model: parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model, file: 'dyeing.json' };
 * const after = { model: parseModel(readFileSync('datasets/dyeing-after.json'), 'dyeing-after.json').model, file: 'dyeing-after.json' };
 * const c = compareModels(before, after);
 * const a = evaluateAcceptance(RULE_SETS.zhejiang, 'general', 'audit.level', c.indicators, c.proposals);
 * [a.pass, a.rules.slice(0, 2).map((r) => [r.id, r.threshold, r.pass])] // => [false, [['wastewater', -0.1, true], ['COD', -0.1, false]]]
 */
export function evaluateAcceptance(
  set: AcceptanceRuleSet,
  level: PlantLevel,
  levelFrom: Acceptance['levelFrom'],
  indicators: Indicator[],
  proposals: Proposals,
): Acceptance {
  const rules: RuleVerdict[] = set.rules.map((rule) => {
    const threshold = -rule.threshold[level];
    const matched = indicators.filter(
      (i) =>
        i.measure === rule.measure &&
        i.subject !== null &&
        rule.subjects.includes(i.subject) &&
        groupsOf(i.subject).includes(i.group) &&
        i.rule === null,
    );
    for (const i of matched) {
      i.threshold = threshold;
      i.rule = rule.id;
      i.pass = i.rate === null ? null : i.rate <= threshold + EPS;
    }
    const judged = matched.filter((i) => i.pass !== null);
    const pass =
      judged.length === 0 ? null : rule.aggregate === 'any' ? judged.some((i) => i.pass) : judged.every((i) => i.pass);
    return {
      id: rule.id,
      label: rule.label,
      measure: rule.measure,
      threshold,
      aggregate: rule.aggregate,
      subjects: [...rule.subjects],
      lines: rule.lines,
      indicators: matched.map((i) => i.id),
      pass,
      interpretation: rule.interpretation ?? null,
    };
  });
  const proposalVerdicts = set.id === 'anhui' ? judgeProposals(proposals) : [];
  const all = [...rules.map((r) => r.pass), ...proposalVerdicts.map((r) => r.pass)].filter((p) => p !== null);
  return {
    ruleSet: set.id,
    document: set.document,
    level,
    levelFrom,
    rules,
    proposalRules: proposalVerdicts,
    unjudged: set.unjudged.map((u) => ({ ...u })),
    pass: all.length === 0 ? null : all.every((p) => p),
  };
}

/** Anhui score sheet 三.3 and 三.4, from the proposals' categories and implementation. */
function judgeProposals(p: Proposals): ProposalRuleVerdict[] {
  return proposalRules.map((rule) => {
    const t = p.totals[rule.category];
    const none = p.items.length === 0 || p.totals.unclassified.proposed > 0;
    let pass: boolean | null = null;
    if (!none)
      pass =
        rule.test === 'share'
          ? t.proposed > 0 && t.implemented / t.proposed >= rule.min - EPS
          : t.implemented >= rule.min;
    if (rule.test === 'share' && t.proposed === 0) pass = null;
    return {
      id: rule.id,
      label: rule.label,
      lines: rule.lines,
      proposed: t.proposed,
      implemented: t.implemented,
      required: rule.test === 'share' ? `≥ ${rule.min * 100} %` : `≥ ${rule.min}`,
      pass,
    };
  });
}
