import { t } from '../../i18n/index.ts';
import { excelFormat } from '../cells.ts';
import { headerText, tablesOf, type ReportDocument } from '../document.ts';

/**
 * The report's tables as an .xlsx workbook (exceljs): a contents sheet, then one sheet per table
 * named by its number; row 1 holds the headers with their units and is frozen; numbers are
 * numbers (the engine's full precision) shown with the column's decimals; footnotes follow the
 * table after a blank row. Knows nothing of balances. exceljs is loaded only when this runs.
 *
 * @example
 * // an .xlsx is a zip file: it starts with "PK"
 * const results = analyseForReport({ model: parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model });
 * [...(await writeXlsx(buildReport(results, { lang: 'en' }))).slice(0, 2)] // => [0x50, 0x4b]
 */
export async function writeXlsx(doc: ReportDocument): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'pingheng';
  wb.title = doc.title;
  const created = new Date(`${doc.date}T00:00:00Z`);
  if (!Number.isNaN(created.getTime())) wb.created = created;
  const tables = tablesOf(doc);

  const contents = wb.addWorksheet(t(doc.lang, 'report.contents'));
  contents.addRow([doc.title]).font = { bold: true, size: 14 };
  contents.addRow([doc.subtitle]);
  contents.addRow([t(doc.lang, 'report.date', { date: doc.date })]);
  contents.addRow([]);
  for (const tb of tables) {
    const row = contents.addRow([tb.number, tb.caption, tb.sheet]);
    row.getCell(3).value = { text: tb.sheet, hyperlink: `#'${tb.sheet.replace(/'/g, "''")}'!A1` };
  }
  contents.getColumn(1).width = 12;
  contents.getColumn(2).width = 60;
  contents.getColumn(3).width = 34;

  for (const tb of tables) {
    const ws = wb.addWorksheet(tb.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = ws.addRow(tb.columns.map(headerText));
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDF2F7' } };
      c.border = { bottom: { style: 'thin' } };
    });
    const totals = new Set(tb.totalRows ?? []);
    tb.rows.forEach((r, i) => {
      const row = ws.addRow(tb.columns.map((_, j) => (r[j] === '' ? null : (r[j] ?? null))));
      if (totals.has(i)) row.font = { bold: true };
    });
    tb.columns.forEach((c, j) => {
      const col = ws.getColumn(j + 1);
      const format = excelFormat(c);
      if (format) {
        col.numFmt = format;
        col.alignment = { horizontal: 'right' };
      }
      col.width = Math.min(60, Math.max(8, width(headerText(c)), ...tb.rows.map((r) => width(String(r[j] ?? ''))))) + 2;
    });
    header.alignment = { vertical: 'middle', wrapText: true };
    if (tb.notes && tb.notes.length > 0) {
      ws.addRow([]);
      for (const n of tb.notes) ws.addRow([n]).font = { italic: true, color: { argb: 'FF4A5568' } };
    }
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Column width in Excel's character units: CJK characters count twice. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return Math.min(w, 58);
}
