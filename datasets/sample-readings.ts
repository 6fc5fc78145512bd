/**
 * The small sample readings file shipped with the repository (issue 16 item 7):
 *   node --import tsx datasets/sample-readings.ts
 * writes datasets/dyeing-readings.csv — hourly readings of every in-service meter of the dyeing
 * plant over its 72 h campaign (73 rows × 43 meters, ~24 KB), in the form `pingheng ingest` and
 * the web page read: a wide CSV, `时间` then one column per meter, local time (UTC+8). Each
 * meter reads as the model declares (`meter.reading`): totalizers, one instantaneous kW meter
 * (ME02) and one hourly-kWh meter (ME03). The totals reproduce the model's values, so loading
 * the model and then this file keeps every balance where it was. For minute-resolution files of
 * every example plant, see datasets/generate-readings.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mulberry32 } from '../bench/rng.ts';
import { parseModel } from '../src/model/load.ts';
import { parseIsoInZone } from '../src/model/time.ts';

const HOUR = 3_600_000;
const file = new URL('./dyeing.json', import.meta.url);
const { model } = parseModel(readFileSync(file, 'utf8'), file.pathname);
const start = parseIsoInZone(model.campaign!.start);
const hours = Math.round((parseIsoInZone(model.campaign!.end) - start) / HOUR);
const flows = new Map(model.flows.map((f) => [f.id, f]));
const r = mulberry32(16);
const pad = (n: number) => String(n).padStart(2, '0');
const local = (ms: number) => {
  const d = new Date(ms + 8 * HOUR);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

const columns: { id: string; values: string[] }[] = [];
for (const m of model.meters ?? []) {
  const total = flows.get(m.flows[0]!)?.value;
  if (m.status !== 'in-service' || total === undefined) continue;
  // A daily profile (afternoon peak) with ±5 % noise, scaled to the campaign total.
  const phase = r() * 2 * Math.PI;
  const w = Array.from({ length: hours + 1 }, (_, i) =>
    Math.max(0, 1 + 0.2 * Math.sin((2 * Math.PI * i) / 24 + phase) + 0.05 * (r() - 0.5)),
  );
  const sum = w.slice(0, hours).reduce((a, b) => a + b, 0);
  const digits = total / hours < 1 ? 3 : 1;
  const kind = m.reading?.kind ?? 'cumulative';
  const values: string[] = [];
  if (kind === 'rate') {
    // Instantaneous kW at each hour, scaled so that the trapezoids over the hours give the total.
    let area = 0;
    for (let i = 0; i < hours; i++) area += (w[i]! + w[i + 1]!) / 2;
    for (let i = 0; i <= hours; i++) values.push(((w[i]! / area) * total).toFixed(3));
  } else if (kind === 'interval') {
    values.push('');
    for (let i = 0; i < hours; i++) values.push(((w[i]! / sum) * total).toFixed(3));
  } else {
    let acc = Math.round(r() * 20_000);
    values.push(acc.toFixed(digits));
    for (let i = 0; i < hours; i++) {
      acc += (w[i]! / sum) * total;
      values.push(acc.toFixed(digits));
    }
  }
  columns.push({ id: m.id, values });
}
const lines = [`时间,${columns.map((c) => c.id).join(',')}`];
for (let i = 0; i <= hours; i++) lines.push(`${local(start + i * HOUR)},${columns.map((c) => c.values[i]).join(',')}`);
const out = new URL('./dyeing-readings.csv', import.meta.url);
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${columns.length} meters × ${hours + 1} rows → ${out.pathname}`);
