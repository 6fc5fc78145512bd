/**
 * Periods in the page (docs/periods.md): for a model with monthly (or other) periods, a table of the
 * periods and years and a small trend chart of comprehensive energy and new water per unit product.
 * The worker computes `periodsExtra` (plain data); the page draws it with `renderPeriods` — text only
 * through textContent, the chart as SVG elements. Hooked into worker.ts and main.ts by one line each.
 */
import { cellText } from './table.ts';
import { displayName, periodBalances, t, type Lang, type Model, type PeriodResult } from '../src/index.ts';

/** One row of the periods table: a period, a year roll-up or a campaign. */
export interface PeriodRow {
  id: string;
  kind: 'period' | 'year' | 'campaign';
  label: string;
  labelEn: string;
  hours: number;
  open: number;
  /** 综合能耗, tce (当量值). */
  energy: number | null;
  /** Per unit product (the first product), tce per unit. */
  energyPerUnit: number | null;
  newWater: number | null;
  waterPerUnit: number | null;
  unit: string | null;
  waterUnit: string | null;
  /** Closing stocks, by their names in Chinese and in English. */
  stocks: string;
  stocksEn: string;
}

export interface PeriodsExtra {
  rows: PeriodRow[];
}

function rowOf(p: PeriodResult, kind: PeriodRow['kind'], label?: string): PeriodRow {
  const i = p.indicators;
  const per = i.perProduct[0];
  return {
    id: p.id,
    kind,
    label: label ?? p.label,
    labelEn: label ?? p.labelEn ?? p.id,
    hours: p.hours,
    open: p.summary.open,
    energy: i.energyEquivalent,
    energyPerUnit: per?.energy ?? null,
    newWater: i.newWater,
    waterPerUnit: per?.newWater ?? null,
    unit: per?.unit ?? null,
    waterUnit: i.waterUnit,
    stocks: stocksText(p, 'zh'),
    stocksEn: stocksText(p, 'en'),
  };
}

function stocksText(p: PeriodResult, lang: Lang): string {
  return p.stocks
    .map(
      (s) =>
        `${displayName({ id: s.id, name: s.name, ...(s.nameEn ? { nameEn: s.nameEn } : {}) }, lang)} ${s.closing === undefined ? '—' : Math.round(s.closing).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US')} ${s.unit}`,
    )
    .join(lang === 'zh' ? '、' : ', ');
}

/** The worker's hook: `{ periods }` for a model with periods (its failure as `{ periodsError }`), else nothing. */
export function periodsExtras(model: Model): { periods?: PeriodsExtra; periodsError?: string } {
  if (!model.periods?.length) return {};
  try {
    return { periods: periodsExtra(model) };
  } catch (e) {
    return { periodsError: e instanceof Error ? e.message : String(e) };
  }
}

/** The periods of a model as plain rows (undefined for a model without periods). Throws what periodBalances throws. */
export function periodsExtra(model: Model): PeriodsExtra | undefined {
  if (!model.periods?.length) return undefined;
  const r = periodBalances(model);
  return {
    rows: [
      ...r.periods.map((p) => rowOf(p, 'period')),
      ...r.years.map((y) => rowOf(y, 'year', String(y.year))),
      ...r.campaigns.map((c) => rowOf(c, 'campaign')),
    ],
  };
}

export interface TrendPoint {
  label: string;
  value: number | null;
}

export interface TrendGeometry {
  width: number;
  height: number;
  /** SVG path of the line through the known values (gaps where a value is missing). */
  path: string;
  dots: { x: number; y: number; label: string; value: number }[];
  /** The value axis: lowest and highest value and their heights. */
  min: { value: number; y: number };
  max: { value: number; y: number };
  ticks: { x: number; label: string }[];
}

/**
 * Positions of a small trend chart: points evenly spaced, values scaled between the lowest and the
 * highest (a flat series sits in the middle), missing values break the line.
 * @example trendGeometry([{label:'1', value: 1}, {label:'2', value: 3}], 100, 50).dots.map((d) => d.y) // [42, 8]
 */
export function trendGeometry(points: TrendPoint[], width: number, height: number): TrendGeometry {
  const pad = { left: 8, right: 8, top: 8, bottom: 8 };
  const known = points.filter(
    (p): p is { label: string; value: number } => p.value !== null && Number.isFinite(p.value),
  );
  const lo = known.length ? Math.min(...known.map((p) => p.value)) : 0;
  const hi = known.length ? Math.max(...known.map((p) => p.value)) : 0;
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const x = (i: number) => pad.left + (points.length > 1 ? (i * innerW) / (points.length - 1) : innerW / 2);
  const y = (v: number) => (hi === lo ? pad.top + innerH / 2 : pad.top + ((hi - v) * innerH) / (hi - lo));
  const round = (v: number) => Math.round(v * 100) / 100;
  const dots: TrendGeometry['dots'] = [];
  let path = '';
  let pen = false;
  points.forEach((p, i) => {
    if (p.value === null || !Number.isFinite(p.value)) {
      pen = false;
      return;
    }
    const px = round(x(i));
    const py = round(y(p.value));
    path += `${pen ? 'L' : 'M'}${px},${py}`;
    pen = true;
    dots.push({ x: px, y: py, label: p.label, value: p.value });
  });
  return {
    width,
    height,
    path,
    dots,
    min: { value: lo, y: round(y(lo)) },
    max: { value: hi, y: round(y(hi)) },
    ticks: points.map((p, i) => ({ x: round(x(i)), label: p.label })),
  };
}

const SVG = 'http://www.w3.org/2000/svg';

/** One small chart: a titled SVG with the line, its points (hover: label and value) and the range. */
function chart(title: string, unit: string, points: TrendPoint[], lang: Lang): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'trend';
  const caption = document.createElement('figcaption');
  caption.textContent = lang === 'zh' ? `${title}（${unit}）` : `${title} (${unit})`;
  const g = trendGeometry(points, 360, 120);
  const svg = document.createElementNS(SVG, 'svg');
  // 12 px above the plot for the highest value's label, 16 below for the period labels
  svg.setAttribute('viewBox', `0 -12 ${g.width} ${g.height + 28}`);
  svg.setAttribute('width', String(g.width));
  svg.setAttribute('height', String(g.height + 28));
  const line = document.createElementNS(SVG, 'path');
  line.setAttribute('d', g.path);
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', '#2b6cb0');
  line.setAttribute('stroke-width', '2');
  svg.append(line);
  for (const d of g.dots) {
    const c = document.createElementNS(SVG, 'circle');
    c.setAttribute('cx', String(d.x));
    c.setAttribute('cy', String(d.y));
    c.setAttribute('r', '3');
    c.setAttribute('fill', '#2b6cb0');
    const tip = document.createElementNS(SVG, 'title');
    tip.textContent = `${d.label}: ${cellText(d.value, lang)} ${unit}`;
    c.append(tip);
    svg.append(c);
  }
  for (const [i, tick] of g.ticks.entries()) {
    if (g.ticks.length > 6 && i % 2 === 1) continue;
    const text = document.createElementNS(SVG, 'text');
    text.setAttribute('x', String(tick.x));
    text.setAttribute('y', String(g.height + 12));
    text.setAttribute('font-size', '10');
    text.setAttribute('text-anchor', 'middle');
    text.textContent = tick.label;
    svg.append(text);
  }
  for (const end of [g.max, g.min]) {
    const text = document.createElementNS(SVG, 'text');
    text.setAttribute('x', '2');
    text.setAttribute('y', String(end.y - 2));
    text.setAttribute('font-size', '10');
    text.setAttribute('fill', '#4a5568');
    text.textContent = cellText(end.value, lang);
    svg.append(text);
  }
  figure.append(caption, svg);
  return figure;
}

/** The periods section: the trend charts and the table (periods, years, campaigns). Nothing without periods. */
export function renderPeriods(host: HTMLElement, extra: PeriodsExtra | undefined, lang: Lang): void {
  if (!extra) return;
  const section = document.createElement('section');
  section.dataset.panel = 'periods';
  const h2 = document.createElement('h2');
  h2.textContent = t(lang, 'web.periods.title');
  section.append(h2);
  const months = extra.rows.filter((r) => r.kind === 'period');
  const label = (r: PeriodRow) => (lang === 'en' ? r.labelEn : r.label).replace(/^\d{4}年/, '');
  const unit = months.find((r) => r.unit)?.unit ?? '';
  const waterUnit = months.find((r) => r.waterUnit)?.waterUnit ?? 't';
  const charts = document.createElement('div');
  charts.className = 'trends';
  charts.append(
    chart(
      t(lang, 'web.periods.energy'),
      'tce',
      months.map((r) => ({ label: label(r), value: r.energy })),
      lang,
    ),
    chart(
      t(lang, 'web.periods.energyPerUnit'),
      `tce/${unit}`,
      months.map((r) => ({ label: label(r), value: r.energyPerUnit })),
      lang,
    ),
    chart(
      t(lang, 'web.periods.waterPerUnit'),
      `${waterUnit}/${unit}`,
      months.map((r) => ({ label: label(r), value: r.waterPerUnit })),
      lang,
    ),
  );
  section.append(charts);
  const table = document.createElement('table');
  table.dataset.table = 'periods';
  const head = table.createTHead().insertRow();
  const NUMERIC_COLUMNS = new Set(['hours', 'open', 'energy', 'energyPerUnit', 'water', 'waterPerUnit']);
  const num = (v: number | null) => cellText(v, lang);
  for (const key of ['period', 'hours', 'open', 'energy', 'energyPerUnit', 'water', 'waterPerUnit', 'stocks']) {
    const th = document.createElement('th');
    th.textContent = t(lang, `web.periods.col.${key}`);
    th.scope = 'col';
    // numbers sit right-aligned under right-aligned headers, as in every table of the page
    if (NUMERIC_COLUMNS.has(key)) th.className = 'num';
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of extra.rows) {
    const tr = body.insertRow();
    tr.dataset.kind = r.kind;
    const own = lang === 'en' ? r.labelEn : r.label;
    const campaign = t(lang, 'web.periods.campaign');
    const name = r.kind !== 'campaign' ? own : lang === 'zh' ? `${own}（${campaign}）` : `${own} (${campaign})`;
    for (const [i, v] of [
      name,
      num(r.hours),
      num(r.open),
      num(r.energy),
      num(r.energyPerUnit),
      num(r.newWater),
      num(r.waterPerUnit),
      (lang === 'en' ? r.stocksEn : r.stocks) || '—',
    ].entries()) {
      const td = tr.insertCell();
      td.textContent = v;
      if (i > 0 && i < 7) td.className = 'num';
      if (i === 2 && r.open > 0) td.classList.add('status-open');
    }
  }
  section.append(table);
  host.append(section);
}
