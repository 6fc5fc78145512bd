/**
 * 下载报告: the same three files as `pingheng report`, made in the browser. The worker builds the
 * document with the core's one builder (src/report/); here each figure's SVG is drawn on a canvas
 * for its PNG, the core's writers make report.html, report.xlsx and report.docx, and they are saved
 * as blob: downloads — nothing leaves the machine. With a report-period model (the results panel's,
 * picked or the example's own) the document is that of `pingheng report AFTER --compare SHOWN`. Loaded only when the button is pressed, with the
 * writers' libraries (docx, exceljs) in chunks of their own.
 */
import {
  figuresOf,
  loadAllMessages,
  t,
  writeDocx,
  writeHtml,
  writeXlsx,
  type Lang,
  type ReportDocument,
} from '../src/index.ts';
import { download } from './export.ts';
import type { Request, Response } from './protocol.ts';

type Call = (body: Omit<Extract<Request, { type: 'report' }>, 'id'>) => Promise<Response>;

/** Asks the worker for the document, writes the three files and downloads them. */
export async function downloadReport(button: HTMLButtonElement, call: Call, lang: Lang, status: HTMLElement) {
  button.disabled = true;
  await loadAllMessages(); // the report's messages (vite.config.ts, laterMessages)
  status.textContent = t(lang, 'report.web.building');
  try {
    const r = await call({ type: 'report', lang });
    if (r.type !== 'report') throw new Error(r.type === 'error' ? r.message : r.type);
    const files = await reportFiles(r.doc);
    const stem = fileStem(r.doc);
    for (const [name, blob] of files) download(blob, `${stem}-${name}`);
    const made = files.map(([n]) => `${stem}-${n}`).join(', ');
    status.textContent = r.compared
      ? t(lang, 'report.web.doneCompared', { files: made, ...r.compared })
      : t(lang, 'report.web.done', { files: made });
    document.body.dataset.report = 'done';
  } catch (err) {
    status.textContent = t(lang, 'report.web.failed', { message: err instanceof Error ? err.message : String(err) });
    document.body.dataset.report = 'failed';
  } finally {
    button.disabled = false;
  }
}

/** report.html, report.xlsx, report.docx of a document (figures rasterised here for Word). */
export async function reportFiles(doc: ReportDocument): Promise<[string, Blob][]> {
  const images = new Map<string, Uint8Array>();
  for (const f of figuresOf(doc)) images.set(f.file, await svgToPng(f.svg, f.width, f.height));
  const [xlsx, docx] = await Promise.all([writeXlsx(doc), writeDocx(doc, images)]);
  return [
    ['report.html', new Blob([writeHtml(doc)], { type: 'text/html;charset=utf-8' })],
    ['report.xlsx', new Blob([xlsx], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })],
    [
      'report.docx',
      new Blob([docx], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }),
    ],
  ];
}

/** The PNG of a standalone SVG at 2× (the same scale as the command line's resvg). */
async function svgToPng(svg: string, width: number, height: number): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The plant's name as a file name. */
function fileStem(doc: ReportDocument): string {
  return doc.plant.trim().replace(/[\\/:*?"<>|\s]+/g, '_') || 'report';
}
