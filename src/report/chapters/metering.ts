import type { Chapter } from '../document.ts';
import type { Cell } from '../document.ts';
import type { ReportContext } from '../context.ts';
import type { CoverageRow } from '../../metering/coverage.ts';
import { formatPath } from '../../model/issues.ts';
import { displayName } from '../../i18n/index.ts';

/**
 * Chapter 2 — metering: coverage R = n/N per rule-table row and level (GB 17167, GB 24789,
 * Yunnan Annex 2), the metered-water rate Km, every meter's class and verification, the
 * campaign's validity, and the Yunnan depth verdict with its reasons and the next grade's list.
 */
export function meteringChapter(ctx: ReportContext): Chapter {
  const ch = ctx.chapter(2, 'metering');
  const { metering, coverage, depth, meteringIssues } = ctx.results;
  const failed = ctx.results.failures.find((f) => f.part === 'metering');
  if (!metering || !coverage) {
    if (meteringIssues.length > 0) {
      ch.lack(ctx.t('report.metering.issues'));
      const file = ctx.results.input.file ?? '';
      ch.list(
        meteringIssues.map((i) => `${file}${file ? ': ' : ''}${formatPath(i.path)}: ${ctx.t(i.code, i.params)}`),
        { tone: 'warning' },
      );
    } else ch.lack(ctx.t('report.cannot', { what: ch.title, reason: failed?.message ?? '—' }));
    return ch.done();
  }
  if ((ctx.results.input.model.meters ?? []).length === 0) ch.lack(ctx.t('report.metering.noMeters'));

  const tableName = (r: CoverageRow) => ctx.t(`report.metering.table.${r.family}`, { table: r.table });
  const counted = coverage.filter((r) => r.kind === 'count' && r.N > 0);
  ch.heading(ctx.t('report.metering.coverageTitle'));
  if (counted.length === 0) ch.lack(ctx.t('report.metering.noPoints'));
  else {
    ch.table(
      ctx.t('report.metering.coverageCaption'),
      [
        { header: ctx.t('report.col.ruleTable'), type: 'text' },
        { header: ctx.t('report.col.row'), type: 'text' },
        { header: ctx.t('report.col.level'), type: 'integer' },
        { header: ctx.t('report.col.n'), type: 'integer' },
        { header: ctx.t('report.col.N'), type: 'integer' },
        { header: ctx.t('report.col.ratio'), unit: '%', type: 'number', decimals: 1 },
        { header: ctx.t('report.col.required'), unit: '%', type: 'number', decimals: 0 },
        { header: ctx.t('report.col.result'), type: 'text' },
        { header: ctx.t('report.col.missingMeters'), type: 'text' },
      ],
      counted.map((r) => [
        tableName(r),
        r.label[ctx.lang],
        r.level,
        r.n,
        r.N,
        r.ratio,
        r.required,
        r.required === null ? ctx.t('report.noRequirement') : ctx.t(r.pass ? 'report.pass' : 'report.fail'),
        r.missing.map((f) => ctx.flowLabel(f)).join('; '),
      ]),
      { notes: [ctx.t('report.metering.coverageNote')] },
    );
  }
  const volume = coverage.filter((r) => r.kind === 'volume' && (r.N > 0 || (r.volumeUnknown ?? []).length > 0));
  if (volume.length > 0) {
    const unit = volume[0]!.unit ?? 't';
    ch.table(
      ctx.t('report.metering.kmCaption'),
      [
        { header: ctx.t('report.col.level'), type: 'integer' },
        { header: ctx.t('report.col.meteredVolume'), unit, type: 'number' },
        { header: ctx.t('report.col.totalVolume'), unit, type: 'number' },
        { header: ctx.t('report.col.km'), unit: '%', type: 'number', decimals: 1 },
        { header: ctx.t('report.col.required'), unit: '%', type: 'number', decimals: 0 },
        { header: ctx.t('report.col.result'), type: 'text' },
        { header: ctx.t('report.col.unknownVolume'), type: 'text' },
      ],
      volume.map((r) => [
        r.level,
        r.n,
        r.N,
        r.ratio,
        r.required,
        r.required === null ? ctx.t('report.noRequirement') : ctx.t(r.pass ? 'report.pass' : 'report.fail'),
        (r.volumeUnknown ?? []).map((f) => ctx.flowLabel(f)).join('; '),
      ]),
    );
  }

  meters(ctx, ch);
  campaign(ctx, ch);

  ch.heading(ctx.t('report.metering.depthTitle'));
  if (!depth) {
    const f = ctx.results.failures.find((x) => x.part === 'depth');
    ch.lack(ctx.t('report.cannot', { what: ctx.t('report.metering.depthTitle'), reason: f?.message ?? '—' }));
    return ch.done();
  }
  ch.paragraph(
    ctx.t('report.metering.verdict', {
      depth: depth.label[ctx.lang],
      A: ctx.yesNo(depth.acceptance.A),
      B: ctx.yesNo(depth.acceptance.B),
      C: ctx.yesNo(depth.acceptance.C),
    }),
    'verdict',
  );
  ch.paragraph(ctx.t('report.metering.reasons'));
  ch.list(depth.reasons.map((r) => `${r.ok ? '✓' : '✗'} ${r[ctx.lang]}`));
  if (depth.nextDepth === null) ch.paragraph(ctx.t('report.metering.top'));
  else {
    const next = ctx.t(`report.depth.${depth.nextDepth}`);
    ch.paragraph(ctx.t('report.metering.next', { depth: next }));
    ch.list(
      depth.next.map((n) => n[ctx.lang]),
      { ordered: true },
    );
    if (!depth.nextReaches) ch.paragraph(ctx.t('report.metering.nextUnreachable'), 'note');
  }
  return ch.done();
}

/** One row per meter: what it meters, its class against the required class, verification, whether it counts. */
function meters(ctx: ReportContext, ch: ReturnType<ReportContext['chapter']>): void {
  const { metering } = ctx.results;
  const model = ctx.results.input.model;
  if (!metering || (model.meters ?? []).length === 0) return;
  const checksOf = new Map<string, typeof metering.checks>();
  for (const c of metering.checks) checksOf.set(c.meter, [...(checksOf.get(c.meter) ?? []), c]);
  const rows: Cell[][] = (model.meters ?? []).map((m) => {
    const checks = checksOf.get(m.id) ?? [];
    const required = [...new Set(checks.map((c) => c.requiredClass).filter((c) => c !== undefined))];
    const findings = [...new Set(checks.flatMap((c) => c.findings.map((f) => ctx.t(f.code, f.params))))];
    const counts = checks.length === 0 ? '—' : ctx.yesNo(checks.some((c) => c.counts && c.quantity));
    return [
      m.name ? `${displayName(m, ctx.lang)} [${m.id}]` : m.id,
      m.flows.map((f) => ctx.flowLabel(f)).join('; '),
      m.accuracyClass ?? '—',
      required.length > 0 ? required.join(' / ') : '—',
      m.verifiedUntil ?? '—',
      ctx.t(`report.meterStatus.${m.status}`),
      counts,
      findings.join('; '),
    ];
  });
  ch.heading(ctx.t('report.metering.metersTitle'));
  ch.table(
    ctx.t('report.metering.metersCaption'),
    [
      { header: ctx.t('report.col.meter'), type: 'text' },
      { header: ctx.t('report.col.flows'), type: 'text' },
      { header: ctx.t('report.col.class'), type: 'text' },
      { header: ctx.t('report.col.requiredClass'), type: 'text' },
      { header: ctx.t('report.col.verifiedUntil'), type: 'text' },
      { header: ctx.t('report.col.meterStatus'), type: 'text' },
      { header: ctx.t('report.col.counts'), type: 'text' },
      { header: ctx.t('report.col.findings'), type: 'text' },
    ],
    rows,
    { notes: [ctx.t('report.metering.metersNote')] },
  );
}

/** The campaign against the Yunnan conditions: ≥ 72 h, normal production, who performed it. */
function campaign(ctx: ReportContext, ch: ReturnType<ReportContext['chapter']>): void {
  const c = ctx.results.depth?.campaign;
  ch.heading(ctx.t('report.metering.campaignTitle'));
  if (!c) return;
  if (!c.present) ch.lack(ctx.t('report.metering.noCampaign'));
  const hoursSource = ctx.t(`report.hoursSource.${c.hoursSource}`);
  ch.table(
    ctx.t('report.metering.campaignCaption'),
    [
      { header: ctx.t('report.col.item'), type: 'text' },
      { header: ctx.t('report.col.requirement'), type: 'text' },
      { header: ctx.t('report.col.actual'), type: 'text' },
      { header: ctx.t('report.col.result'), type: 'text' },
    ],
    [
      [
        ctx.t('report.campaign.duration'),
        ctx.t('report.campaign.durationReq', { hours: c.minHours }),
        c.hours === undefined ? '—' : ctx.t('report.campaign.hours', { hours: c.hours, source: hoursSource }),
        ctx.t(c.durationOk ? 'report.pass' : 'report.fail'),
      ],
      [
        ctx.t('report.campaign.normal'),
        ctx.t('report.campaign.normalReq'),
        ctx.yesNo(c.normalProduction),
        ctx.t(c.normalProduction ? 'report.pass' : 'report.fail'),
      ],
      [
        ctx.t('report.campaign.team'),
        ctx.t('report.campaign.teamReq'),
        ctx.t(`report.performedBy.${c.performedBy}`),
        ctx.t(`report.performedByResult.${c.performedBy}`),
      ],
    ],
  );
}
