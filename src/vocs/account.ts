import { captureReferenceFor } from '../data/guangdong-vocs-2023.ts';
import { monitoringTolerance } from '../data/vocs-practice.ts';
import { t } from '../i18n/index.ts';
import type { PlantGraph } from '../model/graph.ts';
import type { Node } from '../model/schema.ts';
import { type EmittingUnit, generatedAt, kindOf, type TreatmentUnit, vocsPlan } from './plan.ts';
import { annual, materials, perProduct, totals } from './totals.ts';
import type {
  EfficiencyBasis,
  VocsCaptureCheck,
  VocsFinding,
  VocsResult,
  VocsTreatmentRow,
  VocsUnitRow,
} from './types.ts';

/**
 * The VOCs solvent balance in the form auditors use (物料衡算法; docs/vocs.md), from the values
 * the balance engine solved (measured, derived by difference, computed from efficiencies):
 *
 * - generated (产生量) = Σ VOCs in − product − waste − recovered − passed on − Δstock, per unit;
 * - captured (收集量) = generated × capture efficiency; fugitive (无组织) = generated − captured;
 * - removed (去除量) = captured × removal efficiency; organised (有组织) = captured − removed;
 * - emitted = organised + fugitive; per unit product = total ÷ output.
 *
 * A monitored stack checks the organised emission: |monitored − organised| / organised beyond the
 * tolerance (settings.vocs.monitoringTolerancePct, default 20 % [U]) is a finding naming the unit.
 * Returns null when the model has no VOCs layer.
 *
 * @example
 * // booth1 of the coating plant: generated 1 539.26 − 235.65 (waste) − 213 (onward) = 1 090.61 kg;
 * // captured 0.90 × 1 090.61 = 981.55 kg; fugitive 1 090.61 − 981.55 = 109.06 kg
 * const graph = buildGraph(parseModel(readFileSync('datasets/coating.json'), 'coating.json').model);
 * const { values, derivedAt } = solveValues(graph);
 * const b = vocsAccounting(graph, values, derivedAt).units.find((u) => u.node === 'booth1');
 * [roundTo(b.generated, 2), roundTo(b.captured, 2), roundTo(b.fugitive, 2)] // => [1090.61, 981.55, 109.06]
 */
export function vocsAccounting(
  graph: PlantGraph,
  values: Float64Array,
  derivedAt: ReadonlyMap<number, number>,
): VocsResult | null {
  const plan = vocsPlan(graph);
  if (!plan) return null;
  const tolerancePct = graph.model.settings?.vocs?.monitoringTolerancePct ?? monitoringTolerance.pct;
  const v = (i: number) => (Number.isNaN(values[i]!) ? null : values[i]!);
  const sum = (list: readonly number[]): number | null => {
    let s = 0;
    for (const i of list) s += values[i]!;
    return Number.isNaN(s) ? null : s;
  };
  const findings: VocsFinding[] = [];
  const nodeOf = (n: number) => graph.nodes[n] as Node;
  const say = (key: string, n: number, params: Record<string, string | number>) => ({
    zh: t('zh', key, { ...params, node: nodeOf(n).name }),
    en: t('en', key, { ...params, node: nodeOf(n).nameEn ?? nodeOf(n).name }),
  });
  const givenInModel = (i: number) => graph.flows[i]!.value !== undefined || derivedAt.has(i);

  // Treatment units first: the capture points' rows allocate removal by their treatment's efficiency.
  const treatments = plan.treatments.map((tu) => treatmentRow(tu));
  const removalOf = new Map(plan.treatments.map((tu, k) => [tu.node, treatments[k]!.removalEfficiency]));
  const captureChecks: VocsCaptureCheck[] = [];
  const units = plan.emitting.map((u) => unitRow(u));

  function treatmentRow(tu: TreatmentUnit): VocsTreatmentRow {
    const node = nodeOf(tu.node);
    const captured = sum(tu.capturedIn);
    const removed = sum(tu.removed);
    const ofKind = (kind: string) => sum(tu.removed.filter((i) => kindOf(graph, i) === kind));
    let efficiency: number | null = null;
    let basis: EfficiencyBasis = 'none';
    if (tu.removal) {
      efficiency = tu.removal.efficiency;
      basis = tu.removal.source;
    } else if (captured !== null && removed !== null && captured > 0) {
      efficiency = removed / captured;
      basis = 'derived';
    }
    const organised = captured !== null && efficiency !== null ? captured * (1 - efficiency) : null;
    const stackGiven = tu.stack.length > 0 && tu.stack.every((i) => graph.flows[i]!.value !== undefined);
    const monitored = stackGiven ? sum(tu.stack) : null;
    const row: VocsTreatmentRow = {
      node: node.id,
      name: node.name,
      nameEn: node.nameEn ?? null,
      technology: tu.removal?.technology ?? null,
      captured,
      removalEfficiency: efficiency,
      removalBasis: basis,
      removed,
      destroyed: ofKind('degraded'),
      toWaste: ofKind('waste'),
      recovered: ofKind('recycle'),
      organised,
      monitored,
      stackFlows: tu.stack.map((i) => graph.flows[i]!.id),
      relative: null,
      tolerancePct,
      status: monitored === null ? 'unmonitored' : basis === 'derived' ? 'derived' : 'pass',
    };
    if (row.status === 'pass' && organised !== null && monitored !== null) {
      const judged = judge(monitored, organised, tolerancePct);
      row.relative = judged.relative;
      if (!judged.pass) {
        row.status = 'fail';
        findings.push({
          severity: 'error',
          code: 'vocs.finding.stack',
          node: node.id,
          layer: plan!.layer,
          message: say('vocs.finding.stack', tu.node, {
            monitored: round(monitored),
            expected: round(organised),
            unit: plan!.unit,
            relative: pctText(judged.relative),
            tolerance: tolerancePct,
            efficiency: pctText(efficiency),
          }),
        });
      }
    }
    return row;
  }

  function unitRow(u: EmittingUnit): VocsUnitRow {
    const node = nodeOf(u.node);
    const byKind = (pick: (k: string | undefined) => boolean) => sum(u.outputs.filter((i) => pick(kindOf(graph, i))));
    const generated = generatedAt(u, values);
    const captured = u.captured.length === 0 ? 0 : sum(u.captured);
    let efficiency: number | null = null;
    let basis: EfficiencyBasis = 'none';
    if (u.capture) {
      efficiency = u.capture.efficiency;
      basis = u.capture.source;
    } else if (u.captured.length === 0) efficiency = 0;
    else if (captured !== null && generated !== null && generated > 0) {
      efficiency = captured / generated;
      basis = 'derived';
    }
    // A captured stream the model gives (or the balance derives) checks the capture efficiency.
    if (u.capture && u.captured.length > 0 && u.captured.every(givenInModel) && captured !== null && generated !== null)
      captureCheck(u, captured, generated * u.capture.efficiency);
    if (u.capture?.method) {
      const ref = captureReferenceFor(u.capture.method);
      if (u.capture.efficiency > ref.cap + 1e-12)
        findings.push({
          severity: 'warning',
          code: 'vocs.finding.aboveReference',
          node: node.id,
          layer: plan!.layer,
          message: say('vocs.finding.aboveReference', u.node, {
            efficiency: pctText(u.capture.efficiency),
            cap: pctText(ref.cap),
            methodZh: ref.label.zh,
            methodEn: ref.label.en,
          }),
        });
    }
    let removed: number | null = 0;
    const targets = new Set<number>();
    for (const i of u.captured) {
      const to = graph.flows[i]!.to;
      targets.add(to);
      const eta = to >= 0 ? (removalOf.get(to) ?? null) : 0;
      const c = v(i);
      removed = removed === null || c === null || eta === null ? null : removed + c * eta;
    }
    const target = targets.size === 1 ? [...targets][0]! : -1;
    const organised = captured !== null && removed !== null ? captured - removed : null;
    const fugitive = generated !== null && captured !== null ? generated - captured : null;
    const unknown = [...u.inputs, ...u.outputs, ...u.stock.map((s) => s.index), ...u.captured]
      .filter((i) => Number.isNaN(values[i]!))
      .map((i) => graph.flows[i]!.id);
    if (generated === null)
      findings.push({
        severity: 'warning',
        code: 'vocs.finding.indeterminate',
        node: node.id,
        layer: plan!.layer,
        message: say('vocs.finding.indeterminate', u.node, { flows: unknown.join(', ') }),
      });
    let stockChange: number | null = 0;
    for (const s of u.stock)
      stockChange = stockChange === null || v(s.index) === null ? null : stockChange + s.sign * v(s.index)!;
    return {
      node: node.id,
      name: node.name,
      nameEn: node.nameEn ?? null,
      level: node.level,
      input: sum(u.inputs),
      product: byKind((k) => k === 'product' || k === 'by-product'),
      waste: byKind((k) => k === 'waste'),
      recovered: byKind((k) => k === 'recycle'),
      onward: byKind((k) => !['product', 'by-product', 'waste', 'recycle'].includes(k ?? '')),
      stockChange,
      generated,
      captureEfficiency: efficiency,
      captureBasis: basis,
      captureMethod: u.capture?.method ?? null,
      captured,
      treatment: target >= 0 && u.captured.length > 0 ? nodeOf(target).id : null,
      removalEfficiency: u.captured.length === 0 ? null : target >= 0 ? (removalOf.get(target) ?? null) : 0,
      removed,
      organised,
      fugitive,
      emitted: organised !== null && fugitive !== null ? organised + fugitive : null,
      capturedFlows: u.captured.map((i) => graph.flows[i]!.id),
      fugitiveFlows: u.fugitive.map((i) => graph.flows[i]!.id),
      unknown,
    };
  }

  function captureCheck(u: EmittingUnit, measured: number, expected: number): void {
    const node = nodeOf(u.node);
    const judged = judge(measured, expected, tolerancePct);
    captureChecks.push({
      node: node.id,
      name: node.name,
      measured,
      expected,
      relative: judged.relative,
      tolerancePct,
      pass: judged.pass,
    });
    if (!judged.pass)
      findings.push({
        severity: 'error',
        code: 'vocs.finding.captured',
        node: node.id,
        layer: plan!.layer,
        message: say('vocs.finding.captured', u.node, {
          measured: round(measured),
          expected: round(expected),
          unit: plan!.unit,
          relative: pctText(judged.relative),
          tolerance: tolerancePct,
        }),
      });
  }

  const total = totals(graph, plan.flows, values, units, treatments);
  const result: VocsResult = {
    layer: plan.layer,
    unit: plan.unit,
    materials: materials(graph, plan.flows, values, plan.layer),
    units,
    treatments,
    captureChecks,
    total,
    perProduct: perProduct(graph, plan.unit, total),
    annual: annual(graph, plan.unit, total),
    calculated: calculatedFlows(graph, plan, values, derivedAt),
    findings,
  };
  return result;
}

/**
 * |measured − expected| / expected against a tolerance in percent; both zero passes.
 *
 * @example
 * // (102 − 100) / 100 = 2 % ≤ 5 %; 10 % > 5 %
 * judge(102, 100, 5) // => { relative: 0.02, pass: true }
 * judge(110, 100, 5) // => { relative: 0.1, pass: false }
 */
export function judge(
  measured: number,
  expected: number,
  tolerancePct: number,
): { relative: number | null; pass: boolean } {
  if (expected === 0) return { relative: null, pass: Math.abs(measured) <= 1e-12 };
  const relative = (measured - expected) / expected;
  return { relative, pass: Math.abs(relative) * 100 <= tolerancePct + 1e-9 };
}

const round = (x: number) => Number(x.toPrecision(4)).toString();
const pctText = (x: number | null) => (x === null ? '—' : (Math.round(x * 1000) / 10).toString());

function calculatedFlows(
  graph: PlantGraph,
  plan: NonNullable<ReturnType<typeof vocsPlan>>,
  values: Float64Array,
  derivedAt: ReadonlyMap<number, number>,
): VocsResult['calculated'] {
  const out: VocsResult['calculated'] = [];
  const take = (list: number[], node: number, basis: 'capture' | 'removal') => {
    for (const i of list) {
      if (graph.flows[i]!.value !== undefined || derivedAt.has(i) || Number.isNaN(values[i]!)) continue;
      out.push({ flow: graph.flows[i]!.id, node: graph.nodes[node]!.id, value: values[i]!, basis });
    }
  };
  for (const u of plan.emitting) if (u.capture) take(u.captured, u.node, 'capture');
  for (const tu of plan.treatments) if (tu.removal) take(tu.removed, tu.node, 'removal');
  return out;
}
