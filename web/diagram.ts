/**
 * Worker side of the diagram: fits one view to the page's width (src/sankey/fit.ts: grouping of
 * small units, height by the fullest column), places the labels, and gathers what the hover and
 * focus panel shows for every node (in, out, residual, closure) and link (value, how each flow's
 * value was obtained, its meter, measured and reconciled values, suspects). Plain data out.
 */
import {
  displayName,
  fitSankey,
  formatValue,
  labelledAdjustments,
  linkMidpoint,
  LABEL_FONT,
  nodeName,
  placeLabels,
  sankeyLinkPath,
  type CheckResult,
  type Lang,
  type PlantGraph,
  type SankeyViewSpec,
} from '../src/index.ts';
import type { ReconcileSummary } from '../src/index.ts';
import type { Drawn, FlowInfo } from './protocol.ts';

/** At most this many flows are listed in a link's panel (an aggregated link may hold hundreds). */
const FLOWS_LISTED = 12;

export interface DiagramInput {
  graph: PlantGraph;
  result: CheckResult;
  reconcile?: ReconcileSummary;
}

export interface DiagramOptions {
  width: number;
  lang: Lang;
  /** Group small units (default) or draw every unit. */
  group: boolean;
  expand: string[];
}

export function drawView(input: DiagramInput, spec: SankeyViewSpec, o: DiagramOptions): Omit<Drawn, 'ms'> {
  const { graph, result, reconcile } = input;
  const labelMargin = Math.min(220, Math.round(o.width * 0.24));
  const fitted = fitSankey({ graph, result }, spec, {
    width: o.width,
    labelMargin,
    group: o.group,
    expand: o.expand,
  });
  const { view, layout } = fitted;
  const unit = view.unit;
  const lang = o.lang;
  const names = new Map(layout.nodes.map((n) => [n.id, nodeName(n.data, lang)]));
  const labels = new Map(
    placeLabels(
      layout.nodes,
      (id) => {
        const n = layout.nodes.find((x) => x.id === id)!;
        return { name: names.get(id)!, value: `${formatValue(n.value, lang)} ${unit}` };
      },
      fitted.width - LABEL_FONT.gap,
    ).map((l) => [l.id, l]),
  );

  // What the panels say about flows: name, how the value was obtained, meter, measured and reconciled values.
  const flowIndex = new Map(graph.flows.map((f, i) => [f.id, i]));
  const suspects = new Set<string>();
  const recValues = reconcile?.values ?? {};
  for (const l of reconcile?.layers ?? [])
    if (l.layer === view.layer) for (const f of l.flows) if (f.suspect) suspects.add(f.id);
  const modelFlowId = (id: string) => {
    const i = flowIndex.get(id);
    return i === undefined ? id : graph.model.flows[graph.flows[i]!.flowIndex]!.id;
  };
  const flowInfo = (id: string): FlowInfo => {
    const i = flowIndex.get(id);
    const f = i === undefined ? undefined : graph.flows[i]!;
    const m = f ? graph.model.flows[f.flowIndex]! : undefined;
    const derived = result.derived.find((d) => d.flow === id);
    const info: FlowInfo = {
      id,
      name: m ? displayName({ id: m.id, name: m.name, nameEn: m.nameEn }, lang) : id,
      source: f?.value !== undefined ? f.source : derived ? 'derived' : 'unmeasured',
      measured: f?.value ?? null,
      reconciled: recValues[id] ?? null,
      suspect: suspects.has(id),
    };
    if (m?.meter) info.meter = m.meter;
    return info;
  };

  // The unaccounted flows drawn at each node: the panel shows in and out without them, so in − out = residual.
  const unaccountedIn = new Map<string, number>();
  const unaccountedOut = new Map<string, number>();
  for (const l of view.links) {
    if (l.state !== 'unaccounted') continue;
    if (l.target.startsWith('unaccounted-out'))
      unaccountedOut.set(l.source, (unaccountedOut.get(l.source) ?? 0) + l.value);
    else unaccountedIn.set(l.target, (unaccountedIn.get(l.target) ?? 0) + l.value);
  }

  const links: Drawn['links'] = layout.links.map((l) => {
    const flows = l.data.flows.map(flowInfo);
    const mid = linkMidpoint(l);
    const out: Drawn['links'][number] = {
      source: l.source.id,
      target: l.target.id,
      from: names.get(l.source.id)!,
      to: names.get(l.target.id)!,
      d: sankeyLinkPath(l),
      width: l.width,
      value: l.value,
      state: l.data.state,
      negative: l.data.negative === true,
      circular: l.circular,
      flows: flows.slice(0, FLOWS_LISTED),
      moreFlows: Math.max(0, flows.length - FLOWS_LISTED),
      modelFlows: [...new Set(l.data.flows.map((id) => modelFlowId(id)))],
      mid,
      suspect: flows.filter((f) => f.suspect).map((f) => f.meter ?? f.id),
    };
    if (l.data.measured !== undefined) out.measured = l.data.measured;
    return out;
  });
  // Label the largest relative adjustments of the reconciled view.
  for (const l of labelledAdjustments(links))
    l.adjustment = `${formatValue(l.measured!, lang)} → ${formatValue(l.value, lang)}`;

  const groups = view.groups
    ? Object.entries(view.groups.members).map(([id, members]) => ({ id, name: names.get(id) ?? id, n: members.length }))
    : [];
  return {
    type: 'view',
    layer: view.layer,
    level: view.level,
    unit,
    width: Math.ceil(fitted.width),
    height: Math.ceil(fitted.height),
    scale: layout.scale,
    total: view.total,
    unaccounted: view.unaccounted,
    crowded: layout.crowded,
    groups,
    grouped: view.groups?.grouped ?? 0,
    units: view.nodes.filter((n) => n.role === 'unit' && !n.ownRegion).length,
    nodes: layout.nodes.map((n) => {
      const label = labels.get(n.id)!;
      const node: Drawn['nodes'][number] = {
        id: n.id,
        role: n.data.role,
        name: names.get(n.id)!,
        lines: label.lines,
        labelX: label.x,
        labelY: label.y,
        truncated: label.truncated,
        x0: n.x0,
        x1: n.x1,
        y0: n.y0,
        y1: n.y1,
        in: n.data.in - (n.data.role === 'unit' ? (unaccountedIn.get(n.id) ?? 0) : 0),
        out: n.data.out - (n.data.role === 'unit' ? (unaccountedOut.get(n.id) ?? 0) : 0),
        residual: (unaccountedOut.get(n.id) ?? 0) - (unaccountedIn.get(n.id) ?? 0),
      };
      if (n.data.status) node.status = n.data.status;
      if (n.data.closure !== undefined) node.closure = n.data.closure;
      if (n.data.members) node.members = n.data.members.length;
      return node;
    }),
    links,
  };
}
