import type { Model } from '../model/schema.ts';
import { carrier as carrierInfo } from '../data/carriers.ts';

/**
 * What a meter costs, for advice that minimises money rather than the count of meters. No price data
 * is bundled: none with a source we could cite was at hand, so the user gives the table — and its
 * `source` (a quotation, a price list and its date), which the advice repeats (docs/advice.md §Costs).
 *
 * ```json
 * { "source": "2026 年 3 月 供应商报价", "currency": "元",
 *   "add": { "default": 2000, "electricity": 1200, "steam": 9000,
 *            "water": { "dn": [[50, 800], [100, 1600], [300, 5200]], "default": 3000 } },
 *   "reverify": 300, "flows": { "G11": 45000 } }
 * ```
 * A flow's own price (`flows`) wins; else its carrier's (by the GB 17167 row, then the carrier name),
 * by DN band where the carrier gives bands (the smallest band ≥ the flow's DN: the existing meter's
 * `dn`, or `meta.dn` on the flow), else the carrier's or the table's default. `reverify` is the cost of
 * a verification; replacing a meter costs what adding one does.
 */
export interface CostTable {
  source: string;
  currency?: string;
  add?: Record<string, number | { dn?: [number, number][]; default?: number }> & { default?: number };
  reverify?: number;
  flows?: Record<string, number>;
}

/**
 * Validation of a cost table given by the user: a message code and the JSON path, or none.
 *
 * @example
 * costTableProblems({}) // => [{ path: ['source'], code: 'advice.costs.source' }]
 * costTableProblems({ source: 'quote 2026', items: [] }) // => []
 */
export function costTableProblems(doc: unknown): { path: (string | number)[]; code: string }[] {
  const out: { path: (string | number)[]; code: string }[] = [];
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return [{ path: [], code: 'advice.costs.object' }];
  const d = doc as Record<string, unknown>;
  if (typeof d.source !== 'string' || d.source.trim() === '')
    out.push({ path: ['source'], code: 'advice.costs.source' });
  const positive = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;
  if (d.reverify !== undefined && !positive(d.reverify)) out.push({ path: ['reverify'], code: 'advice.costs.number' });
  for (const [k, v] of Object.entries((d.flows as Record<string, unknown>) ?? {}))
    if (!positive(v)) out.push({ path: ['flows', k], code: 'advice.costs.number' });
  for (const [k, v] of Object.entries((d.add as Record<string, unknown>) ?? {})) {
    if (typeof v === 'number') {
      if (!positive(v)) out.push({ path: ['add', k], code: 'advice.costs.number' });
      continue;
    }
    const o = v as { dn?: unknown; default?: unknown };
    if (typeof v !== 'object' || v === null) out.push({ path: ['add', k], code: 'advice.costs.number' });
    else {
      if (o.default !== undefined && !positive(o.default))
        out.push({ path: ['add', k, 'default'], code: 'advice.costs.number' });
      if (o.dn !== undefined)
        (Array.isArray(o.dn) ? o.dn : [null]).forEach((band, i) => {
          if (!Array.isArray(band) || band.length !== 2 || !positive(band[0]) || !positive(band[1]))
            out.push({ path: ['add', k, 'dn', i], code: 'advice.costs.band' });
        });
    }
  }
  return out;
}

/**
 * The cost of an action on a flow by the table (see CostTable); 1 where the table says nothing.
 *
 * @example
 * const { model } = parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json');
 * actionCost({ source: 'quote', reverify: 800, flows: { E41: 5000 } }, model, 'E41', 'add') // => 5000
 * actionCost({ source: 'quote', reverify: 800 }, model, 'E41', 'reverify') // => 800
 * actionCost({ source: 'quote' }, model, 'E41', 'add') // => 1
 */
export function actionCost(
  table: CostTable,
  model: Model,
  flowId: string,
  action: 'add' | 'replace' | 'reverify',
  meterId?: string,
): number {
  if (action === 'reverify') return table.reverify ?? 1;
  const own = table.flows?.[flowId];
  if (own !== undefined) return own;
  const flow = model.flows.find((f) => f.id === flowId);
  const info = carrierInfo(flow?.carrier);
  const keys = [info?.energyRow, flow?.carrier, flow?.layer].filter((k): k is string => k !== undefined);
  const entry = keys.map((k) => table.add?.[k]).find((e) => e !== undefined);
  const fallback = typeof table.add?.default === 'number' ? table.add.default : 1;
  if (entry === undefined) return fallback;
  if (typeof entry === 'number') return entry;
  const meter = (model.meters ?? []).find((m) => m.id === meterId);
  const dn = meter?.dn ?? (typeof flow?.meta?.dn === 'number' ? (flow.meta.dn as number) : undefined);
  if (dn !== undefined && entry.dn) {
    const band = [...entry.dn].sort((a, b) => a[0] - b[0]).find(([upTo]) => dn <= upTo);
    if (band) return band[1];
  }
  return entry.default ?? fallback;
}
