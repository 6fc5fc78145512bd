import { t } from '../../i18n/index.ts';
import { cellText, isNumeric } from '../cells.ts';
import { headerText, type Block, type ReportDocument, type ReportFigure, type ReportTable } from '../document.ts';

/**
 * The report as a Word document (docx): A4, chapters as Heading 1, real Word tables (header row
 * repeated on each page, numbers right-aligned in the locale's format), figures as PNG images with
 * numbered captions. `images` holds each figure's PNG by its file stem — the caller rasterises
 * (resvg in Node, a canvas in the browser). Knows nothing of balances; docx is loaded only here.
 *
 * @example
 * // a .docx is a zip file: it starts with "PK"
 * const results = analyseForReport({ model: parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model });
 * [...(await writeDocx(buildReport(results, { lang: 'en' }), new Map())).slice(0, 2)] // => [0x50, 0x4b]
 */
export async function writeDocx(
  doc: ReportDocument,
  images: ReadonlyMap<string, Uint8Array>,
): Promise<Uint8Array<ArrayBuffer>> {
  const d = await import('docx');
  const lang = doc.lang;
  const font = { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: CJK_FONT, cs: LATIN_FONT };
  const children: (InstanceType<typeof d.Paragraph> | InstanceType<typeof d.Table>)[] = [];
  const para = (
    text: string,
    o: { bold?: boolean; size?: number; colour?: string; align?: 'center' | 'right'; italics?: boolean } = {},
  ) =>
    new d.Paragraph({
      ...(o.align ? { alignment: o.align === 'center' ? d.AlignmentType.CENTER : d.AlignmentType.RIGHT } : {}),
      children: [
        new d.TextRun({
          text,
          ...(o.bold ? { bold: true } : {}),
          ...(o.italics ? { italics: true } : {}),
          ...(o.size ? { size: o.size } : {}),
          ...(o.colour ? { color: o.colour } : {}),
        }),
      ],
    });

  children.push(new d.Paragraph({ heading: d.HeadingLevel.TITLE, children: [new d.TextRun(doc.title)] }));
  children.push(para(doc.subtitle, { colour: GREY }));
  children.push(para(t(lang, 'report.date', { date: doc.date }), { colour: GREY }));
  children.push(
    new d.Paragraph({ heading: d.HeadingLevel.HEADING_2, children: [new d.TextRun(t(lang, 'report.contents'))] }),
  );
  for (const c of doc.chapters) children.push(para(`${c.number}　${c.title}`));

  for (const c of doc.chapters) {
    children.push(
      new d.Paragraph({
        heading: d.HeadingLevel.HEADING_1,
        pageBreakBefore: true,
        children: [new d.TextRun(`${c.number}　${c.title}`)],
      }),
    );
    for (const b of c.blocks) children.push(...block(b));
  }

  function block(b: Block): (InstanceType<typeof d.Paragraph> | InstanceType<typeof d.Table>)[] {
    switch (b.kind) {
      case 'heading':
        return [new d.Paragraph({ heading: d.HeadingLevel.HEADING_2, children: [new d.TextRun(b.text)] })];
      case 'paragraph':
        if (b.tone === 'verdict')
          return [
            new d.Paragraph({
              shading: { type: d.ShadingType.CLEAR, fill: 'EBF8FF', color: 'auto' },
              border: { left: { style: d.BorderStyle.SINGLE, size: 24, color: '2B6CB0', space: 6 } },
              children: [new d.TextRun({ text: b.text, bold: true, size: 24 })],
            }),
          ];
        if (b.tone === 'warning') return [para(b.text, { colour: RED })];
        if (b.tone === 'note') return [para(b.text, { colour: GREY, size: 18 })];
        return [para(b.text)];
      case 'list':
        return b.items.map(
          (item, i) =>
            new d.Paragraph({
              ...(b.ordered ? { indent: { left: 360, hanging: 360 } } : { bullet: { level: 0 } }),
              children: [
                new d.TextRun({ text: b.ordered ? `${i + 1}. ${item}` : item, ...(b.tone ? { color: RED } : {}) }),
              ],
            }),
        );
      case 'table':
        return table(b);
      case 'figure':
        return figure(b);
    }
  }

  function table(tb: ReportTable) {
    const totals = new Set(tb.totalRows ?? []);
    // Per cell only what differs (style id, alignment, text): a 2 000-flow plant's report has ~55 000
    // cells, and docx's objects per cell are most of the writer's time and garbage.
    const cell = (text: string, style: string, numeric: boolean, shaded = false) =>
      new d.TableCell({
        ...(shaded ? { shading: HEADER_SHADING } : {}),
        children: [
          new d.Paragraph({
            style,
            ...(numeric ? { alignment: d.AlignmentType.RIGHT } : {}),
            children: [new d.TextRun(text)],
          }),
        ],
      });
    const rows = [
      new d.TableRow({
        tableHeader: true,
        children: tb.columns.map((c) => cell(headerText(c), 'TableHeader', isNumeric(c), true)),
      }),
      ...tb.rows.map(
        (r, i) =>
          new d.TableRow({
            cantSplit: true,
            children: tb.columns.map((c, j) =>
              cell(cellText(r[j] ?? null, c, lang), totals.has(i) ? 'TableHeader' : 'TableText', isNumeric(c)),
            ),
          }),
      ),
    ];
    return [
      new d.Paragraph({
        alignment: d.AlignmentType.CENTER,
        keepNext: true,
        spacing: { before: 200 },
        children: [new d.TextRun({ text: `${tb.number}　${tb.caption}`, bold: true, size: 20 })],
      }),
      new d.Table({ rows, width: { size: 100, type: d.WidthType.PERCENTAGE }, margins: CELL_MARGINS }),
      ...(tb.notes ?? []).map((n) => para(n, { colour: GREY, size: 16 })),
    ];
  }

  function figure(f: ReportFigure) {
    const png = images.get(f.file);
    const caption = new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [new d.TextRun({ text: `${f.number}　${f.caption}`, bold: true, size: 20 })],
    });
    if (!png) return [para(t(lang, 'report.noImage', { file: f.file }), { colour: RED }), caption];
    const scale = Math.min(1, CONTENT_WIDTH_PX / f.width);
    return [
      new d.Paragraph({
        alignment: d.AlignmentType.CENTER,
        keepNext: true,
        children: [
          new d.ImageRun({
            type: 'png',
            data: png,
            transformation: { width: Math.round(f.width * scale), height: Math.round(f.height * scale) },
            altText: { name: f.file, description: f.caption, title: `${f.number} ${f.caption}` },
          }),
        ],
      }),
      caption,
    ];
  }

  const document = new d.Document({
    creator: 'pingheng',
    title: doc.title,
    description: doc.subtitle,
    styles: {
      default: { document: { run: { font, size: 21 } } },
      paragraphStyles: [
        { id: 'TableText', name: 'Table Text', run: { size: TABLE_SIZE } },
        { id: 'TableHeader', name: 'Table Header', basedOn: 'TableText', run: { size: TABLE_SIZE, bold: true } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_TWIPS.width, height: A4_TWIPS.height },
            margin: { top: MARGIN_TWIPS, bottom: MARGIN_TWIPS, left: MARGIN_TWIPS, right: MARGIN_TWIPS },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await d.Packer.toArrayBuffer(document));
}

/** A4 in twentieths of a point (210 × 297 mm), margins 2 cm. */
const A4_TWIPS = { width: 11906, height: 16838 };
const MARGIN_TWIPS = 1134;
/** Text width at 96 px per inch: (210 − 2 × 20) mm. */
const CONTENT_WIDTH_PX = Math.floor(((210 - 40) / 25.4) * 96);
/** Table text 9 pt (half-points). */
const TABLE_SIZE = 18;
const CELL_MARGINS = { left: 60, right: 60, top: 20, bottom: 20 };
const HEADER_SHADING = { type: 'clear', fill: 'EDF2F7', color: 'auto' } as const;
const LATIN_FONT = 'Times New Roman';
const CJK_FONT = 'SimSun';
const GREY = '4A5568';
const RED = '9B2C2C';
