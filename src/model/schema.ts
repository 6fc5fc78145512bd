import { z } from 'zod';
import { LEVELS, type Level } from '../data/gb17167-2006.ts';
import { CAPTURE_METHODS } from '../data/guangdong-vocs-2023.ts';
import { TREATMENT_TECHNOLOGIES } from '../data/vocs-practice.ts';

import {
  auditSchema,
  type carbonFactorSchema,
  carbonSchema,
  periodEntrySchema,
  periodSchema,
  type periodValueSchema,
  type priceSchema,
  productSchema,
  proposalSchema,
  stockSchema,
} from './schema-audit.ts';
import {
  campaignSchema,
  type componentSchema,
  type efficiencySchema,
  flowSchema,
  meterSchema,
  nodeSchema,
  type nodeVocsSchema,
  SOURCES,
} from './schema-plant.ts';
import { meta } from './schema-primitives.ts';
export * from './schema-plant.ts';
export * from './schema-audit.ts';

/**
 * The plant model (shared/DESIGN.md contract) — the single source of truth: TypeScript types are
 * inferred from it, `pingheng schema` prints the JSON Schema generated from it, and structural
 * error paths come from it. Objects are strict so a misspelt key (`vlaue`) is an error, not a
 * silently missing number; every object takes a free `meta` for whatever a plant wants to keep.
 *
 * Its parts: the building blocks (schema-primitives.ts), the plant (schema-plant.ts: nodes, flows,
 * meters, the campaign), the audit (schema-audit.ts: products, periods, proposals, prices, carbon,
 * stocks); here the settings, the model itself and the inferred types. Importers use this module.
 */

export { CAPTURE_METHODS, LEVELS, TREATMENT_TECHNOLOGIES, type Level };

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
