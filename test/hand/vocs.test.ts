import { describe, expect, it } from 'vitest';
import { cli, clone, text, type Json } from './run.ts';

/**
 * The VOCs solvent balance (物料衡算法) by hand, issue #20's formulas: generated = Σ used × content − product −
 * waste − recovered (− Δstock); captured = generated × η_capture; fugitive = generated − captured; removed =
 * captured × η_removal; organised = captured × (1 − η_removal); emitted = organised + fugitive; per unit
 * product = total ÷ output; per year = total × annual factor. Stack monitoring beyond 20 % [U] is a finding.
 *
 * Two booths with different capture efficiencies (0.9 designed, 0.6 measured) send their exhaust to one
 * activated-carbon adsorber (η 0.8): what it removes leaves in the spent carbon (kind waste).
 */
const material = (
  id: string,
  from: string | null,
  to: string | null,
  carrier: string,
  value: number,
  pct: number,
  extra: object = {},
) => ({
  id,
  from,
  to,
  layer: 'material',
  carrier,
  phase: 'liquid',
  value,
  unit: 'kg',
  source: 'metered',
  components: { VOCs: { concentration: pct, unit: '%', source: 'lab' } },
  ...extra,
});
const vocs = (id: string, from: string, to: string | null, kind: string, extra: object = {}) => ({
  id,
  from,
  to,
  layer: 'VOCs',
  kind,
  unit: 'kg',
  ...extra,
});
const base = {
  name: 'VOCs手算',
  nodes: [
    { id: 'plant', name: '厂', level: 1 },
    { id: 'shop', name: '喷涂车间', level: 2, parent: 'plant' },
    {
      id: 'b1',
      name: '1#喷漆房',
      nameEn: 'Booth 1',
      level: 3,
      parent: 'shop',
      vocs: { capture: { efficiency: 0.9, source: 'design' } },
    },
    {
      id: 'b2',
      name: '2#喷漆房',
      nameEn: 'Booth 2',
      level: 3,
      parent: 'shop',
      vocs: { capture: { efficiency: 0.6, source: 'measured' } },
    },
    {
      id: 'ac',
      name: '活性炭吸附装置',
      nameEn: 'Activated carbon adsorber',
      level: 2,
      parent: 'plant',
      vocs: { removal: { efficiency: 0.8, source: 'measured', technology: 'activated-carbon' } },
    },
  ] as Json[],
  flows: [
    material('R1', null, 'b1', 'coating', 1000, 40),
    material('R3', null, 'b1', 'thinner', 100, 100),
    material('R2', null, 'b2', 'coating', 500, 60),
    material('P1', 'b1', null, 'parts', 600, 1, { kind: 'product', phase: 'solid' }),
    material('P2', 'b2', null, 'parts', 200, 0.5, { kind: 'product', phase: 'solid' }),
    material('WP1', 'b1', null, 'paint-waste', 100, 4, { kind: 'waste', phase: 'solid' }),
    {
      id: 'X1',
      from: 'b1',
      to: null,
      layer: 'material',
      carrier: 'exhaust',
      phase: 'gas',
      kind: 'emission',
      unit: 'kg',
    },
    {
      id: 'X2',
      from: 'b2',
      to: null,
      layer: 'material',
      carrier: 'exhaust',
      phase: 'gas',
      kind: 'emission',
      unit: 'kg',
    },
    vocs('Cb1', 'b1', 'ac', 'captured'),
    vocs('Cb2', 'b2', 'ac', 'captured'),
    vocs('Ub1', 'b1', null, 'fugitive'),
    vocs('Ub2', 'b2', null, 'fugitive'),
    vocs('Wac', 'ac', null, 'waste'),
    // organised expected 124.08 kg; monitored 124.08 × 1.2 = 148.896 kg — exactly 20 % above
    vocs('S', 'ac', null, 'emission', { value: 148.896, source: 'monitored' }),
  ] as Json[],
  production: [{ id: 'sheet', name: '涂装件', unit: 'm2', output: 1000 }] as Json[],
  campaign: {
    start: '2026-04-13T08:00:00+08:00',
    end: '2026-04-16T08:00:00+08:00',
    normalProduction: true,
    performedBy: 'qualified-team',
  } as Json,
  settings: { annualHours: 6000 },
};
const unit = (doc: Json, id: string) => doc.vocs.units.find((u: Json) => u.node === id);
const flow = (x: Json, id: string) => x.flows.find((f: Json) => f.id === id);

describe('hand: VOCs solvent balance', () => {
  const { code, doc } = cli('check', base);

  it('41 per booth: generated, captured, fugitive, removed, organised, emitted', () => {
    expect(code).toBe(0);
    // booth 1: 1 000 × 40 % + 100 × 100 % − 600 × 1 % − 100 × 4 % = 400 + 100 − 6 − 4 = 490 kg
    // captured 490 × 0.9 = 441; fugitive 49; removed 441 × 0.8 = 352.8; organised 88.2; emitted 88.2 + 49 = 137.2
    const b1 = unit(doc, 'b1');
    expect(b1.generated).toBeCloseTo(490, 9);
    expect(b1.captured).toBeCloseTo(441, 9);
    expect(b1.fugitive).toBeCloseTo(49, 9);
    expect(b1.removed).toBeCloseTo(352.8, 9);
    expect(b1.organised).toBeCloseTo(88.2, 9);
    expect(b1.emitted).toBeCloseTo(137.2, 9);
    expect(b1).toMatchObject({
      captureEfficiency: 0.9,
      captureBasis: 'design',
      treatment: 'ac',
      removalEfficiency: 0.8,
    });
    // booth 2: 500 × 60 % − 200 × 0.5 % = 299; captured × 0.6 = 179.4; fugitive 119.6; removed 143.52;
    // organised 35.88; emitted 155.48
    const b2 = unit(doc, 'b2');
    expect(b2.generated).toBeCloseTo(299, 9);
    expect(b2.captured).toBeCloseTo(179.4, 9);
    expect(b2.fugitive).toBeCloseTo(119.6, 9);
    expect(b2.organised).toBeCloseTo(35.88, 9);
    expect(b2.emitted).toBeCloseTo(155.48, 9);
  });

  it('42 the adsorber: removed to spent carbon, organised, and the stack exactly at the 20 % tolerance passes', () => {
    const ac = doc.vocs.treatments[0];
    // captured in 441 + 179.4 = 620.4; removed 620.4 × 0.8 = 496.32 (all to waste); organised 124.08
    expect(ac.captured).toBeCloseTo(620.4, 9);
    expect(ac.removed).toBeCloseTo(496.32, 9);
    expect(ac.toWaste).toBeCloseTo(496.32, 9);
    expect(ac.destroyed).toBe(0);
    expect(ac.organised).toBeCloseTo(124.08, 9);
    // (148.896 − 124.08) / 124.08 = 20 % ≤ 20 %
    expect(ac.relative).toBeCloseTo(0.2, 12);
    expect(ac.status).toBe('pass');
  });

  it('43 the plant: input, generated, emitted; the spent carbon in waste; residual 0', () => {
    const T = doc.vocs.total;
    // input 400 + 100 + 300 = 800; generated 490 + 299 = 789; captured 620.4; fugitive 49 + 119.6 = 168.6
    expect(T.input).toBeCloseTo(800, 9);
    expect(T.generated).toBeCloseTo(789, 9);
    expect(T.captured).toBeCloseTo(620.4, 9);
    expect(T.fugitive).toBeCloseTo(168.6, 9);
    expect(T.organised).toBeCloseTo(124.08, 9);
    expect(T.emitted).toBeCloseTo(292.68, 9);
    // product 6 + 1 = 7; waste 4 + spent carbon 496.32 = 500.32; 800 − 7 − 500.32 − 124.08 − 168.6 = 0
    expect(T.product).toBeCloseTo(7, 9);
    expect(T.waste).toBeCloseTo(500.32, 9);
    expect(T.residual).toBe(0);
    expect(T.captureRate).toBeCloseTo(620.4 / 789, 12);
  });

  it('44 per unit product and per year', () => {
    // 1 000 m² coated: generated 789 / 1 000 = 0.789 kg/m2; emitted 292.68 / 1 000 = 0.29268 kg/m2
    expect(doc.vocs.perProduct[0]).toMatchObject({ product: 'sheet', perUnit: 'kg/m2' });
    expect(doc.vocs.perProduct[0].generated).toBeCloseTo(0.789, 12);
    expect(doc.vocs.perProduct[0].emitted).toBeCloseTo(0.29268, 12);
    // per year: 6 000 h / 72 h = 83.333; generated 789 kg × 83.333 / 1 000 = 65.75 t/a; emitted 24.39 t/a
    expect(doc.vocs.annual.factor).toBeCloseTo(6000 / 72, 12);
    expect(doc.vocs.annual.generated).toBeCloseTo(65.75, 9);
    expect(doc.vocs.annual.emitted).toBeCloseTo(24.39, 9);
  });

  it('45 stack monitoring beyond the tolerance is a finding naming the unit (exit 1)', () => {
    const x = clone(base);
    flow(x, 'S').value = 150; // (150 − 124.08) / 124.08 = 20.89 % > 20 %
    const r = cli('check', x);
    expect(r.code).toBe(1);
    expect(r.doc.vocs.treatments[0].status).toBe('fail');
    expect(r.doc.vocs.treatments[0].relative).toBeCloseTo(25.92 / 124.08, 12);
    const f = r.doc.findings.find((ff: Json) => ff.code === 'vocs.finding.stack');
    expect(f).toMatchObject({ severity: 'error', node: 'ac' });
    expect(f.message.zh).toContain('活性炭吸附装置');
    expect(f.message.en).toContain('Activated carbon adsorber');
  });

  it('46 a solvent stock built up in a booth is not generated; captured air vented untreated is all organised', () => {
    const x = clone(base);
    // 20 kg thinner (100 % VOCs) left in booth 1's drum: generated 490 − 20 = 470, captured 423, fugitive 47
    x.flows.push(material('STK', 'b1', null, 'thinner', 20, 100, { stock: true }));
    // booth 2 vents its captured air untreated: organised = captured 179.4, removed 0
    flow(x, 'Cb2').to = null;
    flow(x, 'S').value = 84.6; // the adsorber now sees 423 × (1 − 0.8) = 84.6 kg
    const r = cli('check', x).doc;
    expect(unit(r, 'b1').generated).toBeCloseTo(470, 9);
    expect(unit(r, 'b1').captured).toBeCloseTo(423, 9);
    expect(unit(r, 'b1').fugitive).toBeCloseTo(47, 9);
    expect(unit(r, 'b2')).toMatchObject({ treatment: null, removalEfficiency: 0, removed: 0 });
    expect(unit(r, 'b2').organised).toBeCloseTo(179.4, 9);
    // plant organised 84.6 + 179.4 = 264; emitted 264 + 47 + 119.6 = 430.6
    expect(r.vocs.total.organised).toBeCloseTo(264, 9);
    expect(r.vocs.total.emitted).toBeCloseTo(430.6, 9);
    expect(r.vocs.treatments[0].status).toBe('pass');
  });

  it('47 two products: the plant’s VOCs are not charged in full to each (null, several-products)', () => {
    const x = clone(base);
    x.production.push({ id: 'frame', name: '框架', unit: 'm2', output: 500 });
    const r = cli('check', x).doc;
    expect(r.vocs.perProduct.map((p: Json) => [p.product, p.generated, p.emitted, p.reason])).toEqual([
      ['sheet', null, null, 'several-products'],
      ['frame', null, null, 'several-products'],
    ]);
    expect(text('check', x).out).toContain('多种产品');
  });

  it('48 bad input is exit 2 at its JSON path: content above 100 %, efficiency above 1, capture without a stream, removal without treatment', () => {
    const content = clone(base);
    flow(content, 'R1').components.VOCs.concentration = 100.5;
    expect(cli('check', content).doc.issues[0]).toMatchObject({
      path: 'flows[0].components.VOCs.concentration',
      code: 'vocs.content',
    });
    const eff = clone(base);
    eff.nodes[2].vocs.capture.efficiency = 90;
    expect(cli('check', eff).doc.issues[0]).toMatchObject({
      path: 'nodes[2].vocs.capture.efficiency',
      code: 'vocs.efficiency',
    });
    const noStream = clone(base);
    noStream.flows = noStream.flows.filter((f: Json) => f.id !== 'Cb1');
    const r = cli('check', noStream);
    expect(r.code).toBe(2);
    expect(r.doc.issues[0]).toMatchObject({ path: 'nodes[2].vocs.capture', code: 'vocs.captureWithoutStream' });
    const noTreat = clone(base);
    noTreat.nodes[1].vocs = { removal: { efficiency: 0.5, source: 'design' } };
    expect(cli('check', noTreat).doc.issues.map((i: Json) => i.code)).toContain('vocs.removalWithoutTreatment');
  });
});
