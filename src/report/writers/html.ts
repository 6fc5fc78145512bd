import { t } from '../../i18n/index.ts';
import { cellText, isNumeric } from '../cells.ts';
import { headerText, type Block, type ReportDocument, type ReportTable } from '../document.ts';

/**
 * The report as one self-contained HTML page: figures as inline SVG, no script, no external
 * resource, and print CSS for A4 (each chapter on a new page, table headers repeated, rows and
 * figures kept whole) so a browser's "print to PDF" gives the report. Knows nothing of balances.
 *
 * @example
 * const results = analyseForReport({ model: parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model });
 * writeHtml(buildReport(results, { lang: 'en' })).slice(0, 15) // => '<!DOCTYPE html>'
 */
export function writeHtml(doc: ReportDocument): string {
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${doc.lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(doc.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<header class="cover">',
    `<h1 class="title">${esc(doc.title)}</h1>`,
    `<p class="subtitle">${esc(doc.subtitle)}</p>`,
    `<p class="date">${esc(t(doc.lang, 'report.date', { date: doc.date }))}</p>`,
    `<nav><h2>${esc(t(doc.lang, 'report.contents'))}</h2><ul>`,
    ...doc.chapters.map((c) => `<li><a href="#ch-${c.id}">${esc(c.number)} ${esc(c.title)}</a></li>`),
    '</ul></nav>',
    '</header>',
  ];
  for (const c of doc.chapters) {
    out.push(`<section class="chapter" id="ch-${c.id}">`, `<h2>${esc(c.number)} ${esc(c.title)}</h2>`);
    for (const b of c.blocks) out.push(block(b, doc));
    out.push('</section>');
  }
  out.push('</body>', '</html>');
  return out.join('\n');
}

function block(b: Block, doc: ReportDocument): string {
  switch (b.kind) {
    case 'heading':
      return `<h3>${esc(b.text)}</h3>`;
    case 'paragraph':
      return `<p${b.tone ? ` class="${b.tone}"` : ''}>${esc(b.text)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}${b.tone ? ` class="${b.tone}"` : ''}>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return table(b, doc);
    case 'figure':
      return [
        `<figure id="${esc(b.file)}">`,
        // The SVG is ours (src/sankey/figure.ts escapes every user text); it goes in as markup.
        b.svg,
        `<figcaption>${esc(b.number)}　${esc(b.caption)}</figcaption>`,
        '</figure>',
      ].join('');
  }
}

function table(tb: ReportTable, doc: ReportDocument): string {
  const totals = new Set(tb.totalRows ?? []);
  const head = tb.columns.map((c) => `<th${isNumeric(c) ? ' class="num"' : ''}>${esc(headerText(c))}</th>`).join('');
  const rows = tb.rows.map((r, i) => {
    const cells = tb.columns.map((c, j) => {
      const cell = r[j] ?? null;
      return `<td${isNumeric(c) ? ' class="num"' : ''}>${esc(cellText(cell, c, doc.lang))}</td>`;
    });
    return `<tr${totals.has(i) ? ' class="total"' : ''}>${cells.join('')}</tr>`;
  });
  const notes = (tb.notes ?? []).map((n) => `<p class="tnote">${esc(n)}</p>`).join('');
  return [
    '<div class="table">',
    `<table><caption>${esc(tb.number)}　${esc(tb.caption)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>${rows.join('')}</tbody></table>`,
    notes,
    '</div>',
  ].join('');
}

/** HTML text escaping (user text — plant and flow names — is never markup). */
function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const CSS = `
:root { color-scheme: light; }
body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif;
  font-size: 14px; line-height: 1.55; color: #1a202c; max-width: 1040px; margin: 0 auto; padding: 24px; }
h1.title { font-size: 26px; margin: 24px 0 4px; }
.subtitle { color: #4a5568; margin: 0 0 4px; }
.date { color: #4a5568; margin: 0 0 16px; }
nav ul { columns: 2; list-style: none; padding-left: 0; }
section.chapter h2 { font-size: 21px; border-bottom: 2px solid #2b6cb0; padding-bottom: 4px; margin-top: 40px; }
h3 { font-size: 16px; margin: 22px 0 8px; }
p.note, p.tnote { color: #4a5568; font-size: 12.5px; }
p.tnote { margin: 4px 0 0; }
p.verdict { font-weight: bold; font-size: 16px; background: #ebf8ff; border-left: 4px solid #2b6cb0; padding: 8px 12px; }
p.warning, ul.warning li { color: #9b2c2c; }
div.table { margin: 14px 0 18px; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
caption { caption-side: top; text-align: center; font-weight: bold; padding: 4px 0 6px; }
th, td { border: 1px solid #a0aec0; padding: 3px 6px; vertical-align: top; }
th { background: #edf2f7; font-weight: bold; text-align: left; }
th.num, td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; border-top: 2px solid #4a5568; }
figure { margin: 18px 0; text-align: center; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-weight: bold; margin-top: 4px; }
@page { size: A4; margin: 16mm 14mm 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { break-after: page; }
  section.chapter { break-before: page; }
  section.chapter h2 { margin-top: 0; }
  div.table { overflow: visible; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr, figure, p.verdict { break-inside: avoid; }
  h3 { break-after: avoid; }
  caption { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
