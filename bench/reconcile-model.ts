/**
 * Model files for the end-to-end reconciliation benchmark (bench/reconcile-scale.ts): a generated
 * network (bench/reconcile-network.ts) as a plant model — one level-1 node per network node, one
 * water flow per stream in t, measured ones with a value and an absolute σ, unmeasured ones with
 * neither — so `pingheng reconcile FILE` and bench/reconcile_scipy_model.py read the same file.
 */
import { writeFileSync } from 'node:fs';
import type { PlantNetwork } from './reconcile-network.ts';

export function writeModel(file: string, net: PlantNetwork, measured: Float64Array, sd: Float64Array): void {
  const nodes = Array.from({ length: net.nodeCount }, (_, v) => ({ id: `n${v}`, name: `单元${v}`, level: 1 }));
  const flows = Array.from(net.from, (a, j) => {
    const b = net.to[j]!;
    const flow: Record<string, unknown> = {
      id: `f${j}`,
      from: a < 0 ? null : `n${a}`,
      to: b < 0 ? null : `n${b}`,
      layer: 'water',
      unit: 't',
    };
    if (Number.isNaN(measured[j]!)) flow.source = 'unmeasured';
    else {
      flow.value = measured[j];
      flow.sd = sd[j];
    }
    return flow;
  });
  writeFileSync(file, JSON.stringify({ name: `generated ${net.from.length} streams`, nodes, flows }));
}
