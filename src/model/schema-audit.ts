import { z } from 'zod';
import { componentSchema, SOURCES } from './schema-plant.ts';
import { id, isoDate, isoDateTime, meta } from './schema-primitives.ts';

/**
 * The audit's part of the model schema (schema.ts): products, the period, proposals and prices, what
 * `compare` judges against, the CO2 inventory's settings, stocks and the periods' own figures.
 */

/**
 * A product and its output over the balance period: the denominator of every per-unit-product
 * indicator (GB/T 12452 new water per unit product Vf/Q, GB/T 13234 unit energy consumption e = E/P).
 * Before/after comparisons match products by id.
 */
export const productSchema = z
  .strictObject({
    id,
    name: z.string().min(1).meta({ description: 'Name (Chinese first), e.g. 针织布' }),
    nameEn: z.string().optional(),
    unit: z
      .string()
      .min(1)
      .meta({ description: 'Physical unit of the output (t, m, m2, 件, kWh …); must be the same in compared periods' }),
    output: z.number().meta({ description: 'Output over the balance period, in `unit` (> 0)' }),
    outputValue: z.number().optional().meta({
      description: 'Output value over the balance period, 万元 at comparable prices (GB/T 13234 output-value basis)',
    }),
    flow: id.optional().meta({ description: 'The product flow of the model, where there is one' }),
    node: id.optional().meta({
      description:
        'The node (workshop, line) whose energy, water, materials and emissions belong to this product; the enterprise when the plant has one product',
    }),
    meta,
  })
  .meta({ id: 'Product' });

export const PERIOD_KINDS = ['base', 'report', 'campaign', 'month', 'year', 'other'] as const;

/**
 * What the model's figures cover: a label, the dates, and how its totals annualise. The hours of the
 * period stay in settings.periodHours (or the campaign's duration); `annualFactor`, where given,
 * overrides annualHours / periodHours.
 */
export const periodSchema = z
  .strictObject({
    label: z.string().min(1).optional().meta({ description: 'e.g. 2025 年（审核前基准期）' }),
    labelEn: z.string().optional(),
    kind: z.enum(PERIOD_KINDS).optional(),
    start: z.union([isoDate, isoDateTime]).optional(),
    end: z.union([isoDate, isoDateTime]).optional(),
    annualFactor: z
      .number()
      .optional()
      .meta({ description: 'Multiply period totals by this to get per-year figures (> 0)' }),
    meta,
  })
  .meta({ id: 'Period' });

/**
 * A proposal (清洁生产方案): what it costs and earns. The annual benefit is entered, or computed by
 * `compare` from the savings of the flows it touches and the prices in `audit.prices`.
 */
export const proposalSchema = z
  .strictObject({
    id,
    name: z.string().min(1),
    nameEn: z.string().optional(),
    investment: z.number().meta({ description: 'Investment I, 万元 (≥ 0)' }),
    annualBenefit: z
      .number()
      .optional()
      .meta({ description: 'Annual net benefit F, 万元/a; computed from `flows` when absent' }),
    flows: z
      .array(id)
      .optional()
      .meta({ description: 'Flows whose before/after savings make the benefit (matched by id)' }),
    lifetime: z.number().optional().meta({ description: 'Economic life n, years (> 0)' }),
    discountRate: z
      .number()
      .optional()
      .meta({ description: 'Discount rate i, a fraction (0.05 = 5 %); default audit.discountRate' }),
    implemented: z
      .boolean()
      .optional()
      .meta({ description: 'Implemented (已实施) by the report period; default false' }),
    category: z
      .enum(['no-low', 'medium-high'])
      .optional()
      .meta({ description: '无/低费 or 中/高费 when given; otherwise from audit.lowCostLimit' }),
    meta,
  })
  .meta({ id: 'Proposal' });

export const priceSchema = z
  .strictObject({
    carrier: z.string().min(1).optional(),
    flow: id.optional(),
    value: z.number().meta({ description: 'Price, in `unit`' }),
    unit: z.string().min(1).meta({ description: 'Currency per physical unit: 元/kWh, 元/t, 万元/t, 元/Nm3 …' }),
    meta,
  })
  .meta({ id: 'Price' });

export const ACCEPTANCE_RULE_SETS = ['anhui', 'zhejiang', 'inner-mongolia'] as const;

/** What `compare` judges against and how it prices and classifies proposals. */
export const auditSchema = z
  .strictObject({
    rules: z.enum(ACCEPTANCE_RULE_SETS).optional().meta({ description: 'Acceptance rule set (default anhui)' }),
    level: z
      .enum(['advanced', 'general'])
      .optional()
      .meta({ description: 'The plant against its industry: 国内同行先进水平 or 一般 (default general)' }),
    lowCostLimit: z
      .number()
      .optional()
      .meta({ description: 'Investment limit, 万元: up to it a proposal is 无/低费, above it 中/高费' }),
    discountRate: z.number().optional().meta({ description: 'Default discount rate of proposals, a fraction' }),
    prices: z.array(priceSchema).optional(),
    mainMaterials: z
      .array(z.string().min(1))
      .optional()
      .meta({ description: 'Carriers (or flow ids) of the main raw materials; default every material input' }),
    meta,
  })
  .meta({ id: 'Audit' });

/** A CO2 factor the model supplies; series, year and source are required (checked with a located error). */
export const carbonFactorSchema = z
  .strictObject({
    carrier: z.string().min(1).optional(),
    flow: id.optional(),
    value: z.number(),
    unit: z.string().min(1).meta({ description: 'kgCO2/kWh, tCO2/MWh, tCO2/GJ, kgCO2/kg, tCO2/t, kgCO2/Nm3' }),
    series: z.string().min(1).optional(),
    year: z.number().int().optional(),
    region: z.string().optional(),
    source: z.string().min(1).optional(),
    meta,
  })
  .meta({ id: 'CarbonFactor' });

export const carbonSchema = z
  .strictObject({
    grid: z
      .strictObject({
        series: z.enum(['mee-nbs', 'carbon-market']).optional(),
        year: z.number().int().optional(),
        region: z.string().min(1).optional(),
      })
      .optional()
      .meta({ description: 'Grid-electricity factor: series, data year, region (default MEE–NBS, latest, national)' }),
    factors: z.array(carbonFactorSchema).optional(),
    meta,
  })
  .meta({ id: 'Carbon' });

/**
 * A stock (a coal pile, a tank, an inventory) whose level is read at the end of each accounting
 * period: its stock-change flows (stock: true) take closing − opening in each period, and the
 * closing level of one period is the opening level of the next (docs/periods.md).
 */
export const stockSchema = z
  .strictObject({
    id,
    name: z.string().optional(),
    nameEn: z.string().optional(),
    flows: z.array(id).min(1).meta({
      description:
        'Its stock-change flows (stock: true), one per layer it appears in (coal as material and as energy); each takes the level change per period',
    }),
    opening: z
      .number()
      .optional()
      .meta({ description: "Level at the start of the first accounting period, in the flow's unit" }),
    sd: z
      .number()
      .nonnegative()
      .optional()
      .meta({ description: "Standard uncertainty of a level reading (stock-taking), absolute, in the flow's unit" }),
    meta,
  })
  .meta({ id: 'Stock' });

/** A flow's figure in one period: a number in the flow's unit, or the value with its σ, source and components. */
export const periodValueSchema = z.union([
  z.number(),
  z.strictObject({
    value: z.number().optional(),
    sd: z.number().nonnegative().optional(),
    source: z.enum(SOURCES).optional(),
    components: z
      .record(z.string().min(1), componentSchema)
      .optional()
      .meta({ description: "This period's components, replacing the flow's by name (e.g. a month's COD)" }),
  }),
]);

/** A stock's level in one period: the closing level, or { opening, closing } (opening must carry over). */
export const periodStockSchema = z.union([
  z.number(),
  z.strictObject({ opening: z.number().optional(), closing: z.number().optional() }),
]);

/**
 * One period of a multi-period model (a month of the plant's 台账, a quarter, the 72 h campaign):
 * its dates, operating hours, each flow's figure, stock levels and production. The accounting
 * periods (every kind but `campaign`) must follow one another without gap or overlap; campaigns are
 * kept apart from them (docs/periods.md).
 */
export const periodEntrySchema = z
  .strictObject({
    id,
    label: z.string().min(1).optional(),
    labelEn: z.string().optional(),
    kind: z.enum(PERIOD_KINDS).optional().meta({ description: 'month, campaign, year, other …; default month' }),
    start: z.union([isoDate, isoDateTime]).meta({ description: 'First day (00:00) or instant' }),
    end: z.union([isoDate, isoDateTime]).meta({
      description: 'Last day, inclusive (2025-01-31 ends at 2025-02-01 00:00), or the end instant',
    }),
    hours: z
      .number()
      .positive()
      .optional()
      .meta({ description: 'Operating hours, for rate units (default: the calendar hours from start to end)' }),
    values: z
      .record(z.string(), periodValueSchema)
      .optional()
      .meta({ description: 'Flow id → figure of this period; a flow not listed is unmeasured in it' }),
    stocks: z
      .record(z.string(), periodStockSchema)
      .optional()
      .meta({ description: 'Stock id → closing level (or { opening, closing })' }),
    production: z.array(productSchema).optional(),
    meta,
  })
  .meta({ id: 'PeriodEntry' });
