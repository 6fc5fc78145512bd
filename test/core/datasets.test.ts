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
    // the cooling circuit is closed: the return derived at the jet line equals its metered supply
    expect(r.derived.find((d) => d.flow === 'CR1')!.value).toBeCloseTo(2400, 10);
    // 91 500 kWh × 0.1229 + 510 t × 0.1286 + 9 000 Nm³ × 1.2143 (kgce → tce) = 87.760 tce (GB/T 2589)
    const use = r.energyUse[0]!;
    expect(use.comprehensiveEquivalent).toBeCloseTo((91500 * 0.1229 + 510000 * 0.1286 + 9000 * 1.2143) / 1000, 9);
    // 等价值 at the model's 0.3007 kgce/kWh (2022 national thermal-power supply coal rate)
    expect(use.comprehensiveEqual).toBeCloseTo((91500 * 0.3007 + 510000 * 0.1286 + 9000 * 1.2143) / 1000, 9);
    expect(use.equalValue).toEqual({ kgcePerKWh: 0.3007, source: 'settings' });
    // GB/T 12452: Vr = cooling circulation 2 400 + 2 600 + 2 200 + reuse 900 + condensate 250; Vf = 6 550
    const w = r.water[0]!;
    expect(w.reused).toBeCloseTo(8350, 9);
    expect(w.reuseRate).toBeCloseTo(8350 / (8350 + 6550), 12);
    expect(w.coolingRecirculationRate).toBeCloseTo(7200 / (7200 + 90), 12); // rc = Vcr / (Vcr + Vcf)
    // rg = Vgr / (Vgr + Vgf): reuse 900 over 900 + the process intakes 1 850 + 480 + 1 150 + 1 200 + 1 050 + 330
    expect(w.processReuseRate).toBeCloseTo(900 / (900 + 6060), 12);
    expect(w.condensateRecovery).toBeCloseTo(250 / 510, 12);
    expect(w.condensate.basis).toBe('purchased');
    // Vf / Q = 6 550 t / 90 t fabric = 72.8 t/t (≤ 90 t/t, 印染行业规范条件 2017 for knit fabric [S])
    expect(w.newWaterPerProduct[0]).toMatchObject({ unit: 't/t', value: expect.closeTo(6550 / 90, 12) });
    expect(w.newWaterPerOutputValue!.value).toBeCloseTo(6550 / 108, 12);
    expect(w.leakageRate).toBeCloseTo((80 + 150) / 7060, 12);
    expect(w.dischargeRate).toBeCloseTo(6200 / 7060, 12);
    // the finishing workshop and the stenter close by measurement (GB/T 3484: supplied = effective + losses):
    // in 21 000 kWh × 0.1229 + 9 000 Nm³ × 1.2143 = 13.510 tce; out (136 + 185 + 62) GJ / 29.307 + 1 150 kWh × 0.1229
    const fin = bal(r, 'fin', 'energy');
    expect(fin.status).toBe('closed');
    expect(fin.in).toBeCloseTo((21000 * 0.1229 + 9000 * 1.2143) / 1000, 9);
    expect(fin.out).toBeCloseTo((136 + 185 + 62) / 29.307 + (1150 * 0.1229) / 1000, 9);
    expect(fin.closure).toBeCloseTo(0.0222, 4);
    const st = bal(r, 'stenter1', 'energy');
    expect(st.energy!.utilisation).toBeCloseTo(136 / 29.307 / ((19800 * 0.1229 + 9000 * 1.2143) / 1000), 9);
    // the dyeing workshop: supply meters against its lines' meters, its own use and the steam mains' loss
    const dye = bal(r, 'dye', 'energy');
    expect(dye.status).toBe('closed');
    expect(dye.residual).toBeCloseTo((42000 - 40900 - 900) * 0.0001229 + (330 - 310) * 0.1286 - 2.4, 9);
    expect(r.masterSub.find((m) => m.node === 'dye' && m.carrier === 'steam')!.relative).toBeCloseTo(20 / 330, 12);
    expect((await runCli(['check', 'datasets/dyeing.json', '--json'])).code).toBe(0);
  });

  it('boiler: coal → steam in tce with measured LHV; 综合能耗 104.5 tce with the coal stock; sulphur and ash close', async () => {
    const r = load('boiler');
    expect(r.summary.ok).toBe(true);
    const b1 = bal(r, 'b1', 'energy');
    expect(b1.in).toBeCloseTo((393000 * 20900) / 29307 / 1000, 9);
    expect(b1.energy!.effective / b1.in).toBeCloseTo((2880 * 2.338) / (393 * 20.9), 9); // boiler efficiency ≈ 82 %
    // GB/T 2589: 680 t × 20.9 GJ/t + 105 000 kWh × 0.1229 − 4 680 t steam × 2.338 GJ/t − 28 t into stock
    const plant = r.energyUse[0]!;
    expect(plant.comprehensiveEquivalent).toBeCloseTo(
      (680 * 20900) / 29307 + 105 * 0.1229 - (4680 * 2338) / 29307 - (28 * 20900) / 29307,
      9,
    );
    expect(plant.comprehensiveEquivalent).toBeCloseTo(104.52, 2);
    expect(r.findings.map((f) => f.code)).toEqual(['finding.equalValueDefault']);
    // sulphur into the absorber = coal S 0.8 % − slag 0.1 % − fly ash 0.2 %
    const s = bal(r, 'absorber', 'S');
    expect(s.in).toBeCloseTo(5.16 - (68.4 + 45.1) * 0.001 - (17.7 + 11.7) * 0.002, 10);
    expect(s.out).toBeCloseTo(32 * 0.146 + 0.267 + 0.02, 10);
    // ash: coal 20.3 % → slag (92 % ash) + fly ash (88 %) + dust past the bag filter
    const ash = bal(r, 'b1', 'ash');
    expect(ash.in).toBeCloseTo(393 * 0.203, 10);
    expect(ash.out).toBeCloseTo(68.4 * 0.92 + 17.7 * 0.88 + 0.09, 10);
    expect(ash.status).toBe('closed');
    // the flue gas to the absorber includes the combustion air: coal + air − slag − fly ash
    expect(r.derived.find((d) => d.flow === 'G11')!.value).toBeCloseTo(393 + 4488 - 68.4 - 17.7, 9);
    expect(r.water[0]!.condensate).toMatchObject({ basis: 'produced', steamProduced: 4680, recovered: 0 });
    expect((await runCli(['check', 'datasets/boiler.json', '--json'])).code).toBe(0);
  });

  it('plating: the nickel material balance from anode to parts, drag-out and sludge; the Ni balance of the wastewater station does not close; exit 1 names it', async () => {
    const r = load('plating');
    // the plating tank: anodes 180.2 kg + salt 21.0 kg (as Ni) in; coating 120 kg + drag-out 84 kg out
    const tank = bal(r, 'ni', 'material');
    expect(tank.in).toBeCloseTo(180.2 + 21, 9);
    expect(tank.out).toBeCloseTo(120 + 84, 9);
    expect(tank).toMatchObject({ status: 'closed', unit: 'kg' });
    const niTank = bal(r, 'ni', 'Ni');
    expect(niTank.in).toBeCloseTo(180.2 * 0.999 + 21, 9);
    expect(niTank.status).toBe('closed');
    const ni = bal(r, 'wwtp', 'Ni');
    expect(ni.in).toBeCloseTo(208 * 0.4, 10); // 208 t at 400 mg/L
    expect(ni.out).toBeCloseTo(2000 * 0.025 + 545 * 0.0001, 10);
    expect(ni).toMatchObject({ status: 'open', tolerancePct: 2 });
    expect(bal(r, 'wwtp', 'Cr').status).toBe('closed');
    expect(r.water[0]!.newWaterPerProduct[0]).toMatchObject({ unit: 't/m2', value: expect.closeTo(610 / 1350, 12) });
    const cli = await runCli(['check', 'datasets/plating.json', '--json']);
    expect(cli.code).toBe(1);
    const doc = JSON.parse(cli.stdout);
    expect(
      doc.findings
        .filter((f: { severity: string }) => f.severity === 'error')
        .map((f: { node: string; layer: string }) => `${f.node}/${f.layer}`),
    ).toEqual(['plant/Ni', 'wwtp/Ni']);
    const human = await runCli(['check', 'datasets/plating.json', '--lang', 'en']);
    expect(human.stdout).toContain(
      'the Ni balance of Wastewater treatment station does not close: 39.8% against a tolerance of 2%',
    );
  });

  it('check --reconciled shows reconciled values next to measured ones', async () => {
    const cli = await runCli(['check', 'datasets/plating.json', '--reconciled', '--layer', 'Ni', '--json']);
    expect(cli.code).toBe(1);
    const doc = JSON.parse(cli.stdout);
    expect(doc.balances.every((b: { layer: string }) => b.layer === 'Ni')).toBe(true);
    const ni = doc.reconciliation.layers.find((l: { layer: string }) => l.layer === 'Ni');
    expect(ni.global.pass).toBe(false);
    // the anode's Ni (180.2 kg × 99.9 %), re-based on the reconciled anode mass
    expect(ni.flows.find((f: { id: string }) => f.id === 'NA1.Ni').measured).toBeCloseTo(180.2 * 0.999, 1);
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
