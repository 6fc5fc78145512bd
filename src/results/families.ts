import type { Subject } from '../data/acceptance.ts';
import type { Label } from '../data/provenance.ts';
import type { CarbonInventory } from './carbon.ts';
import type { StateFigures } from './figures.ts';
import type { PeriodComparison } from './period.ts';
import { baseAtReportOutput, changeRate, productSaving, savingRate } from './savings.ts';
import type { Indicator, PerUnitSaving, PerUnitTerm, TotalSaving } from './types.ts';

/**
 * The two forms every quantity family (energy, a carrier, new water, a material, a pollutant, CO2)
 * is compared in: per unit product (GB/T 13234 product saving Σ (e_b − e_r) × P_r) and as the plant's
 * total, over the report period and per year. Positive savings = saved.
 */
export interface StateData {
  figs: StateFigures;
  co2: CarbonInventory;
}

/** One term of the per-unit basis: a matched product at its scope, or the plant per 万元 of output value. */
export interface Term {
  id: string;
  label: Label;
  /** The product's unit, or 万元. */
  unit: string;
  outputBefore: number;
  outputAfter: number;
  before: StateData;
  after: StateData;
}

export interface FamilyContext {
  terms: Term[];
  basis: 'product' | 'output-value';
  plant: { before: StateData; after: StateData };
  periods: PeriodComparison['basis'];
  fBefore: number | null;
  fAfter: number | null;
}

/** A family's amount in one state: value (null = unknown, flows listed), 0 where the state lacks it. */
export type Getter = (d: StateData) => { value: number | null; unknown: string[] } | null;

export function perUnitSaving(ctx: FamilyContext, unit: string, get: Getter, basisLabel: string): PerUnitSaving {
  const terms: PerUnitTerm[] = ctx.terms.map((t) => {
    const b = get(t.before);
    const a = get(t.after);
    const before = b === null ? 0 : b.value === null ? null : b.value / t.outputBefore;
    const after = a === null ? 0 : a.value === null ? null : a.value / t.outputAfter;
    const known = before !== null && after !== null;
    return {
      product: t.id,
      label: t.label,
      unit: `${unit}/${t.unit}`,
      outputBefore: t.outputBefore,
      outputAfter: t.outputAfter,
      before,
      after,
      saved: known ? (before - after) * t.outputAfter : null,
      rate: known ? savingRate(before, after) : null,
    };
  });
  const complete = terms.every((t) => t.before !== null && t.after !== null);
  const inputs = complete ? terms.map((t) => ({ before: t.before!, after: t.after!, output: t.outputAfter })) : [];
  const saved = complete ? -productSaving(inputs) : null;
  const base = complete ? baseAtReportOutput(inputs) : 0;
  return {
    basis: basisLabel,
    saved,
    perYear: saved === null || ctx.fAfter === null ? null : saved * ctx.fAfter,
    rate: saved === null || base === 0 ? null : saved / base,
    terms,
  };
}

export function totalSaving(ctx: FamilyContext, unit: string, get: Getter): TotalSaving {
  const b = get(ctx.plant.before) ?? { value: 0, unknown: [] };
  const a = get(ctx.plant.after) ?? { value: 0, unknown: [] };
  const year = (v: number | null, f: number | null) => (v === null || f === null ? null : v * f);
  const before = { period: b.value, perYear: year(b.value, ctx.fBefore) };
  const after = { period: a.value, perYear: year(a.value, ctx.fAfter) };
  let saved: number | null = null;
  let savedPerYear: number | null = null;
  let rate: number | null = null;
  if (b.value !== null && a.value !== null) {
    if (ctx.periods === 'annualised' && before.perYear !== null && after.perYear !== null) {
      savedPerYear = before.perYear - after.perYear;
      saved = savedPerYear / ctx.fAfter!;
      rate = changeRate(before.perYear, after.perYear);
    } else {
      saved = b.value - a.value;
      savedPerYear = year(saved, ctx.fAfter);
      rate = changeRate(b.value, a.value);
    }
  }
  return { unit, before, after, saved, savedPerYear, rate, unknown: [...b.unknown, ...a.unknown] };
}

/** Indicator id: family, key, and the product (or output-value basis, or the plant total). */
export function indicatorId(family: string, key: string | null, product: string | null, basis: FamilyContext['basis']) {
  const k = key === null ? '' : key;
  if (product === null) return `${family}-total${k ? `:${k}` : ''}`;
  if (basis === 'output-value') return `${family}-per-output-value${k ? `:${k}` : ''}`;
  return `${family}-per-product:${k ? `${k}:` : ''}${product}`;
}

interface IndicatorSpec {
  family: Indicator['group'];
  subject: Subject | null;
  key: string | null;
  label: Label;
}

const blank = { threshold: null, pass: null, rule: null };

/** Indicators of a per-unit saving: one per term. */
export function perUnitIndicators(ctx: FamilyContext, spec: IndicatorSpec, s: PerUnitSaving): Indicator[] {
  return s.terms.map((t) => ({
    id: indicatorId(spec.family, spec.key, t.product, ctx.basis),
    group: spec.family,
    subject: spec.subject,
    key: spec.key,
    product: t.product,
    measure: 'per-unit',
    label: spec.label,
    unit: t.unit,
    before: t.before,
    after: t.after,
    change: t.before === null || t.after === null ? null : t.after - t.before,
    rate: t.before === null || t.after === null ? null : changeRate(t.before, t.after),
    ...blank,
  }));
}

/** The indicator of a plant total: per year where the periods differ in length, else over the period. */
export function totalIndicator(ctx: FamilyContext, spec: IndicatorSpec, s: TotalSaving): Indicator {
  const annual = ctx.periods === 'annualised';
  const before = annual ? s.before.perYear : s.before.period;
  const after = annual ? s.after.perYear : s.after.period;
  return {
    id: indicatorId(spec.family, spec.key, null, ctx.basis),
    group: spec.family,
    subject: spec.subject,
    key: spec.key,
    product: null,
    measure: 'total',
    label: spec.label,
    unit: annual ? `${s.unit}/a` : s.unit,
    before,
    after,
    change: before === null || after === null ? null : after - before,
    rate: s.rate,
    ...blank,
  };
}
