import { inputBounds } from '../data/input-bounds.ts';
import { mainCategoryOfKey, ratedDimension } from '../data/gb17167-2006.ts';
import { parseUnit, type Dimension } from '../units/units.ts';
import { editionIssues } from './editions.ts';
import { issue, type InputIssue } from './issues.ts';
import { isBaseLayer } from './layers.ts';
import { validatePeriods } from './periods.ts';
import { basisContext, componentFactor, FactorProblem, flowFactor } from './quantities.ts';
import type { Model } from './schema.ts';
import { DEFAULT_TIMEZONE, isTimeZone, parseIsoInZone } from './time.ts';
import { validateVocs } from './validate-vocs.ts';
import { vocsLayer } from './vocs.ts';
import { validateResultsInputs } from './validate-results.ts';

/**
 * Checks what the schema cannot: references, hierarchy, units against layers, components and
 * meters. Returns every problem found (errors and warnings), each with its JSON path.
 *
 * @example
 * const { model } = parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json');
 * validateModel(model) // => []
 * const bad = { ...model, flows: [...model.flows, { id: 'X', from: 'plant', to: 'dye2', layer: 'water', value: 1, unit: 't' }] };
 * validateModel(bad).map((i) => [formatPath(i.path), i.code]) // => [['flows[80].to', 'flow.unknownNode']]
 */
export function validateModel(model: Model): InputIssue[] {
  const issues: InputIssue[] = [];
  const nodeAt = firstIndex(model.nodes, ['nodes'], 'node.duplicate', issues);
  checkHierarchy(model, nodeAt, issues);
  const flowAt = firstIndex(model.flows, ['flows'], 'flow.duplicate', issues);
  const meterAt = firstIndex(model.meters ?? [], ['meters'], 'meter.duplicate', issues);
  checkSettings(model, issues);
  const badDisplay = checkDisplayUnits(model, issues);
  checkFlows(model, nodeAt, meterAt, badDisplay, issues);
  checkMeters(model, flowAt, issues);
  checkCampaign(model, issues);
  checkProduction(model, flowAt, issues);
  checkMainKeys(model, issues);
  issues.push(...editionIssues(model.settings));
  if (model.stocks || model.periods) issues.push(...validatePeriods(model, flowAt));
  issues.push(...validateVocs(model));
  issues.push(...validateResultsInputs(model, nodeAt, flowAt));
  return issues;
}

/** Index of the first occurrence of each id; later duplicates are issues. */
function firstIndex(
  items: readonly { id: string }[],
  at: (string | number)[],
  code: string,
  issues: InputIssue[],
): Map<string, number> {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined)
      issues.push(issue([...at, i, 'id'], code, { id: item.id, first: `${at.join('.')}[${first}]` }));
    else seen.set(item.id, i);
  });
  return seen;
}

function checkHierarchy(model: Model, nodeAt: Map<string, number>, issues: InputIssue[]): void {
  const { nodes } = model;
  const hasLevel1 = nodes.some((n) => n.level === 1);
  // Level-1 nodes that have at least one level-2 node below them.
  const withLevel2 = new Set(nodes.filter((n) => n.level === 2 && n.parent).map((n) => n.parent!));
  nodes.forEach((node, i) => {
    const path = ['nodes', i, 'parent'];
    if (node.parent === undefined) {
      if (node.level > 1 && hasLevel1) issues.push(issue(['nodes', i], 'node.missingParent', { level: node.level }));
      return;
    }
    if (node.level === 1) {
      issues.push(issue(path, 'node.level1Parent'));
      return;
    }
    const pi = nodeAt.get(node.parent);
    if (pi === undefined) {
      issues.push(issue(path, 'node.unknownParent', { id: node.parent }));
      return;
    }
    // Walk up: a loop shows as revisiting a node.
    const chain = [node.id];
    let cur: string | undefined = node.parent;
    while (cur !== undefined) {
      chain.push(cur);
      if (cur === node.id) {
        issues.push(issue(path, 'node.parentLoop', { chain: chain.join(' → ') }));
        return;
      }
      if (chain.length > nodes.length + 1) return; // a loop above this node, reported there
      const at = nodeAt.get(cur);
      cur = at === undefined ? undefined : nodes[at]!.parent;
    }
    const parent = nodes[pi]!;
    if (node.level === 2 && parent.level !== 1) {
      issues.push(issue(path, 'node.level2Parent', { parent: parent.id, parentLevel: parent.level }));
    }
    if (node.level === 3 && parent.level !== 2 && !(parent.level === 1 && !withLevel2.has(parent.id))) {
      issues.push(issue(path, 'node.level3Parent', { parent: parent.id, parentLevel: parent.level }));
    }
  });
}

/**
 * The hours of settings within src/data/input-bounds.ts (a period of 10¹⁵ h would overflow every
 * rate); a number beyond the magnitude bound is reported once, by load.ts.
 */
function checkSettings(model: Model, issues: InputIssue[]): void {
  const limits = [
    ['periodHours', inputBounds.maxPeriodHours],
    ['annualHours', inputBounds.maxAnnualHours],
  ] as const;
  for (const [key, max] of limits) {
    const value = model.settings?.[key];
    if (value !== undefined && value > max && value <= inputBounds.maxMagnitude)
      issues.push(issue(['settings', key], `settings.${key}`, { value, max }));
  }
}

/**
 * A display unit must be a quantity (not a rate) of the layer's dimension: mass for material and
 * components, mass or volume for water (1 t/m³), energy for energy. One issue per bad unit, at
 * settings.displayUnits.<layer>; returns those layers so their flows are not reported again.
 */
function checkDisplayUnits(model: Model, issues: InputIssue[]): Set<string> {
  const bad = new Set<string>();
  for (const [layer, unit] of Object.entries(model.settings?.displayUnits ?? {})) {
    const allowed: Dimension[] = layer === 'energy' ? ['energy'] : layer === 'water' ? ['mass', 'volume'] : ['mass'];
    const at = ['settings', 'displayUnits', layer];
    try {
      const u = parseUnit(unit);
      if (u.per !== null || !allowed.includes(u.dimension)) {
        issues.push(issue(at, 'settings.displayUnit', { unit, layer }));
        bad.add(layer);
      }
    } catch (e) {
      issues.push(issue(at, 'unit.unknown', { detail: (e as Error).message }));
      bad.add(layer);
    }
  }
  return bad;
}

function checkFlows(
  model: Model,
  nodeAt: Map<string, number>,
  meterAt: Map<string, number>,
  badDisplay: Set<string>,
  issues: InputIssue[],
): void {
  const ctx = basisContext(model);
  model.flows.forEach((flow, i) => {
    const at = (...rest: (string | number)[]) => ['flows', i, ...rest];
    for (const end of ['from', 'to'] as const) {
      const ref = flow[end];
      if (ref !== null && !nodeAt.has(ref)) issues.push(issue(at(end), 'flow.unknownNode', { id: ref }));
    }
    if (flow.stock) {
      if ((flow.from === null) === (flow.to === null)) issues.push(issue(at('stock'), 'flow.stockEnds'));
    } else {
      if (flow.from !== null && flow.from === flow.to) issues.push(issue(at('to'), 'flow.selfLoop', { id: flow.from }));
      if (flow.from === null && flow.to === null) issues.push(issue(at('to'), 'flow.outsideToOutside'));
      if (flow.value !== undefined && flow.value < 0)
        issues.push(issue(at('value'), 'flow.negative', { value: flow.value }));
    }
    if (flow.min !== undefined && flow.max !== undefined && flow.min > flow.max) {
      issues.push(issue(at('min'), 'flow.minMax', { min: flow.min, max: flow.max }));
    }
    if (flow.meter !== undefined && !meterAt.has(flow.meter))
      issues.push(issue(at('meter'), 'meter.unknown', { id: flow.meter }));
    if (flow.layer === 'material' && !flow.phase) issues.push(issue(at('phase'), 'flow.materialPhase', {}, 'warning'));
    if (flow.use !== undefined && flow.layer !== 'water')
      issues.push(issue(at('use'), 'flow.useLayer', { layer: flow.layer }));

    let factor: ReturnType<typeof flowFactor> | undefined;
    try {
      factor = flowFactor(flow, ctx);
    } catch (e) {
      if (!(e instanceof FactorProblem)) throw e;
      if (!badDisplay.has(flow.layer)) issues.push(issue(at(e.field), e.code, e.params));
    }
    for (const [name, comp] of Object.entries(flow.components ?? {})) {
      const cat = (...rest: string[]) => at('components', name, ...rest);
      if (isBaseLayer(name)) issues.push(issue(cat(), 'component.reservedName', { component: name }));
      if ((comp.concentration === undefined) === (comp.value === undefined)) {
        issues.push(issue(cat(), 'component.valueOrConcentration'));
        continue;
      }
      // a concentration cannot be negative (the VOCs content has its own check, validate-vocs.ts)
      if (comp.concentration !== undefined && comp.concentration < 0 && name !== vocsLayer(model.settings))
        issues.push(issue(cat('concentration'), 'component.negative', { value: comp.concentration }));
      // A multi-period model gives its quantities per period (each period's model is checked on its own).
      if (
        comp.concentration !== undefined &&
        flow.value === undefined &&
        flow.source !== 'unmeasured' &&
        !model.periods
      ) {
        issues.push(issue(cat('concentration'), 'component.noQuantity', { component: name }));
      }
      if (!factor || badDisplay.has(name)) continue;
      try {
        componentFactor(flow, name, comp, factor, ctx);
      } catch (e) {
        if (!(e instanceof FactorProblem)) throw e;
        issues.push(issue(cat('unit'), e.code, e.params));
      }
    }
  });
}

/** Accuracy classes as GB 17167 / JJG write them: 0.1 … 5, optionally with S (0.2S, 0.5S). */
const ACCURACY_CLASS = /^(0\.[0-9]+|[1-9](\.[0-9]+)?)S?$/;

function checkMeters(model: Model, flowAt: Map<string, number>, issues: InputIssue[]): void {
  (model.meters ?? []).forEach((meter, i) => {
    meter.flows.forEach((f, j) => {
      if (!flowAt.has(f)) issues.push(issue(['meters', i, 'flows', j], 'meter.unknownFlow', { id: f }));
    });
    if (meter.accuracyClass !== undefined && !ACCURACY_CLASS.test(meter.accuracyClass)) {
      issues.push(issue(['meters', i, 'accuracyClass'], 'meter.badClass', { value: meter.accuracyClass }));
    }
    for (const key of ['verifiedOn', 'verifiedUntil'] as const) {
      const d = meter[key];
      if (d !== undefined && !isRealDate(d)) issues.push(issue(['meters', i, key], 'meter.badDate', { date: d }));
    }
  });
}

/** YYYY-MM-DD that names a real calendar day (not 2026-02-30). */
export function isRealDate(text: string): boolean {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function checkCampaign(model: Model, issues: InputIssue[]): void {
  const c = model.campaign;
  if (!c) return;
  const zone = c.timezone ?? DEFAULT_TIMEZONE;
  if (!isTimeZone(zone)) {
    issues.push(issue(['campaign', 'timezone'], 'campaign.timezone', { zone }));
    return;
  }
  const start = parseIsoInZone(c.start, zone);
  const end = parseIsoInZone(c.end, zone);
  if (Number.isNaN(start)) issues.push(issue(['campaign', 'start'], 'campaign.badTime', { value: c.start }));
  if (Number.isNaN(end)) issues.push(issue(['campaign', 'end'], 'campaign.badTime', { value: c.end }));
  if (end <= start) issues.push(issue(['campaign', 'end'], 'campaign.order', { start: c.start, end: c.end }));
  const hours = (end - start) / 3.6e6;
  if (hours > inputBounds.maxPeriodHours)
    issues.push(
      issue(['campaign', 'end'], 'campaign.tooLong', { hours: Math.round(hours), max: inputBounds.maxPeriodHours }),
    );
}

/**
 * `main` per carrier and `ratedPower`: keys must name a GB 17167 Table 1–2 group, a carrier of one, or
 * "material" (main only); a rated figure must be a positive rate the group's limit can be compared with
 * (power for electricity, steam and other; mass per hour for fuels; volume per hour for gas; water either).
 */
function checkMainKeys(model: Model, issues: InputIssue[]): void {
  model.nodes.forEach((node, i) => {
    if (node.main !== undefined && typeof node.main !== 'boolean')
      for (const key of Object.keys(node.main))
        if (mainCategoryOfKey(key) === undefined)
          issues.push(issue(['nodes', i, 'main', key], 'node.mainKey', { key }));
    for (const [key, q] of Object.entries(node.ratedPower ?? {})) {
      const at = ['nodes', i, 'ratedPower', key];
      const group = mainCategoryOfKey(key);
      if (group === undefined || group === 'material') {
        issues.push(issue(at, 'node.mainKey', { key }));
        continue;
      }
      if (!(q.value > 0 && Number.isFinite(q.value)))
        issues.push(issue([...at, 'value'], 'node.ratedValue', { value: q.value }));
      let u: ReturnType<typeof parseUnit> | undefined;
      try {
        u = parseUnit(q.unit);
      } catch {
        u = undefined;
      }
      const want = ratedDimension(group);
      const fits =
        u !== undefined &&
        u.per === 'hour' &&
        (want === 'power'
          ? u.dimension === 'energy'
          : want === 'mass'
            ? u.dimension === 'mass' || (group === 'water' && u.dimension === 'volume')
            : u.dimension === 'volume' || u.dimension === 'gasVolume' || (group === 'water' && u.dimension === 'mass'));
      if (!fits) issues.push(issue([...at, 'unit'], 'node.ratedUnit', { unit: q.unit, group, want }));
    }
  });
}

/** Products: unique ids, a positive finite output, an existing product flow; the period's factor positive. */
function checkProduction(model: Model, flowAt: Map<string, number>, issues: InputIssue[]): void {
  const products = model.production ?? [];
  firstIndex(products, ['production'], 'product.duplicate', issues);
  products.forEach((p, i) => {
    if (!(p.output > 0 && Number.isFinite(p.output)))
      issues.push(issue(['production', i, 'output'], 'product.output', { id: p.id, value: p.output }));
    if (p.outputValue !== undefined && !(p.outputValue >= 0 && Number.isFinite(p.outputValue)))
      issues.push(issue(['production', i, 'outputValue'], 'product.outputValue', { id: p.id, value: p.outputValue }));
    if (p.flow !== undefined && !flowAt.has(p.flow))
      issues.push(issue(['production', i, 'flow'], 'product.unknownFlow', { id: p.flow }));
  });
  const factor = model.period?.annualFactor;
  if (factor !== undefined && !(factor > 0 && Number.isFinite(factor)))
    issues.push(issue(['period', 'annualFactor'], 'period.annualFactor', { value: factor }));
}
