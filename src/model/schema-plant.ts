import { z } from 'zod';
import { CAPTURE_METHODS } from '../data/guangdong-vocs-2023.ts';
import { TREATMENT_TECHNOLOGIES } from '../data/vocs-practice.ts';
import { LEVELS } from '../data/gb17167-2006.ts';
import { id, isoDate, isoDateTime, meta } from './schema-primitives.ts';

/** The plant's part of the model schema (schema.ts): nodes, flows and their components, meters, the campaign. */

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

export const meterSchema = z
  .strictObject({
    id,
    name: z.string().optional(),
    nameEn: z.string().optional(),
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
