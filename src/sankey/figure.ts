import type { CheckResult } from '../balance/types.ts';
import { carrier } from '../data/carriers.ts';
import {
  carrierName,
  displayName,
  formatSignificant,
  hasMessage,
  kindName,
  layerName,
  t,
  type Lang,
} from '../i18n/index.ts';
import type { PlantGraph } from '../model/graph.ts';
import { sankeyLayout, sankeyLinkPath, type SankeyLayoutResult } from './layout.ts';
import { labelledAdjustments, linkMidpoint } from './marks.ts';
import { LEGEND_ORDER, linkStyle, palette } from './palette.ts';
import { sankeyView, type SankeyView, type SankeyViewSpec, type ViewLink, type ViewNode } from './view.ts';

/**
 * A report-ready Sankey figure as one SVG string (no DOM): the title, the scope (plant, level or
 * subtree), the unit, the diagram, a legend of what is drawn and the totals — all inside the
 * figure, so a PNG cut from it still says what it shows. The report (src/report/) and the web
 * app's SVG/PNG export call this same function.
 *
 * ```ts
 * const fig = sankeyFigure({ graph, result }, { layer: 'water', level: 2 }, { lang: 'zh' });
 * fig.svg;              // '<svg xmlns="http://www.w3.org/2000/svg" width="960" height="…">…'
 * fig.width, fig.height // px (CSS pixels; rasterise at 2× for print)
 * ```
 *
 * Every user text (node names) is XML-escaped. Styles are presentation attributes, so the SVG
 * stands alone (inline in HTML, as a file, or rasterised by resvg or a browser canvas).
 */
export interface SankeyFigureOptions {
  lang: Lang;
  /** Total width, px (default 960); the height follows the number of nodes. */
  width?: number;
  /** Default: "水平衡图" / "water balance". */
  title?: string;
  /** The plant's name in the subtitle; default the model's (nameEn in English when given). */
  plant?: string;
  /** CSS font-family list; the default names CJK fonts common on Linux, Windows and macOS. */
  fontFamily?: string;
  /**
   * Suspect meters of the layer (marks.ts `suspectMeters`): layer-flow id → the mark's text. Their
   * links get a dark dashed casing and "⚠ M2" written on them, as on the web page.
   */
  suspects?: Readonly<Record<string, string>>;
}

export interface SankeyFigure {
  svg: string;
  width: number;
  height: number;
  title: string;
  /** The diagram data drawn (totals, nodes, links). */
  view: SankeyView;
  /** The marks written on links: measured → reconciled adjustments and suspect meters. */
  marks: { adjustment?: string; suspect: string[]; source: string; target: string }[];
}

/** Fonts tried in order: Linux (WenQuanYi, Noto CJK), Windows (Microsoft YaHei), macOS (PingFang). */
export const FIGURE_FONT_FAMILY =
  '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

const PAD = 16;
const HEADER = 62;
const NODE_WIDTH = 12;
/** Room for two label lines (12 + 11 px) between nodes. */
const NODE_PADDING = 26;
const LABEL_GAP = 6;
const FONT = 12;
const SMALL = 11;
/** A side column's labels never take more than this share of the width. */
const MAX_MARGIN_SHARE = 0.3;

/**
 * Draws one layer of a checked model at one level (or inside one node's subtree).
 *
 * @example
 * const graph = buildGraph(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model);
 * const f = sankeyFigure({ graph, result: checkModel(graph) }, { layer: 'water', level: 2 }, { lang: 'zh', width: 800 });
 * [f.width, f.title, f.svg.slice(0, 4)] // => [800, '水平衡图', '<svg']
 */
export function sankeyFigure(
  input: { graph: PlantGraph; result?: CheckResult },
  spec: SankeyViewSpec,
  options: SankeyFigureOptions,
): SankeyFigure {
  const { graph } = input;
  const { lang } = options;
  const view = sankeyView(input, spec);
  const width = Math.max(480, options.width ?? 960);
  const layer = layerName(view.layer, lang);
  const title = options.title ?? sentence(t(lang, 'figure.title', { layer }));
  const plant = options.plant ?? displayName(graph.model, lang);
  const scope = scopeText(graph, spec, lang);
  const subtitle = t(lang, 'figure.subtitle', {
    plant,
    scope: spec.reconciled ? `${scope}${t(lang, 'figure.reconciledScope')}` : scope,
    unit: view.unit,
  });
  const names = new Map(view.nodes.map((n) => [n.id, nodeName(n, view, graph, lang)]));
  const font = options.fontFamily ?? FIGURE_FONT_FAMILY;

  const parts: string[] = [];
  let y = HEADER;
  let body: { height: number; svg: string; marks: SankeyFigure['marks'] } = { height: 0, svg: '', marks: [] };
  if (view.links.length === 0) {
    const empty = text(PAD, y + 30, t(lang, 'figure.empty'), { size: 13, fill: palette.verdict.neutral });
    body = { height: 60, svg: empty, marks: [] };
  } else body = drawBody(view, names, width, y, lang, options.suspects ?? {});
  y += body.height + 14;
  const legend = drawLegend(view, width, y, lang, body.marks);
  y += legend.height;
  const totals = totalsText(view, lang);
  const height = Math.ceil(y + 24);

  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(font)}" font-size="${FONT}" role="img" aria-label="${esc(title)}">`,
    `<title>${esc(title)}</title>`,
    `<desc>${esc(`${subtitle}. ${totals}`)}</desc>`,
    `<rect width="${width}" height="${height}" fill="${palette.background}"/>`,
    text(PAD, 28, title, { size: 18, weight: 'bold', fill: palette.text }),
    text(PAD, 50, subtitle, { size: 13, fill: palette.verdict.neutral }),
    body.svg,
    legend.svg,
    text(PAD, y + 14, totals, { size: 12.5, fill: view.unaccounted > 0 ? palette.verdict.fail : palette.text }),
    '</svg>',
  );
  return { svg: parts.join(''), width, height, title, view, marks: body.marks };
}

/** The diagram: layout with room left and right for the outer columns' labels, links, nodes, labels. */
function drawBody(
  view: SankeyView,
  names: Map<string, string>,
  width: number,
  top: number,
  lang: Lang,
  suspects: Readonly<Record<string, string>>,
): { height: number; svg: string; marks: SankeyFigure['marks'] } {
  const label = (n: ViewNode, value: number) => ({
    name: names.get(n.id)!,
    value: `${formatSignificant(value, lang, 3)} ${view.unit}${
      n.status === 'open' && n.closure != null
        ? `  ${t(lang, 'figure.openNote', { closure: formatSignificant(n.closure * 100, lang, 3) })}`
        : ''
    }`,
  });
  const run = (x0: number, x1: number, height: number) =>
    sankeyLayout<ViewNode, ViewLink>({
      extent: [
        [x0, top],
        [x1, top + height],
      ],
      nodeWidth: NODE_WIDTH,
      nodePadding: NODE_PADDING,
      ...(view.fixedScale !== undefined ? { scale: view.fixedScale } : {}),
    })(view);
  // First pass: columns (they do not depend on the extent) → label margins and height.
  const first = run(PAD, width - PAD, 400);
  const perColumn = new Map<number, number>();
  for (const n of first.nodes) perColumn.set(n.column, (perColumn.get(n.column) ?? 0) + 1);
  const height = Math.min(2400, Math.max(260, 54 * Math.max(...perColumn.values()) + 40));
  const last = first.columns - 1;
  const marginOf = (column: number) => {
    let w = 0;
    for (const n of first.nodes) {
      if (n.column !== column) continue;
      const l = label(n.data, n.value);
      w = Math.max(w, textWidth(l.name, FONT), textWidth(l.value, SMALL));
    }
    return Math.min(width * MAX_MARGIN_SHARE, w + LABEL_GAP + 2);
  };
  const left = marginOf(0);
  const right = last > 0 ? marginOf(last) : 0;
  const layout = run(PAD + left, width - PAD - right, height);
  let bottom = top + height;
  for (const l of layout.links) if (l.laneY !== undefined) bottom = Math.max(bottom, l.laneY + l.width / 2);

  // Marks: suspect meters (a dark dashed casing under the link, so the mark does not depend on
  // colour) and the largest measured → reconciled adjustments, written on the link.
  const suspectOf = (l: (typeof layout.links)[number]) => [
    ...new Set(l.data.flows.filter((f) => suspects[f] !== undefined).map((f) => suspects[f]!)),
  ];
  const adjusted = new Set(
    labelledAdjustments(layout.links.map((l) => ({ measured: l.data.measured, value: l.value, link: l }))).map(
      (a) => a.link,
    ),
  );
  const marked = layout.links.filter((l) => adjusted.has(l) || suspectOf(l).length > 0);
  const marks: SankeyFigure['marks'] = marked.map((l) => {
    const m: SankeyFigure['marks'][number] = { suspect: suspectOf(l), source: l.source.id, target: l.target.id };
    if (adjusted.has(l))
      m.adjustment = `${formatSignificant(l.data.measured!, lang, 3)} → ${formatSignificant(l.value, lang, 3)}`;
    return m;
  });
  const out: string[] = ['<g fill="none">'];
  for (const l of marked) {
    if (suspectOf(l).length === 0) continue;
    out.push(
      `<path d="${sankeyLinkPath(l)}" stroke="${palette.suspect.colour}" stroke-opacity="0.9" stroke-width="${round(Math.max(1, l.width) + 2 * palette.suspect.width)}" stroke-dasharray="${palette.suspect.dash}" data-mark="suspect"/>`,
    );
  }
  for (const l of layout.links) {
    const s = linkStyle(l.data.state, view.layer, l.data.negative === true);
    const colour = s.colour;
    const w = l.data.state === 'unmeasured' ? palette.hairline : Math.max(1, l.width);
    const titleText = `${names.get(l.source.id)} → ${names.get(l.target.id)}: ${formatSignificant(l.value, lang, 3)} ${view.unit} (${t(lang, `figure.state.${l.data.negative ? 'negative' : l.data.state}`)})`;
    out.push(
      `<path d="${sankeyLinkPath(l)}" stroke="${colour}" stroke-opacity="${l.circular ? s.opacity * 0.7 : s.opacity}" stroke-width="${round(w)}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}${l.circular ? ' stroke-linejoin="round"' : ''}><title>${esc(titleText)}</title></path>`,
    );
  }
  out.push('</g><g>');
  for (const n of layout.nodes) {
    const status = n.data.status ? palette.status[n.data.status] : undefined;
    out.push(
      `<rect x="${round(n.x0)}" y="${round(n.y0)}" width="${round(n.x1 - n.x0)}" height="${round(Math.max(1, n.y1 - n.y0))}" fill="${palette.node[n.data.role]}"${status ? ` stroke="${status}" stroke-width="2.5"` : n.data.members ? ` stroke="${palette.verdict.neutral}" stroke-width="1.5" stroke-dasharray="3 2"` : ''}/>`,
    );
  }
  out.push('</g><g>', labels(layout, label, width, last), '</g><g text-anchor="middle">');
  marked.forEach((l, i) => {
    const m = marks[i]!;
    const mid = linkMidpoint(l);
    const words = [m.adjustment, m.suspect.length > 0 ? `⚠ ${m.suspect.join(', ')}` : ''].filter(Boolean).join('  ');
    out.push(
      text(mid.x, mid.y + 4, words, {
        size: SMALL,
        fill: palette.adjustment.text,
        halo: true,
        ...(m.suspect.length > 0 ? { weight: 'bold' } : {}),
      }),
    );
  });
  out.push('</g>');
  return { height: bottom - top, svg: out.join(''), marks };
}

/** Labels: left of the first column, right of the others; cut with "…" to the room before the next column. */
function labels(
  layout: SankeyLayoutResult<ViewNode, ViewLink>,
  label: (n: ViewNode, value: number) => { name: string; value: string },
  width: number,
  last: number,
): string {
  const columnX = [...new Set(layout.nodes.map((n) => n.x0))].sort((a, b) => a - b);
  const out: string[] = [];
  for (const n of layout.nodes) {
    const l = label(n.data, n.value);
    const leftSide = n.column === 0 && last > 0;
    const x = leftSide ? n.x0 - LABEL_GAP : n.x1 + LABEL_GAP;
    const next = columnX.find((cx) => cx > n.x0 + 1);
    const room = leftSide ? n.x0 - PAD - LABEL_GAP : (next ?? width - PAD) - x - (next === undefined ? 0 : 4);
    const mid = (n.y0 + n.y1) / 2;
    const anchor = leftSide ? 'end' : 'start';
    const open = n.data.status === 'open';
    out.push(
      text(x, mid - 2, fitText(l.name, room, FONT), { anchor, fill: palette.text, halo: true }),
      text(x, mid + 11, fitText(l.value, room, SMALL), {
        anchor,
        fill: open ? palette.status.open : palette.verdict.neutral,
        size: SMALL,
        halo: true,
      }),
    );
  }
  return out.join('');
}

/** Legend: the flow states drawn, stock and imbalance nodes, and the unit outlines' meaning. */
function drawLegend(
  view: SankeyView,
  width: number,
  top: number,
  lang: Lang,
  marks: SankeyFigure['marks'],
): { height: number; svg: string } {
  const states = new Set<string>();
  for (const l of view.links) states.add(l.negative ? 'negative' : l.state);
  const items: { swatch: string; label: string }[] = [];
  for (const s of LEGEND_ORDER) {
    if (!states.has(s)) continue;
    const st = s === 'negative' ? linkStyle('measured', view.layer, true) : linkStyle(s, view.layer);
    const colour = st.colour;
    items.push({
      swatch: `<line x1="0" y1="0" x2="22" y2="0" stroke="${colour}" stroke-opacity="${Math.max(0.6, st.opacity)}" stroke-width="${s === 'unmeasured' ? palette.hairline : 8}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/>`,
      label: t(lang, `figure.state.${s}`),
    });
  }
  const statuses = new Set<string>();
  for (const n of view.nodes) if (n.status !== undefined) statuses.add(n.status);
  for (const s of ['closed', 'open', 'by-difference', 'indeterminate']) {
    if (!statuses.has(s)) continue;
    items.push({
      swatch: `<rect x="6" y="-6" width="10" height="12" fill="${palette.node.unit}" stroke="${palette.status[s as keyof typeof palette.status]}" stroke-width="2.5"/>`,
      label: t(lang, 'figure.status', { status: t(lang, `status.${s}`) }),
    });
  }
  if (view.groups && view.groups.grouped > 0)
    items.push({
      swatch: `<rect x="6" y="-6" width="10" height="12" fill="${palette.node.unit}" stroke="${palette.verdict.neutral}" stroke-dasharray="3 2"/>`,
      label: t(lang, 'figure.legend.group', { n: view.groups.grouped }),
    });
  if (marks.some((m) => m.suspect.length > 0))
    items.push({
      swatch: `<line x1="0" y1="0" x2="22" y2="0" stroke="${palette.suspect.colour}" stroke-width="8" stroke-dasharray="${palette.suspect.dash}"/>`,
      label: t(lang, 'figure.legend.suspect'),
    });
  if (marks.some((m) => m.adjustment !== undefined))
    items.push({
      swatch: `<text x="11" y="4" text-anchor="middle" font-size="${SMALL}" fill="${palette.adjustment.text}">a→b</text>`,
      label: t(lang, 'figure.legend.adjustment'),
    });
  const out: string[] = [];
  let x = PAD;
  let y = top + 8;
  for (const item of items) {
    const w = 30 + textWidth(item.label, FONT) + 18;
    if (x + w > width - PAD && x > PAD) {
      x = PAD;
      y += 20;
    }
    out.push(`<g transform="translate(${round(x)},${round(y)})">${item.swatch}</g>`);
    out.push(text(x + 28, y + 4, item.label, { fill: palette.text }));
    x += w;
  }
  return { height: items.length === 0 ? 0 : y - top + 14, svg: out.join('') };
}

function totalsText(view: SankeyView, lang: Lang): string {
  const total = t(lang, 'figure.total', { total: formatSignificant(view.total, lang, 3), unit: view.unit });
  const imbalance =
    view.unaccounted > 0
      ? t(lang, 'figure.unaccounted', {
          value: formatSignificant(view.unaccounted, lang, 3),
          unit: view.unit,
          pct: view.total > 0 ? formatSignificant((100 * view.unaccounted) / view.total, lang, 2) : '—',
        })
      : t(lang, 'figure.balanced');
  return `${total}；${imbalance}`.replace('；', lang === 'zh' ? '；' : '; ');
}

function scopeText(graph: PlantGraph, spec: SankeyViewSpec, lang: Lang): string {
  if (spec.root === undefined) return t(lang, `figure.scope.${spec.level}`);
  const name = displayName(graph.nodes[graph.nodeIndex.get(spec.root)!]!, lang);
  return t(lang, 'figure.scope.root', { name, level: t(lang, `figure.level.${spec.level}`) });
}

/**
 * A drawn node's name in the language: a unit's name (nameEn in English); an outside node's
 * flow kind or carrier label (产品, 新水); a free material carrier the name of its one flow, when
 * it has one; stock and imbalance nodes their fixed labels.
 */
function nodeName(n: ViewNode, view: SankeyView, graph: PlantGraph, lang: Lang): string {
  const own = displayName(n, lang);
  switch (n.role) {
    case 'unit':
      return n.ownRegion ? t(lang, 'figure.node.ownRegion', { name: own }) : own;
    case 'source':
    case 'sink': {
      if (n.group === undefined) return own;
      if (hasMessage(`kind.${n.group}`)) return kindName(n.group, lang);
      if (carrier(n.group) || hasMessage(`carrier.${n.group}`)) return carrierName(n.group, lang);
      const flows = new Set(view.links.filter((l) => l.source === n.id || l.target === n.id).flatMap((l) => l.flows));
      const named = [...flows]
        .map((id) => graph.model.flows[graph.flows[graphFlowIndex(graph, id)]?.flowIndex ?? -1])
        .filter((f) => f?.name !== undefined);
      if (flows.size === 1 && named.length === 1) return displayName(named[0]!, lang);
      return carrierName(n.group, lang);
    }
    default:
      return t(lang, `figure.node.${n.role}`);
  }
}

const flowIndexCache = new WeakMap<PlantGraph, Map<string, number>>();
function graphFlowIndex(graph: PlantGraph, id: string): number {
  let m = flowIndexCache.get(graph);
  if (!m) {
    m = new Map(graph.flows.map((f, i) => [f.id, i]));
    flowIndexCache.set(graph, m);
  }
  return m.get(id) ?? -1;
}

/**
 * Approximate advance of `s` at `size` px: CJK and full-width characters are square, capitals
 * and digits ~0.62 em, other Latin ~0.52 em (no font metrics without a DOM).
 */
export function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x2e80 || (c >= 0xff00 && c <= 0xffef)) w += 1;
    else if (c === 0x20) w += 0.3;
    else if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a)) w += 0.62;
    else w += 0.52;
  }
  return w * size;
}

/** `s`, shortened with "…" to fit `room` px. */
function fitText(s: string, room: number, size: number): string {
  if (textWidth(s, size) <= room) return s;
  const chars = [...s];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, size) > room) chars.pop();
  return `${chars.join('')}…`;
}

function text(
  x: number,
  y: number,
  s: string,
  o: { size?: number; weight?: string; fill?: string; anchor?: string; halo?: boolean } = {},
): string {
  const attrs = [
    `x="${round(x)}"`,
    `y="${round(y)}"`,
    o.size !== undefined ? `font-size="${o.size}"` : '',
    o.weight ? `font-weight="${o.weight}"` : '',
    o.fill ? `fill="${o.fill}"` : '',
    o.anchor && o.anchor !== 'start' ? `text-anchor="${o.anchor}"` : '',
    o.halo ? `stroke="${palette.halo}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"` : '',
  ].filter(Boolean);
  return `<text ${attrs.join(' ')}>${esc(s)}</text>`;
}

/** First letter up: English titles made from a lower-case name ("water balance" → "Water balance"). */
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const round = (v: number) => Math.round(v * 100) / 100;

/** XML text and attribute escaping. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
