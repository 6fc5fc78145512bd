import { describe, expect, it } from 'vitest';
import type { ModelInput } from '../../src/index.ts';
import { runCli, tempFile } from './cli-helpers.ts';
import { check } from './helpers.ts';

/**
 * A plant with a cooling loop, process-water reuse and purchased steam. Quantities over the period, t:
 * new water 1 000 in; make-up 60 to the tower (use cooling); the tower circulates 2 400 to the device
 * (kind recycle, use cooling) and takes 2 400 back; the device takes 500 fresh water (use process) and
 * 200 treated water back from the station (kind recycle, use process); 100 t steam bought, 60 t of its
 * condensate returned to the supplier (kind recycle), 30 t drained to the station.
 */
const plant = (production: ModelInput['production'] = []): ModelInput => ({
  name: 'water plant',
  nodes: [
    { id: 'plant', name: '全厂', level: 1 },
    { id: 'ct', name: '冷却塔', level: 2, parent: 'plant' },
    { id: 'dev', name: '反应釜', level: 2, parent: 'plant' },
    { id: 'ww', name: '污水站', level: 2, parent: 'plant' },
  ],
  flows: [
    { id: 'W0', from: null, to: 'plant', layer: 'water', carrier: 'fresh-water', value: 1000, unit: 't' },
    { id: 'MU', from: 'plant', to: 'ct', layer: 'water', carrier: 'fresh-water', use: 'cooling', value: 60, unit: 't' },
    {
      id: 'CS',
      from: 'ct',
      to: 'dev',
      layer: 'water',
      carrier: 'cooling-water',
      use: 'cooling',
      kind: 'recycle',
      value: 2400,
      unit: 't',
    },
    {
      id: 'CR',
      from: 'dev',
      to: 'ct',
      layer: 'water',
      carrier: 'cooling-water',
      use: 'cooling',
      value: 2400,
      unit: 't',
    },
    { id: 'EV', from: 'ct', to: null, layer: 'water', carrier: 'evaporation', kind: 'loss', value: 50, unit: 't' },
    { id: 'BD', from: 'ct', to: 'ww', layer: 'water', carrier: 'wastewater', value: 10, unit: 't' },
    {
      id: 'PW',
      from: 'plant',
      to: 'dev',
      layer: 'water',
      carrier: 'fresh-water',
      use: 'process',
      value: 500,
      unit: 't',
    },
    {
      id: 'RU',
      from: 'ww',
      to: 'dev',
      layer: 'water',
      carrier: 'reused-water',
      use: 'process',
      kind: 'recycle',
      value: 200,
      unit: 't',
    },
    { id: 'ST', from: null, to: 'dev', layer: 'water', carrier: 'steam', value: 100, unit: 't' },
    { id: 'CO', from: 'dev', to: null, layer: 'water', carrier: 'condensate', kind: 'recycle', value: 60, unit: 't' },
    { id: 'CD', from: 'dev', to: 'ww', layer: 'water', carrier: 'condensate', value: 30, unit: 't' },
    { id: 'WD', from: 'dev', to: 'ww', layer: 'water', carrier: 'wastewater', value: 700, unit: 't' },
    { id: 'D', from: 'ww', to: null, layer: 'water', carrier: 'wastewater', kind: 'emission', unit: 't' },
    { id: 'OT', from: 'plant', to: null, layer: 'water', carrier: 'water-loss', kind: 'loss', unit: 't' },
  ],
  production,
});

describe('GB/T 12452 water indicators (issue #12 item 3)', () => {
  const w = check(plant([{ id: 'p', name: '产品', unit: 't', output: 50, outputValue: 80 }])).water[0]!;

  it('rc = Vcr / (Vcr + Vcf) = 2 400 / (2 400 + 60) = 97.56 %', () => {
    expect(w.cooling).toMatchObject({ reused: 2400, newWater: 60, reusedFlows: ['CS'], newWaterFlows: ['MU'] });
    expect(w.coolingRecirculationRate).toBeCloseTo(2400 / 2460, 12);
    expect(w.cooling.rate).toBe(w.coolingRecirculationRate);
  });

  it('rg = Vgr / (Vgr + Vgf) = 200 / (200 + 500) = 28.57 %', () => {
    expect(w.process).toMatchObject({ reused: 200, newWater: 500 });
    expect(w.processReuseRate).toBeCloseTo(200 / 700, 12);
  });

  it('condensate recovery over purchased steam: 60 returned / 100 bought = 60 % (the drained 30 t is not recovered)', () => {
    expect(w.condensate).toMatchObject({
      recovered: 60,
      steamPurchased: 100,
      steamProduced: 0,
      steamBase: 100,
      basis: 'purchased',
      recoveredFlows: ['CO'],
    });
    expect(w.condensateRecovery).toBeCloseTo(0.6, 12);
  });

  it('Vf / Q = 1 000 t / 50 t = 20 t/t; Vf / Z = 1 000 t / 80 万元 = 12.5 t/万元', () => {
    expect(w.newWaterPerProduct).toEqual([
      { product: 'p', name: '产品', output: 50, productUnit: 't', unit: 't/t', value: 20 },
    ]);
    expect(w.newWaterPerOutputValue).toEqual({ value: 12.5, unit: 't/万元', outputValue: 80 });
  });

  it('R = Vr / (Vr + Vf): the recycle flows inside (2 400 + 200) over 2 600 + 1 000 = 72.2 %', () => {
    // the condensate returned across the boundary is recovered, but not reused inside: not in Vr
    expect(w.reused).toBe(2600);
    expect(w.reuseRate).toBeCloseTo(2600 / 3600, 12);
  });

  it('steam produced by an own boiler is the base: 350 t condensate back / 500 t steam made = 70 %', () => {
    const m: ModelInput = {
      name: 'boiler plant',
      nodes: [
        { id: 'plant', name: '全厂', level: 1 },
        { id: 'boiler', name: '锅炉房', level: 2, parent: 'plant' },
        { id: 'ws', name: '车间', level: 2, parent: 'plant' },
      ],
      flows: [
        { id: 'W', from: null, to: 'boiler', layer: 'water', carrier: 'fresh-water', value: 170, unit: 't' },
        { id: 'S', from: 'boiler', to: 'ws', layer: 'water', carrier: 'steam', value: 500, unit: 't' },
        {
          id: 'C',
          from: 'ws',
          to: 'boiler',
          layer: 'water',
          carrier: 'condensate',
          kind: 'recycle',
          value: 350,
          unit: 't',
        },
        { id: 'L', from: 'ws', to: null, layer: 'water', carrier: 'evaporation', kind: 'loss', value: 150, unit: 't' },
        { id: 'B', from: 'boiler', to: null, layer: 'water', carrier: 'wastewater', value: 20, unit: 't' },
      ],
    };
    const c = check(m).water[0]!.condensate;
    expect(c).toMatchObject({ basis: 'produced', steamProduced: 500, steamPurchased: 0, producedAt: ['boiler'] });
    expect(c.rate).toBeCloseTo(0.7, 12);
  });

  it('several products: Vf / Q is not allocated (null, reason given); nothing tagged: rc and rg are null', () => {
    const input = plant([
      { id: 'a', name: 'A', unit: 't', output: 30 },
      { id: 'b', name: 'B', unit: 't', output: 20 },
    ]);
    for (const f of input.flows) delete (f as { use?: string }).use;
    const x = check(input).water[0]!;
    expect(x.newWaterPerProduct.map((p) => [p.value, p.reason])).toEqual([
      [null, 'several-products'],
      [null, 'several-products'],
    ]);
    expect(x.newWaterPerOutputValue).toBeNull();
    expect([x.coolingRecirculationRate, x.processReuseRate]).toEqual([null, null]);
  });

  it('check shows rc, rg, condensate recovery with its steam base and Vf/Q — zh, en and --json', async () => {
    const f = tempFile(JSON.stringify(plant([{ id: 'p', name: '产品', nameEn: 'product', unit: 't', output: 50 }])));
    const zh = (await runCli(['check', f])).stdout;
    expect(zh).toMatch(/间接冷却水循环率 rc = Vcr\/\(Vcr\+Vcf\)\s+97\.6 % \(2400 \/ 2460 t\)/);
    expect(zh).toMatch(/工艺水回用率 rg = Vgr\/\(Vgr\+Vgf\)\s+28\.6 %/);
    expect(zh).toContain('60.0 % （回收冷凝水 60.00 / 外购蒸汽 100.0 t：蒸汽外购，以外购量为基数）');
    expect(zh).toMatch(/单位产品新水量 Vf\/Q：产品\s+20\.00 t\/t/);
    const en = (await runCli(['check', f, '--lang', 'en'])).stdout;
    expect(en).toContain('steam purchased 100.0 t: the steam is bought, so the purchased steam is the base');
    expect(en).toMatch(/new water per unit product Vf\/Q: product\s+20\.00 t\/t/);
    const doc = JSON.parse((await runCli(['check', f, '--json'])).stdout);
    expect(doc.water[0]).toMatchObject({
      coolingRecirculationRate: expect.closeTo(2400 / 2460, 12),
      processReuseRate: expect.closeTo(200 / 700, 12),
      condensateRecovery: 0.6,
      condensate: { basis: 'purchased', steamBase: 100 },
      newWaterPerProduct: [{ product: 'p', unit: 't/t', value: 20 }],
    });
  });

  it('use on a flow outside the water layer is unusable input', async () => {
    const input = plant();
    input.flows.push({
      id: 'E',
      from: null,
      to: 'plant',
      layer: 'energy',
      carrier: 'electricity',
      use: 'process',
      value: 1,
      unit: 'kWh',
    });
    const r = await runCli(['check', tempFile(JSON.stringify(input)), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('flows[14].use: a water use (use) belongs on water-layer flows only');
  });
});
