import { z } from 'zod';
import { settingsSchema } from '../model/schema.ts';

/**
 * A park (园区) or enterprise cluster: member models (files) and the flows between them — steam
 * from a park CHP, water from a shared works, wastewater to a shared treatment plant, by-products
 * to a neighbour (docs/park.md). The single source of truth for PARK.json, as schema.ts is for a model.
 */

const id = z
  .string()
  .min(1)
  .regex(/^[^\s/@]+$/, 'ids have no spaces, slashes or @');
const meta = z.record(z.string(), z.unknown()).optional();

/** One end of a link: a boundary flow of a member model, or a node (then the park adds an unmeasured flow). */
export const linkEndSchema = z
  .strictObject({
    member: id,
    flow: id
      .optional()
      .meta({ description: "The member's flow that leaves (supplier) or enters (receiver) its boundary" }),
    node: id.optional().meta({
      description: 'A node of the member, when the member does not model the flow (an unmeasured one is added)',
    }),
  })
  .meta({ id: 'LinkEnd' });

export const linkSchema = z
  .strictObject({
    id,
    name: z.string().optional(),
    nameEn: z.string().optional(),
    from: z.array(linkEndSchema).min(1).meta({ description: "Supplier side: each a member's flow to outside" }),
    to: z.array(linkEndSchema).min(1).meta({ description: "Receiver side: each a member's flow from outside" }),
    master: z
      .enum(['from', 'to'])
      .optional()
      .meta({ description: "Whose meter is the master (custody) meter: the supplier's (default) or the receivers'" }),
    tolerancePct: z.number().positive().optional().meta({
      description: 'Allowed difference of the two sides, percent of the master (default: masterSubTolerance)',
    }),
    meta,
  })
  .meta({ id: 'Link' });

export const periodSelectionSchema = z.union([z.string().min(1), z.strictObject({ from: z.string(), to: z.string() })]);

export const memberSchema = z
  .strictObject({
    id,
    name: z.string().optional().meta({ description: "Default: the model's name" }),
    nameEn: z.string().optional(),
    model: z.string().min(1).meta({ description: 'Model file, relative to the park file' }),
    period: periodSelectionSchema
      .optional()
      .meta({ description: 'For a multi-period model: the period or run to use ("2025-01" or {from, to})' }),
    before: z.string().min(1).optional().meta({ description: 'Model file of the state before the audit (savings)' }),
    after: z.string().min(1).optional().meta({ description: 'Model file of the state after the audit (savings)' }),
    shared: z.boolean().optional().meta({ description: 'A shared park facility (treatment plant, CHP, works)' }),
    meta,
  })
  .meta({ id: 'Member' });

export const parkSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1),
    nameEn: z.string().optional(),
    members: z.array(memberSchema).min(1),
    links: z.array(linkSchema).optional(),
    settings: settingsSchema.optional(),
    meta,
  })
  .meta({ id: 'Park', title: 'pingheng park (members and the flows between them)' });

export type Park = z.infer<typeof parkSchema>;
export type ParkMember = z.infer<typeof memberSchema>;
export type ParkLink = z.infer<typeof linkSchema>;
export type LinkEnd = z.infer<typeof linkEndSchema>;
export type ParkInput = z.input<typeof parkSchema>;

/**
 * The JSON Schema of PARK.json (draft 2020-12), generated from the zod schema.
 *
 * @example
 * parkJsonSchema().$schema // => 'https://json-schema.org/draft/2020-12/schema'
 */
export function parkJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(parkSchema, { io: 'input' }) as Record<string, unknown>;
}
