/**
 * The model's public entry: the schema and its types, loading and validation with located issues,
 * layers, quantities, the plant graph, uncertainty, time. src/index.ts re-exports it whole; the CLI
 * imports it directly so a command loads only the domains it uses.
 */
export * from './schema.ts';
export * from './issues.ts';
export { assertFinite, firstNonFinite, NonFiniteResultError } from './finite.ts';
export { parseModel, loadModel, MAX_MODEL_BYTES, type LoadedModel } from './load.ts';
export { linesOfPaths } from './json-paths.ts';
export { MAX_JSON_BYTES, parseJsonText, type JsonText } from './json-file.ts';
export { validateModel } from './validate.ts';
export { validateResultsInputs } from './validate-results.ts';
export * from './layers.ts';
export * from './quantities.ts';
export * from './graph.ts';
export * from './uncertainty.ts';
export * from './time.ts';
export * from './vocs.ts';
export { inputBounds } from '../data/input-bounds.ts';
