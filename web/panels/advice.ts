/**
 * Meter-placement advice in the page (docs/advice.md §In the web app): a target selector (simple, key,
 * full, or redundancy for reconciliation), the worker's advice (web/advice.ts) as a list — the flow's
 * name in the page's language, the action, layer and level, the class needed, the reason; the meters
 * to re-verify, the verdict reached, whether the choice is proven optimal — and the affected flows
 * highlighted on the Sankey: every advised flow gets a casing; hovering or focusing a row highlights its
 * flow alone and dims the rest; clicking a row (or Enter) switches the diagram to the layer and level
 * that draw the flow and keeps it highlighted. Text only through textContent (names are user input).
 */
import { layerName, palette, t, type Lang, type Level } from '../../src/index.ts';
import type { AdviceExtra, AdviceGoal, AdviceItem } from '../advice.ts';
import type { DrawLink, Drawn, Loaded, Request, Response } from '../protocol.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const GOALS: readonly AdviceGoal[] = ['simple', 'key', 'full', 'redundancy'];
/** The casing of a highlighted link: this many px wider than the link on each side. */
const CASING_PAD = 4;
/** Opacity of the casing of every advised flow, and of the flow hovered, focused or chosen. */
const CASING_OPACITY = { all: 0.35, one: 0.9 } as const;

/** What the panel needs from the page (web/main.ts). */
export interface AdviceHost {
  /** The plant shown and the page's language, now. */
  loaded(): Loaded | undefined;
  lang(): Lang;
  call(body: Omit<Extract<Request, { type: 'advice' }>, 'id'>): Promise<Response>;
  /** The diagram on screen, and the levels the plant has. */
  diagram(): { svg?: SVGSVGElement; drawn?: Drawn; levels: readonly Level[] };
  /** Draws `layer` at `level` (selectors follow); resolves once drawn. */
  show(layer: string, level: Level): Promise<void>;
}

/** The panel's state per plant shown: the goal picked, the advice, the flow chosen. */
interface State {
  goal: AdviceGoal;
  advice?: AdviceExtra;
  error?: string;
  running?: boolean;
  chosen?: string;
  hovered?: string;
}
const states = new WeakMap<Loaded, State>();
const stateOf = (loaded: Loaded): State => {
  let s = states.get(loaded);
  if (!s) states.set(loaded, (s = { goal: 'key' }));
  return s;
};

/**
 * Indices of the drawn links that carry any of `flows` (model flow ids; an aggregated link carries many).
 * @example linksCarrying([{ modelFlows: ['A'] }, { modelFlows: ['B', 'C'] }], new Set(['C'])) // [1]
 */
export function linksCarrying(links: readonly Pick<DrawLink, 'modelFlows'>[], flows: ReadonlySet<string>): number[] {
  const out: number[] = [];
  links.forEach((l, i) => {
    if (l.modelFlows.some((f) => flows.has(f))) out.push(i);
  });
  return out;
}

/**
 * Where the diagram draws an advised flow: its layer at the deepest level it is needed at, or the
 * plant's deepest level when it has fewer.
 * @example viewOf({ layer: 'water', level: 3 }, [1, 2]) // { layer: 'water', level: 2 }
 */
export function viewOf(
  item: Pick<AdviceItem, 'layer' | 'level'>,
  levels: readonly Level[],
): { layer: string; level: Level } {
  const fits = levels.filter((l) => l <= item.level);
  const level = fits.length ? Math.max(...fits) : Math.min(...levels);
  return { layer: item.layer, level: level as Level };
}

/**
 * The flows to highlight now: the one hovered (when the diagram draws it), else the one chosen, else
 * every advised flow — so a row passed over on the way does not wipe the choice.
 */
function highlighted(s: State, onDiagram: ReadonlySet<string>): { flows: Set<string>; one: boolean } {
  const one = s.hovered && onDiagram.has(s.hovered) ? s.hovered : s.chosen;
  if (one) return { flows: new Set([one]), one: true };
  return { flows: new Set(s.advice?.items.map((i) => i.flow) ?? []), one: false };
}

/**
 * Marks the advised flows on the diagram on screen: a casing under each link that carries one, the
 * links marked `data-advice`; with a single flow highlighted the other links are dimmed (styles.css).
 * Called again after every redraw (web/main.ts). Returns how many links are marked.
 */
export function markAdvice(host: AdviceHost): number {
  const loaded = host.loaded();
  const { svg, drawn } = host.diagram();
  // the list says which advised flows the diagram shown does not draw (styles.css shows the hint)
  const onDiagram = new Set(drawn?.links.flatMap((l) => l.modelFlows) ?? []);
  for (const row of document.querySelectorAll<HTMLTableRowElement>('tr.advice-item'))
    row.dataset.drawn = onDiagram.has(row.dataset.flow!) ? 'yes' : 'no';
  if (!svg || !drawn) return 0;
  svg.querySelector('g.advice-marks')?.remove();
  svg.classList.remove('advice-one');
  const paths = [...svg.querySelectorAll<SVGPathElement>('g.links > path')];
  for (const p of paths) p.removeAttribute('data-advice');
  const s = loaded ? states.get(loaded) : undefined;
  if (!s?.advice || paths.length !== drawn.links.length) return 0;
  const { flows, one } = highlighted(s, onDiagram);
  const marked = linksCarrying(drawn.links, flows);
  if (marked.length === 0) return 0;
  const g = document.createElementNS(SVG_NS, 'g');
  g.setAttribute('class', 'advice-marks');
  g.setAttribute('fill', 'none');
  g.setAttribute('pointer-events', 'none');
  for (const i of marked) {
    const l = drawn.links[i]!;
    const casing = document.createElementNS(SVG_NS, 'path');
    casing.setAttribute('d', l.d);
    casing.setAttribute('stroke', palette.text);
    casing.setAttribute('stroke-opacity', String(one ? CASING_OPACITY.one : CASING_OPACITY.all));
    casing.setAttribute('stroke-width', String(Math.max(1, l.width) + 2 * CASING_PAD));
    g.append(casing);
    paths[i]!.setAttribute('data-advice', one ? 'one' : 'all');
  }
  // under the links (and the suspects' casings), so the link keeps its own colour on top
  svg.querySelector('g.links')?.before(g);
  if (one) svg.classList.add('advice-one');
  return marked.length;
}

/**
 * Fills `section` (made by the page, which adds it to its panels) with the advice panel of the plant
 * shown. The panel redraws itself in place — in the section on the page now, which the page may have
 * replaced meanwhile (its panels re-render when the extras arrive or the language changes).
 */
export function renderAdvice(section: HTMLElement, host: AdviceHost): void {
  const loaded = host.loaded();
  if (!loaded) return;
  const lang = host.lang();
  const s = stateOf(loaded);
  const tr = (key: string, params?: Record<string, string | number>) => t(lang, key, params);
  const rerender = () => {
    if (host.loaded() !== loaded) return;
    const live = document.querySelector<HTMLElement>('section[data-panel="advice"]') ?? section;
    live.replaceChildren();
    renderAdvice(live, host);
  };
  section.dataset.panel = 'advice';
  section.id = 'panel-advice';
  const h2 = document.createElement('h2');
  h2.textContent = tr('web.advice.title');
  const hint = document.createElement('p');
  hint.className = 'note';
  hint.textContent = tr('web.advice.hint');

  const controls = document.createElement('p');
  controls.className = 'advice-controls';
  const label = document.createElement('label');
  label.textContent = `${tr('web.advice.goal')} `;
  const select = document.createElement('select');
  select.id = 'advice-goal';
  for (const g of GOALS) {
    const o = new Option(g === 'redundancy' ? tr('web.advice.goal.redundancy') : tr(`depth.label.${g}`), g);
    o.selected = g === s.goal;
    select.append(o);
  }
  select.onchange = () => {
    s.goal = select.value as AdviceGoal;
  };
  label.append(select);
  const run = document.createElement('button');
  run.type = 'button';
  run.id = 'advice-run';
  run.textContent = tr(s.running ? 'web.advice.running' : 'web.advice.run');
  run.disabled = s.running === true;
  run.onclick = async () => {
    s.running = true;
    delete s.chosen;
    delete s.hovered;
    rerender();
    const r = await host.call({ type: 'advice', goal: s.goal });
    s.running = false;
    if (r.type === 'advice') {
      s.advice = r.advice;
      delete s.error;
    } else {
      delete s.advice;
      s.error = r.type === 'error' ? r.message : r.type;
    }
    rerender();
    markAdvice(host);
    document.body.dataset.advice = s.advice ? `${s.advice.goal}:${s.advice.items.length}` : 'error';
  };
  controls.append(label, run);
  section.append(h2, hint, controls);
  if (s.error) section.append(note(tr('web.advice.failed', { message: s.error })));
  const a = s.advice;
  if (a) section.append(...body(a, s, lang, host, rerender));
}

const note = (text: string, className = 'note') => {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
};

function badge(text: string, tone: 'pass' | 'fail' | 'neutral'): HTMLSpanElement {
  const b = document.createElement('span');
  b.className = `verdict verdict-${tone}`;
  b.textContent = text;
  return b;
}

/** The verdicts, the list and the other conditions of an advice. */
function body(a: AdviceExtra, s: State, lang: Lang, host: AdviceHost, rerender: () => void): HTMLElement[] {
  const tr = (key: string, params?: Record<string, string | number>) => t(lang, key, params);
  const out: HTMLElement[] = [];
  if (a.issues) {
    out.push(note(tr('web.advice.invalid')));
    const ul = document.createElement('ul');
    for (const i of a.issues) {
      const li = document.createElement('li');
      li.textContent = `${i.where}: ${i.text[lang]}`;
      ul.append(li);
    }
    out.push(ul);
    return out;
  }
  const verdicts = document.createElement('p');
  verdicts.className = 'highlights';
  if (a.impossible) {
    verdicts.append(badge(tr('web.advice.impossible'), 'fail'));
    out.push(verdicts, note(a.impossible[lang], 'note advice-impossible'));
    return out;
  }
  if (a.from) verdicts.append(badge(tr('web.advice.from', { depth: a.from[lang] }), 'neutral'));
  if (a.reaches)
    verdicts.append(badge(tr('web.advice.reaches', { depth: a.reaches[lang] }), a.reached ? 'pass' : 'fail'));
  if (a.goal === 'redundancy')
    verdicts.append(
      badge(
        tr(a.reached ? 'web.advice.redundancyReached' : 'web.advice.redundancyNotReached'),
        a.reached ? 'pass' : 'fail',
      ),
    );
  const count = Number(a.cost.toPrecision(6));
  verdicts.append(
    badge(
      a.optimal
        ? tr('web.advice.optimal', { count })
        : tr('web.advice.notOptimal', { count, bound: Number(a.bound.toPrecision(6)) }),
      a.optimal ? 'pass' : 'neutral',
    ),
  );
  out.push(verdicts);
  if (a.reaches && !a.reached) out.push(note(tr('web.advice.notReached')));
  for (const l of a.layers ?? [])
    out.push(
      note(
        tr('web.advice.layer', { layer: l.layer[lang], unobservable: l.unobservable, focus: l.focus, after: l.after }),
      ),
    );
  if (a.items.length === 0 && a.steps.length === 0) out.push(note(tr('web.advice.nothing')));
  if (a.items.length > 0) out.push(list(a, s, lang, host, rerender));
  if (a.reverify.length > 0)
    out.push(note(tr('web.advice.reverify', { meters: a.reverify.join(lang === 'zh' ? '、' : ', ') })));
  if (a.steps.length > 0) {
    out.push(note(tr('web.advice.steps')));
    const ul = document.createElement('ul');
    ul.className = 'advice-steps';
    for (const step of a.steps) {
      const li = document.createElement('li');
      li.textContent = step[lang];
      ul.append(li);
    }
    out.push(ul);
  }
  return out;
}

/** The table of advised meters; each row highlights its flow on hover or focus, and shows it on click. */
function list(a: AdviceExtra, s: State, lang: Lang, host: AdviceHost, rerender: () => void): HTMLElement {
  const tr = (key: string, params?: Record<string, string | number>) => t(lang, key, params);
  const wrap = document.createElement('div');
  wrap.className = 'table-wrap';
  const table = document.createElement('table');
  table.dataset.table = 'advice';
  const head = table.createTHead().insertRow();
  for (const key of ['#', 'action', 'flow', 'layer', 'class', 'reason']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = key === '#' ? '#' : tr(`web.advice.col.${key}`);
    head.append(th);
  }
  const drawnNow = () => {
    const { drawn } = host.diagram();
    return drawn ? new Set(drawn.links.flatMap((l) => l.modelFlows)) : new Set<string>();
  };
  const tbody = table.createTBody();
  a.items.forEach((item, i) => {
    const row = tbody.insertRow();
    row.tabIndex = 0;
    row.dataset.flow = item.flow;
    row.className = 'advice-item';
    if (s.chosen === item.flow) row.setAttribute('aria-selected', 'true');
    const cells = [
      String(i + 1),
      tr(`web.advice.action.${item.action}`) + (item.meter ? ` ${item.meter}` : ''),
      `${item.name[lang]} (${item.flow})`,
      `${layerName(item.layer, lang)} · ${tr(`web.level.${item.level}`)}`,
      item.requiredClass ?? '—',
      item.reason[lang],
    ];
    for (const text of cells) row.insertCell().textContent = text;
    const small = document.createElement('small');
    small.className = 'advice-off';
    small.textContent = ` — ${tr('web.advice.notDrawn')}`;
    row.cells[2]!.append(small);
    const hover = (on: boolean) => {
      if (on) s.hovered = item.flow;
      else if (s.hovered === item.flow) delete s.hovered;
      markAdvice(host);
    };
    row.onpointerenter = () => hover(true);
    row.onpointerleave = () => hover(false);
    row.onfocus = () => hover(true);
    row.onblur = () => hover(false);
    const choose = async () => {
      const again = s.chosen === item.flow;
      delete s.hovered;
      if (again) delete s.chosen;
      else s.chosen = item.flow;
      if (!again && !drawnNow().has(item.flow)) {
        const v = viewOf(item, host.diagram().levels);
        await host.show(v.layer, v.level);
      }
      rerender();
      markAdvice(host);
      document.body.dataset.adviceChosen = s.chosen ?? '';
    };
    row.onclick = () => void choose();
    row.onkeydown = (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        void choose();
      }
    };
  });
  wrap.append(table);
  return wrap;
}
