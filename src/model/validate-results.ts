import { parseCarbonContent, parseCo2Factor, parsePrice } from '../units/per-unit.ts';
import { issue, type InputIssue } from './issues.ts';
import type { Model } from './schema.ts';

/**
 * Checks the parts of a model that only the results use (src/results/): products' nodes,
 * proposals, prices, CO2 factors and measured fuel carbon. Every problem with its JSON path.
 * Whether a grid factor's series, year and region exist is checked where the tables are read
 * (src/results/factors.ts), with a path too.
 *
 * @example
 * const { model } = parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json');
 * const graph = buildGraph(model);
 * validateResultsInputs(model, graph.nodeIndex, new Map(model.flows.map((f, i) => [f.id, i]))) // => []
 */
export function validateResultsInputs(
  model: Model,
  nodeAt: Map<string, number>,
  flowAt: Map<string, number>,
): InputIssue[] {
  const issues: InputIssue[] = [];
  (model.production ?? []).forEach((p, i) => {
    if (p.node !== undefined && !nodeAt.has(p.node))
      issues.push(issue(['production', i, 'node'], 'product.unknownNode', { id: p.node }));
  });
  checkProposals(model, issues);
  checkAudit(model, flowAt, issues);
  checkCarbon(model, flowAt, issues);
  return issues;
}

const finite = (x: number) => Number.isFinite(x);

function checkProposals(model: Model, issues: InputIssue[]): void {
  const seen = new Map<string, number>();
  (model.proposals ?? []).forEach((p, i) => {
    const at = (...rest: (string | number)[]) => ['proposals', i, ...rest];
    const first = seen.get(p.id);
    if (first !== undefined)
      issues.push(issue(at('id'), 'proposal.duplicate', { id: p.id, first: `proposals[${first}]` }));
    else seen.set(p.id, i);
    if (!(finite(p.investment) && p.investment >= 0))
      issues.push(issue(at('investment'), 'proposal.investment', { id: p.id, value: p.investment }));
    if (p.annualBenefit !== undefined && !finite(p.annualBenefit))
      issues.push(issue(at('annualBenefit'), 'proposal.number', { id: p.id, value: p.annualBenefit }));
    if (p.lifetime !== undefined && !(finite(p.lifetime) && p.lifetime > 0))
      issues.push(issue(at('lifetime'), 'proposal.lifetime', { id: p.id, value: p.lifetime }));
    if (p.discountRate !== undefined && !(finite(p.discountRate) && p.discountRate > -1))
      issues.push(issue(at('discountRate'), 'proposal.discountRate', { value: p.discountRate }));
    if (p.annualBenefit === undefined && (p.flows ?? []).length === 0)
      issues.push(issue(at(), 'proposal.noBenefit', { id: p.id }));
  });
}

function checkAudit(model: Model, flowAt: Map<string, number>, issues: InputIssue[]): void {
  const a = model.audit;
  if (!a) return;
  if (a.lowCostLimit !== undefined && !(finite(a.lowCostLimit) && a.lowCostLimit >= 0))
    issues.push(issue(['audit', 'lowCostLimit'], 'audit.lowCostLimit', { value: a.lowCostLimit }));
  if (a.discountRate !== undefined && !(finite(a.discountRate) && a.discountRate > -1))
    issues.push(issue(['audit', 'discountRate'], 'proposal.discountRate', { value: a.discountRate }));
  (a.prices ?? []).forEach((p, i) => {
    const at = (...rest: (string | number)[]) => ['audit', 'prices', i, ...rest];
    if ((p.carrier === undefined) === (p.flow === undefined)) issues.push(issue(at(), 'price.target'));
    if (p.flow !== undefined && !flowAt.has(p.flow))
      issues.push(issue(at('flow'), 'price.unknownFlow', { id: p.flow }));
    if (!(finite(p.value) && p.value >= 0)) issues.push(issue(at('value'), 'price.value', { value: p.value }));
    try {
      parsePrice(p.unit);
    } catch (e) {
      issues.push(issue(at('unit'), 'price.unit', { detail: (e as Error).message }));
    }
  });
}

function checkCarbon(model: Model, flowAt: Map<string, number>, issues: InputIssue[]): void {
  (model.carbon?.factors ?? []).forEach((f, i) => {
    const at = (...rest: (string | number)[]) => ['carbon', 'factors', i, ...rest];
    if ((f.carrier === undefined) === (f.flow === undefined)) issues.push(issue(at(), 'co2factor.target'));
    if (f.flow !== undefined && !flowAt.has(f.flow))
      issues.push(issue(at('flow'), 'price.unknownFlow', { id: f.flow }));
    // A factor is only as good as its provenance: without year and source it is unusable.
    if (f.year === undefined) issues.push(issue(at('year'), 'co2factor.noYear'));
    if (f.source === undefined) issues.push(issue(at('source'), 'co2factor.noSource'));
    if (!(finite(f.value) && f.value >= 0)) issues.push(issue(at('value'), 'co2factor.value', { value: f.value }));
    try {
      parseCo2Factor(f.unit);
    } catch (e) {
      issues.push(issue(at('unit'), 'co2factor.unit', { detail: (e as Error).message }));
    }
  });
  model.flows.forEach((flow, i) => {
    const c = flow.carbon;
    if (!c) return;
    const at = (...rest: (string | number)[]) => ['flows', i, 'carbon', ...rest];
    if (c.content) {
      try {
        parseCarbonContent(c.content.unit, c.content.value);
      } catch (e) {
        issues.push(issue(at('content', 'unit'), 'co2factor.unit', { detail: (e as Error).message }));
      }
      if (!(finite(c.content.value) && c.content.value > 0))
        issues.push(issue(at('content', 'value'), 'co2factor.value', { value: c.content.value }));
    }
    if (c.oxidation !== undefined && !(c.oxidation > 0 && c.oxidation <= 1))
      issues.push(issue(at('oxidation'), 'flow.oxidation', { value: c.oxidation }));
  });
}
