import { z } from 'zod/mini';
import { CAPTURE_METHODS } from '../data/guangdong-vocs-2023.ts';
import { TREATMENT_TECHNOLOGIES } from '../data/vocs-practice.ts';
import { LEVELS } from '../data/gb17167-2006.ts';
import { described, withMeta, id, isoDate, isoDateTime, meta, nonEmpty } from './schema-primitives.ts';

/** The plant's part of the model schema (schema.ts): nodes, flows and their components, meters, the campaign. */

export const quantitySchema = z.strictObject({
  value: described(z.number().check(z.positive()), 'A density, heating value or rated figure: positive'),
  unit: nonEmpty(),
});

/** Where an efficiency comes from: a test on the plant, the equipment's design, or an estimate. */
export const EFFICIENCY_SOURCES = ['measured', 'design', 'estimated'] as const;

/** An efficiency (0–1) with where it comes from (docs/vocs.md). */
export const efficiencySchema = withMeta(
  z.strictObject({
    efficiency: described(z.number(), 'Fraction 0–1 (0.9 = 90 %)'),
    source: described(z.enum(EFFICIENCY_SOURCES), 'measured (a test), design, or estimated'),
    basis: described(
      z.optional(z.string()),
      'What the figure rests on: the test report, the design sheet, the reference used',
    ),
    meta,
  }),
  { id: 'Efficiency' },
);

/**
 * VOCs solvent balance of a node (docs/vocs.md): a capture point (spray booth, oven, mixing room)
 * gives its capture efficiency 收集效率; a treatment unit (RTO, activated carbon) its removal
 * efficiency 去除效率. Captured, destroyed and fugitive streams are flows of kind `captured`,
 * `degraded` and `fugitive` in the VOCs layer.
 */
export const nodeVocsSchema = withMeta(
  z.strictObject({
    capture: described(
      z.optional(
        z.extend(efficiencySchema, {
          method: described(
            z.optional(z.enum(CAPTURE_METHODS)),
            'How the VOCs are collected; the reference table caps the efficiency by method',
          ),
        }),
      ),
      'Capture efficiency: captured / generated at this unit',
    ),
    removal: described(
      z.optional(z.extend(efficiencySchema, { technology: z.optional(z.enum(TREATMENT_TECHNOLOGIES)) })),
      'Removal efficiency of this treatment unit: destroyed / captured in',
    ),
    meta,
  }),
  { id: 'NodeVocs' },
);

export const nodeSchema = withMeta(
  z.strictObject({
    id,
    name: described(nonEmpty(), 'Name (Chinese first), e.g. 染色车间'),
    nameEn: z.optional(z.string()),
    level: described(
      z.union(LEVELS.map((l) => z.literal(l))),
      '1 enterprise (用能单位), 2 main sub-unit/workshop (主要次级用能单位), 3 main device (主要用能设备)',
    ),
    parent: z.optional(id),
    auditFocus: described(z.optional(z.boolean()), 'Part of the audit focus (审核重点)'),
    main: described(
      z.optional(z.union([z.boolean(), z.record(nonEmpty(), z.boolean())])),
      'Explicitly a main sub-unit/device (GB 17167 Tables 1–2, GB 24789): true/false for every carrier, or per carrier {"electricity": true, "water": false} (keys: a Table 1–2 group — electricity, solid-fuel, oil, heavy-oil, gas, steam, water, other — a carrier id, or "material"); what is not given is derived from the thresholds',
    ),
    ratedPower: described(
      z.optional(z.record(nonEmpty(), quantitySchema)),
      'Rated (nameplate) power or hourly consumption per carrier, for the GB 17167 Table 1–2 limits: {"electricity": {"value": 250, "unit": "kW"}, "steam": {"value": 8, "unit": "MW"}, "coal": {"value": 1.5, "unit": "t/h"}}; keys as for `main`',
    ),
    treatment: described(
      z.optional(z.boolean()),
      'A pollution-control unit (污水处理站, 脱硫塔, 除尘器): what flows into it is generation (产生量), what leaves the plant from it is discharge (排放量); its children count as part of it',
    ),
    coversDevices: described(
      z.optional(z.boolean()),
      'A separately metered energy-using unit (用能单元): where its boundary is metered for a carrier, its main devices need no own meters for it (GB 17167-2006 Table 2 note)',
    ),
    vocs: z.optional(nodeVocsSchema),
    meta,
  }),
  { id: 'Node' },
);

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

export const componentSchema = withMeta(
  z.strictObject({
    concentration: described(
      z.optional(z.number()),
      'Concentration on the carrier flow, in `unit` (mg/L, g/m3, %, ppm, mg/Nm3)',
    ),
    value: described(z.optional(z.number()), 'Absolute amount of the component, in `unit` (kg, t)'),
    unit: nonEmpty(),
    sd: z.optional(z.number().check(z.nonnegative())),
    source: z.optional(z.enum(SOURCES)),
  }),
  { id: 'Component' },
);

/** Measured fuel properties for the CO2 inventory; they override the default table (src/data/co2-guides-2015.ts). */
export const flowCarbonSchema = withMeta(
  z.strictObject({
    content: described(
      z.optional(quantitySchema),
      'Measured carbon content: per unit energy (tC/TJ, kgC/GJ) or as a mass fraction of the fuel (%, on the same basis as the flow)',
    ),
    oxidation: described(z.optional(z.number()), 'Measured oxidation rate, a fraction (0–1]'),
    source: described(z.optional(z.string()), 'Where the measurement comes from (lab report …)'),
  }),
  { id: 'FlowCarbon' },
);

export const flowSchema = withMeta(
  z.strictObject({
    id,
    name: z.optional(z.string()),
    nameEn: z.optional(z.string()),
    from: described(z.nullable(id), 'Node id, or null for outside the system boundary'),
    to: described(z.nullable(id), 'Node id, or null for outside the system boundary'),
    layer: described(nonEmpty(), 'material, water, energy, or a component name (COD, S, Ni…)'),
    carrier: z.optional(nonEmpty()),
    phase: described(z.optional(z.enum(PHASES)), 'Material phase (Yunnan Annex 2 rows)'),
    kind: described(
      z.optional(z.enum(FLOW_KINDS)),
      'What an output is: product, waste, emission, loss, effective energy…',
    ),
    value: described(z.optional(z.number()), 'Absent: unmeasured, to be estimated'),
    unit: nonEmpty(),
    sd: described(z.optional(z.number().check(z.nonnegative())), 'Standard uncertainty, absolute, in the flow unit'),
    source: z.optional(z.enum(SOURCES)),
    meter: z.optional(id),
    stock: described(
      z.optional(z.boolean()),
      'A stock change: from node to null = accumulation, from null to node = draw-down; may be negative',
    ),
    density: described(z.optional(quantitySchema), 'Density, to relate volume and mass (e.g. 1.05 t/m3)'),
    lhv: described(
      z.optional(quantitySchema),
      'Measured low heating value / energy content (kJ/kg, MJ/Nm3, GJ/t); overrides the GB/T 2589 coefficient',
    ),
    components: z.optional(z.record(nonEmpty(), componentSchema)),
    hazardous: described(
      z.optional(z.boolean()),
      'A waste flow (kind "waste") that is hazardous waste (危险废物); counted apart from other solid waste',
    ),
    carbon: z.optional(flowCarbonSchema),
    min: z.optional(z.number()),
    max: z.optional(z.number()),
    trusted: described(z.optional(z.boolean()), 'Pinned: reconciliation never names it a suspect'),
    exemption: described(z.optional(z.enum(EXEMPTIONS)), 'A metering exemption GB 17167 / GB 24789 allow'),
    use: described(
      z.optional(z.enum(WATER_USES)),
      'Water layer: the GB/T 12452 water use the flow belongs to. With kind "recycle" it is that use\'s circulated/reused water (Vcr, Vgr); with a new-water carrier its new water (Vcf make-up, Vgf). Tag each quantity once',
    ),
    meta,
  }),
  { id: 'Flow' },
);

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

export const meterSchema = withMeta(
  z.strictObject({
    id,
    name: z.optional(z.string()),
    nameEn: z.optional(z.string()),
    flows: z.array(id).check(z.minLength(1)),
    type: described(
      z.optional(z.enum(METER_TYPES)),
      'Instrument type (GB 17167 Table 4 rows); inferred from the carrier when absent',
    ),
    accuracyClass: described(z.optional(nonEmpty()), 'e.g. "0.5S", "1.0", "2.5"'),
    dn: described(z.optional(z.number().check(z.positive())), 'Nominal pipe size DN (mm), for water meters'),
    userClass: described(
      z.optional(z.enum(['I', 'II', 'III', 'IV', 'V'])),
      'Electricity user class (GB 17167 Table 4)',
    ),
    kva: described(
      z.optional(z.number().check(z.positive())),
      'Transformer capacity of the metered electricity user, kVA (GB 17167 Table 4 user class)',
    ),
    verifiedOn: z.optional(isoDate),
    verifiedUntil: z.optional(isoDate),
    status: z._default(z.enum(METER_STATUSES), 'in-service'),
    reading: z.optional(
      z.strictObject({
        kind: z.enum(READING_KINDS),
        unit: nonEmpty(),
        column: described(z.optional(z.string()), 'CSV column or meter id in readings files, when not the meter id'),
        rollover: described(z.optional(z.number().check(z.positive())), 'Totalizer maximum before it wraps to 0'),
        rateTimeUnit: z.optional(z.enum(['s', 'min', 'h', 'd'])),
        min: z.optional(z.number()),
        max: z.optional(z.number()),
      }),
    ),
    meta,
  }),
  { id: 'Meter' },
);

export const campaignSchema = withMeta(
  z.strictObject({
    start: isoDateTime,
    end: isoDateTime,
    normalProduction: z._default(z.boolean(), false),
    performedBy: z._default(z.enum(['none', 'enterprise', 'qualified-team']), 'none'),
    timezone: z.optional(z.string()),
    meta,
  }),
  { id: 'Campaign' },
);
