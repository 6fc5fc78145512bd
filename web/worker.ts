/**
 * The worker runs the core: parse and validate the model, build the graph, check every balance,
 * and lay out Sankey views. The page never freezes on a large plant, and a bad file never
 * replaces the plant already loaded.
 */
import {
  InputError,
  assertFinite,
  analyseForReport,
  applyReadingsDetailed,
  buildReport,
  buildGraph,
  carrierName,
  displayName,
  kindName,
  checkModel,
  formatPath,
  hasMessage,
  ingestReadings,
  levelsOf,
  loadUnitEngine,
  parseModel,
  readableChunks,
  sankeyLayout,
  sankeyLinkPath,
  sankeyView,
  t,
  UnitEngineMissing,
  type CheckResult,
  type InputIssue,
  type Lang,
  type Model,
  type PlantGraph,
  type SankeyViewSpec,
  type ViewNode,
} from '../src/index.ts';
import { computeExtras, type ExtrasInput } from './extras.ts';
import { periodsExtras } from './periods.ts';
import { computeResults } from './results-worker.ts';
import { fitLabel, fmt, LABEL_GAP } from './labels.ts';
import type { Drawn, Loaded, Request, Response, ShownIssue } from './protocol.ts';

/** The bundled example plants, as text so errors keep their line numbers. */
const examples = import.meta.glob('../datasets/*.json', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

/** The plant shown: the model as loaded (readings are applied to it, never on top of earlier ones). */
let current:
  | {
      file: string;
      model: Model;
      warnings: ShownIssue[];
      graph: PlantGraph;
      result: CheckResult;
      readings?: ExtrasInput['readings'];
    }
  | undefined;

/** Posts an answer; a non-finite number in it is an internal error (src/model/finite.ts), answered as one. */
const post = (r: Response) => (self as unknown as Worker).postMessage(assertFinite(r, `the worker's ${r.type} answer`));

self.onmessage = (e: MessageEvent<Request>) => void answer(e.data);

/** Answers a request. A plant with a unit outside the core's table loads mathjs once, then is answered again. */
async function answer(req: Request): Promise<void> {
  try {
    const r = await respond(req);
    if (r) post(r);
  } catch (err) {
    if (err instanceof UnitEngineMissing) {
      await loadUnitEngine();
      return answer(req);
    }
    post({ id: req.id, type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
}

async function respond(req: Request): Promise<Response | undefined> {
  if (req.type === 'crash') {
    setTimeout(() => {
      throw new Error('injected worker crash');
    });
    return undefined;
  }
  if (req.type === 'example' || req.type === 'open') {
    const file = req.type === 'open' ? req.file : `${req.name}.json`;
    const text = req.type === 'open' ? req.text : examples[`../datasets/${req.name}.json`];
    if (text === undefined) throw new Error(`no bundled example "${file}"`);
    return { id: req.id, ...open(text, file, req.lang) };
  }
  if (req.type === 'readings') return readings(req.id, req.file, req.lang);
  if (req.type === 'extras') {
    if (!current) throw new Error('no plant loaded');
    const { graph, result, readings } = current;
    const extras = computeExtras({ graph, result, ...(readings ? { readings } : {}) });
    return { id: req.id, type: 'extras', extras: { ...extras, ...periodsExtras(current.model) } };
  }
  if (req.type === 'report') {
    if (!current) throw new Error('no plant loaded');
    const readings = current.readings?.ingest;
    const results = analyseForReport({
      model: current.graph.model,
      file: current.file,
      ...(readings ? { readings } : {}),
    });
    return { id: req.id, type: 'report', doc: buildReport(results, { lang: req.lang }) };
  }
  if (req.type === 'results') {
    if (!current) throw new Error('no plant loaded');
    return { id: req.id, type: 'results', results: computeResults(current.model, current.file, req.after, examples) };
  }
  if (req.type === 'view') {
    if (!current) throw new Error('no plant loaded');
    return { id: req.id, ...draw(req.spec, req.width, req.lang) };
  }
  return undefined;
}

/** Located like the CLI: file:line, then the JSON path. */
function shown(issue: InputIssue, file: string, lang: Lang): ShownIssue {
  const line = issue.line === undefined ? '' : `:${issue.line}${issue.column === undefined ? '' : `:${issue.column}`}`;
  const path = issue.path.length > 0 ? ` ${formatPath(issue.path)}` : '';
  return { severity: issue.severity, where: `${file}${line}${path}`, message: t(lang, issue.code, issue.params) };
}

function open(text: string | Uint8Array, file: string, lang: Lang) {
  let loaded: ReturnType<typeof parseModel>;
  try {
    loaded = parseModel(text, file);
  } catch (err) {
    if (err instanceof InputError)
      return { type: 'failed' as const, file, issues: err.issues.map((i) => shown(i, file, lang)) };
    throw err;
  }
  return compute(
    loaded.model,
    file,
    loaded.warnings.map((w) => shown(w, file, lang)),
  );
}

/** Balances and every optional analysis of a model; becomes the plant shown. */
function compute(
  model: Model,
  file: string,
  warnings: ShownIssue[],
  readingsInput?: ExtrasInput['readings'],
  shownFile = file,
): Loaded {
  const graph = buildGraph(model);
  const result = checkModel(graph);
  if (!readingsInput) current = { file, model, warnings, graph, result };
  else current = { ...current!, graph, result, readings: readingsInput };
  return {
    type: 'loaded',
    file: shownFile,
    name: model.name,
    ...(model.nameEn ? { nameEn: model.nameEn } : {}),
    layers: graph.layers.map((layer) => ({ layer, unit: graph.layerUnits.get(layer)! })),
    levels: levelsOf(graph),
    warnings,
    result,
    extras: {},
  };
}

/**
 * Streams a readings CSV (File.stream(), never read whole), writes each meter's window total
 * into the loaded model's flows and recomputes everything.
 */
async function readings(id: number, file: File, lang: Lang): Promise<Response> {
  if (!current) throw new Error('no plant loaded');
  const base = current;
  let ingest: Awaited<ReturnType<typeof ingestReadings>>;
  try {
    let last = 0;
    ingest = await ingestReadings(readableChunks(file.stream()), {
      file: file.name,
      model: base.model,
      onProgress: (bytes) => {
        const now = performance.now();
        if (now - last > 100) post({ id, type: 'progress', bytes, total: file.size });
        last = now;
      },
    });
  } catch (err) {
    if (err instanceof InputError)
      return { id, type: 'failed', file: file.name, issues: err.issues.map((i) => shown(i, file.name, lang)) };
    throw err;
  }
  const outcome = applyReadingsDetailed(base.model, ingest);
  return {
    id,
    ...compute(
      outcome.model,
      base.file,
      base.warnings,
      { ingest, applied: outcome.applied.length },
      `${base.file} + ${file.name}`,
    ),
  };
}

/** Room right of the last column for its labels, px. */
const LABEL_MARGIN = 220;

function nodeLabel(n: ViewNode, lang: Lang): string {
  // Sinks are grouped by kind where the flow has one, else by carrier; sources by carrier.
  const named = (group: string) => (hasMessage(`kind.${group}`) ? kindName(group, lang) : carrierName(group, lang));
  switch (n.role) {
    case 'unit': {
      const name = displayName(n, lang);
      return n.ownRegion ? t(lang, 'web.node.ownRegion', { name }) : name;
    }
    case 'source':
    case 'sink':
      return t(lang, `web.node.${n.role}`, {
        name: n.group !== undefined ? named(n.group) : displayName(n, lang),
      });
    default:
      return t(lang, `web.node.${n.role}`);
  }
}

/** Lays out one view; the page is `width` px wide and the height follows the number of nodes. */
function draw(spec: SankeyViewSpec, width: number, lang: Lang): Drawn {
  const started = performance.now();
  const { graph, result } = current!;
  const view = sankeyView({ graph, result }, spec);
  const fixed = spec.fixedScale !== undefined;
  const height = fixed ? 20_000 : Math.max(480, Math.min(1600, 80 + 38 * view.nodes.length));
  const layout = sankeyLayout<ViewNode, (typeof view.links)[number]>({
    // Labels sit right of their node; the last column's need a margin of their own.
    extent: [
      [4, 8],
      [width - LABEL_MARGIN, height - 8],
    ],
    nodeWidth: 14,
    nodePadding: 18,
    ...(fixed ? { scale: spec.fixedScale } : {}),
  })(view);
  const labels = new Map(layout.nodes.map((n) => [n.id, nodeLabel(n.data, lang)]));
  // A label may use the gap up to the next column (the last column has its margin); longer
  // names are shortened with "…" — the full name is in the node's tooltip.
  const columnX = [...new Set(layout.nodes.map((n) => n.x0))].sort((a, b) => a - b);
  const room = (n: (typeof layout.nodes)[number]) => {
    const next = columnX.find((x) => x > n.x0 + 1);
    return (next === undefined ? width : next) - n.x1 - LABEL_GAP;
  };
  const unit = view.unit;
  const stateName = (s: string) => t(lang, `web.state.${s}`);
  let bottom = 0;
  for (const n of layout.nodes) bottom = Math.max(bottom, n.y1);
  for (const l of layout.links) if (l.laneY !== undefined) bottom = Math.max(bottom, l.laneY + l.width / 2);
  return {
    type: 'view',
    layer: view.layer,
    level: view.level,
    unit,
    width,
    height: fixed ? Math.ceil(bottom + 16) : height,
    scale: layout.scale,
    total: view.total,
    unaccounted: view.unaccounted,
    nodes: layout.nodes.map((n) => ({
      id: n.id,
      role: n.data.role,
      label: fitLabel(labels.get(n.id)!, ` ${fmt(n.value)} ${unit}`, room(n)),
      title: t(lang, 'web.tooltip.node', { name: labels.get(n.id)!, in: fmt(n.data.in), out: fmt(n.data.out), unit }),
      x0: n.x0,
      x1: n.x1,
      y0: n.y0,
      y1: n.y1,
      ...(n.data.status ? { status: n.data.status } : {}),
      labelLeft: false,
    })),
    links: layout.links.map((l) => ({
      source: l.source.id,
      target: l.target.id,
      d: sankeyLinkPath(l),
      width: l.width,
      value: l.value,
      state: l.data.state,
      negative: l.data.negative === true,
      circular: l.circular,
      title: t(lang, 'web.tooltip.link', {
        from: labels.get(l.source.id)!,
        to: labels.get(l.target.id)!,
        value: fmt(l.value),
        unit,
        state: stateName(l.data.negative ? 'negative' : l.data.state),
        flows: l.data.flows.length ? `[${l.data.flows.join(', ')}]` : '',
      }),
    })),
    ms: performance.now() - started,
  };
}
