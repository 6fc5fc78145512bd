import { z } from 'zod/mini';
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
import { described, withMeta, meta, nonEmpty } from './schema-primitives.ts';
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

export const settingsSchema = withMeta(
  z.strictObject({
    tolerance: described(
      z.optional(
        z.strictObject({
          default: z.optional(z.number().check(z.positive())),
          layers: z.optional(z.record(z.string(), z.number().check(z.positive()))),
        }),
      ),
      'Closure tolerance in percent, default and per layer or component',
    ),
    masterSubTolerance: described(
      z.optional(
        z.union([
          z.number().check(z.positive()),
          z.strictObject({
            default: z.optional(z.number().check(z.positive())),
            carriers: z.optional(z.record(z.string(), z.number().check(z.positive()))),
          }),
        ]),
      ),
      'Master–sub meter tolerance, percent: one number for every carrier, or {default, carriers: {electricity: 3, water: 10}} (a layer name also keys)',
    ),
    electricityEqualValue: described(z.optional(z.number().check(z.positive())), 'kgce/kWh for 等价值 (equal value)'),
    periodHours: described(
      z.optional(z.number().check(z.positive())),
      'Balance period; defaults to the campaign duration',
    ),
    annualHours: described(z.optional(z.number().check(z.positive())), 'Operating hours per year for per-annum units'),
    displayUnits: described(
      z.optional(z.record(z.string(), z.string())),
      'Display unit per layer/component, e.g. {"S": "t"}',
    ),
    defaultRelativeSd: z.optional(z.record(z.enum(SOURCES), z.number().check(z.nonnegative()))),
    editions: described(z.optional(z.record(z.string(), z.string())), 'Rule-set editions by rule family'),
    vocs: described(
      z.optional(
        z.strictObject({
          layer: described(z.optional(nonEmpty()), 'Name of the VOCs component layer (default "VOCs")'),
          monitoringTolerancePct: described(
            z.optional(z.number().check(z.positive())),
            'Stack (or captured-stream) monitoring against the balance: allowed relative difference, percent (default 20)',
          ),
        }),
      ),
      'VOCs solvent balance (docs/vocs.md)',
    ),
    materialOtherRequired: described(
      z.optional(
        z.strictObject({
          level2: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
          level3: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
        }),
      ),
      'Yunnan Annex 2 ※ cells for "other" materials',
    ),
    meta,
  }),
  { id: 'Settings' },
);

export const modelSchema = withMeta(
  z.strictObject({
    $schema: z.optional(z.string()),
    name: nonEmpty(),
    nameEn: z.optional(z.string()),
    industry: z.optional(z.string()),
    nodes: z.array(nodeSchema).check(z.minLength(1)),
    flows: z.array(flowSchema),
    meters: z.optional(z.array(meterSchema)),
    campaign: z.optional(campaignSchema),
    production: described(z.optional(z.array(productSchema)), 'Products and their output over the period'),
    period: z.optional(periodSchema),
    stocks: described(z.optional(z.array(stockSchema)), 'Stocks whose levels carry over between periods'),
    periods: described(
      z.optional(z.array(periodEntrySchema)),
      'Monthly (or any) periods, each with its own figures (docs/periods.md)',
    ),
    proposals: described(z.optional(z.array(proposalSchema)), 'Cleaner-production proposals (方案)'),
    audit: z.optional(auditSchema),
    carbon: z.optional(carbonSchema),
    settings: z.optional(settingsSchema),
    meta,
  }),
  { id: 'Model', title: 'pingheng plant model' },
);

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
