import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cscFromTriplets,
  factorSpd,
  fillReducingOrdering,
  pcg,
  symUpperMatVec,
  type CscMatrix,
} from '../../src/linalg/index.ts';

/** Dense Gauss–Jordan inverse, the reference for small cases. */
function denseInverse(a: number[][]): number[][] {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[piv]![c]!)) piv = r;
    [m[c], m[piv]] = [m[piv]!, m[c]!];
    const d = m[c]![c]!;
    for (let k = 0; k < 2 * n; k++) m[c]![k]! /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]!;
      for (let k = 0; k < 2 * n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row) => row.slice(n));
}

/** A grounded weighted graph Laplacian (the shape of A·V·Aᵀ) from an edge list; node n = ground. */
function laplacian(n: number, edges: [number, number, number][]): { upper: CscMatrix; dense: number[][] } {
  const dense = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const ti: number[] = [];
  const tj: number[] = [];
  const tv: number[] = [];
  const add = (i: number, j: number, v: number) => {
    dense[i]![j]! += v;
    if (i !== j) dense[j]![i]! += v;
    ti.push(Math.min(i, j));
    tj.push(Math.max(i, j));
    tv.push(v);
  };
  for (const [a, b, w] of edges) {
    if (a < n) add(a, a, w);
    if (b < n) add(b, b, w);
    if (a < n && b < n && a !== b) add(a, b, -w);
  }
  return { upper: cscFromTriplets(n, n, ti, tj, tv), dense };
}

const graphArb = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    // a spanning path to ground keeps it positive definite; plus random extra links
    extra: fc.array(fc.tuple(fc.nat(n), fc.nat(n), fc.double({ min: 0.01, max: 100, noNaN: true })), {
      maxLength: 3 * n,
    }),
    w: fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: n, maxLength: n }),
  }),
);

describe.each(['rcm', 'amd'] as const)('sparse LDLᵀ with the %s ordering', (ordering) => {
  it('solves a 3×3 system by hand', () => {
    // [[4,-1,0],[-1,4,-1],[0,-1,4]] x = [3,2,3] → x = [1,1,1]
    const m = cscFromTriplets(3, 3, [0, 0, 1, 1, 2], [0, 1, 1, 2, 2], [4, -1, 4, -1, 4]);
    const x = factorSpd(m, { ordering }).solve([3, 2, 3]);
    expect([...x].map((v) => Number(v.toFixed(12)))).toEqual([1, 1, 1]);
  });

  it('matches a dense solve and the dense inverse on random grounded Laplacians', () => {
    fc.assert(
      fc.property(graphArb, ({ n, extra, w }) => {
        const edges: [number, number, number][] = w.map((wi, i) => [i, i + 1, wi]);
        for (const e of extra) edges.push(e);
        const { upper, dense } = laplacian(n, edges);
        const s = factorSpd(upper, { ordering });
        expect(s.ordering).toBe(ordering);
        const inv = denseInverse(dense);
        const b = dense.map((_, i) => Math.sin(i + 1));
        const x = s.solve(b);
        const ax = symUpperMatVec(upper, x);
        // relative to the magnitude (weights span 10⁴, so inverse entries reach ~10³)
        const near = (a: number, b: number) =>
          expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
        for (let i = 0; i < n; i++) near(ax[i]!, b[i]!);
        for (let i = 0; i < n; i++) {
          near(s.inverseDiag(i), inv[i]![i]!);
          for (let j = 0; j < n; j++) if (i !== j && dense[i]![j] !== 0) near(s.inverseEntry(i, j), inv[i]![j]!);
        }
        // bᵀ M⁻¹ b for a b on two rows (the variance of an estimated flow), by the reach solve
        const rows = n > 1 ? [0, n - 1] : [0];
        const vals = rows.map((i) => 1 + i);
        let quad = 0;
        for (const [a, i] of rows.entries())
          for (const [b, j] of rows.entries()) quad += vals[a]! * vals[b]! * inv[i]![j]!;
        near(s.inverseQuadratic(rows, vals), quad);
      }),
      { numRuns: 200 },
    );
  });

  it('handles a hub whose column is too long for insertion sort (the typed-array sort path)', () => {
    // A star: node 0 linked to 100 grounded leaves, in shuffled order so the permuted column is unsorted.
    const leaves = 100;
    const edges: [number, number, number][] = [];
    for (let k = 0; k < leaves; k++) {
      const leaf = 1 + ((k * 37) % leaves);
      edges.push([0, leaf, 1 + (leaf % 5)], [leaf, leaves + 1, 2]);
    }
    const { upper, dense } = laplacian(leaves + 1, edges);
    const s = factorSpd(upper, { ordering });
    const inv = denseInverse(dense);
    const b = dense.map((_, i) => Math.cos(i));
    const ax = symUpperMatVec(upper, s.solve(b));
    for (let i = 0; i <= leaves; i++) expect(Math.abs(ax[i]! - b[i]!)).toBeLessThanOrEqual(1e-12);
    for (let leaf = 1; leaf <= leaves; leaf++) expect(s.inverseEntry(0, leaf)).toBeCloseTo(inv[0]![leaf]!, 12);
  });

  it('a factor whose trailing block fills in completely goes through the dense kernels, with the same results', () => {
    // 150 nodes with random long links
    const n = 150;
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const edges: [number, number, number][] = [];
    for (let i = 0; i < n; i++) edges.push([i, n, 0.5 + rand()]);
    for (let k = 0; k < 4 * n; k++) edges.push([Math.floor(rand() * n), Math.floor(rand() * n), 0.1 + 10 * rand()]);
    const { upper, dense } = laplacian(n, edges);
    const analysed = fillReducingOrdering(upper, undefined, Infinity, ordering);
    // AMD leaves the last ~100 columns full (RCM's profile is ragged: its factor stays sparse)
    if (ordering === 'amd') expect(n - analysed.symbolic.dense).toBeGreaterThanOrEqual(48);
    const s = factorSpd(upper, { ordering });
    const inv = denseInverse(dense);
    const b = dense.map((_, i) => Math.sin(3 * i));
    const ax = symUpperMatVec(upper, s.solve(b));
    for (let i = 0; i < n; i++) expect(Math.abs(ax[i]! - b[i]!)).toBeLessThanOrEqual(1e-10);
    // bᵀ M⁻¹ b for b on rows in and out of the dense block (its part from the block's inverse)
    for (const rows of [[0], [3, 77, 149], [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]]) {
      const vals = rows.map((i) => Math.cos(i) + 2);
      let quad = 0;
      for (const [a, i] of rows.entries())
        for (const [b, j] of rows.entries()) quad += vals[a]! * vals[b]! * inv[i]![j]!;
      expect(s.inverseQuadratic(rows, vals)).toBeCloseTo(quad, 10);
    }
    for (let i = 0; i < n; i++) {
      expect(s.inverseDiag(i)).toBeCloseTo(inv[i]![i]!, 10);
      for (let j = 0; j < n; j++)
        if (i !== j && dense[i]![j] !== 0) expect(s.inverseEntry(i, j)).toBeCloseTo(inv[i]![j]!, 10);
    }
  });

  it('leaves explicit zeros out of a factor they would fill (optionalZeros), and keeps them in a banded one', () => {
    // a path 0–1–…–59 grounded at both ends: banded, RCM keeps the factor small even with a zero at (0, 59)
    const n = 60;
    const path: [number, number, number][] = [[0, n, 1]];
    for (let i = 0; i < n; i++) path.push([i, i + 1, 1 + (i % 3)]);
    const banded = laplacian(n, path);
    const withZero = (m: CscMatrix) => {
      const ti: number[] = [];
      const tj: number[] = [];
      const tv: number[] = [];
      for (let j = 0; j < n; j++)
        for (let p = m.colPtr[j]!; p < m.colPtr[j + 1]!; p++) {
          ti.push(m.rowIndex[p]!);
          tj.push(j);
          tv.push(m.values[p]!);
        }
      ti.push(0);
      tj.push(n - 1);
      tv.push(0);
      return cscFromTriplets(n, n, ti, tj, tv);
    };
    const forced = factorSpd(withZero(banded.upper), { optionalZeros: true, ordering });
    expect(forced.zerosKept).toBe(false); // a forced ordering drops them
    const auto = factorSpd(withZero(banded.upper), { optionalZeros: true });
    expect(auto.zerosKept).toBe(true);
    expect(auto.inverseEntryIfKnown(0, n - 1)).toBeCloseTo(denseInverse(banded.dense)[0]![n - 1]!, 12);
  });

  it('rejects a singular (ungrounded) Laplacian', () => {
    const { upper } = laplacian(3, [
      [0, 1, 1],
      [1, 2, 1],
    ]);
    expect(() => factorSpd(upper, { ordering })).toThrow(/not positive definite/);
  });
});

describe('Jacobi PCG', () => {
  it('reaches its verified tolerance', () => {
    const n = 200;
    const edges: [number, number, number][] = [];
    for (let i = 0; i < n; i++) edges.push([i, i + 1, 1 + (i % 7)]);
    for (let i = 0; i < n; i += 3) edges.push([i, (i * 37) % n, 2]);
    const { upper } = laplacian(n, edges);
    const b = Array.from({ length: n }, (_, i) => Math.cos(i));
    const r = pcg(upper, b, 1e-10);
    expect(r.converged).toBe(true);
    expect(r.relativeResidual).toBeLessThan(1e-10);
    const direct = factorSpd(upper).solve(b);
    for (let i = 0; i < n; i++) expect(r.x[i]).toBeCloseTo(direct[i]!, 6);
  });
});
