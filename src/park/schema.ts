import { z } from 'zod/mini';
import { settingsSchema } from '../model/schema.ts';
import { described, withMeta, nonEmpty } from '../model/schema-primitives.ts';

/**
 * A park (园区) or enterprise cluster: member models (files) and the flows between them — steam
 * from a park CHP, water from a shared works, wastewater to a shared treatment plant, by-products
 * to a neighbour (docs/park.md). The single source of truth for PARK.json, as schema.ts is for a model.
 */

const id = z.string().check(z.minLength(1), z.regex(/^[^\s/@]+$/, 'ids have no spaces, slashes or @'));
const meta = z.optional(z.record(z.string(), z.unknown()));

/** One end of a link: a boundary flow of a member model, or a node (then the park adds an unmeasured flow). */
export const linkEndSchema = withMeta(
  z.strictObject({
    member: id,
    flow: described(z.optional(id), "The member's flow that leaves (supplier) or enters (receiver) its boundary"),
    node: described(
      z.optional(id),
      'A node of the member, when the member does not model the flow (an unmeasured one is added)',
    ),
  }),
  { id: 'LinkEnd' },
);

export const linkSchema = withMeta(
  z.strictObject({
    id,
    name: z.optional(z.string()),
    nameEn: z.optional(z.string()),
    from: described(z.array(linkEndSchema).check(z.minLength(1)), "Supplier side: each a member's flow to outside"),
    to: described(z.array(linkEndSchema).check(z.minLength(1)), "Receiver side: each a member's flow from outside"),
    master: described(
      z.optional(z.enum(['from', 'to'])),
      "Whose meter is the master (custody) meter: the supplier's (default) or the receivers'",
    ),
    tolerancePct: described(
      z.optional(z.number().check(z.positive())),
      'Allowed difference of the two sides, percent of the master (default: masterSubTolerance)',
    ),
    meta,
  }),
  { id: 'Link' },
);

export const periodSelectionSchema = z.union([nonEmpty(), z.strictObject({ from: z.string(), to: z.string() })]);

export const memberSchema = withMeta(
  z.strictObject({
    id,
    name: described(z.optional(z.string()), "Default: the model's name"),
    nameEn: z.optional(z.string()),
    model: described(nonEmpty(), 'Model file, relative to the park file'),
    period: described(
      z.optional(periodSelectionSchema),
      'For a multi-period model: the period or run to use ("2025-01" or {from, to})',
    ),
    before: described(z.optional(nonEmpty()), 'Model file of the state before the audit (savings)'),
    after: described(z.optional(nonEmpty()), 'Model file of the state after the audit (savings)'),
    shared: described(z.optional(z.boolean()), 'A shared park facility (treatment plant, CHP, works)'),
    meta,
  }),
  { id: 'Member' },
);

export const parkSchema = withMeta(
  z.strictObject({
    $schema: z.optional(z.string()),
    name: nonEmpty(),
    nameEn: z.optional(z.string()),
    members: z.array(memberSchema).check(z.minLength(1)),
    links: z.optional(z.array(linkSchema)),
    settings: z.optional(settingsSchema),
    meta,
  }),
  { id: 'Park', title: 'pingheng park (members and the flows between them)' },
);

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
