import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowStatus, reconcileLinear, type LinearProblem } from '../../src/reconcile/linear.ts';
import { reconcileBounded } from '../../src/reconcile/bounds.ts';

/**
 * Random flow networks: flows between nodes or across the boundary (−1), ~20 % unmeasured.
 * Values span 1–100 and σ 1–10 % (weights within ~10⁶ of each other, as in a plant): with weights
 * 10⁹ apart the normal equations' round-off (≈ ε·κ) would exceed the tolerances below.
 */
const problemArb = fc
  .record({ nodes: fc.integer({ min: 1, max: 7 }), flows: fc.integer({ min: 2, max: 16 }) })
  .chain(({ nodes, flows }) =>
    fc.record({
      nodes: fc.constant(nodes),
      ends: fc.array(
        fc
          .tuple(fc.integer({ min: -1, max: nodes - 1 }), fc.integer({ min: -1, max: nodes - 1 }))
          .filter(([a, b]) => a !== b),
        { minLength: flows, maxLength: flows },
      ),
      values: fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: flows, maxLength: flows }),
      rel: fc.array(fc.double({ min: 0.01, max: 0.1, noNaN: true }), { minLength: flows, maxLength: flows }),
      unmeasured: fc.array(
        fc.integer({ min: 0, max: 4 }).map((k) => k === 0),
        { minLength: flows, maxLength: flows },
      ),
    }),
  )
  .map(({ nodes, ends, values, rel, unmeasured }) => {
    const p: LinearProblem = {
      network: { nodeCount: nodes, from: Int32Array.from(ends, (e) => e[0]), to: Int32Array.from(ends, (e) => e[1]) },
      measured: Float64Array.from(values, (v, j) => (unmeasured[j] ? Number.NaN : v)),
      sd: Float64Array.from(values, (v, j) => v * rel[j]!),
    };
    return p;
  });

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
/** A problem with a permutation of its flows and one of its nodes. */
const withPermutations = problemArb.chain((p) =>
  fc.tuple(
    fc.constant(p),
    fc.shuffledSubarray(range(p.measured.length), { minLength: p.measured.length, maxLength: p.measured.length }),
    fc.shuffledSubarray(range(p.network.nodeCount), { minLength: p.network.nodeCount, maxLength: p.network.nodeCount }),
  ),
);

const close = (a: number, b: number, tol = 1e-9) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
/** The problem's scale: the largest |measured| and the largest σ. Flows a balance forces to zero make relative tests meaningless, so compare against these. */
const scaleOf = (p: LinearProblem) => ({
  value: p.measured.reduce((m, v) => (Number.isNaN(v) ? m : Math.max(m, Math.abs(v))), 0),
  sd: p.sd.reduce((m, v, j) => (Number.isNaN(p.measured[j]!) ? m : Math.max(m, v)), 0),
});
/**
 * Var(x̂) = σ² − σ⁴·q cancels where the balances pin a flow (Var → 0), so its round-off is about
 * ε·κ(AVAᵀ)·σ²: compare variances against the largest σ², not σ̂ relative to itself.
 */
const VAR_TOL = 1e-7;
const sameVar = (a: number, b: number, sdMax: number) => Math.abs(a * a - b * b) <= VAR_TOL * sdMax * sdMax;

/** Node balances Σ in − Σ out over flows with a value, with the scale Σ|x|; only nodes whose flows all have values. */
function balances(p: LinearProblem, x: Float64Array): { residual: number; scale: number }[] {
  const out: { residual: number; scale: number; complete: boolean }[] = Array.from(
    { length: p.network.nodeCount },
    () => ({ residual: 0, scale: 0, complete: true }),
  );
  p.network.from.forEach((f, j) => {
    const t = p.network.to[j]!;
    for (const [node, sign] of [
      [f, -1],
      [t, 1],
    ] as const) {
      if (node < 0) continue;
      if (Number.isNaN(x[j]!)) out[node]!.complete = false;
      else {
        out[node]!.residual += sign * x[j]!;
        out[node]!.scale += Math.abs(x[j]!);
      }
    }
  });
  return out.filter((b) => b.complete);
}

describe('reconciliation properties (fast-check)', () => {
  it('reconciled flows satisfy every balance to 1e-9 relative', () => {
    fc.assert(
      fc.property(problemArb, (p) => {
        const r = reconcileLinear(p);
        const { value } = scaleOf(p);
        for (const b of balances(p, r.reconciled))
          expect(Math.abs(b.residual)).toBeLessThanOrEqual(1e-9 * Math.max(b.scale, value));
      }),
      { numRuns: 300 },
    );
  });

  it('is invariant under re-ordering streams and nodes', () => {
    fc.assert(
      fc.property(withPermutations, ([p, fperm, nperm]) => {
        // new position k holds old flow fperm[k]; old node v becomes nperm[v]
        const N = p.network.nodeCount;
        const q: LinearProblem = {
          network: {
            nodeCount: N,
            from: Int32Array.from(fperm, (j) => (p.network.from[j]! < 0 ? -1 : nperm[p.network.from[j]!]!)),
            to: Int32Array.from(fperm, (j) => (p.network.to[j]! < 0 ? -1 : nperm[p.network.to[j]!]!)),
          },
          measured: Float64Array.from(fperm, (j) => p.measured[j]!),
          sd: Float64Array.from(fperm, (j) => p.sd[j]!),
        };
        const a = reconcileLinear(p);
        const b = reconcileLinear(q);
        const s = scaleOf(p);
        expect(close(a.chi2, b.chi2, 1e-8)).toBe(true);
        expect(b.dof).toBe(a.dof);
        fperm.forEach((j, k) => {
          expect(b.status[k]).toBe(a.status[j]);
          if (Number.isNaN(a.reconciled[j]!)) expect(b.reconciled[k]).toBeNaN();
          else expect(Math.abs(a.reconciled[j]! - b.reconciled[k]!)).toBeLessThanOrEqual(1e-9 * s.value);
          if (!Number.isNaN(a.z[j]!)) expect(close(a.z[j]!, b.z[k]!, 1e-6)).toBe(true);
          if (!Number.isNaN(a.reconciledSd[j]!))
            expect(sameVar(a.reconciledSd[j]!, b.reconciledSd[k]!, s.sd)).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('is invariant under rescaling all units (values and σ × c)', () => {
    fc.assert(
      fc.property(problemArb, fc.constantFrom(1e-3, 0.1, 3.6, 1000, 29.3076), (p, c) => {
        const a = reconcileLinear(p);
        const b = reconcileLinear({ ...p, measured: p.measured.map((v) => v * c), sd: p.sd.map((v) => v * c) });
        const s = scaleOf(p);
        expect(close(a.chi2, b.chi2, 1e-8)).toBe(true);
        for (let j = 0; j < p.measured.length; j++) {
          expect(b.status[j]).toBe(a.status[j]);
          if (Number.isNaN(a.reconciled[j]!)) expect(b.reconciled[j]).toBeNaN();
          else expect(Math.abs(a.reconciled[j]! * c - b.reconciled[j]!)).toBeLessThanOrEqual(1e-9 * s.value * c);
          if (!Number.isNaN(a.z[j]!)) expect(close(a.z[j]!, b.z[j]!, 1e-6)).toBe(true);
          if (!Number.isNaN(a.reconciledSd[j]!))
            expect(sameVar(a.reconciledSd[j]! * c, b.reconciledSd[j]!, s.sd * c)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('estimates unmeasured flows as the limit of measuring them with a huge σ', () => {
    // Measuring an unmeasured flow at 0 ± B combines the projection estimate (variance v) with it;
    // the value tends to the projection's as v/B → 0.
    fc.assert(
      fc.property(problemArb, (p) => {
        const r = reconcileLinear(p);
        const s = scaleOf(p);
        if (s.sd === 0) return;
        const big = 1e3 * s.sd;
        const q = reconcileLinear({
          ...p,
          measured: p.measured.map((m) => (Number.isNaN(m) ? 0 : m)),
          sd: p.sd.map((v, j) => (Number.isNaN(p.measured[j]!) ? big : v)),
        });
        for (let j = 0; j < p.measured.length; j++) {
          if (r.status[j] === FlowStatus.unobservable) expect(r.reconciled[j]).toBeNaN();
          else expect(Math.abs(r.reconciled[j]! - q.reconciled[j]!)).toBeLessThanOrEqual(1e-4 * s.value);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives estimated flows the σ that propagating every measurement’s σ through the estimate gives', () => {
    // x̂_u is linear in m: Var(x̂_u) = Σ_k (∂x̂_u/∂m_k)² σ_k², the derivatives by exact finite
    // differences of whole reconciliations — independent of the selected-inverse formula used.
    fc.assert(
      fc.property(problemArb, (p) => {
        const r = reconcileLinear(p);
        const s = scaleOf(p);
        const variance = new Float64Array(p.measured.length);
        for (let k = 0; k < p.measured.length; k++) {
          if (Number.isNaN(p.measured[k]!)) continue;
          const d = p.sd[k]!;
          const bumped = Float64Array.from(p.measured);
          bumped[k]! += d;
          const rk = reconcileLinear({ ...p, measured: bumped });
          for (let j = 0; j < p.measured.length; j++)
            if (r.status[j] === FlowStatus.estimated) variance[j]! += (rk.reconciled[j]! - r.reconciled[j]!) ** 2;
        }
        for (let j = 0; j < p.measured.length; j++)
          if (r.status[j] === FlowStatus.estimated)
            expect(Math.abs(r.reconciledSd[j]! ** 2 - variance[j]!)).toBeLessThanOrEqual(
              1e-6 * (variance[j]! + s.sd ** 2),
            );
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same values and classification without the unmeasured σ (the fast path)', () => {
    fc.assert(
      fc.property(problemArb, (p) => {
        const a = reconcileLinear(p);
        const b = reconcileLinear(p, { unmeasuredSd: false });
        expect([...b.status]).toEqual([...a.status]);
        for (let j = 0; j < p.measured.length; j++) {
          if (Number.isNaN(a.reconciled[j]!)) expect(b.reconciled[j]).toBeNaN();
          else
            expect(Math.abs(a.reconciled[j]! - b.reconciled[j]!)).toBeLessThanOrEqual(
              1e-9 * Math.max(1, scaleOf(p).value),
            );
          if (a.status[j] === FlowStatus.estimated) expect(b.reconciledSd[j]).toBeNaN();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('with flows ≥ 0: converges, keeps every value non-negative, closes the balances, multipliers ≥ 0', () => {
    fc.assert(
      fc.property(problemArb, (p) => {
        const b = reconcileBounded({ ...p, lower: new Float64Array(p.measured.length) });
        const s = scaleOf(p);
        expect(b.converged).toBe(true);
        for (let j = 0; j < p.measured.length; j++)
          if (!Number.isNaN(b.reconciled[j]!)) expect(b.reconciled[j]!).toBeGreaterThanOrEqual(-1e-9 * s.value);
        for (const bal of balances(p, b.reconciled))
          expect(Math.abs(bal.residual)).toBeLessThanOrEqual(1e-9 * Math.max(bal.scale, s.value));
        for (const a of b.activeBounds)
          expect(a.multiplier).toBeGreaterThanOrEqual(-1e-9 * Math.max(1, Math.abs(b.atLambda[a.flow]!)));
        expect(b.unmeasuredOutOfBounds).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  // The loop's iterates share the structure of their estimates (StructureMemo): its result must be
  // the one-shot reconciliation of the active set it ends with, σ and z of every flow included.
  it('bounded: the same σ, z and values as a fresh reconciliation with the final active set fixed', () => {
    fc.assert(
      fc.property(
        problemArb,
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 16, maxLength: 16 }),
        (p, kinds) => {
          const n = p.measured.length;
          // bounds a little inside the measured (or true) values, so that some bind: kind 1 below, 2 above
          const lower = new Float64Array(n);
          const upper = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
          const base = reconcileLinear(p).reconciled;
          for (let j = 0; j < n; j++) {
            const v = Number.isNaN(base[j]!) ? 50 : base[j]!;
            if (kinds[j] === 1) lower[j] = Math.max(0, v * 1.02);
            if (kinds[j] === 2) upper[j] = Math.max(0, v * 0.98);
          }
          const b = reconcileBounded({ ...p, lower, upper });
          fc.pre(b.converged);
          const fixed = new Float64Array(n).fill(Number.NaN);
          for (const a of b.activeBounds) fixed[a.flow] = a.bound;
          const fresh = reconcileLinear({ ...p, fixed });
          const pinned = new Set(b.activeBounds.map((a) => a.flow));
          for (let j = 0; j < n; j++) {
            if (pinned.has(j)) continue;
            expect(b.status[j]).toBe(fresh.status[j]);
            expect(
              Object.is(b.reconciled[j], fresh.reconciled[j]) || close(b.reconciled[j]!, fresh.reconciled[j]!, 1e-12),
            ).toBe(true);
            expect(
              Object.is(b.reconciledSd[j], fresh.reconciledSd[j]) ||
                close(b.reconciledSd[j]!, fresh.reconciledSd[j]!, 1e-12),
            ).toBe(true);
            expect(Object.is(b.z[j], fresh.z[j]) || close(b.z[j]!, fresh.z[j]!, 1e-12)).toBe(true);
          }
          expect(b.unmeasuredSdComputed).toBe(fresh.unmeasuredSdComputed);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('returns an all-consistent measurement set unchanged with χ² = 0', () => {
    fc.assert(
      fc.property(problemArb, (p) => {
        // Consistent values: a reconciled set (which closes every balance) measured again.
        const first = reconcileLinear(p);
        const measured = Float64Array.from(p.measured, (m, j) => (Number.isNaN(m) ? m : first.reconciled[j]!));
        const again = reconcileLinear({ ...p, measured });
        const scale = scaleOf(p).value;
        for (let j = 0; j < measured.length; j++) {
          if (Number.isNaN(measured[j]!)) continue;
          expect(Math.abs(again.reconciled[j]! - measured[j]!)).toBeLessThanOrEqual(1e-9 * scale);
        }
        expect(again.chi2).toBeLessThan(1e-12 * Math.max(1, first.chi2));
      }),
      { numRuns: 300 },
    );
  });
});
