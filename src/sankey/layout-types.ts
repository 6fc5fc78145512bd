/**
 * The shapes of the Sankey layout (layout.ts): its options, positioned nodes and links, and its result.
 * Apart from layout.ts so that its helpers (feedback.ts, loops.ts, placement.ts) can name them without
 * importing the module that imports them.
 */

/** Which side of the nodes a return arc runs on. */
export type LoopSide = 'top' | 'bottom';

export type Extent = [[number, number], [number, number]];

export interface SankeyOptions<N, L> {
  /** Node rectangle width, px. */
  nodeWidth?: number;
  /** Vertical gap between nodes of one column, px (shrinks in crowded columns). */
  nodePadding?: number;
  /** [[x0, y0], [x1, y1]] of the drawing area. */
  extent?: Extent;
  /** Relaxation passes that pull linked nodes level with each other. */
  iterations?: number;
  /** Fixed px per unit of value (so two diagrams compare); fitted to the extent when absent. */
  scale?: number;
  /** Gap between return-arc lanes and between the nodes and the first lane, px. */
  loopGap?: number;
  /** Height of a node whose links are all zero, px (so it can still be seen; shrinks in crowded columns). */
  minNodeHeight?: number;
  /** Return arcs below the nodes only, or above or below, whichever is nearer (default). */
  loopSides?: 'bottom' | 'both';
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
  /** Return arcs only: above or below the nodes, the y of the lane's centre line, and how far the
   * vertical legs stand off the source's right side and the target's left side. */
  side?: LoopSide;
  laneY?: number;
  standOff?: number;
  standOffIn?: number;
}

export interface SankeyLayoutResult<N, L> {
  nodes: LayoutNode<N, L>[];
  links: LayoutLink<N, L>[];
  /** px per unit of value actually used. */
  scale: number;
  columns: number;
  /** The extent used: the one asked for, or larger where a fixed scale needs more room. */
  extent: Extent;
  /** More nodes than the extent holds at the asked padding and minimum height: they were shrunk. */
  crowded: boolean;
  /** Smallest node padding used in any column, px. */
  padding: number;
  /** Node width used, px (less than asked only when the columns would not fit the width). */
  nodeWidth: number;
}
