/**
 * Which links of a Sankey graph to draw as return arcs: a light feedback arc set, so that the
 * rest is acyclic and can be ranked into columns. Split from layout.ts (one concept per module).
 */
import type { LayoutLink, LayoutNode } from './layout-types.ts';

/**
 * Chooses which links to draw as return arcs: a set of links whose removal leaves no cycle, as
 * light as three cheap orderings find — breadth-first distance from the sources, a depth-first
 * search from the sources, and a greedy feedback-arc-set order (Eades, Lin & Smyth 1993, adapted
 * to balances). Links pointing backwards in the best order (least total value, then fewest) and
 * self loops become return arcs. Finding the minimum set is NP-hard; these are O(V² + E).
 */
export function markBackEdges<N, L>(nodes: LayoutNode<N, L>[], links: LayoutLink<N, L>[]): void {
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
