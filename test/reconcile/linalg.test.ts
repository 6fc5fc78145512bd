import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cscFromTriplets, factorSpd, pcg, symUpperMatVec, type CscMatrix } from '../../src/linalg/index.ts';

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

describe('sparse LDLᵀ with RCM ordering', () => {
  it('solves a 3×3 system by hand', () => {
    // [[4,-1,0],[-1,4,-1],[0,-1,4]] x = [3,2,3] → x = [1,1,1]
    const m = cscFromTriplets(3, 3, [0, 0, 1, 1, 2], [0, 1, 1, 2, 2], [4, -1, 4, -1, 4]);
    const x = factorSpd(m).solve([3, 2, 3]);
    expect([...x].map((v) => Number(v.toFixed(12)))).toEqual([1, 1, 1]);
  });

  it('matches a dense solve and the dense inverse on random grounded Laplacians', () => {
    fc.assert(
      fc.property(graphArb, ({ n, extra, w }) => {
        const edges: [number, number, number][] = w.map((wi, i) => [i, i + 1, wi]);
        for (const e of extra) edges.push(e);
        const { upper, dense } = laplacian(n, edges);
        const s = factorSpd(upper);
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
    const s = factorSpd(upper);
    const inv = denseInverse(dense);
    const b = dense.map((_, i) => Math.cos(i));
    const ax = symUpperMatVec(upper, s.solve(b));
    for (let i = 0; i <= leaves; i++) expect(Math.abs(ax[i]! - b[i]!)).toBeLessThanOrEqual(1e-12);
    for (let leaf = 1; leaf <= leaves; leaf++) expect(s.inverseEntry(0, leaf)).toBeCloseTo(inv[0]![leaf]!, 12);
  });

  it('rejects a singular (ungrounded) Laplacian', () => {
    const { upper } = laplacian(3, [
      [0, 1, 1],
      [1, 2, 1],
    ]);
    expect(() => factorSpd(upper)).toThrow(/not positive definite/);
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
