/**
 * The invariants the reliability properties check (issue #18), as functions that return the
 * violations they find (empty: all held), shared by the vitest properties and bench/fuzz.ts:
 * no throw escapes the loader, checker or ingester; every error has a line or a path; no result
 * holds a non-finite number; rows and values are accounted for exactly; reconciled flows satisfy
 * every balance; results do not change under permutation or unit rescaling.
 */
import {
  analyseMetering,
  buildGraph,
  checkModel,
  coverageRows,
  depthVerdict,
  firstNonFinite,
  ingestReadings,
  InputError,
  type IngestResult,
  type Model,
  type ModelReconciliation,
  parseModel,
  type PlantGraph,
  reconcileModel,
  validateMetering,
} from '../../src/index.ts';
import { type Json, type Rng, chunks } from './generate.ts';

export type Outcome = 'loaded' | 'refused';

export interface ModelRun {
  outcome: Outcome;
  violations: string[];
  model?: Model;
  graph?: PlantGraph;
  check?: ReturnType<typeof checkModel>;
  reconciliation?: ModelReconciliation;
}

const describeError = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : String(e));

/** Every issue of an unusable input names a line or a JSON path. */
export function unlocated(e: InputError): string[] {
  return e.issues
    .filter((i) => i.severity === 'error' && i.line === undefined && i.path.length === 0)
    .map((i) => `unlocated issue ${i.code} ${JSON.stringify(i.params).slice(0, 120)}`);
}

/**
 * A model file through what the CLI's commands do: load (check, reconcile, coverage, depth share
 * it), the balances, the reconciliation, metering coverage and the depth verdict.
 */
export function runModel(bytes: Uint8Array, options: { reconcile?: boolean; metering?: boolean } = {}): ModelRun {
  const violations: string[] = [];
  let model: Model;
  try {
    model = parseModel(bytes, 'fuzz.json').model;
  } catch (e) {
    if (e instanceof InputError) return { outcome: 'refused', violations: unlocated(e) };
    return { outcome: 'refused', violations: [`parseModel threw ${describeError(e)}`] };
  }
  const run: ModelRun = { outcome: 'loaded', violations, model };
  const guard = <T>(what: string, f: () => T): T | undefined => {
    try {
      const result = f();
      const bad = firstNonFinite(result);
      if (bad !== undefined) violations.push(`${what}: non-finite number at ${bad}`);
      return result;
    } catch (e) {
      if (e instanceof InputError) {
        violations.push(...unlocated(e).map((v) => `${what}: ${v}`));
        return undefined;
      }
      violations.push(`${what} threw ${describeError(e)}`);
      return undefined;
    }
  };
  run.graph = guard('buildGraph', () => buildGraph(model));
  if (!run.graph) return run;
  const graph = run.graph;
  run.check = guard('check', () => checkModel(graph));
  if (options.reconcile !== false) {
    run.reconciliation = guard('reconcile', () => reconcileModel(graph));
    if (run.reconciliation) violations.push(...balanceViolations(graph, run.reconciliation));
  }
  if (options.metering === false) return run;
  guard('coverage', () => {
    const issues = validateMetering(model);
    if (issues.length > 0) throw new InputError('fuzz.json', issues);
    const analysis = analyseMetering(model);
    return { rows: coverageRows(analysis), depth: depthVerdict(model, {}, analysis) };
  });
  return run;
}

/** Relative tolerance of a reconciled balance (issue #18: 1e-9). */
export const BALANCE_TOLERANCE = 1e-9;

/**
 * Reconciled flows satisfy every node balance of their layer (Σ in − Σ out = 0, stock flows as
 * flows) to 1e-9 of the layer's scale (its largest measured or reconciled flow: the precision the
 * solver works to, src/data/reconcile-statistics.ts boundTolerance) — where every flow of the node
 * has a reconciled value and the reconciliation found the balances consistent.
 */
export function balanceViolations(graph: PlantGraph, rec: ModelReconciliation): string[] {
  const out: string[] = [];
  const factor = new Map(graph.flows.map((f) => [`${f.layer}\u0000${f.id}`, f.factor]));
  for (const layer of rec.layers) {
    if (layer.inconsistent.length > 0 || layer.solver.kind === 'pcg') continue;
    const net = new Map<string, { sum: number; scale: number; unknown: boolean }>();
    const at = (node: string | null) => {
      if (node === null) return undefined;
      let b = net.get(node);
      if (!b) net.set(node, (b = { sum: 0, scale: 0, unknown: false }));
      return b;
    };
    for (const f of layer.flows) {
      const x = f.reconciled === null ? undefined : f.reconciled * factor.get(`${layer.layer}\u0000${f.id}`)!;
      for (const [node, sign] of [
        [f.to, 1],
        [f.from, -1],
      ] as const) {
        const b = at(node);
        if (!b) continue;
        if (x === undefined) b.unknown = true;
        else {
          b.sum += sign * x;
          b.scale += Math.abs(x);
        }
      }
    }
    let layerScale = 0;
    for (const b of net.values()) layerScale = Math.max(layerScale, b.scale);
    for (const f of layer.flows)
      layerScale = Math.max(layerScale, Math.abs((f.measured ?? 0) * factor.get(`${layer.layer}\u0000${f.id}`)!));
    for (const [node, b] of net)
      if (!b.unknown && Math.abs(b.sum) > BALANCE_TOLERANCE * Math.max(b.scale, layerScale))
        out.push(`reconciled ${layer.layer} balance of ${node} off by ${b.sum} of ${b.scale}`);
  }
  return out;
}

/** A readings file through the ingester, with a model sometimes; the accounting and finiteness checked. */
export async function runCsv(
  bytes: Uint8Array,
  r: Rng,
  model?: Model,
): Promise<{ outcome: Outcome; violations: string[]; result?: IngestResult }> {
  let result: IngestResult;
  try {
    result = await ingestReadings(chunks(bytes, r), { file: 'fuzz.csv', model, sniffBytes: r.pick([64, 1024, 65536]) });
  } catch (e) {
    if (e instanceof InputError) {
      const v = e.issues.filter((i) => i.line === undefined).map((i) => `unlocated readings issue ${i.code}`);
      return { outcome: 'refused', violations: v };
    }
    return { outcome: 'refused', violations: [`ingestReadings threw ${describeError(e)}`] };
  }
  const v: string[] = [];
  const { rows, values } = result;
  if (rows.read !== rows.used + rows.rejected) v.push(`rows ${JSON.stringify(rows)}`);
  if (values.read !== values.used + values.rejected + values.empty) v.push(`values ${JSON.stringify(values)}`);
  const listed = result.rejected.length + result.rejectedNotListed;
  const rejectedRows = result.rejected.filter((e) => e.column === undefined).length;
  if (result.layout === 'wide' && listed !== rows.rejected + values.rejected)
    v.push(`listed ${listed} ≠ rows ${rows.rejected} + values ${values.rejected}`);
  if (rejectedRows > rows.rejected) v.push(`rejected rows listed ${rejectedRows} > counted ${rows.rejected}`);
  const lines = countLines(bytes);
  for (const e of result.rejected)
    if (!(e.line >= 1 && e.line <= lines)) v.push(`rejected at line ${e.line} of ${lines}`);
  const bad = firstNonFinite(result);
  if (bad !== undefined) v.push(`ingest: non-finite number at ${bad}`);
  return { outcome: 'loaded', violations: v, result };
}

/** Lines of a file as the ingester counts them (\n, \r\n or a lone \r end a line). */
function countLines(bytes: Uint8Array): number {
  let n = 1;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 10) n++;
    else if (bytes[i] === 13 && bytes[i + 1] !== 10) n++;
  }
  return n;
}

/** A figure to compare and the scale of its layer (rounding in a sum is relative to its largest term). */
type Figure = { v: number | string | boolean | null; scale: number };

/** Values to compare: check balances by node and layer, reconciled flows by layer and id (layer units). */
export function fingerprint(run: ModelRun): Map<string, Figure> {
  const fp = new Map<string, Figure>();
  // a layer's scale: its largest flow and balance (a sum that cancels to ~0 is rounding of these)
  const layerScale = new Map<string, number>();
  const grow = (layer: string, x: number | undefined) =>
    layerScale.set(layer, Math.max(layerScale.get(layer) ?? 0, Math.abs(x ?? 0)));
  for (const f of run.graph?.flows ?? []) grow(f.layer, f.value);
  for (const b of run.check?.balances ?? []) {
    grow(b.layer, b.in);
    grow(b.layer, b.out);
  }
  for (const b of run.check?.balances ?? []) {
    const k = `balance ${b.layer} ${b.node}`;
    const scale = layerScale.get(b.layer)!;
    fp.set(`${k} in`, { v: b.in, scale });
    fp.set(`${k} out`, { v: b.out, scale });
    fp.set(`${k} stock`, { v: b.stockChange, scale });
    fp.set(`${k} residual`, { v: b.residual, scale });
    fp.set(`${k} status`, { v: b.status, scale });
  }
  for (const f of run.check?.findings ?? [])
    fp.set(`finding ${f.code} ${f.node ?? ''} ${f.layer ?? ''}`, { v: true, scale: 0 });
  const factor = new Map((run.graph?.flows ?? []).map((f) => [`${f.layer}\u0000${f.id}`, f.factor]));
  for (const l of run.reconciliation?.layers ?? []) {
    const x = (f: (typeof l.flows)[number]) =>
      f.reconciled === null ? null : f.reconciled * (factor.get(`${l.layer}\u0000${f.id}`) ?? 1);
    let scale = 0;
    for (const f of l.flows) scale = Math.max(scale, Math.abs(x(f) ?? 0), Math.abs(f.measured ?? 0));
    // χ² to 1e-4 of itself: statistics rest on the inverse of A V Aᵀ, which keeps ~4 digits where
    // σ in one layer span 10⁷ (docs/reconcile.md, precision); values and balances are compared to 1e-9
    fp.set(`rec ${l.layer} chi2`, { v: l.global.chi2, scale: 1e8 * Math.max(1, l.global.chi2) });
    fp.set(`rec ${l.layer} pass`, { v: l.global.pass, scale: 0 });
    for (const f of l.flows) {
      // values to the solver's own tolerance: 1e-9 of the layer's scale (boundTolerance)
      fp.set(`rec ${l.layer} ${f.id} x`, { v: x(f), scale: 1e3 * scale });
      fp.set(`rec ${l.layer} ${f.id} status`, { v: f.status, scale: 0 });
    }
  }
  return fp;
}

/**
 * Differences between two fingerprints: numbers agree to 1e-9 of their own size plus 1e-12 of
 * their layer's scale (the rounding of sums and solves), everything else exactly.
 */
export function differences(a: Map<string, Figure>, b: Map<string, Figure>, what: string): string[] {
  const out: string[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(k);
    const y = b.get(k);
    if (typeof x?.v === 'number' && typeof y?.v === 'number') {
      const tol = 1e-9 * Math.max(Math.abs(x.v), Math.abs(y.v)) + 1e-12 * Math.max(x.scale, y.scale);
      if (Math.abs(x.v - y.v) > tol) out.push(`${what}: ${k} ${x.v} → ${y.v}`);
    } else if (x?.v !== y?.v) out.push(`${what}: ${k} ${String(x?.v)} → ${String(y?.v)}`);
  }
  return out.slice(0, 5);
}

/** The same plant with its nodes, flows, meters and the keys of each object in another order. */
export function permuted(doc: Json, r: Rng): Json {
  const copy: Json = JSON.parse(JSON.stringify(doc));
  for (const k of ['nodes', 'flows', 'meters'] as const) if (Array.isArray(copy[k])) r.shuffle(copy[k]);
  const shuffleKeys = (o: Json): Json => {
    if (Array.isArray(o)) return o.map(shuffleKeys);
    if (o === null || typeof o !== 'object') return o;
    return Object.fromEntries(r.shuffle(Object.entries(o)).map(([k, v]) => [k, shuffleKeys(v)]));
  };
  return shuffleKeys(copy);
}

/** Equivalent units: the value in the second is the first's times the factor. */
const RESCALE: Record<string, [string, number]> = {
  t: ['kg', 1000],
  kg: ['g', 1000],
  m3: ['L', 1000],
  't/h': ['kg/h', 1000],
  'm3/d': ['m3/h', 1 / 24],
  kWh: ['MWh', 1e-3],
  MWh: ['kWh', 1000],
  GJ: ['MJ', 1000],
  tce: ['kgce', 1000],
  Nm3: ['Nm3', 1],
};

/**
 * The same plant with flows written in other units (t → kg, m³ → L, kWh → MWh…), their values,
 * σ and bounds rescaled: every balance, in the layer's unit, must come out the same.
 */
export function rescaled(doc: Json, r: Rng): Json {
  const copy: Json = JSON.parse(JSON.stringify(doc));
  for (const f of copy.flows ?? []) {
    const to = RESCALE[f.unit];
    if (!to || !r.chance(0.6)) continue;
    // a coal flow in t has its GB/T 2589 coefficient per kg: kg keeps it; an lhv is per unit of the flow's dimension
    const [unit, k] = to;
    f.unit = unit;
    for (const key of ['value', 'sd', 'min', 'max']) if (typeof f[key] === 'number') f[key] *= k;
  }
  return copy;
}
