/**
 * What the audit achieved (docs/results.md), in the page: the CO2 inventory of the plant shown and,
 * with a report-period model (picked here, or the bundled example's own `-after.json`), the
 * comparison — savings, indicators, acceptance, the Anhui 表2, the proposals' economics, the
 * factors. The tables are the core's (src/results/tables.ts); nothing is computed here.
 */
import { carbonTables, compareTables, t, type Lang, type ResultTable } from '../../src/index.ts';
import type { Loaded, Request, Response } from '../protocol.ts';
import type { ResultsExtra } from '../results-worker.ts';
import type { AnyTable, TableData } from '../table.ts';
import { registerPanel, type Panel } from './registry.ts';

type Row = ResultTable['rows'][number];

function asTable(table: ResultTable): TableData<Row> {
  const verdictAt = table.columns.findIndex((c) => c.key === 'verdict');
  return {
    id: table.id,
    title: table.title,
    notes: table.notes,
    rows: table.rows,
    columns: table.columns.map((c, i) => ({
      header: c.label,
      numeric: c.numeric,
      value: (r: Row) => r.cells[i] ?? null,
      ...(i === verdictAt || (verdictAt < 0 && i === 0)
        ? { badge: (r: Row) => (r.status ? `status-${r.status}` : r.total ? 'total' : undefined) }
        : {}),
    })),
  };
}

const note = (id: string, title: string, notes: string[]): AnyTable => ({ id, title, notes, columns: [], rows: [] });

export const resultsPanel: Panel = {
  id: 'results',
  order: 80,
  tables({ loaded, lang }) {
    const r = loaded.extras.results as ResultsExtra | undefined;
    if (!r) return [];
    const out: AnyTable[] = [];
    const listed = (ps: NonNullable<ResultsExtra['compareProblems']>, l: Lang) =>
      ps.map((p) => `${p.where}: ${p.message[l]}`);
    if (r.compare) out.push(...compareTables(r.compare, lang).map(asTable));
    else if (r.compareProblems)
      out.push(
        note(
          'results-failed',
          t(lang, 'web.results.compareFailed', { file: r.after?.file ?? '' }),
          listed(r.compareProblems, lang),
        ),
      );
    else out.push(note('results-hint', t(lang, 'web.results.title'), [t(lang, 'web.results.hint')]));
    if (r.carbon) out.push(...carbonTables(r.carbon, lang).map(asTable));
    else if (r.carbonProblems)
      out.push(note('carbon-failed', t(lang, 'web.results.carbonFailed'), listed(r.carbonProblems, lang)));
    return out;
  },
};

registerPanel(resultsPanel);

type Call = (body: Omit<Extract<Request, { type: 'results' }>, 'id'>) => Promise<Response>;

/** Asks the worker for the results of the plant shown (with `after`, compared with that model). */
export async function loadResults(
  loaded: Loaded,
  call: Call,
  rerender: () => void,
  after?: { text: string; file: string },
): Promise<void> {
  const r = await call({ type: 'results', ...(after ? { after } : {}) });
  if (r.type !== 'results') return;
  loaded.extras.results = r.results;
  rerender();
  document.body.dataset.results = `${loaded.file}:${r.results.compare ? 'compare' : 'carbon'}`;
}

/** The "report-period model" file picker, labelled through the page's data-i18n mechanism. */
export function resultsControls(host: Element, onAfter: (after: { text: string; file: string }) => void): void {
  const label = document.createElement('label');
  label.className = 'file';
  const span = document.createElement('span');
  span.dataset.i18n = 'web.results.after';
  const input = document.createElement('input');
  input.id = 'after-file';
  input.type = 'file';
  input.accept = '.json,application/json';
  input.onchange = async () => {
    const f = input.files?.[0];
    input.value = '';
    if (f) onAfter({ text: await f.text(), file: f.name });
  };
  label.append(span, input);
  host.append(label);
}
