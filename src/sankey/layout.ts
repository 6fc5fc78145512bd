/**
 * A Sankey layout that accepts cycles: data in, positions out, no DOM (d3-sankey's shape:
 * `sankeyLayout(options)(graph)` with nodeWidth, nodePadding, extent and accessors).
 *
 * Plants are full of loops — recycled cooling water, condensate return, reflux — and d3-sankey
 * throws `circular link` on the first one. Here a light feedback arc set breaks the cycles
 * (feedback.ts); the remaining acyclic graph ranks the nodes into columns (longest path), and
 * each back edge becomes a return arc routed just above or below the columns it spans (loops.ts).
 *
 * One scale for every link (width = value × scale). The scale is the largest that fits every
 * column — its nodes, its padding and the loops passing it — into the extent; at real plant
 * sizes (thousands of nodes) padding and minimum heights shrink before the scale does, so no
 * node ever leaves the extent and the scale never collapses to zero (d3-sankey shrinks only its
 * padding, and its scale goes to 0 or below when a column holds more nodes than fit). With a
 * fixed scale (to compare diagrams) the extent grows instead.
 */
import { markBackEdges } from './feedback.ts';
import type { Extent, LayoutLink, LayoutNode, LoopSide, SankeyLayoutResult, SankeyOptions } from './layout-types.ts';
import { placeLanes, planLoops, spanOf, type LoopPlan } from './loops.ts';
import { assignColumns, placeVertically } from './placement.ts';

export { sankeyLinkPath } from './loops.ts';
export type { Extent, LayoutLink, LayoutNode, LoopSide, SankeyLayoutResult, SankeyOptions } from './layout-types.ts';

export const SANKEY_DEFAULTS = {
  nodeWidth: 18,
  nodePadding: 14,
  iterations: 8,
  loopGap: 4,
  minNodeHeight: 2,
  /** At most this share of a column's height goes to padding and minimum heights; the rest to values. */
  maxFixedShare: 0.5,
  /** At most this share of the height (and width) goes to the gaps between return-arc lanes. */
  maxLoopGapShare: 0.25,
  /** Bisection steps for the fitted scale (2⁻⁴⁰ of the upper bound: far below a pixel). */
  scaleSteps: 40,
};

/**
 * Returns the layout function configured by `options` (d3-sankey's defaults for accessors).
 *
 * @example
 * // a splits 30 + 10 to b and c in a 300 × 200 extent: one scale for every link, fitted to the fullest column
 * // (b and c, with their padding); link widths are value × scale: 30 × 4.65 = 139.5 px, 10 × 4.65 = 46.5 px
 * const layout = sankeyLayout({ extent: [[0, 0], [300, 200]], nodePadding: 10 });
 * const nodes = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
 * const r = layout({ nodes, links: [{ source: 'a', target: 'b', value: 30 }, { source: 'a', target: 'c', value: 10 }] });
 * [roundTo(r.scale, 4), r.links.map((l) => roundTo(l.width, 2)), r.nodes.map((n) => n.column)] // => [4.65, [139.5, 46.5], [0, 1, 1]]
 */
export function sankeyLayout<N, L>(options: SankeyOptions<N, L> = {}) {
  const nodeWidth = options.nodeWidth ?? SANKEY_DEFAULTS.nodeWidth;
  const nodePadding = options.nodePadding ?? SANKEY_DEFAULTS.nodePadding;
  const asked: Extent = options.extent ?? [
    [0, 0],
    [960, 500],
  ];
  const iterations = options.iterations ?? SANKEY_DEFAULTS.iterations;
  const loopGap = options.loopGap ?? SANKEY_DEFAULTS.loopGap;
  const minNodeHeight = options.minNodeHeight ?? SANKEY_DEFAULTS.minNodeHeight;
  const nodeId = options.nodeId ?? ((n: N, i: number) => (n as { id?: string }).id ?? String(i));
  const sourceOf = options.source ?? ((l: L) => (l as { source: string | number }).source);
  const targetOf = options.target ?? ((l: L) => (l as { target: string | number }).target);
  const linkValue = options.value ?? ((l: L) => (l as { value: number }).value);

  return function layout(graph: { nodes: readonly N[]; links: readonly L[] }): SankeyLayoutResult<N, L> {
    const { nodes, links } = buildGraph(graph, nodeId, sourceOf, targetOf, linkValue);
    markBackEdges(nodes, links);
    const columns = assignColumns(nodes);
    const byColumn: LayoutNode<N, L>[][] = Array.from({ length: columns }, () => []);
    for (const n of nodes) byColumn[n.column]!.push(n);
    const arcs = links.filter((l) => l.circular) as unknown as LayoutLink<unknown, unknown>[];
    const extent: Extent = [[...asked[0]], [...asked[1]]];
    const sides = new Map(arcs.map((a) => [a, 'bottom' as LoopSide]));
    const fitted = () =>
      fitScale(byColumn, arcs, sides, extent, {
        nodeWidth,
        nodePadding,
        minNodeHeight,
        loopGap,
        ...(options.scale !== undefined ? { scale: options.scale } : {}),
      });
    let f = fitted();
    place(byColumn, f, extent, iterations);
    if (arcs.length > 0 && (options.loopSides ?? 'both') === 'both' && chooseSides(arcs, sides, byColumn)) {
      f = fitted();
      place(byColumn, f, extent, iterations, sides);
    }
    assignLinkBreadths(nodes, f.plan);
    placeLanes(arcs, sides, f.plan, byColumn as unknown as LayoutNode<unknown, unknown>[][]);
    return {
      nodes,
      links,
      scale: f.scale,
      columns,
      extent,
      crowded: f.crowded || f.nodeWidth < nodeWidth,
      padding: Math.min(nodePadding, ...f.padding),
      nodeWidth: f.nodeWidth,
    };
  };
}

function buildGraph<N, L>(
  graph: { nodes: readonly N[]; links: readonly L[] },
  nodeId: (n: N, i: number) => string,
  sourceOf: (l: L) => string | number,
  targetOf: (l: L) => string | number,
  linkValue: (l: L) => number,
) {
  const nodes: LayoutNode<N, L>[] = graph.nodes.map((data, index) => ({
    data,
    index,
    id: nodeId(data, index),
    column: 0,
    value: 0,
    x0: 0,
    x1: 0,
    y0: 0,
    y1: 0,
    sourceLinks: [],
    targetLinks: [],
  }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const find = (ref: string | number): LayoutNode<N, L> => {
    const n = typeof ref === 'number' ? nodes[ref] : byId.get(ref);
    if (!n) throw new Error(`sankey: missing node ${JSON.stringify(ref)}`);
    return n;
  };
  const links: LayoutLink<N, L>[] = graph.links.map((data, index) => {
    const value = linkValue(data);
    if (!(value >= 0) || !Number.isFinite(value))
      throw new Error(`sankey: link ${index} has value ${value}; values must be finite and ≥ 0`);
    const link: LayoutLink<N, L> = {
      data,
      index,
      source: find(sourceOf(data)),
      target: find(targetOf(data)),
      value,
      width: 0,
      y0: 0,
      y1: 0,
      circular: false,
    };
    link.source.sourceLinks.push(link);
    link.target.targetLinks.push(link);
    return link;
  });
  for (const n of nodes) {
    const sum = (ls: LayoutLink<N, L>[]) => ls.reduce((s, l) => s + l.value, 0);
    n.value = Math.max(sum(n.sourceLinks), sum(n.targetLinks));
  }
  return { nodes, links };
}

interface Fit {
  scale: number;
  plan: LoopPlan;
  /** Per column: padding and minimum node height used. */
  padding: number[];
  minHeight: number[];
  crowded: boolean;
  /** Node width used (narrower than asked only when the columns would not fit the width). */
  nodeWidth: number;
}

/**
 * The scale and the room of every column. A column needs (n − 1)·padding + n·minHeight + Σ value
 * × scale, plus the loops passing it (planLoops); the columns' sides need the loops' legs. Both
 * grow with the scale, so the largest scale that fits is found by bisection. Crowded columns
 * (padding and minimum heights over `maxFixedShare` of their room) shrink both first. With a
 * fixed scale the extent grows to what it needs instead.
 */
function fitScale<N, L>(
  byColumn: LayoutNode<N, L>[][],
  arcs: LayoutLink<unknown, unknown>[],
  sides: Map<LayoutLink<unknown, unknown>, LoopSide>,
  extent: Extent,
  o: { nodeWidth: number; nodePadding: number; minNodeHeight: number; loopGap: number; scale?: number },
): Fit {
  const columns = byColumn.length;
  const last = columns - 1;
  const setWidths = (s: number) => {
    for (const a of arcs) a.width = a.value * s;
  };
  const [[x0, y0], [x1, y1]] = extent;
  const share = SANKEY_DEFAULTS.maxLoopGapShare;
  // Node width: at most half the width over all columns (a very wide graph in a narrow extent).
  const nodeWidth = o.scale === undefined ? Math.min(o.nodeWidth, (0.5 * (x1 - x0)) / columns) : o.nodeWidth;
  // Lane and leg gaps: at most maxLoopGapShare of the height and of the width, counted at scale 0.
  setWidths(0);
  const counts = planLoops(arcs, sides, columns, 1);
  let stacked = 0;
  let inner = 0;
  for (let c = 0; c < columns; c++) {
    stacked = Math.max(stacked, counts.top[c]! + counts.bottom[c]!);
    if (c < last) inner = Math.max(inner, counts.right[c]! + counts.left[c + 1]!);
  }
  const legs = columns <= 1 ? counts.left[0]! + counts.right[0]! : counts.left[0]! + counts.right[last]! + last * inner;
  const gap = Math.min(
    o.loopGap,
    stacked > 0 ? (share * (y1 - y0)) / stacked : Infinity,
    legs > 0 ? (share * (x1 - x0)) / legs : Infinity,
  );
  const value = byColumn.map((col) => col.reduce((s, n) => s + n.value, 0));
  const padding = byColumn.map(() => o.nodePadding);
  const minHeight = byColumn.map(() => o.minNodeHeight);
  const fixedPart = (c: number) => (byColumn[c]!.length - 1) * padding[c]! + byColumn[c]!.length * minHeight[c]!;
  let crowded = false;
  if (o.scale === undefined) {
    const room0 = planLoops(arcs, sides, columns, gap);
    for (let c = 0; c < columns; c++) {
      const room = y1 - y0 - room0.top[c]! - room0.bottom[c]!;
      const fixed = fixedPart(c);
      if (fixed > SANKEY_DEFAULTS.maxFixedShare * room) {
        const k = fixed > 0 ? Math.max(0, (SANKEY_DEFAULTS.maxFixedShare * room) / fixed) : 0;
        padding[c] = padding[c]! * k;
        minHeight[c] = minHeight[c]! * k;
        crowded = true;
      }
    }
  }
  /** Height and width the drawing needs at scale s. */
  const needs = (s: number) => {
    setWidths(s);
    const plan = planLoops(arcs, sides, columns, gap);
    let height = 0;
    let inner = 0;
    for (let c = 0; c < columns; c++) {
      height = Math.max(height, fixedPart(c) + value[c]! * s + plan.top[c]! + plan.bottom[c]!);
      if (c < last) inner = Math.max(inner, plan.right[c]! + plan.left[c + 1]!);
    }
    const width =
      columns <= 1
        ? plan.left[0]! + nodeWidth + plan.right[0]!
        : plan.left[0]! + plan.right[last]! + nodeWidth + last * (nodeWidth + inner);
    return { height, width, plan };
  };
  const fits = (s: number) => {
    const n = needs(s);
    return n.height <= y1 - y0 + 1e-9 && n.width <= x1 - x0 + 1e-9;
  };
  let scale: number;
  if (o.scale !== undefined) {
    scale = o.scale;
    const n = needs(scale);
    // A fixed scale keeps its px per unit: the drawing grows instead.
    extent[1][1] = Math.max(y1, y0 + n.height);
    extent[1][0] = Math.max(x1, x0 + n.width);
  } else {
    let hi = Infinity;
    for (let c = 0; c < columns; c++) if (value[c]! > 0) hi = Math.min(hi, (y1 - y0 - fixedPart(c)) / value[c]!);
    if (!Number.isFinite(hi)) hi = 1; // nothing has a value: any scale draws zero widths
    hi = Math.max(hi, 0);
    if (fits(hi)) scale = hi;
    else {
      let lo = 0;
      for (let i = 0; i < SANKEY_DEFAULTS.scaleSteps; i++) {
        const mid = (lo + hi) / 2;
        if (fits(mid)) lo = mid;
        else hi = mid;
      }
      scale = lo;
    }
  }
  const plan = needs(scale).plan;
  for (const col of byColumn) for (const n of col) for (const l of n.sourceLinks) l.width = l.value * scale;
  return { scale, plan, padding, minHeight, crowded, nodeWidth };
}

/** x of the columns (spread over the width the loops' legs leave), then y within each column's band. */
function place<N, L>(
  byColumn: LayoutNode<N, L>[][],
  f: Fit,
  extent: Extent,
  iterations: number,
  sides?: ReadonlyMap<LayoutLink<unknown, unknown>, LoopSide>,
) {
  const { nodeWidth } = f;
  const [[x0, y0], [x1, y1]] = extent;
  const last = byColumn.length - 1;
  const { plan } = f;
  const step = last > 0 ? (x1 - x0 - nodeWidth - plan.left[0]! - plan.right[last]!) / last : 0;
  byColumn.forEach((col, c) => {
    const x =
      last > 0
        ? x0 + plan.left[0]! + c * step
        : x0 + plan.left[0]! + (x1 - x0 - plan.left[0]! - plan.right[0]! - nodeWidth) / 2;
    for (const n of col) {
      n.x0 = x;
      n.x1 = x + nodeWidth;
    }
  });
  const bands = byColumn.map((_, c) => [y0 + plan.top[c]!, y1 - plan.bottom[c]!] as const);
  placeVertically(byColumn, f.scale, f.padding, f.minHeight, bands, iterations, sides);
}

/**
 * Return arcs above or below: whichever side is nearer to the arc's two ends (the sum of the
 * distances from their centres to the outermost node of the spanned columns on that side),
 * as d3-sankey-circular does. Returns whether any arc changed side.
 */
function chooseSides<N, L>(
  arcs: LayoutLink<unknown, unknown>[],
  sides: Map<LayoutLink<unknown, unknown>, LoopSide>,
  byColumn: LayoutNode<N, L>[][],
): boolean {
  let changed = false;
  for (const a of arcs) {
    const [lo, hi] = spanOf(a);
    let top = Infinity;
    let bottom = -Infinity;
    for (let c = lo; c <= hi; c++)
      for (const n of byColumn[c]!) {
        top = Math.min(top, n.y0);
        bottom = Math.max(bottom, n.y1);
      }
    const cs = (a.source.y0 + a.source.y1) / 2;
    const ct = (a.target.y0 + a.target.y1) / 2;
    const side: LoopSide = cs - top + (ct - top) < bottom - cs + (bottom - ct) ? 'top' : 'bottom';
    if (side !== sides.get(a)) changed = true;
    sides.set(a, side);
  }
  return changed;
}

/**
 * Where each link attaches. Outgoing links: arcs running above first (the shallowest lane at the
 * top edge), forward links by their target's height, arcs running below last (the deepest lane
 * first, so legs and lanes nest without crossing); incoming links likewise by their source.
 */
function assignLinkBreadths<N, L>(nodes: LayoutNode<N, L>[], plan: LoopPlan): void {
  const rank = (l: LayoutLink<N, L>) => {
    if (!l.circular) return 0;
    const off = plan.offset.get(l as unknown as LayoutLink<unknown, unknown>) ?? 0;
    return l.side === 'top' || planSide(plan, l) === 'top' ? -1e12 + off : 1e12 - off;
  };
  for (const n of nodes) {
    const order = (a: LayoutLink<N, L>, b: LayoutLink<N, L>, other: (l: LayoutLink<N, L>) => LayoutNode<N, L>) =>
      rank(a) - rank(b) || other(a).y0 - other(b).y0 || a.index - b.index;
    n.sourceLinks.sort((a, b) => order(a, b, (l) => l.target));
    n.targetLinks.sort((a, b) => order(a, b, (l) => l.source));
    let y = n.y0;
    for (const l of n.sourceLinks) {
      l.y0 = y + l.width / 2;
      y += l.width;
    }
    y = n.y0;
    for (const l of n.targetLinks) {
      l.y1 = y + l.width / 2;
      y += l.width;
    }
  }
}

const planSide = <N, L>(plan: LoopPlan, l: LayoutLink<N, L>): LoopSide | undefined => {
  const k = plan.component.get(l as unknown as LayoutLink<unknown, unknown>);
  return k === undefined ? undefined : plan.components[k]!.side;
};
