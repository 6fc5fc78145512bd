import { t, type Lang } from '../i18n/index.ts';
import type { CarbonReport, CompareResult, Indicator, PerUnitSaving, TotalSaving } from '../results/index.ts';
import { fmt, pct, renderTable } from './table.ts';

/** Terminal tables of `compare` and `carbon` (the JSON is the results' plain data). */

const L = (label: { zh: string; en: string }, lang: Lang) => label[lang];
const signedPct = (x: number | null) => (x === null ? '—' : `${x > 0 ? '+' : ''}${(x * 100).toFixed(2)} %`);
const verdict = (pass: boolean | null, lang: Lang) =>
  pass === null ? t(lang, 'results.notJudged') : pass ? `✓ ${t(lang, 'status.pass')}` : `✗ ${t(lang, 'status.fail')}`;

export function renderCompare(r: CompareResult, lang: Lang): string {
  const out: string[] = [];
  const period = (p: CompareResult['before']) =>
    (lang === 'en' ? (p.period.labelEn ?? p.period.label) : p.period.label) ?? p.file;
  out.push(
    t(lang, 'results.title', {
      name: lang === 'en' ? (r.after.nameEn ?? r.after.name) : r.after.name,
      before: period(r.before),
      after: period(r.after),
    }),
  );
  out.push(
    t(lang, 'results.basis', {
      basis: t(lang, `results.basis.${r.comparison.basis}`),
      periods: t(lang, `results.periods.${r.comparison.periods}`),
    }),
  );
  out.push(
    t(lang, 'results.rules', {
      document: L(r.acceptance.document, lang),
      level: t(lang, `results.level.${r.acceptance.level}`),
    }),
  );

  out.push('', t(lang, 'results.savingsTitle'));
  out.push(savingsTable(r, lang));

  const shown = r.indicators.filter((i) => i.measure !== 'total' || i.rule !== null);
  out.push('', t(lang, 'results.indicatorsTitle'));
  out.push(indicatorTable(shown, lang));

  out.push('', t(lang, 'results.acceptanceTitle', { pass: verdict(r.acceptance.pass, lang) }));
  const ruleRows = r.acceptance.rules.map((v) => [
    L(v.label, lang),
    `${(v.threshold * 100).toFixed(0)} %`,
    String(v.indicators.length),
    verdict(v.pass, lang),
    `${v.lines[0]}–${v.lines[1]}`,
  ]);
  for (const v of r.acceptance.proposalRules)
    ruleRows.push([
      L(v.label, lang),
      v.required,
      `${v.implemented}/${v.proposed}`,
      verdict(v.pass, lang),
      `${v.lines[0]}`,
    ]);
  for (const u of r.acceptance.unjudged)
    ruleRows.push([
      L(u.label, lang),
      '—',
      '—',
      `${t(lang, 'results.notJudged')}: ${L(u.reason, lang)}`,
      `${u.lines[0]}`,
    ]);
  out.push(
    renderTable(
      ['rule', 'required', 'indicators', 'verdict', 'lines'].map((c) => t(lang, `results.col.${c}`)),
      ruleRows,
      ['left', 'right', 'right', 'left', 'right'],
    ),
  );

  out.push('', t(lang, 'results.table2Title'));
  out.push(
    renderTable(
      ['no', 'before', 'value', 'after', 'value', 'unit'].map((c) => t(lang, `results.col.${c}`)),
      r.table2.map((l) => [
        l.no,
        L(l.label.before, lang),
        cell(l.before),
        L(l.label.after, lang),
        cell(l.after),
        l.unit + (l.note ? `  (${L(l.note, lang)})` : ''),
      ]),
      ['left', 'left', 'right', 'left', 'right', 'left'],
    ),
  );

  if (r.proposals.items.length > 0) {
    out.push('', t(lang, 'results.proposalsTitle', { limit: r.proposals.lowCostLimit ?? '—' }));
    out.push(proposalTable(r, lang));
  }
  out.push('', t(lang, 'results.factorsTitle'));
  for (const f of r.factors) out.push(`  ${factorLine(f, lang)}`);
  if (r.warnings.length > 0) {
    out.push('', t(lang, 'results.warningsTitle'));
    for (const w of r.warnings) out.push(`! ${w.message[lang]}`);
  }
  return out.join('\n');
}

const cell = (v: number | string | null) =>
  v === null ? '—' : typeof v === 'string' ? v : Number.isInteger(v) && Math.abs(v) < 1e6 ? String(v) : fmt(v);

function savingsTable(r: CompareResult, lang: Lang): string {
  const rows: string[][] = [];
  const perUnitRow = (label: string, unit: string, total: TotalSaving, pu: PerUnitSaving | null) =>
    rows.push([
      label,
      unit,
      fmt(total.before.period),
      fmt(total.after.period),
      fmt(pu ? pu.saved : total.saved),
      fmt(pu ? pu.perYear : total.savedPerYear),
      pu ? pct(pu.rate) : pct(total.rate === null ? null : -total.rate),
      t(lang, pu ? 'results.by.perUnit' : 'results.by.total'),
    ]);
  const e = r.savings.energy;
  perUnitRow(t(lang, 'results.row.energy'), 'tce', e.total, e.perUnit);
  perUnitRow(t(lang, 'results.row.energyEqual'), 'tce', e.totalEqual, e.perUnitEqual);
  for (const [, c] of Object.entries(e.carriers)) perUnitRow(`  ${L(c.label, lang)}`, c.total.unit, c.total, c.perUnit);
  const w = r.savings.water;
  perUnitRow(t(lang, 'results.row.newWater'), 't', w.newWater, w.perUnit);
  for (const [, m] of Object.entries(r.savings.materials))
    perUnitRow(`${L(m.label, lang)}${m.main ? ' *' : ''}`, 't', m.total, m.perUnit);
  for (const [, p] of Object.entries(r.savings.pollutants)) {
    perUnitRow(t(lang, 'results.row.generation', { name: L(p.label, lang) }), 't', p.generation.total, null);
    if (p.discharge)
      perUnitRow(t(lang, 'results.row.discharge', { name: L(p.label, lang) }), 't', p.discharge.total, null);
  }
  perUnitRow(t(lang, 'results.row.co2'), 't', r.savings.co2.total, null);
  return renderTable(
    ['item', 'unit', 'beforeTotal', 'afterTotal', 'saved', 'savedPerYear', 'savingRate', 'by'].map((c) =>
      t(lang, `results.col.${c}`),
    ),
    rows,
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'left'],
  );
}

function indicatorTable(list: Indicator[], lang: Lang): string {
  return renderTable(
    ['indicator', 'product', 'unit', 'before', 'after', 'rate', 'threshold', 'verdict'].map((c) =>
      t(lang, `results.col.${c}`),
    ),
    list.map((i) => [
      i.measure === 'rate'
        ? L(i.label, lang)
        : `${L(i.label, lang)}${i.measure === 'total' ? t(lang, 'results.totalSuffix') : ''}`,
      i.product ?? '—',
      i.unit,
      i.measure === 'rate' ? `${pct(i.before, 1)} %` : fmt(i.before),
      i.measure === 'rate' ? `${pct(i.after, 1)} %` : fmt(i.after),
      signedPct(i.rate),
      i.threshold === null ? '' : signedPct(i.threshold),
      i.rule === null ? '' : verdict(i.pass, lang),
    ]),
    ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'left'],
  );
}

function proposalTable(r: CompareResult, lang: Lang): string {
  const rows = r.proposals.items.map((p) => [
    p.id,
    lang === 'en' ? (p.nameEn ?? p.name) : p.name,
    p.category === null ? '—' : t(lang, `results.category.${p.category}`),
    p.implemented ? '✓' : '',
    fmt(p.investment),
    fmt(p.annualBenefit),
    fmt(p.payback),
    fmt(p.npv),
    p.irr === null ? '—' : `${(p.irr * 100).toFixed(2)} %`,
  ]);
  for (const key of ['no-low', 'medium-high', 'all'] as const) {
    const s = r.proposals.totals[key];
    if (s.proposed === 0) continue;
    rows.push([
      '',
      t(lang, `results.total.${key}`, { proposed: s.proposed, implemented: s.implemented }),
      '',
      '',
      fmt(s.investment),
      fmt(s.benefit),
      '',
      '',
      '',
    ]);
  }
  return renderTable(
    ['id', 'proposal', 'category', 'implemented', 'investment', 'benefit', 'payback', 'npv', 'irr'].map((c) =>
      t(lang, `results.col.${c}`),
    ),
    rows,
    ['left', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'right'],
  );
}

function factorLine(f: CompareResult['factors'][number], lang: Lang): string {
  const region = f.regionLabel ? ` ${L(f.regionLabel, lang)}` : '';
  return `${L(f.label, lang)}: ${f.value} ${f.unit} — ${f.series} ${f.year}${region} [${f.tag}] ${f.source}${f.note ? ` (${f.note})` : ''}`;
}

export function renderCarbon(r: CarbonReport, lang: Lang): string {
  const out: string[] = [t(lang, 'results.carbonTitle', { name: r.name })];
  if (r.defaulted.length > 0) out.push(t(lang, 'results.gridDefaulted', { fields: r.defaulted.join(', ') }));
  if (r.period.annualFactorFrom === 'default-annual-hours') out.push(t(lang, 'results.defaultYear'));
  const rows = r.sources.map((s) => [
    s.flow,
    lang === 'en' ? (s.nameEn ?? s.name ?? '') : (s.name ?? ''),
    s.carrier,
    t(lang, `results.direction.${s.direction}`),
    `${fmt(s.activity.value)} ${s.activity.unit}`,
    s.factor,
    fmt(s.t),
  ]);
  out.push(
    renderTable(
      ['flow', 'name', 'carrier', 'direction', 'activity', 'factor', 'co2'].map((c) => t(lang, `results.col.${c}`)),
      rows,
      ['left', 'left', 'left', 'left', 'right', 'left', 'right'],
    ),
  );
  out.push(
    t(lang, 'results.carbonTotal', {
      total: fmt(r.total.t),
      direct: fmt(r.direct.t),
      indirect: fmt(r.indirect.t),
      perYear: fmt(r.perYear.t),
    }),
  );
  if (r.unknown.length > 0) out.push(`✗ ${t(lang, 'results.carbonUnknown', { flows: r.unknown.join(', ') })}`);
  for (const x of r.excluded) out.push(`  ${x.flow} (${x.carrier}): ${t(lang, x.reason)}`);
  out.push('', t(lang, 'results.factorsTitle'));
  for (const f of r.factors) out.push(`  ${factorLine(f, lang)}`);
  return out.join('\n');
}
