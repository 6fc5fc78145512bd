import { hasMessage, t, type Lang } from '../i18n/index.ts';
import { compareIds } from './canonical-order.ts';
import type { LayerReconciliation } from './model-types.ts';

/** Four significant figures for messages (full precision stays in the JSON). */
export function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-3) return v.toExponential(3);
  return String(Number(v.toPrecision(4)));
}

/**
 * Plain-language findings of one layer, Chinese and English (src/i18n/reconcile.ts).
 *
 * @example
 * const graph = buildGraph(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model);
 * diagnose(reconcileModel(graph).layers[0]).en[0].slice(0, 60) // => 'water layer passes the global test: χ² = 5.981, 4 degrees of'
 */
export function diagnose(r: LayerReconciliation): { zh: string[]; en: string[] } {
  const zh: string[] = [];
  const en: string[] = [];
  // The layer's own name in each language where the catalogue has one (水, 能源 …; COD stays COD).
  const layerName = (lang: Lang) => (hasMessage(`layer.${r.layer}`) ? t(lang, `layer.${r.layer}`) : r.layer);
  const add = (key: string, params: Record<string, string | number | undefined>) => {
    zh.push(t('zh', key, { ...params, layer: layerName('zh') }));
    en.push(t('en', key, { ...params, layer: layerName('en') }));
  };
  const g = r.global;
  // ids in sentences are sorted, so the words do not depend on the order of the model's file
  const groups = r.inconsistent.map((nodes) => sorted(nodes).join(' + '));
  for (const nodes of sorted(groups)) add('reconcile.inconsistent', { nodes });
  const common = {
    layer: r.layer,
    chi2: fmt(g.chi2),
    dof: g.dof,
    critical: fmt(g.critical),
    alpha: g.alpha,
    p: fmt(g.pValue),
  };
  if (g.dof === 0) add('reconcile.global.noRedundancy', common);
  else add(g.pass ? 'reconcile.global.pass' : 'reconcile.global.fail', common);
  for (const s of r.suspects) {
    if (s.kind === 'meter') {
      const params = {
        rank: s.rank,
        flow: s.flow,
        measured: fmt(s.measured),
        after: fmt(s.reconciledAfter),
        sd: fmt(s.sdAfter),
        error:
          s.reconciledAfter === null || s.reconciledAfter === undefined ? '—' : fmt(s.measured! - s.reconciledAfter),
        unit: s.unit,
        before: fmt(s.chi2Before),
        chi2After: fmt(s.chi2After),
      };
      add(s.reconciledAfter === null ? 'reconcile.suspect.meterUnobservable' : 'reconcile.suspect.meter', params);
    } else {
      add('reconcile.suspect.leak', {
        rank: s.rank,
        nodes: sorted(s.nodes!).join(' + '),
        value: fmt(s.leakValue),
        sd: fmt(s.leakSd),
        unit: r.unit,
        before: fmt(s.chi2Before),
        chi2After: fmt(s.chi2After),
      });
    }
    if (s.equivalent?.length)
      add('reconcile.suspect.equivalent', {
        alternatives: sorted(
          s.equivalent.map((e) => (e.kind === 'meter' ? e.flow! : `[${sorted(e.nodes!).join(' + ')}]`)),
        ).join(', '),
      });
  }
  if (r.afterElimination && !r.afterElimination.global.pass)
    add('reconcile.stillFails', {
      n: r.suspects.length,
      chi2: fmt(r.afterElimination.global.chi2),
      critical: fmt(r.afterElimination.global.critical),
    });
  const unobs = r.flows.filter((f) => f.status === 'unobservable').map((f) => f.id);
  if (unobs.length) add('reconcile.unobservable', { count: unobs.length, flows: list(unobs) });
  const nonRed = r.flows
    .filter((f) => f.status === 'measured' && !f.redundant && !f.fixed && f.activeBound === undefined)
    .map((f) => f.id);
  if (nonRed.length) add('reconcile.nonRedundant', { count: nonRed.length, flows: list(nonRed) });
  for (const a of [...r.activeBounds].sort((x, y) => compareIds(x.flow, y.flow)))
    add(a.side === 'lower' ? 'reconcile.bound.lower' : 'reconcile.bound.upper', {
      flow: a.flow,
      bound: fmt(a.bound),
      unit: a.unit,
    });
  if (r.unmeasuredOutOfBounds.length) add('reconcile.bound.unmeasured', { flows: list(r.unmeasuredOutOfBounds) });
  if (r.solver.kind === 'pcg')
    add('reconcile.iterativeNoTests', { iterations: r.solver.iterations, residual: fmt(r.solver.relativeResidual) });
  else if (!r.unmeasuredSdComputed && r.flows.some((f) => f.status === 'estimated'))
    add('reconcile.unmeasuredSdSkipped', {});
  return { zh, en };
}

function list(unsorted: string[]): string {
  const ids = sorted(unsorted);
  return ids.length > 12 ? `${ids.slice(0, 12).join(', ')} …(+${ids.length - 12})` : ids.join(', ');
}

/** Code-unit order (compareIds): the same in every locale and runtime. */
const sorted = (ids: readonly string[]) => [...ids].sort(compareIds);
