import { defaultRelativeSd } from '../data/cp-practice.ts';
import { buildGraph, type PlantGraph } from '../model/graph.ts';
import { BASE_LAYERS } from '../model/layers.ts';
import { periodTimeline, stockLevels } from '../model/periods.ts';
import type { Model } from '../model/schema.ts';
import { FlowStatus } from '../reconcile/linear.ts';
import {
  diagnose,
  reconcileModel,
  type LayerReconciliation,
  type ModelReconciliation,
  type ReconcileModelOptions,
  type ReconciledFlow,
} from '../reconcile/model.ts';
import type { FlowNetwork } from '../reconcile/network.ts';
import { serialElimination, type TestedResult } from '../reconcile/gross-errors.ts';
import { periodModel } from './period-model.ts';

/**
 * Reconciliation of a multi-period model (docs/periods.md §Reconciliation):
 * - per period: each period's single-period model through reconcileModel;
 * - across periods with stocks (STAN's multi-period balance, Cencic & Rechberger 2008): one
 *   problem over the accounting periods in which a stock's level is a flow of the time-expanded
 *   graph — the opening level enters (node, first period) from outside, the closing level of
 *   period k flows from (node, k) to (node, k + 1), the last closing level leaves. Each
 *   (node, period) balance then reads Σ in − Σ out = closing − opening, and measured levels
 *   (stock-taking) check the flows of the periods on both sides of them. Base layers only:
 *   component amounts ride on reconciled carriers per period.
 */

export interface PeriodReconciliation {
  period: string;
  reconciliation: ModelReconciliation;
}

/**
 * Each period's own reconciliation (accounting periods in time order, then campaigns).
 *
 * @example
 * reconcilePerPeriod(parseModel(readFileSync('datasets/boiler-monthly.json'), 'b.json').model).length // => 12
 */
export function reconcilePerPeriod(
  model: Model,
  options: ReconcileModelOptions = {},
  file = 'model.json',
): PeriodReconciliation[] {
  const timeline = periodTimeline(model);
  const { levels } = stockLevels(model, timeline);
  return [...timeline.accounting, ...timeline.campaigns].map((k) => {
    const id = model.periods![k]!.id;
    const graph = buildGraph(periodModel(model, id, { file, timeline, levels }));
    const layers = options.layer === undefined || graph.layers.includes(options.layer) ? options : undefined;
    return { period: id, reconciliation: layers ? reconcileModel(graph, options) : { layers: [] } };
  });
}

/** A flow of the time-expanded graph: a model flow in one period, or a stock level between two. */
interface Arc {
  label: string;
  from: number;
  to: number;
  /** Layer unit → the flow's own unit. */
  factor: number;
  unit: string;
  measured: number;
  sd: number;
  lower: number;
  trusted: boolean;
}

/**
 * The accounting periods of `model` reconciled as one problem per base layer, stocks carried as
 * level flows between periods. Flow labels are `flow@period`; stock levels `stock@opening` (before
 * the first period) and `stock@period` (the closing level of that period); balance rows name
 * `node@period`. Values in each flow's own unit.
 *
 * @example
 * const r = reconcileAcrossPeriods(parseModel(readFileSync('datasets/boiler-monthly.json'), 'b.json').model);
 * r.layers.map((l) => [l.layer, l.global.dof]) // => [['material', 12], ['water', 43], ['energy', 31]]
 */
export function reconcileAcrossPeriods(
  model: Model,
  options: ReconcileModelOptions = {},
  file = 'model.json',
): ModelReconciliation {
  const timeline = periodTimeline(model);
  const { levels } = stockLevels(model, timeline);
  const order = timeline.accounting;
  const periods = order.map((k) => model.periods![k]!);
  const graphs = order.map((k) => buildGraph(periodModel(model, model.periods![k]!.id, { file, timeline, levels })));
  if (graphs.length === 0) return { layers: [] };
  const g0 = graphs[0]!;
  const n = g0.nodes.length;
  const layers = BASE_LAYERS.filter((l) => g0.byLayer.has(l) && (options.layer === undefined || options.layer === l));
  const stockByFlow = new Map((model.stocks ?? []).flatMap((s) => s.flows.map((f) => [f, s] as const)));
  return {
    layers: layers.map((layer) => {
      const arcs: Arc[] = [];
      const vertex = (p: number, v: number) => (v === -1 ? -1 : p * n + v);
      graphs.forEach((g, p) => {
        for (const i of g.byLayer.get(layer)!) {
          const lf = g.flows[i]!;
          if (lf.stock && stockByFlow.has(lf.id)) continue;
          const own = g.model.flows[lf.flowIndex]!;
          const measured = lf.value !== undefined && lf.source !== 'unmeasured';
          arcs.push({
            label: `${lf.id}@${periods[p]!.id}`,
            from: vertex(p, lf.from),
            to: vertex(p, lf.to),
            factor: lf.factor,
            unit: own.unit,
            measured: measured ? lf.value! : Number.NaN,
            sd: measured ? (lf.sd ?? 0) : 0,
            lower: lf.stock ? Number.NEGATIVE_INFINITY : 0,
            trusted: own.trusted === true,
          });
        }
      });
      for (const stock of model.stocks ?? []) {
        const lf = g0.flows.find((f) => f.layer === layer && stock.flows.includes(f.id));
        if (!lf) continue;
        const node = lf.from === -1 ? lf.to : lf.from;
        const unit = g0.model.flows[lf.flowIndex]!.unit;
        const rel = model.settings?.defaultRelativeSd?.estimated ?? defaultRelativeSd.estimated!;
        const level = (label: string, from: number, to: number, value: number | undefined) => {
          const known = value !== undefined;
          const sd = stock.sd !== undefined ? stock.sd : rel * Math.abs(value ?? 0);
          arcs.push({
            label,
            from,
            to,
            factor: lf.factor,
            unit,
            measured: known ? value * lf.factor : Number.NaN,
            sd: known ? sd * Math.abs(lf.factor) : 0,
            lower: 0,
            trusted: false,
          });
        };
        level(`${stock.id}@opening`, -1, vertex(0, node), levels[order[0]!]!.get(stock.id)?.opening);
        order.forEach((k, p) => {
          const to = p + 1 < order.length ? vertex(p + 1, node) : -1;
          level(`${stock.id}@${periods[p]!.id}`, vertex(p, node), to, levels[k]!.get(stock.id)?.closing);
        });
      }
      return solve(
        layer,
        g0,
        arcs,
        n,
        periods.map((p) => p.id),
        options,
      );
    }),
  };
}

function solve(
  layer: string,
  g0: PlantGraph,
  arcs: Arc[],
  n: number,
  periodIds: string[],
  options: ReconcileModelOptions,
): LayerReconciliation {
  const m = arcs.length;
  const network: FlowNetwork = {
    nodeCount: n * periodIds.length,
    from: Int32Array.from(arcs, (a) => a.from),
    to: Int32Array.from(arcs, (a) => a.to),
  };
  const measured = Float64Array.from(arcs, (a) => a.measured);
  const sd = Float64Array.from(arcs, (a) => a.sd);
  const lower = Float64Array.from(arcs, (a) => a.lower);
  const upper = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
  const trusted = Uint8Array.from(arcs, (a) => (a.trusted ? 1 : 0));
  const elim = serialElimination({ network, measured, sd, lower, upper }, { ...options, trusted });
  const res = elim.initial;
  const own = (j: number, v: number) => v / arcs[j]!.factor;
  const ownSd = (j: number, v: number) => v / Math.abs(arcs[j]!.factor);
  const num = (j: number, v: number, f = own) => (Number.isNaN(v) ? null : f(j, v));
  const nodeLabel = (v: number) => `${g0.nodes[v % n]!.id}@${periodIds[Math.floor(v / n)]}`;
  const suspects = new Set(elim.steps.filter((s) => s.kind === 'meter').map((s) => s.flow!));
  const status = (s: number) =>
    s === FlowStatus.estimated ? 'estimated' : s === FlowStatus.unobservable ? 'unobservable' : 'measured';
  const flows: ReconciledFlow[] = arcs.map((a, j) => ({
    id: a.label,
    unit: a.unit,
    from: a.from === -1 ? null : nodeLabel(a.from),
    to: a.to === -1 ? null : nodeLabel(a.to),
    measured: num(j, measured[j]!),
    reconciled: num(j, res.reconciled[j]!),
    sd: Number.isNaN(measured[j]!) ? null : ownSd(j, sd[j]!),
    reconciledSd: num(j, res.reconciledSd[j]!, ownSd),
    status: status(res.status[j]!),
    redundant: res.status[j] === FlowStatus.redundant,
    z: Number.isNaN(res.z[j]!) ? null : res.z[j]!,
    suspect: suspects.has(j),
    trusted: a.trusted,
  }));
  const globalOf = (r: TestedResult) => ({
    chi2: r.chi2,
    dof: r.dof,
    critical: r.critical,
    pass: r.pass,
    pValue: r.pValue,
    alpha: r.alpha,
  });
  const unit = g0.layerUnits.get(layer) ?? '';
  const result: LayerReconciliation = {
    layer,
    unit,
    flows,
    global: globalOf(res),
    measurementTest: {
      critical: res.measurementCritical,
      tested: res.measurementTested,
      failures: res.measurementFailures.map((j) => arcs[j]!.label),
    },
    nodalTest: {
      critical: res.nodalCritical,
      rows: res.rows.map((row, i) => ({
        nodes: row.nodes.map(nodeLabel),
        residual: row.residual,
        sd: row.sd,
        z: row.sd > 0 ? row.residual / row.sd : 0,
        fail: res.nodalFailures.includes(i),
      })),
    },
    activeBounds: res.activeBounds.map((b) => ({
      flow: arcs[b.flow]!.label,
      side: b.side,
      bound: own(b.flow, b.bound),
      unit: arcs[b.flow]!.unit,
    })),
    unmeasuredOutOfBounds: res.unmeasuredOutOfBounds.map((j) => arcs[j]!.label),
    inconsistent: res.inconsistentRows.map((r) => r.map(nodeLabel)),
    suspects: elim.steps.map((s, k) => ({
      rank: k + 1,
      kind: s.kind,
      statistic: s.statistic,
      chi2Before: s.chi2Before,
      chi2After: s.chi2After,
      passAfter: s.passAfter,
      unit: s.kind === 'meter' ? arcs[s.flow!]!.unit : unit,
      ...(s.kind === 'meter'
        ? {
            flow: arcs[s.flow!]!.label,
            measured: own(s.flow!, s.measured!),
            reconciledBefore: num(s.flow!, s.reconciledBefore ?? Number.NaN),
            reconciledAfter: num(s.flow!, s.reconciledAfter ?? Number.NaN),
            sdAfter: num(s.flow!, s.sdAfter ?? Number.NaN, ownSd),
          }
        : { nodes: s.nodes!.map(nodeLabel), leakValue: s.leakValue ?? null, leakSd: s.leakSd ?? null }),
    })),
    diagnosis: { zh: [], en: [] },
    solver: res.solver,
    unmeasuredSdComputed: res.unmeasuredSdComputed,
  };
  if (elim.steps.length > 0) {
    const f = elim.final;
    result.afterElimination = {
      global: globalOf(f),
      flows: arcs.map((a, j) => ({
        id: a.label,
        reconciled: num(j, f.reconciled[j]!),
        reconciledSd: num(j, f.reconciledSd[j]!, ownSd),
        status: status(f.status[j]!),
      })),
    };
  }
  result.diagnosis = diagnose(result);
  return result;
}
