import type { Lang } from '../i18n/index.ts';

/**
 * The report as plain data: chapters holding paragraphs, lists, numbered tables and numbered
 * figures — no DOM, no files, nothing about balances. One builder (build.ts) makes it from the
 * engine's results; one small writer per format (writers/) turns it into .docx, .xlsx or HTML.
 * Table cells keep full-precision numbers; each column says how many decimals to show, so the
 * spreadsheet holds the engine's numbers and the page shows them rounded alike.
 */
export interface ReportDocument {
  lang: Lang;
  /** The plant's name in the report's language. */
  plant: string;
  title: string;
  subtitle: string;
  /** ISO date the report was made (YYYY-MM-DD). */
  date: string;
  chapters: Chapter[];
  /** What could not be made, and why (also listed in chapter 1). */
  missing: MissingItem[];
}

export interface Chapter {
  /** "1" … "9". */
  number: string;
  /** Stable id: overview, metering, material, water, energy, components, reconciliation, results, appendix. */
  id: string;
  title: string;
  blocks: Block[];
}

export type Block = Heading | Paragraph | List | ReportTable | ReportFigure;

/** A sub-heading inside a chapter ("3.1 全厂"). */
export interface Heading {
  kind: 'heading';
  text: string;
}

export interface Paragraph {
  kind: 'paragraph';
  text: string;
  /** note: small print; verdict: stands out; warning: a problem the reader must see. */
  tone?: 'note' | 'verdict' | 'warning';
}

export interface List {
  kind: 'list';
  items: string[];
  ordered?: boolean;
  tone?: 'warning';
}

export type Cell = number | string | null;

export interface Column {
  header: string;
  /** Shown in the header: "输入 (t)". */
  unit?: string;
  /**
   * text: left-aligned; number: right-aligned with `decimals`; integer: no decimals; exact: each
   * value as written, up to 6 significant digits (coefficients: 0.7143, 0.03412, 1.2143).
   */
  type: 'text' | 'number' | 'integer' | 'exact';
  /** Decimals shown for numbers (columnDecimals of the column's values). */
  decimals?: number;
  /** exact columns: at most this many significant digits (default 6). */
  significant?: number;
}

export interface ReportTable {
  kind: 'table';
  /** "表 3-1" / "Table 3-1". */
  number: string;
  caption: string;
  columns: Column[];
  rows: Cell[][];
  /** Rows drawn as totals (bold, a rule above): their indices. */
  totalRows?: number[];
  /** Footnotes under the table. */
  notes?: string[];
  /** Spreadsheet sheet name: unique, ≤ 31 characters, none of []:*?/\. */
  sheet: string;
}

export interface ReportFigure {
  kind: 'figure';
  /** "图 3-1" / "Figure 3-1". */
  number: string;
  caption: string;
  /** A standalone SVG document (the writers rasterise it where they need pixels). */
  svg: string;
  width: number;
  height: number;
  /** File name stem for the SVG and PNG files: "fig-3-1-material". */
  file: string;
}

export interface MissingItem {
  /** The chapter that lacks it. */
  chapter: string;
  text: string;
}

/**
 * Every table of a report, in order.
 *
 * @example
 * const results = analyseForReport({ model: parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model });
 * tablesOf(buildReport(results, { lang: 'zh' })).length // => 24
 */
export function tablesOf(doc: ReportDocument): ReportTable[] {
  return doc.chapters.flatMap((c) => c.blocks.filter((b): b is ReportTable => b.kind === 'table'));
}

/**
 * Every figure of a report, in order.
 *
 * @example
 * const results = analyseForReport({ model: parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model });
 * figuresOf(buildReport(results, { lang: 'zh' })).length // => 8
 */
export function figuresOf(doc: ReportDocument): ReportFigure[] {
  return doc.chapters.flatMap((c) => c.blocks.filter((b): b is ReportFigure => b.kind === 'figure'));
}

/**
 * "输入 (t)": a column header with its unit.
 *
 * @example
 * headerText({ header: '输入', unit: 't', type: 'number' }) // => '输入 (t)'
 */
export function headerText(c: Column): string {
  return c.unit ? `${c.header} (${c.unit})` : c.header;
}
