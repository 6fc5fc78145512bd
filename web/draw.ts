/**
 * Draws a laid-out Sankey view (computed in the worker) as SVG with d3-selection. Every style is
 * a presentation attribute from the core palette, so an exported SVG stands alone; every user
 * text goes in with `.text()`, never as markup. Nodes and links are focusable: hovering or
 * focusing one opens a panel with its figures (web/inspect.ts); Enter or a click on a "其他 (n)"
 * node expands it.
 */
import { select } from 'd3-selection';
import { linkStyle as paletteLinkStyle, palette, LABEL_FONT } from '../src/index.ts';
import type { Drawn, DrawLink, DrawNode } from './protocol.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** How a drawn link is stroked: the core palette (src/sankey/palette.ts) by state and layer. */
export function linkStyle(link: Pick<DrawLink, 'state' | 'negative'>, layer: string) {
  return paletteLinkStyle(link.state, layer, link.negative);
}

export interface DrawEvents {
  /** A node or link is hovered or focused (undefined: left). */
  inspect(target: { node: DrawNode } | { link: DrawLink } | undefined, anchor?: DOMRect): void;
  /** A "其他 (n)" node was activated. */
  expand(groupId: string): void;
}

/** Replaces the contents of `host` with the diagram; returns the <svg>. */
export function drawSankey(host: HTMLElement, view: Drawn, title: string, events: DrawEvents): SVGSVGElement {
  host.replaceChildren();
  const svgEl = document.createElementNS(SVG_NS, 'svg');
  host.append(svgEl);
  const svg = select(svgEl)
    .attr('xmlns', SVG_NS)
    .attr('width', view.width)
    .attr('height', view.height)
    .attr('viewBox', `0 0 ${view.width} ${view.height}`)
    .attr('font-family', 'system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif')
    .attr('font-size', LABEL_FONT.size)
    .attr('role', 'group')
    .attr('aria-label', title);
  svg.append('title').text(title);
  svg.append('rect').attr('width', view.width).attr('height', view.height).attr('fill', palette.background);

  // Suspect meters: a dark dashed casing under the link, so the mark does not depend on colour.
  svg
    .append('g')
    .attr('class', 'casings')
    .attr('fill', 'none')
    .selectAll('path')
    .data(view.links.filter((l) => l.suspect.length > 0))
    .join('path')
    .attr('d', (l) => l.d)
    .attr('stroke', palette.suspect.colour)
    .attr('stroke-width', (l) => Math.max(1, l.width) + 2 * palette.suspect.width)
    .attr('stroke-dasharray', palette.suspect.dash)
    .attr('stroke-opacity', 0.9);

  const anchor = (el: Element) => el.getBoundingClientRect();
  svg
    .append('g')
    .attr('class', 'links')
    .attr('fill', 'none')
    .selectAll<SVGPathElement, DrawLink>('path')
    .data(view.links)
    .join('path')
    .attr('d', (l) => l.d)
    .attr('data-state', (l) => l.state)
    .attr('data-source', (l) => l.source)
    .attr('data-target', (l) => l.target)
    .attr('tabindex', 0)
    .attr('aria-label', (l) => `${l.from} → ${l.to}`)
    .each(function (l) {
      const s = linkStyle(l, view.layer);
      const p = select(this)
        .attr('stroke', s.colour)
        .attr('stroke-opacity', s.opacity)
        .attr('stroke-width', l.state === 'unmeasured' ? palette.hairline : Math.max(1, l.width));
      if (s.dash) p.attr('stroke-dasharray', s.dash);
      if (l.circular) p.attr('stroke-linejoin', 'round');
    })
    .on('pointerenter focus', function (_, l) {
      events.inspect({ link: l }, anchor(this));
    })
    .on('pointerleave blur', () => events.inspect(undefined));

  const nodes = svg
    .append('g')
    .attr('class', 'nodes')
    .selectAll<SVGGElement, DrawNode>('g')
    .data(view.nodes)
    .join('g')
    .attr('data-id', (n) => n.id)
    .attr('data-role', (n) => n.role)
    .attr('tabindex', 0)
    .attr('aria-label', (n) => n.name)
    .on('pointerenter focus', function (_, n) {
      events.inspect({ node: n }, anchor(this));
    })
    .on('pointerleave blur', () => events.inspect(undefined))
    .on('click', (_, n) => n.members && events.expand(n.id))
    .on('keydown', (e: KeyboardEvent, n) => {
      if (n.members && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        events.expand(n.id);
      }
    });
  nodes.filter((n) => n.members !== undefined).attr('data-group', (n) => String(n.members));
  nodes
    .append('rect')
    .attr('x', (n) => n.x0)
    .attr('y', (n) => n.y0)
    .attr('width', (n) => n.x1 - n.x0)
    .attr('height', (n) => Math.max(1, n.y1 - n.y0))
    .attr('fill', (n) => palette.node[n.role])
    .attr('stroke', (n) => (n.status ? (palette.status[n.status as keyof typeof palette.status] ?? 'none') : 'none'))
    .attr('stroke-width', (n) => (n.status ? 3 : 0))
    .attr('stroke-dasharray', (n) => (n.members ? '4 2' : null));
  nodes
    .append('text')
    .attr('x', (n) => n.labelX)
    .attr('y', (n) => n.labelY)
    .attr('dy', '0.35em')
    .attr('fill', palette.text)
    .attr('stroke', palette.halo)
    .attr('stroke-width', 3)
    .attr('stroke-linejoin', 'round')
    .attr('paint-order', 'stroke')
    .each(function (n) {
      const text = select(this);
      n.lines.forEach((line, i) => {
        text
          .append('tspan')
          .attr('x', n.labelX)
          .attr('dy', i === 0 ? null : LABEL_FONT.lineHeight)
          .text(line);
      });
    });

  // Marks on links: measured → reconciled adjustments and suspect meters, written out.
  const marks = view.links.filter((l) => l.adjustment || l.suspect.length > 0);
  svg
    .append('g')
    .attr('class', 'marks')
    .attr('font-size', LABEL_FONT.size - 1)
    .attr('text-anchor', 'middle')
    .selectAll('text')
    .data(marks)
    .join('text')
    .attr('x', (l) => l.mid.x)
    .attr('y', (l) => l.mid.y)
    .attr('dy', '0.35em')
    .attr('data-mark', (l) => (l.suspect.length ? 'suspect' : 'adjustment'))
    .attr('fill', palette.adjustment.text)
    .attr('stroke', palette.adjustment.background)
    .attr('stroke-width', 3)
    .attr('paint-order', 'stroke')
    .attr('font-weight', (l) => (l.suspect.length ? 'bold' : null))
    .attr('pointer-events', 'none')
    .text((l) => [l.adjustment, l.suspect.length ? `⚠ ${l.suspect.join(', ')}` : ''].filter(Boolean).join('  '));
  return svgEl;
}
