/**
 * Generated inputs for the reliability properties (test/reliability/*.test.ts) and the fuzz
 * benchmark (bench/fuzz.ts): random plant models and readings CSVs, valid and corrupted at the
 * byte, JSON and meaning levels. Everything is drawn from one seeded generator (mulberry32), so a
 * failing case is reproduced from its seed alone.
 */
import { mulberry32 } from '../../bench/rng.ts';

// biome-ignore lint/suspicious/noExplicitAny: generated models are broken on purpose
export type Json = any;

export class Rng {
  private readonly next: () => number;
  constructor(readonly seed: number) {
    this.next = mulberry32(seed);
  }
  /** Uniform in [0, 1). */
  u(): number {
    return this.next();
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Log-uniform in [lo, hi]. */
  logUniform(lo: number, hi: number): number {
    return lo * (hi / lo) ** this.next();
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  }
}

/** Ids a real file may hold, and some no one would write on purpose. */
const ODD_IDS = [
  '节点',
  '1#锅炉',
  'a.b',
  'x"y',
  "o'k",
  'toString',
  '__proto__',
  'constructor',
  '💧',
  'A\\B',
  '[0]',
  'a/b',
];

/** An id: `prefix` and its counter (unique), now and then after an odd one. */
function id(r: Rng, prefix: string, k: number): string {
  return r.chance(0.08) ? `${r.pick(ODD_IDS)}${prefix}${k}` : `${prefix}${k}`;
}

/** Flow kinds by layer: unit, carrier, its factor to the layer unit where known. */
const WATER_UNITS = ['t', 'm3', 'kg', 't/h', 'm3/d'];
const MATERIAL_UNITS = ['t', 'kg'];
const ENERGY = [
  { unit: 'kWh', carrier: 'electricity' },
  { unit: 'GJ', carrier: 'steam' },
  { unit: 'tce', carrier: 'waste-energy' },
  { unit: 't', carrier: 'raw-coal' },
  { unit: 'Nm3', carrier: 'natural-gas' },
  { unit: 'MWh', carrier: 'electricity' },
];

export interface ModelShape {
  /** Level-2 nodes under the plant (0–maxUnits) and level-3 under each (0–3). */
  maxUnits: number;
  maxFlows: number;
}

const DEFAULT_SHAPE: ModelShape = { maxUnits: 4, maxFlows: 24 };

/**
 * A random valid plant: one enterprise, workshops and devices; water, material and energy flows
 * between them and the outside (some unmeasured, some stocks, some with components); meters, a
 * campaign and settings now and then. Values are positive, so the balances are what the
 * generator drew — open or closed.
 */
export function randomModel(r: Rng, shape: ModelShape = DEFAULT_SHAPE): Json {
  const nodes: Json[] = [{ id: id(r, 'P', 0), name: '全厂', nameEn: 'Plant', level: 1 }];
  const units = r.int(0, shape.maxUnits);
  for (let i = 1; i <= units; i++) {
    const unit = { id: id(r, 'U', i), name: `车间${i}`, level: 2, parent: nodes[0].id };
    nodes.push(unit);
    const devices = r.int(0, 3);
    for (let k = 1; k <= devices; k++)
      nodes.push({ id: id(r, `D${i}_`, k), name: `设备${i}-${k}`, level: 3, parent: unit.id });
  }
  // ids must be unique: odd ids carry their counter, the rest are distinct by construction
  const ends = nodes.map((n) => n.id as string);
  const flows: Json[] = [];
  const nFlows = r.int(1, shape.maxFlows);
  const layers = r.shuffle(['water', 'material', 'energy']).slice(0, r.int(1, 3));
  for (let k = 0; k < nFlows; k++) {
    const layer = r.pick(layers);
    let from: string | null = r.chance(0.3) ? null : r.pick(ends);
    let to: string | null = r.chance(0.3) ? null : r.pick(ends);
    if (from === null && to === null) to = r.pick(ends);
    if (from === to) from = null;
    const f: Json = { id: id(r, 'F', k), from, to, layer };
    if (layer === 'water') f.unit = r.pick(WATER_UNITS);
    else if (layer === 'material') {
      f.unit = r.pick(MATERIAL_UNITS);
      f.phase = r.pick(['solid', 'liquid', 'gas', 'other']);
    } else Object.assign(f, r.pick(ENERGY));
    if (r.chance(0.15)) f.source = 'unmeasured';
    else {
      f.value = Number(r.logUniform(0.5, 5000).toPrecision(r.int(2, 6)));
      if (r.chance(0.3)) f.sd = Number((f.value * r.logUniform(0.005, 0.2)).toPrecision(3));
      if (r.chance(0.2)) f.source = r.pick(['metered', 'monitored', 'lab', 'calculated', 'estimated', 'design']);
    }
    if (r.chance(0.05) && (from === null) !== (to === null)) f.stock = true;
    if (layer === 'water' && f.value !== undefined && r.chance(0.2))
      f.components = { COD: { concentration: Number(r.logUniform(10, 2000).toPrecision(3)), unit: 'mg/L' } };
    if (r.chance(0.05)) f.trusted = true;
    flows.push(f);
  }
  const model: Json = { name: '生成的工厂', nameEn: 'Generated plant', nodes, flows };
  const metered = flows.filter((f) => f.value !== undefined && r.chance(0.4));
  if (metered.length > 0)
    model.meters = metered.map((f, k) => {
      f.meter = `M${k}`;
      return { id: `M${k}`, flows: [f.id], accuracyClass: r.pick(['0.5', '1.0', '2.5', '0.2S']) };
    });
  const rates = flows.some((f) => /\//.test(f.unit));
  if (rates || r.chance(0.4)) {
    if (r.chance(0.5)) model.settings = { periodHours: r.pick([24, 72, 720, 8000]) };
    else
      model.campaign = {
        start: '2026-03-01T00:00:00+08:00',
        end: r.pick(['2026-03-04T08:00:00+08:00', '2026-03-05T00:00:00', '2026-03-31T00:00:00']),
        normalProduction: r.chance(0.5),
        performedBy: r.pick(['none', 'enterprise', 'qualified-team']),
        ...(r.chance(0.3) ? { timezone: r.pick(['Asia/Shanghai', 'Asia/Urumqi', 'UTC']) } : {}),
      };
  }
  if (r.chance(0.1)) model.settings = { ...model.settings, displayUnits: { water: 'm3' } };
  if (r.chance(0.1)) model.settings = { ...model.settings, tolerance: { default: r.pick([1, 2, 5, 10]) } };
  return model;
}

/** Values a hostile file puts where a number, a string or an object should be. */
export const HOSTILE_VALUES: readonly Json[] = [
  null,
  '',
  'x',
  ' ',
  '1e3',
  -1,
  0,
  -0,
  1e308,
  -1e308,
  1.7976931348623157e308,
  5e-324,
  1e-300,
  1e16,
  2 ** 53 + 1,
  0.1,
  true,
  [],
  {},
  [[[[[]]]]],
  { value: 1 },
  'NaN',
  'Infinity',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '<script>alert(1)</script>',
  'a'.repeat(10_000),
  '2026-02-30T00:00:00',
  'Mars/Phobos',
  '__proto__',
];

const HOSTILE_UNITS = [
  't',
  'kg',
  'm3',
  'kWh',
  'furlong',
  'ton',
  't/h',
  '万t/a',
  'Qg',
  '1e300 t',
  'mg/L',
  '',
  '%',
  'kg/m3',
  'GJ/t',
  'Nm3',
  'm',
  's',
];

/** Paths of every value in a JSON document (not descending into very large arrays). */
function paths(doc: Json): (string | number)[][] {
  const out: (string | number)[][] = [];
  const stack: { v: Json; p: (string | number)[] }[] = [{ v: doc, p: [] }];
  while (stack.length > 0) {
    const { v, p } = stack.pop()!;
    out.push(p);
    if (Array.isArray(v)) for (let i = 0; i < Math.min(v.length, 50); i++) stack.push({ v: v[i], p: [...p, i] });
    else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) stack.push({ v: v[k], p: [...p, k] });
  }
  return out;
}

function getAt(doc: Json, p: (string | number)[]): Json {
  let v = doc;
  for (const k of p) v = v?.[k];
  return v;
}

const isObject = (x: Json) => x !== null && typeof x === 'object' && !Array.isArray(x);

/** One change of meaning or structure at a random place (the document is changed in place). */
export function corruptJson(r: Rng, doc: Json): Json {
  if (!isObject(doc)) return r.pick(HOSTILE_VALUES);
  const all = paths(doc);
  const p = r.pick(all);
  if (p.length === 0) return r.pick([[], null, 'plant', 42, [doc]]);
  const parent = getAt(doc, p.slice(0, -1));
  const key = p[p.length - 1]!;
  if (parent === null || typeof parent !== 'object') return doc;
  switch (r.int(0, 9)) {
    case 0:
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      break;
    case 1:
      if (!Array.isArray(parent))
        parent[r.pick(['vlaue', 'extra', 'meta', '__proto__', 'Value'])] = r.pick(HOSTILE_VALUES);
      break;
    case 2: {
      // a reference to something that is not there, or to itself
      const f = r.pick<Json>(Array.isArray(doc.flows) ? doc.flows : [{}]);
      if (isObject(f))
        f[r.pick(['from', 'to', 'meter'])] = r.pick(['nowhere', f.from, f.to, doc.nodes?.[0]?.id ?? 'x', null]);
      break;
    }
    case 3: {
      const f = r.pick<Json>(Array.isArray(doc.flows) ? doc.flows : [{}]);
      if (isObject(f)) f.unit = r.pick(HOSTILE_UNITS);
      break;
    }
    case 4: {
      // duplicate an id
      const list = r.pick([doc.nodes, doc.flows, doc.meters].filter(Array.isArray));
      const at = list ? r.int(0, list.length - 1) : 0;
      if (list && list.length > 1 && isObject(list[at]) && isObject(list[0])) list[at].id = list[0].id;
      break;
    }
    case 5: {
      const n = r.pick<Json>(Array.isArray(doc.nodes) ? doc.nodes : [{}]);
      if (isObject(n)) {
        n.parent = r.pick([n.id, doc.nodes?.[doc.nodes.length - 1]?.id, 'nowhere']);
        n.level = r.pick([1, 2, 3, 4, 0, '2']);
      }
      break;
    }
    case 6: {
      const f = r.pick<Json>(Array.isArray(doc.flows) ? doc.flows : [{}]);
      if (isObject(f)) {
        const what = r.pick(['density', 'lhv']);
        f[what] = {
          value: r.pick([0, -1, 1e308, 1.05, 5e-324, 20]),
          unit: r.pick(['t/m3', 'kg/m3', 'MJ/kg', 'kJ/kg', 'GJ/t', 'x']),
        };
      }
      break;
    }
    case 7:
      doc.campaign = {
        start: r.pick(['2026-03-01T00:00:00', '2026-03-01T00:00:00+08:00', 'yesterday', '2026-02-30T00:00:00']),
        end: r.pick(['2026-03-04T00:00:00', '2025-01-01T00:00:00+08:00', '+275760-09-13T00:00:00Z']),
        timezone: r.pick(['Mars/Phobos', 'Asia/Shanghai', 'asia/shanghai', '+08:00', '', 'UTC']),
      };
      break;
    case 8:
      doc.settings = {
        [r.pick(['periodHours', 'annualHours', 'masterSubTolerance', 'electricityEqualValue'])]: r.pick(HOSTILE_VALUES),
        ...(r.chance(0.5)
          ? { displayUnits: { [r.pick(['water', 'energy', 'material', 'COD'])]: r.pick(HOSTILE_UNITS) } }
          : {}),
      };
      break;
    default:
      parent[key] = r.pick(HOSTILE_VALUES);
  }
  return doc;
}

const encoder = new TextEncoder();

/** Byte-level damage: flips, inserts (NUL, 0xFF, a GBK pair, a BOM, CR), deletions, truncation, repeats. */
export function corruptBytes(r: Rng, bytes: Uint8Array): Uint8Array {
  const b = Array.from(bytes);
  const edits = r.int(1, 4);
  for (let e = 0; e < edits; e++) {
    const at = r.int(0, b.length);
    switch (r.int(0, 6)) {
      case 0:
        if (b.length > 0) b[Math.min(at, b.length - 1)] = r.int(0, 255);
        break;
      case 1:
        b.splice(
          at,
          0,
          ...r.pick([[0], [0xff], [0xca, 0xb1], [0xef, 0xbb, 0xbf], [13], [0xe4, 0xb8], [34], [44], [10]]),
        );
        break;
      case 2:
        b.splice(at, r.int(1, 20));
        break;
      case 3:
        b.length = Math.min(b.length, at);
        break;
      case 4: {
        const len = r.int(1, 40);
        b.splice(at, 0, ...b.slice(at, at + len));
        break;
      }
      case 5:
        // CRLF or CR line ends
        for (let i = b.length - 1; i >= 0; i--) if (b[i] === 10) r.chance(0.5) ? (b[i] = 13) : b.splice(i, 0, 13);
        break;
      default:
        b.splice(0, 0, 0xef, 0xbb, 0xbf);
    }
  }
  return Uint8Array.from(b);
}

/** A model as its file would be: JSON text (pretty or compact), as bytes. */
export function modelBytes(r: Rng, doc: Json): Uint8Array {
  const text = r.chance(0.5) ? JSON.stringify(doc, null, r.pick([2, 4, '\t'])) : JSON.stringify(doc);
  return encoder.encode(text ?? 'undefined');
}

export type ModelCase = { kind: 'valid' | 'json' | 'meaning' | 'bytes'; bytes: Uint8Array };

/** A model file: valid, or corrupted at one of the three levels. */
export function modelCase(r: Rng): ModelCase {
  const doc = randomModel(r);
  const level = r.pick(['valid', 'json', 'meaning', 'bytes'] as const);
  if (level === 'valid') return { kind: level, bytes: modelBytes(r, doc) };
  if (level === 'json' || level === 'meaning') {
    const n = r.int(1, 3);
    let d = doc;
    for (let i = 0; i < n; i++) d = corruptJson(r, d);
    return { kind: level, bytes: modelBytes(r, d) };
  }
  return { kind: level, bytes: corruptBytes(r, modelBytes(r, doc)) };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** 2026-03-01 plus `minutes`, as a plant's export writes it. */
function stamp(minutes: number, style: number): string {
  const d = new Date(Date.UTC(2026, 2, 1) + minutes * 60_000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  if (style === 0) return `${date} ${time}`;
  if (style === 1) return `${date}T${time}:00+08:00`;
  if (style === 2) return `${date.replace(/-/g, '/')} ${time}:00`;
  return `${date} ${time}:00`;
}

/** Cells a hostile CSV holds. */
const HOSTILE_CELLS = [
  '',
  ' ',
  'n/a',
  '--',
  '1e308',
  '-1e308',
  '1e20',
  'NaN',
  'Infinity',
  '0x1A',
  '1,5',
  '"7"',
  '\u0000',
  'abc',
  '-0',
  '9'.repeat(400),
  '"',
  '"a,b"',
  '1.2.3',
];

export interface CsvCase {
  kind: 'valid' | 'cells' | 'rows' | 'bytes';
  bytes: Uint8Array;
  meters: string[];
  layout: 'wide' | 'long';
}

/**
 * A readings CSV: wide (time + a column per meter) or long (time, meter, value[, unit]),
 * cumulative readings every few minutes; corrupted at the cell, row or byte level.
 */
export function csvCase(r: Rng): CsvCase {
  const nMeters = r.int(1, 5);
  const meters = Array.from({ length: nMeters }, (_, k) =>
    r.chance(0.1) ? `${r.pick(['表', 'M 1', 'a"b', '1#'])}${k}` : `M${k + 1}`,
  );
  const rows = r.int(0, 120);
  const step = r.pick([1, 5, 15, 60]);
  const style = r.int(0, 3);
  const layout = r.chance(0.7) ? 'wide' : 'long';
  const level = r.pick(['valid', 'cells', 'rows', 'bytes'] as const);
  const totals = meters.map(() => r.logUniform(1, 1e6));
  const rate = meters.map(() => r.logUniform(0.01, 100));
  const quote = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const lines: string[] = [];
  if (layout === 'wide') lines.push(['time', ...meters].map(quote).join(','));
  else lines.push(r.chance(0.5) ? 'timestamp,meter,value' : 'timestamp,meter,value,unit');
  const withUnit = lines[0]!.endsWith('unit');
  let minute = 0;
  for (let i = 0; i < rows; i++) {
    minute += step;
    const t = stamp(minute, style);
    meters.forEach((_, k) => {
      totals[k]! += rate[k]! * step * (r.chance(0.05) ? r.logUniform(0.1, 50) : 1);
    });
    const cell = (k: number) => {
      if (level === 'cells' && r.chance(0.08)) return r.pick(HOSTILE_CELLS);
      return String(Number(totals[k]!.toPrecision(10)));
    };
    if (layout === 'wide')
      lines.push([t, ...meters.map((_, k) => cell(k))].map((c, j) => (j === 0 ? c : quote(c))).join(','));
    else
      meters.forEach((m, k) => {
        lines.push(
          [t, quote(m), quote(cell(k)), ...(withUnit ? [r.pick(['', 't', 'kg', 'm3', 'kWh', 'x'])] : [])].join(','),
        );
      });
  }
  if (level === 'rows') {
    const n = r.int(1, 6);
    for (let e = 0; e < n && lines.length > 1; e++) {
      const at = r.int(1, lines.length - 1);
      const line = lines[at]!;
      switch (r.int(0, 6)) {
        case 0:
          lines[at] = line.split(',').slice(0, -1).join(','); // short row
          break;
        case 1:
          lines[at] = `${line},9`; // extra field
          break;
        case 2:
          lines.splice(at, 0, ''); // blank line
          break;
        case 3:
          lines.splice(at, 0, line); // duplicate timestamp
          break;
        case 4:
          if (at > 1) [lines[at], lines[at - 1]] = [lines[at - 1]!, line]; // out of order
          break;
        case 5:
          lines[at] = `bad time${line.slice(line.indexOf(','))}`;
          break;
        default:
          lines.splice(at, 1);
      }
    }
  }
  const nl = r.pick(['\n', '\r\n', '\r']);
  let text = lines.join(nl) + (r.chance(0.8) ? nl : '');
  if (r.chance(0.1)) text = `\uFEFF${text}`;
  let bytes: Uint8Array = encoder.encode(text);
  if (level === 'bytes') bytes = corruptBytes(r, bytes);
  return { kind: level, bytes, meters, layout };
}

/** The bytes as a source of chunks of random sizes (ingestReadings reads any async iterable). */
export async function* chunks(bytes: Uint8Array, r: Rng): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; ) {
    const n = r.chance(0.5) ? bytes.length : r.int(1, 64);
    yield bytes.subarray(i, i + n);
    i += n;
  }
}
