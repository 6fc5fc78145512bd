/**
 * Messages between the page (main.ts) and the worker that runs the core (worker.ts).
 * Everything crossing is plain data (structured clone); user text stays text.
 */
import type {
  CheckResult,
  FlowState,
  Lang,
  Level,
  ReportDocument,
  SankeyViewSpec,
  ViewNodeRole,
} from '../src/index.ts';
import type { AdviceExtra, AdviceGoal } from './advice.ts';
import type { ResultsExtra } from './results-worker.ts';

export type Request =
  | { id: number; type: 'example'; name: string; lang: Lang }
  /** A model file: its bytes (decoded in the worker as the CLI decodes files: UTF-8, GBK, UTF-16), or text. */
  | { id: number; type: 'open'; text: string | Uint8Array; file: string; lang: Lang }
  /** Fault injection for the browser tests: an uncaught error in the worker, so the page's restart is tested. */
  | { id: number; type: 'crash' }
  | {
      id: number;
      type: 'view';
      spec: SankeyViewSpec;
      width: number;
      lang: Lang;
      /** Group small units into "其他 (n)" (default) or draw all; groups to draw one by one. */
      group: boolean;
      expand: string[];
    }
  /** Readings CSV for the loaded model: streamed from the File, meter totals written into the model. */
  | { id: number; type: 'readings'; file: File; lang: Lang }
  /** The optional analyses of the plant just loaded (sent after the diagram, so it shows at once). */
  | { id: number; type: 'extras' }
  /** The audit report of the plant shown, as a document (web/report.ts writes the files). */
  | { id: number; type: 'report'; lang: Lang }
  /** The report-ready figure of a view (src/sankey/figure.ts), for the SVG/PNG export. */
  | { id: number; type: 'figure'; spec: SankeyViewSpec; lang: Lang; width: number }
  /** CO2 inventory of the plant shown, and its comparison with a report-period model (web/results-worker.ts). */
  | { id: number; type: 'results'; after?: { text: string; file: string } }
  /** Meter-placement advice for the plant shown (web/advice.ts). */
  | { id: number; type: 'advice'; goal: AdviceGoal };

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
  levels: Level[];
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
  /** Whole name (user text: render with textContent only). */
  name: string;
  /** Label lines as placed (src/sankey/labels.ts), and the first line's position. */
  lines: string[];
  labelX: number;
  labelY: number;
  /** The label had to shorten the name (the panel gives it whole). */
  truncated: boolean;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Σ drawn inputs / outputs without the unaccounted flows, and the residual drawn as unaccounted (+ in > out), layer unit. */
  in: number;
  out: number;
  residual: number;
  status?: string;
  closure?: number | null;
  /** A "其他 (n)" node: how many units it stands for (its id expands it). */
  members?: number;
}

/** One model flow drawn by a link, for the link's panel. */
export interface FlowInfo {
  id: string;
  name: string;
  /** How its value was obtained: the model's source (metered, estimated…), or derived / unmeasured. */
  source: string;
  meter?: string;
  /** Layer unit. */
  measured: number | null;
  reconciled: number | null;
  suspect: boolean;
}

export interface DrawLink {
  source: string;
  target: string;
  /** Names of the two ends (user text). */
  from: string;
  to: string;
  d: string;
  width: number;
  value: number;
  state: FlowState;
  negative: boolean;
  circular: boolean;
  flows: FlowInfo[];
  /** Flows beyond those listed. */
  moreFlows: number;
  /** Ids of every model flow the link carries (the advice panel highlights by them). */
  modelFlows: string[];
  /** Where a mark on the link goes (its middle, or the middle of its lane). */
  mid: { x: number; y: number };
  /** Reconciled view: the measured total the reconciled value replaces, and its label "120 → 139". */
  measured?: number;
  adjustment?: string;
  /** Meters (or flows) reconciliation names as suspect. */
  suspect: string[];
}

export interface Drawn {
  type: 'view';
  layer: string;
  level: Level;
  unit: string;
  width: number;
  height: number;
  scale: number;
  total: number;
  unaccounted: number;
  /** Nodes shrunk to fit even after grouping (scroll or zoom to read them). */
  crowded: boolean;
  /** "其他 (n)" nodes drawn, and how many units they hold together. */
  groups: { id: string; name: string; n: number }[];
  grouped: number;
  /** Unit nodes drawn (groups included): the maxUnits the grouping used. */
  units: number;
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
  | {
      type: 'report';
      doc: ReportDocument;
      /** Present when the report is of the report-period model against the plant shown (chapter 8). */
      compared?: { before: string; after: string };
    }
  | { type: 'figure'; svg: string; width: number; height: number }
  | { type: 'results'; results: ResultsExtra }
  | { type: 'advice'; advice: AdviceExtra }
  | { type: 'error'; message: string }
);
