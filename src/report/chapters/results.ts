import { formatPath } from '../../model/issues.ts';
import type { CompareResult, PerUnitSaving, TotalSaving } from '../../results/index.ts';
import { hasCarbon, hasEnergy, shownIndicators } from '../../results/tables.ts';
import type { ChapterBuilder, ReportContext } from '../context.ts';
import type { Cell, Chapter } from '../document.ts';

/**
 * Chapter 8 — audit results, with `--compare BEFORE` (src/results/, docs/results.md): the
 * implementation table in the form of the Anhui 表2, the savings and reductions, the indicators
 * against the acceptance rule set, the CO2 before and after, the proposals' economics and every
 * factor used. Without a base-period model the chapter says how to get it; a pair that cannot be
 * compared lists why, file and line.
 */
export function resultsChapter(ctx: ReportContext): Chapter {
  const ch = ctx.chapter(8, 'results');
  const { compare, compareIssues, input } = ctx.results;
  if (!input.before) {
    ch.paragraph(ctx.t('report.results.noCompare'), 'note');
    return ch.done();
  }
  if (!compare) {
    const failed = ctx.results.failures.find((f) => f.part === 'compare');
    ch.lack(ctx.t('report.results.cannot', { before: input.before.file }));
    ch.list(
      [
        ...compareIssues.flatMap((e) =>
          e.issues.map(
            (i) =>
              `${i.line !== undefined ? `${e.file}:${i.line}` : e.file}: ${i.path.length ? `${formatPath(i.path)}: ` : ''}${ctx.t(i.code, i.params)}`,
          ),
        ),
        ...(failed ? [failed.message] : []),
      ],
      { tone: 'warning' },
    );
    return ch.done();
  }
  const r = compare;
  const label = (l: { zh: string; en: string }) => l[ctx.lang];
  const period = (s: CompareResult['before']) =>
    (ctx.lang === 'en' ? (s.period.labelEn ?? s.period.label) : s.period.label) ?? s.file;
  ch.paragraph(
    ctx.t('report.results.intro', {
      before: period(r.before),
      after: period(r.after),
      basis: ctx.t(`results.basis.${r.comparison.basis}`),
      periods: ctx.t(`results.periods.${r.comparison.periods}`),
      document: label(r.acceptance.document),
      level: ctx.t(`results.level.${r.acceptance.level}`),
    }),
  );
  ch.paragraph(
    ctx.t('report.results.verdict', {
      pass:
        r.acceptance.pass === null
          ? ctx.t('results.notJudged')
          : ctx.t(r.acceptance.pass ? 'report.pass' : 'report.fail'),
    }),
    'verdict',
  );
  table2(ctx, ch, r);
  savings(ctx, ch, r);
  indicators(ctx, ch, r);
  carbon(ctx, ch, r);
  proposals(ctx, ch, r);
  factors(ctx, ch, r);
  ch.list(
    r.warnings.map((w) => w.message[ctx.lang]),
    { tone: 'warning' },
  );
  return ch.done();
}

function table2(ctx: ReportContext, ch: ChapterBuilder, r: CompareResult): void {
  const L = (l: { zh: string; en: string }) => l[ctx.lang];
  ch.table(
    ctx.t('report.results.table2Caption'),
    [
      { header: ctx.t('results.col.no'), type: 'text' },
      { header: ctx.t('report.results.beforeItem'), type: 'text' },
      { header: ctx.t('results.col.before'), type: 'exact', significant: 4 },
      { header: ctx.t('report.results.afterItem'), type: 'text' },
      { header: ctx.t('results.col.after'), type: 'exact', significant: 4 },
      { header: ctx.t('report.col.measureUnit'), type: 'text' },
      { header: ctx.t('report.col.note'), type: 'text' },
    ],
    r.table2.map((l) => [
      l.no,
      L(l.label.before),
      l.before,
      L(l.label.after),
      l.after,
      l.unit,
      l.note ? L(l.note) : '',
    ]),
    { notes: [ctx.t('report.results.table2Note')] },
  );
}

function savings(ctx: ReportContext, ch: ChapterBuilder, r: CompareResult): void {
  const rows: Cell[][] = [];
  const row = (item: string, unit: string, total: TotalSaving, pu: PerUnitSaving | null) =>
    rows.push([
      item,
      unit,
      total.before.period,
      total.after.period,
      pu ? pu.saved : total.saved,
      pu ? pu.perYear : total.savedPerYear,
      pu ? (pu.rate === null ? null : pu.rate * 100) : total.rate === null ? null : -total.rate * 100,
      ctx.t(pu ? 'results.by.perUnit' : 'results.by.total'),
    ]);
  const e = r.savings.energy;
  const notes = [ctx.t('report.results.savingsNote')];
  if (hasEnergy(r)) {
    row(ctx.t('results.row.energy'), 'tce', e.total, e.perUnit);
    row(ctx.t('results.row.energyEqual'), 'tce', e.totalEqual, e.perUnitEqual);
  } else notes.push(ctx.t('results.noEnergy'));
  for (const [key, c] of Object.entries(e.carriers))
    row(ctx.carrierName(key.split('|')[0]!), c.total.unit, c.total, c.perUnit);
  row(ctx.t('results.row.newWater'), 't', r.savings.water.newWater, r.savings.water.perUnit);
  for (const [key, m] of Object.entries(r.savings.materials))
    row(`${ctx.carrierName(key)}${m.main ? ' *' : ''}`, 't', m.total, m.perUnit);
  for (const [, p] of Object.entries(r.savings.pollutants)) {
    row(ctx.t('results.row.generation', { name: p.label[ctx.lang] }), 't', p.generation.total, null);
    if (p.discharge) row(ctx.t('results.row.discharge', { name: p.label[ctx.lang] }), 't', p.discharge.total, null);
  }
  if (hasCarbon(r)) row(ctx.t('results.row.co2'), 't', r.savings.co2.total, null);
  ch.table(
    ctx.t('report.results.savingsCaption'),
    [
      { header: ctx.t('results.col.item'), type: 'text' },
      { header: ctx.t('report.col.measureUnit'), type: 'text' },
      { header: ctx.t('results.col.beforeTotal'), type: 'exact', significant: 4 },
      { header: ctx.t('results.col.afterTotal'), type: 'exact', significant: 4 },
      { header: ctx.t('results.col.saved'), type: 'exact', significant: 4 },
      { header: ctx.t('results.col.savedPerYear'), type: 'exact', significant: 4 },
      { header: ctx.t('report.results.rate'), unit: '%', type: 'number', decimals: 2 },
      { header: ctx.t('results.col.by'), type: 'text' },
    ],
    rows,
    { notes },
  );
}

function indicators(ctx: ReportContext, ch: ChapterBuilder, r: CompareResult): void {
  const shown = shownIndicators(r);
  const byId = new Map(r.indicators.map((i) => [i.id, i]));
  const ruleRows: Cell[][] = r.acceptance.rules.map((v) => [
    v.label[ctx.lang],
    v.threshold * 100,
    v.indicators.map((id) => byId.get(id)?.label[ctx.lang] ?? id).join('; '),
    v.pass === null ? ctx.t('results.notJudged') : ctx.t(v.pass ? 'report.pass' : 'report.fail'),
    `${v.lines[0]}–${v.lines[1]}`,
  ]);
  for (const v of r.acceptance.proposalRules)
    ruleRows.push([
      v.label[ctx.lang],
      null,
      `${v.required} (${v.implemented}/${v.proposed})`,
      v.pass === null ? ctx.t('results.notJudged') : ctx.t(v.pass ? 'report.pass' : 'report.fail'),
      `${v.lines[0]}`,
    ]);
  for (const u of r.acceptance.unjudged)
    ruleRows.push([
      u.label[ctx.lang],
      null,
      '',
      `${ctx.t('results.notJudged')}: ${u.reason[ctx.lang]}`,
      `${u.lines[0]}`,
    ]);
  ch.table(
    ctx.t('report.results.acceptanceCaption', { document: r.acceptance.document[ctx.lang] }),
    [
      { header: ctx.t('results.col.rule'), type: 'text' },
      { header: ctx.t('report.results.threshold'), unit: '%', type: 'number', decimals: 0 },
      { header: ctx.t('results.col.indicators'), type: 'text' },
      { header: ctx.t('results.col.verdict'), type: 'text' },
      { header: ctx.t('results.col.lines'), type: 'text' },
    ],
    ruleRows,
  );
  ch.table(
    ctx.t('report.results.indicatorsCaption'),
    [
      { header: ctx.t('results.col.indicator'), type: 'text' },
      { header: ctx.t('results.col.product'), type: 'text' },
      { header: ctx.t('report.col.measureUnit'), type: 'text' },
      { header: ctx.t('results.col.before'), type: 'exact', significant: 4 },
      { header: ctx.t('results.col.after'), type: 'exact', significant: 4 },
      { header: ctx.t('report.results.rate'), unit: '%', type: 'number', decimals: 2 },
      { header: ctx.t('report.results.threshold'), unit: '%', type: 'number', decimals: 0 },
      { header: ctx.t('results.col.verdict'), type: 'text' },
    ],
    shown.map((i) => {
      const product = r.after.production.find((p) => p.id === i.product);
      return [
        i.group === 'material' && i.key ? ctx.carrierName(i.key) : i.label[ctx.lang],
        product ? (ctx.lang === 'en' && product.nameEn) || product.name : (i.product ?? ''),
        i.measure === 'rate' ? '%' : i.unit,
        i.measure === 'rate' && i.before !== null ? i.before * 100 : i.before,
        i.measure === 'rate' && i.after !== null ? i.after * 100 : i.after,
        i.rate === null ? null : i.rate * 100,
        i.threshold === null ? null : i.threshold * 100,
        i.rule === null
          ? ''
          : i.pass === null
            ? ctx.t('results.notJudged')
            : ctx.t(i.pass ? 'report.pass' : 'report.fail'),
      ];
    }),
    { notes: [ctx.t('report.results.indicatorsNote')] },
  );
}

function carbon(ctx: ReportContext, ch: ChapterBuilder, r: CompareResult): void {
  const ids = [...new Set([...r.carbon.before.sources, ...r.carbon.after.sources].map((s) => s.flow))];
  if (ids.length === 0) return;
  const rows: Cell[][] = ids.map((id) => {
    const b = r.carbon.before.sources.filter((s) => s.flow === id);
    const a = r.carbon.after.sources.filter((s) => s.flow === id);
    const any = (a[0] ?? b[0])!;
    const sum = (list: typeof b) => (list.length === 0 ? null : list.reduce((x, s) => x + s.t, 0));
    const factor = r.factors.find((f) => f.id === any.factor);
    return [
      ctx.flowLabel(id),
      ctx.carrierName(any.carrier),
      factor ? factor.label[ctx.lang] : any.factor,
      sum(b),
      sum(a),
    ];
  });
  const totalRows = [rows.length];
  rows.push([ctx.t('report.results.co2Total'), '', '', r.carbon.before.total.t, r.carbon.after.total.t]);
  ch.table(
    ctx.t('report.results.carbonCaption'),
    [
      { header: ctx.t('report.col.flow'), type: 'text' },
      { header: ctx.t('report.col.carrier'), type: 'text' },
      { header: ctx.t('results.col.factor'), type: 'text' },
      { header: ctx.t('results.col.before'), unit: 't CO2', type: 'number' },
      { header: ctx.t('results.col.after'), unit: 't CO2', type: 'number' },
    ],
    rows,
    { totalRows },
  );
}

function proposals(ctx: ReportContext, ch: ChapterBuilder, r: CompareResult): void {
  const items = r.proposals.items;
  if (items.length === 0) {
    ch.paragraph(ctx.t('report.results.noProposals'), 'note');
    return;
  }
  const rows: Cell[][] = items.map((p) => [
    p.id,
    (ctx.lang === 'en' && p.nameEn) || p.name,
    p.category === null ? '—' : ctx.t(`results.category.${p.category}`),
    ctx.yesNo(p.implemented),
    p.investment,
    p.annualBenefit,
    p.lifetime,
    p.payback,
    p.npv,
    p.irr === null ? null : p.irr * 100,
  ]);
  const totalRows: number[] = [];
  for (const key of ['no-low', 'medium-high', 'all'] as const) {
    const s = r.proposals.totals[key];
    if (s.proposed === 0) continue;
    totalRows.push(rows.length);
    rows.push([
      '',
      ctx.t(`results.total.${key}`, { proposed: s.proposed, implemented: s.implemented }),
      '',
      '',
      s.investment,
      s.benefit,
      null,
      null,
      null,
      null,
    ]);
  }
  ch.table(
    ctx.t('report.results.proposalsCaption'),
    [
      { header: ctx.t('results.col.id'), type: 'text' },
      { header: ctx.t('results.col.proposal'), type: 'text' },
      { header: ctx.t('results.col.category'), type: 'text' },
      { header: ctx.t('results.col.implemented'), type: 'text' },
      { header: ctx.t('report.results.investment'), unit: '万元', type: 'number', decimals: 2 },
      { header: ctx.t('report.results.benefit'), unit: '万元/a', type: 'number', decimals: 2 },
      { header: ctx.t('report.results.lifetime'), unit: 'a', type: 'exact' },
      { header: ctx.t('report.results.payback'), unit: 'a', type: 'number', decimals: 2 },
      { header: ctx.t('report.results.npv'), unit: '万元', type: 'number', decimals: 2 },
      { header: ctx.t('report.results.irr'), unit: '%', type: 'number', decimals: 2 },
    ],
    rows,
    { totalRows, notes: [ctx.t('report.results.proposalsNote', { limit: r.proposals.lowCostLimit ?? '—' })] },
  );
}

function factors(ctx: ReportContext, ch: ChapterBuilder, r: CompareResult): void {
  if (r.factors.length === 0) return;
  ch.table(
    ctx.t('report.results.factorsCaption'),
    [
      { header: ctx.t('report.col.item'), type: 'text' },
      { header: ctx.t('report.col.value'), type: 'exact' },
      { header: ctx.t('report.col.measureUnit'), type: 'text' },
      { header: ctx.t('report.results.series'), type: 'text' },
      { header: ctx.t('report.results.year'), type: 'text' },
      { header: ctx.t('report.results.region'), type: 'text' },
      { header: ctx.t('report.col.source'), type: 'text' },
    ],
    r.factors.map((f) => [
      f.label[ctx.lang],
      f.value,
      f.unit,
      f.series,
      String(f.year),
      f.regionLabel ? f.regionLabel[ctx.lang] : (f.region ?? ''),
      `${f.source}${f.announcement ? `; ${f.announcement[ctx.lang]}` : ''} [${f.tag === 'model' ? ctx.t('report.appendix.fromModel') : f.tag}]`,
    ]),
  );
}
