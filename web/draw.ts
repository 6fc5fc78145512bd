/**
 * Draws a laid-out Sankey view (computed in the worker) as SVG with d3-selection. Every style is
 * a presentation attribute, so an exported SVG stands alone; every user text goes in with
 * `.text()`, never as markup.
 */
import { select } from 'd3-selection';
import type { Drawn, DrawLink, DrawNode } from './protocol.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Colour of measured flows per layer; components share one. */
export const LAYER_COLOURS: Record<string, string> = { material: '#8c6d31', water: '#2b7bba', energy: '#e0701c' };
const COMPONENT_COLOUR = '#7b5ea7';

/** How each flow state is drawn: colour (null = the layer's), dash pattern, opacity. */
export const STATE_STYLE: Record<string, { colour: string | null; dash: string | null; opacity: number }> = {
  measured: { colour: null, dash: null, opacity: 0.5 },
  estimated: { colour: null, dash: '10 5', opacity: 0.4 },
  derived: { colour: '#2e9e4f', dash: null, opacity: 0.45 },
  reconciled: { colour: '#6a51a3', dash: null, opacity: 0.5 },
  unmeasured: { colour: '#555555', dash: '3 3', opacity: 0.9 },
  unaccounted: { colour: '#d62728', dash: null, opacity: 0.6 },
  negative: { colour: '#d62728', dash: '4 4', opacity: 0.8 },
};

const STATUS_COLOURS: Record<string, string> = {
  closed: '#2f855a',
  open: '#c53030',
  'by-difference': '#3182ce',
  indeterminate: '#b7791f',
};
const ROLE_FILL: Record<string, string> = {
  unit: '#4a5568',
  source: '#94a3b8',
  sink: '#94a3b8',
  'stock-in': '#805ad5',
  'stock-out': '#805ad5',
  'unaccounted-in': '#d62728',
  'unaccounted-out': '#d62728',
};

export function layerColour(layer: string): string {
  return LAYER_COLOURS[layer] ?? COMPONENT_COLOUR;
}

export function linkStyle(link: Pick<DrawLink, 'state' | 'negative'>, layer: string) {
  const s = STATE_STYLE[link.negative ? 'negative' : link.state]!;
  return { colour: s.colour ?? layerColour(layer), dash: s.dash, opacity: s.opacity };
}

/** Replaces the contents of `host` with the diagram; returns the <svg>. */
export function drawSankey(host: HTMLElement, view: Drawn, title: string): SVGSVGElement {
  host.replaceChildren();
  const svgEl = document.createElementNS(SVG_NS, 'svg');
  host.append(svgEl);
  const svg = select(svgEl)
    .attr('xmlns', SVG_NS)
    .attr('width', view.width)
    .attr('height', view.height)
    .attr('viewBox', `0 0 ${view.width} ${view.height}`)
    .attr('font-family', 'system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif')
    .attr('font-size', 12)
    .attr('role', 'img');
  svg.append('title').text(title);
  svg.append('rect').attr('width', view.width).attr('height', view.height).attr('fill', '#ffffff');

  svg
    .append('g')
    .attr('class', 'links')
    .attr('fill', 'none')
    .selectAll('path')
    .data(view.links)
    .join('path')
    .attr('d', (l) => l.d)
    .attr('data-state', (l) => l.state)
    .attr('data-source', (l) => l.source)
    .attr('data-target', (l) => l.target)
    .each(function (l) {
      const s = linkStyle(l, view.layer);
      const p = select(this)
        .attr('stroke', s.colour)
        .attr('stroke-opacity', l.circular ? s.opacity * 0.7 : s.opacity)
        .attr('stroke-width', l.state === 'unmeasured' ? 1.5 : Math.max(1, l.width));
      if (s.dash) p.attr('stroke-dasharray', s.dash);
      if (l.circular) p.attr('stroke-linejoin', 'round');
    })
    .append('title')
    .text((l) => l.title);

  const nodes = svg
    .append('g')
    .attr('class', 'nodes')
    .selectAll<SVGGElement, DrawNode>('g')
    .data(view.nodes)
    .join('g')
    .attr('data-id', (n) => n.id)
    .attr('data-role', (n) => n.role);
  nodes
    .append('rect')
    .attr('x', (n) => n.x0)
    .attr('y', (n) => n.y0)
    .attr('width', (n) => n.x1 - n.x0)
    .attr('height', (n) => Math.max(1, n.y1 - n.y0))
    .attr('fill', (n) => ROLE_FILL[n.role] ?? '#4a5568')
    .attr('stroke', (n) => (n.status ? (STATUS_COLOURS[n.status] ?? 'none') : 'none'))
    .attr('stroke-width', (n) => (n.status ? 3 : 0))
    .append('title')
    .text((n) => n.title);
  nodes
    .append('text')
    .attr('x', (n) => (n.labelLeft ? n.x0 - 6 : n.x1 + 6))
    .attr('y', (n) => (n.y0 + n.y1) / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', (n) => (n.labelLeft ? 'end' : 'start'))
    .attr('fill', '#1a202c')
    .attr('stroke', '#ffffff')
    .attr('stroke-width', 3)
    .attr('stroke-linejoin', 'round')
    .attr('paint-order', 'stroke')
    .text((n) => n.label);
  return svgEl;
}
