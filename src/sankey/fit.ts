/**
 * One diagram at a given width, legible whatever the plant's size: builds the view, groups small
 * units into "其他 (n)" when their columns would be crowded, and picks the height from the fullest
 * column (between a minimum and a maximum; beyond it the page scrolls or zooms). The web app and
 * the report's figures both draw what this returns.
 */
import type { CheckResult } from '../balance/types.ts';
import type { PlantGraph } from '../model/graph.ts';
import { SANKEY_DEFAULTS, sankeyLayout, type SankeyLayoutResult } from './layout.ts';
import { sankeyView, type SankeyView, type SankeyViewSpec, type ViewLink, type ViewNode } from './view.ts';

export interface FitSankeyOptions {
  /** Width of the whole drawing, px (labels of the last column included). */
  width: number;
  /** Height bounds of the drawing, px. */
  minHeight?: number;
  maxHeight?: number;
  nodeWidth?: number;
  nodePadding?: number;
  /** Room right of the last column for its labels, px. */
  labelMargin?: number;
  /** Margin around the nodes and arcs, px. */
  margin?: number;
  /** Group small units when the drawing would be crowded (default true). */
  group?: boolean;
  /** Groups (`other:<parent>`) to draw one by one; '*' for all. */
  expand?: readonly string[];
  /** Height given to each node of the fullest column when choosing the height, px. */
  rowHeight?: number;
}

export interface FittedSankey {
  view: SankeyView;
  layout: SankeyLayoutResult<ViewNode, ViewLink>;
  width: number;
  height: number;
}

export const FIT_DEFAULTS = {
  group: true,
  minHeight: 480,
  maxHeight: 1600,
  nodeWidth: 14,
  nodePadding: 18,
  labelMargin: 220,
  margin: 8,
  rowHeight: 34,
  /** Height added to the fullest column's rows for loops and breathing room, px. */
  rowBase: 160,
  /** Each retry keeps this share of the units (a crowded drawing groups more). */
  shrink: 0.7,
  /** Never group below this many units. */
  minUnits: 4,
};

/**
 * Lays out the view of `spec` in `width` px. Units beyond what a column of `maxHeight` holds
 * legibly (padding and minimum heights within maxFixedShare of it) are grouped, fewer on each
 * retry while the layout is still crowded.
 *
 * @example
 * const graph = buildGraph(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model);
 * fitSankey({ graph, result: checkModel(graph) }, { layer: 'water', level: 3 }, { width: 1200 }).layout.crowded // => false
 */
export function fitSankey(
  input: { graph: PlantGraph; result?: CheckResult },
  spec: SankeyViewSpec,
  options: FitSankeyOptions,
): FittedSankey {
  const o = { ...FIT_DEFAULTS, ...options };
  const width = o.width;
  const layoutAt = (view: SankeyView, height: number) =>
    sankeyLayout<ViewNode, ViewLink>({
      extent: [
        [o.margin, o.margin],
        [Math.max(width - o.labelMargin, o.margin + o.nodeWidth), height - o.margin],
      ],
      nodeWidth: o.nodeWidth,
      nodePadding: o.nodePadding,
      ...(spec.fixedScale !== undefined ? { scale: spec.fixedScale } : {}),
    })(view);
  const perColumn = Math.floor(
    (SANKEY_DEFAULTS.maxFixedShare * o.maxHeight) / (o.nodePadding + SANKEY_DEFAULTS.minNodeHeight),
  );
  let maxUnits = o.group ? perColumn : Number.POSITIVE_INFINITY;
  for (;;) {
    const view = sankeyView(input, {
      ...spec,
      ...(Number.isFinite(maxUnits) ? { group: { maxUnits, ...(o.expand ? { expand: o.expand } : {}) } } : {}),
    });
    // A fixed scale sets the height itself (the extent grows from the minimum).
    if (spec.fixedScale !== undefined) return done(view, layoutAt(view, o.minHeight));
    // The height follows the fullest column, between the bounds.
    const probe = layoutAt(view, o.maxHeight);
    const counts = new Map<number, number>();
    for (const n of probe.nodes) counts.set(n.column, (counts.get(n.column) ?? 0) + 1);
    const fullest = Math.max(0, ...counts.values());
    const height = Math.min(o.maxHeight, Math.max(o.minHeight, 2 * o.margin + o.rowBase + fullest * o.rowHeight));
    const layout = height < o.maxHeight ? layoutAt(view, height) : probe;
    if (!layout.crowded) return done(view, layout);
    if (!probe.crowded) return done(view, probe);
    if (!o.group || maxUnits <= o.minUnits) return done(view, probe);
    const units = view.nodes.filter((n) => n.role === 'unit' && !n.ownRegion).length;
    maxUnits = Math.max(o.minUnits, Math.floor(Math.min(maxUnits, units) * o.shrink));
  }

  function done(view: SankeyView, layout: SankeyLayoutResult<ViewNode, ViewLink>): FittedSankey {
    return {
      view,
      layout,
      width: Math.max(width, layout.extent[1][0] + o.labelMargin),
      height: layout.extent[1][1] + o.margin,
    };
  }
}
