import { describe, expect, it } from 'vitest';
import { cli, clone, text } from './run.ts';

/**
 * GB/T 12452-2008 water indicators by hand (STANDARDS.md §5): R = Vr / (Vr + Vf); rc = Vcr / (Vcr + Vcf);
 * rg = Vgr / (Vgr + Vgf); condensate recovery = recovered condensate / steam (produced; the purchased steam
 * where it is bought — docs/balances.md); Vf / Q; Vf / Z.
 */
const plant = {
  name: '水平衡手算',
  nodes: [
    { id: 'plant', name: '厂', level: 1 },
    { id: 'boiler', name: '锅炉房', level: 2, parent: 'plant' },
    { id: 'dye', name: '染色', level: 2, parent: 'plant' },
    { id: 'wash', name: '水洗', level: 2, parent: 'plant' },
    { id: 'cool', name: '循环冷却', level: 2, parent: 'plant' },
    { id: 'ct', name: '冷却塔', level: 3, parent: 'cool' },
    { id: 'hx', name: '换热器', level: 3, parent: 'cool' },
  ],
  flows: [
    {
      id: 'F1',
      from: null,
      to: 'boiler',
      layer: 'water',
      carrier: 'fresh-water',
      use: 'boiler',
      value: 170,
      unit: 't',
      source: 'metered',
    },
    {
      id: 'F2',
      from: null,
      to: 'dye',
      layer: 'water',
      carrier: 'fresh-water',
      use: 'process',
      value: 1000,
      unit: 't',
      source: 'metered',
    },
    {
      id: 'F3',
      from: null,
      to: 'ct',
      layer: 'water',
      carrier: 'fresh-water',
      use: 'cooling',
      value: 60,
      unit: 't',
      source: 'metered',
    },
    {
      id: 'CR',
      from: 'ct',
      to: 'hx',
      layer: 'water',
      carrier: 'recycled-water',
      kind: 'recycle',
      use: 'cooling',
      value: 2400,
      unit: 't',
      source: 'metered',
    },
    {
      id: 'CB',
      from: 'hx',
      to: 'ct',
      layer: 'water',
      carrier: 'cooling-water',
      value: 2400,
      unit: 't',
      source: 'calculated',
    },
    {
      id: 'EV2',
      from: 'ct',
      to: null,
      layer: 'water',
      carrier: 'evaporation',
      kind: 'loss',
      value: 60,
      unit: 't',
      source: 'calculated',
    },
    { id: 'SB', from: 'boiler', to: 'dye', layer: 'water', carrier: 'steam', value: 500, unit: 't', source: 'metered' },
    {
      id: 'BD',
      from: 'boiler',
      to: null,
      layer: 'water',
      carrier: 'wastewater',
      value: 20,
      unit: 't',
      source: 'metered',
    },
    {
      id: 'CD',
      from: 'dye',
      to: 'boiler',
      layer: 'water',
      carrier: 'condensate',
      kind: 'recycle',
      value: 350,
      unit: 't',
      source: 'metered',
    },
    { id: 'SP', from: null, to: 'dye', layer: 'water', carrier: 'steam', value: 100, unit: 't', source: 'metered' },
    {
      id: 'DC',
      from: 'dye',
      to: null,
      layer: 'water',
      carrier: 'condensate',
      kind: 'emission',
      value: 50,
      unit: 't',
      source: 'metered',
    },
    {
      id: 'RG',
      from: 'dye',
      to: 'wash',
      layer: 'water',
      carrier: 'reused-water',
      kind: 'recycle',
      use: 'process',
      value: 200,
      unit: 't',
      source: 'metered',
    },
    {
      id: 'EV1',
      from: 'dye',
      to: null,
      layer: 'water',
      carrier: 'evaporation',
      kind: 'loss',
      value: 40,
      unit: 't',
      source: 'estimated',
    },
    { id: 'WW1', from: 'dye', to: null, layer: 'water', carrier: 'wastewater', unit: 't' },
    {
      id: 'WW2',
      from: 'wash',
      to: null,
      layer: 'water',
      carrier: 'wastewater',
      value: 200,
      unit: 't',
      source: 'metered',
    },
  ],
  production: [{ id: 'fabric', name: '布', unit: 't', output: 50, outputValue: 100 }],
};

describe('hand: GB/T 12452 water indicators', () => {
  const { code, doc } = cli('check', plant);
  const w = doc.water[0];

  it('9 Vf, Vi, Vr and R = Vr / (Vr + Vf)', () => {
    expect(code).toBe(0);
    // Vf = F1 170 + F2 1 000 + F3 60 = 1 230 t; Vi = 1 230 + purchased steam 100 = 1 330 t
    expect(w.newWater).toBe(1230);
    expect(w.intake).toBe(1330);
    // Vr = cooling circulation 2 400 + condensate returned 350 + process reuse 200 = 2 950 t
    expect(w.reused).toBe(2950);
    // R = 2 950 / (2 950 + 1 230) = 0.705742
    expect(w.reuseRate).toBeCloseTo(2950 / 4180, 12);
  });

  it('10 rc = Vcr / (Vcr + Vcf) and rg = Vgr / (Vgr + Vgf)', () => {
    // rc = 2 400 / (2 400 + 60) = 0.975610 (the make-up F3 is Vcf; the return CB is not counted twice)
    expect(w.coolingRecirculationRate).toBeCloseTo(2400 / 2460, 12);
    // rg = 200 / (200 + 1 000) = 0.166667 (F1 is boiler water, not process water)
    expect(w.processReuseRate).toBeCloseTo(200 / 1200, 12);
  });

  it('11 condensate recovery over steam produced plus purchased; drained condensate is not recovered', () => {
    // produced: the boiler's own region puts out 500 t (SB); purchased: SP 100 t → base 600 t
    // recovered: CD 350 t returned (kind recycle); DC 50 t drained is not → 350 / 600 = 0.583333
    expect(w.condensate.steamProduced).toBe(500);
    expect(w.condensate.steamPurchased).toBe(100);
    expect(w.condensate.basis).toBe('produced+purchased');
    expect(w.condensateRecovery).toBeCloseTo(350 / 600, 12);
  });

  it('12 Vf / Q and Vf / Z with one product', () => {
    // Vf / Q = 1 230 t / 50 t = 24.6 t/t; Vf / Z = 1 230 t / 100 万元 = 12.3 t/万元
    expect(w.newWaterPerProduct).toEqual([expect.objectContaining({ product: 'fabric', value: 24.6, unit: 't/t' })]);
    expect(w.newWaterPerOutputValue).toMatchObject({ value: 12.3, unit: 't/万元' });
    // Vd: blowdown 20 + WW1 (by difference: 1 600 − 350 − 200 − 50 − 40 = 960) + WW2 200 + DC 50 (emission) = 1 230
    expect(w.discharged).toBe(1230);
    expect(w.dischargeRate).toBeCloseTo(1230 / 1330, 12);
  });

  it('13 purchased steam only: the base is the steam bought', () => {
    // no boiler: SB and the boiler's flows removed; 100 t bought, 60 t condensate returned to the supplier
    const m = clone(plant);
    m.flows = m.flows.filter((f) => !['F1', 'SB', 'BD', 'CD'].includes(f.id));
    m.nodes = m.nodes.filter((n) => n.id !== 'boiler');
    m.flows.push({
      id: 'CDR',
      from: 'dye',
      to: null,
      layer: 'water',
      carrier: 'condensate',
      kind: 'recycle',
      value: 60,
      unit: 't',
      source: 'metered',
    });
    const r = cli('check', m).doc.water[0];
    // base: purchased 100 t (nothing produced); recovered 60 t returned across the boundary → 0.6
    expect(r.condensate).toMatchObject({ basis: 'purchased', steamProduced: 0, steamPurchased: 100, steamBase: 100 });
    expect(r.condensateRecovery).toBeCloseTo(0.6, 12);
  });

  it('14 no production: Vf / Q and Vf / Z are absent — never 0 or NaN', () => {
    const m = clone(plant) as Partial<typeof plant>;
    delete m.production;
    const r = cli('check', m);
    expect(r.doc.water[0].newWaterPerProduct).toEqual([]);
    expect(r.doc.water[0].newWaterPerOutputValue).toBeNull();
    const out = text('check', m).out;
    expect(out).not.toMatch(/Vf\/Q|NaN|Infinity/);
  });

  it('15 two products: Vf / Q is not charged in full to each (null, several-products)', () => {
    const m = clone(plant);
    m.production.push({ id: 'yarn', name: '纱', unit: 't', output: 30, outputValue: 60 });
    const r = cli('check', m).doc.water[0];
    expect(r.newWaterPerProduct.map((p: { value: number | null }) => p.value)).toEqual([null, null]);
    expect(r.newWaterPerProduct[0].reason).toBe('several-products');
    // Vf / Z over Σ output value: 1 230 / (100 + 60) = 7.6875 t/万元
    expect(r.newWaterPerOutputValue.value).toBeCloseTo(7.6875, 12);
  });
});
