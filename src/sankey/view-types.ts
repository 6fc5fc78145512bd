/**
 * The shapes of a Sankey view (view.ts): the view spec, the drawn nodes and links, and the grouping of small
 * units (group.ts). Apart from view.ts so that group.ts and vocs-view.ts, which view.ts calls, can name them.
 */
import type { BalanceStatus } from '../balance/types.ts';
import type { Level } from '../data/gb17167-2006.ts';

/**
 * The Sankey view spec, kept apart from the model (floWeaver's idea): which layer, which level of
 * the hierarchy, and — for the drawing — an optional fixed scale so two diagrams compare.
 */
export interface SankeyViewSpec {
  /** material, water, energy, or a component name. */
  layer: string;
  /** 1 enterprise, 2 workshops, 3 devices: deeper nodes are aggregated into their ancestor at this level. */
  level: Level;
  /** px per layer unit; the drawing fits the page when absent. */
  fixedScale?: number;
  /**
   * Reconciled values by layer-flow id (layer unit), drawn instead of the model's: a measured or
   * estimated flow keeps its state and records the value it replaces (`measured` on the link);
   * a flow only reconciliation gives a value to is drawn as "reconciled".
   */
  reconciled?: Readonly<Record<string, number>>;
  /** Small units grouped into "其他 (n)" per parent beyond `maxUnits` (src/sankey/group.ts). */
  group?: GroupSpec;
  /**
   * Draw only this node's subtree (e.g. the audit focus): every other node counts as outside, so
   * what crosses the node's boundary becomes sources and sinks.
   */
  root?: string;
  /**
   * The VOCs layer as a solvent balance (src/sankey/vocs-view.ts, docs/vocs.md): raw materials → plant →
   * product / waste / recovered / destroyed / stack / fugitive. Needs `result.vocs`; ignored for other layers.
   */
  solvent?: boolean;
}

/**
 * How trustworthy a drawn flow is: metered/monitored/lab values; estimated (estimated, design or
 * calculated); derived — computed by difference from a balance; unmeasured — unknown, drawn as
 * a hairline; reconciled; and the unaccounted residual of a balance that does not close.
 */
export type FlowState = 'measured' | 'estimated' | 'derived' | 'unmeasured' | 'reconciled' | 'unaccounted';

export type ViewNodeRole =
  /** A plant node (or the aggregate of its subtree at the chosen level). */
  | 'unit'
  /** Outside the boundary: what enters, grouped by carrier. */
  | 'source'
  /** Outside the boundary: what leaves, grouped by kind (product, waste, loss…) or carrier. */
  | 'sink'
  /** Stock: draw-down (a source) or accumulation (a sink). */
  | 'stock-out'
  | 'stock-in'
  /** Residual of balances that do not close: inputs not accounted for (sink) / outputs not accounted for (source). */
  | 'unaccounted-out'
  | 'unaccounted-in';

export interface ViewNode {
  id: string;
  role: ViewNodeRole;
  /** Unit nodes: the model's name (user text: render as text only). Outside nodes: the carrier or kind, or the flow's name. */
  name: string;
  nameEn?: string;
  /** Outside nodes grouped by carrier or flow kind: that carrier or kind (absent when grouped by a flow's name). */
  group?: string;
  level?: number;
  /** Unit nodes whose drawn region is a node boundary: that balance's status and closure. */
  status?: BalanceStatus;
  closure?: number | null;
  /** A parent drawn beside its children at a deeper level: only its own region is drawn. */
  ownRegion?: boolean;
  /** A "其他 (n)" node (src/sankey/group.ts): the units it stands for; `name` / `nameEn` say "一车间 · 其他（3 个）". */
  members?: string[];
  /** Σ drawn inputs / outputs, layer unit. */
  in: number;
  out: number;
}

export interface ViewLink {
  source: string;
  target: string;
  /** ≥ 0, layer unit (a negative derived value is drawn by magnitude and flagged). */
  value: number;
  state: FlowState;
  /** Layer-flow ids drawn by this link (several when aggregated). */
  flows: string[];
  negative?: boolean;
  /** Reconciled view: the value the link had before reconciliation adjusted its flows. */
  measured?: number;
}

export interface SankeyView {
  layer: string;
  unit: string;
  level: Level;
  nodes: ViewNode[];
  links: ViewLink[];
  /** Σ of what enters from outside (sources and stock draw-down), layer unit. */
  total: number;
  /** Σ |unaccounted| over all drawn balances, layer unit. */
  unaccounted: number;
  fixedScale?: number;
  /** Present when small units were grouped: which group stands for which units. */
  groups?: GroupInfo;
}

export interface GroupSpec {
  /** Draw at most this many unit nodes; the smallest others are grouped per parent. */
  maxUnits: number;
  /** Group ids (`other:<parent>`) whose members are drawn one by one; '*' expands every group. */
  expand?: readonly string[];
}

export interface GroupInfo {
  /** Group node id → ids of the units it stands for. */
  members: Record<string, string[]>;
  /** Units drawn inside a group. */
  grouped: number;
}
