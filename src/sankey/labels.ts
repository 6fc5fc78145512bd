/**
 * Diagram labels, without a DOM: what a view node is called in the user's language, how numbers
 * are written, and where each label goes — right of its node, using the free width up to the
 * next column (the last column: up to the drawing's edge), wrapped onto as many lines as the
 * vertical room between its neighbours allows. A name that still does not fit is shortened with
 * "…"; the page's hover/focus panel and the tables always give it whole.
 */
import { carrierName, displayName, kindName } from '../i18n/names.ts';
import { hasMessage, t, type Lang } from '../i18n/catalog.ts';
import type { ViewNode } from './view-types.ts';

/**
 * A view node's name: a unit by its model name (nameEn in English), "其他 (n)" for a group of
 * small units, outside nodes by carrier or flow kind (输入：新水, 输出：损失), stock and
 * unaccounted nodes by their role.
 *
 * @example
 * nodeName({ id: 'source:fresh-water', role: 'source', name: 'fresh-water', group: 'fresh-water', in: 0, out: 0 }, 'zh') // => '输入：新水'
 */
export function nodeName(n: ViewNode, lang: Lang): string {
  const named = (group: string) => (hasMessage(`kind.${group}`) ? kindName(group, lang) : carrierName(group, lang));
  switch (n.role) {
    case 'unit': {
      // A group's name already reads "一车间 · 其他（3 个）" (src/sankey/group.ts).
      const name = displayName(n, lang);
      return n.ownRegion ? t(lang, 'sankey.node.ownRegion', { name }) : name;
    }
    case 'source':
    case 'sink':
      return t(lang, `sankey.node.${n.role}`, { name: n.group !== undefined ? named(n.group) : displayName(n, lang) });
    default:
      return t(lang, `sankey.node.${n.role}`);
  }
}

/**
 * A value for labels and panels: whole numbers with the locale's thousands separator from 1 000
 * up, three significant figures below.
 *
 * @example
 * formatValue(3180.4, 'zh') // => '3,180'
 * formatValue(0.012345, 'en') // => '0.0123'
 */
export function formatValue(v: number, lang: Lang): string {
  if (!Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  if (a === 0) return '0';
  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  if (a >= 1000) return Math.round(v).toLocaleString(locale);
  return Number(v.toPrecision(3)).toLocaleString(locale, { maximumSignificantDigits: 3 });
}

/** Label font metrics, px: a 12 px font, CJK and full-width characters square, the rest about half. */
export const LABEL_FONT = { size: 12, lineHeight: 14, cjk: 12, other: 6.8, gap: 6 };

/**
 * Approximate advance of a label string, px.
 *
 * @example
 * // two CJK characters of 12 px, a space and a capital of 6.8 px: 2 × 12 + 2 × 6.8 = 37.6 px
 * textWidth('染色 A') // => 37.6
 */
export function textWidth(s: string, font = LABEL_FONT): number {
  let w = 0;
  for (const c of s) w += c.codePointAt(0)! >= 0x2e80 ? font.cjk : font.other;
  return w;
}

/** Punctuation a line must not start with (closing) or end with (opening) — Chinese line-breaking rules. */
const NO_LINE_START = /^[）)」』】〕》〉，。、；：！？,.;:!?%…·]/;
const NO_LINE_END = /[（(「『【〔《〈]$/;

/**
 * Splits text into pieces a line may break between: words of Latin text, single CJK characters,
 * with closing punctuation kept on the piece before it and opening punctuation on the piece after.
 */
function pieces(s: string): string[] {
  const raw = s.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+\s*|\s+/g) ?? [];
  const out: string[] = [];
  for (const p of raw) {
    const prev = out[out.length - 1];
    if (prev !== undefined && (NO_LINE_START.test(p) || NO_LINE_END.test(prev))) out[out.length - 1] = prev + p;
    else out.push(p);
  }
  return out;
}

/**
 * Breaks `text` into at most `maxLines` lines of at most `room` px; the last line ends in "…"
 * when the text does not fit. Words longer than a line break between characters.
 *
 * @example
 * // 30 px of room holds two 12 px CJK characters a line; the rest is cut with an ellipsis
 * wrapText('前处理车间', 30, 2) // => { lines: ['前处', '理…'], truncated: true }
 */
export function wrapText(text: string, room: number, maxLines: number): { lines: string[]; truncated: boolean } {
  const lines: string[] = [];
  let line = '';
  const parts = pieces(text).flatMap((p) => (textWidth(p) > room ? [...p] : [p]));
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (line === '' || textWidth(line + p) <= room) {
      line += p;
      continue;
    }
    lines.push(line.trimEnd());
    line = p.trimStart();
    if (lines.length === maxLines) {
      const last = lines.pop()!;
      return { lines: [...lines, ellipsis(last, room)], truncated: true };
    }
  }
  if (line) lines.push(line.trimEnd());
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = ellipsis(kept[maxLines - 1]!, room);
    return { lines: kept, truncated: true };
  }
  return { lines, truncated: false };
}

/** `s` shortened so that `s…` fits `room` (at least one character). */
function ellipsis(s: string, room: number): string {
  const chars = [...s];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`) > room) chars.pop();
  return `${chars.join('')}…`;
}

export interface PlacedLabel {
  id: string;
  /** Text lines, top to bottom: the name (wrapped) and the value. */
  lines: string[];
  /** Left edge of the text and the baseline-centre of the first line, px. */
  x: number;
  y: number;
  /** The name had to be shortened: the panel or the tables give it whole. */
  truncated: boolean;
}

interface LabelledNode {
  id: string;
  column: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * Places every node's label right of it. Width: up to the next column (or `right` for the last
 * column); height: half-way to the neighbouring nodes of its column (a wrap never runs into the
 * next label). Name and value on one line when they fit, else the name wrapped over the lines
 * the height allows and the value on a line of its own.
 *
 * @example
 * // name and value fit on one line right of the node (x1 + 6 px), centred on it
 * placeLabels([{ id: 'a', column: 0, x0: 0, x1: 10, y0: 0, y1: 40 }], () => ({ name: '染色车间', value: '3,800 t' }), 200)
 * // => [{ id: 'a', lines: ['染色车间 3,800 t'], x: 16, y: 20, truncated: false }]
 */
export function placeLabels(
  nodes: readonly LabelledNode[],
  text: (id: string) => { name: string; value: string },
  right: number,
  font = LABEL_FONT,
): PlacedLabel[] {
  const columnX = [...new Set(nodes.map((n) => n.x0))].sort((a, b) => a - b);
  const byColumn = new Map<number, LabelledNode[]>();
  for (const n of nodes) {
    const list = byColumn.get(n.x0);
    if (list) list.push(n);
    else byColumn.set(n.x0, [n]);
  }
  const out: PlacedLabel[] = [];
  for (const [x, col] of byColumn) {
    col.sort((a, b) => a.y0 - b.y0);
    const next = columnX.find((c) => c > x + 1e-6);
    col.forEach((n, i) => {
      const room = Math.max((next === undefined ? right : next) - n.x1 - 2 * font.gap, font.cjk * 2);
      const above = i > 0 ? (col[i - 1]!.y1 + n.y0) / 2 : n.y0 - font.lineHeight;
      const below = i < col.length - 1 ? (n.y1 + col[i + 1]!.y0) / 2 : n.y1 + font.lineHeight;
      const centre = (n.y0 + n.y1) / 2;
      const half = Math.min(centre - above, below - centre);
      const maxLines = Math.max(1, Math.floor((2 * half) / font.lineHeight));
      const { name, value } = text(n.id);
      let lines: string[];
      let truncated = false;
      if (textWidth(`${name} ${value}`) <= room) lines = [`${name} ${value}`];
      else if (maxLines >= 2) {
        const w = wrapText(name, room, maxLines - 1);
        lines = [...w.lines, value];
        truncated = w.truncated;
      } else {
        const w = wrapText(name, Math.max(room - textWidth(` ${value}`), font.cjk), 1);
        lines = [`${w.lines[0] ?? ''} ${value}`];
        truncated = w.truncated;
      }
      const y = centre - ((lines.length - 1) * font.lineHeight) / 2;
      out.push({ id: n.id, lines, x: n.x1 + font.gap, y, truncated });
    });
  }
  return out;
}
