import { waterIndicators } from '../../data/gb12452-2008.ts';
import { source as gb2589 } from '../../data/gb2589-2008.ts';
import { DEFAULT_EDITIONS } from '../../metering/rulesets.ts';
import { cite, type ReportContext } from '../context.ts';
import type { Cell, Chapter, MissingItem } from '../document.ts';
import { formatPath } from '../../model/issues.ts';

/**
 * Chapter 1 — overview: the plant, industry, balance period, campaign, audit focus, the rule
 * sets and editions used, the findings and warnings, and what the report could not make. Built
 * last, so it can list the gaps the other chapters found.
 */
export function overviewChapter(ctx: ReportContext, missing: readonly MissingItem[]): Chapter {
  const ch = ctx.chapter(1, 'overview');
  const { model, file, readings, warnings } = ctx.results.input;
  const check = ctx.results.check;
  const lang = ctx.lang;
  const dash = '—';
  const name = lang === 'en' && model.nameEn ? model.nameEn : model.name;
  const focus = model.nodes.filter((n) => n.auditFocus).map((n) => ctx.nodeName(n.id));
  const campaign = model.campaign;
  const period = model.period;
  const periodText = [
    period ? (lang === 'en' && period.labelEn ? period.labelEn : period.label) : undefined,
    period?.start && period.end ? `${period.start} — ${period.end}` : undefined,
    check?.period.hours != null ? ctx.t('report.overview.hours', { hours: round2(check.period.hours) }) : undefined,
  ].filter((x) => x !== undefined);
  const rows: Cell[][] = [
    [ctx.t('report.overview.plant'), name],
    [ctx.t('report.overview.file'), file ?? dash],
    [ctx.t('report.overview.industry'), model.industry ?? dash],
    [ctx.t('report.overview.period'), periodText.length > 0 ? periodText.join(ctx.t('report.sep')) : dash],
    [
      ctx.t('report.overview.campaign'),
      campaign
        ? ctx.t('report.overview.campaignText', {
            start: when(campaign.start),
            end: when(campaign.end),
            normal: ctx.yesNo(campaign.normalProduction),
            team: ctx.t(`report.performedBy.${campaign.performedBy}`),
          })
        : ctx.t('report.overview.noCampaign'),
    ],
    [
      ctx.t('report.overview.readings'),
      readings
        ? ctx.t('report.overview.readingsText', {
            file: readings.file,
            start: when(readings.window.start),
            end: when(readings.window.end),
            hours: round2(readings.window.hours),
            longest: round2(readings.window.longestContinuousHours),
          })
        : dash,
    ],
    [
      ctx.t('report.overview.focus'),
      focus.length > 0 ? focus.join(ctx.t('report.enumSep')) : ctx.t('report.overview.noFocus'),
    ],
    [
      ctx.t('report.overview.size'),
      ctx.t('report.overview.sizeText', {
        nodes: model.nodes.length,
        flows: model.flows.length,
        meters: (model.meters ?? []).length,
      }),
    ],
    [
      ctx.t('report.overview.layers'),
      (check?.layers ?? [])
        .map((l) =>
          ctx.t('report.overview.layerText', { layer: ctx.layerName(l.layer), unit: l.unit, tol: l.tolerancePct }),
        )
        .join(ctx.t('report.sep')),
    ],
    [ctx.t('report.overview.rules'), rulesText(ctx)],
  ];
  if (check)
    rows.push([
      ctx.t('report.overview.summary'),
      ctx.t('report.overview.summaryText', {
        balances: check.summary.balances,
        closed: check.summary.closed,
        open: check.summary.open,
        byDifference: check.summary.byDifference,
        indeterminate: check.summary.indeterminate,
      }),
    ]);
  if (ctx.results.depth) rows.push([ctx.t('report.overview.depth'), ctx.results.depth.label[lang]]);
  ch.table(
    ctx.t('report.overview.caption'),
    [
      { header: ctx.t('report.col.item'), type: 'text' },
      { header: ctx.t('report.col.content'), type: 'text' },
    ],
    rows,
  );

  ch.heading(ctx.t('report.overview.findingsTitle'));
  const findings = [
    ...(check?.findings ?? []).map((f) => `${f.severity === 'error' ? '✗' : '!'} ${f.message[lang]}`),
    ...(ctx.results.coverage ?? [])
      .filter((r) => r.required !== null && !r.pass)
      .map((r) =>
        ctx.t('report.overview.coverageShort', {
          table: r.table,
          row: r.label[lang],
          level: r.level,
          ratio: r.ratio ?? '—',
          required: r.required ?? '—',
        }),
      ),
    ...(ctx.results.reconciliation?.layers ?? [])
      .filter((l) => !l.global.pass)
      .map((l) => ctx.t('report.overview.recFail', { layer: ctx.layerName(l.layer) })),
    ...(warnings ?? []).map((w) => `! ${formatPath(w.path)}: ${ctx.t(w.code, w.params)}`),
  ];
  if (findings.length === 0) ch.paragraph(ctx.t('report.overview.noFindings'));
  ch.list(findings, { tone: 'warning' });

  ch.heading(ctx.t('report.overview.missingTitle'));
  if (missing.length === 0) ch.paragraph(ctx.t('report.overview.nothingMissing'));
  else
    ch.list(
      missing.map((m) => ctx.t('report.overview.missingItem', { chapter: m.chapter, text: m.text })),
      { tone: 'warning' },
    );
  return ch.done();
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** "2026-03-02T08:00:00+08:00" → "2026-03-02 08:00 +08:00" (the zone kept: readers compare campaigns). */
export function when(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso);
  if (!m) return iso;
  return `${m[1]} ${m[2]}${m[3] ? ` ${m[3] === 'Z' ? 'UTC' : m[3]}` : ''}`;
}

/** The metering rule sets and editions the verdict applied, and the standard-coal basis. */
function rulesText(ctx: ReportContext): string {
  const rules = ctx.results.metering?.rules;
  const parts = rules
    ? [
        cite({ ...rules.energy.source, clause: '' }),
        cite({ ...rules.water.source, clause: '' }),
        cite({ ...rules.material.source, clause: '' }),
      ]
    : Object.entries(DEFAULT_EDITIONS).map(([family, edition]) => `${family}-${edition}`);
  parts.push(cite({ ...gb2589, clause: '' }), cite({ ...waterIndicators[0]!.source, clause: '' }));
  return parts.join(ctx.t('report.sep'));
}
