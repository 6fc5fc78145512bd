import type { PlantGraph } from '../model/graph.ts';
import { parseConcentration, parseUnit } from '../units/units.ts';
import { kindOf } from './plan.ts';
import type { VocsMaterial, VocsPerProduct, VocsResult, VocsTotals, VocsTreatmentRow, VocsUnitRow } from './types.ts';

/**
 * The whole-plant side of the VOCs solvent balance (docs/vocs.md): the raw materials entering,
 * the plant's outputs by destination, per unit product and per year.
 */

/** Raw materials entering the plant (I1) and the VOCs each brings. */
export function materials(
  graph: PlantGraph,
  flows: readonly number[],
  values: Float64Array,
  layer: string,
): VocsMaterial[] {
  const out: VocsMaterial[] = [];
  for (const i of flows) {
    const f = graph.flows[i]!;
    if (f.stock || f.from !== -1 || f.to < 0) continue;
    const flow = graph.model.flows[f.flowIndex]!;
    const comp = flow.layer === layer ? undefined : flow.components?.[layer];
    let content: number | null = null;
    if (comp?.concentration !== undefined) {
      const c = parseConcentration(comp.unit);
      if (c.kind === 'fraction') content = comp.concentration * c.factor;
    }
    out.push({
      flow: flow.id,
      name: flow.name ?? null,
      nameEn: flow.nameEn ?? null,
      carrier: flow.carrier ?? null,
      node: graph.nodes[f.to]!.id,
      quantity: flow.value ?? null,
      quantityUnit: flow.unit,
      content,
      contentSource: comp ? (comp.source ?? 'lab') : f.source,
      vocs: Number.isNaN(values[i]!) ? null : values[i]!,
    });
  }
  return out;
}

/**
 * Whole-plant totals: input (I1), recovered solvent reused (I2), what leaves by destination, the
 * units' generated / captured / removed / fugitive summed, organised as the balance gives it, and
 * the residual input − outputs − Δstock.
 */
export function totals(
  graph: PlantGraph,
  flows: readonly number[],
  values: Float64Array,
  units: VocsUnitRow[],
  treatments: VocsTreatmentRow[],
): VocsTotals {
  const acc = { input: 0, reused: 0, product: 0, waste: 0, exported: 0, destroyed: 0, vented: 0, fugitive: 0 };
  let other = 0;
  let stock = 0;
  const treating = new Set(treatments.map((r) => graph.nodeIndex.get(r.node)!));
  for (const i of flows) {
    const f = graph.flows[i]!;
    const x = values[i]!;
    const kind = kindOf(graph, i);
    if (f.stock) {
      stock += f.from >= 0 ? x : -x;
      continue;
    }
    if (f.from === -1) acc.input += x;
    else if (f.to >= 0) {
      if (kind === 'recycle') acc.reused += x;
    } else if (kind === 'product' || kind === 'by-product') acc.product += x;
    else if (kind === 'waste') acc.waste += x;
    else if (kind === 'recycle') acc.exported += x;
    else if (kind === 'degraded') acc.destroyed += x;
    else if (kind === 'captured') acc.vented += x;
    else if (kind === 'fugitive') acc.fugitive += x;
    else if (kind === 'emission' && treating.has(f.from)) {
      // the stack: its expected value (captured − removed) is the balance's; the monitored one checks it
    } else other += x;
  }
  const add = (pick: (r: VocsUnitRow) => number | null) =>
    units.reduce<number | null>((s, r) => (s === null || pick(r) === null ? null : s + pick(r)!), 0);
  const organisedTreated = treatments.reduce<number | null>(
    (s, r) => (s === null || r.organised === null ? null : s + r.organised),
    0,
  );
  const monitored = treatments.some((r) => r.monitored !== null)
    ? treatments.reduce((s, r) => s + (r.monitored ?? 0), 0)
    : null;
  const finite = (x: number) => (Number.isNaN(x) ? null : x);
  const generated = add((r) => r.generated);
  const captured = add((r) => r.captured);
  const removed = add((r) => r.removed);
  const fugitive = add((r) => r.fugitive);
  const organised = organisedTreated === null ? null : organisedTreated + finite(acc.vented)!;
  const outSum =
    acc.product +
    acc.waste +
    acc.exported +
    acc.destroyed +
    acc.vented +
    acc.fugitive +
    other +
    (organisedTreated ?? NaN);
  return {
    input: finite(acc.input),
    recoveredReused: finite(acc.reused),
    product: finite(acc.product),
    waste: finite(acc.waste),
    recoveredExported: finite(acc.exported),
    stockChange: finite(stock),
    generated,
    captured,
    removed,
    destroyed: finite(acc.destroyed),
    organised: organised === null || Number.isNaN(organised) ? null : organised,
    fugitive,
    emitted: organised === null || fugitive === null || Number.isNaN(organised) ? null : organised + fugitive,
    monitored,
    other: finite(other),
    residual: roundOff(acc.input - outSum - stock, Math.abs(acc.input) + Math.abs(outSum) + Math.abs(stock)),
    captureRate: generated !== null && captured !== null && generated > 0 ? captured / generated : null,
    removalRate: captured !== null && removed !== null && captured > 0 ? removed / captured : null,
  };
}

/**
 * Totals ÷ the product's output (`production`), the per-unit-product figure — for a plant with one product.
 * With several products the model does not say how the plant's VOCs divide among them: dividing the whole
 * plant's VOCs by one product's output would charge every product with all of it, so each gets null and
 * `reason: "several-products"` (as GB/T 12452's Vf / Q does); model each product line as a plant of its own
 * for per-product figures.
 *
 * @example perProduct(graph, 'kg', total) // one product of 1 000 m²: emitted 292.68 kg → 0.29268 kg/m2
 */
export function perProduct(graph: PlantGraph, unit: string, total: VocsTotals): VocsPerProduct[] {
  const products = graph.model.production ?? [];
  const several = products.length > 1;
  return products.map((p) => {
    const per = (x: number | null) => (x === null || several ? null : x / p.output);
    return {
      ...(several ? { reason: 'several-products' as const } : {}),
      product: p.id,
      name: p.name,
      nameEn: p.nameEn ?? null,
      unit: p.unit,
      output: p.output,
      perUnit: `${unit}/${p.unit}`,
      input: per(total.input),
      generated: per(total.generated),
      emitted: per(total.emitted),
      organised: per(total.organised),
      fugitive: per(total.fugitive),
    };
  });
}

/** Per-year figures in t/a: period total × annual factor (period.annualFactor, else annualHours / periodHours). */
export function annual(graph: PlantGraph, unit: string, total: VocsTotals): VocsResult['annual'] {
  const { periodHours, annualHours } = graph.ctx;
  const factor = graph.model.period?.annualFactor ?? (periodHours ? annualHours / periodHours : undefined);
  if (factor === undefined) return null;
  const toT = parseUnit(unit).toBase / 1000;
  const a = (x: number | null) => (x === null ? null : x * factor * toT);
  return {
    factor,
    input: a(total.input),
    generated: a(total.generated),
    removed: a(total.removed),
    organised: a(total.organised),
    fugitive: a(total.fugitive),
    emitted: a(total.emitted),
  };
}

/**
 * A residual that is the round-off of its terms is 0: the plant's VOCs residual of a balance closed by
 * difference is 1e-13 kg, not a figure. NaN (a term unknown) is null.
 */
function roundOff(residual: number, size: number): number | null {
  if (Number.isNaN(residual)) return null;
  return Math.abs(residual) <= 64 * Number.EPSILON * size ? 0 : residual;
}
