/**
 * Draws a laid-out Sankey view (computed in the worker) as SVG with d3-selection. Every style is
 * a presentation attribute, so an exported SVG stands alone; every user text goes in with
 * `.text()`, never as markup.
 */
import { select } from 'd3-selection';
import { linkStyle as paletteLinkStyle, palette } from '../src/index.ts';
import type { Drawn, DrawLink, DrawNode } from './protocol.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** How a drawn link is stroked: the core palette (src/sankey/palette.ts) by state and layer. */
export function linkStyle(link: Pick<DrawLink, 'state' | 'negative'>, layer: string) {
  return paletteLinkStyle(link.state, layer, link.negative);
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
  svg.append('rect').attr('width', view.width).attr('height', view.height).attr('fill', palette.background);

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
        .attr('stroke-width', l.state === 'unmeasured' ? palette.hairline : Math.max(1, l.width));
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
    .attr('fill', (n) => palette.node[n.role])
    .attr('stroke', (n) => (n.status ? (palette.status[n.status as keyof typeof palette.status] ?? 'none') : 'none'))
    .attr('stroke-width', (n) => (n.status ? 3 : 0))
    .append('title')
    .text((n) => n.title);
  nodes
    .append('text')
    .attr('x', (n) => (n.labelLeft ? n.x0 - 6 : n.x1 + 6))
    .attr('y', (n) => (n.y0 + n.y1) / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', (n) => (n.labelLeft ? 'end' : 'start'))
    .attr('fill', palette.text)
    .attr('stroke', palette.halo)
    .attr('stroke-width', 3)
    .attr('stroke-linejoin', 'round')
    .attr('paint-order', 'stroke')
    .text((n) => n.label);
  return svgEl;
}
