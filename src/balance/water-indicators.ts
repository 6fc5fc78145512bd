import { MAKE_UP_CARRIERS, NEW_WATER_CARRIERS } from '../data/gb12452-2008.ts';
import { crossings, type PlantGraph } from '../model/graph.ts';
import type { Product } from '../model/schema.ts';
import type { NewWaterPerProduct, UseIndicator, WaterIndicators } from './types.ts';

/**
 * GB/T 12452 water indicators of each enterprise (root node), from measured or derived values:
 * - Vf new water: water-layer inputs crossing the boundary with a new-water carrier;
 * - Vi total intake: every water-layer input crossing the boundary (new water, purchased steam…);
 * - Vr reused water: flows inside the enterprise marked `kind: "recycle"` — each loop marked once;
 * - rc = Vcr / (Vcr + Vcf) and rg = Vgr / (Vgr + Vgf): flows tagged `use: "cooling"` / `"process"` —
 *   with kind `recycle` the circulated (Vcr) or reused (Vgr) water, with a new-water carrier the make-up
 *   (Vcf) or the process's new water (Vgf);
 * - condensate recovery = recovered condensate (carrier `condensate`, kind `recycle`, inside or returned
 *   across the boundary) / steam base: the steam produced inside (each node's own region's net steam
 *   output) plus the steam purchased (steam entering the boundary) — `condensate.basis` says which;
 * - Vf / Q per product (one product: the plant's new water over its output), Vf / Z per 万元 output value;
 * - Vd discharge: outputs of kind `emission` or carrier `wastewater`; Vl leakage: outputs of kind `loss`
 *   and carrier `water-loss` (evaporation is a loss but not a leak).
 * Ratios are null when their denominator is zero or a term is unknown (listed in `unknown`).
 *
 * @example
 * // cooling loop: 7 200 t circulated (kind recycle, use cooling), 90 t make-up (fresh water, use cooling)
 * waterIndicators(graph, values)[0].coolingRecirculationRate // 7200 / 7290 = 0.98765
 */
export function waterIndicators(graph: PlantGraph, values: Float64Array): WaterIndicators[] {
  const layerFlows = graph.byLayer.get('water');
  if (!layerFlows) return [];
  const roots = graph.nodes.map((_, i) => i).filter((i) => graph.parent[i] === -1);
  return roots.flatMap((root) => {
    const sums = { vf: 0, vi: 0, vr: 0, vd: 0, vl: 0, vcr: 0, vcf: 0, vgr: 0, vgf: 0, recovered: 0, purchased: 0 };
    const flowsOf = { vcr: [], vcf: [], vgr: [], vgf: [], recovered: [], purchased: [], produced: [] } as Record<
      string,
      string[]
    >;
    const unknown = new Set<string>();
    const unknownOf = new Set<string>();
    // Net steam output of each node's own region (steam produced there when positive).
    const steamNet = new Map<number, number>();
    let touched = false;
    for (const i of layerFlows) {
      const f = graph.flows[i]!;
      if (f.stock) continue;
      const flow = graph.model.flows[f.flowIndex]!;
      const { enters, leaves } = crossings(graph, f.from, f.to);
      const entering = enters.includes(root);
      const leaving = leaves.includes(root);
      const inside = !entering && !leaving && (within(graph, f.from, root) || within(graph, f.to, root));
      if (!entering && !leaving && !inside) continue;
      touched = true;
      const v = values[i]!;
      const add = (key: keyof typeof sums) => {
        if (Number.isNaN(v)) {
          unknown.add(f.id);
          unknownOf.add(key);
        } else sums[key] += v;
        if (key in flowsOf) flowsOf[key]!.push(f.id);
      };
      const recycle = flow.kind === 'recycle';
      if (entering) {
        add('vi');
        if (f.carrier !== undefined && NEW_WATER_CARRIERS.includes(f.carrier)) add('vf');
        if (f.carrier === 'steam') add('purchased');
      }
      if (inside && recycle) add('vr');
      if (leaving && (flow.kind === 'emission' || f.carrier === 'wastewater')) add('vd');
      if (leaving && flow.kind === 'loss' && f.carrier === 'water-loss') add('vl');
      const makeUp = !recycle && f.carrier !== undefined && MAKE_UP_CARRIERS.includes(f.carrier);
      if (flow.use === 'cooling') {
        if (recycle) add('vcr');
        else if (makeUp && f.to >= 0) add('vcf');
      }
      if (flow.use === 'process') {
        if (recycle) add('vgr');
        else if (makeUp && f.to >= 0) add('vgf');
      }
      if (f.carrier === 'condensate' && recycle && (inside || leaving)) add('recovered');
      if (f.carrier === 'steam' && !entering) {
        if (Number.isNaN(v)) {
          unknown.add(f.id);
          unknownOf.add('produced');
        } else {
          if (f.from >= 0) steamNet.set(f.from, (steamNet.get(f.from) ?? 0) + v);
          if (f.to >= 0) steamNet.set(f.to, (steamNet.get(f.to) ?? 0) - v);
        }
      }
    }
    if (!touched) return [];
    // Steam entering from outside is purchased: it does not make the receiving node a producer.
    for (const i of layerFlows) {
      const f = graph.flows[i]!;
      if (f.stock || f.carrier !== 'steam' || f.from >= 0 || f.to < 0 || Number.isNaN(values[i]!)) continue;
      if (within(graph, f.to, root)) steamNet.set(f.to, (steamNet.get(f.to) ?? 0) - values[i]!);
    }
    let produced = 0;
    for (const [node, net] of steamNet) {
      if (net > 1e-12 * Math.max(1, Math.abs(net))) {
        produced += net;
        flowsOf.produced!.push(graph.nodes[node]!.id);
      }
    }
    const known = (...keys: string[]) => keys.every((k) => !unknownOf.has(k));
    const ratio = (a: number, b: number, ...keys: string[]) => (known(...keys) && b > 0 ? a / b : null);
    const use = (reused: number, fresh: number, rKey: string, fKey: string): UseIndicator => ({
      reused,
      newWater: fresh,
      rate: flowsOf[rKey]!.length + flowsOf[fKey]!.length === 0 ? null : ratio(reused, reused + fresh, rKey, fKey),
      reusedFlows: flowsOf[rKey]!,
      newWaterFlows: flowsOf[fKey]!,
    });
    const cooling = use(sums.vcr, sums.vcf, 'vcr', 'vcf');
    const process = use(sums.vgr, sums.vgf, 'vgr', 'vgf');
    const steamBase = produced + sums.purchased;
    const basis =
      produced > 0 && sums.purchased > 0
        ? 'produced+purchased'
        : produced > 0
          ? 'produced'
          : sums.purchased > 0
            ? 'purchased'
            : null;
    const condensateRate = ratio(sums.recovered, steamBase, 'recovered', 'purchased', 'produced');
    const unit = graph.layerUnits.get('water')!;
    const vfKnown = known('vf');
    return [
      {
        node: graph.nodes[root]!.id,
        unit,
        newWater: sums.vf,
        intake: sums.vi,
        reused: sums.vr,
        discharged: sums.vd,
        leakage: sums.vl,
        reuseRate: ratio(sums.vr, sums.vr + sums.vf, 'vr', 'vf'),
        coolingRecirculationRate: cooling.rate,
        processReuseRate: process.rate,
        condensateRecovery: condensateRate,
        cooling,
        process,
        condensate: {
          recovered: sums.recovered,
          steamBase,
          basis,
          steamProduced: produced,
          steamPurchased: sums.purchased,
          rate: condensateRate,
          recoveredFlows: flowsOf.recovered!,
          producedAt: flowsOf.produced!,
          purchasedFlows: flowsOf.purchased!,
        },
        newWaterPerProduct: perProduct(graph.model.production ?? [], vfKnown ? sums.vf : null, unit),
        newWaterPerOutputValue: perOutputValue(graph.model.production ?? [], vfKnown ? sums.vf : null, unit),
        leakageRate: ratio(sums.vl, sums.vi, 'vl', 'vi'),
        dischargeRate: ratio(sums.vd, sums.vi, 'vd', 'vi'),
        unknown: [...unknown],
      },
    ];
  });
}

/**
 * Vf / Q (GB/T 12452 单位产品新水量): the enterprise's new water over a product's output, in
 * `<water unit>/<product unit>`. Only for a single-product model: with several products the new water is
 * not allocated among them, so each gets `value: null` and `reason: "several-products"`.
 *
 * @example newWaterPerProduct(6550, [{ id: 'fabric', unit: 't', output: 187.5 }]) // 34.93 t/t
 */
function perProduct(products: readonly Product[], vf: number | null, unit: string): NewWaterPerProduct[] {
  return products.map((p) => ({
    product: p.id,
    name: p.name,
    ...(p.nameEn ? { nameEn: p.nameEn } : {}),
    output: p.output,
    productUnit: p.unit,
    unit: `${unit}/${p.unit}`,
    value: products.length === 1 && vf !== null && p.output > 0 ? vf / p.output : null,
    ...(products.length > 1
      ? { reason: 'several-products' as const }
      : vf === null
        ? { reason: 'unknown' as const }
        : {}),
  }));
}

/** Vf / Z: new water per 万元 of output value, over every product's output value (all must give one). */
function perOutputValue(
  products: readonly Product[],
  vf: number | null,
  unit: string,
): { value: number; unit: string; outputValue: number } | null {
  if (products.length === 0 || vf === null || products.some((p) => p.outputValue === undefined)) return null;
  const z = products.reduce((s, p) => s + p.outputValue!, 0);
  return z > 0 ? { value: vf / z, unit: `${unit}/万元`, outputValue: z } : null;
}

function within(graph: PlantGraph, x: number, root: number): boolean {
  for (let c = x; c !== -1; c = graph.parent[c]!) if (c === root) return true;
  return false;
}
