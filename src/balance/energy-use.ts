import { consumptionDefinition, electricityEqualValue } from '../data/gb2589-2008.ts';
import { ancestorsOrSelf, crossings, type PlantGraph } from '../model/graph.ts';
import { flowFactor } from '../model/quantities.ts';
import { conversionFactor } from '../units/units.ts';
import type { EnergyUse, EnergyUseRow, TceAmount } from './types.ts';

/** Outputs that leave the enterprise as energy delivered to others (外销、外供): kinds product and by-product. */
const SENT_OUT_KINDS = new Set(['product', 'by-product']);

/**
 * Energy consumption of every node at every level, per carrier and in total, in tce both ways
 * (当量值 and 等价值) — GB/T 2589 综合能耗, the energy actually consumed in the period:
 *
 *   consumption = received − sent out − stock increase
 *
 * - received: energy-layer flows entering the node's boundary (purchased, or transferred from another node);
 * - sent out: flows leaving it to another node (转供), or leaving the enterprise as product or by-product
 *   (外销); every other output (losses, effective use, unclassified) is consumption;
 * - stock increase: the node's and its descendants' stock flows (coal into the yard: +).
 *
 * Uses measured or derived values (`values`, NaN = unknown); where a term is unknown the node's totals
 * are null and the flows listed under `unknown`. Nodes come in report order: level 1 first.
 *
 * @example
 * // coal received 124.5 tce, of which 20 tce went into the yard's stock → 104.5 tce consumed
 * energyUse(graph, values)[0].comprehensiveEquivalent // 104.5
 */
export function energyUse(graph: PlantGraph, values: Float64Array): EnergyUse[] {
  const layerFlows = graph.byLayer.get('energy');
  if (!layerFlows) return [];
  const tce = toTce(graph);
  type Acc = { rows: Map<string, EnergyUseRow>; unknown: string[] };
  const acc: (Acc | undefined)[] = graph.nodes.map(() => undefined);
  const at = (n: number): Acc => {
    let a = acc[n];
    if (!a) acc[n] = a = { rows: new Map(), unknown: [] };
    return a;
  };
  const add = (n: number, i: number, term: 'received' | 'sentOut' | 'stockIncrease', sign: number) => {
    const f = graph.flows[i]!;
    const a = at(n);
    const v = values[i]!;
    if (Number.isNaN(v)) {
      if (!a.unknown.includes(f.id)) a.unknown.push(f.id);
      return;
    }
    const carrier = f.carrier ?? 'energy';
    let r = a.rows.get(carrier);
    if (!r) a.rows.set(carrier, (r = emptyRow(carrier)));
    if (!r.flows.includes(f.id)) r.flows.push(f.id);
    const equivalent = sign * v * tce;
    const equal = equivalent * (f.factor !== 0 ? f.equalFactor / f.factor : 1);
    r[term].equivalent += equivalent;
    r[term].equal += equal;
    const basis = flowFactor(graph.model.flows[f.flowIndex]!, graph.ctx).basis;
    if (!r.basis.includes(basis)) r.basis.push(basis);
  };
  for (const i of layerFlows) {
    const f = graph.flows[i]!;
    if (f.stock) {
      const node = f.from >= 0 ? f.from : f.to;
      // node → outside is accumulation (+), outside → node a draw-down (−)
      for (const a of ancestorsOrSelf(graph, node)) add(a, i, 'stockIncrease', f.from >= 0 ? 1 : -1);
      continue;
    }
    const kind = graph.model.flows[f.flowIndex]!.kind;
    const { enters, leaves } = crossings(graph, f.from, f.to);
    for (const n of enters) add(n, i, 'received', 1);
    for (const n of leaves) if (f.to >= 0 || (kind !== undefined && SENT_OUT_KINDS.has(kind))) add(n, i, 'sentOut', 1);
  }
  const equalValue = {
    kgcePerKWh: graph.ctx.electricityEqualValue,
    source: graph.model.settings?.electricityEqualValue === undefined ? ('default' as const) : ('settings' as const),
    ...(graph.model.settings?.electricityEqualValue === undefined ? { default: electricityEqualValue.source } : {}),
  };
  const out: EnergyUse[] = [];
  for (const level of [1, 2, 3]) {
    graph.nodes.forEach((node, n) => {
      const a = acc[n];
      if (node.level !== level || !a) return;
      const rows = [...a.rows.values()];
      for (const r of rows) {
        r.tceEquivalent = r.received.equivalent - r.sentOut.equivalent - r.stockIncrease.equivalent;
        r.tceEqual = r.received.equal - r.sentOut.equal - r.stockIncrease.equal;
      }
      const sum = (term: 'received' | 'sentOut' | 'stockIncrease'): TceAmount => ({
        equivalent: rows.reduce((s, r) => s + r[term].equivalent, 0),
        equal: rows.reduce((s, r) => s + r[term].equal, 0),
      });
      const complete = a.unknown.length === 0;
      const received = sum('received');
      const sentOut = sum('sentOut');
      const stockIncrease = sum('stockIncrease');
      out.push({
        node: node.id,
        name: node.name,
        ...(node.nameEn ? { nameEn: node.nameEn } : {}),
        level: node.level,
        rows,
        received,
        sentOut,
        stockIncrease,
        comprehensiveEquivalent: complete ? received.equivalent - sentOut.equivalent - stockIncrease.equivalent : null,
        comprehensiveEqual: complete ? received.equal - sentOut.equal - stockIncrease.equal : null,
        exported: sentOut.equivalent,
        unknown: a.unknown,
        equalValue,
        definition: consumptionDefinition,
      });
    });
  }
  return out;
}

function emptyRow(carrier: string): EnergyUseRow {
  return {
    carrier,
    flows: [],
    received: { equivalent: 0, equal: 0 },
    sentOut: { equivalent: 0, equal: 0 },
    stockIncrease: { equivalent: 0, equal: 0 },
    tceEquivalent: 0,
    tceEqual: 0,
    basis: [],
  };
}

/** Energy-layer values are in the layer's display unit; this turns them into tce. */
function toTce(graph: PlantGraph): number {
  const unit = graph.layerUnits.get('energy')!;
  return unit === 'tce' ? 1 : conversionFactor(unit, 'tce');
}
