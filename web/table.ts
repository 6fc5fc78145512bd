/**
 * Tables that render as text only (user names never become markup) and export as CSV.
 */
export interface Column<R> {
  /** Header text, already translated. */
  header: string;
  value: (row: R) => string | number | null;
  /** Optional badge class for the cell (closure status, pass/fail). */
  badge?: (row: R) => string | undefined;
  numeric?: boolean;
}

export interface TableData<R> {
  id: string;
  title: string;
  columns: Column<R>[];
  rows: R[];
  /** Lines shown above the table (verdicts, global tests), already translated. */
  notes?: string[];
  /** Verdicts that must stand out (depth, acceptance A/B/C, a global test): shown as large badges. */
  highlights?: { text: string; tone: 'pass' | 'fail' | 'neutral' }[];
}

/**
 * A cell as text: whole units with the locale's thousands separators from 1 000 up, 4
 * significant figures below (a residual of 0.1229 tce stays readable), a dash for unknown.
 */
export function cellText(v: string | number | null, lang: 'zh' | 'en' = 'zh'): string {
  if (v === null) return '—';
  if (typeof v !== 'number') return v;
  if (!Number.isFinite(v)) return '—';
  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  if (Number.isInteger(v) || Math.abs(v) >= 1000) return Math.round(v).toLocaleString(locale);
  return Number(v.toPrecision(4)).toLocaleString(locale, { maximumFractionDigits: 20 });
}

export function renderTable<R>(host: HTMLElement, data: TableData<R>, emptyText: string, lang: 'zh' | 'en'): void {
  const wrap = document.createElement('div');
  wrap.className = 'table-wrap';
  const table = document.createElement('table');
  table.dataset.table = data.id;
  const head = table.createTHead().insertRow();
  for (const c of data.columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c.header;
    if (c.numeric) th.className = 'num';
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of data.rows) {
    const tr = body.insertRow();
    for (const c of data.columns) {
      const td = tr.insertCell();
      const text = cellText(c.value(r), lang);
      const badge = c.badge?.(r);
      if (badge) {
        const span = document.createElement('span');
        span.className = `badge ${badge}`;
        span.textContent = text;
        td.append(span);
      } else td.textContent = text;
      if (c.numeric) td.className = 'num';
    }
  }
  if (data.rows.length === 0) {
    const td = body.insertRow().insertCell();
    td.colSpan = data.columns.length;
    td.textContent = emptyText;
  }
  wrap.append(table);
  host.append(wrap);
}

/**
 * RFC 4180 CSV; a text cell starting with = + - @ is prefixed with ' so a spreadsheet does not
 * run it as a formula (names are user input).
 */
export function toCsv<R>(data: TableData<R>): string {
  const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const cell = (v: string | number | null) => {
    if (v === null) return '';
    if (typeof v === 'number') return String(v);
    return quote(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  };
  const lines = [data.columns.map((c) => quote(c.header)).join(',')];
  for (const r of data.rows) lines.push(data.columns.map((c) => cell(c.value(r))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// biome-ignore lint/suspicious/noExplicitAny: panels hold tables of different row types
export type AnyTable = TableData<any>;
