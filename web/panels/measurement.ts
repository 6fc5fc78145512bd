/**
 * Panels for the optional analyses the worker computes (web/analyses.ts): meter coverage, the
 * depth verdict with what the next grade needs, reconciliation with suspects highlighted, and
 * readings quality. A panel whose analysis failed shows why instead of disappearing.
 */
import {
  flowLabel,
  layerName,
  percent,
  roundTo,
  t,
  type Lang,
  type MeteringSummary,
  type ReadingsSummary,
  type ReconcileSummary,
} from '../../src/index.ts';
import type { AnyTable, TableData } from '../table.ts';
import { registerPanel, type Panel, type PanelContext } from './registry.ts';

type ReasonRow = NonNullable<MeteringSummary['depth']>['reasons'][number];

const sig = (x: number | null) => (x === null ? null : Number(x.toPrecision(4)));

function failed(ctx: PanelContext, id: string, titleKey: string): AnyTable[] | undefined {
  const extra = ctx.loaded.extras[id] as { error?: string } | undefined;
  if (!extra?.error) return undefined;
  const title = t(ctx.lang, titleKey, { layer: ctx.layer, file: '' });
  return [
    {
      id,
      title,
      columns: [],
      rows: [],
      notes: [t(ctx.lang, 'web.panel.failed', { panel: title, message: extra.error })],
    },
  ];
}

export const coveragePanel: Panel = {
  id: 'coverage',
  order: 60,
  tables(ctx) {
    const { lang } = ctx;
    const c = ctx.loaded.extras.coverage as MeteringSummary | undefined;
    if (!c) return [];
    const bad = failed(ctx, 'coverage', 'web.panel.coverage');
    if (bad) return bad;
    const table: TableData<MeteringSummary['rows'][number]> = {
      id: 'coverage',
      title: t(lang, 'web.panel.coverage'),
      rows: c.rows,
      notes: c.issues ? [t(lang, 'web.coverage.issues'), ...c.issues.map((i) => `${i.where}: ${i.text[lang]}`)] : [],
      columns: [
        { header: t(lang, 'web.col.table'), value: (r) => r.table },
        { header: t(lang, 'web.col.row'), value: (r) => r.label[lang] },
        { header: t(lang, 'web.col.level'), value: (r) => t(lang, `web.level.${r.level}`) },
        { header: t(lang, 'web.col.n'), value: (r) => r.n, numeric: true },
        { header: t(lang, 'web.col.N'), value: (r) => r.N, numeric: true },
        {
          header: t(lang, 'web.col.ratio'),
          value: (r) => (r.ratio === null ? null : roundTo(r.ratio, 1)),
          numeric: true,
        },
        { header: t(lang, 'web.col.required'), value: (r) => r.required, numeric: true },
        {
          header: t(lang, 'web.col.status'),
          value: (r) => t(lang, r.pass ? 'web.status.pass' : 'web.status.fail'),
          badge: (r) => (r.pass ? 'status-pass' : 'status-fail'),
        },
        { header: t(lang, 'web.col.missing'), value: (r) => r.missing.join(', ') },
        { header: t(lang, 'web.col.notCounted'), value: (r) => r.invalid.join(', ') },
      ],
    };
    const out: AnyTable[] = [table];
    // Why a meter does not count in n (calibration expired, class, status) — or counts with a warning.
    if (c.meters?.length) {
      const meters: TableData<NonNullable<MeteringSummary['meters']>[number]> = {
        id: 'coverage-meters',
        title: t(lang, 'web.panel.meterChecks'),
        rows: c.meters,
        columns: [
          { header: t(lang, 'web.col.meter'), value: (m) => m.meterLabel[lang] },
          { header: t(lang, 'web.col.flow'), value: (m) => m.flowLabel[lang] },
          { header: t(lang, 'web.col.table'), value: (m) => m.where },
          {
            header: t(lang, 'web.col.counted'),
            value: (m) => t(lang, m.counts ? 'web.meter.counted' : 'web.meter.notCounted'),
            badge: (m) => (m.counts ? 'status-incomplete' : 'status-fail'),
          },
          { header: t(lang, 'web.col.reason'), value: (m) => m.text[lang] },
        ],
      };
      out.push(meters);
    }
    const d = c.depth;
    if (d) {
      const yes = (b: boolean | null) =>
        b === null ? t(lang, 'metering.cli.unknown') : t(lang, b ? 'web.yes' : 'web.no');
      const tone = (b: boolean | null): 'pass' | 'fail' | 'neutral' => (b === null ? 'neutral' : b ? 'pass' : 'fail');
      const reasons: TableData<ReasonRow> = {
        id: 'depth',
        title: t(lang, 'web.panel.depth'),
        // The verdict and the acceptance types stand out above the reasons.
        highlights: [
          { text: t(lang, 'web.depth.verdict', { label: d.label[lang] }), tone: 'neutral' as const },
          ...(['A', 'B', 'C'] as const).map((k) => ({
            text: t(lang, 'web.depth.type', { type: k, verdict: yes(d.acceptance[k]) }),
            tone: tone(d.acceptance[k]),
          })),
        ],
        rows: d.reasons,
        columns: [
          {
            header: t(lang, 'web.col.ok'),
            value: (r) => (r.ok ? '✓' : '✗'),
            badge: (r) => (r.ok ? 'status-pass' : 'status-fail'),
          },
          { header: t(lang, 'web.col.reason'), value: (r) => r[lang] },
        ],
      };
      const next: TableData<{ zh: string; en: string; n: number }> = {
        id: 'depth-next',
        title: d.nextLabel ? t(lang, 'web.panel.depthNext', { label: d.nextLabel[lang] }) : t(lang, 'web.depth.top'),
        rows: d.next.map((x, i) => ({ ...x, n: i + 1 })),
        columns: [
          { header: '#', value: (r) => r.n, numeric: true },
          { header: t(lang, 'web.col.item'), value: (r) => r[lang] },
        ],
      };
      out.push(reasons, next);
    }
    return out;
  },
};

export const reconcilePanel: Panel = {
  id: 'reconcile',
  order: 70,
  tables(ctx) {
    const { lang, layer } = ctx;
    const r = ctx.loaded.extras.reconcile as ReconcileSummary | undefined;
    if (!r) return [];
    const bad = failed(ctx, 'reconcile', 'web.panel.reconcile');
    if (bad) return bad;
    const l = r.layers.find((x) => x.layer === layer);
    if (!l) return [];
    type Row = (typeof l.flows)[number];
    const table: TableData<Row> = {
      id: 'reconcile',
      title: t(lang, 'web.panel.reconcile', { layer: layerName(layer, lang) }),
      rows: l.flows,
      // the global test's verdict stands out, as the depth verdict does; its figures follow as a note
      highlights: [
        {
          text: t(lang, 'web.reconcile.verdict', {
            verdict: t(lang, l.global.pass ? 'web.reconcile.pass' : 'web.reconcile.fail'),
          }),
          tone: l.global.pass ? ('pass' as const) : ('fail' as const),
        },
      ],
      notes: [
        t(lang, 'web.reconcile.global', {
          chi2: sig(l.global.chi2) ?? '—',
          dof: l.global.dof,
          critical: sig(l.global.critical) ?? '—',
          verdict: t(lang, l.global.pass ? 'web.reconcile.pass' : 'web.reconcile.fail'),
        }),
        ...l.diagnosis[lang as Lang],
      ],
      columns: [
        { header: t(lang, 'web.col.flow'), value: (f) => flowLabel(f, lang) },
        { header: t(lang, 'web.col.unit'), value: (f) => f.unit },
        { header: t(lang, 'web.col.measured'), value: (f) => sig(f.measured), numeric: true },
        { header: t(lang, 'web.col.reconciled'), value: (f) => sig(f.reconciled), numeric: true },
        { header: t(lang, 'web.col.sd'), value: (f) => sig(f.sd), numeric: true },
        { header: t(lang, 'web.col.reconciledSd'), value: (f) => sig(f.reconciledSd), numeric: true },
        { header: t(lang, 'web.col.status'), value: (f) => t(lang, `web.rstatus.${f.status}`) },
        { header: t(lang, 'web.col.z'), value: (f) => sig(f.z), numeric: true },
        {
          header: t(lang, 'web.col.suspect'),
          value: (f) => (f.suspect ? t(lang, 'web.yes') : ''),
          badge: (f) => (f.suspect ? 'status-fail' : undefined),
        },
      ],
    };
    return [table];
  },
};

export const readingsPanel: Panel = {
  id: 'readings',
  order: 50,
  tables(ctx) {
    const { lang } = ctx;
    const r = ctx.loaded.extras.readings as ReadingsSummary | undefined;
    if (!r) return [];
    const bad = failed(ctx, 'readings', 'web.panel.readings');
    if (bad) return bad;
    const w = r.window;
    const meters: TableData<ReadingsSummary['meters'][number]> = {
      id: 'readings',
      title: t(lang, 'web.panel.readings', { file: r.file }),
      notes: [
        t(lang, 'web.readings.rows', { ...r.rows, applied: r.applied, flows: r.appliedFlows }),
        ...(r.skipped.length
          ? [
              t(lang, 'web.readings.skipped', {
                list: r.skipped.map((x) => `${x.meter}（${t(lang, `web.readings.skip.${x.reason}`)}）`).join('、'),
              }),
            ]
          : []),
        t(lang, 'web.readings.window', {
          start: w.start,
          end: w.end,
          hours: sig(w.hours) ?? '—',
          longest: sig(w.longestContinuousHours) ?? '—',
          minimum: w.minimumHours,
          verdict: t(lang, w.meetsMinimum ? 'web.status.pass' : 'web.status.fail'),
        }),
        ...(r.missingMeters.length ? [t(lang, 'web.readings.missing', { list: r.missingMeters.join(', ') })] : []),
        ...(r.unknownColumns.length ? [t(lang, 'web.readings.unknown', { list: r.unknownColumns.join(', ') })] : []),
      ],
      rows: r.meters,
      columns: [
        { header: t(lang, 'web.col.meter'), value: (m) => m.label[lang] },
        { header: t(lang, 'web.col.unit'), value: (m) => m.unit },
        { header: t(lang, 'web.col.total'), value: (m) => sig(m.total), numeric: true },
        { header: t(lang, 'web.col.coverage'), value: (m) => percent(m.coverage, 1), numeric: true },
        { header: t(lang, 'web.col.readings'), value: (m) => m.readings, numeric: true },
        {
          header: t(lang, 'web.col.gaps'),
          value: (m) => m.gaps,
          numeric: true,
          badge: (m) => (m.gaps > 0 ? 'status-incomplete' : undefined),
        },
        { header: t(lang, 'web.col.longestGap'), value: (m) => sig(m.longestGapHours), numeric: true },
        { header: t(lang, 'web.col.flags'), value: (m) => m.flags },
      ],
    };
    const rejected: TableData<ReadingsSummary['rejected'][number]> = {
      id: 'readings-rejected',
      title: t(lang, 'web.panel.rejected'),
      rows: r.rejected,
      columns: [
        { header: t(lang, 'web.col.line'), value: (x) => x.line, numeric: true },
        { header: t(lang, 'web.col.reason'), value: (x) => (x.column ? `${x.reason} (${x.column})` : x.reason) },
      ],
    };
    return r.rejected.length ? [meters, rejected] : [meters];
  },
};

for (const p of [readingsPanel, coveragePanel, reconcilePanel]) registerPanel(p);
