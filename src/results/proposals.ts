import type { LayerFlow, PlantGraph } from '../model/graph.ts';
import { InputError, issue, type InputIssue } from '../model/issues.ts';
import type { Model, Price, Proposal } from '../model/schema.ts';
import { parsePrice } from '../units/per-unit.ts';
import { classify, irr, npv, payback } from './economics.ts';
import { CompareInputError } from './inputs.ts';
import type { PeriodComparison } from './period.ts';
import { periodSaving } from './period.ts';
import { baseQuantity, displayOf } from './scope.ts';
import type { ProposalResult, Proposals, ProposalTotals } from './types.ts';

/**
 * The proposals (方案) of a comparison: each one's category (无/低费 or 中/高费), annual benefit
 * (entered, or the savings of the flows it touches × their prices), payback, NPV and IRR, and the
 * totals the Anhui 表2 asks for. Proposals come from both models, matched by id; the report
 * (after) model's entry wins.
 */
export interface ProposalState {
  model: Model;
  graph: PlantGraph;
  values: Float64Array;
  file: string;
}

export interface ProposalContext {
  before: ProposalState;
  after: ProposalState;
  /** Report-period output / base-period output (the plant's production measure), or null. */
  adjustment: number | null;
  periods: PeriodComparison['basis'];
  fBefore: number | null;
  fAfter: number | null;
  lowCostLimit?: number;
}

export function evaluateProposals(ctx: ProposalContext): Proposals {
  const listed = new Map<string, { p: Proposal; from: 'before' | 'after'; index: number }>();
  for (const [index, p] of (ctx.before.model.proposals ?? []).entries()) listed.set(p.id, { p, from: 'before', index });
  for (const [index, p] of (ctx.after.model.proposals ?? []).entries()) listed.set(p.id, { p, from: 'after', index });
  const limit = ctx.lowCostLimit ?? ctx.after.model.audit?.lowCostLimit ?? ctx.before.model.audit?.lowCostLimit ?? null;
  const limitFrom: Proposals['limitFrom'] =
    ctx.lowCostLimit !== undefined ? 'option' : limit !== null ? 'audit.lowCostLimit' : null;
  const defaultRate = ctx.after.model.audit?.discountRate ?? ctx.before.model.audit?.discountRate;
  const problems: InputIssue[][] = [[], []];
  const items: ProposalResult[] = [];
  for (const { p, from, index } of listed.values()) {
    const into = problems[from === 'before' ? 0 : 1]!;
    const detail = p.annualBenefit === undefined ? computedBenefit(ctx, p, index, into) : [];
    const annualBenefit =
      p.annualBenefit ??
      (detail.some((d) => d.benefit === null) ? null : detail.reduce((s, d) => s + (d.benefit ?? 0), 0));
    const rate = p.discountRate ?? defaultRate ?? null;
    const life = p.lifetime ?? null;
    items.push({
      id: p.id,
      name: p.name,
      nameEn: p.nameEn ?? null,
      from,
      implemented: p.implemented === true,
      category: p.category ?? (limit === null ? null : classify(p.investment, limit)),
      categoryFrom: p.category ? 'entered' : limit === null ? null : 'limit',
      investment: p.investment,
      annualBenefit,
      benefitFrom: p.annualBenefit === undefined ? 'computed' : 'entered',
      benefitDetail: detail,
      lifetime: life,
      discountRate: rate,
      payback: annualBenefit === null ? null : payback(p.investment, annualBenefit),
      npv:
        annualBenefit === null || life === null || rate === null ? null : npv(p.investment, annualBenefit, life, rate),
      irr: annualBenefit === null || life === null ? null : irr(p.investment, annualBenefit, life),
    });
  }
  const errors: InputError[] = [];
  if (problems[0]!.length > 0) errors.push(new InputError(ctx.before.file, problems[0]!));
  if (problems[1]!.length > 0) errors.push(new InputError(ctx.after.file, problems[1]!));
  if (errors.length > 0) throw new CompareInputError(errors);
  const totals = (pick: (r: ProposalResult) => boolean): ProposalTotals => {
    const mine = items.filter(pick);
    const done = mine.filter((r) => r.implemented);
    return {
      proposed: mine.length,
      implemented: done.length,
      investment: done.reduce((s, r) => s + r.investment, 0),
      benefit: done.some((r) => r.annualBenefit === null) ? null : done.reduce((s, r) => s + r.annualBenefit!, 0),
    };
  };
  return {
    lowCostLimit: limit,
    limitFrom,
    items,
    totals: {
      'no-low': totals((r) => r.category === 'no-low'),
      'medium-high': totals((r) => r.category === 'medium-high'),
      unclassified: totals((r) => r.category === null),
      all: totals(() => true),
    },
  };
}

function flowNamed(graph: PlantGraph, id: string): LayerFlow | undefined {
  const i = graph.model.flows.findIndex((f) => f.id === id);
  return i < 0 ? undefined : graph.flows.find((f) => f.flowIndex === i && f.id === id);
}

function priceFor(ctx: ProposalContext, f: LayerFlow): { price: Price; from: string } | undefined {
  for (const [side, m] of [
    ['after', ctx.after.model],
    ['before', ctx.before.model],
  ] as const) {
    const prices = m.audit?.prices ?? [];
    const i = prices.findIndex((p) => p.flow === f.id);
    if (i >= 0) return { price: prices[i]!, from: `${side}: audit.prices[${i}]` };
  }
  for (const [side, m] of [
    ['after', ctx.after.model],
    ['before', ctx.before.model],
  ] as const) {
    const prices = m.audit?.prices ?? [];
    const i = prices.findIndex((p) => p.carrier !== undefined && p.carrier === f.carrier);
    if (i >= 0) return { price: prices[i]!, from: `${side}: audit.prices[${i}]` };
  }
  return undefined;
}

/** Benefit from the flows a proposal touches: saving per year × price, flow by flow. */
function computedBenefit(
  ctx: ProposalContext,
  p: Proposal,
  index: number,
  problems: InputIssue[],
): ProposalResult['benefitDetail'] {
  const out: ProposalResult['benefitDetail'] = [];
  (p.flows ?? []).forEach((id, j) => {
    const at = ['proposals', index, 'flows', j];
    const fb = flowNamed(ctx.before.graph, id);
    const fa = flowNamed(ctx.after.graph, id);
    if (!fb && !fa) {
      problems.push(issue(at, 'proposal.unknownFlow', { id, proposal: p.id }));
      return;
    }
    const qb = fb ? quantity(ctx.before, fb) : { amount: 0, dimension: quantity(ctx.after, fa!).dimension };
    const qa = fa ? quantity(ctx.after, fa) : { amount: 0, dimension: qb.dimension };
    if (Number.isNaN(qb.amount) || Number.isNaN(qa.amount)) {
      problems.push(issue(at, 'proposal.unknownValue', { id, proposal: p.id }));
      return;
    }
    const f = (fa ?? fb)!;
    const found = priceFor(ctx, f);
    if (!found) {
      problems.push(issue(at, 'proposal.noPrice', { id, carrier: f.carrier ?? '—', proposal: p.id }));
      return;
    }
    const price = parsePrice(found.price.unit);
    const compatible =
      price.dimension === qb.dimension ||
      (['volume', 'gasVolume'].includes(price.dimension) && ['volume', 'gasVolume'].includes(qb.dimension));
    if (!compatible) {
      problems.push(issue(at, 'proposal.priceUnit', { id, unit: found.price.unit, proposal: p.id }));
      return;
    }
    const saved =
      ctx.adjustment === null
        ? periodSaving(qb.amount, qa.amount, ctx.periods, ctx.fBefore, ctx.fAfter).period
        : qb.amount * ctx.adjustment - qa.amount;
    const perYear = ctx.fAfter === null ? null : saved * ctx.fAfter;
    const shown = displayOf({ amount: saved, dimension: qb.dimension }, f.carrier);
    // A product or by-product sold (recovered condensate, exported electricity) earns by growing:
    // its benefit is the increase × price; every other flow (purchases, discharges, wastes) the cut.
    const kind = (fa ? ctx.after.model : ctx.before.model).flows[f.flowIndex]?.kind;
    const sold = kind === 'product' || kind === 'by-product';
    out.push({
      flow: id,
      saved: { value: shown.value, unit: shown.unit },
      perYear: perYear === null ? null : displayOf({ amount: perYear, dimension: qb.dimension }, f.carrier).value,
      price: { value: found.price.value, unit: found.price.unit, from: found.from },
      sold,
      benefit: perYear === null ? null : (sold ? -1 : 1) * perYear * price.perBase * found.price.value,
    });
  });
  return out;
}

function quantity(state: ProposalState, f: LayerFlow) {
  const i = state.graph.flows.indexOf(f);
  return baseQuantity(state.graph, f, state.values[i]!);
}
