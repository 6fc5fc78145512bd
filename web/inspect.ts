/**
 * The hover / focus panel of the diagram: a node's inputs, outputs, residual and closure; a
 * link's value, how each of its flows was obtained, its meter, measured and reconciled values and
 * suspects. Text only (names are user input); positioned beside the hovered or focused element.
 */
import { formatValue, t, type Lang } from '../src/index.ts';
import type { DrawLink, DrawNode, FlowInfo } from './protocol.ts';

export interface InspectContext {
  lang: Lang;
  unit: string;
}

function row(dl: HTMLDListElement, term: string, value: string): void {
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  dd.textContent = value;
  dl.append(dt, dd);
}

/** Fills `panel` for a node or link and shows it next to `anchor` (viewport coordinates). */
export function showInspect(
  panel: HTMLElement,
  target: { node: DrawNode } | { link: DrawLink },
  anchor: DOMRect,
  c: InspectContext,
): void {
  const tr = (key: string, params?: Record<string, string | number>) => t(c.lang, key, params);
  const v = (x: number) => `${formatValue(x, c.lang)} ${c.unit}`;
  panel.replaceChildren();
  const h = document.createElement('strong');
  const dl = document.createElement('dl');
  if ('node' in target) {
    const n = target.node;
    h.textContent = n.name;
    row(dl, tr('web.inspect.in'), v(n.in));
    row(dl, tr('web.inspect.out'), v(n.out));
    if (n.role === 'unit') {
      row(
        dl,
        tr('web.inspect.residual'),
        n.residual === 0 ? '0' : `${n.residual > 0 ? '+' : '−'}${v(Math.abs(n.residual))}`,
      );
      if (n.closure !== undefined)
        row(
          dl,
          tr('web.inspect.closure'),
          `${n.closure === null ? '—' : `${(n.closure * 100).toFixed(2)} %`}${n.status ? ` · ${tr(`web.status.${n.status}`)}` : ''}`,
        );
    }
    if (n.members !== undefined) row(dl, tr('web.inspect.members'), tr('web.inspect.expand', { n: n.members }));
    panel.append(h, dl);
  } else {
    const l = target.link;
    h.textContent = `${l.from} → ${l.to}`;
    row(dl, tr('web.inspect.value'), v(l.value));
    row(dl, tr('web.inspect.state'), tr(`web.state.${l.negative ? 'negative' : l.state}`));
    if (l.measured !== undefined) row(dl, tr('web.inspect.adjusted'), `${v(l.measured)} → ${v(l.value)}`);
    panel.append(h, dl);
    if (l.flows.length > 0) {
      const ul = document.createElement('ul');
      for (const f of l.flows) {
        const li = document.createElement('li');
        li.textContent = flowLine(f, c);
        if (f.suspect) li.className = 'suspect';
        ul.append(li);
      }
      if (l.moreFlows > 0) {
        const li = document.createElement('li');
        li.textContent = tr('web.inspect.more', { n: l.moreFlows });
        ul.append(li);
      }
      panel.append(ul);
    }
  }
  panel.hidden = false;
  // Beside the element, kept inside the viewport.
  const w = panel.offsetWidth;
  const ph = panel.offsetHeight;
  const x = anchor.right + 12 + w < window.innerWidth ? anchor.right + 12 : Math.max(4, anchor.left - 12 - w);
  const y = Math.min(Math.max(4, anchor.top), Math.max(4, window.innerHeight - ph - 4));
  panel.style.left = `${x}px`;
  panel.style.top = `${y}px`;
}

/** "名称 (W01) · 计量 · MW01 · 120 → 139 t · ⚠ 可疑" */
function flowLine(f: FlowInfo, c: InspectContext): string {
  const parts = [f.name && f.name !== f.id ? `${f.name} (${f.id})` : f.id, t(c.lang, `web.source.${f.source}`)];
  if (f.meter) parts.push(t(c.lang, 'web.inspect.meter', { meter: f.meter }));
  if (f.measured !== null && f.reconciled !== null && f.reconciled !== f.measured)
    parts.push(`${formatValue(f.measured, c.lang)} → ${formatValue(f.reconciled, c.lang)} ${c.unit}`);
  else if (f.measured !== null) parts.push(`${formatValue(f.measured, c.lang)} ${c.unit}`);
  else if (f.reconciled !== null)
    parts.push(`${t(c.lang, 'web.state.reconciled')} ${formatValue(f.reconciled, c.lang)} ${c.unit}`);
  if (f.suspect) parts.push(`⚠ ${t(c.lang, 'web.inspect.suspect')}`);
  return parts.join(' · ');
}

export function hideInspect(panel: HTMLElement): void {
  panel.hidden = true;
}
