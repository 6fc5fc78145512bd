/**
 * Where the nodes of a Sankey layout go: columns by longest path, then heights within each
 * column's band by relaxation. Split from layout.ts (one concept per module).
 */
import type { LayoutLink, LayoutNode, LoopSide } from './layout-types.ts';

/**
 * Columns by longest path over the acyclic links; sinks are pushed to the last column
 * (d3's "justify") and sources pulled right up to the column before their first target,
 * so a purchased carrier stands next to the unit that uses it.
 */
export function assignColumns<N, L>(nodes: LayoutNode<N, L>[]): number {
  const indegree = new Int32Array(nodes.length);
  for (const n of nodes) for (const l of n.sourceLinks) if (!l.circular) indegree[l.target.index]!++;
  const queue = nodes.filter((n) => indegree[n.index] === 0);
  for (let q = 0; q < queue.length; q++) {
    const n = queue[q]!;
    for (const l of n.sourceLinks) {
      if (l.circular) continue;
      l.target.column = Math.max(l.target.column, n.column + 1);
      if (--indegree[l.target.index]! === 0) queue.push(l.target);
    }
  }
  let columns = 1;
  for (const n of nodes) columns = Math.max(columns, n.column + 1);
  const forward = (n: LayoutNode<N, L>) => n.sourceLinks.filter((l) => !l.circular);
  const backward = (n: LayoutNode<N, L>) => n.targetLinks.filter((l) => !l.circular);
  for (const n of nodes) if (forward(n).length === 0 && backward(n).length > 0) n.column = columns - 1;
  for (const n of nodes) {
    const out = forward(n);
    if (backward(n).length === 0 && out.length > 0)
      n.column = Math.max(0, Math.min(...out.map((l) => l.target.column)) - 1);
  }
  return columns;
}

/**
 * Stacks each column in its band, then relaxes: every node moves towards the value-weighted mean
 * centre of its neighbours (forward links only), with overlaps resolved after each pass. A node
 * with return arcs is also pulled, by the arcs' value, towards the band edge its arcs run along,
 * which keeps the arcs' vertical legs short.
 */
export function placeVertically<N, L>(
  byColumn: LayoutNode<N, L>[][],
  scale: number,
  padding: number[],
  minHeight: number[],
  bands: (readonly [number, number])[],
  iterations: number,
  sides?: ReadonlyMap<LayoutLink<unknown, unknown>, LoopSide>,
): void {
  byColumn.forEach((col, c) => {
    let y = bands[c]![0];
    for (const n of col) {
      n.y0 = y;
      n.y1 = y + Math.max(n.value * scale, minHeight[c]!);
      y = n.y1 + padding[c]!;
    }
    resolveCollisions(col, padding[c]!, bands[c]!);
  });
  const centre = (n: LayoutNode<N, L>) => (n.y0 + n.y1) / 2;
  for (let i = 0; i < iterations; i++) {
    const alpha = 0.9 ** i;
    const pass = (order: number[], links: (n: LayoutNode<N, L>) => [LayoutNode<N, L>, number][]) => {
      for (const c of order) {
        const col = byColumn[c]!;
        for (const n of col) {
          const ns = links(n);
          let w = 0;
          let target = 0;
          for (const [m, v] of ns) {
            w += v;
            target += centre(m) * v;
          }
          if (sides) {
            const half = (n.y1 - n.y0) / 2;
            for (const l of [...n.sourceLinks, ...n.targetLinks]) {
              const side = l.circular ? sides.get(l as unknown as LayoutLink<unknown, unknown>) : undefined;
              if (!side) continue;
              w += l.value;
              target += (side === 'top' ? bands[c]![0] + half : bands[c]![1] - half) * l.value;
            }
          }
          if (w <= 0) continue;
          const dy = (target / w - centre(n)) * alpha;
          n.y0 += dy;
          n.y1 += dy;
        }
        col.sort((a, b) => a.y0 - b.y0 || a.index - b.index);
        resolveCollisions(col, padding[c]!, bands[c]!);
      }
    };
    const cols = byColumn.map((_, c) => c);
    pass(cols.slice(1), (n) => n.targetLinks.filter((l) => !l.circular).map((l) => [l.source, l.value]));
    pass(cols.slice(0, -1).reverse(), (n) => n.sourceLinks.filter((l) => !l.circular).map((l) => [l.target, l.value]));
  }
}

/** Pushes overlapping nodes down, then back up from the band's bottom (the fit guarantees they fit). */
function resolveCollisions<N, L>(col: LayoutNode<N, L>[], padding: number, band: readonly [number, number]): void {
  const [top, bottom] = band;
  let y = top;
  for (const n of col) {
    const dy = y - n.y0;
    if (dy > 0) {
      n.y0 += dy;
      n.y1 += dy;
    }
    y = n.y1 + padding;
  }
  y = bottom;
  for (let i = col.length - 1; i >= 0; i--) {
    const n = col[i]!;
    const dy = n.y1 - y;
    if (dy > 0) {
      n.y0 -= dy;
      n.y1 -= dy;
    }
    y = n.y0 - padding;
  }
}
