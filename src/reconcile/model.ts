import { boundTolerance } from '../data/reconcile-statistics.ts';
import { isBaseLayer } from '../model/layers.ts';
import type { PlantGraph } from '../model/graph.ts';
import { rebaseOnCarriers, type CarrierEstimate } from './components.ts';
import { serialElimination, type EliminationStep, type TestedResult } from './gross-errors.ts';
import { FlowStatus } from './linear.ts';
import type { FlowNetwork } from './network.ts';
import { byId, canonicalNodes, inFileOrder, type NodeOrder } from './canonical-order.ts';
import { diagnose } from './diagnose.ts';
import type {
  FlowReconcileStatus,
  GlobalTest,
  LayerReconciliation,
  ModelReconciliation,
  ReconciledFlow,
  ReconcileModelOptions,
  Suspect,
} from './model-types.ts';

export { diagnose, fmt } from './diagnose.ts';
export type {
  FlowReconcileStatus,
  GlobalTest,
  LayerReconciliation,
  ModelReconciliation,
  ReconciledFlow,
  ReconcileModelOptions,
  Suspect,
} from './model-types.ts';

/*
 * Reconciliation of a plant model, layer by layer: the order the solver sees (canonical-order.ts),
 * each layer reconciled and tested here, its findings in words (diagnose.ts), the types in
 * model-types.ts.
 */

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
    const sorted = byId(graph, idx); // the rows come out in this order, and go back to the file's
    done.set(
      layer,
      inFileOrder(reconcileLayer(graph, layer, sorted, carriers, options, order), sorted, idx, graph.flows.length),
    );
  };
  const order = canonicalNodes(graph);
  const run = (layer: string) => runLayer(layer, order);
  for (const l of wanted) run(l);
  return { layers: wanted.map((l) => done.get(l)!) };
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
