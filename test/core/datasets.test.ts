import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph, checkModel, parseModel } from '../../src/index.ts';
import { runCli } from './cli-helpers.ts';

const load = (name: string) => {
  const file = `datasets/${name}.json`;
  return checkModel(buildGraph(parseModel(readFileSync(file, 'utf8'), file).model));
};
const bal = (r: ReturnType<typeof load>, node: string, layer: string) =>
  r.balances.find((b) => b.node === node && b.layer === layer)!;

describe('example plants', () => {
  it('dyeing: every balance closes; figures from datasets/README.md', async () => {
    const r = load('dyeing');
    expect(r.summary).toMatchObject({ ok: true, open: 0, indeterminate: 0 });
    expect(bal(r, 'plant', 'water').closure).toBeCloseTo(225 / 7060, 10);
    expect(r.derived.find((d) => d.flow === 'W07')!.value).toBeCloseTo(80, 10);
    expect(r.derived.find((d) => d.flow === 'CR1')!.value).toBeCloseTo(2415, 10);
    // 91 500 kWh × 0.1229 + 510 t × 0.1286 + 9 000 Nm³ × 1.2143 (kgce → tce)
    const use = r.energyUse[0]!;
    expect(use.comprehensiveEquivalent).toBeCloseTo((91500 * 0.1229 + 510000 * 0.1286 + 9000 * 1.2143) / 1000, 9);
    expect(use.comprehensiveEqual).toBeCloseTo((91500 * 0.404 + 510000 * 0.1286 + 9000 * 1.2143) / 1000, 9);
    // GB/T 12452: Vr = cooling returns 2415 + 2618 + 2205 + reuse 900 + condensate 250; Vf = 6550
    const w = r.water[0]!;
    expect(w.reused).toBeCloseTo(8388, 9);
    expect(w.reuseRate).toBeCloseTo(8388 / (8388 + 6550), 12);
    expect(w.condensateRecovery).toBeCloseTo(250 / 510, 12);
    expect(w.leakageRate).toBeCloseTo((80 + 150) / 7060, 12);
    expect(w.dischargeRate).toBeCloseTo(6200 / 7060, 12);
    expect((await runCli(['check', 'datasets/dyeing.json', '--json'])).code).toBe(0);
  });

  it('boiler: coal → steam in tce with measured LHV; sulphur closes at the absorber', async () => {
    const r = load('boiler');
    expect(r.summary.ok).toBe(true);
    const b1 = bal(r, 'b1', 'energy');
    expect(b1.in).toBeCloseTo((393000 * 20900) / 29307 / 1000, 9);
    expect(b1.energy!.effective / b1.in).toBeCloseTo((2880 * 2.338) / (393 * 20.9), 9); // boiler efficiency ≈ 82 %
    const s = bal(r, 'absorber', 'S');
    expect(s.in).toBeCloseTo(5.16 - (56.6 + 36.3) * 0.001, 10);
    expect(s.out).toBeCloseTo(32 * 0.15 + 0.267 + 0.02, 10);
    expect((await runCli(['check', 'datasets/boiler.json', '--json'])).code).toBe(0);
  });

  it('plating: the Ni balance of the wastewater station does not close; exit 1 names it', async () => {
    const r = load('plating');
    const ni = bal(r, 'wwtp', 'Ni');
    expect(ni.in).toBeCloseTo(208 * 0.4, 10); // 208 t at 400 mg/L
    expect(ni.out).toBeCloseTo(2000 * 0.025 + 545 * 0.0001, 10);
    expect(ni).toMatchObject({ status: 'open', tolerancePct: 2 });
    expect(bal(r, 'wwtp', 'Cr').status).toBe('closed');
    const cli = await runCli(['check', 'datasets/plating.json', '--json']);
    expect(cli.code).toBe(1);
    const doc = JSON.parse(cli.stdout);
    expect(
      doc.findings
        .filter((f: { severity: string }) => f.severity === 'error')
        .map((f: { node: string; layer: string }) => `${f.node}/${f.layer}`),
    ).toEqual(['plant/Ni', 'wwtp/Ni']);
    const human = await runCli(['check', 'datasets/plating.json', '--lang', 'en']);
    // English names the node by its nameEn (issue 16 item 4), Chinese by its name.
    expect(human.stdout).toContain(
      'the Ni balance of Wastewater treatment station does not close: 39.8% against a tolerance of 2%',
    );
    expect(human.stdout).not.toContain('废水处理站');
    const zh = await runCli(['check', 'datasets/plating.json']);
    expect(zh.stdout).toContain('废水处理站');
    expect(zh.stdout).not.toMatch(/\bfresh-water\b|\btap-water\b/);
  });

  it('check --reconciled shows reconciled values next to measured ones', async () => {
    const cli = await runCli(['check', 'datasets/plating.json', '--reconciled', '--layer', 'Ni', '--json']);
    expect(cli.code).toBe(1);
    const doc = JSON.parse(cli.stdout);
    expect(doc.balances.every((b: { layer: string }) => b.layer === 'Ni')).toBe(true);
    const ni = doc.reconciliation.layers.find((l: { layer: string }) => l.layer === 'Ni');
    expect(ni.global.pass).toBe(false);
    expect(ni.flows.find((f: { id: string }) => f.id === 'NI-A').measured).toBe(180);
    const human = await runCli(['check', 'datasets/plating.json', '--reconciled', '--layer', 'Ni', '--lang', 'en']);
    expect(human.stdout).toContain('[Ni: measured and reconciled]');
  });

  it('check and reconcile --readings: campaign CSV to balances in one command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pingheng-plants-'));
    const gen = spawnSync(process.execPath, ['--import', 'tsx', 'datasets/generate-readings.ts', '--out', dir], {
      encoding: 'utf8',
    });
    expect(gen.status).toBe(0);
    const plain = load('boiler');
    const cli = await runCli(['check', 'datasets/boiler.json', '--readings', join(dir, 'boiler.csv'), '--json']);
    expect(cli.code).toBe(0);
    const doc = JSON.parse(cli.stdout);
    // the generator reproduces the model's metered totals, through a gap and a totalizer rollover
    expect(doc.readings).toMatchObject({ hours: 96, meetsMinimum: true });
    expect(doc.readings.longestContinuousHours).toBeGreaterThanOrEqual(72);
    const b1 = doc.balances.find((b: { node: string; layer: string }) => b.node === 'b1' && b.layer === 'energy');
    expect(b1.in).toBeCloseTo(bal(plain, 'b1', 'energy').in, 6);
    expect(b1.out).toBeCloseTo(bal(plain, 'b1', 'energy').out, 6);
    const rec = await runCli([
      'reconcile',
      'datasets/plating.json',
      '--readings',
      join(dir, 'plating.csv'),
      '--layer',
      'water',
      '--json',
    ]);
    expect(JSON.parse(rec.stdout).flows.find((f: { id: string }) => f.id === 'W01').measured).toBeCloseTo(610, 6);
    // The dyeing readings lose 35 minutes at hour 66: declared, the campaign is 72 h (简单型); measured, 66 h (估计型).
    expect(JSON.parse((await runCli(['depth', 'datasets/dyeing.json', '--json'])).stdout).depth).toBe('simple');
    const measured = JSON.parse(
      (await runCli(['depth', 'datasets/dyeing.json', '--readings', join(dir, 'dyeing.csv'), '--json', '--lang', 'en']))
        .stdout,
    );
    expect(measured.depth).toBe('estimated');
    expect(measured.reasons.map((r: { en: string }) => r.en).join('\n')).toMatch(/66 h/);
  });
});
