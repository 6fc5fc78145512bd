import { describe, expect, it } from 'vitest';
import { buildGraph, loadModel, reconcileModel } from '../../src/index.ts';
import { reconcileBounded } from '../../src/reconcile/bounds.ts';
import { reconcileLinear } from '../../src/reconcile/linear.ts';
import type { FlowNetwork } from '../../src/reconcile/network.ts';

/**
 * Ill-conditioned layers the generated plants of issue #18 found (test/reliability/): σ spanning
 * 10⁷ and more in one layer. Each case is one they produced, reduced to its numbers.
 */

/** Σ in − Σ out of every node, and the largest flow. */
function imbalance(net: FlowNetwork, x: Float64Array): { worst: number; scale: number } {
  const sum = new Float64Array(net.nodeCount);
  let scale = 0;
  for (let j = 0; j < x.length; j++) {
    if (net.to[j]! >= 0) sum[net.to[j]!]! += x[j]!;
    if (net.from[j]! >= 0) sum[net.from[j]!]! -= x[j]!;
    scale = Math.max(scale, Math.abs(x[j]!));
  }
  return { worst: Math.max(...sum.map(Math.abs)), scale };
}

describe('reconciliation where σ spans many orders', () => {
  it('closes the balances when a 0.2S meter (σ 0.004 t) shares them with an estimate (σ 29 000 t)', () => {
    // P0: F0 + F2 = F1; U1: F1 + F3 = 0 with F2, F3 held at 0 — so F0 = F1 = 0. Without refinement the
    // normal equations lost σ0² = 1.5e-5 beside σ1² = 8.6e8 and left both balances open by 0.01 t.
    const network = { nodeCount: 2, from: Int32Array.from([-1, 0, -1, -1]), to: Int32Array.from([0, 1, 0, 1]) };
    const r = reconcileLinear({
      network,
      measured: Float64Array.from([3.7915, 195290.64, 409.608, 5.193]),
      sd: Float64Array.from([0.0038688775510204083, 29293.596, 61.4412, 0.77895]),
      fixed: Float64Array.from([Number.NaN, Number.NaN, 0, 0]),
    });
    const { worst } = imbalance(network, r.reconciled);
    // 1e-9 of the largest measurement (195 290 t)
    expect(worst).toBeLessThan(1e-9 * 195290.64);
    expect(Math.abs(r.reconciled[0]!)).toBeLessThan(1e-6);
  });

  it('a bound whose multiplier is round-off does not make the active set cycle; the values close the balances', () => {
    // a COD layer: every flow forced to zero (node 1 has only F16 in), σ from 5.9e-7 to 328
    const network = {
      nodeCount: 4,
      from: Int32Array.from([-1, 3, 2, 0, -1]),
      to: Int32Array.from([3, 1, -1, 3, 0]),
    };
    const r = reconcileBounded({
      network,
      measured: Float64Array.from([50.9118, 2175.4403160504653, 1.0488, 54.92782535003977, 0.000011587225203937448]),
      sd: Float64Array.from([
        2.5759496715774555, 328.06796104774224, 0.1658298404992298, 2.7502524390270415, 5.941735639110813e-7,
      ]),
      lower: new Float64Array(5),
      upper: new Float64Array(5).fill(Number.POSITIVE_INFINITY),
    });
    const { worst } = imbalance(network, r.reconciled);
    expect(worst).toBeLessThan(1e-9 * 2175.44);
    // every flow ≥ 0 to the bound tolerance (1e-9 of the largest measurement)
    for (const x of r.reconciled) expect(x).toBeGreaterThan(-1e-9 * 2175.44);
  });

  it("a layer refinement cannot close with the meters' own σ is solved again with a variance floor, and says so", () => {
    // water over a 30-day campaign: 2 732 t/h (σ 324 t/h, 2.2e5 t) beside 0.84 t at class 2.5 (σ 0.011 t):
    // σ² spans 10¹⁵; the normal equations leave the balances open until the smallest are floored
    const model = loadModel({
      name: 'x',
      nodes: [
        { id: 'P0', name: 'P', level: 1 },
        { id: 'U1', name: 'U1', level: 2, parent: 'P0' },
        { id: 'D1_1', name: 'D', level: 3, parent: 'U1' },
        { id: 'U2', name: 'U2', level: 2, parent: 'P0' },
        { id: 'D2_1', name: 'D', level: 3, parent: 'U2' },
      ],
      flows: [
        { id: 'F0', from: null, to: 'U2', layer: 'water', unit: 'm3/d', value: 23.054, sd: 1.06, meter: 'M0' },
        { id: 'F1', from: 'P0', to: null, layer: 'water', unit: 'kg', value: 1683.09, sd: 97.9, meter: 'M1' },
        { id: 'F2', from: 'U2', to: 'D1_1', layer: 'water', unit: 'kg', value: 840, source: 'design', meter: 'M2' },
        { id: 'F3', from: 'D2_1', to: 'U2', layer: 'water', unit: 'kg', source: 'unmeasured', trusted: true },
        { id: 'F4', from: 'P0', to: 'U2', layer: 'water', unit: 'm3', value: 320 },
        { id: 'F5', from: 'U1', to: 'D2_1', layer: 'water', unit: 'm3', value: 3510, sd: 352 },
        { id: 'F6', from: 'P0', to: 'D1_1', layer: 'water', unit: 'm3', value: 10.273 },
        { id: 'F7', from: null, to: 'P0', layer: 'water', unit: 'kg', value: 2138, meter: 'M3' },
        { id: 'F8', from: 'D2_1', to: 'U2', layer: 'water', unit: 't/h', value: 2732.54, sd: 324, meter: 'M4' },
        { id: 'F9', from: null, to: 'U1', layer: 'water', unit: 'kg', value: 74.401, source: 'monitored' },
        { id: 'F10', from: null, to: 'U2', layer: 'water', unit: 't/h', value: 3.8329 },
        { id: 'F11', from: 'U2', to: 'D1_1', layer: 'water', unit: 't', source: 'unmeasured' },
      ],
      meters: [
        { id: 'M0', flows: ['F0'], accuracyClass: '0.5' },
        { id: 'M1', flows: ['F1'], accuracyClass: '2.5' },
        { id: 'M2', flows: ['F2'], accuracyClass: '2.5' },
        { id: 'M3', flows: ['F7'], accuracyClass: '1.0' },
        { id: 'M4', flows: ['F8'], accuracyClass: '0.5' },
      ],
      campaign: { start: '2026-03-01T00:00:00+08:00', end: '2026-03-31T00:00:00+08:00' },
    }).model;
    const graph = buildGraph(model);
    const water = reconcileModel(graph).layers[0]!;
    expect(water.solver.varianceFloor).toBe(1e-12);
    // and the balances close: Σ in − Σ out of every node, in t, to 1e-9 of the largest flow
    const factor = new Map(graph.flows.map((f) => [f.id, f.factor]));
    const sum = new Map<string, number>();
    let scale = 0;
    for (const f of water.flows) {
      const x = f.reconciled! * factor.get(f.id)!;
      scale = Math.max(scale, Math.abs(x), Math.abs((f.measured ?? 0) * factor.get(f.id)!));
      if (f.to) sum.set(f.to, (sum.get(f.to) ?? 0) + x);
      if (f.from) sum.set(f.from, (sum.get(f.from) ?? 0) - x);
    }
    for (const v of sum.values()) expect(Math.abs(v)).toBeLessThan(1e-9 * scale);
  });
});
