import { describe, expect, it } from 'vitest';
import { FlowStatus, reconcileLinear } from '../../src/reconcile/linear.ts';
import { reconcileBounded } from '../../src/reconcile/bounds.ts';
import type { FlowNetwork } from '../../src/reconcile/network.ts';

const NaN_ = Number.NaN;
const net = (nodeCount: number, edges: [number, number][]): FlowNetwork => ({
  nodeCount,
  from: Int32Array.from(edges, (e) => e[0]),
  to: Int32Array.from(edges, (e) => e[1]),
});

describe('unmeasured flows and redundancy', () => {
  // A(0): F1 in from outside (100±1), F2 → B (60±1), F3 out unmeasured; B(1): F4 out (58±1).
  const n = net(2, [
    [-1, 0],
    [0, 1],
    [0, -1],
    [1, -1],
  ]);
  const r = reconcileLinear({
    network: n,
    measured: Float64Array.from([100, 60, NaN_, 58]),
    sd: Float64Array.from([1, 1, 0, 1]),
  });

  it('merges A with the outside through F3: F1 is not redundant, F2/F4 are', () => {
    expect([...r.status]).toEqual([
      FlowStatus.nonRedundant,
      FlowStatus.redundant,
      FlowStatus.estimated,
      FlowStatus.redundant,
    ]);
    expect(r.dof).toBe(1);
    expect(r.reconciled[0]).toBe(100);
    expect(r.reconciledSd[0]).toBe(1);
    expect(r.z[0]).toBeNaN();
  });
  it('averages F2 and F4 (equal σ) and tests them: z = 1/√0.5', () => {
    expect(r.reconciled[1]).toBeCloseTo(59, 12);
    expect(r.reconciled[3]).toBeCloseTo(59, 12);
    // Var(x̂) = σ² − σ⁴/(2σ²) = 0.5; adjustment 1 with σ_a = √0.5.
    expect(r.reconciledSd[1]).toBeCloseTo(Math.sqrt(0.5), 12);
    expect(r.z[1]).toBeCloseTo(1 / Math.sqrt(0.5), 12);
    expect(r.z[3]).toBeCloseTo(-1 / Math.sqrt(0.5), 12);
    expect(r.chi2).toBeCloseTo(2, 12);
  });
  it('estimates F3 = F1 − F2 = 41 with σ = √(1 + 0.5)', () => {
    expect(r.reconciled[2]).toBeCloseTo(41, 12);
    expect(r.reconciledSd[2]).toBeCloseTo(Math.sqrt(1.5), 12);
  });

  it('two parallel unmeasured flows are unobservable (no value invented); the merged balance still checks F1 vs F3', () => {
    // A(0) → B(1) twice unmeasured; F1 into A (10±1); F4 out of B (12±1).
    const r2 = reconcileLinear({
      network: net(2, [
        [-1, 0],
        [0, 1],
        [0, 1],
        [1, -1],
      ]),
      measured: Float64Array.from([10, NaN_, NaN_, 12]),
      sd: Float64Array.from([1, 0, 0, 1]),
    });
    expect([...r2.status]).toEqual([
      FlowStatus.redundant,
      FlowStatus.unobservable,
      FlowStatus.unobservable,
      FlowStatus.redundant,
    ]);
    expect(r2.reconciled[1]).toBeNaN();
    expect(r2.reconciled[0]).toBeCloseTo(11, 12);
    expect(r2.rows.map((row) => row.nodes)).toEqual([[0, 1]]);
  });

  it('an unmeasured flow in and another out of the same node are unobservable (a cycle through the outside)', () => {
    const r3 = reconcileLinear({
      network: net(2, [
        [-1, 0],
        [0, -1],
        [0, 1],
        [1, -1],
      ]),
      measured: Float64Array.from([NaN_, NaN_, 5, 5.2]),
      sd: Float64Array.from([0, 0, 0.1, 0.1]),
    });
    expect([...r3.status]).toEqual([
      FlowStatus.unobservable,
      FlowStatus.unobservable,
      FlowStatus.redundant,
      FlowStatus.redundant,
    ]);
    expect(r3.reconciled[2]).toBeCloseTo(5.1, 12);
  });

  it('a chain of unmeasured flows is observable link by link', () => {
    // outside → A (8±0.1) → B (?) → C (?) → outside (8.2±0.1)
    const r4 = reconcileLinear({
      network: net(3, [
        [-1, 0],
        [0, 1],
        [1, 2],
        [2, -1],
      ]),
      measured: Float64Array.from([8, NaN_, NaN_, 8.2]),
      sd: Float64Array.from([0.1, 0, 0, 0.1]),
    });
    expect([...r4.status]).toEqual([
      FlowStatus.redundant,
      FlowStatus.estimated,
      FlowStatus.estimated,
      FlowStatus.redundant,
    ]);
    expect(r4.reconciled[1]).toBeCloseTo(8.1, 12);
    expect(r4.reconciled[2]).toBeCloseTo(8.1, 12);
    expect(r4.reconciledSd[1]).toBeCloseTo(Math.sqrt(0.005), 12);
  });

  it('a closed recycle loop keeps a positive definite system (one row dropped) and reconciles', () => {
    // A → B (10±1), B → A (12±1): closed, one independent balance.
    const r5 = reconcileLinear({
      network: net(2, [
        [0, 1],
        [1, 0],
      ]),
      measured: Float64Array.from([10, 12]),
      sd: Float64Array.from([1, 1]),
    });
    expect(r5.dof).toBe(1);
    expect(r5.reconciled[0]).toBeCloseTo(11, 12);
    expect(r5.reconciled[1]).toBeCloseTo(11, 12);
  });
});

describe('bounds (active set)', () => {
  it('pins a flow that would go negative at 0 and reports the active bound', () => {
    // A: in F1 (10±1), out F2 (2±5, wide), out F3 (12±1). Unbounded F2 → negative.
    const p = {
      network: net(1, [
        [-1, 0],
        [0, -1],
        [0, -1],
      ]),
      measured: Float64Array.from([10, 2, 12]),
      sd: Float64Array.from([1, 5, 1]),
    };
    const free = reconcileLinear(p);
    expect(free.reconciled[1]).toBeLessThan(0);
    const b = reconcileBounded({ ...p, lower: Float64Array.from([0, 0, 0]) });
    expect(b.activeBounds.map((a) => [a.flow, a.side, a.bound])).toEqual([[1, 'lower', 0]]);
    expect(b.activeBounds[0]!.multiplier).toBeGreaterThan(0);
    expect(b.reconciled[1]).toBe(0);
    // With F2 = 0 the rest is F1 = F3, averaged: 11 each; χ² = 1 + 1 + (2/5)².
    expect(b.reconciled[0]).toBeCloseTo(11, 12);
    expect(b.reconciled[2]).toBeCloseTo(11, 12);
    expect(b.chi2).toBeCloseTo(2 + 0.16, 12);
  });
  it('holds an estimated flow that would go negative at 0, splitting the balance it was merged into', () => {
    // A: in F1 (10±1), out F2 (12±1), out F3 unmeasured → F3 = −2 unbounded.
    const p = {
      network: net(1, [
        [-1, 0],
        [0, -1],
        [0, -1],
      ]),
      measured: Float64Array.from([10, 12, NaN_]),
      sd: Float64Array.from([1, 1, 0]),
    };
    expect(reconcileLinear(p).reconciled[2]).toBeCloseTo(-2, 12);
    const b = reconcileBounded({ ...p, lower: Float64Array.from([0, 0, 0]) });
    expect(b.activeBounds.map((a) => [a.flow, a.side, a.bound])).toEqual([[2, 'lower', 0]]);
    expect(b.activeBounds[0]!.multiplier).toBeGreaterThan(0);
    expect(b.status[2]).toBe(FlowStatus.estimated);
    expect(b.reconciled[2]).toBe(0);
    expect(b.reconciledSd[2]).toBe(0);
    // With F3 = 0, A's balance checks F1 against F2: 11 each, χ² = 1 + 1, one degree of freedom.
    expect(b.reconciled[0]).toBeCloseTo(11, 12);
    expect(b.reconciled[1]).toBeCloseTo(11, 12);
    expect(b.chi2).toBeCloseTo(2, 12);
    expect(b.dof).toBe(1);
    expect(b.unmeasuredOutOfBounds).toEqual([]);
  });
  it('leaves an inactive bound alone and applies max', () => {
    const p = {
      network: net(1, [
        [-1, 0],
        [0, -1],
      ]),
      measured: Float64Array.from([10, 12]),
      sd: Float64Array.from([1, 1]),
      lower: Float64Array.from([0, 0]),
      upper: Float64Array.from([10.5, Infinity]),
    };
    const b = reconcileBounded(p);
    expect(b.activeBounds.map((a) => [a.flow, a.side])).toEqual([[0, 'upper']]);
    expect(b.reconciled[0]).toBe(10.5);
    expect(b.reconciled[1]).toBeCloseTo(10.5, 12);
  });
});

describe('solver choice', () => {
  it('PCG (for networks whose factor would fill in) gives the direct solution; tests need the factor', () => {
    // P-like network: 4 nodes in a ring with boundary flows.
    const n = net(4, [
      [-1, 0],
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 0],
      [1, -1],
      [3, -1],
    ]);
    const p = {
      network: n,
      measured: Float64Array.from([100, 160, 95, 70, 61, 58, 31]),
      sd: Float64Array.from([2, 3, 2, 2, 1.5, 1.5, 1]),
    };
    const direct = reconcileLinear(p, { solver: 'direct' });
    const iterative = reconcileLinear(p, { solver: 'pcg' });
    expect(iterative.solver.kind).toBe('pcg');
    expect(iterative.solver.relativeResidual).toBeLessThan(1e-12);
    for (let j = 0; j < 7; j++) expect(iterative.reconciled[j]).toBeCloseTo(direct.reconciled[j]!, 9);
    expect(iterative.chi2).toBeCloseTo(direct.chi2, 9);
    expect(iterative.z[0]).toBeNaN();
    // 'auto' falls back to PCG when the fill budget is exceeded
    expect(reconcileLinear(p, { maxFactorNonZeros: 0 }).solver.kind).toBe('pcg');
  });
});
