/**
 * Campaign readings for the example plants (issue 4), generated with a fixed seed:
 *   node --import tsx datasets/generate-readings.ts
 * writes, for each plant in datasets/ (dyeing, boiler, plating):
 * - datasets/readings/<plant>.csv — a wide CSV at 1-minute resolution over the model's campaign,
 *   one column per meter (UTF-8, `时间` + meter ids, local time without offset);
 * - datasets/readings/<plant>.model.json — the plant model with `meter.reading` declared for
 *   each meter (kind, unit, rollover), so `pingheng ingest` knows how to read the columns.
 * The files are generated, not committed (datasets/readings/ is gitignored).
 *
 * The readings reproduce each flow's campaign total (the model's `value`) through a daily
 * profile with noise; kinds: totalizers (cumulative) for most meters, one electricity meter as
 * instantaneous kW (rate) and one as 1-minute kWh (interval). Placed on purpose:
 * - dyeing: MW05 (cooling-tower make-up) loses 35 min of data at hour 66 → the 72-h check fails;
 * - boiler: MW03 loses 45 min at hour 12 (96-h campaign: 83 h continuous, met); MST1's totalizer
 *   rolls over at 10 000 t;
 * - plating: MW01's totalizer rolls over at 100 000 t.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseModel } from '../src/model/load.ts';
import type { Meter, Model } from '../src/model/schema.ts';
import { parseIsoInZone } from '../src/model/time.ts';

const DIR = new URL('./', import.meta.url);
// --out DIR writes elsewhere (the tests use a temporary directory)
const outArg = process.argv.indexOf('--out');
const OUT =
  outArg > 0
    ? new URL(`file://${process.argv[outArg + 1].replace(/\/?$/, '/')}`)
    : new URL('./readings/', import.meta.url);
const MINUTE = 60_000;

interface Plan {
  seed: number;
  /** meter id → [hour it starts, minutes lost] */
  gaps: Record<string, [number, number]>;
  /** meter id → [rollover, starting totalizer value] */
  rollovers: Record<string, [number, number]>;
  rate?: string;
  interval?: string;
}

const PLANS: Record<string, Plan> = {
  dyeing: { seed: 11, gaps: { MW05: [66, 35] }, rollovers: {}, rate: 'ME02', interval: 'ME03' },
  boiler: { seed: 12, gaps: { MW03: [12, 45] }, rollovers: { MST1: [10_000, 9_200] }, rate: 'ME03' },
  plating: { seed: 13, gaps: {}, rollovers: { MW01: [100_000, 99_800] }, interval: 'ME11' },
};

/** mulberry32: a small seeded generator, so every run writes the same files. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Local wall-clock text of a UTC instant at UTC+8 (Asia/Shanghai has no DST). */
function local(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
}

function generate(plant: string, plan: Plan): void {
  const file = new URL(`${plant}.json`, DIR);
  const { model } = parseModel(readFileSync(file, 'utf8'), file.pathname);
  const campaign = model.campaign!;
  const start = parseIsoInZone(campaign.start);
  const end = parseIsoInZone(campaign.end);
  const steps = Math.round((end - start) / MINUTE);
  const flows = new Map(model.flows.map((f) => [f.id, f]));
  const r = rng(plan.seed);
  const meters = (model.meters ?? []).filter(
    (m) => m.status === 'in-service' && flows.get(m.flows[0])?.value !== undefined,
  );
  const columns: { meter: Meter; values: string[] }[] = [];
  for (const m of meters) {
    const flow = flows.get(m.flows[0])!;
    const total = flow.value!;
    // a daily profile (peak in the afternoon) with ±10 % minute noise, scaled to the total
    const phase = r() * 2 * Math.PI;
    const w = new Float64Array(steps);
    let sum = 0;
    for (let i = 0; i < steps; i++) {
      w[i] = Math.max(0, 1 + 0.25 * Math.sin((2 * Math.PI * i) / 1440 + phase) + 0.1 * (r() - 0.5));
      sum += w[i];
    }
    const kind = m.id === plan.rate ? 'rate' : m.id === plan.interval ? 'interval' : 'cumulative';
    const digits = total / steps < 0.05 ? 4 : 3;
    const values: string[] = new Array(steps + 1);
    const [rollover, startValue] = plan.rollovers[m.id] ?? [undefined, Math.round(r() * 50_000)];
    let acc = startValue;
    for (let i = 0; i <= steps; i++) {
      if (kind === 'rate') {
        // kW at the minute; the trapezoids of these reproduce the total within the profile's curvature
        const here = i < steps ? w[i] : w[steps - 1];
        values[i] = ((here / sum) * total * 60).toFixed(digits);
      } else if (kind === 'interval') {
        values[i] = i === 0 ? '' : ((w[i - 1] / sum) * total).toFixed(digits);
      } else {
        if (i > 0) acc += (w[i - 1] / sum) * total;
        values[i] = (rollover !== undefined ? acc % rollover : acc).toFixed(digits);
      }
    }
    const gap = plan.gaps[m.id];
    if (gap) for (let i = gap[0] * 60 + 1; i <= gap[0] * 60 + gap[1]; i++) values[i] = '';
    columns.push({
      meter: { ...m, reading: { kind, unit: kind === 'rate' ? 'kW' : flow.unit, ...(rollover ? { rollover } : {}) } },
      values,
    });
  }
  const lines = [`时间,${columns.map((c) => c.meter.id).join(',')}`];
  for (let i = 0; i <= steps; i++)
    lines.push(`${local(start + i * MINUTE)},${columns.map((c) => c.values[i]).join(',')}`);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(new URL(`${plant}.csv`, OUT), `${lines.join('\n')}\n`);
  const readingOf = new Map(columns.map((c) => [c.meter.id, c.meter.reading]));
  const withReadings: Model = {
    ...model,
    meters: (model.meters ?? []).map((m) => (readingOf.has(m.id) ? { ...m, reading: readingOf.get(m.id) } : m)),
  };
  writeFileSync(new URL(`${plant}.model.json`, OUT), `${JSON.stringify(withReadings, null, 2)}\n`);
  console.log(`${plant}: ${columns.length} meters × ${steps + 1} rows → ${new URL(`${plant}.csv`, OUT).pathname}`);
}

for (const [plant, plan] of Object.entries(PLANS)) generate(plant, plan);
