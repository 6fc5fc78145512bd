import type { z } from 'zod/mini';
import { inputBounds } from '../data/input-bounds.ts';
import { issue, InputError, type InputIssue, type PathSegment } from './issues.ts';
import { linesOfPaths } from './json-locate.ts';
import { MAX_JSON_BYTES, parseJsonText } from './json-file.ts';
import { modelSchema, type Model } from './schema.ts';
import { PARSE_OPTIONS } from './schema-primitives.ts';
import { validateModel } from './validate.ts';

export interface LoadedModel {
  model: Model;
  /** Problems that do not make the model unusable. */
  warnings: InputIssue[];
}

/** A model file larger than this is refused before it is read into a string (a real plant's is < 1 MiB). */
export const MAX_MODEL_BYTES = MAX_JSON_BYTES;

/**
 * Parses and validates a model from JSON — text, or the file's bytes (UTF-8, UTF-16 or GB18030,
 * detected as src/text/encoding.ts says; a byte-order mark is dropped). Throws InputError listing
 * every problem — encoding, JSON syntax (line and column), duplicate keys, structure (zod), numbers
 * outside the computable range and meaning (validate.ts) — each with its path and, where it can be
 * found, its line in `file`. Never throws anything else for any input.
 *
 * @example
 * parseModel('{"name": "x",}', 'm.json') // => throws json.trailingComma
 * parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model.nodes[0].id // => 'plant'
 */
export function parseModel(input: string | Uint8Array, file = 'model.json'): LoadedModel {
  const { text, data, duplicates } = parseJsonText(input, file);
  let loaded: LoadedModel | undefined;
  let issues: InputIssue[];
  try {
    loaded = loadModel(data, file);
    issues = loaded.warnings;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    issues = e.issues;
  }
  const unlocated = issues.filter((i) => i.line === undefined);
  const lines = linesOfPaths(
    text,
    unlocated.map((i) => i.path),
  );
  unlocated.forEach((i, k) => {
    if (lines[k] !== undefined) i.line = lines[k];
  });
  if (loaded && duplicates.length === 0) return loaded;
  throw new InputError(file, [...duplicates, ...issues]);
}

/** How large models are parsed, when a Node entry point has installed it (parseLargeModelsWith). */
interface LargeModels {
  /** The model schema compiled. */
  schema: () => typeof modelSchema;
  /** The model with its bulk validated where it lies, or undefined to parse it with `schema` (for the issues). */
  inPlace?: (data: unknown) => Model | undefined;
  minFlows: number;
}
let largeModels: LargeModels | undefined;

/**
 * Parses models of at least `minFlows` flows with `inPlace` or, where it declines, `schema()` — the
 * same schema compiled (src/model/compiled-schema.ts) — in place of the ordinary parser, with the
 * ordinary parser's result and issues. Installed by the Node entry points; the web app, whose policy
 * forbids generated code, never calls it.
 */
export function parseLargeModelsWith(
  schema: () => typeof modelSchema,
  minFlows: number,
  inPlace?: (data: unknown) => Model | undefined,
): void {
  largeModels = { schema, minFlows, inPlace };
}

function parseData(data: unknown): ReturnType<typeof modelSchema.safeParse> {
  const flows = (data as { flows?: unknown } | null)?.flows;
  if (!largeModels || !Array.isArray(flows) || flows.length < largeModels.minFlows)
    return modelSchema.safeParse(data, PARSE_OPTIONS);
  const model = largeModels.inPlace?.(data);
  return model ? { success: true, data: model } : largeModels.schema().safeParse(data, PARSE_OPTIONS);
}

/**
 * Validates an already-parsed model object (see parseModel): structure, magnitudes, meaning.
 * Throws InputError with every problem; never anything else.
 *
 * @example
 * loadModel(JSON.parse(readFileSync('datasets/dyeing.json', 'utf8')), 'dyeing.json').model.name // => '示例针织印染厂（佛山）'
 * loadModel({ name: 'x' }, 'x.json') // => throws schema.required
 */
export function loadModel(data: unknown, file = 'model.json'): LoadedModel {
  const parsed = parseData(data);
  const magnitudes = outOfRange(data);
  if (!parsed.success) {
    const structural = parsed.error.issues.flatMap(fromZod);
    // Unknown keys alone leave a usable model: check its meaning too, so all problems come at once.
    const cleaned = withoutUnknownKeys(data, parsed.error.issues);
    const retry = cleaned === undefined ? undefined : modelSchema.safeParse(cleaned, PARSE_OPTIONS);
    throw new InputError(file, [...structural, ...magnitudes, ...(retry?.success ? validateModel(retry.data) : [])]);
  }
  const issues = [...magnitudes, ...validateModel(parsed.data)];
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new InputError(file, issues);
  return { model: parsed.data, warnings: issues };
}

/**
 * Every number of the model outside `meta` that is neither 0 nor of a magnitude in
 * [minMagnitude, maxMagnitude] (src/data/input-bounds.ts), and every "__proto__" key: one issue
 * each, at its path. Iterative, so deep nesting costs no stack.
 */
function outOfRange(data: unknown): InputIssue[] {
  const { minMagnitude: min, maxMagnitude: max } = inputBounds;
  const found: InputIssue[] = [];
  // paths as parent links, built into arrays only for a number reported (deep nesting stays linear)
  type At = { parent: At | undefined; key: PathSegment } | undefined;
  const pathOf = (at: At): PathSegment[] => {
    const path: PathSegment[] = [];
    for (let a = at; a; a = a.parent) path.push(a.key);
    return path.reverse();
  };
  const stack: { value: unknown; at: At }[] = [{ value: data, at: undefined }];
  while (stack.length > 0) {
    const { value, at } = stack.pop()!;
    if (typeof value === 'number') {
      const a = Math.abs(value);
      if (!Number.isFinite(a)) continue; // 1e400 read as Infinity: the schema reports it
      if (!(a === 0 || (a >= min && a <= max)))
        found.push(
          issue(pathOf(at), a > max ? 'number.tooLarge' : 'number.tooSmall', {
            value: String(value).replace('e+', 'e'),
            min: min.toExponential(),
            max: max.toExponential().replace('e+', 'e'),
          }),
        );
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], at: { parent: at, key: i } });
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        // JSON.parse keeps "__proto__" as a key, but a record built from it would set the prototype instead
        if (key === '__proto__') found.push(issue(pathOf({ parent: at, key }), 'json.protoKey'));
        else if (key !== 'meta')
          stack.push({ value: (value as Record<string, unknown>)[key], at: { parent: at, key } });
      }
    }
  }
  return found;
}

/** Maps a zod issue onto the catalogue's codes. */
export function fromZod(z: z.core.$ZodIssue): InputIssue[] {
  const path = z.path.filter((p): p is PathSegment => typeof p !== 'symbol');
  switch (z.code) {
    case 'invalid_type': {
      const received = /received (\w+)/.exec(z.message)?.[1] ?? 'other';
      if (received === 'undefined') return [issue(path, 'schema.required', { expected: z.expected })];
      if (received === 'Infinity' || received === 'NaN') return [issue(path, 'number.notFinite')];
      return [issue(path, 'schema.type', { expected: z.expected, received })];
    }
    case 'unrecognized_keys':
      return z.keys.map((key) => issue([...path, key], 'schema.unknownKey', { key }));
    case 'invalid_value':
      return [issue(path, 'schema.enum', { options: z.values.map((v) => JSON.stringify(v)).join(', ') })];
    case 'too_small':
      if (z.origin === 'number')
        return [issue(path, z.inclusive ? 'schema.atLeast' : 'schema.positive', { minimum: Number(z.minimum) })];
      if (z.origin === 'string' || z.origin === 'array') return [issue(path, `schema.empty.${z.origin}`)];
      return [issue(path, 'schema.other', { detail: z.message })];
    case 'too_big':
      if (z.origin === 'number') return [issue(path, 'schema.atMost', { maximum: Number(z.maximum) })];
      return [issue(path, 'schema.other', { detail: z.message })];
    default:
      return [issue(path, 'schema.other', { detail: z.message })];
  }
}

/** A copy of `data` without the unknown keys zod reported (only the objects on their paths are copied), or undefined if other problems exist. */
function withoutUnknownKeys(data: unknown, issues: z.core.$ZodIssue[]): unknown {
  if (issues.some((i) => i.code !== 'unrecognized_keys')) return undefined;
  const copied = new Set<unknown>();
  const copy = (v: unknown): unknown => {
    const c = Array.isArray(v) ? [...v] : { ...(v as object) };
    copied.add(c);
    return c;
  };
  const root = copy(data);
  for (const i of issues) {
    if (i.code !== 'unrecognized_keys') continue;
    let target = root as Record<PropertyKey, unknown>;
    for (const seg of i.path) {
      let next = target[seg as PropertyKey];
      if (!copied.has(next)) {
        next = copy(next);
        target[seg as PropertyKey] = next;
      }
      target = next as Record<PropertyKey, unknown>;
    }
    for (const key of i.keys) delete target[key];
  }
  return root;
}
