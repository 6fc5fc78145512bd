/**
 * Return arcs (recycle loops) routed compactly: each arc runs in a lane just above or below the
 * nodes of the columns it spans — not around the whole drawing — and arcs share lane depth
 * wherever their spans do not overlap (interval packing, shortest span innermost). The room an
 * arc needs is reserved only in the columns it passes, so a loop between two neighbouring
 * columns costs those two columns' height and nothing else.
 */
import type { LayoutLink, LayoutNode, LoopSide } from './layout-types.ts';

type Arc = LayoutLink<unknown, unknown>;

/** Columns an arc passes: from its target's column to its source's (a self loop: one column). */
export const spanOf = (l: Pick<Arc, 'source' | 'target'>): [number, number] => {
  const a = l.source.column;
  const b = l.target.column;
  return a < b ? [a, b] : [b, a];
};

/**
 * Where the return arcs go at one scale: for each side, the packing of arcs into lanes, grouped
 * into components (arcs whose spans overlap, transitively); how much height each column must
 * keep free above and below its nodes; and how much width each column must keep free on its
 * right (arcs leaving) and left (arcs arriving) for the arcs' vertical legs.
 */
export interface LoopPlan {
  /** Height kept free above / below each column's nodes, px. */
  top: Float64Array;
  bottom: Float64Array;
  /** Width kept free right / left of each column, px. */
  right: Float64Array;
  left: Float64Array;
  /** Per arc: distance from its component's edge (the nodes' outer edge) to the arc's centre line, px. */
  offset: Map<Arc, number>;
  /** Per arc: its component, an index into `components`. */
  component: Map<Arc, number>;
  components: { side: LoopSide; from: number; to: number }[];
  /** Per arc: distance of its vertical legs from the node sides, px (source side / target side). */
  standOut: Map<Arc, number>;
  standIn: Map<Arc, number>;
}

/**
 * Plans the lanes of `arcs` (each with `side` set) for link widths `width(arc)` and a `gap`
 * between lanes and between the nodes and the first lane.
 */
export function planLoops(arcs: readonly Arc[], sides: Map<Arc, LoopSide>, columns: number, gap: number): LoopPlan {
  const plan: LoopPlan = {
    top: new Float64Array(columns),
    bottom: new Float64Array(columns),
    right: new Float64Array(columns),
    left: new Float64Array(columns),
    offset: new Map(),
    component: new Map(),
    components: [],
    standOut: new Map(),
    standIn: new Map(),
  };
  for (const side of ['top', 'bottom'] as const) {
    const mine = arcs.filter((a) => sides.get(a) === side);
    if (mine.length === 0) continue;
    // Interval packing, shortest span first so it stays innermost.
    const stack = new Float64Array(columns).fill(gap);
    const byLength = [...mine].sort((a, b) => {
      const [a0, a1] = spanOf(a);
      const [b0, b1] = spanOf(b);
      return a1 - a0 - (b1 - b0) || a.index - b.index;
    });
    for (const a of byLength) {
      const [lo, hi] = spanOf(a);
      let at = 0;
      for (let c = lo; c <= hi; c++) at = Math.max(at, stack[c]!);
      plan.offset.set(a, at + a.width / 2);
      for (let c = lo; c <= hi; c++) stack[c] = at + a.width + gap;
    }
    // Components: overlapping (closed) spans, merged by a sweep from the left.
    const byStart = [...mine].sort((a, b) => spanOf(a)[0] - spanOf(b)[0] || spanOf(a)[1] - spanOf(b)[1]);
    let current: { side: LoopSide; from: number; to: number } | undefined;
    for (const a of byStart) {
      const [lo, hi] = spanOf(a);
      if (!current || lo > current.to) {
        current = { side, from: lo, to: hi };
        plan.components.push(current);
      } else current.to = Math.max(current.to, hi);
      plan.component.set(a, plan.components.length - 1);
    }
    // A component's depth is reserved in every column it covers, so its lanes can run just
    // beyond the outermost node of the whole component and still stay inside the extent.
    const reserve = side === 'top' ? plan.top : plan.bottom;
    for (const k of plan.components) {
      if (k.side !== side) continue;
      let depth = 0;
      for (let c = k.from; c <= k.to; c++) depth = Math.max(depth, stack[c]!);
      for (let c = k.from; c <= k.to; c++) reserve[c] = depth;
    }
    // Legs: beside a column, the arc in the deeper lane stands further out, so legs and lanes
    // nest without crossing where they share a column side.
    const legs = (column: (a: Arc) => number, out: Map<Arc, number>, need: Float64Array) => {
      const byColumn = new Map<number, Arc[]>();
      for (const a of mine) {
        const list = byColumn.get(column(a));
        if (list) list.push(a);
        else byColumn.set(column(a), [a]);
      }
      for (const [c, list] of byColumn) {
        list.sort((a, b) => plan.offset.get(a)! - plan.offset.get(b)! || a.index - b.index);
        let x = gap;
        for (const a of list) {
          out.set(a, x + a.width / 2);
          x += a.width + gap;
        }
        need[c] = Math.max(need[c]!, x);
      }
    };
    legs((a) => a.source.column, plan.standOut, plan.right);
    legs((a) => a.target.column, plan.standIn, plan.left);
  }
  return plan;
}

/**
 * After the nodes are placed: each arc's lane runs just beyond the outermost node (lowest for
 * the bottom side, highest for the top) of the columns its component covers.
 */
export function placeLanes(
  arcs: readonly Arc[],
  sides: Map<Arc, LoopSide>,
  plan: LoopPlan,
  byColumn: readonly (readonly LayoutNode<unknown, unknown>[])[],
): void {
  const edge = plan.components.map((k) => {
    let e = k.side === 'bottom' ? -Infinity : Infinity;
    for (let c = k.from; c <= k.to; c++)
      for (const n of byColumn[c]!) e = k.side === 'bottom' ? Math.max(e, n.y1) : Math.min(e, n.y0);
    return e;
  });
  for (const a of arcs) {
    const side = sides.get(a)!;
    const e = edge[plan.component.get(a)!]!;
    a.side = side;
    a.laneY = side === 'bottom' ? e + plan.offset.get(a)! : e - plan.offset.get(a)!;
    a.standOff = plan.standOut.get(a)!;
    a.standOffIn = plan.standIn.get(a)!;
  }
}

/**
 * SVG path of a link's centre line, to be stroked with `stroke-width = width`: a horizontal
 * Bézier for forward links (d3.sankeyLinkHorizontal), a rounded loop for return arcs — right
 * out of the source, along its lane above or below the nodes, back into the target's left side.
 *
 * @example
 * const layout = sankeyLayout({ extent: [[0, 0], [300, 200]], nodePadding: 10 });
 * const r = layout({ nodes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], links: [{ source: 'a', target: 'b', value: 30 }, { source: 'a', target: 'c', value: 10 }] });
 * sankeyLinkPath(r.links[0]) // => 'M18,76.25C150,76.25 150,73.75 282,73.75'
 */
export function sankeyLinkPath(
  link: Pick<
    LayoutLink<unknown, unknown>,
    'source' | 'target' | 'y0' | 'y1' | 'circular' | 'laneY' | 'standOff' | 'standOffIn'
  >,
): string {
  const sx = link.source.x1;
  const tx = link.target.x0;
  const f = (v: number) => Math.round(v * 100) / 100;
  if (!link.circular) {
    const mx = (sx + tx) / 2;
    return `M${f(sx)},${f(link.y0)}C${f(mx)},${f(link.y0)} ${f(mx)},${f(link.y1)} ${f(tx)},${f(link.y1)}`;
  }
  const lane = link.laneY!;
  const out = link.standOff!;
  const inn = link.standOffIn ?? out;
  const xr = sx + out;
  const xl = tx - inn;
  // Corner radii: as round as the stand-off and the vertical run allow.
  const r1 = Math.min(out, Math.abs(lane - link.y0) / 2);
  const r2 = Math.min(inn, Math.abs(lane - link.y1) / 2);
  const d1 = Math.sign(lane - link.y0) || 1;
  const d2 = Math.sign(lane - link.y1) || 1;
  return [
    `M${f(sx)},${f(link.y0)}`,
    `H${f(xr - r1)}`,
    `Q${f(xr)},${f(link.y0)} ${f(xr)},${f(link.y0 + d1 * r1)}`,
    `V${f(lane - d1 * r1)}`,
    `Q${f(xr)},${f(lane)} ${f(xr - r1)},${f(lane)}`,
    `H${f(xl + r2)}`,
    `Q${f(xl)},${f(lane)} ${f(xl)},${f(lane - d2 * r2)}`,
    `V${f(link.y1 + d2 * r2)}`,
    `Q${f(xl)},${f(link.y1)} ${f(xl + r2)},${f(link.y1)}`,
    `H${f(tx)}`,
  ].join('');
}
