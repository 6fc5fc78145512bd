import { boundTolerance } from '../data/reconcile-statistics.ts';
import { hasMessage, t, type Lang } from '../i18n/index.ts';
import { isBaseLayer } from '../model/layers.ts';
import type { PlantGraph } from '../model/graph.ts';
import { rebaseOnCarriers, type CarrierEstimate } from './components.ts';
import { serialElimination, type EliminationStep, type TestedResult } from './gross-errors.ts';
import { FlowStatus, type LinearOptions } from './linear.ts';
import type { FlowNetwork } from './network.ts';

export interface ReconcileModelOptions extends LinearOptions {
  /** One layer only (its carrier layers are reconciled first when it is a component). */
  layer?: string;
  /** Significance level of the tests (default 0.05). */
  alpha?: number;
  /** Consider leaks / missing flows at nodes in serial elimination (default true). */
  leaks?: boolean;
}

export type FlowReconcileStatus = 'measured' | 'estimated' | 'unobservable';

/** One flow of a reconciled layer; values in the flow's own unit. */
export interface ReconciledFlow {
  id: string;
  name?: string;
  nameEn?: string;
  unit: string;
  from: string | null;
  to: string | null;
  measured: number | null;
  reconciled: number | null;
  sd: number | null;
  reconciledSd: number | null;
  status: FlowReconcileStatus;
  /** Measured and checked by at least one balance (only these are adjusted and tested). */
  redundant: boolean;
  /** Measurement-test statistic (m − x̂)/σ(m − x̂); positive = the meter reads high. */
  z: number | null;
  suspect: boolean;
  trusted: boolean;
  /** σ = 0: the value is held as given (used in the balances, never adjusted or tested). */
  fixed?: true;
  activeBound?: 'lower' | 'upper';
  /** For a suspect: the value the other meters imply without it. */
  reconciledWithoutSuspects?: number | null;
}

export interface Suspect {
  rank: number;
  kind: 'meter' | 'leak';
  flow?: string;
  nodes?: string[];
  statistic: number;
  chi2Before: number;
  chi2After: number;
  passAfter: boolean;
  unit: string;
  measured?: number;
  reconciledBefore?: number | null;
  reconciledAfter?: number | null;
  sdAfter?: number | null;
  leakValue?: number | null;
  leakSd?: number | null;
  equivalent?: { kind: 'meter' | 'leak'; flow?: string; nodes?: string[] }[];
}

export interface GlobalTest {
  chi2: number;
  dof: number;
  critical: number;
  pass: boolean;
  pValue: number;
  alpha: number;
}

export interface LayerReconciliation {
  layer: string;
  unit: string;
  flows: ReconciledFlow[];
  global: GlobalTest;
  measurementTest: { critical: number; tested: number; failures: string[] };
  nodalTest: { critical: number; rows: { nodes: string[]; residual: number; sd: number; z: number; fail: boolean }[] };
  activeBounds: { flow: string; side: 'lower' | 'upper'; bound: number; unit: string }[];
  unmeasuredOutOfBounds: string[];
  /** Balances (node sets) that cannot close with the values held fixed (σ = 0 or active bounds). */
  inconsistent: string[][];
  suspects: Suspect[];
  /** The result with every suspect excluded (present when serial elimination removed anything). */
  afterElimination?: {
    global: GlobalTest;
    flows: { id: string; reconciled: number | null; reconciledSd: number | null; status: FlowReconcileStatus }[];
  };
  diagnosis: { zh: string[]; en: string[] };
  solver: TestedResult['solver'];
  unmeasuredSdComputed: boolean;
}

export interface ModelReconciliation {
  layers: LayerReconciliation[];
}

/**
 * The reconciled values for re-basing components: those within the solver's tolerance of 0
 * (boundTolerance: 1e-9 of the layer's largest value, where the active-set method takes a flow as
 * on its bound) are exactly 0. Left as they are — a flow the balances force to zero comes out as
 * −5e-5 t beside 7e5 t — a carrier would give its components an amount of −5e-8 kg with a relative
 * σ, and the component layer would name that noise a gross error (z = 20), or not, by the order of
 * the file.
 */
function snapRoundingNoise(values: Float64Array, measured: Float64Array): Float64Array {
  const reconciled = Float64Array.from(values);
  let scale = 0;
  for (let j = 0; j < reconciled.length; j++) {
    const m = Math.abs(measured[j]!);
    const x = Math.abs(reconciled[j]!);
    if (m > scale) scale = m;
    if (x > scale) scale = x;
  }
  const noise = boundTolerance.relative * scale;
  for (let j = 0; j < reconciled.length; j++) if (Math.abs(reconciled[j]!) <= noise) reconciled[j] = 0;
  return reconciled;
}

/**
 * Reconciles a plant model layer by layer on the flat graph (each node's own balance; the
 * environment has no balance; nodes without flows in a layer have no row). Base layers first;
 * component layers use the reconciled carriers (see components.ts). Values are reported in each
 * flow's own unit (layer value ÷ `LayerFlow.factor`).
 *
 * @example
 * // each layer of the dyeing plant: 4 independent balances; all pass the global χ² test at 95 %
 * const graph = buildGraph(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model);
 * reconcileModel(graph).layers.map((l) => [l.layer, l.global.dof, roundTo(l.global.chi2, 2), l.global.pass])
 * // => [['water', 4, 5.98, true], ['energy', 4, 1.82, true], ['COD', 4, 0.48, true]]
 */
export function reconcileModel(graph: PlantGraph, options: ReconcileModelOptions = {}): ModelReconciliation {
  const wanted = options.layer === undefined ? graph.layers : [options.layer];
  const carriers = new Map<number, CarrierEstimate>();
  const done = new Map<string, LayerReconciliation>();
  const runLayer = (layer: string, order: NodeOrder) => {
    if (done.has(layer)) return;
    const idx = graph.byLayer.get(layer);
    if (!idx) throw new Error(`unknown layer "${layer}"`);
    // A component layer needs its carriers' layers first.
    if (!isBaseLayer(layer))
      for (const i of idx) {
        const cb = graph.flows[i]!.carriedBy;
        if (cb) runLayer(graph.flows[cb.index]!.layer, order);
      }
    done.set(layer, inFileOrder(reconcileLayer(graph, layer, byId(graph, idx), carriers, options, order), graph, idx));
  };
  const order = canonicalNodes(graph);
  const run = (layer: string) => runLayer(layer, order);
  for (const l of wanted) run(l);
  return { layers: wanted.map((l) => done.get(l)!) };
}

/**
 * The order the solver sees does not depend on the order of the file: flows sorted by id, nodes
 * numbered by id (the factorization's ordering breaks ties by index, and sums round in the order
 * they run). So a permuted model gives the same numbers to the last bit; reports keep the file's order.
 */
/** Code-unit order: the same in every locale and runtime. */
const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
function byId(graph: PlantGraph, idx: readonly number[]): number[] {
  return [...idx].sort((a, b) => compareIds(graph.flows[a]!.id, graph.flows[b]!.id));
}
interface NodeOrder {
  /** Solver number of each graph node, and the graph node of each solver number. */
  rank: Int32Array;
  node: Int32Array;
}
function canonicalNodes(graph: PlantGraph): NodeOrder {
  const node = Int32Array.from(graph.nodes.keys()).sort((a, b) => compareIds(graph.nodes[a]!.id, graph.nodes[b]!.id));
  const rank = new Int32Array(node.length);
  node.forEach((v, r) => {
    rank[v] = r;
  });
  return { rank, node };
}
function inFileOrder(result: LayerReconciliation, graph: PlantGraph, idx: readonly number[]): LayerReconciliation {
  const at = new Map(idx.map((gi, k) => [graph.flows[gi]!.id, k]));
  const byFile = <T extends { id: string }>(xs: T[]) => xs.sort((a, b) => at.get(a.id)! - at.get(b.id)!);
  byFile(result.flows);
  if (result.afterElimination) byFile(result.afterElimination.flows);
  return result;
}

function reconcileLayer(
  graph: PlantGraph,
  layer: string,
  idx: readonly number[],
  carriers: Map<number, CarrierEstimate>,
  options: ReconcileModelOptions,
  order: NodeOrder,
): LayerReconciliation {
  const n = idx.length;
  const solverNode = (v: number) => (v === -1 ? -1 : order.rank[v]!);
  const unit = graph.layerUnits.get(layer) ?? '';
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  const measured = new Float64Array(n).fill(Number.NaN);
  const sd = new Float64Array(n);
  const lower = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const upper = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const trusted = new Uint8Array(n);
  idx.forEach((gi, j) => {
    const lf = graph.flows[gi]!;
    const flow = graph.model.flows[lf.flowIndex]!;
    from[j] = solverNode(lf.from);
    to[j] = solverNode(lf.to);
    const base = rebaseOnCarriers(graph, lf, lf.carriedBy ? carriers.get(lf.carriedBy.index) : undefined);
    if (base.value !== undefined && lf.source !== 'unmeasured') {
      measured[j] = base.value;
      sd[j] = base.sd ?? 0;
    }
    if (!lf.stock) lower[j] = 0;
    // min/max belong to the flow in its own unit; carried components have none.
    if (lf.carriedBy === undefined && lf.layer === flow.layer) {
      const f = lf.factor;
      const lo = flow.min === undefined ? undefined : flow.min * f;
      const hi = flow.max === undefined ? undefined : flow.max * f;
      const [a, b] = f >= 0 ? [lo, hi] : [hi, lo];
      if (a !== undefined) lower[j] = Math.max(lower[j]!, a);
      if (b !== undefined) upper[j] = b;
      if (flow.trusted) trusted[j] = 1;
    }
  });
  const network: FlowNetwork = { nodeCount: graph.nodes.length, from, to };
  const elim = serialElimination({ network, measured, sd, lower, upper }, { ...options, trusted });
  const res = elim.initial;
  // components are re-based on their carriers without the carriers' round-off (the values reported
  // keep it: they close the balances exactly)
  const carrierValues = snapRoundingNoise(res.reconciled, measured);
  idx.forEach((gi, j) => {
    if (!Number.isNaN(carrierValues[j]!)) carriers.set(gi, { value: carrierValues[j]!, sd: res.reconciledSd[j]! });
  });

  const nodeId = (v: number) => (v === -1 ? null : graph.nodes[v]!.id);
  const own = (j: number, v: number) => v / graph.flows[idx[j]!]!.factor;
  const ownSd = (j: number, v: number) => v / Math.abs(graph.flows[idx[j]!]!.factor);
  const num = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? null : v);
  const flowUnit = (j: number) => {
    const lf = graph.flows[idx[j]!]!;
    return lf.carriedBy || lf.layer !== graph.model.flows[lf.flowIndex]!.layer
      ? unit
      : graph.model.flows[lf.flowIndex]!.unit;
  };
  const statusName = (s: number): FlowReconcileStatus =>
    s === FlowStatus.estimated ? 'estimated' : s === FlowStatus.unobservable ? 'unobservable' : 'measured';
  const flowId = (j: number) => graph.flows[idx[j]!]!.id;
  const suspectFlows = new Set(elim.steps.filter((s) => s.kind === 'meter').map((s) => s.flow!));
  const active = new Map(res.activeBounds.map((a) => [a.flow, a]));

  const flows: ReconciledFlow[] = idx.map((gi, j) => {
    const lf = graph.flows[gi]!;
    const model = graph.model.flows[lf.flowIndex]!;
    const st = res.status[j]!;
    const out: ReconciledFlow = {
      id: lf.id,
      unit: flowUnit(j),
      from: nodeId(lf.from),
      to: nodeId(lf.to),
      measured: Number.isNaN(measured[j]!) ? null : own(j, measured[j]!),
      reconciled: Number.isNaN(res.reconciled[j]!) ? null : own(j, res.reconciled[j]!),
      sd: Number.isNaN(measured[j]!) ? null : ownSd(j, sd[j]!),
      reconciledSd: Number.isNaN(res.reconciledSd[j]!) ? null : ownSd(j, res.reconciledSd[j]!),
      status: statusName(st),
      redundant: st === FlowStatus.redundant,
      z: num(res.z[j]),
      suspect: suspectFlows.has(j),
      trusted: trusted[j] === 1,
    };
    if (model.name && !lf.carriedBy) out.name = model.name;
    if (model.nameEn && !lf.carriedBy) out.nameEn = model.nameEn;
    const a = active.get(j);
    if (a) out.activeBound = a.side;
    else if (st === FlowStatus.fixed) out.fixed = true;
    if (out.suspect)
      out.reconciledWithoutSuspects = num(elim.final.reconciled[j]) === null ? null : own(j, elim.final.reconciled[j]!);
    return out;
  });
  const nodeIds = (nodes: number[]) => nodes.map((v) => graph.nodes[order.node[v]!]!.id);
  const globalOf = (r: TestedResult): GlobalTest => ({
    chi2: r.chi2,
    dof: r.dof,
    critical: r.critical,
    pass: r.pass,
    pValue: r.pValue,
    alpha: r.alpha,
  });
  const suspects: Suspect[] = elim.steps.map((s, k) =>
    toSuspect(s, k + 1, unit, flowId, nodeIds, own, ownSd, num, flowUnit),
  );
  const result: LayerReconciliation = {
    layer,
    unit,
    flows,
    global: globalOf(res),
    measurementTest: {
      critical: res.measurementCritical,
      tested: res.measurementTested,
      failures: res.measurementFailures.map(flowId),
    },
    nodalTest: {
      critical: res.nodalCritical,
      rows: res.rows.map((row, i) => ({
        nodes: nodeIds(row.nodes),
        residual: row.residual,
        sd: row.sd,
        z: row.sd > 0 ? row.residual / row.sd : 0,
        fail: res.nodalFailures.includes(i),
      })),
    },
    activeBounds: res.activeBounds.map((a) => ({
      flow: flowId(a.flow),
      side: a.side,
      bound: own(a.flow, a.bound),
      unit: flowUnit(a.flow),
    })),
    unmeasuredOutOfBounds: res.unmeasuredOutOfBounds.map(flowId),
    inconsistent: res.inconsistentRows.map(nodeIds),
    suspects,
    diagnosis: { zh: [], en: [] },
    solver: res.solver,
    unmeasuredSdComputed: res.unmeasuredSdComputed,
  };
  if (elim.steps.length > 0) {
    const f = elim.final;
    result.afterElimination = {
      global: globalOf(f),
      flows: idx.map((_, j) => ({
        id: flowId(j),
        reconciled: Number.isNaN(f.reconciled[j]!) ? null : own(j, f.reconciled[j]!),
        reconciledSd: Number.isNaN(f.reconciledSd[j]!) ? null : ownSd(j, f.reconciledSd[j]!),
        status: statusName(f.status[j]!),
      })),
    };
  }
  result.diagnosis = diagnose(result);
  return result;
}

function toSuspect(
  s: EliminationStep,
  rank: number,
  unit: string,
  flowId: (j: number) => string,
  nodeIds: (n: number[]) => string[],
  own: (j: number, v: number) => number,
  ownSd: (j: number, v: number) => number,
  num: (v: number | undefined) => number | null,
  flowUnit: (j: number) => string,
): Suspect {
  const out: Suspect = {
    rank,
    kind: s.kind,
    statistic: s.statistic,
    chi2Before: s.chi2Before,
    chi2After: s.chi2After,
    passAfter: s.passAfter,
    unit,
  };
  if (s.kind === 'meter') {
    const j = s.flow!;
    out.flow = flowId(j);
    out.unit = flowUnit(j);
    out.measured = own(j, s.measured!);
    out.reconciledBefore = num(s.reconciledBefore) === null ? null : own(j, s.reconciledBefore!);
    out.reconciledAfter = num(s.reconciledAfter) === null ? null : own(j, s.reconciledAfter!);
    out.sdAfter = num(s.sdAfter) === null ? null : ownSd(j, s.sdAfter!);
  } else {
    out.nodes = nodeIds(s.nodes!);
    out.leakValue = num(s.leakValue);
    out.leakSd = num(s.leakSd);
  }
  if (s.equivalent)
    out.equivalent = s.equivalent.map((e) =>
      e.kind === 'meter' ? { kind: e.kind, flow: flowId(e.flow!) } : { kind: e.kind, nodes: nodeIds(e.nodes!) },
    );
  return out;
}

/** Four significant figures for messages (full precision stays in the JSON). */
export function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-3) return v.toExponential(3);
  return String(Number(v.toPrecision(4)));
}

/** Plain-language findings of one layer, Chinese and English (src/i18n/reconcile.ts). */
export function diagnose(r: LayerReconciliation): { zh: string[]; en: string[] } {
  const zh: string[] = [];
  const en: string[] = [];
  // The layer's own name in each language where the catalogue has one (水, 能源 …; COD stays COD).
  const layerName = (lang: Lang) => (hasMessage(`layer.${r.layer}`) ? t(lang, `layer.${r.layer}`) : r.layer);
  const add = (key: string, params: Record<string, string | number | undefined>) => {
    zh.push(t('zh', key, { ...params, layer: layerName('zh') }));
    en.push(t('en', key, { ...params, layer: layerName('en') }));
  };
  const g = r.global;
  // ids in sentences are sorted, so the words do not depend on the order of the model's file
  const groups = r.inconsistent.map((nodes) => sorted(nodes).join(' + '));
  for (const nodes of sorted(groups)) add('reconcile.inconsistent', { nodes });
  const common = {
    layer: r.layer,
    chi2: fmt(g.chi2),
    dof: g.dof,
    critical: fmt(g.critical),
    alpha: g.alpha,
    p: fmt(g.pValue),
  };
  if (g.dof === 0) add('reconcile.global.noRedundancy', common);
  else add(g.pass ? 'reconcile.global.pass' : 'reconcile.global.fail', common);
  for (const s of r.suspects) {
    if (s.kind === 'meter') {
      const params = {
        rank: s.rank,
        flow: s.flow,
        measured: fmt(s.measured),
        after: fmt(s.reconciledAfter),
        sd: fmt(s.sdAfter),
        error:
          s.reconciledAfter === null || s.reconciledAfter === undefined ? '—' : fmt(s.measured! - s.reconciledAfter),
        unit: s.unit,
        before: fmt(s.chi2Before),
        chi2After: fmt(s.chi2After),
      };
      add(s.reconciledAfter === null ? 'reconcile.suspect.meterUnobservable' : 'reconcile.suspect.meter', params);
    } else {
      add('reconcile.suspect.leak', {
        rank: s.rank,
        nodes: sorted(s.nodes!).join(' + '),
        value: fmt(s.leakValue),
        sd: fmt(s.leakSd),
        unit: r.unit,
        before: fmt(s.chi2Before),
        chi2After: fmt(s.chi2After),
      });
    }
    if (s.equivalent?.length)
      add('reconcile.suspect.equivalent', {
        alternatives: sorted(
          s.equivalent.map((e) => (e.kind === 'meter' ? e.flow! : `[${sorted(e.nodes!).join(' + ')}]`)),
        ).join(', '),
      });
  }
  if (r.afterElimination && !r.afterElimination.global.pass)
    add('reconcile.stillFails', {
      n: r.suspects.length,
      chi2: fmt(r.afterElimination.global.chi2),
      critical: fmt(r.afterElimination.global.critical),
    });
  const unobs = r.flows.filter((f) => f.status === 'unobservable').map((f) => f.id);
  if (unobs.length) add('reconcile.unobservable', { count: unobs.length, flows: list(unobs) });
  const nonRed = r.flows
    .filter((f) => f.status === 'measured' && !f.redundant && !f.fixed && f.activeBound === undefined)
    .map((f) => f.id);
  if (nonRed.length) add('reconcile.nonRedundant', { count: nonRed.length, flows: list(nonRed) });
  for (const a of [...r.activeBounds].sort((x, y) => compareIds(x.flow, y.flow)))
    add(a.side === 'lower' ? 'reconcile.bound.lower' : 'reconcile.bound.upper', {
      flow: a.flow,
      bound: fmt(a.bound),
      unit: a.unit,
    });
  if (r.unmeasuredOutOfBounds.length) add('reconcile.bound.unmeasured', { flows: list(r.unmeasuredOutOfBounds) });
  if (r.solver.kind === 'pcg')
    add('reconcile.iterativeNoTests', { iterations: r.solver.iterations, residual: fmt(r.solver.relativeResidual) });
  else if (!r.unmeasuredSdComputed && r.flows.some((f) => f.status === 'estimated'))
    add('reconcile.unmeasuredSdSkipped', {});
  return { zh, en };
}

function list(unsorted: string[]): string {
  const ids = sorted(unsorted);
  return ids.length > 12 ? `${ids.slice(0, 12).join(', ')} …(+${ids.length - 12})` : ids.join(', ');
}

/** Code-unit order (compareIds): the same in every locale and runtime. */
const sorted = (ids: readonly string[]) => [...ids].sort(compareIds);
