import { z } from 'zod';
import { LEVELS, type Level } from '../data/gb17167-2006.ts';
import { CAPTURE_METHODS } from '../data/guangdong-vocs-2023.ts';
import { TREATMENT_TECHNOLOGIES } from '../data/vocs-practice.ts';

/**
 * The plant model (shared/DESIGN.md contract) — the single source of truth: TypeScript types are
 * inferred from it, `pingheng schema` prints the JSON Schema generated from it, and structural
 * error paths come from it. Objects are strict so a misspelt key (`vlaue`) is an error, not a
 * silently missing number; every object takes a free `meta` for whatever a plant wants to keep.
 */

const id = z
  .string()
  .min(1)
  .regex(/^[^\s]+$/, 'ids have no spaces')
  .meta({ description: 'Identifier, unique within its kind' });

const meta = z
  .record(z.string(), z.unknown())
  .optional()
  .meta({ description: 'Free-form notes, ignored by the engine' });

export { CAPTURE_METHODS, LEVELS, TREATMENT_TECHNOLOGIES, type Level };

export const quantitySchema = z.strictObject({
  value: z.number().positive().meta({ description: 'A density, heating value or rated figure: positive' }),
  unit: z.string().min(1),
});

/** Where an efficiency comes from: a test on the plant, the equipment's design, or an estimate. */
export const EFFICIENCY_SOURCES = ['measured', 'design', 'estimated'] as const;

/** An efficiency (0–1) with where it comes from (docs/vocs.md). */
export const efficiencySchema = z
  .strictObject({
    efficiency: z.number().meta({ description: 'Fraction 0–1 (0.9 = 90 %)' }),
    source: z.enum(EFFICIENCY_SOURCES).meta({ description: 'measured (a test), design, or estimated' }),
    basis: z
      .string()
      .optional()
      .meta({ description: 'What the figure rests on: the test report, the design sheet, the reference used' }),
    meta,
  })
  .meta({ id: 'Efficiency' });

/**
 * VOCs solvent balance of a node (docs/vocs.md): a capture point (spray booth, oven, mixing room)
 * gives its capture efficiency 收集效率; a treatment unit (RTO, activated carbon) its removal
 * efficiency 去除效率. Captured, destroyed and fugitive streams are flows of kind `captured`,
 * `degraded` and `fugitive` in the VOCs layer.
 */
export const nodeVocsSchema = z
  .strictObject({
    capture: efficiencySchema
      .extend({
        method: z
          .enum(CAPTURE_METHODS)
          .optional()
          .meta({ description: 'How the VOCs are collected; the reference table caps the efficiency by method' }),
      })
      .optional()
      .meta({ description: 'Capture efficiency: captured / generated at this unit' }),
    removal: efficiencySchema
      .extend({ technology: z.enum(TREATMENT_TECHNOLOGIES).optional() })
      .optional()
      .meta({ description: 'Removal efficiency of this treatment unit: destroyed / captured in' }),
    meta,
  })
  .meta({ id: 'NodeVocs' });

export const nodeSchema = z
  .strictObject({
    id,
    name: z.string().min(1).meta({ description: 'Name (Chinese first), e.g. 染色车间' }),
    nameEn: z.string().optional(),
    level: z.union(LEVELS.map((l) => z.literal(l))).meta({
      description: '1 enterprise (用能单位), 2 main sub-unit/workshop (主要次级用能单位), 3 main device (主要用能设备)',
    }),
    parent: id.optional(),
    auditFocus: z.boolean().optional().meta({ description: 'Part of the audit focus (审核重点)' }),
    main: z
      .union([z.boolean(), z.record(z.string().min(1), z.boolean())])
      .optional()
      .meta({
        description:
          'Explicitly a main sub-unit/device (GB 17167 Tables 1–2, GB 24789): true/false for every carrier, or per carrier {"electricity": true, "water": false} (keys: a Table 1–2 group — electricity, solid-fuel, oil, heavy-oil, gas, steam, water, other — a carrier id, or "material"); what is not given is derived from the thresholds',
      }),
    ratedPower: z.record(z.string().min(1), quantitySchema).optional().meta({
      description:
        'Rated (nameplate) power or hourly consumption per carrier, for the GB 17167 Table 1–2 limits: {"electricity": {"value": 250, "unit": "kW"}, "steam": {"value": 8, "unit": "MW"}, "coal": {"value": 1.5, "unit": "t/h"}}; keys as for `main`',
    }),
    treatment: z.boolean().optional().meta({
      description:
        'A pollution-control unit (污水处理站, 脱硫塔, 除尘器): what flows into it is generation (产生量), what leaves the plant from it is discharge (排放量); its children count as part of it',
    }),
    coversDevices: z.boolean().optional().meta({
      description:
        'A separately metered energy-using unit (用能单元): where its boundary is metered for a carrier, its main devices need no own meters for it (GB 17167-2006 Table 2 note)',
    }),
    vocs: nodeVocsSchema.optional(),
    meta,
  })
  .meta({ id: 'Node' });

export const SOURCES = ['metered', 'monitored', 'lab', 'calculated', 'estimated', 'design', 'unmeasured'] as const;
export const PHASES = ['gas', 'liquid', 'solid', 'other'] as const;
export const FLOW_KINDS = [
  'product',
  'by-product',
  'waste',
  'emission',
  'loss',
  'recycle',
  'effective',
  'degraded',
  'captured',
  'fugitive',
] as const;
export const EXEMPTIONS = ['seasonal-heating', 'auxiliary', 'closed-loop-pump-data'] as const;
/** GB/T 12452 water-use classes: indirect cooling (间接冷却水), process (工艺用水), boiler (锅炉用水), domestic (生活用水), other. */
export const WATER_USES = ['cooling', 'process', 'boiler', 'domestic', 'other'] as const;

export const componentSchema = z
  .strictObject({
    concentration: z
      .number()
      .optional()
      .meta({ description: 'Concentration on the carrier flow, in `unit` (mg/L, g/m3, %, ppm, mg/Nm3)' }),
    value: z.number().optional().meta({ description: 'Absolute amount of the component, in `unit` (kg, t)' }),
    unit: z.string().min(1),
    sd: z.number().nonnegative().optional(),
    source: z.enum(SOURCES).optional(),
  })
  .meta({ id: 'Component' });

/** Measured fuel properties for the CO2 inventory; they override the default table (src/data/co2-guides-2015.ts). */
export const flowCarbonSchema = z
  .strictObject({
    content: quantitySchema.optional().meta({
      description:
        'Measured carbon content: per unit energy (tC/TJ, kgC/GJ) or as a mass fraction of the fuel (%, on the same basis as the flow)',
    }),
    oxidation: z.number().optional().meta({ description: 'Measured oxidation rate, a fraction (0–1]' }),
    source: z.string().optional().meta({ description: 'Where the measurement comes from (lab report …)' }),
  })
  .meta({ id: 'FlowCarbon' });

export const flowSchema = z
  .strictObject({
    id,
    name: z.string().optional(),
    nameEn: z.string().optional(),
    from: id.nullable().meta({ description: 'Node id, or null for outside the system boundary' }),
    to: id.nullable().meta({ description: 'Node id, or null for outside the system boundary' }),
    layer: z.string().min(1).meta({ description: 'material, water, energy, or a component name (COD, S, Ni…)' }),
    carrier: z.string().min(1).optional(),
    phase: z.enum(PHASES).optional().meta({ description: 'Material phase (Yunnan Annex 2 rows)' }),
    kind: z
      .enum(FLOW_KINDS)
      .optional()
      .meta({ description: 'What an output is: product, waste, emission, loss, effective energy…' }),
    value: z.number().optional().meta({ description: 'Absent: unmeasured, to be estimated' }),
    unit: z.string().min(1),
    sd: z.number().nonnegative().optional().meta({ description: 'Standard uncertainty, absolute, in the flow unit' }),
    source: z.enum(SOURCES).optional(),
    meter: id.optional(),
    stock: z.boolean().optional().meta({
      description: 'A stock change: from node to null = accumulation, from null to node = draw-down; may be negative',
    }),
    density: quantitySchema.optional().meta({ description: 'Density, to relate volume and mass (e.g. 1.05 t/m3)' }),
    lhv: quantitySchema.optional().meta({
      description:
        'Measured low heating value / energy content (kJ/kg, MJ/Nm3, GJ/t); overrides the GB/T 2589 coefficient',
    }),
    components: z.record(z.string().min(1), componentSchema).optional(),
    hazardous: z.boolean().optional().meta({
      description:
        'A waste flow (kind "waste") that is hazardous waste (危险废物); counted apart from other solid waste',
    }),
    carbon: flowCarbonSchema.optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    trusted: z.boolean().optional().meta({ description: 'Pinned: reconciliation never names it a suspect' }),
    exemption: z.enum(EXEMPTIONS).optional().meta({ description: 'A metering exemption GB 17167 / GB 24789 allow' }),
    use: z.enum(WATER_USES).optional().meta({
      description:
        'Water layer: the GB/T 12452 water use the flow belongs to. With kind "recycle" it is that use\'s circulated/reused water (Vcr, Vgr); with a new-water carrier its new water (Vcf make-up, Vgf). Tag each quantity once',
    }),
    meta,
  })
  .meta({ id: 'Flow' });

export const METER_STATUSES = ['in-service', 'failed', 'removed'] as const;
export const METER_TYPES = [
  'scale-static',
  'scale-dynamic',
  'electricity-ac',
  'electricity-dc',
  'oil-refined',
  'oil-heavy',
  'gas',
  'steam',
  'water',
  'temperature',
  'pressure',
  'other',
] as const;
export const READING_KINDS = ['cumulative', 'rate', 'interval'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');
const isoDateTime = z.iso.datetime({ offset: true, local: true });

export const meterSchema = z
  .strictObject({
    id,
    name: z.string().optional(),
    flows: z.array(id).min(1),
    type: z
      .enum(METER_TYPES)
      .optional()
      .meta({ description: 'Instrument type (GB 17167 Table 4 rows); inferred from the carrier when absent' }),
    accuracyClass: z.string().min(1).optional().meta({ description: 'e.g. "0.5S", "1.0", "2.5"' }),
    dn: z.number().positive().optional().meta({ description: 'Nominal pipe size DN (mm), for water meters' }),
    userClass: z
      .enum(['I', 'II', 'III', 'IV', 'V'])
      .optional()
      .meta({ description: 'Electricity user class (GB 17167 Table 4)' }),
    kva: z
      .number()
      .positive()
      .optional()
      .meta({ description: 'Transformer capacity of the metered electricity user, kVA (GB 17167 Table 4 user class)' }),
    verifiedOn: isoDate.optional(),
    verifiedUntil: isoDate.optional(),
    status: z.enum(METER_STATUSES).default('in-service'),
    reading: z
      .strictObject({
        kind: z.enum(READING_KINDS),
        unit: z.string().min(1),
        column: z
          .string()
          .optional()
          .meta({ description: 'CSV column or meter id in readings files, when not the meter id' }),
        rollover: z.number().positive().optional().meta({ description: 'Totalizer maximum before it wraps to 0' }),
        rateTimeUnit: z.enum(['s', 'min', 'h', 'd']).optional(),
        min: z.number().optional(),
        max: z.number().optional(),
      })
      .optional(),
    meta,
  })
  .meta({ id: 'Meter' });

export const campaignSchema = z
  .strictObject({
    start: isoDateTime,
    end: isoDateTime,
    normalProduction: z.boolean().default(false),
    performedBy: z.enum(['none', 'enterprise', 'qualified-team']).default('none'),
    timezone: z.string().optional(),
    meta,
  })
  .meta({ id: 'Campaign' });

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

export const settingsSchema = z
  .strictObject({
    tolerance: z
      .strictObject({
        default: z.number().positive().optional(),
        layers: z.record(z.string(), z.number().positive()).optional(),
      })
      .optional()
      .meta({ description: 'Closure tolerance in percent, default and per layer or component' }),
    masterSubTolerance: z
      .union([
        z.number().positive(),
        z.strictObject({
          default: z.number().positive().optional(),
          carriers: z.record(z.string(), z.number().positive()).optional(),
        }),
      ])
      .optional()
      .meta({
        description:
          'Master–sub meter tolerance, percent: one number for every carrier, or {default, carriers: {electricity: 3, water: 10}} (a layer name also keys)',
      }),
    electricityEqualValue: z.number().positive().optional().meta({ description: 'kgce/kWh for 等价值 (equal value)' }),
    periodHours: z
      .number()
      .positive()
      .optional()
      .meta({ description: 'Balance period; defaults to the campaign duration' }),
    annualHours: z.number().positive().optional().meta({ description: 'Operating hours per year for per-annum units' }),
    displayUnits: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: 'Display unit per layer/component, e.g. {"S": "t"}' }),
    defaultRelativeSd: z.record(z.enum(SOURCES), z.number().nonnegative()).optional(),
    editions: z.record(z.string(), z.string()).optional().meta({ description: 'Rule-set editions by rule family' }),
    vocs: z
      .strictObject({
        layer: z.string().min(1).optional().meta({ description: 'Name of the VOCs component layer (default "VOCs")' }),
        monitoringTolerancePct: z.number().positive().optional().meta({
          description:
            'Stack (or captured-stream) monitoring against the balance: allowed relative difference, percent (default 20)',
        }),
      })
      .optional()
      .meta({ description: 'VOCs solvent balance (docs/vocs.md)' }),
    materialOtherRequired: z
      .strictObject({ level2: z.number().min(0).max(100).optional(), level3: z.number().min(0).max(100).optional() })
      .optional()
      .meta({ description: 'Yunnan Annex 2 ※ cells for "other" materials' }),
    meta,
  })
  .meta({ id: 'Settings' });

export const modelSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1),
    nameEn: z.string().optional(),
    industry: z.string().optional(),
    nodes: z.array(nodeSchema).min(1),
    flows: z.array(flowSchema),
    meters: z.array(meterSchema).optional(),
    campaign: campaignSchema.optional(),
    production: z.array(productSchema).optional().meta({ description: 'Products and their output over the period' }),
    period: periodSchema.optional(),
    stocks: z.array(stockSchema).optional().meta({ description: 'Stocks whose levels carry over between periods' }),
    periods: z
      .array(periodEntrySchema)
      .optional()
      .meta({ description: 'Monthly (or any) periods, each with its own figures (docs/periods.md)' }),
    proposals: z.array(proposalSchema).optional().meta({ description: 'Cleaner-production proposals (方案)' }),
    audit: auditSchema.optional(),
    carbon: carbonSchema.optional(),
    settings: settingsSchema.optional(),
    meta,
  })
  .meta({ id: 'Model', title: 'pingheng plant model' });

export type Node = z.infer<typeof nodeSchema>;
export type NodeVocs = z.infer<typeof nodeVocsSchema>;
export type Efficiency = z.infer<typeof efficiencySchema>;
export type Flow = z.infer<typeof flowSchema>;
export type Component = z.infer<typeof componentSchema>;
export type Meter = z.infer<typeof meterSchema>;
export type Campaign = z.infer<typeof campaignSchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type Product = z.infer<typeof productSchema>;
export type Period = z.infer<typeof periodSchema>;
export type Stock = z.infer<typeof stockSchema>;
export type PeriodEntry = z.infer<typeof periodEntrySchema>;
export type PeriodValue = z.infer<typeof periodValueSchema>;
export type Proposal = z.infer<typeof proposalSchema>;
export type Price = z.infer<typeof priceSchema>;
export type Audit = z.infer<typeof auditSchema>;
export type CarbonSettings = z.infer<typeof carbonSchema>;
export type CarbonFactorInput = z.infer<typeof carbonFactorSchema>;
export type Model = z.infer<typeof modelSchema>;
export type ModelInput = z.input<typeof modelSchema>;
export type Source = (typeof SOURCES)[number];

/**
 * The JSON Schema (draft 2020-12) of the model, generated from the zod schema.
 *
 * @example
 * modelJsonSchema().$schema // => 'https://json-schema.org/draft/2020-12/schema'
 */
export function modelJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(modelSchema, { io: 'input' }) as Record<string, unknown>;
}
