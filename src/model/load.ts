import type { z } from 'zod';
import { issue, InputError, type InputIssue, type PathSegment } from './issues.ts';
import { lineAt, lineOfPath, syntaxErrorOffset } from './json-locate.ts';
import { modelSchema, type Model } from './schema.ts';
import { validateModel } from './validate.ts';

export interface LoadedModel {
  model: Model;
  /** Problems that do not make the model unusable. */
  warnings: InputIssue[];
}

/**
 * Parses and validates a model from JSON text. Throws InputError listing every problem —
 * JSON syntax (with line), structure (zod) and meaning (validate.ts) — each with its path
 * and, where it can be found, its line in `file`.
 */
export function parseModel(text: string, file = 'model.json'): LoadedModel {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const detail = (e as Error).message;
    const found = issue([], 'json.syntax', { detail });
    const at = syntaxErrorOffset(text);
    if (at !== undefined) found.line = lineAt(text, at);
    throw new InputError(file, [found]);
  }
  try {
    return loadModel(data, file);
  } catch (e) {
    if (e instanceof InputError) {
      for (const i of e.issues) i.line ??= nearestLine(text, i.path);
    }
    throw e;
  }
}

/** Validates an already-parsed model object; see parseModel. */
export function loadModel(data: unknown, file = 'model.json'): LoadedModel {
  const parsed = modelSchema.safeParse(data);
  if (!parsed.success) {
    const structural = parsed.error.issues.flatMap(fromZod);
    // Unknown keys alone leave a usable model: check its meaning too, so all problems come at once.
    const cleaned = withoutUnknownKeys(data, parsed.error.issues);
    const retry = cleaned === undefined ? undefined : modelSchema.safeParse(cleaned);
    throw new InputError(file, retry?.success ? [...structural, ...validateModel(retry.data)] : structural);
  }
  const issues = validateModel(parsed.data);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new InputError(file, issues);
  return { model: parsed.data, warnings: issues };
}

/** Maps a zod issue onto the catalogue's codes. */
function fromZod(z: z.core.$ZodIssue): InputIssue[] {
  const path = z.path.filter((p): p is PathSegment => typeof p !== 'symbol');
  switch (z.code) {
    case 'invalid_type': {
      const received = /received (\w+)/.exec(z.message)?.[1] ?? 'other';
      if (received === 'undefined') return [issue(path, 'schema.required', { expected: z.expected })];
      return [issue(path, 'schema.type', { expected: z.expected, received })];
    }
    case 'unrecognized_keys':
      return z.keys.map((key) => issue([...path, key], 'schema.unknownKey', { key }));
    case 'invalid_value':
      return [issue(path, 'schema.enum', { options: z.values.map((v) => JSON.stringify(v)).join(', ') })];
    case 'invalid_union':
      return [issue(path, 'schema.other', { detail: z.message })];
    default:
      return [issue(path, 'schema.other', { detail: z.message })];
  }
}

/** A copy of `data` without the unknown keys zod reported, or undefined if other problems exist. */
function withoutUnknownKeys(data: unknown, issues: z.core.$ZodIssue[]): unknown {
  if (issues.some((i) => i.code !== 'unrecognized_keys')) return undefined;
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const i of issues) {
    if (i.code !== 'unrecognized_keys') continue;
    let target: unknown = copy;
    for (const seg of i.path) target = (target as Record<PropertyKey, unknown>)[seg as PropertyKey];
    for (const key of i.keys) delete (target as Record<string, unknown>)[key];
  }
  return copy;
}

/** Line of the path, or of its nearest ancestor present in the text (a missing key: its object). */
export function nearestLine(text: string, path: readonly PathSegment[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const line = lineOfPath(text, path.slice(0, n));
    if (line !== undefined) return line;
  }
  return undefined;
}
