import { ancestorsOrSelf, crossings, type PlantGraph } from '../model/graph.ts';
import { closureError, toleranceFor, withinTolerance } from './tolerance.ts';
import type { BalanceTerm, Contributor, EnergyDetail, NodeBalance } from './types.ts';

/** Where each flow's value came from, for the terms of a balance. */
export interface ValueState {
  /** Layer-unit values, NaN = unknown (after derivation). */
  values: Float64Array;
  /** Flow index → node index whose own region derived it. */
  derivedAt: Map<number, number>;
  /** Layer-flow id → index into graph.flows. */
  indexById: Map<string, number>;
}

/** How many contributors an open balance lists. */
const MAX_CONTRIBUTORS = 5;

/**
 * Balances over every node's boundary, for one layer: a node's balance uses the flows crossing
 * *its* boundary — including flows to and from its children's devices from outside — while
 * flows between its own children are internal to it. Stock flows of a node are stock changes of
 * the node and of every ancestor.
 */
export function boundaryBalances(
  graph: PlantGraph,
  layer: string,
  layerFlows: readonly number[],
  state: ValueState,
): NodeBalance[] {
  const perNode = new Map<number, { inputs: BalanceTerm[]; outputs: BalanceTerm[]; stock: BalanceTerm[] }>();
  const slot = (n: number) => {
    let s = perNode.get(n);
    if (!s) perNode.set(n, (s = { inputs: [], outputs: [], stock: [] }));
    return s;
  };
  for (const i of layerFlows) {
    const f = graph.flows[i]!;
    const term = termOf(graph, i, state);
    if (f.stock) {
      const node = f.from >= 0 ? f.from : f.to;
      const sign = f.from >= 0 ? 1 : -1; // node → null accumulates; null → node draws down
      const signed = { ...term, value: term.value === null ? null : sign * term.value };
      for (const a of ancestorsOrSelf(graph, node)) slot(a).stock.push(signed);
      continue;
    }
    const { enters, leaves } = crossings(graph, f.from, f.to);
    for (const n of enters) slot(n).inputs.push(term);
    for (const n of leaves) slot(n).outputs.push(term);
  }
  const unit = graph.layerUnits.get(layer)!;
  const tolerancePct = toleranceFor(layer, graph.model.settings);
  const derivedHere = new Map<number, string[]>();
  for (const i of layerFlows) {
    const at = state.derivedAt.get(i);
    if (at !== undefined) {
      const list = derivedHere.get(at) ?? [];
      list.push(graph.flows[i]!.id);
      derivedHere.set(at, list);
    }
  }
  const out: NodeBalance[] = [];
  const order = [...perNode.keys()].sort((a, b) => a - b);
  for (const n of order) {
    const { inputs, outputs, stock } = perNode.get(n)!;
    const node = graph.nodes[n]!;
    const balance = judge({
      node: node.id,
      name: node.name,
      ...(node.nameEn ? { nameEn: node.nameEn } : {}),
      level: node.level,
      layer,
      unit,
      inputs,
      outputs,
      stock,
      tolerancePct,
      derived: derivedHere.get(n) ?? [],
    });
    if (layer === 'energy') balance.energy = energyDetail(graph, balance, state);
    out.push(balance);
  }
  return out;
}

/**
 * Energy balance extras (GB/T 3484): 等价值 input, losses, effective energy, utilisation = effective /
 * supplied, where supplied = in − Δstock (Σ supplied = Σ effective + Σ losses: coal burnt from a stock
 * that was drawn down was supplied to use though it was not received in the period; coal that went into
 * stock was received but not supplied). The utilisation rate is a measured efficiency only where the
 * effective energy was given (measured, monitored, calculated from measurements): where any effective term
 * was computed by difference it is supplied − losses by construction (100 % when no loss is given), so it
 * is "not determined" (null, basis `derived`), never shown as a figure.
 *
 * @example
 * // boiler: 100 t coal received (71.43 tce) + 10 t drawn from its bunker (7.143 tce); steam out 64.3 tce
 * // supplied = 71.43 − (−7.143) = 78.573 tce, utilisation = 64.3 / 78.573 = 81.8 % (not 64.3 / 71.43)
 */
function energyDetail(graph: PlantGraph, b: NodeBalance, state: ValueState): EnergyDetail {
  const byId = state.indexById;
  const equalOf = (terms: BalanceTerm[]) => {
    let sum = 0;
    for (const t of terms) {
      const f = graph.flows[byId.get(t.flow)!]!;
      sum += (t.value ?? 0) * (f.factor !== 0 ? f.equalFactor / f.factor : 1);
    }
    return sum;
  };
  const inEqual = equalOf(b.inputs);
  const supplied = b.in - b.stockChange;
  const suppliedEqual = inEqual - equalOf(b.stock);
  const ofKind = (kinds: string[]) => b.outputs.filter((t) => t.kind && kinds.includes(t.kind));
  const total = (terms: BalanceTerm[]) => terms.reduce((s, t) => s + (t.value ?? 0), 0);
  const effectiveTerms = ofKind(EFFECTIVE_KINDS);
  const effective = total(effectiveTerms);
  const derived = effectiveTerms.filter((t) => t.derivedAt !== undefined).map((t) => t.flow);
  const basis: EnergyDetail['utilisationBasis'] =
    derived.length > 0 ? 'derived' : effective > 0 && supplied > 0 ? 'measured' : 'no-effective';
  return {
    inEqual,
    supplied,
    suppliedEqual,
    losses: total(ofKind(['loss'])),
    effective,
    utilisation: basis === 'measured' ? effective / supplied : null,
    utilisationBasis: basis,
    ...(derived.length > 0 ? { derivedEffective: derived } : {}),
  };
}

/** Outputs that are energy put to use (GB/T 3484 有效能量). */
const EFFECTIVE_KINDS = ['effective', 'product'];

function termOf(graph: PlantGraph, i: number, state: ValueState): BalanceTerm {
  const f = graph.flows[i]!;
  const v = state.values[i]!;
  const flow = graph.model.flows[f.flowIndex]!;
  const term: BalanceTerm = { flow: f.id, value: Number.isNaN(v) ? null : v, sd: f.sd ?? null, source: f.source };
  const at = state.derivedAt.get(i);
  if (at !== undefined) term.derivedAt = graph.nodes[at]!.id;
  if (flow.carrier) term.carrier = flow.carrier;
  if (flow.kind && f.layer === flow.layer) term.kind = flow.kind;
  return term;
}

/** A balance before it is judged: its terms, without the figures judge() computes. */
type Draft = Pick<
  NodeBalance,
  'node' | 'name' | 'nameEn' | 'level' | 'layer' | 'unit' | 'inputs' | 'outputs' | 'stock' | 'tolerancePct' | 'derived'
>;

/** Residual, closure error, status, the likeliest culprits and the CP-audit advice. */
function judge(d: Draft): NodeBalance {
  const unknown: string[] = [];
  let negative = false;
  const sum = (terms: BalanceTerm[], flagNegative: boolean) => {
    let total = 0;
    let size = 0;
    for (const t of terms) {
      if (t.value === null) unknown.push(t.flow);
      else {
        total += t.value;
        size += Math.abs(t.value);
        if (flagNegative && t.value < 0 && t.derivedAt === d.node) negative = true;
      }
    }
    return { total: roundOff(total, size, terms.length), size };
  };
  const ins = sum(d.inputs, true);
  const outs = sum(d.outputs, true);
  const stocks = sum(d.stock, false);
  const input = ins.total;
  const output = outs.total;
  const stockChange = stocks.total;
  const terms = d.inputs.length + d.outputs.length + d.stock.length;
  const residual = roundOff(input - output - stockChange, ins.size + outs.size + stocks.size, terms);
  const balance: NodeBalance = {
    node: d.node,
    name: d.name,
    ...(d.nameEn ? { nameEn: d.nameEn } : {}),
    level: d.level,
    layer: d.layer,
    unit: d.unit,
    inputs: d.inputs,
    outputs: d.outputs,
    stock: d.stock,
    in: input,
    out: output,
    stockChange,
    residual,
    closure: null,
    tolerancePct: d.tolerancePct,
    status: 'indeterminate',
    unknown,
    derived: d.derived,
    contributors: [],
    advice: [],
  };
  if (unknown.length > 0) {
    balance.advice.push('advice.indeterminate');
    return balance;
  }
  balance.closure = closureError(input, output, stockChange);
  const throughput = input + output + Math.abs(stockChange);
  if (d.derived.length > 0 && Math.abs(residual) <= 1e-9 * Math.max(throughput, 1)) {
    balance.status = negative ? 'open' : 'by-difference';
    if (negative) balance.advice.push('advice.negativeDerived');
    return balance;
  }
  const closed = balance.closure !== null && withinTolerance(balance.closure, d.tolerancePct) && !negative;
  balance.status = closed ? 'closed' : 'open';
  if (!closed) {
    const all = [...d.inputs, ...d.outputs, ...d.stock];
    balance.contributors = contributors(all, residual, throughput);
    if (negative) balance.advice.push('advice.negativeDerived');
    balance.advice.push(residual > 0 ? 'advice.missingOutput' : 'advice.missingInput');
    if (all.some((t) => t.source === 'estimated' || t.source === 'design'))
      balance.advice.push('advice.estimatedInvolved');
    balance.advice.push('advice.remeasure');
  }
  return balance;
}

/**
 * A sum that is rounding of its terms is 0: a flow derived by difference cancels what it balances
 * to ±2e-17 or to 0 depending on the order of the terms, and a balance of ±2e-17 against nothing
 * would read as open. A sum of n terms rounds by at most ~n ε of their magnitude (at least 8 ε here).
 */
function roundOff(total: number, size: number, n: number): number {
  return Math.abs(total) <= Math.max(8, n) * Number.EPSILON * size ? 0 : total;
}

/** Flows ranked by how plausibly their own error explains the residual: |residual| / σ, smallest first. */
function contributors(terms: BalanceTerm[], residual: number, throughput: number): Contributor[] {
  return terms
    .filter((t) => t.value !== null && t.value !== 0)
    .map((t) => ({
      flow: t.flow,
      value: t.value!,
      share: throughput > 0 ? Math.abs(t.value!) / throughput : 0,
      sigmasToExplain: t.sd ? Math.abs(residual) / t.sd : null,
      source: t.source,
    }))
    .sort((a, b) => (a.sigmasToExplain ?? Infinity) - (b.sigmasToExplain ?? Infinity) || b.share - a.share)
    .slice(0, MAX_CONTRIBUTORS);
}
