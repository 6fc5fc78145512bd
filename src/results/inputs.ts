import { InputError, issue, type InputIssue } from '../model/issues.ts';
import type { Model, Product } from '../model/schema.ts';
import { comparePeriods, type PeriodComparison, type PeriodInfo, periodInfo } from './period.ts';
import { roundTo } from '../util/round.ts';

/**
 * Checks that two models can be compared, and decides how: which products match (by id), whether
 * totals compare directly or per year, and the per-unit basis — per product (GB/T 13234 product
 * saving) or per 万元 of output value where no physical product fits.
 */
export interface PairedProduct {
  id: string;
  before: Product;
  after: Product;
}

export interface Pairing {
  periods: { before: PeriodInfo; after: PeriodInfo; comparison: PeriodComparison };
  /** product: one term per matched product; output-value: one term, the plant per 万元. */
  basis: 'product' | 'output-value';
  products: PairedProduct[];
  /** Products in one model only: listed, and outside the product basis. */
  unmatched: { before: string[]; after: string[] };
}

/**
 * Unusable inputs of a comparison: the problems of each file, reported together.
 *
 * @example
 * new CompareInputError([new InputError('a.json', [])]).message // => 'a.json: 0 problem(s)'
 */
export class CompareInputError extends Error {
  constructor(readonly errors: InputError[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'CompareInputError';
  }
}

export interface Side {
  model: Model;
  file: string;
}

/** Every carrier a model names (any layer). */
function carriers(model: Model): Set<string> {
  return new Set(model.flows.map((f) => f.carrier).filter((c): c is string => c !== undefined));
}

export function pairModels(before: Side, after: Side): Pairing {
  const issuesB: InputIssue[] = [];
  const issuesA: InputIssue[] = [];
  const pb = before.model.production ?? [];
  const pa = after.model.production ?? [];
  if (pb.length === 0) issuesB.push(issue(['production'], 'compare.noProduction'));
  if (pa.length === 0) issuesA.push(issue(['production'], 'compare.noProduction'));

  const byIdB = new Map(pb.map((p) => [p.id, p]));
  const byIdA = new Map(pa.map((p) => [p.id, p]));
  const products: PairedProduct[] = [];
  pa.forEach((a, j) => {
    const b = byIdB.get(a.id);
    if (!b) return;
    if (b.unit !== a.unit)
      issuesA.push(
        issue(['production', j, 'unit'], 'compare.productUnit', { id: a.id, before: b.unit, after: a.unit }),
      );
    products.push({ id: a.id, before: b, after: a });
  });
  const unmatched = {
    before: pb.filter((p) => !byIdA.has(p.id)).map((p) => p.id),
    after: pa.filter((p) => !byIdB.has(p.id)).map((p) => p.id),
  };
  const sharedCarrier = [...carriers(before.model)].some((c) => carriers(after.model).has(c));
  if (pb.length > 0 && pa.length > 0 && products.length === 0 && !sharedCarrier)
    issuesA.push(issue(['production'], 'compare.nothingShared', { before: before.file }));

  // Per product where each product has its own scope (or the plant makes one product); else per 万元.
  const single = pb.length === 1 && pa.length === 1 && products.length === 1;
  const attributed = products.length > 0 && unmatched.before.length === 0 && unmatched.after.length === 0;
  let basis: Pairing['basis'] = 'product';
  if (!single) {
    const nodesOk = attributed && products.every((p) => p.before.node !== undefined && p.after.node !== undefined);
    if (nodesOk) {
      pa.forEach((a, j) => {
        const b = byIdB.get(a.id)!;
        if (b.node !== a.node)
          issuesA.push(
            issue(['production', j, 'node'], 'compare.productNode', { id: a.id, before: b.node!, after: a.node! }),
          );
      });
    } else basis = 'output-value';
  }
  if (basis === 'output-value' && pb.length > 0 && pa.length > 0) {
    const need = (list: Product[], into: InputIssue[]) =>
      list.forEach((p, i) => {
        if (p.outputValue === undefined || p.outputValue <= 0)
          into.push(issue(['production', i, 'outputValue'], 'compare.needOutputValue', { id: p.id }));
      });
    need(pb, issuesB);
    need(pa, issuesA);
  }

  const periods = { before: periodInfo(before.model), after: periodInfo(after.model) };
  const comparison = comparePeriods(periods.before, periods.after);
  for (const which of comparison.problems) {
    const mine = which === 'before' ? periods.before : periods.after;
    const other = which === 'before' ? periods.after : periods.before;
    (which === 'before' ? issuesB : issuesA).push(
      issue(['period'], 'compare.periodLength', { hours: roundTo(mine.hours!, 2), other: roundTo(other.hours!, 2) }),
    );
  }

  const errors: InputError[] = [];
  if (issuesB.length > 0) errors.push(new InputError(before.file, issuesB));
  if (issuesA.length > 0) errors.push(new InputError(after.file, issuesA));
  if (errors.length > 0) throw new CompareInputError(errors);
  return { periods: { ...periods, comparison }, basis, products, unmatched };
}
