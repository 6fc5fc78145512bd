/**
 * The audit report's balance chapters (docs/report.md): `analyseForReport` runs the engine,
 * `buildReport` makes the document (plain data), and one writer per format turns it into bytes —
 * `writeHtml` (a string), `writeXlsx` and `writeDocx` (which load exceljs / docx only when called).
 * The CLI (`pingheng report`) and the web app's 下载报告 use exactly these.
 */
export { analyseForReport, hasFindings, type ReportInput, type ReportResults, type ReportPart } from './analyse.ts';
export { buildReport, CHAPTER_IDS } from './build.ts';
export * from './document.ts';
export { cellText, excelFormat } from './cells.ts';
export { writeHtml } from './writers/html.ts';
export { writeXlsx } from './writers/xlsx.ts';
export { writeDocx } from './writers/docx.ts';
