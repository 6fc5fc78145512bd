/**
 * Messages between the page (main.ts) and the worker that runs the core (worker.ts).
 * Everything crossing is plain data (structured clone); user text stays text.
 */
import type { CheckResult, FlowState, Lang, ReportDocument, SankeyViewSpec, ViewNodeRole } from '../src/index.ts';
import type { ResultsExtra } from './results-worker.ts';

export type Request =
  | { id: number; type: 'example'; name: string; lang: Lang }
  /** A model file: its bytes (decoded in the worker as the CLI decodes files: UTF-8, GBK, UTF-16), or text. */
  | { id: number; type: 'open'; text: string | Uint8Array; file: string; lang: Lang }
  /** Fault injection for the browser tests: an uncaught error in the worker, so the page's restart is tested. */
  | { id: number; type: 'crash' }
  | { id: number; type: 'view'; spec: SankeyViewSpec; width: number; lang: Lang }
  /** Readings CSV for the loaded model: streamed from the File, meter totals written into the model. */
  | { id: number; type: 'readings'; file: File; lang: Lang }
  /** The optional analyses of the plant just loaded (sent after the diagram, so it shows at once). */
  | { id: number; type: 'extras' }
  /** The audit report of the plant shown, as a document (web/report.ts writes the files). */
  | { id: number; type: 'report'; lang: Lang }
  /** CO2 inventory of the plant shown, and its comparison with a report-period model (web/results-worker.ts). */
  | { id: number; type: 'results'; after?: { text: string; file: string } };

/** A located problem in an input file, already rendered in the page's language. */
export interface ShownIssue {
  severity: 'error' | 'warning';
  /** "line 12" or the JSON path, e.g. flows[3].to */
  where: string;
  message: string;
}

export interface Loaded {
  type: 'loaded';
  file: string;
  name: string;
  nameEn?: string;
  layers: { layer: string; unit: string }[];
  levels: (1 | 2 | 3)[];
  warnings: ShownIssue[];
  result: CheckResult;
  /** Results of optional analyses (coverage, depth, reconciliation…) by panel id; filled by a later 'extras' request. */
  extras: Record<string, unknown>;
}

export interface Extras {
  type: 'extras';
  extras: Record<string, unknown>;
}

export interface Failed {
  type: 'failed';
  file: string;
  issues: ShownIssue[];
}

export interface DrawNode {
  id: string;
  role: ViewNodeRole;
  /** Label (user text: render with textContent only). */
  label: string;
  title: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  status?: string;
  /** Whether the label sits left of the node (right-hand columns). */
  labelLeft: boolean;
}

export interface DrawLink {
  source: string;
  target: string;
  d: string;
  width: number;
  value: number;
  state: FlowState;
  negative: boolean;
  circular: boolean;
  title: string;
}

export interface Drawn {
  type: 'view';
  layer: string;
  level: 1 | 2 | 3;
  unit: string;
  width: number;
  height: number;
  scale: number;
  total: number;
  unaccounted: number;
  nodes: DrawNode[];
  links: DrawLink[];
  /** ms spent in view + layout inside the worker. */
  ms: number;
}

/** Sent while a readings file streams in; the request's answer follows. */
export interface Progress {
  type: 'progress';
  bytes: number;
  total: number;
}

export type Response = { id: number } & (
  | Loaded
  | Failed
  | Drawn
  | Progress
  | Extras
  | { type: 'report'; doc: ReportDocument }
  | { type: 'results'; results: ResultsExtra }
  | { type: 'error'; message: string }
);
