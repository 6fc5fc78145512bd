import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sankeyLayout, sankeyLinkPath } from '../../src/sankey/layout.ts';
import { checkInvariants } from './layout-invariants.ts';

interface N {
  id: string;
}
interface L {
  source: string;
  target: string;
  value: number;
}

const extent: [[number, number], [number, number]] = [
  [0, 0],
  [800, 400],
];

describe('sankeyLayout', () => {
  it('lays out a chain with the scale fitted to the tallest column (hand-computed)', () => {
    // a → b (10), b → c (6), b → d (4): column 1 holds b (10); columns 2 holds c + d (10) with one gap.
    const nodes = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
    const links = [
      { source: 'a', target: 'b', value: 10 },
      { source: 'b', target: 'c', value: 6 },
      { source: 'b', target: 'd', value: 4 },
    ];
    const r = sankeyLayout<N, L>({ extent, nodePadding: 20, nodeWidth: 10, minNodeHeight: 0 })({ nodes, links });
    // Scale: (400 − 1 gap of 20) / 10 = 38 px per unit.
    expect(r.scale).toBeCloseTo(38, 9);
    expect(r.nodes.map((n) => n.column)).toEqual([0, 1, 2, 2]);
    expect(r.nodes.map((n) => n.x0)).toEqual([0, 395, 790, 790]);
    expect(r.nodes[1]!.y1 - r.nodes[1]!.y0).toBeCloseTo(380, 9);
    expect(r.links.some((l) => l.circular)).toBe(false);
    checkInvariants(r, extent);
  });

  it('breaks a recycle loop into a return arc instead of throwing', () => {
    // Cooling water: fresh → tower → jet → tower (return 48 of 50), losses out of the tower.
    const nodes = ['fresh', 'tower', 'jet', 'loss'].map((id) => ({ id }));
    const links = [
      { source: 'fresh', target: 'tower', value: 5 },
      { source: 'tower', target: 'jet', value: 50 },
      { source: 'jet', target: 'tower', value: 48 },
      { source: 'tower', target: 'loss', value: 3 },
      { source: 'jet', target: 'loss', value: 2 },
    ];
    const r = sankeyLayout<N, L>({ extent })({ nodes, links });
    const back = r.links.filter((l) => l.circular);
    expect(back.map((l) => `${l.source.id}→${l.target.id}`)).toEqual(['jet→tower']);
    expect(r.nodes.find((n) => n.id === 'tower')!.value).toBe(53);
    checkInvariants(r, extent);
    const d = sankeyLinkPath(back[0]!);
    expect(d.startsWith(`M${Math.round(back[0]!.source.x1 * 100) / 100},`)).toBe(true);
    expect(d).toContain(`V`);
  });

  it('breaks a cycle at its lightest link, whatever the input order', () => {
    const nodes = ['c', 'b', 'a', 'in'].map((id) => ({ id }));
    const links = [
      { source: 'c', target: 'a', value: 1 },
      { source: 'b', target: 'c', value: 10 },
      { source: 'a', target: 'b', value: 10 },
      { source: 'in', target: 'a', value: 9 },
    ];
    const r = sankeyLayout<N, L>({ extent })({ nodes, links });
    expect(r.links.filter((l) => l.circular).map((l) => `${l.source.id}→${l.target.id}`)).toEqual(['c→a']);
    expect(Object.fromEntries(r.nodes.map((n) => [n.id, n.column]))).toEqual({ in: 0, a: 1, b: 2, c: 3 });
    checkInvariants(r, extent);
  });

  it('treats a self loop as a return arc', () => {
    const r = sankeyLayout<N, L>({ extent })({
      nodes: [{ id: 'a' }, { id: 'b' }],
      links: [
        { source: 'a', target: 'b', value: 1 },
        { source: 'b', target: 'b', value: 1 },
      ],
    });
    expect(r.links[1]!.circular).toBe(true);
    checkInvariants(r, extent);
  });

  it('honours a fixed scale, so two diagrams compare', () => {
    const r = sankeyLayout<N, L>({ extent, scale: 2, minNodeHeight: 0 })({
      nodes: [{ id: 'a' }, { id: 'b' }],
      links: [{ source: 'a', target: 'b', value: 30 }],
    });
    expect(r.scale).toBe(2);
    expect(r.links[0]!.width).toBe(60);
    expect(r.nodes[0]!.y1 - r.nodes[0]!.y0).toBe(60);
  });

  it('names a missing node and rejects a negative value', () => {
    expect(() =>
      sankeyLayout<N, L>()({ nodes: [{ id: 'a' }], links: [{ source: 'a', target: 'zz', value: 1 }] }),
    ).toThrow(/missing node "zz"/);
    expect(() =>
      sankeyLayout<N, L>()({ nodes: [{ id: 'a' }, { id: 'b' }], links: [{ source: 'a', target: 'b', value: -1 }] }),
    ).toThrow(/≥ 0/);
  });

  it('holds its invariants on generated graphs with cycles', () => {
    const graphArb = fc.integer({ min: 2, max: 25 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        links: fc.array(
          fc.record({
            s: fc.integer({ min: 0, max: n - 1 }),
            t: fc.integer({ min: 0, max: n - 1 }),
            v: fc.double({ min: 0, max: 1000, noNaN: true }),
          }),
          { minLength: 1, maxLength: 60 },
        ),
      }),
    );
    fc.assert(
      fc.property(graphArb, ({ n, links }) => {
        const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}` }));
        const ls = links.map((l) => ({ source: `n${l.s}`, target: `n${l.t}`, value: l.v }));
        const big: [[number, number], [number, number]] = [
          [0, 0],
          [2000, 4000],
        ];
        checkInvariants(sankeyLayout<N, L>({ extent: big, nodePadding: 4, loopGap: 2 })({ nodes, links: ls }), big);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every node inside any extent, crowded or with a fixed scale (generated graphs)', () => {
    const arb = fc.record({
      n: fc.integer({ min: 2, max: 80 }),
      links: fc.array(fc.record({ s: fc.nat(), t: fc.nat(), v: fc.double({ min: 0, max: 1000, noNaN: true }) }), {
        minLength: 1,
        maxLength: 200,
      }),
      w: fc.integer({ min: 200, max: 1600 }),
      h: fc.integer({ min: 60, max: 900 }),
      fixed: fc.option(fc.double({ min: 0.001, max: 2, noNaN: true }), { nil: undefined }),
    });
    fc.assert(
      fc.property(arb, ({ n, links, w, h, fixed }) => {
        const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}` }));
        const ls = links.map((l) => ({ source: `n${l.s % n}`, target: `n${l.t % n}`, value: l.v }));
        const ext: [[number, number], [number, number]] = [
          [10, 20],
          [10 + w, 20 + h],
        ];
        const r = sankeyLayout<N, L>({ extent: ext, ...(fixed !== undefined ? { scale: fixed } : {}) })({
          nodes,
          links: ls,
        });
        checkInvariants(r, ext);
        if (fixed !== undefined) expect(r.scale).toBe(fixed);
        else {
          // The asked extent is kept, and the scale never collapses while values exist.
          expect(r.extent).toEqual(ext);
          if (ls.some((l) => l.value > 0)) expect(r.scale).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
