import { parseConcentration } from '../units/units.ts';
import { issue, type InputIssue } from './issues.ts';
import type { Flow, Model } from './schema.ts';
import { isRemoval, isVocsStream, usesVocs, vocsAmountGiven, vocsLayer } from './vocs.ts';

/**
 * What the schema cannot check of the VOCs solvent balance (docs/vocs.md), each problem at its
 * JSON path: a VOCs content outside 0–100 %, an efficiency outside 0–1, a capture efficiency
 * with no captured stream to apply it to, a removal efficiency on a unit that treats nothing,
 * and the streams an efficiency needs to be computed into (fugitive, destroyed, stack).
 */
export function validateVocs(model: Model): InputIssue[] {
  if (!usesVocs(model)) return [];
  const layer = vocsLayer(model.settings);
  const issues: InputIssue[] = [];
  checkContents(model, layer, issues);

  const streams = model.flows.map((f, i) => ({ f, i })).filter(({ f }) => isVocsStream(f, layer));
  const out = (node: string, kinds: (k: string | undefined) => boolean) =>
    streams.filter(({ f }) => f.from === node && !f.stock && kinds(f.kind));
  const into = (node: string, kind: string) => streams.filter(({ f }) => f.to === node && !f.stock && f.kind === kind);
  const nodeById = new Map(model.nodes.map((n, i) => [n.id, { n, i }]));

  model.nodes.forEach((node, i) => {
    const at = (...rest: (string | number)[]) => ['nodes', i, 'vocs', ...rest];
    const capture = node.vocs?.capture;
    const removal = node.vocs?.removal;
    for (const [key, eff] of [
      ['capture', capture],
      ['removal', removal],
    ] as const) {
      if (eff && !(eff.efficiency >= 0 && eff.efficiency <= 1))
        issues.push(issue(at(key, 'efficiency'), 'vocs.efficiency', { node: node.id, value: eff.efficiency }));
    }
    if (capture) {
      const captured = out(node.id, (k) => k === 'captured');
      if (captured.length === 0) issues.push(issue(at('capture'), 'vocs.captureWithoutStream', { node: node.id }));
      const unknown = captured.filter(({ f }) => !vocsAmountGiven(f, layer));
      if (unknown.length > 1)
        issues.push(
          issue(at('capture'), 'vocs.capturedSplit', { node: node.id, flows: unknown.map(({ f }) => f.id).join(', ') }),
        );
      if (capture.efficiency < 1 && out(node.id, (k) => k === 'fugitive').length === 0)
        issues.push(issue(at('capture'), 'vocs.noFugitive', { node: node.id }));
    }
    if (removal) {
      if (into(node.id, 'captured').length === 0)
        issues.push(issue(at('removal'), 'vocs.removalWithoutTreatment', { node: node.id }));
      const removed = out(node.id, isRemoval);
      if (removal.efficiency > 0 && removed.length === 0)
        issues.push(issue(at('removal'), 'vocs.noRemovedStream', { node: node.id }));
      const unknown = removed.filter(({ f }) => !vocsAmountGiven(f, layer));
      if (unknown.length > 1)
        issues.push(
          issue(at('removal'), 'vocs.removedSplit', { node: node.id, flows: unknown.map(({ f }) => f.id).join(', ') }),
        );
      if (removal.efficiency < 1 && out(node.id, (k) => k === 'emission').length === 0)
        issues.push(issue(at('removal'), 'vocs.noStack', { node: node.id }));
    }
  });

  for (const { f, i } of streams) {
    const at = (key: string) => ['flows', i, key];
    if (f.kind === 'fugitive' && f.to !== null) issues.push(issue(at('to'), 'vocs.fugitiveInside', { flow: f.id }));
    if (f.kind !== 'captured' || f.stock) continue;
    if (f.from === null) {
      issues.push(issue(at('from'), 'vocs.capturedFromOutside', { flow: f.id }));
      continue;
    }
    const source = nodeById.get(f.from);
    if (source && !source.n.vocs?.capture && !vocsAmountGiven(f, layer))
      issues.push(issue(at('from'), 'vocs.capturedWithoutEfficiency', { flow: f.id, node: f.from }));
    const target = f.to === null ? undefined : nodeById.get(f.to);
    if (target && !target.n.vocs?.removal && !monitoredStack(model, target.n.id, layer))
      issues.push(issue(at('to'), 'vocs.treatmentWithoutRemoval', { flow: f.id, node: target.n.id }));
  }
  return issues;
}

/** A VOCs content by mass fraction lies in 0–100 %; no content is negative. */
function checkContents(model: Model, layer: string, issues: InputIssue[]): void {
  model.flows.forEach((flow: Flow, i) => {
    const c = flow.components?.[layer];
    if (c?.concentration === undefined) return;
    let kind: ReturnType<typeof parseConcentration>;
    try {
      kind = parseConcentration(c.unit);
    } catch {
      return; // an unknown unit is reported by the model's own validation
    }
    const x = c.concentration * kind.factor;
    const bad = kind.kind === 'fraction' ? !(x >= 0 && x <= 1) : !(x >= 0);
    if (bad)
      issues.push(
        issue(['flows', i, 'components', layer, 'concentration'], 'vocs.content', {
          flow: flow.id,
          value: c.concentration,
          unit: c.unit,
        }),
      );
  });
}

/** A treatment unit whose stack emission is monitored can have its removal efficiency derived. */
function monitoredStack(model: Model, node: string, layer: string): boolean {
  return model.flows.some(
    (f) => f.from === node && f.kind === 'emission' && isVocsStream(f, layer) && vocsAmountGiven(f, layer),
  );
}
