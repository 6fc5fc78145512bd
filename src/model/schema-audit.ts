import { z } from 'zod/mini';
import { componentSchema, SOURCES } from './schema-plant.ts';
import { described, withMeta, id, isoDate, isoDateTime, meta, nonEmpty } from './schema-primitives.ts';

/**
 * The audit's part of the model schema (schema.ts): products, the period, proposals and prices, what
 * `compare` judges against, the CO2 inventory's settings, stocks and the periods' own figures.
 */

/**
 * A product and its output over the balance period: the denominator of every per-unit-product
 * indicator (GB/T 12452 new water per unit product Vf/Q, GB/T 13234 unit energy consumption e = E/P).
 * Before/after comparisons match products by id.
 */
export const productSchema = withMeta(
  z.strictObject({
    id,
    name: described(nonEmpty(), 'Name (Chinese first), e.g. 针织布'),
    nameEn: z.optional(z.string()),
    unit: described(
      nonEmpty(),
      'Physical unit of the output (t, m, m2, 件, kWh …); must be the same in compared periods',
    ),
    output: described(z.number(), 'Output over the balance period, in `unit` (> 0)'),
    outputValue: described(
      z.optional(z.number()),
      'Output value over the balance period, 万元 at comparable prices (GB/T 13234 output-value basis)',
    ),
    flow: described(z.optional(id), 'The product flow of the model, where there is one'),
    node: described(
      z.optional(id),
      'The node (workshop, line) whose energy, water, materials and emissions belong to this product; the enterprise when the plant has one product',
    ),
    meta,
  }),
  { id: 'Product' },
);

export const PERIOD_KINDS = ['base', 'report', 'campaign', 'month', 'year', 'other'] as const;

/**
 * What the model's figures cover: a label, the dates, and how its totals annualise. The hours of the
 * period stay in settings.periodHours (or the campaign's duration); `annualFactor`, where given,
 * overrides annualHours / periodHours.
 */
export const periodSchema = withMeta(
  z.strictObject({
    label: described(z.optional(nonEmpty()), 'e.g. 2025 年（审核前基准期）'),
    labelEn: z.optional(z.string()),
    kind: z.optional(z.enum(PERIOD_KINDS)),
    start: z.optional(z.union([isoDate, isoDateTime])),
    end: z.optional(z.union([isoDate, isoDateTime])),
    annualFactor: described(z.optional(z.number()), 'Multiply period totals by this to get per-year figures (> 0)'),
    meta,
  }),
  { id: 'Period' },
);

/**
 * A proposal (清洁生产方案): what it costs and earns. The annual benefit is entered, or computed by
 * `compare` from the savings of the flows it touches and the prices in `audit.prices`.
 */
export const proposalSchema = withMeta(
  z.strictObject({
    id,
    name: nonEmpty(),
    nameEn: z.optional(z.string()),
    investment: described(z.number(), 'Investment I, 万元 (≥ 0)'),
    annualBenefit: described(z.optional(z.number()), 'Annual net benefit F, 万元/a; computed from `flows` when absent'),
    flows: described(z.optional(z.array(id)), 'Flows whose before/after savings make the benefit (matched by id)'),
    lifetime: described(z.optional(z.number()), 'Economic life n, years (> 0)'),
    discountRate: described(
      z.optional(z.number()),
      'Discount rate i, a fraction (0.05 = 5 %); default audit.discountRate',
    ),
    implemented: described(z.optional(z.boolean()), 'Implemented (已实施) by the report period; default false'),
    category: described(
      z.optional(z.enum(['no-low', 'medium-high'])),
      '无/低费 or 中/高费 when given; otherwise from audit.lowCostLimit',
    ),
    meta,
  }),
  { id: 'Proposal' },
);

export const priceSchema = withMeta(
  z.strictObject({
    carrier: z.optional(nonEmpty()),
    flow: z.optional(id),
    value: described(z.number(), 'Price, in `unit`'),
    unit: described(nonEmpty(), 'Currency per physical unit: 元/kWh, 元/t, 万元/t, 元/Nm3 …'),
    meta,
  }),
  { id: 'Price' },
);

export const ACCEPTANCE_RULE_SETS = ['anhui', 'zhejiang', 'inner-mongolia'] as const;

/** What `compare` judges against and how it prices and classifies proposals. */
export const auditSchema = withMeta(
  z.strictObject({
    rules: described(z.optional(z.enum(ACCEPTANCE_RULE_SETS)), 'Acceptance rule set (default anhui)'),
    level: described(
      z.optional(z.enum(['advanced', 'general'])),
      'The plant against its industry: 国内同行先进水平 or 一般 (default general)',
    ),
    lowCostLimit: described(
      z.optional(z.number()),
      'Investment limit, 万元: up to it a proposal is 无/低费, above it 中/高费',
    ),
    discountRate: described(z.optional(z.number()), 'Default discount rate of proposals, a fraction'),
    prices: z.optional(z.array(priceSchema)),
    mainMaterials: described(
      z.optional(z.array(nonEmpty())),
      'Carriers (or flow ids) of the main raw materials; default every material input',
    ),
    meta,
  }),
  { id: 'Audit' },
);

/** A CO2 factor the model supplies; series, year and source are required (checked with a located error). */
export const carbonFactorSchema = withMeta(
  z.strictObject({
    carrier: z.optional(nonEmpty()),
    flow: z.optional(id),
    value: z.number(),
    unit: described(nonEmpty(), 'kgCO2/kWh, tCO2/MWh, tCO2/GJ, kgCO2/kg, tCO2/t, kgCO2/Nm3'),
    series: z.optional(nonEmpty()),
    year: z.optional(z.number().check(z.int())),
    region: z.optional(z.string()),
    source: z.optional(nonEmpty()),
    meta,
  }),
  { id: 'CarbonFactor' },
);

export const carbonSchema = withMeta(
  z.strictObject({
    grid: described(
      z.optional(
        z.strictObject({
          series: z.optional(z.enum(['mee-nbs', 'carbon-market'])),
          year: z.optional(z.number().check(z.int())),
          region: z.optional(nonEmpty()),
        }),
      ),
      'Grid-electricity factor: series, data year, region (default MEE–NBS, latest, national)',
    ),
    factors: z.optional(z.array(carbonFactorSchema)),
    meta,
  }),
  { id: 'Carbon' },
);

/**
 * A stock (a coal pile, a tank, an inventory) whose level is read at the end of each accounting
 * period: its stock-change flows (stock: true) take closing − opening in each period, and the
 * closing level of one period is the opening level of the next (docs/periods.md).
 */
export const stockSchema = withMeta(
  z.strictObject({
    id,
    name: z.optional(z.string()),
    nameEn: z.optional(z.string()),
    flows: described(
      z.array(id).check(z.minLength(1)),
      'Its stock-change flows (stock: true), one per layer it appears in (coal as material and as energy); each takes the level change per period',
    ),
    opening: described(z.optional(z.number()), "Level at the start of the first accounting period, in the flow's unit"),
    sd: described(
      z.optional(z.number().check(z.nonnegative())),
      "Standard uncertainty of a level reading (stock-taking), absolute, in the flow's unit",
    ),
    meta,
  }),
  { id: 'Stock' },
);

/** A flow's figure in one period: a number in the flow's unit, or the value with its σ, source and components. */
export const periodValueSchema = z.union([
  z.number(),
  z.strictObject({
    value: z.optional(z.number()),
    sd: z.optional(z.number().check(z.nonnegative())),
    source: z.optional(z.enum(SOURCES)),
    components: described(
      z.optional(z.record(nonEmpty(), componentSchema)),
      "This period's components, replacing the flow's by name (e.g. a month's COD)",
    ),
  }),
]);

/** A stock's level in one period: the closing level, or { opening, closing } (opening must carry over). */
export const periodStockSchema = z.union([
  z.number(),
  z.strictObject({ opening: z.optional(z.number()), closing: z.optional(z.number()) }),
]);

/**
 * One period of a multi-period model (a month of the plant's 台账, a quarter, the 72 h campaign):
 * its dates, operating hours, each flow's figure, stock levels and production. The accounting
 * periods (every kind but `campaign`) must follow one another without gap or overlap; campaigns are
 * kept apart from them (docs/periods.md).
 */
export const periodEntrySchema = withMeta(
  z.strictObject({
    id,
    label: z.optional(nonEmpty()),
    labelEn: z.optional(z.string()),
    kind: described(z.optional(z.enum(PERIOD_KINDS)), 'month, campaign, year, other …; default month'),
    start: described(z.union([isoDate, isoDateTime]), 'First day (00:00) or instant'),
    end: described(
      z.union([isoDate, isoDateTime]),
      'Last day, inclusive (2025-01-31 ends at 2025-02-01 00:00), or the end instant',
    ),
    hours: described(
      z.optional(z.number().check(z.positive())),
      'Operating hours, for rate units (default: the calendar hours from start to end)',
    ),
    values: described(
      z.optional(z.record(z.string(), periodValueSchema)),
      'Flow id → figure of this period; a flow not listed is unmeasured in it',
    ),
    stocks: described(
      z.optional(z.record(z.string(), periodStockSchema)),
      'Stock id → closing level (or { opening, closing })',
    ),
    production: z.optional(z.array(productSchema)),
    meta,
  }),
  { id: 'PeriodEntry' },
);
