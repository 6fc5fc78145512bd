import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/model/load.ts';
import { applyReadings, applyReadingsDetailed } from '../../src/readings/apply.ts';
import { ingestReadings } from '../../src/readings/ingest.ts';
import { fileSource, readMapping, readModelWithReadings } from '../../src/cli/readings-io.ts';
import { at, ingestText, modelWith } from './helpers.ts';

const root = new URL('../../', import.meta.url).pathname;
let generated: string | undefined;
/** The example plants' readings, generated once into a temporary directory. */
function plantsDir(): string {
  if (generated) return generated;
  const dir = mkdtempSync(join(tmpdir(), 'pingheng-readings-'));
  const gen = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'datasets/generate-readings.ts'), '--out', dir],
    { cwd: root, encoding: 'utf8' },
  );
  if (gen.status !== 0) throw new Error(gen.stderr);
  generated = dir;
  return dir;
}
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin/pingheng.js'), ...args], { cwd: root, encoding: 'utf8' });

describe('applyReadings', () => {
  it('writes totals and σ into metered flows, converted to the flow unit once', async () => {
    const model = modelWith([
      { id: 'M1', reading: { kind: 'cumulative', unit: 'kg' }, accuracyClass: '2.0', flowUnit: 't' },
    ]);
    const r = await ingestText(`time,M1\n${at(0)},1000\n${at(1)},1500\n${at(2)},2250\n`, { model });
    const out = applyReadings(model, r);
    const f = out.flows[0];
    expect(f).toMatchObject({ value: 1.25, unit: 't', source: 'metered' });
    expect(f.sd).toBeCloseTo((0.02 * 1.25) / 1.96, 12);
    expect(model.flows[0].value).toBeUndefined(); // the input is not changed
  });
  it('a meter on two flows (steam as water and as energy) fills both', async () => {
    const model = modelWith([{ id: 'M1', reading: { kind: 'cumulative', unit: 't' } }]);
    model.flows.push({ ...model.flows[0], id: 'F_E', layer: 'energy', carrier: 'steam' });
    model.meters![0].flows = ['F_M1', 'F_E'];
    const r = await ingestText(`time,M1\n${at(0)},1\n${at(1)},4\n`, { model });
    const d = applyReadingsDetailed(model, r);
    expect(d.applied.map((a) => [a.flow, a.value])).toEqual([
      ['F_M1', 3],
      ['F_E', 3],
    ]);
  });
});

describe('pingheng ingest', () => {
  it('--json prints the DESIGN.md document (exit 1: five minutes are no 72 h)', () => {
    const res = cli('ingest', 'test/readings/fixtures/gb18030-wide.csv', '--json');
    expect(res.status).toBe(1); // 5 minutes is far short of 72 h
    const doc = JSON.parse(res.stdout);
    expect(doc.rows).toEqual({ read: 5, used: 5, rejected: 0 });
    expect(doc.rejected).toEqual([]);
    expect(doc.meters[0]).toMatchObject({ id: '1#锅炉给水', total: 6, coverage: 1, gaps: [] });
    expect(doc.window).toMatchObject({
      start: '2026-03-01T08:00:00+08:00',
      hours: 4 / 60,
      longestContinuousHours: 4 / 60,
      meetsMinimum: false,
    });
    expect(res.stderr).toBe('');
  });
  it('bad option values: exit 2 with the allowed values', () => {
    const res = cli('ingest', 'test/readings/fixtures/gb18030-wide.csv', '--kind', 'total', '--lang', 'en');
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('--kind must be cumulative|rate|interval, not "total"');
  });
  it('an unusable file: exit 2 and file:line on stderr', () => {
    const res = cli('ingest', 'test/readings/fixtures/gb18030-wide.csv', '--encoding', 'utf-8', '--lang', 'en');
    expect(res.status).toBe(2);
    expect(res.stderr).toContain(
      'test/readings/fixtures/gb18030-wide.csv:1: bytes near line 1 are not valid utf-8 text',
    );
  });
  it('the example plants: generated readings reproduce the model totals; dyeing fails 72 h by a 35-min gap', () => {
    const dir = plantsDir();
    const res = cli(
      'ingest',
      join(dir, 'dyeing.csv'),
      '--model',
      join(dir, 'dyeing.model.json'),
      '--write',
      join(dir, 'out.json'),
      '--json',
    );
    expect(res.status).toBe(1);
    const doc = JSON.parse(res.stdout);
    expect(doc.rows).toEqual({ read: 4321, used: 4321, rejected: 0 });
    expect(doc.window).toMatchObject({
      hours: 72,
      longestContinuousHours: 66,
      meetsMinimum: false,
      source: 'campaign',
    });
    const mw05 = doc.meters.find((m: { id: string }) => m.id === 'MW05');
    expect(mw05.gaps).toEqual([{ start: '2026-03-05T02:00:00+08:00', end: '2026-03-05T02:36:00+08:00', hours: 0.6 }]);
    const model = parseModel(readFileSync(join(root, 'datasets/dyeing.json'), 'utf8')).model;
    const written = parseModel(readFileSync(join(dir, 'out.json'), 'utf8')).model;
    for (const f of model.flows) {
      if (f.value === undefined || !f.meter) continue;
      const w = written.flows.find((x) => x.id === f.id)!;
      // rounding of the written readings (3 decimals per minute) and the rate trapezoids
      expect(Math.abs(w.value! - f.value) / f.value, f.id).toBeLessThan(1e-4);
    }
  });
  it('the boiler and plating readings: rollovers found, totals kept', async () => {
    const dir = plantsDir();
    for (const [plant, id, total] of [
      ['boiler', 'MST1', 2880],
      ['plating', 'MW01', 610],
    ] as const) {
      const model = parseModel(readFileSync(join(dir, `${plant}.model.json`), 'utf8')).model;
      const r = await ingestReadings(fileSource(join(dir, `${plant}.csv`)), { model });
      const m = r.meters.find((x) => x.id === id)!;
      expect(m.flags.map((f) => f.code)).toEqual(['rollover']);
      expect(m.total).toBeCloseTo(total, 2);
      expect(r.window.meetsMinimum).toBe(true);
    }
  });
  it('readModelWithReadings: model + readings in one call (for check/reconcile --readings)', async () => {
    const dir = plantsDir();
    const loaded = await readModelWithReadings(join(dir, 'plating.model.json'), join(dir, 'plating.csv'), {
      lang: 'en',
      json: true,
    });
    expect(loaded?.readings?.rows.rejected).toBe(0);
    const e01 = loaded!.model.flows.find((f) => f.id === 'E01')!;
    expect(e01.value).toBeCloseTo(38000, 1);
    expect(e01.sd).toBeGreaterThan(0);
    expect(
      await readModelWithReadings(join(dir, 'plating.model.json'), undefined, { lang: 'en', json: true }),
    ).toMatchObject({ model: { name: expect.any(String) } });
  });
  it('reads mapping files as CSV or JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pingheng-map-'));
    const csvFile = join(dir, 'm.csv');
    const jsonFile = join(dir, 'm.json');
    writeFileSync(csvFile, '列名,表号\n1#锅炉给水,MW01\n染色机用水,MW02\n');
    writeFileSync(jsonFile, '{"1#锅炉给水": "MW01"}');
    expect(readMapping(csvFile)).toEqual({ '1#锅炉给水': 'MW01', 染色机用水: 'MW02' });
    expect(readMapping(jsonFile)).toEqual({ '1#锅炉给水': 'MW01' });
  });
});

describe('withReadingsOptions', () => {
  it('gives a command --readings, --encoding, --tz and --mapping', async () => {
    const { Command } = await import('commander');
    const { withReadingsOptions } = await import('../../src/cli/readings-io.ts');
    const cmd = withReadingsOptions(new Command('check').argument('<model>'));
    cmd.parse(['m.json', '--readings', 'r.csv', '--encoding', 'gbk', '--tz', 'UTC', '--mapping', 'map.csv'], {
      from: 'user',
    });
    expect(cmd.opts()).toEqual({ readings: 'r.csv', encoding: 'gbk', tz: 'UTC', mapping: 'map.csv' });
  });
});
