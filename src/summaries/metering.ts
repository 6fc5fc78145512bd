/**
 * The metering analyses as plain, cloneable, bilingual data: the coverage rows of 表1/表2/表3, every
 * meter that is not counted (and why) or counted with a warning, and the Yunnan depth verdict with what
 * the next grade needs. The web worker posts it to the page (structured clone: no functions, no maps).
 */
import { both, labelled } from '../i18n/index.ts';
import { formatPath } from '../model/issues.ts';
import type { PlantGraph } from '../model/graph.ts';
import { analyseMetering, coverageRows, type CoverageRow } from '../metering/coverage.ts';
import { depthVerdict } from '../metering/depth.ts';
import { validateMetering } from '../metering/validate.ts';

type Bilingual = { zh: string; en: string };

export interface MeteringSummary {
  /** Problems in the model's metering section; when present the rest is empty. */
  issues?: { where: string; text: Bilingual }[];
  /** The cloneable part of the core's coverage rows, for the points that exist (N > 0). */
  rows: (Pick<CoverageRow, 'table' | 'label' | 'level' | 'n' | 'N' | 'ratio' | 'required' | 'pass' | 'missing'> & {
    /** Meters on these points that are not counted in n. */
    invalid: string[];
  })[];
  /** Every meter with something to say: not counted (and why) or counted with a warning, once per reason. */
  meters?: {
    meter: string;
    flow: string;
    /** "name (id)" of the meter and of the flow in each language (ids alone read alike: DO1, D01). */
    meterLabel: Bilingual;
    flowLabel: Bilingual;
    where: string;
    counts: boolean;
    text: Bilingual;
  }[];
  depth?: {
    label: Bilingual;
    /** null: cannot be judged (not enough data). */
    acceptance: { A: boolean | null; B: boolean | null; C: boolean | null };
    reasons: (Bilingual & { ok: boolean })[];
    next: Bilingual[];
    /** The next grade's name without the verdict prefix ("结论：重点型物料平衡" → "重点型物料平衡"). */
    nextLabel: Bilingual | null;
  };
}

const stripVerdict = (b: Bilingual): Bilingual => ({
  zh: b.zh.replace(/^.*[:：]\s*/, ''),
  en: b.en.replace(/^.*[:：]\s*/, ''),
});

/**
 * Metering coverage (GB 24789-2009 §4.3 表1–表3 and GB 17167-2006 §4.3 for energy: n/N per table and
 * level against the required rate) and the depth verdict (云南省清洁生产审核 物料平衡深度: grades A/B/C)
 * of a plant, as plain data. `campaignHours`: the longest continuous run of readings, when a readings
 * file was applied (the verdict's 72 h campaign test, otherwise taken from the model's campaign).
 *
 * @example
 * const graph = buildGraph(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model);
 * const s = meteringSummary(graph);
 * // electricity at level 3: 3 of 4 points metered = 75 % against GB 17167-2006 表3's 95 %; E41 is missing
 * const r = s.rows[2];
 * [r.label.en, r.level, r.n, r.N, r.ratio, r.required, r.pass, r.missing] // => ['electricity', 3, 3, 4, 75, 95, false, ['E41']]
 * [s.depth.label.zh, s.depth.nextLabel.zh] // => ['简单型', '重点型物料平衡']
 */
export function meteringSummary(graph: PlantGraph, campaignHours?: number): MeteringSummary {
  const issues = validateMetering(graph.model);
  if (issues.length > 0)
    return { rows: [], issues: issues.map((i) => ({ where: formatPath(i.path), text: both(i.code, i.params) })) };
  const a = analyseMetering(graph.model, {}, graph);
  const rows = coverageRows(a)
    .filter((r) => r.N > 0)
    .map((r) => ({
      table: r.table,
      label: r.label,
      level: r.level,
      n: r.n,
      N: r.N,
      ratio: r.ratio,
      required: r.required,
      pass: r.pass,
      missing: r.missing,
      invalid: [...new Set(r.invalid.map((x) => x.meter))],
    }));
  const meters: NonNullable<MeteringSummary['meters']> = [];
  const meterOf = new Map((graph.model.meters ?? []).map((m) => [m.id, m]));
  const flowOf = new Map(graph.model.flows.map((f) => [f.id, f]));
  const seen = new Set<string>();
  for (const c of a.checks)
    for (const f of c.findings) {
      const text = both(f.code, f.params);
      const key = `${c.meter}|${text.zh}`;
      if (seen.has(key)) continue;
      seen.add(key);
      meters.push({
        meter: c.meter,
        flow: c.flow,
        meterLabel: labelled(meterOf.get(c.meter), c.meter),
        flowLabel: labelled(flowOf.get(c.flow), c.flow),
        where: `${c.table} L${c.level}`,
        counts: f.severity !== 'error',
        text,
      });
    }
  const evidence =
    campaignHours === undefined
      ? {}
      : { readings: { longestContinuousHours: campaignHours, source: 'readings' as const } };
  const d = depthVerdict(graph.model, evidence, a);
  return {
    rows,
    meters,
    depth: {
      label: d.label,
      acceptance: d.acceptance,
      reasons: d.reasons.map((r) => ({ ok: r.ok, zh: r.zh, en: r.en })),
      next: d.next.map((n) => ({ zh: n.zh, en: n.en })),
      nextLabel: d.nextDepth === null ? null : stripVerdict(both(`depth.reason.grade.${d.nextDepth}`)),
    },
  };
}
