/**
 * The diagram palette is colour-blind safe: every pair of colours that colour alone must tell
 * apart stays apart under a simulation of protanopia, deuteranopia and tritanopia (Machado et al.
 * 2009, severity 1), measured as CIEDE2000 on the colours as drawn (translucent over white).
 */
import { describe, expect, it } from 'vitest';
import { minimumColourDistance } from '../../src/data/machado-2009.ts';
import {
  composite,
  deltaE2000,
  parseHex,
  perceivedDistance,
  simulate,
  VISIONS,
  type Rgb,
  type Vision,
} from '../../src/sankey/colour-vision.ts';
import { LEGEND_ORDER, layerColour, linkStyle, palette, type LinkStyleKey } from '../../src/sankey/palette.ts';

const limit = (v: Vision) => (v === 'normal' ? minimumColourDistance.normal : minimumColourDistance.dichromat);

/** Smallest pairwise ΔE00 of a set of drawn colours under one kind of vision, with the pair. */
function closest(set: [string, Rgb][], vision: Vision): { d: number; pair: string } {
  let best = { d: Infinity, pair: '' };
  for (let i = 0; i < set.length; i++)
    for (let j = i + 1; j < set.length; j++) {
      const d = perceivedDistance(set[i]![1], set[j]![1], vision);
      if (d < best.d) best = { d, pair: `${set[i]![0]} / ${set[j]![0]}` };
    }
  return best;
}

describe('colour arithmetic', () => {
  it('CIEDE2000 matches Sharma, Wu & Dalal (2005) test pairs 1, 7, 17, 25 and 34', () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, 0, 0], [50, -1, 2])).toBeCloseTo(2.3669, 4);
    expect(deltaE2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
    expect(deltaE2000([60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387])).toBeCloseTo(1.2644, 4);
    expect(deltaE2000([2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514])).toBeCloseTo(0.9082, 4);
  });

  it('compositing, parsing and the Machado simulation', () => {
    expect(composite('#000000', 0.5)).toEqual([0.5, 0.5, 0.5]);
    expect(parseHex('#07b')).toEqual(parseHex('#0077bb'));
    // Pure red under protanopia: linear (1, 0, 0) → row sums of the first column (0.152286,
    // 0.114503, −0.003882 → 0) → encoded 0.4266, 0.3727, 0 — a dark olive.
    const red = simulate([1, 0, 0], 'protanopia');
    expect(red[0]).toBeCloseTo(0.4266, 4);
    expect(red[1]).toBeCloseTo(0.3727, 4);
    expect(red[2]).toBe(0);
    // Grey stays grey for every kind of vision (each matrix row sums to 1).
    for (const v of VISIONS) for (const c of simulate([0.5, 0.5, 0.5], v)) expect(c).toBeCloseTo(0.5, 2);
    // A red–green pair that normal vision separates well collapses for a deuteranope.
    const r: Rgb = parseHex('#cc3311');
    const g: Rgb = parseHex('#228833');
    expect(perceivedDistance(r, g, 'normal')).toBeGreaterThan(40);
    expect(perceivedDistance(r, g, 'deuteranopia')).toBeLessThan(perceivedDistance(r, g, 'normal') / 2);
    expect(() => parseHex('blue')).toThrow(/hex/);
  });
});

describe('the palette', () => {
  const colourCoded = (Object.keys(palette.link) as LinkStyleKey[]).filter((k) => palette.link[k].by === 'colour');

  it('encodes measured, derived, reconciled and imbalance by colour, distinct for every vision and layer', () => {
    expect(colourCoded.sort()).toEqual(['derived', 'measured', 'reconciled', 'unaccounted']);
    for (const layer of ['material', 'water', 'energy', 'COD']) {
      const set = colourCoded.map((k): [string, Rgb] => {
        const s = linkStyle(k as never, layer);
        return [k, composite(s.colour, s.opacity)];
      });
      for (const v of VISIONS) {
        const c = closest(set, v);
        expect(c.d, `${layer}, ${v}: ${c.pair}`).toBeGreaterThanOrEqual(limit(v));
      }
    }
  });

  it('tells the pattern-coded styles apart by their dash, not by colour', () => {
    const dashes = new Set<string | null>();
    for (const k of Object.keys(palette.link) as LinkStyleKey[]) {
      const s = palette.link[k];
      if (s.by === 'pattern') {
        expect(s.dash, k).not.toBeNull();
        expect(dashes.has(s.dash), `${k} shares its dash`).toBe(false);
      }
      dashes.add(s.dash);
    }
    // Estimated flows keep the layer's colour: the dash is what marks them.
    expect(linkStyle('estimated', 'water').colour).toBe(layerColour('water'));
    expect(linkStyle('derived', 'water', true).dash).toBe(palette.link.negative.dash);
  });

  it('keeps every colour-coded link visible against the page for every vision', () => {
    const white = parseHex(palette.background);
    for (const layer of ['material', 'water', 'energy', 'COD'])
      for (const k of colourCoded) {
        const s = linkStyle(k as never, layer);
        for (const v of VISIONS)
          expect(perceivedDistance(composite(s.colour, s.opacity), white, v), `${layer} ${k} ${v}`).toBeGreaterThan(
            limit(v),
          );
      }
  });

  it('gives node roles and balance statuses distinct colours for every vision', () => {
    const nodes: [string, Rgb][] = (['unit', 'source', 'stock-in', 'unaccounted-out'] as const).map((r) => [
      r,
      parseHex(palette.node[r]),
    ]);
    const statuses: [string, Rgb][] = Object.entries(palette.status).map(([k, c]) => [k, parseHex(c)]);
    for (const v of VISIONS) {
      for (const [name, set] of [
        ['nodes', nodes],
        ['statuses', statuses],
      ] as const) {
        const c = closest(set, v);
        expect(c.d, `${name}, ${v}: ${c.pair}`).toBeGreaterThanOrEqual(limit(v));
      }
    }
    // Stock is no longer a third purple next to reconciled flows and component flows.
    for (const v of VISIONS) {
      const stock = parseHex(palette.node['stock-in']);
      const rec = composite(palette.link.reconciled.colour!, palette.link.reconciled.opacity);
      expect(perceivedDistance(stock, rec, v)).toBeGreaterThanOrEqual(limit(v));
    }
  });

  it('has a legend entry for every link style', () => {
    expect([...LEGEND_ORDER].sort()).toEqual(Object.keys(palette.link).sort());
  });
});
