import { z } from 'zod/mini';
import { parseLargeModelsWith } from './load.ts';
import { type Model, modelSchema } from './schema.ts';
import { PARSE_OPTIONS } from './schema-primitives.ts';

/**
 * zod's compiled parser of the model schema (`z.compile`): generated code that parses a valid model
 * and hands an invalid one to the ordinary parser, so its result and issues are the ordinary
 * parser's. On the 100 000-flow benchmark model it takes ~0.1 s where the ordinary parser of zod/mini
 * takes ~0.45 s; building it costs ~30 ms, so only large models use it (COMPILED_PARSE_MIN_FLOWS).
 *
 * Node only: the Node entry points install it (src/node.ts, src/cli/io.ts). The web app leaves it
 * out — its content security policy forbids generated code, and the compiler would add to the JS
 * loaded before the first diagram (docs/web.md).
 */
let compiled: typeof modelSchema | undefined;
export const compiledModelSchema = (): typeof modelSchema => (compiled ??= z.compile(modelSchema));

/**
 * The size from which the compiled parser pays for its ~30 ms build: the ordinary parser takes
 * ~4.5 µs a flow, the compiled one ~1 µs (measured on datasets/dyeing.json and the 100 000-flow
 * model of bench/reconcile-scale.ts; docs/benchmarks.md).
 */
export const COMPILED_PARSE_MIN_FLOWS = 10_000;

/**
 * Schema kinds whose parse returns a valid value as it is (deep-equal): a strict or loose object
 * (not a stripping one), arrays, records, unions, optional and nullable without a default, scalars.
 * Anything else — a default, a transform, a pipe, a catch, a frozen `readonly` — may change it.
 */
const KEEPS_VALUE = new Set([
  'string',
  'number',
  'boolean',
  'null',
  'literal',
  'enum',
  'unknown',
  'any',
  'never',
  'optional',
  'nullable',
  'array',
  'object',
  'record',
  'union',
]);

/**
 * Whether parsing with `schema` can return something other than a valid input itself (as a copy):
 * then its values must come from the parse, not from the input.
 *
 * @example
 * import { z } from 'zod/mini';
 * [parseChangesValue(z.strictObject({ a: z.optional(z.number()) })), parseChangesValue(z.object({ a: z.number() })), parseChangesValue(z._default(z.number(), 1))] // => [false, true, true]
 */
export function parseChangesValue(schema: z.core.$ZodType): boolean {
  const seen = new Set<z.core.$ZodType>();
  const stack = [schema];
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
    if (!KEEPS_VALUE.has(def.type)) return true;
    // an object without a catchall strips unknown keys: its output is not its input
    if (def.type === 'object' && def.catchall === undefined) return true;
    const children = [
      def.shape && Object.values(def.shape as object),
      def.element,
      def.innerType,
      def.options,
      def.keyType,
      def.valueType,
      def.catchall,
    ];
    for (const c of children.flat()) if (c) stack.push(c as z.core.$ZodType);
  }
  return false;
}

/** The compiled validators of the flows and the nodes, and the schema of the rest; null when a parse could change them. */
let inPlaceParts: { flows: z.core.$ZodType; nodes: z.core.$ZodType; rest: z.core.$ZodType } | null | undefined;

/**
 * A large model parsed with its flows and nodes — nearly all of it — validated where they lie by
 * zod's compiled validator rather than copied by its parser: their parse would return deep-equal
 * copies (parseChangesValue), so the model holds the input's own arrays; the rest (meters with their
 * defaults, settings …) is parsed as usual. On the 100 000-flow benchmark model this saves the copy of
 * 133 000 objects and its garbage collection. The model and `data` then share those arrays: both are
 * read-only to pingheng, which never changes a model in place. Undefined when anything is invalid: the
 * caller parses the model again for its issues.
 */
export function parseInPlace(data: unknown): Model | undefined {
  if (inPlaceParts === undefined) {
    const { flows, nodes } = modelSchema.def.shape;
    inPlaceParts =
      parseChangesValue(flows) || parseChangesValue(nodes)
        ? null
        : { flows: z.compile(flows), nodes: z.compile(nodes), rest: z.omit(modelSchema, { flows: true, nodes: true }) };
  }
  if (inPlaceParts === null || data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const { flows, nodes, ...rest } = data as Record<string, unknown>;
  if (!z.validate(inPlaceParts.nodes, nodes) || !z.validate(inPlaceParts.flows, flows)) return undefined;
  const others = z.safeParse(inPlaceParts.rest, rest, PARSE_OPTIONS);
  return others.success ? ({ ...(others.data as object), nodes, flows } as Model) : undefined;
}

/**
 * Large models are parsed with the compiled parser from now on (what the Node entry points call;
 * importing `pingheng/node` does it). The result is the ordinary parser's.
 *
 * @example
 * useCompiledParser();
 * const flows = Array.from({ length: 10000 }, (_, i) => ({ id: `f${i}`, from: null, to: 'p', layer: 'water', value: 1, unit: 't' }));
 * const big = { name: 'big', nodes: [{ id: 'p', name: 'p', level: 1 }, { id: 'q', name: 'q', level: 1 }], flows: [...flows, { id: 'out', from: 'p', to: null, layer: 'water', value: 10000, unit: 't' }] };
 * parseModel(JSON.stringify(big), 'big.json').model.flows.length // => 10001
 */
export function useCompiledParser(): void {
  parseLargeModelsWith(compiledModelSchema, COMPILED_PARSE_MIN_FLOWS, parseInPlace);
}
