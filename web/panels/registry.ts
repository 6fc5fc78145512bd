/**
 * The page's panels: each is a small module that registers itself here with an order; the page
 * renders every registered panel under the diagram, with a navigation entry. To add one: write
 * `web/panels/<name>.ts` calling `registerPanel({ id, order, tables })`, and import it from
 * `web/panels/index.ts`. Panels get the loaded plant, the language and the selected layer, and
 * return tables (web/table.ts), already translated; no tables hides the panel.
 */
import type { Lang } from '../../src/index.ts';
import type { Loaded } from '../protocol.ts';
import type { AnyTable } from '../table.ts';

export interface PanelContext {
  loaded: Loaded;
  lang: Lang;
  layer: string;
}

export interface Panel {
  id: string;
  /** Position on the page, ascending (core panels use 10, 20, …; leave gaps). */
  order: number;
  /** Tables to show; none hides the panel. */
  tables(ctx: PanelContext): AnyTable[];
}

const panels: Panel[] = [];

export function registerPanel(panel: Panel): void {
  if (panels.some((p) => p.id === panel.id)) throw new Error(`panel registered twice: ${panel.id}`);
  panels.push(panel);
  panels.sort((a, b) => a.order - b.order);
}

/** Every registered panel, in page order. */
export function registeredPanels(): readonly Panel[] {
  return panels;
}
