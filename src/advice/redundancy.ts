import { BASE_LAYERS } from '../model/layers.ts';
import { buildGraph, crossings, type PlantGraph } from '../model/graph.ts';
import type { Model } from '../model/schema.ts';
import { auditFocusSet } from '../metering/points.ts';
import { FlowStatus, reconcileLinear } from '../reconcile/linear.ts';
import { flowLabel, layerName, t } from '../i18n/index.ts';
import type { CostTable } from './costs.ts';
import { actionCost } from './costs.ts';
import { solveCover, type CoverResult, type CoverRow } from './cover.ts';

/**
 * Advice for reconciliation (docs/advice.md §Redundancy): the fewest meters after which every unmeasured
 * flow is observable (its value follows from the balances) and every flow of the audit focus is redundant
 * (measured and checked by a balance, so a gross error on it can be detected). Per base layer, on the flat
 * graph the reconciliation uses (each node's own balance, the environment one vertex):
 *
 * - an unmeasured flow is observable exactly when it lies on no cycle of unmeasured flows (observability.ts);
 * - a measured flow is redundant exactly when its two ends are not joined by unmeasured flows.
 *
 * So the meters S to add must hit every cycle of the unmeasured graph, and, for every focus flow (which must
 * itself be metered), every path of unmeasured flows between its ends — a covering problem with as many rows
 * as there are such cycles and paths. They are generated as needed: solve the cover exactly with the rows
 * known, find a cycle or a focus path the choice leaves, add it as a row, solve again. The last cover is
 * optimal for a relaxation of the problem and feasible for the whole, hence optimal. The answer is checked
 * with the reconcile module's own classification (`reconcileLinear` statuses).
 */

export interface RedundancyAction {
  flow: string;
  layer: string;
  /** The deepest level of a boundary the flow crosses (1 enterprise … 3 device). */
  level: number;
  why: 'observability' | 'focus';
  cost: number;
  reason: string;
  reasonEn: string;
}

export interface RedundancyAdvice {
  for: 'redundancy';
  add: RedundancyAction[];
  /** Per layer: unobservable unmeasured and non-redundant focus flows before; whether the advice fixes them (checked). */
  layers: {
    layer: string;
    unobservable: string[];
    focusNotRedundant: string[];
    after: { unobservable: string[]; focusNotRedundant: string[] };
  }[];
  reached: boolean;
  optimal: boolean;
  objective: 'meters' | 'cost';
  cost: number;
  bound: number;
  costSource: string | null;
  iterations: number;
}

const MAX_ROUNDS = 200;

interface LayerGraph {
  ids: string[];
  from: Int32Array;
  to: Int32Array;
  measured: Uint8Array;
  focus: Uint8Array;
  level: Int32Array;
  vertices: number;
}

function layerGraph(graph: PlantGraph, layer: string): LayerGraph {
  const idx = graph.byLayer.get(layer) ?? [];
  const env = graph.nodes.length;
  const focusNodes = auditFocusSet(graph);
  const g: LayerGraph = {
    ids: [],
    from: new Int32Array(idx.length),
    to: new Int32Array(idx.length),
    measured: new Uint8Array(idx.length),
    focus: new Uint8Array(idx.length),
    level: new Int32Array(idx.length),
    vertices: env + 1,
  };
  idx.forEach((gi, j) => {
    const f = graph.flows[gi]!;
    g.ids.push(f.id);
    g.from[j] = f.from === -1 ? env : f.from;
    g.to[j] = f.to === -1 ? env : f.to;
    g.measured[j] = f.value !== undefined && f.source !== 'unmeasured' ? 1 : 0;
    const { enters, leaves } = crossings(graph, f.from, f.to);
    const crossed = [...enters, ...leaves];
    // Losses, energy put to use and COD destroyed are what a balance leaves over, not quantities a meter reads:
    // they must be observable, but are not asked to be redundant.
    const kind = graph.model.flows[f.flowIndex]!.kind;
    const meterable = kind !== 'loss' && kind !== 'effective' && kind !== 'degraded';
    g.focus[j] = meterable && crossed.some((n) => focusNodes.has(n)) ? 1 : 0;
    g.level[j] = Math.max(0, ...crossed.map((n) => graph.nodes[n]!.level));
  });
  return g;
}

/** The reconcile module's classification of a layer with the given flows measured. */
function classify(g: LayerGraph, measured: Uint8Array): { unobservable: string[]; focusNotRedundant: string[] } {
  const n = g.ids.length;
  const m = new Float64Array(n).fill(Number.NaN);
  for (let j = 0; j < n; j++) if (measured[j]) m[j] = 1;
  const r = reconcileLinear(
    {
      network: { nodeCount: g.vertices - 1, from: toNet(g.from, g.vertices), to: toNet(g.to, g.vertices) },
      measured: m,
      sd: new Float64Array(n).fill(1),
    },
    { unmeasuredSd: false },
  );
  const unobservable: string[] = [];
  const focusNotRedundant: string[] = [];
  for (let j = 0; j < n; j++) {
    if (r.status[j] === FlowStatus.unobservable) unobservable.push(g.ids[j]!);
    if (g.focus[j] && r.status[j] !== FlowStatus.redundant) focusNotRedundant.push(g.ids[j]!);
  }
  return { unobservable, focusNotRedundant };
}

/** Vertex indices back to the network's ends (the environment is −1 there). */
function toNet(ends: Int32Array, vertices: number): Int32Array {
  return Int32Array.from(ends, (v) => (v === vertices - 1 ? -1 : v));
}

/**
 * Cycles and focus paths of unmeasured flows that the kept set (unmeasured minus chosen) still has — each
 * as the flows one of which must be metered. Kruskal-style: flows joining two pieces grow a forest; a flow
 * whose ends are already joined closes a cycle (the forest path plus itself).
 */
function violations(g: LayerGraph, kept: (j: number) => boolean): number[][] {
  const parent = Int32Array.from({ length: g.vertices }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const adj: { to: number; edge: number }[][] = Array.from({ length: g.vertices }, () => []);
  const path = (a: number, b: number): number[] => {
    // breadth-first over the forest; parent edge of each vertex reached
    const via = new Int32Array(g.vertices).fill(-2);
    via[a] = -1;
    const queue = [a];
    for (let q = 0; q < queue.length; q++) {
      const v = queue[q]!;
      if (v === b) break;
      for (const { to, edge } of adj[v]!)
        if (via[to] === -2) {
          via[to] = edge;
          queue.push(to);
        }
    }
    const edges: number[] = [];
    for (let v = b; via[v]! >= 0; ) {
      const e = via[v]!;
      edges.push(e);
      v = g.from[e] === v ? g.to[e]! : g.from[e]!;
    }
    return edges;
  };
  const out: number[][] = [];
  for (let j = 0; j < g.ids.length; j++) {
    if (g.measured[j] || !kept(j)) continue;
    const a = find(g.from[j]!);
    const b = find(g.to[j]!);
    if (a === b) out.push([j, ...path(g.from[j]!, g.to[j]!)]);
    else {
      parent[a] = b;
      adj[g.from[j]!]!.push({ to: g.to[j]!, edge: j });
      adj[g.to[j]!]!.push({ to: g.from[j]!, edge: j });
    }
  }
  for (let j = 0; j < g.ids.length; j++) {
    if (!g.focus[j]) continue;
    if (find(g.from[j]!) === find(g.to[j]!)) out.push(path(g.from[j]!, g.to[j]!));
  }
  return out;
}

/**
 * The redundancy advice (see the head comment), for the base layers (material, water, energy).
 *
 * @example
 * // the unmeasured flows whose meters make every balance of the dyeing plant redundant
 * redundancyAdvice(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model).add.map((a) => a.flow)
 * // => ['L01', 'CR1', 'CR2', 'CR3', 'WK1']
 */
export function redundancyAdvice(
  model: Model,
  options: { costs?: CostTable; timeout?: number } = {},
): RedundancyAdvice {
  const graph = buildGraph(model);
  const layers = BASE_LAYERS.filter((l) => graph.byLayer.has(l));
  const flowById = new Map(model.flows.map((f) => [f.id, f]));
  const named = (id: string, lang: 'zh' | 'en') => flowLabel(flowById.get(id) ?? { id }, lang);
  const add: RedundancyAction[] = [];
  const report: RedundancyAdvice['layers'] = [];
  let optimal = true;
  let cost = 0;
  let bound = 0;
  let iterations = 0;
  let reached = true;
  for (const layer of layers) {
    const g = layerGraph(graph, layer);
    const before = classify(g, g.measured);
    const key = (j: number) => `${layer}\u0000${j}`;
    const costOf = (j: number) => (options.costs ? actionCost(options.costs, model, g.ids[j]!, 'add') : 1);
    const candidates: { id: string; cost: number }[] = [];
    const mandatory: string[] = [];
    for (let j = 0; j < g.ids.length; j++) {
      if (g.measured[j]) continue;
      candidates.push({ id: key(j), cost: costOf(j) });
      if (g.focus[j]) mandatory.push(key(j));
    }
    const rows: CoverRow[] = [];
    let chosen = new Set<number>();
    let last: CoverResult | undefined;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      iterations++;
      last = solveCover({ candidates, rows, mandatory }, { timeout: options.timeout });
      chosen = new Set(last.chosen.map((c) => Number(c.split('\u0000')[1])));
      const found = violations(g, (j) => !chosen.has(j));
      if (found.length === 0) break;
      for (const edges of found)
        rows.push({
          id: `${layer}#${rows.length}`,
          need: 1,
          members: edges.filter((j) => !g.measured[j]).map((j) => ({ candidate: key(j), weight: 1 })),
        });
      if (round === MAX_ROUNDS - 1) optimal = false;
    }
    if (last && !last.optimal) optimal = false;
    const measured = Uint8Array.from(g.measured);
    for (const j of chosen) measured[j] = 1;
    const after = classify(g, measured);
    if (after.unobservable.length > 0 || after.focusNotRedundant.length > 0) reached = false;
    report.push({ layer, ...before, after });
    for (const j of [...chosen].sort((x, y) => x - y)) {
      const why = g.focus[j] ? 'focus' : 'observability';
      add.push({
        flow: g.ids[j]!,
        layer,
        level: g.level[j]!,
        why,
        cost: costOf(j),
        reason: t('zh', `advice.redundancy.${why}`, { flow: named(g.ids[j]!, 'zh'), layer: layerName(layer, 'zh') }),
        reasonEn: t('en', `advice.redundancy.${why}`, { flow: named(g.ids[j]!, 'en'), layer: layerName(layer, 'en') }),
      });
      cost += costOf(j);
    }
    bound += last?.bound ?? 0;
  }
  return {
    for: 'redundancy',
    add,
    layers: report,
    reached,
    optimal,
    objective: options.costs ? 'cost' : 'meters',
    cost,
    bound: optimal ? cost : bound,
    costSource: options.costs?.source ?? null,
    iterations,
  };
}
