import { carrierName, t, type Lang } from '../i18n/index.ts';
import type { CarbonReport } from './types.ts';
import type { FactorRecord } from './factors.ts';
import type { CompareResult, PerUnitSaving, TotalSaving } from './types.ts';
import { percent } from '../util/percent.ts';

/**
 * Compare and carbon results as report-ready tables, one set for the CLI, the web panel and the
 * report: cells are raw numbers (percentages × 100) or text, null where unknown; formatting is
 * the renderer's. Labels follow the language.
 */
export interface ResultColumn {
  key: string;
  label: string;
  numeric: boolean;
  /** Show the number as it is (a factor's value), not rounded for reading. */
  exact?: boolean;
}

export interface ResultRow {
  cells: (string | number | null)[];
  /** A totals row. */
  total?: boolean;
  /** A verdict, for a badge. */
  status?: 'pass' | 'fail';
}

export interface ResultTable {
  id: string;
  title: string;
  notes: string[];
  columns: ResultColumn[];
  rows: ResultRow[];
}

const L = (label: { zh: string; en: string }, lang: Lang) => label[lang];
const status = (pass: boolean | null): ResultRow['status'] => (pass === null ? undefined : pass ? 'pass' : 'fail');
const verdict = (pass: boolean | null, lang: Lang) =>
  pass === null ? t(lang, 'results.notJudged') : pass ? t(lang, 'status.pass') : t(lang, 'status.fail');

function columns(lang: Lang, keys: string[], text: string[] = []): ResultColumn[] {
  return keys.map((key) => ({ key, label: t(lang, `results.col.${key}`), numeric: !text.includes(key) }));
}

/**
 * The lines that head a comparison: plant and periods, basis, rule set.
 *
 * @example
 * const before = { model: parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model, file: 'dyeing.json' };
 * const after = { model: parseModel(readFileSync('datasets/dyeing-after.json'), 'dyeing-after.json').model, file: 'dyeing-after.json' };
 * compareHeadline(compareModels(before, after), 'en')[1] // => 'basis: per unit product (GB/T 13234-2018 product saving); periods of equal length'
 */
export function compareHeadline(r: CompareResult, lang: Lang): string[] {
  const period = (p: CompareResult['before']) =>
    (lang === 'en' ? (p.period.labelEn ?? p.period.label) : p.period.label) ?? p.file;
  return [
    t(lang, 'results.title', {
      name: lang === 'en' ? (r.after.nameEn ?? r.after.name) : r.after.name,
      before: period(r.before),
      after: period(r.after),
    }),
    t(lang, 'results.basis', {
      basis: t(lang, `results.basis.${r.comparison.basis}`),
      periods: t(lang, `results.periods.${r.comparison.periods}`),
    }),
    t(lang, 'results.rules', {
      document: L(r.acceptance.document, lang),
      level: t(lang, `results.level.${r.acceptance.level}`),
    }),
  ];
}

/**
 * Savings, indicators, acceptance, the Anhui 表2, proposals and factors of a comparison.
 *
 * @example
 * const before = { model: parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model, file: 'dyeing.json' };
 * const after = { model: parseModel(readFileSync('datasets/dyeing-after.json'), 'dyeing-after.json').model, file: 'dyeing-after.json' };
 * compareTables(compareModels(before, after), 'zh').map((x) => x.id)
 * // => ['results-savings', 'results-indicators', 'results-acceptance', 'results-table2', 'results-proposals', 'results-factors']
 */
export function compareTables(r: CompareResult, lang: Lang): ResultTable[] {
  const tables: ResultTable[] = [
    savingsTable(r, lang),
    indicatorTable(r, lang),
    acceptanceTable(r, lang),
    table2(r, lang),
  ];
  if (r.proposals.items.length > 0) tables.push(proposalTable(r, lang));
  tables.push(
    factorTable(
      r.factors,
      lang,
      r.warnings.map((w) => w.message[lang]),
    ),
  );
  return tables;
}

function savingsTable(r: CompareResult, lang: Lang): ResultTable {
  const rows: ResultRow[] = [];
  const row = (label: string, unit: string, total: TotalSaving, pu: PerUnitSaving | null) =>
    rows.push({
      cells: [
        label,
        unit,
        total.before.period,
        total.after.period,
        pu ? pu.saved : total.saved,
        pu ? pu.perYear : total.savedPerYear,
        pu ? percent(pu.rate) : percent(total.rate === null ? null : -total.rate),
        t(lang, pu ? 'results.by.perUnit' : 'results.by.total'),
      ],
    });
  const e = r.savings.energy;
  row(t(lang, 'results.row.energy'), 'tce', e.total, e.perUnit);
  row(t(lang, 'results.row.energyEqual'), 'tce', e.totalEqual, e.perUnitEqual);
  for (const c of Object.values(e.carriers)) row(`  ${L(c.label, lang)}`, c.total.unit, c.total, c.perUnit);
  row(t(lang, 'results.row.newWater'), 't', r.savings.water.newWater, r.savings.water.perUnit);
  for (const m of Object.values(r.savings.materials))
    row(`${L(m.label, lang)}${m.main ? ' *' : ''}`, 't', m.total, m.perUnit);
  for (const p of Object.values(r.savings.pollutants)) {
    row(t(lang, 'results.row.generation', { name: L(p.label, lang) }), 't', p.generation.total, null);
    if (p.discharge) row(t(lang, 'results.row.discharge', { name: L(p.label, lang) }), 't', p.discharge.total, null);
  }
  row(t(lang, 'results.row.co2'), 't', r.savings.co2.total, null);
  return {
    id: 'results-savings',
    title: t(lang, 'results.savingsTitle'),
    notes: compareHeadline(r, lang),
    columns: columns(
      lang,
      ['item', 'unit', 'beforeTotal', 'afterTotal', 'saved', 'savedPerYear', 'savingRate', 'by'],
      ['item', 'unit', 'by'],
    ),
    rows,
  };
}

/** A product as its reader knows it: the after model's name (nameEn in English), never the raw id. */
function productName(r: CompareResult, id: string | null, lang: Lang): string | null {
  if (id === null) return null;
  if (id === 'output-value') return t(lang, 'results.product.outputValue');
  const p = r.after.production.find((x) => x.id === id) ?? r.before.production.find((x) => x.id === id);
  if (!p) return id;
  return lang === 'en' ? (p.nameEn ?? p.name) : p.name;
}

function indicatorTable(r: CompareResult, lang: Lang): ResultTable {
  const shown = r.indicators.filter((i) => i.measure !== 'total' || i.rule !== null);
  return {
    id: 'results-indicators',
    title: t(lang, 'results.indicatorsTitle'),
    notes: [],
    columns: columns(
      lang,
      ['indicator', 'product', 'unit', 'before', 'after', 'rate', 'threshold', 'verdict'],
      ['indicator', 'product', 'unit', 'verdict'],
    ),
    rows: shown.map((i) => {
      const rate = i.measure === 'rate';
      return {
        cells: [
          `${L(i.label, lang)}${i.measure === 'total' ? t(lang, 'results.totalSuffix') : ''}`,
          productName(r, i.product, lang),
          rate ? '%' : i.unit,
          rate ? percent(i.before) : i.before,
          rate ? percent(i.after) : i.after,
          percent(i.rate),
          percent(i.threshold),
          i.rule === null ? null : verdict(i.pass, lang),
        ],
        ...(i.rule !== null && i.pass !== null ? { status: status(i.pass) } : {}),
      };
    }),
  };
}

function acceptanceTable(r: CompareResult, lang: Lang): ResultTable {
  const a = r.acceptance;
  const rows: ResultRow[] = a.rules.map((v) => ({
    cells: [
      L(v.label, lang),
      `${Math.round(v.threshold * 100)} %`,
      String(v.indicators.length),
      verdict(v.pass, lang),
      `${v.lines[0]}–${v.lines[1]}`,
    ],
    ...(v.pass !== null ? { status: status(v.pass) } : {}),
  }));
  for (const v of a.proposalRules)
    rows.push({
      cells: [L(v.label, lang), v.required, `${v.implemented}/${v.proposed}`, verdict(v.pass, lang), `${v.lines[0]}`],
      ...(v.pass !== null ? { status: status(v.pass) } : {}),
    });
  for (const u of a.unjudged)
    rows.push({
      cells: [L(u.label, lang), null, null, `${t(lang, 'results.notJudged')}: ${L(u.reason, lang)}`, `${u.lines[0]}`],
    });
  return {
    id: 'results-acceptance',
    title: t(lang, 'results.acceptanceTitle', { pass: verdict(a.pass, lang) }),
    notes: [],
    columns: columns(
      lang,
      ['rule', 'required', 'indicators', 'verdict', 'lines'],
      ['rule', 'required', 'indicators', 'verdict', 'lines'],
    ),
    rows,
  };
}

function table2(r: CompareResult, lang: Lang): ResultTable {
  return {
    id: 'results-table2',
    title: t(lang, 'results.table2Title'),
    notes: [],
    columns: [
      ...columns(lang, ['no', 'before', 'value'], ['no', 'before']),
      ...columns(lang, ['after'], ['after']),
      { key: 'valueAfter', label: t(lang, 'results.col.value'), numeric: true },
      ...columns(lang, ['unit', 'note'], ['unit', 'note']),
    ],
    rows: r.table2.map((l) => ({
      cells: [
        l.no,
        L(l.label.before, lang),
        l.before,
        L(l.label.after, lang),
        l.after,
        l.unit,
        l.note ? L(l.note, lang) : null,
      ],
    })),
  };
}

function proposalTable(r: CompareResult, lang: Lang): ResultTable {
  const rows: ResultRow[] = r.proposals.items.map((p) => ({
    cells: [
      p.id,
      lang === 'en' ? (p.nameEn ?? p.name) : p.name,
      p.category === null ? null : t(lang, `results.category.${p.category}`),
      p.implemented ? '✓' : '',
      p.investment,
      p.annualBenefit,
      p.payback,
      p.npv,
      percent(p.irr),
    ],
  }));
  for (const key of ['no-low', 'medium-high', 'all'] as const) {
    const s = r.proposals.totals[key];
    if (s.proposed === 0) continue;
    rows.push({
      cells: [
        '',
        t(lang, `results.total.${key}`, { proposed: s.proposed, implemented: s.implemented }),
        null,
        null,
        s.investment,
        s.benefit,
        null,
        null,
        null,
      ],
      total: true,
    });
  }
  return {
    id: 'results-proposals',
    title: t(lang, 'results.proposalsTitle', { limit: r.proposals.lowCostLimit ?? '—' }),
    notes: [],
    columns: columns(
      lang,
      ['id', 'proposal', 'category', 'implemented', 'investment', 'benefit', 'payback', 'npv', 'irr'],
      ['id', 'proposal', 'category', 'implemented'],
    ),
    rows,
  };
}

/**
 * Every factor used: value, series, data year, region, provenance.
 *
 * @example
 * // the dyeing plant's electricity at the MEE & NBS 2023 factor of 广东, 0.4419 kgCO2/kWh
 * const report = carbonOfModel(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model, 'dyeing.json');
 * factorTable(report.factors, 'en').rows[0].cells.slice(1, 6) // => [0.4419, 'kgCO2/kWh', 'MEE-NBS', 2023, 'Guangdong']
 */
export function factorTable(factors: FactorRecord[], lang: Lang, notes: string[] = []): ResultTable {
  return {
    id: 'results-factors',
    title: t(lang, 'results.factorsTitle'),
    notes,
    columns: columns(
      lang,
      ['factor', 'value', 'unit', 'series', 'year', 'region', 'tag', 'source'],
      ['factor', 'unit', 'series', 'region', 'tag', 'source'],
    ).map((c) => (c.key === 'value' ? { ...c, exact: true } : c)),
    rows: factors.map((f) => ({
      cells: [
        L(f.label, lang),
        f.value,
        f.unit,
        f.series,
        f.year,
        f.regionLabel ? L(f.regionLabel, lang) : null,
        f.tag,
        `${f.source}${f.note ? ` (${f.note})` : ''}`,
      ],
    })),
  };
}

/**
 * The CO2 inventory: one row per source, the totals as notes, then the factors.
 *
 * @example
 * carbonTables(carbonOfModel(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model, 'dyeing.json'), 'en').map((x) => x.id)
 * // => ['carbon-sources', 'carbon-factors']
 */
export function carbonTables(r: CarbonReport, lang: Lang): ResultTable[] {
  const notes = [
    t(lang, 'results.carbonTotal', {
      total: r.total.t === null ? '—' : Number(r.total.t.toPrecision(4)),
      direct: Number(r.direct.t.toPrecision(4)),
      indirect: Number(r.indirect.t.toPrecision(4)),
      perYear: r.perYear.t === null ? '—' : Number(r.perYear.t.toPrecision(4)),
    }),
  ];
  if (r.defaulted.length > 0) notes.push(t(lang, 'results.gridDefaulted', { fields: r.defaulted.join(', ') }));
  if (r.period.annualFactorFrom === 'default-annual-hours') notes.push(t(lang, 'results.defaultYear'));
  if (r.unknown.length > 0) notes.push(t(lang, 'results.carbonUnknown', { flows: r.unknown.join(', ') }));
  for (const x of r.excluded) notes.push(`${x.flow} (${carrierName(x.carrier, lang)}): ${t(lang, x.reason)}`);
  const factorLabel = (id: string) => {
    const f = r.factors.find((x) => x.id === id);
    return f ? L(f.label, lang) : id;
  };
  return [
    {
      id: 'carbon-sources',
      title: t(lang, 'results.carbonTitle', { name: lang === 'en' ? (r.nameEn ?? r.name) : r.name }),
      notes,
      columns: columns(
        lang,
        ['flow', 'name', 'carrier', 'direction', 'activity', 'unit', 'factor', 'co2'],
        ['flow', 'name', 'carrier', 'direction', 'unit', 'factor'],
      ),
      rows: r.sources.map((s) => ({
        cells: [
          s.flow,
          lang === 'en' ? (s.nameEn ?? s.name) : s.name,
          carrierName(s.carrier, lang),
          t(lang, `results.direction.${s.direction}`),
          s.activity.value,
          s.activity.unit,
          factorLabel(s.factor),
          s.t,
        ],
      })),
    },
    { ...factorTable(r.factors, lang), id: 'carbon-factors' },
  ];
}
