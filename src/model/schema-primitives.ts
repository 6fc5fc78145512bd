import { z } from 'zod';

/** The building blocks every part of the model schema uses (schema.ts). */

export const id = z
  .string()
  .min(1)
  .regex(/^[^\s]+$/, 'ids have no spaces')
  .meta({ description: 'Identifier, unique within its kind' });

export const meta = z
  .record(z.string(), z.unknown())
  .optional()
  .meta({ description: 'Free-form notes, ignored by the engine' });

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');
export const isoDateTime = z.iso.datetime({ offset: true, local: true });
