/**
 * Optional analyses computed in the worker next to the balances: metering coverage and the
 * depth verdict (src/metering), reconciliation (src/reconcile), readings quality (src/readings).
 * Each becomes plain, cloneable data that a panel of the same id renders (panels/extras.ts).
 * One analysis failing never hides the others: its panel shows the error instead.
 */
import {
  analyseMetering,
  coverageRows,
  depthVerdict,
  flowLabel,
  formatPath,
  reconcileModel,
  t,
  validateMetering,
  type CheckResult,
  type CoverageRow,
  type IngestResult,
  type PlantGraph,
} from '../src/index.ts';

type Bilingual = { zh: string; en: string };

export interface CoverageExtra {
  issues?: { where: string; text: Bilingual }[];
  /** The cloneable part of the core's coverage rows. */
  rows: (Pick<CoverageRow, 'table' | 'label' | 'level' | 'n' | 'N' | 'ratio' | 'required' | 'pass' | 'missing'> & {
    /** Meters on these points that are not counted in n. */
    invalid: string[];
  })[];
  /** Every meter with something to say: not counted (and why) or counted with a warning. */
  meters?: {
    meter: string;
    flow: string;
    /** "name (id)" of the meter and of the flow, in each language (ids alone read alike: DO1, D01). */
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
    nextLabel: Bilingual | null;
  };
}

export interface ReconcileExtra {
  layers: {
    layer: string;
    unit: string;
    global: { chi2: number; dof: number; critical: number; pass: boolean };
    flows: {
      id: string;
      name?: string;
      nameEn?: string;
      unit: string;
      measured: number | null;
      reconciled: number | null;
      sd: number | null;
      reconciledSd: number | null;
      status: string;
      z: number | null;
      suspect: boolean;
    }[];
    diagnosis: { zh: string[]; en: string[] };
  }[];
  /** Reconciled values in the layer unit by layer-flow id, for the Sankey's reconciled view. */
  values: Record<string, number>;
}

export interface ReadingsExtra {
  file: string;
  encoding: string;
  rows: { read: number; used: number; rejected: number };
  rejected: { line: number; reason: string; column?: string }[];
  meters: {
    id: string;
    /** "name (id)" where the model names the meter, in each language. */
    label: Bilingual;
    unit: string;
    total: number;
    coverage: number;
    readings: number;
    gaps: number;
    longestGapHours: number;
    flags: string;
  }[];
  window: {
    start: string;
    end: string;
    hours: number;
    longestContinuousHours: number;
    minimumHours: number;
    meetsMinimum: boolean;
  };
  missingMeters: string[];
  unknownColumns: string[];
  applied: number;
  appliedFlows: number;
  skipped: { meter: string; reason: string }[];
}

export interface ExtrasInput {
  graph: PlantGraph;
  result: CheckResult;
  readings?: {
    ingest: IngestResult;
    /** Meters whose totals went into the model, the flows they went into, those left out and why. */
    applied: number;
    appliedFlows?: number;
    skipped?: { meter: string; reason: string }[];
  };
}

type Extra = (input: ExtrasInput) => unknown;

const both = (code: string, params: Record<string, string | number | undefined> = {}): Bilingual => ({
  zh: t('zh', code, params),
  en: t('en', code, params),
});

/** "结论：重点型物料平衡" → "重点型物料平衡" (the grade's name without the verdict prefix). */
const stripVerdict = (b: Bilingual): Bilingual => ({
  zh: b.zh.replace(/^.*[:：]\s*/, ''),
  en: b.en.replace(/^.*[:：]\s*/, ''),
});

/** "name (id)" in both languages (flowLabel: the id alone where nothing names it). */
const labelled = (e: { id: string; name?: string; nameEn?: string } | undefined, id: string): Bilingual =>
  e ? { zh: flowLabel(e, 'zh'), en: flowLabel(e, 'en') } : { zh: id, en: id };

const EXTRAS: Record<string, Extra> = {
  coverage({ graph, readings }): CoverageExtra {
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
    // Why a meter is not counted (calibration expired, wrong class, out of service…), once per meter and reason.
    const meters: NonNullable<CoverageExtra['meters']> = [];
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
    const evidence = readings
      ? {
          readings: {
            longestContinuousHours: readings.ingest.window.longestContinuousHours,
            source: 'readings' as const,
          },
        }
      : {};
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
  },

  reconcile({ graph }): ReconcileExtra {
    const r = reconcileModel(graph);
    const factor = new Map(graph.flows.map((f) => [f.id, f.factor]));
    const values: Record<string, number> = {};
    for (const l of r.layers)
      for (const f of l.flows)
        if (f.reconciled !== null && factor.has(f.id)) values[f.id] = f.reconciled * factor.get(f.id)!;
    return {
      values,
      layers: r.layers.map((l) => ({
        layer: l.layer,
        unit: l.unit,
        global: { chi2: l.global.chi2, dof: l.global.dof, critical: l.global.critical, pass: l.global.pass },
        flows: l.flows.map((f) => ({
          id: f.id,
          ...(f.name ? { name: f.name } : {}),
          ...(f.nameEn ? { nameEn: f.nameEn } : {}),
          unit: f.unit,
          measured: f.measured,
          reconciled: f.reconciled,
          sd: f.sd,
          reconciledSd: f.reconciledSd,
          status: f.status,
          z: f.z,
          suspect: f.suspect,
        })),
        diagnosis: l.diagnosis,
      })),
    };
  },

  readings({ graph, readings }): ReadingsExtra | undefined {
    if (!readings) return undefined;
    const r = readings.ingest;
    const meterOf = new Map((graph.model.meters ?? []).map((m) => [m.id, m]));
    return {
      file: r.file,
      encoding: r.encoding,
      rows: r.rows,
      rejected: r.rejected
        .slice(0, 200)
        .map((x) => ({ line: x.line, reason: x.reason, ...(x.column ? { column: x.column } : {}) })),
      meters: r.meters.map((m) => ({
        id: m.id,
        label: labelled(meterOf.get(m.id), m.id),
        unit: m.unit,
        total: m.total,
        coverage: m.coverage,
        readings: m.readings,
        gaps: m.gaps.length,
        longestGapHours: m.gaps.reduce((s, g) => Math.max(s, g.hours), 0),
        flags: m.flags.map((f) => `${f.code}×${f.count}`).join(' '),
      })),
      window: {
        start: r.window.start,
        end: r.window.end,
        hours: r.window.hours,
        longestContinuousHours: r.window.longestContinuousHours,
        minimumHours: r.window.minimumHours,
        meetsMinimum: r.window.meetsMinimum,
      },
      missingMeters: r.missingMeters,
      unknownColumns: r.unknownColumns,
      applied: readings.applied,
      appliedFlows: readings.appliedFlows ?? readings.applied,
      skipped: readings.skipped ?? [],
    };
  },
};

export function computeExtras(input: ExtrasInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [id, run] of Object.entries(EXTRAS)) {
    try {
      const v = run(input);
      if (v !== undefined) out[id] = v;
    } catch (err) {
      out[id] = { error: err instanceof Error ? err.message : String(err) };
    }
  }
  return out;
}
