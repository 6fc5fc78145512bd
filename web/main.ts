/**
 * The page: asks the worker for results and layouts, draws them, and keeps every label in the
 * message catalogue. User text (plant, node, meter names, file names) only ever goes in through
 * textContent / d3 `.text()`.
 */
import {
  displayName,
  formatValue,
  hasMessage,
  LEGEND_ORDER,
  layerTitle,
  loadAllMessages,
  palette,
  parseHex,
  t,
  type Lang,
  type Level,
  type SankeyViewSpec,
} from '../src/index.ts';
import { drawSankey, linkStyle } from './draw.ts';
import { exportPng, exportSvg, exportText } from './export.ts';
import { renderPeriods, type PeriodsExtra } from './periods.ts';
import { loadResults, resultsControls } from './panels/results.ts';
import { markAdvice, renderAdvice, type AdviceHost } from './panels/advice.ts';
import type { ReconcileSummary } from '../src/index.ts';
import { hideInspect, showInspect } from './inspect.ts';
import { registeredPanels } from './panels/index.ts';
import type { Drawn, Failed, Loaded, Request, Response } from './protocol.ts';
import { renderTable, toCsv } from './table.ts';

const DEFAULT_EXAMPLE = 'dyeing';
/** Zoom steps of the diagram. */
const ZOOM_STEP = 1.25;
const ZOOM_LIMITS = [0.25, 4] as const;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  example: $<HTMLSelectElement>('example'),
  file: $<HTMLInputElement>('file'),
  lang: $<HTMLSelectElement>('lang'),
  layer: $<HTMLSelectElement>('layer'),
  level: $<HTMLSelectElement>('level'),
  fixed: $<HTMLInputElement>('fixed'),
  reconciled: $<HTMLInputElement>('reconciled'),
  reconciledLabel: $<HTMLLabelElement>('reconciled-label'),
  group: $<HTMLInputElement>('group'),
  groupsNote: $<HTMLParagraphElement>('groups-note'),
  inspect: $<HTMLDivElement>('inspect'),
  toc: $<HTMLElement>('toc'),
  progress: $<HTMLProgressElement>('progress'),
  error: $<HTMLDivElement>('error'),
  status: $<HTMLParagraphElement>('status'),
  totals: $<HTMLParagraphElement>('totals'),
  sankey: $<HTMLDivElement>('sankey'),
  legend: $<HTMLUListElement>('legend'),
  panels: $<HTMLDivElement>('panels'),
};

const state: {
  lang: Lang;
  loaded?: Loaded;
  layer: string;
  level: Level;
  fixedScale?: number;
  drawn?: Drawn;
  svg?: SVGSVGElement;
  /** Groups of small units drawn one by one (ids of "其他 (n)" nodes clicked). */
  expand: string[];
  /** The view spec of the diagram on screen (the exports draw the same view). */
  lastSpec?: SankeyViewSpec;
  zoom: number;
} = { lang: 'zh', layer: 'water', level: 2, expand: [], zoom: 1 };

// ---- worker ---------------------------------------------------------------------------------
let nextId = 1;
const pending = new Map<number, (r: Response) => void>();
const progress = new Map<number, (bytes: number, total: number) => void>();
type Body = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
/** The requests that made the plant shown (a model, then readings): replayed into a restarted worker. */
let shownBy: Body[] = [];
let worker = startWorker();

function startWorker(): Worker {
  const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<Response>) => {
    const r = e.data;
    if (r.type === 'progress') {
      progress.get(r.id)?.(r.bytes, r.total);
      return;
    }
    pending.get(r.id)?.(r);
    pending.delete(r.id);
    progress.delete(r.id);
  };
  w.onerror = (e) => {
    e.preventDefault();
    restartWorker(e.message || 'worker error');
  };
  return w;
}

/**
 * A worker that crashed (an uncaught error, out of memory) is replaced: the requests waiting on it
 * are answered with the error (the error box shows it), and the new worker is given the plant shown
 * again, so the page stays usable with the previous plant.
 */
function restartWorker(message: string): void {
  worker.terminate();
  const waiting = [...pending.entries()];
  pending.clear();
  progress.clear();
  worker = startWorker();
  for (const body of shownBy) worker.postMessage({ ...body, id: nextId++ } as Request);
  const said = tr('web.error.restarted', { message });
  for (const [id, resolve] of waiting) resolve({ id, type: 'error', message: said });
  showError(said, []);
}

function call(body: Body, onProgress?: (bytes: number, total: number) => void): Promise<Response> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    if (onProgress) progress.set(id, onProgress);
    worker.postMessage({ ...body, id } as Request);
  });
}
// the browser tests crash the worker on purpose (web/protocol.ts 'crash')
document.addEventListener('pingheng-crash-worker', () => void call({ type: 'crash' }));

// ---- language -------------------------------------------------------------------------------
const tr = (key: string, params?: Record<string, string | number | undefined>) => t(state.lang, key, params);

function applyStaticLabels(): void {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = tr('web.title');
  // a label of a domain not loaded yet keeps the page's own text until allMessages() has run
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]'))
    if (hasMessage(el.dataset.i18n!)) el.textContent = tr(el.dataset.i18n!);
}

/**
 * The messages of the panels, reports and results: the page's bundle carries only those of its
 * first screen (vite.config.ts), the rest load once the first diagram is drawn.
 */
let messages: Promise<void> | undefined;
let messagesLoaded = false;
function allMessages(): Promise<void> {
  messages ??= loadAllMessages().then(() => {
    messagesLoaded = true;
    applyStaticLabels();
  });
  return messages;
}

// ---- loading --------------------------------------------------------------------------------
async function open(body: Body): Promise<void> {
  ui.status.textContent = tr('web.loading');
  const r = await call(body, (bytes, total) => {
    ui.progress.hidden = false;
    ui.progress.value = total > 0 ? bytes / total : 0;
  });
  ui.progress.hidden = true;
  if (r.type === 'loaded') shownBy = body.type === 'readings' ? [...shownBy, body] : [body];
  if (r.type === 'loaded') onLoaded(r);
  else if (r.type === 'failed') showFailure(r);
  else if (r.type === 'error') showError(tr('web.error.worker', { message: r.message }), []);
}

function onLoaded(loaded: Loaded): void {
  state.loaded = loaded;
  state.expand = [];
  delete document.body.dataset.extras;
  hideError();
  if (!loaded.layers.some((l) => l.layer === state.layer))
    state.layer = loaded.layers.find((l) => l.layer === 'water')?.layer ?? loaded.layers[0]?.layer ?? '';
  if (!loaded.levels.includes(state.level))
    state.level = loaded.levels.includes(2) ? 2 : loaded.levels[loaded.levels.length - 1]!;
  ui.reconciled.checked = false;
  showReconciledSwitch();
  fillSelectors();
  showLoadedStatus();
  // the panels and the analyses behind them once the diagram is up: what they load (the rest of
  // the messages, the worker's analyses) is not needed before it
  void renderView().then(() => {
    if (state.loaded !== loaded) return;
    renderPanels();
    void loadExtras(loaded);
  });
}

/** Coverage, depth, reconciliation, readings quality: computed after the diagram is up. */
async function loadExtras(loaded: Loaded): Promise<void> {
  const r = await call({ type: 'extras' });
  if (r.type !== 'extras' || state.loaded !== loaded) return;
  loaded.extras = r.extras;
  showReconciledSwitch();
  renderPanels();
  document.body.dataset.extras = String(Object.keys(r.extras).length);
  void loadResults(loaded, call, renderPanels);
}

function showReconciledSwitch(): void {
  const reconcile = state.loaded?.extras.reconcile as ReconcileSummary | undefined;
  ui.reconciledLabel.hidden = !reconcile?.values || Object.keys(reconcile.values).length === 0;
  if (ui.reconciledLabel.hidden) ui.reconciled.checked = false;
}

function showLoadedStatus(): void {
  const l = state.loaded;
  if (!l) return;
  const name = displayName(l, state.lang);
  ui.status.textContent = `${tr('web.loaded', { name, file: l.file })}${l.warnings.length ? ` · ${tr('web.warnings', { count: l.warnings.length })}` : ''}`;
}

function showFailure(f: Failed): void {
  showError(
    tr('web.error.title', { file: f.file }),
    f.issues.map((i) => `${i.where}: ${i.message}`),
  );
  showLoadedStatus();
}

function showError(title: string, lines: string[]): void {
  ui.error.replaceChildren();
  const strong = document.createElement('strong');
  strong.textContent = title;
  ui.error.append(strong);
  if (lines.length) {
    const ul = document.createElement('ul');
    for (const line of lines) {
      const li = document.createElement('li');
      li.textContent = line;
      ul.append(li);
    }
    ui.error.append(ul);
  }
  ui.error.hidden = false;
}

function hideError(): void {
  ui.error.hidden = true;
  ui.error.replaceChildren();
}

async function openFiles(files: FileList | File[]): Promise<void> {
  for (const file of files) {
    if (/\.json$/i.test(file.name) || file.type === 'application/json')
      await open({ type: 'open', text: new Uint8Array(await file.arrayBuffer()), file: file.name, lang: state.lang });
    else if (/\.(csv|txt)$/i.test(file.name) || file.type === 'text/csv')
      await open({ type: 'readings', file, lang: state.lang });
    else showError(tr('web.error.title', { file: file.name }), [tr('web.error.kind')]);
  }
}

// ---- selectors ------------------------------------------------------------------------------
function layerLabel(layer: string): string {
  return layerTitle(layer, state.lang);
}

function fillSelectors(): void {
  const l = state.loaded;
  if (!l) return;
  ui.layer.replaceChildren(
    ...l.layers.map(({ layer, unit }) => {
      const o = new Option(`${layerLabel(layer)} · ${unit}`, layer);
      o.selected = layer === state.layer;
      return o;
    }),
  );
  ui.level.replaceChildren(
    ...l.levels.map((lv) => {
      const o = new Option(tr(`web.level.${lv}`), String(lv));
      o.selected = lv === state.level;
      return o;
    }),
  );
}

// ---- the diagram ----------------------------------------------------------------------------
let viewSeq = 0;
async function renderView(): Promise<void> {
  if (!state.loaded) return;
  const seq = ++viewSeq;
  const spec: SankeyViewSpec = {
    layer: state.layer,
    level: state.level,
    ...(state.fixedScale !== undefined ? { fixedScale: state.fixedScale } : {}),
  };
  const reconcile = state.loaded.extras.reconcile as ReconcileSummary | undefined;
  if (ui.reconciled.checked && reconcile?.values) spec.reconciled = reconcile.values;
  // The VOCs layer at enterprise level is drawn as the solvent balance (src/sankey/vocs-view.ts).
  if (state.level === 1 && state.loaded.result.vocs?.layer === state.layer) spec.solvent = true;
  // The diagram takes the page's width (no minimum: it fits a narrow window; zoom and scroll do the rest).
  const width = Math.max(320, Math.floor(ui.sankey.clientWidth || 0));
  const r = await call({
    type: 'view',
    spec,
    width,
    lang: state.lang,
    group: ui.group.checked,
    expand: state.expand,
  });
  if (seq !== viewSeq) return; // a newer request superseded this one
  if (r.type !== 'view') {
    showError(tr('web.error.worker', { message: r.type === 'error' ? r.message : r.type }), []);
    return;
  }
  state.drawn = r;
  // The exported figure shows the same units: the groups on screen, with those expanded.
  state.lastSpec = r.grouped > 0 ? { ...spec, group: { maxUnits: r.units, expand: state.expand } } : spec;
  hideInspect(ui.inspect);
  const title = `${displayName(state.loaded, state.lang)} — ${layerLabel(r.layer)} — ${tr(`web.level.${r.level}`)}`;
  if (r.links.length === 0) {
    ui.sankey.replaceChildren();
    ui.sankey.textContent = tr('web.empty');
    state.svg = undefined;
  } else {
    state.svg = drawSankey(ui.sankey, r, title, {
      inspect: (target, anchor) =>
        target && anchor
          ? showInspect(ui.inspect, target, anchor, { lang: state.lang, unit: r.unit })
          : hideInspect(ui.inspect),
      expand: (id) => {
        if (!state.expand.includes(id)) state.expand.push(id);
        void renderView();
      },
    });
    applyZoom();
  }
  markAdvice(adviceHost);
  const f = (v: number) => formatValue(v, state.lang);
  ui.totals.textContent = `${tr('web.total', { total: f(r.total), unaccounted: f(r.unaccounted), unit: r.unit })} · ${tr('web.scale', { scale: Number(r.scale.toPrecision(4)).toString(), unit: r.unit })}`;
  const notes: string[] = [];
  if (r.grouped > 0) notes.push(tr('web.groups', { units: r.grouped, groups: r.groups.length }));
  if (r.crowded) notes.push(tr('web.crowded'));
  ui.groupsNote.textContent = notes.join(' ');
  ui.groupsNote.hidden = notes.length === 0;
  renderLegend();
  document.body.dataset.view = `${r.layer}:${r.level}:${state.lang}`;
  const w = window as unknown as { __pinghengFirstRender?: number };
  if (w.__pinghengFirstRender === undefined) w.__pinghengFirstRender = performance.now();
}

/** Zoom: the SVG's size follows the zoom factor (its viewBox stays), the container scrolls. */
function applyZoom(): void {
  if (!state.svg || !state.drawn) return;
  state.svg.setAttribute('width', String(Math.round(state.drawn.width * state.zoom)));
  state.svg.setAttribute('height', String(Math.round(state.drawn.height * state.zoom)));
  document.body.dataset.zoom = String(state.zoom);
}

function zoomTo(z: number): void {
  state.zoom = Math.min(ZOOM_LIMITS[1], Math.max(ZOOM_LIMITS[0], z));
  applyZoom();
}

function renderLegend(): void {
  const layer = state.drawn?.layer ?? 'water';
  ui.legend.replaceChildren(
    ...LEGEND_ORDER.map((s) => {
      const li = document.createElement('li');
      const sw = document.createElement('span');
      sw.className = 'swatch';
      const st = linkStyle({ state: s === 'negative' ? 'derived' : s, negative: s === 'negative' }, layer);
      sw.style.background = st.colour;
      sw.style.opacity = String(Math.min(1, st.opacity + 0.2));
      if (st.dash) sw.style.backgroundImage = 'repeating-linear-gradient(90deg, transparent 0 6px, #fff 6px 9px)';
      li.append(sw, document.createTextNode(tr(`web.state.${s}`)));
      return li;
    }),
    legendItem('suspect', tr('web.legend.suspect')),
    legendItem('group', tr('web.legend.group')),
  );
}

function legendItem(kind: string, text: string): HTMLLIElement {
  const li = document.createElement('li');
  const sw = document.createElement('span');
  sw.className = `swatch swatch-${kind}`;
  li.append(sw, document.createTextNode(text));
  return li;
}

// ---- tables ---------------------------------------------------------------------------------
function renderPanels(): void {
  if (!messagesLoaded) {
    void allMessages().then(renderPanels);
    return;
  }
  const loaded = state.loaded;
  ui.panels.replaceChildren();
  const toc: [string, string][] = [['diagram', tr('web.nav.diagram')]];
  if (loaded) {
    for (const panel of registeredPanels()) {
      for (const table of panel.tables({ loaded, lang: state.lang, layer: state.layer })) {
        const section = document.createElement('section');
        section.dataset.panel = panel.id;
        section.id = `panel-${table.id}`;
        const h2 = document.createElement('h2');
        const title = document.createElement('span');
        title.textContent = table.title;
        const csv = document.createElement('button');
        csv.type = 'button';
        csv.textContent = tr('web.export.csv');
        csv.dataset.csv = table.id;
        csv.onclick = () => exportText(toCsv(table), 'text/csv;charset=utf-8', `${baseName()}-${table.id}.csv`);
        h2.append(title, csv);
        section.append(h2);
        if (table.highlights?.length) {
          const p = document.createElement('p');
          p.className = 'highlights';
          for (const h of table.highlights) {
            const b = document.createElement('span');
            b.className = `verdict verdict-${h.tone}`;
            b.textContent = h.text;
            p.append(b);
          }
          section.append(p);
        }
        for (const line of table.notes ?? []) {
          const p = document.createElement('p');
          p.className = 'note';
          p.textContent = line;
          section.append(p);
        }
        if (table.columns.length > 0) renderTable(section, table, tr('web.none'), state.lang);
        ui.panels.append(section);
        toc.push([section.id, table.title]);
      }
    }
  }
  if (loaded) renderPeriods(ui.panels, loaded.extras.periods as PeriodsExtra | undefined, state.lang);
  if (loaded) {
    const section = document.createElement('section');
    renderAdvice(section, adviceHost);
    ui.panels.append(section);
    toc.push([section.id, tr('web.advice.title')]);
    markAdvice(adviceHost);
  }
  ui.toc.replaceChildren(
    ...toc.map(([id, text]) => {
      const a = document.createElement('a');
      a.href = `#${id}`;
      a.textContent = text;
      return a;
    }),
  );
}

/** The advice panel (web/panels/advice.ts) asks the worker, reads the diagram, and switches the view. */
const adviceHost: AdviceHost = {
  loaded: () => state.loaded,
  lang: () => state.lang,
  call: (body) => call(body),
  diagram: () => ({ svg: state.svg, drawn: state.drawn, levels: state.loaded?.levels ?? [] }),
  show: async (layer, level) => {
    Object.assign(state, { layer, level, expand: [] });
    fillSelectors();
    renderPanels();
    await renderView();
  },
};

// ---- exports --------------------------------------------------------------------------------
function baseName(): string {
  const name = (state.loaded?.file ?? 'plant').replace(/\.json$/i, '').replace(/[\\/:*?"<>|\s]+/g, '_');
  return `${name}-${state.layer}-L${state.level}`;
}

/**
 * SVG and PNG exports draw the report's figure (src/sankey/figure.ts: title, scope, unit, legend,
 * totals) of the view on screen — the same function the report uses.
 */
async function figure(): Promise<{ svg: string; width: number; height: number } | undefined> {
  if (!state.loaded || !state.lastSpec) return undefined;
  const r = await call({ type: 'figure', spec: state.lastSpec, lang: state.lang, width: 1200 });
  if (r.type === 'figure') return r;
  showError(tr('web.error.worker', { message: r.type === 'error' ? r.message : r.type }), []);
  return undefined;
}
$('export-svg').onclick = async () => {
  const f = await figure();
  if (f) exportSvg(f.svg, `${baseName()}.svg`);
};
$('export-png').onclick = async () => {
  const f = await figure();
  if (f) await exportPng(f.svg, f.width, f.height, `${baseName()}.png`);
};
$('export-report').onclick = () =>
  void import('./report.ts').then((m) => m.downloadReport($('export-report'), call, state.lang, ui.status));
$('export-json').onclick = () => {
  if (!state.loaded) return;
  const { result, extras, name, file, warnings } = state.loaded;
  exportText(
    JSON.stringify({ name, file, warnings, ...result, extras }, null, 2),
    'application/json',
    `${baseName()}-results.json`,
  );
};

// ---- events ---------------------------------------------------------------------------------
ui.example.onchange = () => void open({ type: 'example', name: ui.example.value, lang: state.lang });
ui.file.onchange = () => {
  if (ui.file.files) void openFiles([...ui.file.files]);
  ui.file.value = '';
};
ui.layer.onchange = () => {
  state.layer = ui.layer.value;
  state.expand = [];
  void renderView();
  renderPanels();
};
ui.level.onchange = () => {
  state.level = Number(ui.level.value) as Level;
  state.expand = [];
  void renderView();
};
ui.fixed.onchange = () => {
  state.fixedScale = ui.fixed.checked ? state.drawn?.scale : undefined;
  void renderView();
};
ui.reconciled.onchange = () => void renderView();
ui.group.onchange = () => {
  state.expand = [];
  void renderView();
};
$('zoom-in').onclick = () => zoomTo(state.zoom * ZOOM_STEP);
$('zoom-out').onclick = () => zoomTo(state.zoom / ZOOM_STEP);
$('zoom-fit').onclick = () => zoomTo(state.drawn ? Math.min(1, ui.sankey.clientWidth / state.drawn.width) : 1);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') hideInspect(ui.inspect);
});
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
let lastWidth = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    // Redraw at the new width (the height follows the plant, so only width changes matter).
    if (Math.abs(ui.sankey.clientWidth - lastWidth) > 40) {
      lastWidth = ui.sankey.clientWidth;
      void renderView();
    }
  }, 200);
});
ui.lang.onchange = () => {
  state.lang = ui.lang.value as Lang;
  applyStaticLabels();
  fillSelectors();
  showLoadedStatus();
  if (!ui.error.hidden) hideError();
  void renderView();
  renderPanels();
};
document.addEventListener('dragover', (e) => {
  e.preventDefault();
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
document.addEventListener('drop', (e) => {
  e.preventDefault();
  document.body.classList.remove('dragging');
  if (e.dataTransfer?.files.length) void openFiles([...e.dataTransfer.files]);
});

resultsControls(document.querySelector('header .controls')!, (after) => {
  if (state.loaded) void loadResults(state.loaded, call, renderPanels, after);
});
/** The palette's status and verdict colours as CSS variables, so table badges match the diagram. */
function applyPaletteToCss(): void {
  const root = document.documentElement.style;
  const luminance = (hex: string) => {
    const [r, g, b] = parseHex(hex).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
      number,
      number,
      number,
    ];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  for (const [k, c] of Object.entries(palette.status)) {
    root.setProperty(`--status-${k}`, c);
    // Dark text on light badges (WCAG: the higher contrast of black and white).
    root.setProperty(`--status-${k}-text`, luminance(c) > 0.18 ? palette.text : '#ffffff');
  }
  for (const [k, c] of Object.entries(palette.verdict)) root.setProperty(`--verdict-${k}`, c);
}

applyPaletteToCss();
applyStaticLabels();
void open({ type: 'example', name: DEFAULT_EXAMPLE, lang: state.lang });
