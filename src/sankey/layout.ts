/**
 * A Sankey layout that accepts cycles: data in, positions out, no DOM (d3-sankey's shape:
 * `sankeyLayout(options)(graph)` with nodeWidth, nodePadding, extent and accessors).
 *
 * Plants are full of loops — recycled cooling water, condensate return, reflux — and d3-sankey
 * throws `circular link` on the first one. Here a light feedback arc set breaks the cycles; the remaining acyclic graph ranks the nodes into columns (longest path), and each
 * back edge is laid out as a return arc: out of the right side of its source, down into a lane
 * below the nodes, back left and up into the left side of its target. The vertical scale leaves
 * room for those lanes, so nothing is clipped and every link keeps width ∝ value.
 */

export type Extent = [[number, number], [number, number]];

export interface SankeyOptions<N, L> {
  /** Node rectangle width, px. */
  nodeWidth?: number;
  /** Vertical gap between nodes of one column, px. */
  nodePadding?: number;
  /** [[x0, y0], [x1, y1]] of the drawing area. */
  extent?: Extent;
  /** Relaxation passes that pull linked nodes level with each other. */
  iterations?: number;
  /** Fixed px per unit of value (so two diagrams compare); fitted to the extent when absent. */
  scale?: number;
  /** Gap between return-arc lanes and between the nodes and the first lane, px. */
  loopGap?: number;
  /** Height of a node whose links are all zero, px (so it can still be seen and labelled). */
  minNodeHeight?: number;
  nodeId?: (node: N, index: number) => string;
  source?: (link: L) => string | number;
  target?: (link: L) => string | number;
  value?: (link: L) => number;
}

export interface LayoutNode<N, L> {
  data: N;
  index: number;
  id: string;
  /** Column, 0 = leftmost. */
  column: number;
  /** max(Σ in, Σ out) over all links, cycles included. */
  value: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  sourceLinks: LayoutLink<N, L>[];
  targetLinks: LayoutLink<N, L>[];
}

export interface LayoutLink<N, L> {
  data: L;
  index: number;
  source: LayoutNode<N, L>;
  target: LayoutNode<N, L>;
  value: number;
  /** value × scale, px. */
  width: number;
  /** Centre of the link where it leaves the source / enters the target. */
  y0: number;
  y1: number;
  /** A back edge (or self loop), drawn as a return arc. */
  circular: boolean;
  /** Return arcs only: y of the lane below the nodes, and how far the arc stands off the nodes' sides. */
  laneY?: number;
  standOff?: number;
}

export interface SankeyLayoutResult<N, L> {
  nodes: LayoutNode<N, L>[];
  links: LayoutLink<N, L>[];
  /** px per unit of value actually used. */
  scale: number;
  columns: number;
  extent: Extent;
}

const DEFAULTS = { nodeWidth: 18, nodePadding: 14, iterations: 8, loopGap: 6, minNodeHeight: 2 };

/** Returns the layout function configured by `options` (d3-sankey's defaults for accessors). */
export function sankeyLayout<N, L>(options: SankeyOptions<N, L> = {}) {
  const nodeWidth = options.nodeWidth ?? DEFAULTS.nodeWidth;
  const nodePadding = options.nodePadding ?? DEFAULTS.nodePadding;
  const extent: Extent = options.extent ?? [
    [0, 0],
    [960, 500],
  ];
  const iterations = options.iterations ?? DEFAULTS.iterations;
  const loopGap = options.loopGap ?? DEFAULTS.loopGap;
  const minNodeHeight = options.minNodeHeight ?? DEFAULTS.minNodeHeight;
  const nodeId = options.nodeId ?? ((n: N, i: number) => (n as { id?: string }).id ?? String(i));
  const sourceOf = options.source ?? ((l: L) => (l as { source: string | number }).source);
  const targetOf = options.target ?? ((l: L) => (l as { target: string | number }).target);
  const linkValue = options.value ?? ((l: L) => (l as { value: number }).value);

  return function layout(graph: { nodes: readonly N[]; links: readonly L[] }): SankeyLayoutResult<N, L> {
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
      if (!(value >= 0)) throw new Error(`sankey: link ${index} has value ${value}; values must be ≥ 0`);
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
    markBackEdges(nodes, links);
    const columns = assignColumns(nodes);
    const circular = links.filter((l) => l.circular);

    // Scale: the tallest column (plus the return-arc lanes, which also scale with value) fills the height.
    const [[x0, y0], [x1, y1]] = extent;
    const height = y1 - y0;
    const circularValue = circular.reduce((s, l) => s + l.value, 0);
    const laneFixed = circular.length > 0 ? loopGap * (circular.length + 1) : 0;
    const byColumn: LayoutNode<N, L>[][] = Array.from({ length: columns }, () => []);
    for (const n of nodes) byColumn[n.column]!.push(n);
    let scale = options.scale ?? Infinity;
    if (options.scale === undefined) {
      for (const col of byColumn) {
        const total = col.reduce((s, n) => s + n.value, 0) + circularValue;
        const room = height - laneFixed - (col.length - 1) * nodePadding - col.length * minNodeHeight;
        if (total > 0) scale = Math.min(scale, Math.max(room, 0) / total);
      }
      // Return arcs stand off both sides of the columns: they must fit the width too.
      const across = x1 - x0 - nodeWidth - 2 * laneFixed;
      if (circularValue > 0) scale = Math.min(scale, Math.max(across, 0) / (2 * circularValue));
      if (!Number.isFinite(scale)) scale = 1;
    }
    for (const l of links) l.width = l.value * scale;

    // Return arcs: nested lanes, the shortest span nearest the nodes. Their stand-off from the
    // nodes' sides is known before the x positions, so the first and last columns leave just
    // the room their own arcs need.
    const lanes = planLanes(circular, loopGap);
    placeColumns(nodes, circular, columns, x0, x1, nodeWidth);
    const bottom = y1 - laneFixed - circularValue * scale;
    placeVertically(byColumn, scale, nodePadding, minNodeHeight, y0, Math.max(bottom, y0), iterations);
    assignLinkBreadths(nodes);
    const nodesBottom = nodes.reduce((m, n) => Math.max(m, n.y1), y0);
    for (const l of circular) l.laneY = nodesBottom + lanes.get(l)!;
    return { nodes, links, scale, columns, extent };
  };
}

/**
 * Chooses which links to draw as return arcs: a set of links whose removal leaves no cycle, as
 * light as three cheap orderings find — breadth-first distance from the sources, a depth-first
 * search from the sources, and a greedy feedback-arc-set order (Eades, Lin & Smyth 1993, adapted
 * to balances). Links pointing backwards in the best order (least total value, then fewest) and
 * self loops become return arcs. Finding the minimum set is NP-hard; these are O(V² + E).
 */
function markBackEdges<N, L>(nodes: LayoutNode<N, L>[], links: LayoutLink<N, L>[]): void {
  const weight = (flags: Uint8Array) => links.reduce((s, l) => s + (flags[l.index] ? l.value : 0), 0);
  const count = (flags: Uint8Array) => flags.reduce((s, f) => s + f, 0);
  let best: Uint8Array | undefined;
  for (const candidate of [
    backEdgesByDepthOrder(nodes, links.length),
    backEdgesByDfs(nodes, links.length),
    backEdgesByGreedyOrder(nodes, links.length),
  ]) {
    if (
      !best ||
      weight(candidate) < weight(best) ||
      (weight(candidate) === weight(best) && count(candidate) < count(best))
    )
      best = candidate;
  }
  for (const l of links) l.circular = best![l.index] === 1;
}

/**
 * Orders nodes by breadth-first distance from the sources (what a flow reaches first comes
 * first), and within one distance topologically where the links allow; links that point back
 * in that order close the loops. Suits plants, where a recycle returns to an upstream unit.
 */
function backEdgesByDepthOrder<N, L>(nodes: LayoutNode<N, L>[], linkCount: number): Uint8Array {
  const n = nodes.length;
  const depth = new Int32Array(n).fill(-1);
  const bfs = (starts: LayoutNode<N, L>[], d0: number) => {
    const queue = starts.filter((s) => depth[s.index] === -1);
    for (const s of queue) depth[s.index] = d0;
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q]!;
      for (const l of u.sourceLinks) {
        if (depth[l.target.index] === -1) {
          depth[l.target.index] = depth[u.index]! + 1;
          queue.push(l.target);
        }
      }
    }
  };
  bfs(
    nodes.filter((x) => x.targetLinks.every((l) => l.source === x)),
    0,
  );
  for (const x of nodes) if (depth[x.index] === -1) bfs([x], 0);
  // Within one depth: Kahn's order over same-depth links, lowest index first when stuck in a cycle.
  const byDepth = new Map<number, LayoutNode<N, L>[]>();
  for (const x of nodes) {
    const list = byDepth.get(depth[x.index]!);
    if (list) list.push(x);
    else byDepth.set(depth[x.index]!, [x]);
  }
  const position = new Int32Array(n);
  let k = 0;
  for (const d of [...byDepth.keys()].sort((a, b) => a - b)) {
    const level = byDepth.get(d)!;
    const pending = new Int32Array(n);
    for (const x of level)
      for (const l of x.targetLinks) if (l.source !== x && depth[l.source.index] === d) pending[x.index]!++;
    const placed = new Uint8Array(n);
    const ready = level.filter((x) => pending[x.index] === 0);
    let cursor = 0; // lowest-index unplaced node, for when only cycles remain
    for (let placedCount = 0; placedCount < level.length; placedCount++) {
      let next = ready.pop();
      while (next !== undefined && placed[next.index]) next = ready.pop();
      if (next === undefined) {
        while (placed[level[cursor]!.index]) cursor++;
        next = level[cursor]!;
      }
      placed[next.index] = 1;
      position[next.index] = k++;
      for (const l of next.sourceLinks) {
        if (depth[l.target.index] !== d || l.target === next) continue;
        if (--pending[l.target.index]! === 0 && !placed[l.target.index]) ready.push(l.target);
      }
    }
  }
  const flags = new Uint8Array(linkCount);
  for (const x of nodes)
    for (const l of x.sourceLinks) if (position[l.target.index]! <= position[x.index]!) flags[l.index] = 1;
  return flags;
}

/** Back edges of an iterative DFS from the nodes without inputs (in input order), then the rest. */
function backEdgesByDfs<N, L>(nodes: LayoutNode<N, L>[], linkCount: number): Uint8Array {
  const flags = new Uint8Array(linkCount);
  const state = new Uint8Array(nodes.length); // 0 unseen, 1 on stack, 2 done
  const roots = [...nodes.filter((n) => n.targetLinks.every((l) => l.source === n)), ...nodes];
  for (const root of roots) {
    if (state[root.index] !== 0) continue;
    const stack: { node: LayoutNode<N, L>; next: number }[] = [{ node: root, next: 0 }];
    state[root.index] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next >= top.node.sourceLinks.length) {
        state[top.node.index] = 2;
        stack.pop();
        continue;
      }
      const link = top.node.sourceLinks[top.next++]!;
      const t = link.target;
      if (state[t.index] === 1) flags[link.index] = 1;
      else if (state[t.index] === 0) {
        state[t.index] = 1;
        stack.push({ node: t, next: 0 });
      }
    }
  }
  return flags;
}

/**
 * Eades–Lin–Smyth's greedy order, adapted to balances: peel sinks to the end and sources to the
 * front; when only cycles remain, place next the node whose unplaced inflow is the smallest share
 * of its inflow + outflow — a unit fed mostly by what is placed, or one that feeds much and is
 * fed back little (ELS's "largest out − in" says nothing in a plant where every unit balances). Links pointing backwards in that order are the feedback set.
 * O(V² + E) with plain arrays.
 */
function backEdgesByGreedyOrder<N, L>(nodes: LayoutNode<N, L>[], linkCount: number): Uint8Array {
  const n = nodes.length;
  const outDeg = new Int32Array(n);
  const inDeg = new Int32Array(n);
  const inflow = new Float64Array(n); // from remaining nodes
  const outflow = new Float64Array(n);
  for (const node of nodes) {
    for (const l of node.sourceLinks) {
      if (l.target === node) continue;
      outDeg[node.index]!++;
      inDeg[l.target.index]!++;
      inflow[l.target.index]! += l.value;
      outflow[node.index]! += l.value;
    }
  }
  const removed = new Uint8Array(n);
  const front: number[] = [];
  const back: number[] = [];
  const remove = (i: number) => {
    removed[i] = 1;
    for (const l of nodes[i]!.sourceLinks) {
      const j = l.target.index;
      if (j === i || removed[j]) continue;
      inDeg[j]!--;
      inflow[j]! -= l.value;
    }
    for (const l of nodes[i]!.targetLinks) {
      const j = l.source.index;
      if (j === i || removed[j]) continue;
      outDeg[j]!--;
    }
  };
  const share = (i: number) => (inflow[i]! > 0 ? inflow[i]! / (inflow[i]! + outflow[i]!) : 0);
  let left = n;
  while (left > 0) {
    let changed = true;
    while (changed) {
      changed = false;
      for (let i = 0; i < n; i++) {
        if (removed[i]) continue;
        const end = inDeg[i] === 0 ? front : outDeg[i] === 0 ? back : undefined;
        if (!end) continue;
        end.push(i);
        remove(i);
        left--;
        changed = true;
      }
    }
    if (left === 0) break;
    let best = -1;
    for (let i = 0; i < n; i++) if (!removed[i] && (best < 0 || share(i) < share(best))) best = i;
    front.push(best);
    remove(best);
    left--;
  }
  const position = new Int32Array(n);
  for (const [k, node] of [...front, ...back.reverse()].entries()) position[node] = k;
  const flags = new Uint8Array(linkCount);
  for (const node of nodes)
    for (const l of node.sourceLinks) if (position[l.target.index]! <= position[node.index]!) flags[l.index] = 1;
  return flags;
}

/**
 * Columns by longest path over the acyclic links; sinks are pushed to the last column
 * (d3's "justify") and sources pulled right up to the column before their first target,
 * so a purchased carrier stands next to the unit that uses it.
 */
function assignColumns<N, L>(nodes: LayoutNode<N, L>[]): number {
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
 * Stacks each column, then relaxes: every node moves towards the value-weighted mean centre of
 * its neighbours (forward links only), with overlaps resolved after each pass.
 */
function placeVertically<N, L>(
  byColumn: LayoutNode<N, L>[][],
  scale: number,
  padding: number,
  minHeight: number,
  top: number,
  bottom: number,
  iterations: number,
): void {
  for (const col of byColumn) {
    let y = top;
    for (const n of col) {
      n.y0 = y;
      n.y1 = y + Math.max(n.value * scale, minHeight);
      y = n.y1 + padding;
    }
    resolveCollisions(col, padding, top, bottom);
  }
  const centre = (n: LayoutNode<N, L>) => (n.y0 + n.y1) / 2;
  for (let i = 0; i < iterations; i++) {
    const alpha = 0.9 ** i;
    const pass = (cols: LayoutNode<N, L>[][], links: (n: LayoutNode<N, L>) => [LayoutNode<N, L>, number][]) => {
      for (const col of cols) {
        for (const n of col) {
          const ns = links(n);
          const w = ns.reduce((s, [, v]) => s + v, 0);
          if (w <= 0) continue;
          const target = ns.reduce((s, [m, v]) => s + centre(m) * v, 0) / w;
          const dy = (target - centre(n)) * alpha;
          n.y0 += dy;
          n.y1 += dy;
        }
        col.sort((a, b) => a.y0 - b.y0);
        resolveCollisions(col, padding, top, bottom);
      }
    };
    pass(byColumn.slice(1), (n) => n.targetLinks.filter((l) => !l.circular).map((l) => [l.source, l.value]));
    pass(byColumn.slice(0, -1).reverse(), (n) =>
      n.sourceLinks.filter((l) => !l.circular).map((l) => [l.target, l.value]),
    );
  }
}

/** Pushes overlapping nodes down, then back up from the bottom edge. */
function resolveCollisions<N, L>(col: LayoutNode<N, L>[], padding: number, top: number, bottom: number): void {
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

/**
 * Where each link attaches: outgoing links ordered by their target's height, incoming by their
 * source's, return arcs last (they leave downwards into the lanes).
 */
function assignLinkBreadths<N, L>(nodes: LayoutNode<N, L>[]): void {
  for (const n of nodes) {
    const order = (a: LayoutLink<N, L>, b: LayoutLink<N, L>, other: (l: LayoutLink<N, L>) => LayoutNode<N, L>) =>
      Number(a.circular) - Number(b.circular) || other(a).y0 - other(b).y0 || a.index - b.index;
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

/**
 * Column x positions x(c) = left + c·step, as widely spaced as the return arcs allow: an arc
 * needs room `standOff + width/2` left of its target's column and right of its source's, i.e.
 * x(c) ≥ x0 + needL[c] and x(c) + nodeWidth + needR[c] ≤ x1 for every column. For columns
 * c1 < c2 that bounds step ≤ (W − needL[c1] − needR[c2]) / (c2 − c1); `left` is then the
 * smallest offset meeting every needL. (The scale keeps needL + needR ≤ W, so this is feasible.)
 */
function placeColumns<N, L>(
  nodes: LayoutNode<N, L>[],
  circular: LayoutLink<N, L>[],
  columns: number,
  x0: number,
  x1: number,
  nodeWidth: number,
): void {
  if (columns <= 1) {
    for (const n of nodes) {
      n.x0 = (x0 + x1 - nodeWidth) / 2;
      n.x1 = n.x0 + nodeWidth;
    }
    return;
  }
  const last = columns - 1;
  const room = x1 - x0 - nodeWidth;
  const needL = new Map<number, number>([[0, 0]]);
  const needR = new Map<number, number>([[last, 0]]);
  for (const l of circular) {
    const need = l.standOff! + l.width / 2;
    needL.set(l.target.column, Math.max(needL.get(l.target.column) ?? 0, need));
    needR.set(l.source.column, Math.max(needR.get(l.source.column) ?? 0, need));
  }
  let step = room / last;
  for (const [c1, a] of needL)
    for (const [c2, b] of needR) if (c2 > c1) step = Math.min(step, (room - a - b) / (c2 - c1));
  step = Math.max(step, 0);
  let left = 0;
  for (const [c, a] of needL) left = Math.max(left, a - c * step);
  for (const n of nodes) {
    n.x0 = x0 + left + n.column * step;
    n.x1 = n.x0 + nodeWidth;
  }
}

/**
 * Return arcs get nested lanes below the nodes, the shortest column span innermost: sets each
 * arc's stand-off from the nodes' sides and returns its lane's depth below the lowest node.
 */
function planLanes<N, L>(circular: LayoutLink<N, L>[], gap: number): Map<LayoutLink<N, L>, number> {
  const span = (l: LayoutLink<N, L>) => Math.abs(l.source.column - l.target.column);
  const ordered = [...circular].sort((a, b) => span(a) - span(b) || a.index - b.index);
  const depth = new Map<LayoutLink<N, L>, number>();
  let off = gap;
  for (const l of ordered) {
    l.standOff = off + l.width / 2;
    depth.set(l, off + l.width / 2);
    off += l.width + gap;
  }
  return depth;
}

/**
 * SVG path of a link's centre line, to be stroked with `stroke-width = width`: a horizontal
 * Bézier for forward links (d3.sankeyLinkHorizontal), a rounded return loop for back edges.
 */
export function sankeyLinkPath(
  link: Pick<LayoutLink<unknown, unknown>, 'source' | 'target' | 'y0' | 'y1' | 'circular' | 'laneY' | 'standOff'>,
): string {
  const sx = link.source.x1;
  const tx = link.target.x0;
  const f = (v: number) => Math.round(v * 100) / 100;
  if (!link.circular) {
    const mx = (sx + tx) / 2;
    return `M${f(sx)},${f(link.y0)}C${f(mx)},${f(link.y0)} ${f(mx)},${f(link.y1)} ${f(tx)},${f(link.y1)}`;
  }
  const lane = link.laneY!;
  const xr = sx + link.standOff!;
  const xl = tx - link.standOff!;
  const r = Math.min(link.standOff!, Math.abs(lane - link.y0) / 2, Math.abs(lane - link.y1) / 2);
  return [
    `M${f(sx)},${f(link.y0)}`,
    `H${f(xr - r)}`,
    `Q${f(xr)},${f(link.y0)} ${f(xr)},${f(link.y0 + r)}`,
    `V${f(lane - r)}`,
    `Q${f(xr)},${f(lane)} ${f(xr - r)},${f(lane)}`,
    `H${f(xl + r)}`,
    `Q${f(xl)},${f(lane)} ${f(xl)},${f(lane - r)}`,
    `V${f(link.y1 + r)}`,
    `Q${f(xl)},${f(link.y1)} ${f(xl + r)},${f(link.y1)}`,
    `H${f(tx)}`,
  ].join('');
}
