import type { Provenance } from '../data/provenance.ts';
import { carrierName, columnDecimals, displayName, flowLabel, layerName, t, type Lang } from '../i18n/index.ts';
import type { SankeyFigure } from '../sankey/figure.ts';
import type { ReportResults } from './analyse.ts';
import type { Block, Cell, Chapter, Column, MissingItem, ReportFigure, ReportTable } from './document.ts';

/**
 * What a chapter builder works with: the results, the language, the names of things in that
 * language, and a chapter under construction that numbers its tables and figures.
 */
export class ReportContext {
  readonly missing: MissingItem[] = [];
  private readonly flowById: Map<string, { id: string; name?: string; nameEn?: string }>;
  private readonly nodeById: Map<string, { id: string; name: string; nameEn?: string }>;

  constructor(
    readonly results: ReportResults,
    readonly lang: Lang,
  ) {
    const model = results.input.model;
    this.flowById = new Map(model.flows.map((f) => [f.id, f]));
    this.nodeById = new Map(model.nodes.map((n) => [n.id, n]));
  }

  t(key: string, params: Record<string, string | number | undefined> = {}): string {
    return t(this.lang, key, params);
  }

  /** Starts chapter `number`; its title is the message `report.chapter.{id}`. */
  chapter(number: number, id: string): ChapterBuilder {
    return new ChapterBuilder(this, String(number), id, this.t(`report.chapter.${id}`));
  }

  /** Records something the report could not show (listed in chapter 1 and at the chapter). */
  lack(chapter: string, text: string): void {
    this.missing.push({ chapter, text });
  }

  // Names in the report's language, from the core's one set of name functions (src/i18n/names.ts).

  nodeName(id: string): string {
    const n = this.nodeById.get(id);
    return n ? displayName(n, this.lang) : id;
  }

  /** A flow's name with its id for tracing ("冷却塔补水 (F12)"); a component flow (F12.COD) by its carrier flow's name. */
  flowLabel(id: string): string {
    const own = this.flowById.get(id);
    if (own) return flowLabel({ ...own, id }, this.lang);
    const base = id.includes('.') ? this.flowById.get(id.slice(0, id.lastIndexOf('.'))) : undefined;
    return base ? flowLabel({ ...base, id }, this.lang) : id;
  }

  /** 水 / water; a component keeps its symbol (COD, Ni). */
  layerName(layer: string): string {
    return layerName(layer, this.lang);
  }

  /** 新水 / fresh water; a plant's own material name as written. */
  carrierName(id: string | undefined): string {
    return id === undefined ? '—' : carrierName(id, this.lang);
  }

  /** null: cannot be judged (a depth acceptance without enough data). */
  yesNo(b: boolean | null): string {
    return b === null ? this.t('metering.cli.unknown') : this.t(b ? 'report.yes' : 'report.no');
  }
}

/**
 * A column spec: decimals are worked out from the column's values unless given (`significant`:
 * digits of the largest value, default 4; for exact columns the digits of each value, default 6).
 */
export type ColumnSpec = Column;

export class ChapterBuilder {
  readonly blocks: Block[] = [];
  private tables = 0;
  private figures = 0;

  constructor(
    readonly ctx: ReportContext,
    readonly number: string,
    readonly id: string,
    readonly title: string,
  ) {}

  heading(text: string): void {
    this.blocks.push({ kind: 'heading', text: this.capital(text) });
  }

  /** English captions and headings start with a capital ("water balance…" → "Water balance…"). */
  private capital(text: string): string {
    return this.ctx.lang === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  }

  paragraph(text: string, tone?: 'note' | 'verdict' | 'warning'): void {
    this.blocks.push(tone ? { kind: 'paragraph', text, tone } : { kind: 'paragraph', text });
  }

  list(items: string[], options: { ordered?: boolean; tone?: 'warning' } = {}): void {
    if (items.length > 0) this.blocks.push({ kind: 'list', items, ...options });
  }

  /** Records a gap: a warning paragraph here and an entry in the report's list of what is missing. */
  lack(text: string): void {
    this.paragraph(text, 'warning');
    this.ctx.lack(`${this.number} ${this.title}`, text);
  }

  /** Adds a numbered table ("表 3-1"); number columns get decimals from their values. */
  table(
    caption: string,
    columns: ColumnSpec[],
    rows: Cell[][],
    extra: { notes?: string[]; totalRows?: number[] } = {},
  ) {
    const n = ++this.tables;
    const number = `${this.ctx.t('report.tableLabel')} ${this.number}-${n}`;
    const cols: Column[] = columns.map((c, i) => {
      const { significant, ...col } = c;
      if (c.type === 'text' || c.type === 'exact') return col;
      if (c.type === 'integer') return { ...col, decimals: 0 };
      return {
        ...col,
        decimals:
          c.decimals ??
          columnDecimals(
            rows.map((r) => numeric(r[i])),
            significant,
          ),
      };
    });
    const table: ReportTable = {
      kind: 'table',
      number,
      caption: this.capital(caption),
      columns: cols,
      rows,
      sheet: sheetName(`${this.number}-${n} ${this.capital(caption)}`),
    };
    if (extra.notes && extra.notes.length > 0) table.notes = extra.notes;
    if (extra.totalRows && extra.totalRows.length > 0) table.totalRows = extra.totalRows;
    this.blocks.push(table);
    return table;
  }

  /** Adds a numbered figure ("图 3-1") drawn by the Sankey figure function. */
  figure(fig: SankeyFigure, caption: string, slug: string): ReportFigure {
    const n = ++this.figures;
    const figure: ReportFigure = {
      kind: 'figure',
      number: `${this.ctx.t('report.figureLabel')} ${this.number}-${n}`,
      caption: this.capital(caption),
      svg: fig.svg,
      width: fig.width,
      height: fig.height,
      file: `fig-${this.number}-${n}-${slug.replace(/[^A-Za-z0-9_-]+/g, '_')}`,
    };
    this.blocks.push(figure);
    return figure;
  }

  done(): Chapter {
    return { number: this.number, id: this.id, title: this.title, blocks: this.blocks };
  }
}

/** "GB/T 12452-2008 表 1 [C]": a provenance in one line. */
export function cite(p: Provenance): string {
  const edition =
    p.edition && p.edition !== '—' && !p.standard.includes(p.edition)
      ? `${/\d/.test(p.standard) ? '-' : ' '}${p.edition}`
      : '';
  return `${p.standard}${edition}${p.clause ? ` ${p.clause}` : ''} [${p.tag}]`;
}

const numeric = (c: Cell) => (typeof c === 'number' ? c : null);

/** A worksheet name: ≤ 31 characters, without []:*?/\ (Excel's rules). */
export function sheetName(text: string): string {
  const clean = text
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return [...clean].slice(0, 31).join('').trim();
}
