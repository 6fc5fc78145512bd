import { carrier as carrierInfo } from '../data/carriers.ts';
import { electricityEqualValue } from '../data/gb2589-2008.ts';
import { carrierName, displayName, layerName, t, type Lang, type Named } from '../i18n/index.ts';
import type { PlantGraph } from '../model/graph.ts';
import { isBaseLayer } from '../model/layers.ts';
import { deriveByDifference } from './derive.ts';
import { energyUse } from './energy-use.ts';
import { masterSubRows } from './master-sub.ts';
import { boundaryBalances, type ValueState } from './node-balance.ts';
import { toleranceFor } from './tolerance.ts';
import { waterIndicators } from './water-indicators.ts';
import { vocsAccounting } from '../vocs/account.ts';
import { applyVocsEfficiencies } from '../vocs/solve.ts';
import type { CheckResult, DerivedFlow, Finding, NodeBalance } from './types.ts';
import { percentText } from '../util/percent.ts';

/**
 * The audit's first question — does each balance close? For every node at every level and every
 * layer (material, water, energy in tce, each component): inputs, outputs, stock change, residual
 * and closure error against the tolerance; unmeasured flows computed by difference where the
 * network allows it; master–sub meter differences; energy use in tce both ways.
 *
 * @example
 * // The plant's water balance: in 6 550 + 330 + 180 = 7 060 t; out 6 835 t with W07 (80 t) derived by difference at
 * // the plant; residual 225 t, closure 225 / 7 060 = 3.19 % within the 5 % tolerance (STANDARDS.md §5).
 * const result = checkModel(buildGraph(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model));
 * const plant = result.balances.find((b) => b.node === 'plant' && b.layer === 'water');
 * [plant.in, plant.out, plant.residual, roundTo(plant.closure, 4), plant.status] // => [7060, 6835, 225, 0.0319, 'closed']
 * result.summary // => { balances: 31, closed: 14, open: 0, byDifference: 17, indeterminate: 0, ok: true }
 */
export function checkModel(graph: PlantGraph): CheckResult {
  const state = solveValues(graph);
  // Report order: by level, then model order of nodes, then layer order — bucketed, not sorted.
  const byNode: NodeBalance[][] = graph.nodes.map(() => []);
  for (const layer of graph.layers) {
    for (const b of boundaryBalances(graph, layer, graph.byLayer.get(layer)!, state))
      byNode[graph.nodeIndex.get(b.node)!]!.push(b);
  }
  const balances: NodeBalance[] = [];
  for (const level of [1, 2, 3]) {
    for (const [i, n] of graph.nodes.entries()) if (n.level === level) balances.push(...byNode[i]!);
  }
  const derived = derivedFlows(graph, state);
  const masterSub = masterSubRows(graph);
  const findings = collectFindings(balances, derived, masterSub);
  findings.push(...defaultFindings(graph));
  const vocs = vocsAccounting(graph, state.values, state.derivedAt);
  if (vocs) findings.push(...vocs.findings);
  const count = (s: NodeBalance['status']) => balances.filter((b) => b.status === s).length;
  return {
    model: {
      name: graph.model.name,
      ...(graph.model.nameEn ? { nameEn: graph.model.nameEn } : {}),
      nodes: graph.nodes.length,
      flows: graph.model.flows.length,
    },
    period: { hours: graph.ctx.periodHours ?? null, annualHours: graph.ctx.annualHours },
    layers: graph.layers.map((layer) => ({
      layer,
      unit: graph.layerUnits.get(layer)!,
      tolerancePct: toleranceFor(layer, graph.model.settings),
    })),
    balances,
    derived,
    masterSub,
    energyUse: energyUse(graph, state.values),
    water: waterIndicators(graph, state.values),
    ...(vocs ? { vocs } : {}),
    findings,
    summary: {
      balances: balances.length,
      closed: count('closed'),
      open: count('open'),
      byDifference: count('by-difference'),
      indeterminate: count('indeterminate'),
      ok: !findings.some((f) => f.severity === 'error'),
    },
  };
}

/**
 * Measured values, then derivation by difference in the base layers, then component amounts
 * carried on (possibly derived) flows, then derivation in the component layers.
 *
 * @example
 * const graph = buildGraph(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model);
 * // W07 (the plant's unmetered water loss) is derived by difference
 * solveValues(graph).values[graph.flows.findIndex((f) => f.id === 'W07')] // => 80
 */
export function solveValues(graph: PlantGraph): ValueState {
  const values = new Float64Array(graph.flows.length).fill(NaN);
  graph.flows.forEach((f, i) => {
    if (f.value !== undefined) values[i] = f.value;
  });
  const derivedAt = new Map<number, number>();
  const derive = (layers: string[]) => {
    for (const layer of layers) {
      for (const d of deriveByDifference(graph, values, graph.byLayer.get(layer)!)) derivedAt.set(d.index, d.node);
    }
  };
  derive(graph.layers.filter(isBaseLayer));
  graph.flows.forEach((f, i) => {
    if (f.carriedBy && Number.isNaN(values[i]!)) {
      const carrier = values[f.carriedBy.index]!;
      if (!Number.isNaN(carrier)) values[i] = carrier * f.carriedBy.perCarrier;
    }
  });
  const componentLayers = graph.layers.filter((l) => !isBaseLayer(l));
  derive(componentLayers);
  // VOCs capture and removal efficiencies are equations of their own (src/vocs/solve.ts).
  applyVocsEfficiencies(graph, values, () => derive(componentLayers));
  const indexById = new Map(graph.flows.map((f, i) => [f.id, i]));
  return { values, derivedAt, indexById };
}

function derivedFlows(graph: PlantGraph, state: ValueState): DerivedFlow[] {
  return [...state.derivedAt].map(([i, node]) => {
    const f = graph.flows[i]!;
    const value = state.values[i]!;
    const own = graph.model.flows[f.flowIndex]!;
    const isComponent = f.layer !== own.layer;
    return {
      flow: f.id,
      layer: f.layer,
      value,
      ownValue: isComponent ? value : value / f.factor,
      ownUnit: isComponent ? graph.layerUnits.get(f.layer)! : own.unit,
      derivedAt: graph.nodes[node]!.id,
      negative: value < 0 && !f.stock,
    };
  });
}

/**
 * Defaults a reviewer must be told about: electricity 等价值 taken as the legacy 0.404 kgce/kWh of
 * JJF 1356-2012 because the model gives no year's value (settings.electricityEqualValue).
 */
function defaultFindings(graph: PlantGraph): Finding[] {
  if (graph.model.settings?.electricityEqualValue !== undefined) return [];
  const electric = (graph.byLayer.get('energy') ?? []).some(
    (i) => carrierInfo(graph.flows[i]!.carrier)?.energyRow === 'electricity',
  );
  if (!electric) return [];
  const params = {
    value: electricityEqualValue.kgcePerKWh,
    standard: `${electricityEqualValue.source.standard}-${electricityEqualValue.source.edition}`,
  };
  return [
    {
      severity: 'warning',
      code: 'finding.equalValueDefault',
      layer: 'energy',
      message: { zh: t('zh', 'finding.equalValueDefault', params), en: t('en', 'finding.equalValueDefault', params) },
    },
  ];
}

/**
 * Both languages, with names in each: the layer (水 / water; components keep their symbol), the
 * carrier (新水 / fresh water) and the node (`nameEn` in English where the model gives one).
 */
function both(key: string, params: Record<string, string | number>, named?: Named): { zh: string; en: string } {
  const render = (lang: Lang) => {
    const p: Record<string, string | number> = { ...params };
    if (typeof params.layer === 'string') p.layer = layerName(params.layer, lang);
    if (typeof params.carrier === 'string') p.carrier = carrierName(params.carrier, lang);
    if (named) p.node = displayName(named, lang);
    return t(lang, key, p);
  };
  return { zh: render('zh'), en: render('en') };
}

function collectFindings(
  balances: NodeBalance[],
  derived: DerivedFlow[],
  masterSub: CheckResult['masterSub'],
): Finding[] {
  const findings: Finding[] = [];
  for (const b of balances) {
    const at = { node: b.node, layer: b.layer };
    const params = {
      node: b.name,
      layer: b.layer,
      closure: percentText(b.closure, 1),
      tolerance: b.tolerancePct,
      flows: b.unknown.join(', '),
    };
    if (b.status === 'open')
      findings.push({ severity: 'error', code: 'finding.open', ...at, message: both('finding.open', params, b) });
    if (b.status === 'indeterminate')
      findings.push({
        severity: 'warning',
        code: 'finding.indeterminate',
        ...at,
        message: both('finding.indeterminate', params, b),
      });
  }
  for (const d of derived) {
    if (d.negative) {
      findings.push({
        severity: 'error',
        code: 'finding.negativeDerived',
        node: d.derivedAt,
        layer: d.layer,
        flow: d.flow,
        message: both('finding.negativeDerived', { flow: d.flow, value: d.ownValue.toPrecision(4), unit: d.ownUnit }),
      });
    }
  }
  for (const r of masterSub) {
    if (r.status === 'fail') {
      findings.push({
        severity: 'error',
        code: 'finding.masterSub',
        node: r.node,
        layer: r.layer,
        message: both(
          'finding.masterSub',
          {
            node: r.name,
            carrier: r.carrier,
            relative: percentText(r.relative, 1),
            tolerance: r.tolerancePct,
          },
          r,
        ),
      });
    }
  }
  return findings;
}
