import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sankeyLayout, sankeyLinkPath, type SankeyLayoutResult } from '../../src/sankey/layout.ts';

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

/** Invariants every layout must hold, cycles or not. */
function checkInvariants(r: SankeyLayoutResult<N, L>, ext = extent) {
  const eps = 1e-6;
  for (const n of r.nodes) {
    expect(n.x0).toBeGreaterThanOrEqual(ext[0][0] - eps);
    expect(n.x1).toBeLessThanOrEqual(ext[1][0] + eps);
    expect(n.y0).toBeGreaterThanOrEqual(ext[0][1] - eps);
    expect(n.y1).toBeLessThanOrEqual(ext[1][1] + eps);
    // A node is as tall as the larger of its two sides: every link fits on it.
    const inW = n.targetLinks.reduce((s, l) => s + l.width, 0);
    const outW = n.sourceLinks.reduce((s, l) => s + l.width, 0);
    expect(n.y1 - n.y0).toBeGreaterThanOrEqual(Math.max(inW, outW) - eps);
  }
  for (const l of r.links) {
    expect(l.width).toBeCloseTo(l.value * r.scale, 9);
    expect(l.y0 - l.width / 2).toBeGreaterThanOrEqual(l.source.y0 - eps);
    expect(l.y0 + l.width / 2).toBeLessThanOrEqual(l.source.y1 + eps);
    expect(l.y1 - l.width / 2).toBeGreaterThanOrEqual(l.target.y0 - eps);
    expect(l.y1 + l.width / 2).toBeLessThanOrEqual(l.target.y1 + eps);
    // Forward links go left to right; everything else is a return arc in a lane below all nodes.
    if (!l.circular) expect(l.target.column).toBeGreaterThan(l.source.column);
    else {
      const bottom = Math.max(...r.nodes.map((n) => n.y1));
      expect(l.laneY! - l.width / 2).toBeGreaterThan(bottom);
      expect(l.laneY! + l.width / 2).toBeLessThanOrEqual(ext[1][1] + eps);
      expect(l.source.x1 + l.standOff! + l.width / 2).toBeLessThanOrEqual(ext[1][0] + eps);
      expect(l.target.x0 - l.standOff! - l.width / 2).toBeGreaterThanOrEqual(ext[0][0] - eps);
    }
  }
  // No two nodes of one column overlap.
  const cols = new Map<number, typeof r.nodes>();
  for (const n of r.nodes) cols.set(n.column, [...(cols.get(n.column) ?? []), n]);
  for (const col of cols.values()) {
    const sorted = [...col].sort((a, b) => a.y0 - b.y0);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.y0).toBeGreaterThanOrEqual(sorted[i - 1]!.y1 - eps);
  }
}

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
    checkInvariants(r);
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
    checkInvariants(r);
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
    checkInvariants(r);
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
    checkInvariants(r);
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
});
