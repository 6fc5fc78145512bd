/**
 * The worker runs the core: parse and validate the model, build the graph, check every balance,
 * and lay out Sankey views. The page never freezes on a large plant, and a bad file never
 * replaces the plant already loaded.
 */
import {
  InputError,
  assertFinite,
  buildGraph,
  checkModel,
  formatPath,
  levelsOf,
  loadAllMessages,
  loadUnitEngine,
  missedLookups,
  parseModel,
  t,
  UnitEngineMissing,
  type CheckResult,
  type InputIssue,
  type Lang,
  type Model,
  type PlantGraph,
  type SankeyViewSpec,
} from '../src/index.ts';
import type { ReconcileSummary } from '../src/index.ts';
import type { AnalysesInput } from './analyses.ts';
import { drawView } from './diagram.ts';
import type { Drawn, Loaded, Request, Response, ShownIssue } from './protocol.ts';

// What the first diagram needs is imported above; the rest — analyses behind the panels
// (extras, periods, results), reports, readings, export figures, the other example plants — is
// imported when first asked for, so the page draws after loading only this much
// (docs/architecture.md, "Lazy loading"; npm run bench:web).

/** The bundled example plants, as text so errors keep their line numbers; each loaded when first opened. */
const exampleLoaders = import.meta.glob('../datasets/*.json', { query: '?raw', import: 'default' }) as Record<
  string,
  () => Promise<string>
>;

/** Every bundled example, by path (the results panel looks for a plant's "-after" twin). */
async function allExamples(): Promise<Record<string, string>> {
  const entries = await Promise.all(
    Object.entries(exampleLoaders).map(async ([path, load]) => [path, await load()] as const),
  );
  return Object.fromEntries(entries);
}

/** The plant shown: the model as loaded (readings are applied to it, never on top of earlier ones). */
let current:
  | {
      file: string;
      model: Model;
      warnings: ShownIssue[];
      /** The load warnings as issues (the report's chapter 1 renders them in its language). */
      issues: InputIssue[];
      /** The report-period model the results panel compares with (下载报告 makes chapter 8 from it). */
      after?: { text: string; file: string };
      graph: PlantGraph;
      result: CheckResult;
      readings?: AnalysesInput['readings'];
      reconcile?: ReconcileSummary;
    }
  | undefined;

/** Posts an answer; a non-finite number in it is an internal error (src/model/finite.ts), answered as one. */
const post = (r: Response) => (self as unknown as Worker).postMessage(assertFinite(r, `the worker's ${r.type} answer`));

self.onmessage = (e: MessageEvent<Request>) => void answer(e.data);

/**
 * The worker's first chunk registers the messages of the domains the first diagram needs (the
 * load's issues, the balances, names, the diagram's labels; vite.config.ts); the others load with
 * the first request that is not about a diagram (the page asks for the panels' analyses once the
 * diagram is drawn). Requests of a diagram are answered at once and, if a message was missing (a
 * user's file with a warning of a later domain, the VOCs layer), again once the rest is
 * registered; every other request waits for the rest first. No answer carries a raw message key.
 */
const FIRST_DIAGRAM = new Set<Request['type']>(['example', 'open', 'view']);
let messages: Promise<void> | undefined;
let messagesLoaded = false;
function allMessages(): Promise<void> {
  messages ??= loadAllMessages().then(() => {
    messagesLoaded = true;
  });
  return messages;
}

/**
 * Answers a request. A plant with a unit outside the core's table loads mathjs once, then is
 * answered again; so is a request that met a message not registered yet (allMessages).
 */
async function answer(req: Request): Promise<void> {
  const missed = missedLookups();
  const again = () => !messagesLoaded && missedLookups() > missed;
  try {
    if (!FIRST_DIAGRAM.has(req.type)) await allMessages();
    const r = await respond(req);
    if (again()) {
      await allMessages();
      return answer(req);
    }
    if (r) post(r);
  } catch (err) {
    if (err instanceof UnitEngineMissing) {
      await loadUnitEngine();
      return answer(req);
    }
    if (again()) {
      await allMessages();
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
    const text = req.type === 'open' ? req.text : await exampleLoaders[`../datasets/${req.name}.json`]?.();
    if (text === undefined) throw new Error(`no bundled example "${file}"`);
    return { id: req.id, ...open(text, file, req.lang) };
  }
  if (req.type === 'readings') return readings(req.id, req.file, req.lang);
  if (req.type === 'extras') {
    if (!current) throw new Error('no plant loaded');
    const { graph, result, readings } = current;
    const [{ computeAnalyses }, { periodsExtras }] = await Promise.all([
      import('./analyses.ts'),
      import('./periods.ts'),
    ]);
    const extras = computeAnalyses({ graph, result, ...(readings ? { readings } : {}) });
    // The diagram's panels show reconciled values and suspects once they exist.
    const rec = extras.reconcile as (ReconcileSummary & { error?: string }) | undefined;
    if (rec && !rec.error) current.reconcile = rec;
    return { id: req.id, type: 'extras', extras: { ...extras, ...periodsExtras(current.model) } };
  }
  if (req.type === 'report') {
    if (!current) throw new Error('no plant loaded');
    const { analyseForReport, buildReport } = await import('./worker-more.ts');
    // With a report-period model (the results panel's), the document is `pingheng report AFTER
    // --compare SHOWN`: the report period's chapters 1–7 and chapter 8 against the plant shown.
    // Without one, `pingheng report SHOWN [--readings CSV]`.
    const after = current.after;
    if (after) {
      let parsed: ReturnType<typeof parseModel>;
      try {
        parsed = parseModel(after.text, after.file);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        const first = shown(err.issues[0]!, err.file, req.lang);
        throw new Error(`${first.where}: ${first.message}`);
      }
      const results = analyseForReport({
        model: parsed.model,
        file: after.file,
        warnings: parsed.warnings,
        before: { model: current.graph.model, file: current.file },
      });
      const doc = buildReport(results, { lang: req.lang });
      return { id: req.id, type: 'report', doc, compared: { before: current.file, after: after.file } };
    }
    const readings = current.readings?.ingest;
    const results = analyseForReport({
      model: current.graph.model,
      file: current.file,
      warnings: current.issues,
      ...(readings ? { readings } : {}),
    });
    return { id: req.id, type: 'report', doc: buildReport(results, { lang: req.lang }) };
  }
  if (req.type === 'results') {
    if (!current) throw new Error('no plant loaded');
    const { computeResults, resultsAfter } = await import('./results-worker.ts');
    const examples = await allExamples();
    const results = computeResults(current.model, current.file, req.after, examples);
    const after = resultsAfter(current.model, current.file, req.after, examples);
    if (after) current.after = after;
    else delete current.after;
    return { id: req.id, type: 'results', results };
  }
  if (req.type === 'advice') {
    if (!current) throw new Error('no plant loaded');
    const { computeAdvice } = await import('./advice.ts');
    return { id: req.id, type: 'advice', advice: computeAdvice(current.model, req.goal, current.file) };
  }
  if (req.type === 'figure') {
    if (!current) throw new Error('no plant loaded');
    const { sankeyFigure, suspectMeters } = await import('./worker-more.ts');
    // Suspect meters marked as on the page (and in the report's figures), once reconciliation ran.
    const rec = current.reconcile;
    const fig = sankeyFigure({ graph: current.graph, result: current.result }, req.spec, {
      lang: req.lang,
      width: req.width,
      ...(rec ? { suspects: suspectMeters(current.graph, rec, req.spec.layer) } : {}),
    });
    return { id: req.id, type: 'figure', svg: fig.svg, width: fig.width, height: fig.height };
  }
  if (req.type === 'view') {
    if (!current) throw new Error('no plant loaded');
    return { id: req.id, ...draw(req.spec, req.width, req.lang, req.group, req.expand) };
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
    loaded.warnings,
  );
}

/** Balances and every optional analysis of a model; becomes the plant shown. */
function compute(
  model: Model,
  file: string,
  warnings: ShownIssue[],
  issues: InputIssue[],
  readingsInput?: AnalysesInput['readings'],
  shownFile = file,
): Loaded {
  const graph = buildGraph(model);
  const result = checkModel(graph);
  if (!readingsInput) current = { file, model, warnings, issues, graph, result };
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
  const { applyReadingsDetailed, ingestReadings, readableChunks } = await import('./worker-more.ts');
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
      base.issues,
      {
        ingest,
        // Meters whose totals were written, and the flows they went into: a meter on two flows
        // (steam as water and as energy) writes two (the count was of flows and said "meters").
        applied: new Set(outcome.applied.map((a) => a.meter)).size,
        appliedFlows: outcome.applied.length,
        skipped: outcome.skipped,
      },
      `${base.file} + ${file.name}`,
    ),
  };
}

/** Lays out one view at the page's width (web/diagram.ts). */
function draw(spec: SankeyViewSpec, width: number, lang: Lang, group: boolean, expand: string[]): Drawn {
  const started = performance.now();
  const { graph, result, reconcile } = current!;
  const drawn = drawView({ graph, result, ...(reconcile ? { reconcile } : {}) }, spec, { width, lang, group, expand });
  return { ...drawn, ms: performance.now() - started };
}
