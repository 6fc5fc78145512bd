import { z } from 'zod/mini';
import { parseLargeModelsWith } from './load.ts';
import { modelSchema } from './schema.ts';

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
  parseLargeModelsWith(compiledModelSchema, COMPILED_PARSE_MIN_FLOWS);
}
