/**
 * The diagram's colours and line styles, as data: one palette for the web app, the SVG/PNG export
 * and the report's figures, so a colour means the same everywhere.
 *
 * What the colours encode, in one diagram (one layer):
 * - a link's colour says how its value was obtained — measured (the layer's colour), computed by
 *   difference, estimated by reconciliation — and the imbalance (unaccounted) has its own red;
 * - estimated values (estimate, design, calculation) keep the layer's colour but are dashed, and
 *   unknown (unmeasured) flows are grey dashed hairlines: a pattern, not a colour, tells those apart;
 * - node outlines give the balance status; suspect meters get a black dashed casing and a mark;
 *   reconciliation adjustments are written on the link ("120 → 139").
 * Colours come from Okabe & Ito (2008) and Tol (2021, SRON/EPS/TN/09-002), chosen so every pair
 * that colour alone must tell apart stays ≥ 10 ΔE00 apart under protanopia, deuteranopia and
 * tritanopia (Machado et al. 2009 simulation, as drawn: translucent over white) and ≥ 20 for
 * normal vision — `test/web/palette.test.ts` asserts it (thresholds in src/data/machado-2009.ts).
 */
import type { FlowState, ViewNodeRole } from './view-types.ts';

export interface StrokeStyle {
  /** Hex colour; `null` = the layer's colour. */
  colour: string | null;
  opacity: number;
  /** SVG stroke-dasharray, or null for a solid line. */
  dash: string | null;
  /** What tells this style apart from the others: its colour alone, or its pattern (dash, width). */
  by: 'colour' | 'pattern';
}

/** Link styles: the flow states of src/sankey/view.ts, plus a negative value (an error to fix). */
export type LinkStyleKey = FlowState | 'negative';

export interface Palette {
  background: string;
  text: string;
  /** Halo behind labels so they read over links. */
  halo: string;
  /** Measured flows per base layer; every component layer shares `component`. */
  layer: { material: string; water: string; energy: string; component: string };
  link: Record<LinkStyleKey, StrokeStyle>;
  /** Node fills by role. */
  node: Record<ViewNodeRole, string>;
  /** Node outlines by balance status (src/balance: closed, open, by-difference, indeterminate). */
  status: Record<'closed' | 'open' | 'by-difference' | 'indeterminate', string>;
  /** Pass / fail badges in tables (coverage, tests). */
  verdict: { pass: string; fail: string; warn: string; neutral: string };
  /** A flow whose meter reconciliation names a suspect: casing colour and dash. */
  suspect: { colour: string; dash: string; width: number };
  /** Measured → reconciled labels on links. */
  adjustment: { text: string; background: string };
  /** Width of an unmeasured flow's hairline, px (its value is unknown, so its width says nothing). */
  hairline: number;
}

const LINK_OPACITY = 0.8;

export const palette: Palette = {
  background: '#ffffff',
  text: '#1a202c',
  halo: '#ffffff',
  layer: { material: '#999933', water: '#33bbee', energy: '#e69f00', component: '#ccbb44' },
  link: {
    measured: { colour: null, opacity: LINK_OPACITY, dash: null, by: 'colour' },
    estimated: { colour: null, opacity: 0.55, dash: '10 5', by: 'pattern' },
    derived: { colour: '#117733', opacity: LINK_OPACITY, dash: null, by: 'colour' },
    reconciled: { colour: '#332288', opacity: LINK_OPACITY, dash: null, by: 'colour' },
    unaccounted: { colour: '#ee3377', opacity: LINK_OPACITY, dash: null, by: 'colour' },
    unmeasured: { colour: '#555555', opacity: 0.9, dash: '3 3', by: 'pattern' },
    negative: { colour: '#ee3377', opacity: 0.9, dash: '4 4', by: 'pattern' },
  },
  node: {
    unit: '#3f4a5a',
    source: '#a9b4c2',
    sink: '#a9b4c2',
    'stock-in': '#ddcc77',
    'stock-out': '#ddcc77',
    'unaccounted-in': '#ee3377',
    'unaccounted-out': '#ee3377',
  },
  status: { closed: '#009e73', open: '#d55e00', 'by-difference': '#56b4e9', indeterminate: '#f0e442' },
  verdict: { pass: '#117733', fail: '#cc3311', warn: '#b7791f', neutral: '#4a5568' },
  suspect: { colour: '#000000', dash: '6 3', width: 2 },
  adjustment: { text: '#1a202c', background: '#ffffff' },
  hairline: 1.5,
};

/**
 * Base layers have their own colour; every component layer (COD, S, Ni…) shares one.
 *
 * @example
 * layerColour('water') // => '#33bbee'
 * layerColour('COD') === layerColour('Ni') // => true
 */
export function layerColour(layer: string, p: Palette = palette): string {
  return layer === 'material' || layer === 'water' || layer === 'energy' ? p.layer[layer] : p.layer.component;
}

/**
 * How to stroke a link of `state` in `layer` (a negative value overrides its state).
 *
 * @example
 * linkStyle('derived', 'water') // => { colour: '#117733', opacity: 0.8, dash: null, by: 'colour' }
 */
export function linkStyle(
  state: FlowState,
  layer: string,
  negative = false,
  p: Palette = palette,
): StrokeStyle & { colour: string } {
  const s = p.link[negative ? 'negative' : state];
  return { ...s, colour: s.colour ?? layerColour(layer, p) };
}

/** The legend's entries in order (what the figure and the page show under a diagram). */
export const LEGEND_ORDER: readonly LinkStyleKey[] = [
  'measured',
  'estimated',
  'derived',
  'reconciled',
  'unmeasured',
  'unaccounted',
  'negative',
];
