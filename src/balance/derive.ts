import type { PlantGraph } from '../model/graph.ts';

/** A flow computed by difference from the balance of one node's own region. */
export interface Derivation {
  /** Index into graph.flows. */
  index: number;
  value: number;
  /** Node index whose own-region balance gave it. */
  node: number;
}

/**
 * Computes unmeasured flows by difference, as an auditor does by hand ("wastewater = intake −
 * evaporation − product water"): any node whose own region (children treated as outside) has
 * exactly one unknown flow in a layer determines it; that may leave a neighbour with one unknown,
 * and so on. Deeper nodes go first so a device's balance is used before its workshop's.
 * Mutates `values` (NaN = unknown) and returns what it derived, in order.
 */
export function deriveByDifference(
  graph: PlantGraph,
  values: Float64Array,
  layerFlows: readonly number[],
): Derivation[] {
  const rows = new Map<number, { index: number; sign: number }[]>();
  const add = (node: number, index: number, sign: number) => {
    if (node < 0) return;
    let row = rows.get(node);
    if (!row) rows.set(node, (row = []));
    row.push({ index, sign });
  };
  for (const i of layerFlows) {
    const f = graph.flows[i]!;
    add(f.to, i, +1);
    add(f.from, i, -1);
  }
  const unknownCount = new Map<number, number>();
  for (const [node, row] of rows) unknownCount.set(node, row.filter((t) => Number.isNaN(values[t.index]!)).length);

  const depth = (n: number) => {
    let d = 0;
    for (let p = graph.parent[n]!; p !== -1; p = graph.parent[p]!) d++;
    return d;
  };
  // deeper first; between equals by id, so a flow two balances could give comes from the same one
  // whatever the order of the file
  const id = (n: number) => graph.nodes[n]!.id;
  const queue = [...rows.keys()]
    .filter((n) => unknownCount.get(n) === 1)
    .sort((a, b) => depth(b) - depth(a) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
  const out: Derivation[] = [];
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q]!;
    if (unknownCount.get(node) !== 1) continue;
    const row = rows.get(node)!;
    let unknown: { index: number; sign: number } | undefined;
    let sum = 0;
    for (const t of row) {
      const v = values[t.index]!;
      if (Number.isNaN(v)) unknown = t;
      else sum += t.sign * v;
    }
    if (!unknown) continue;
    // Σ sign·x = 0 over the row, so x_u = −Σ_known sign·x / sign_u
    const value = -sum / unknown.sign;
    values[unknown.index] = value;
    out.push({ index: unknown.index, value, node });
    unknownCount.set(node, 0);
    const f = graph.flows[unknown.index]!;
    const other = f.from === node ? f.to : f.from;
    if (other >= 0 && other !== node) {
      const c = unknownCount.get(other)! - 1;
      unknownCount.set(other, c);
      if (c === 1) queue.push(other);
    }
  }
  return out;
}
