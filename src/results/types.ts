import type { Subject } from '../data/acceptance.ts';
import type { Label } from '../data/provenance.ts';
import type { CarbonInventory } from './carbon.ts';
import type { FactorRecord } from './factors.ts';
import type { PeriodInfo } from './period.ts';

/** The shapes `compareModels` returns; also what `pingheng compare --json` prints (docs/results.md). */

export interface Indicator {
  /** e.g. energy-per-product:fabric, carrier-total:electricity, generation-per-product:COD:fabric */
  id: string;
  group:
    | 'energy'
    | 'energy-equal'
    | 'carrier'
    | 'new-water'
    | 'material'
    | 'generation'
    | 'discharge'
    | 'co2'
    | 'water';
  subject: Subject | null;
  /** Carrier, material, pollutant or water-indicator key; null for energy and CO2. */
  key: string | null;
  /** Product id, "output-value", or null for plant totals. */
  product: string | null;
  measure: 'per-unit' | 'total' | 'rate';
  label: Label;
  unit: string;
  before: number | null;
  after: number | null;
  /** after − before */
  change: number | null;
  /** (after − before) / before: −0.05 = down 5 %. */
  rate: number | null;
  /** The acceptance threshold on `rate` (e.g. −0.05); null when no rule judges this indicator. */
  threshold: number | null;
  pass: boolean | null;
  /** Id of the acceptance rule that judged it. */
  rule: string | null;
}

/** One term of a per-unit saving (GB/T 13234 form). */
export interface PerUnitTerm {
  product: string;
  label: Label;
  /** Per-unit figure unit, e.g. tce/t, kWh/t, t/万元. */
  unit: string;
  outputBefore: number;
  outputAfter: number;
  before: number | null;
  after: number | null;
  /** (e_b − e_r) × P_r over the report period, positive = saved. */
  saved: number | null;
  /** ξ = (e_b − e_r) / e_b */
  rate: number | null;
}

export interface PerUnitSaving {
  basis: string;
  /** Σ (e_b − e_r) × P_r over the report period, positive = saved, in the family's unit. */
  saved: number | null;
  perYear: number | null;
  /** Σ saved / Σ e_b × P_r */
  rate: number | null;
  terms: PerUnitTerm[];
}

/** A plant total before and after, and the saving (positive = saved) over the report period and per year. */
export interface TotalSaving {
  unit: string;
  before: { period: number | null; perYear: number | null };
  after: { period: number | null; perYear: number | null };
  saved: number | null;
  savedPerYear: number | null;
  /** (after − before) / before, per year where the periods differ in length. */
  rate: number | null;
  unknown: string[];
}

export interface EnergySavings {
  /** Product (or output-value) saving, tce 当量值, positive = saved, over the report period. */
  tce: number | null;
  tceEqual: number | null;
  perYear: { tce: number | null; tceEqual: number | null };
  rate: number | null;
  rateEqual: number | null;
  basis: string;
  coefficients: { equivalent: string; equal: string; before: string; after: string };
  perUnit: PerUnitSaving;
  perUnitEqual: PerUnitSaving;
  total: TotalSaving;
  totalEqual: TotalSaving;
  carriers: Record<string, { label: Label; perUnit: PerUnitSaving; total: TotalSaving }>;
}

export interface WaterSavings {
  t: number | null;
  perYear: { t: number | null };
  rate: number | null;
  basis: string;
  perUnit: PerUnitSaving;
  newWater: TotalSaving;
  indicators: { id: string; label: Label; before: number | null; after: number | null; change: number | null }[];
}

export interface StreamSaving {
  /** Absolute saving over the report period, t (positive = less). */
  t: number | null;
  perYear: { t: number | null };
  total: TotalSaving;
  perUnit: PerUnitSaving | null;
}

export interface PollutantSavings {
  label: Label;
  subject: Subject | null;
  generation: StreamSaving;
  discharge: StreamSaving | null;
}

export interface Co2Savings {
  t: number | null;
  perYear: { t: number | null };
  total: TotalSaving;
  perUnit: PerUnitSaving;
  grid: FactorRecord;
}

export interface MaterialSavings {
  label: Label;
  main: boolean;
  /** Product-basis saving over the report period, in the material layer's unit converted to t. */
  t: number | null;
  perYear: { t: number | null };
  perUnit: PerUnitSaving;
  total: TotalSaving;
}

export interface RuleVerdict {
  id: string;
  label: Label;
  measure: 'per-unit' | 'total';
  /** The fall required, as a negative rate (−0.05 = down 5 %). */
  threshold: number;
  aggregate: 'any' | 'each';
  subjects: string[];
  lines: readonly [number, number];
  indicators: string[];
  pass: boolean | null;
  interpretation: string | null;
}

export interface ProposalRuleVerdict {
  id: string;
  label: Label;
  lines: readonly [number, number];
  proposed: number;
  implemented: number;
  required: string;
  pass: boolean | null;
}

export interface Acceptance {
  ruleSet: string;
  document: Label;
  level: 'advanced' | 'general';
  levelFrom: 'option' | 'audit.level' | 'default';
  rules: RuleVerdict[];
  proposalRules: ProposalRuleVerdict[];
  unjudged: { id: string; label: Label; lines: readonly [number, number]; reason: Label }[];
  /** Every judged rule met; null when none could be judged. */
  pass: boolean | null;
}

export interface ProposalResult {
  id: string;
  name: string;
  nameEn: string | null;
  from: 'before' | 'after';
  implemented: boolean;
  category: 'no-low' | 'medium-high' | null;
  categoryFrom: 'entered' | 'limit' | null;
  investment: number;
  annualBenefit: number | null;
  benefitFrom: 'entered' | 'computed';
  benefitDetail: {
    flow: string;
    saved: { value: number; unit: string };
    perYear: number | null;
    price: { value: number; unit: string; from: string };
    /** A product or by-product sold: benefit = increase × price (else reduction × price). */
    sold: boolean;
    benefit: number | null;
  }[];
  lifetime: number | null;
  discountRate: number | null;
  payback: number | null;
  npv: number | null;
  irr: number | null;
}

export interface ProposalTotals {
  proposed: number;
  implemented: number;
  /** 万元, implemented proposals */
  investment: number;
  /** 万元/a, implemented proposals; null when a benefit is unknown */
  benefit: number | null;
}

export interface Proposals {
  lowCostLimit: number | null;
  limitFrom: 'option' | 'audit.lowCostLimit' | null;
  items: ProposalResult[];
  totals: {
    'no-low': ProposalTotals;
    'medium-high': ProposalTotals;
    unclassified: ProposalTotals;
    all: ProposalTotals;
  };
}

export interface Table2Line {
  no: string;
  key: string;
  label: { before: Label; after: Label };
  unit: string;
  before: number | string | null;
  after: number | string | null;
  lines: readonly [number, number];
  note: Label | null;
}

export interface Warning {
  code: string;
  params: Record<string, string | number>;
  message: { zh: string; en: string };
}

export interface StateSummary {
  file: string;
  name: string;
  nameEn: string | null;
  period: PeriodInfo;
  production: {
    id: string;
    name: string;
    nameEn: string | null;
    unit: string;
    output: number;
    outputValue: number | null;
    node: string | null;
  }[];
  outputValue: { period: number | null; perYear: number | null };
}

export interface CompareResult {
  before: StateSummary;
  after: StateSummary;
  comparison: {
    periods: 'same-length' | 'annualised' | 'assumed-same-length';
    basis: 'product' | 'output-value';
    products: string[];
    unmatched: { before: string[]; after: string[] };
  };
  indicators: Indicator[];
  savings: {
    energy: EnergySavings;
    water: WaterSavings;
    materials: Record<string, MaterialSavings>;
    pollutants: Record<string, PollutantSavings>;
    co2: Co2Savings;
  };
  /** Material recovered inside the plant (kind "recycle"), t: 表2 row 11. */
  recovered: {
    unit: string;
    before: { period: number | null; perYear: number | null };
    after: { period: number | null; perYear: number | null };
  };
  acceptance: Acceptance;
  proposals: Proposals;
  table2: Table2Line[];
  carbon: { before: CarbonInventory; after: CarbonInventory };
  factors: FactorRecord[];
  warnings: Warning[];
}

/** `pingheng carbon MODEL`: the inventory of the whole plant, per period and per year. */
export interface CarbonReport extends CarbonInventory {
  file: string;
  name: string;
  nameEn: string | null;
  period: PeriodInfo;
  perYear: { t: number | null };
  /** Where the grid choice came from: the command line, the model, or the defaults. */
  gridFrom: 'option' | 'model' | 'default';
  defaulted: string[];
}
