import assert from 'node:assert/strict';
import { buildGraph, checkModel, loadModel, type ModelInput } from '../../src/index.ts';

/** Loads a model object (throws on invalid input) and checks it. */
export function check(model: ModelInput) {
  const { model: m } = loadModel(model, 'test.json');
  return checkModel(buildGraph(m));
}

export function balanceOf(result: ReturnType<typeof check>, node: string, layer: string) {
  const b = result.balances.find((x) => x.node === node && x.layer === layer);
  assert.ok(b, `no ${layer} balance for ${node}`);
  return b;
}
