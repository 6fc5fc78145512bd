import { z } from 'zod/mini';

/**
 * The building blocks every part of the model schema uses (schema.ts).
 *
 * The schemas are written with zod/mini, zod's functional API (`z.optional(s)`, `s.check(z.minLength(1))`)
 * rather than its methods (`s.optional().min(1)`): the same schemas, types, JSON Schema and issues, but
 * the bundler keeps only the parts used, which takes ~15 KB gzip off the JS the web app loads before its
 * first diagram (docs/web.md, "Why zod/mini").
 */

/**
 * A copy of `schema` with `metadata` (an id, a description) for the JSON Schema, registered in zod's
 * global registry: what the method API's `schema.meta(metadata)` does. Not `schema.check(z.meta(…))`,
 * which would keep the metadata as a check that `z.extend` copies along with the id.
 */
export function withMeta<T extends z.ZodMiniType>(schema: T, metadata: z.core.GlobalMeta): T {
  const copy = schema.clone() as T;
  z.globalRegistry.add(copy, metadata);
  return copy;
}

/** `schema` with a description for the JSON Schema. */
export const described = <T extends z.ZodMiniType>(schema: T, description: string): T =>
  withMeta(schema, { description });

/** A string of at least one character. */
export const nonEmpty = () => z.string().check(z.minLength(1));

export const id = described(
  z.string().check(z.minLength(1), z.regex(/^[^\s]+$/, 'ids have no spaces')),
  'Identifier, unique within its kind',
);

export const meta = described(z.optional(z.record(z.string(), z.unknown())), 'Free-form notes, ignored by the engine');

export const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD'));
export const isoDateTime = z.iso.datetime({ offset: true, local: true });

/**
 * Options for every parse of the model and park schemas: English issue messages, which zod's method
 * API sets by default and zod/mini leaves to the caller. fromZod (load.ts) reads the received type of
 * a wrong-typed value from them, and a `schema.other` issue shows the message itself. Passed to each
 * parse rather than set globally, so a program embedding the core keeps its own zod locale.
 */
export const PARSE_OPTIONS = { error: z.locales.en().localeError };
