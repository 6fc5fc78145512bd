import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseMetering, depthVerdict, loadModel } from '../../src/index.ts';
import { runCli } from '../core/cli-helpers.ts';

const PARK = 'datasets/park/park.json';
const model = (file: string) => loadModel(JSON.parse(readFileSync(file, 'utf8')), file).model;

describe('the example park: three plants and the shared wastewater plant', () => {
  it('links by hand; the heating station’s estimated discharges are 23 % below the WWTP inlet meter (exit 1)', async () => {
    const r = await runCli(['park', PARK, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    const row = (link: string, layer: string) =>
      doc.links.find((l: { link: string; layer: string }) => l.link === link && l.layer === layer);
    // dyeing D01 6 200 t in 72 h × 8 760 / 72 = 754 333.3 t/a against the inlet meter's 760 000: −0.751 %
    expect(row('ww-dyeing', 'water').from).toBeCloseTo((6200 * 8760) / 72, 6);
    expect(row('ww-dyeing', 'water').relative).toBeCloseTo(((6200 * 8760) / 72 - 760000) / ((6200 * 8760) / 72), 12);
    expect(row('ww-dyeing', 'water').status).toBe('pass');
    // COD: 754 333.3 t × 60 mg/L = 45.26 t/a (supplier) vs 760 000 × 62 = 47.12 t/a
    expect(row('ww-dyeing', 'COD').from).toBeCloseTo((6200 * 8760 * 60) / 72 / 1e6, 9);
    expect(row('ww-dyeing', 'COD').to).toBeCloseTo(47.12, 9);
    // heating: W04 110 + BD1 85 + BD2 55 + W32 12 = 262 t in 96 h × 91.25 = 23 907.5 t/a; master = the WWTP's meter
    const heating = row('ww-heating', 'water');
    expect(heating.from).toBeCloseTo(262 * 91.25, 6);
    expect(heating.relative).toBeCloseTo((262 * 91.25 - 31000) / 31000, 12);
    expect(heating).toMatchObject({ master: 'to', status: 'fail' });
  });

  it('members: annual factors, their own balances, depth as depth gives it', async () => {
    const doc = JSON.parse((await runCli(['park', PARK, '--json'])).stdout);
    const m = (id: string) => doc.members.find((x: { id: string }) => x.id === id);
    expect(m('dyeing').annualFactor).toBeCloseTo(8760 / 72, 12);
    expect(m('heating').annualFactor).toBeCloseTo(8760 / 96, 12);
    expect(m('wwtp').annualFactor).toBe(1);
    // the plating plant's Ni balance is open on purpose (datasets/README.md): it stays open in the park
    expect(m('plating').summary.open).toBe(2);
    for (const [id, file] of [
      ['dyeing', 'datasets/dyeing.json'],
      ['plating', 'datasets/plating.json'],
      ['heating', 'datasets/boiler.json'],
      ['wwtp', 'datasets/park/wwtp.json'],
    ] as const) {
      const mod = model(file);
      expect(m(id).depth.depth, id).toBe(depthVerdict(mod, {}, analyseMetering(mod)).depth);
    }
  });

  it("the park's energy is the sum of its members' (no energy flows between them)", async () => {
    const doc = JSON.parse((await runCli(['park', PARK, '--json'])).stdout);
    const sum = doc.members.reduce(
      (a: number, x: { indicators: { energyEquivalent: number } }) => a + x.indicators.energyEquivalent,
      0,
    );
    expect(doc.indicators.energyEquivalent).toBeCloseTo(sum, 6);
    // the WWTP: 1 150 000 kWh/a × 0.1229 kgce/kWh = 141.335 tce/a
    expect(doc.members.find((x: { id: string }) => x.id === 'wwtp').indicators.energyEquivalent).toBeCloseTo(
      141.335,
      9,
    );
  });

  it('human output names the disagreeing link, in Chinese and in English', async () => {
    const zh = await runCli(['park', PARK]);
    expect(zh.stdout).toMatch(/供热站废水→园区污水厂\s+水 \(t\/a\)\s+23908\s+31000\s+-7093\s+-22\.9\s+10\s+不符/);
    const en = await runCli(['park', PARK, '--lang', 'en']);
    expect(en.stdout).toMatch(/Heating station wastewater → park WWTP\s+water \(t\/a\).*DISAGREE/);
  });
});
