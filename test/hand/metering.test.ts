import { describe, expect, it } from 'vitest';
import { campaign72, cli, clone, type Json } from './run.ts';

/**
 * Meter coverage R = n / N × 100 % by hand (GB 17167-2006 Tables 1–4 and 注1–3, GB 24789-2009 Table 1, Yunnan 2007
 * Annex 2). Main-ness per node and carrier: Table 1 (level 2: 10 kW rated; water 5 000 t/a) and Table 2 (level 3:
 * 100 kW rated; GB 24789 water ≥ 1 m³/h); "≥" — a limit reached exactly makes a main user.
 */
const meter = (id: string, flow: string, extra: object) => ({
  id,
  flows: [flow],
  verifiedUntil: '2027-01-01',
  status: 'in-service',
  ...extra,
});
const elec = (id: string, from: string | null, to: string, value: number) => ({
  id,
  from,
  to,
  layer: 'energy',
  carrier: 'electricity',
  value,
  unit: 'kWh',
  source: 'metered',
});
const water = (id: string, from: string | null, to: string | null, value: number, carrier = 'fresh-water') => ({
  id,
  from,
  to,
  layer: 'water',
  carrier,
  value,
  unit: 't',
  source: 'metered',
});

// 72 h. ws1 rated exactly 10 kW (main), ws2 9.99 kW and 41 t water (41 × 8 760 / 72 = 4 988.3 t/a < 5 000: not
// main). d1 100 kW exactly and 72 t water (1 t/h exactly): main for both; d2 99.9 kW, 72 t: main for water only;
// d3 150 kW, 71.9 t (0.9986 t/h): main for electricity only.
const thresholds = {
  name: '计量手算一',
  nodes: [
    { id: 'plant', name: '厂', level: 1 },
    { id: 'ws1', name: '一车间', level: 2, parent: 'plant', ratedPower: { electricity: { value: 10, unit: 'kW' } } },
    { id: 'ws2', name: '二车间', level: 2, parent: 'plant', ratedPower: { electricity: { value: 9.99, unit: 'kW' } } },
    { id: 'd1', name: '设备1', level: 3, parent: 'ws1', ratedPower: { electricity: { value: 100, unit: 'kW' } } },
    { id: 'd2', name: '设备2', level: 3, parent: 'ws1', ratedPower: { electricity: { value: 99.9, unit: 'kW' } } },
    { id: 'd3', name: '设备3', level: 3, parent: 'ws1', ratedPower: { electricity: { value: 150, unit: 'kW' } } },
  ],
  flows: [
    elec('E0', null, 'plant', 50000),
    elec('Ea', 'plant', 'ws1', 30000),
    elec('Eb', 'plant', 'ws2', 5000),
    elec('E1', 'ws1', 'd1', 10000),
    elec('E2', 'ws1', 'd2', 5000),
    elec('E3', 'ws1', 'd3', 10000),
    water('W0', null, 'plant', 300),
    water('Wa', 'plant', 'ws1', 250),
    water('Wb', 'plant', 'ws2', 41),
    {
      id: 'Wl',
      from: 'plant',
      to: null,
      layer: 'water',
      carrier: 'water-loss',
      kind: 'loss',
      value: 9,
      unit: 't',
      source: 'estimated',
    },
    water('W1', 'ws1', 'd1', 72),
    water('W2', 'ws1', 'd2', 72),
    water('W3', 'ws1', 'd3', 71.9),
    water('Wd1', 'd1', null, 72, 'wastewater'),
    water('Wd2', 'd2', null, 72, 'wastewater'),
    water('Wd3', 'd3', null, 71.9, 'wastewater'),
    {
      id: 'Wev',
      from: 'ws1',
      to: null,
      layer: 'water',
      carrier: 'evaporation',
      kind: 'loss',
      value: 34.1,
      unit: 't',
      source: 'calculated',
    },
    water('Wd4', 'ws2', null, 41, 'wastewater'),
  ],
  meters: [
    meter('ME0', 'E0', { type: 'electricity-ac', userClass: 'III', accuracyClass: '1.0' }),
    meter('MEa', 'Ea', { type: 'electricity-ac', userClass: 'III', accuracyClass: '2.0' }),
    meter('ME1', 'E1', { type: 'electricity-ac', userClass: 'III', accuracyClass: '2.0' }),
    meter('ME3', 'E3', { type: 'electricity-ac', userClass: 'III', accuracyClass: '3.0' }),
    meter('MW0', 'W0', { type: 'water', dn: 100, accuracyClass: '2.5' }),
    meter('MWa', 'Wa', { type: 'water', dn: 80, accuracyClass: '2.5' }),
    meter('MW1', 'W1', { type: 'water', dn: 25, accuracyClass: '2.5' }),
    meter('MWd1', 'Wd1', { type: 'water', accuracyClass: '2.5' }),
    meter('MWd2', 'Wd2', { type: 'water', accuracyClass: '2.5' }),
    meter('MWd3', 'Wd3', { type: 'water', accuracyClass: '2.5' }),
  ],
  campaign: { ...campaign72, start: '2026-03-01T00:00:00+08:00', end: '2026-03-04T00:00:00+08:00' },
  settings: { electricityEqualValue: 0.3 },
};
const rowOf = (doc: Json, table: string, carrier: string, level: number) =>
  doc.rows.find((r: Json) => r.table === table && r.carrier === carrier && r.level === level);
const mainOf = (doc: Json, node: string, category: string) =>
  doc.main.find((m: Json) => m.node === node).groups.find((g: Json) => g.category === category);

describe('hand: main-ness per carrier at the Table 1–2 limits, and the rows it makes', () => {
  const { code, doc } = cli('coverage', thresholds);

  it('20 rated power exactly at the limit is main (≥), just below is not; water by GB 24789 ≥ 1 m³/h', () => {
    expect(mainOf(doc, 'ws1', 'electricity')).toMatchObject({ main: true, basis: 'derived' }); // 10 kW ≥ 10 kW
    expect(mainOf(doc, 'ws2', 'electricity').main).toBe(false); // 9.99 kW < 10 kW
    expect(mainOf(doc, 'ws2', 'water').main).toBe(false); // 4 988.3 t/a < 5 000 t/a
    expect(mainOf(doc, 'ws2', 'water').evidence[0].rate).toBeCloseTo((41 * 8760) / 72, 9);
    expect(mainOf(doc, 'd1', 'electricity').main).toBe(true); // 100 kW ≥ 100 kW
    expect(mainOf(doc, 'd1', 'water').main).toBe(true); // 72 t / 72 h = 1 t/h ≥ 1 m³/h
    // a device main for water but not for electricity, and one the other way round
    expect(mainOf(doc, 'd2', 'electricity').main).toBe(false);
    expect(mainOf(doc, 'd2', 'water').main).toBe(true);
    expect(mainOf(doc, 'd3', 'electricity').main).toBe(true);
    expect(mainOf(doc, 'd3', 'water').main).toBe(false); // 71.9 / 72 = 0.9986 t/h
    expect(doc.warnings).toEqual([]); // every power limit had a rated power: no fallback
  });

  it('21 GB 17167 electricity: L1 1/1, L2 1/1 (ws2 not main), L3 d1 and d3 only, the class-3.0 meter not conforming', () => {
    expect(code).toBe(1);
    expect(rowOf(doc, 'GB17167-2006', 'electricity', 1)).toMatchObject({ n: 1, N: 1, ratio: 100, pass: true });
    expect(rowOf(doc, 'GB17167-2006', 'electricity', 2)).toMatchObject({ n: 1, N: 1, pass: true });
    // L3: E1 (d1) counts, E3 (d3) has a class-3.0 meter — Table 4 lists nothing looser than 2.0 → 1/2 = 50 % < 95 %
    const l3 = rowOf(doc, 'GB17167-2006', 'electricity', 3);
    expect(l3).toMatchObject({ n: 1, N: 2, ratio: 50, required: 95, pass: false, missing: ['E3'] });
    expect(l3.invalid).toEqual([{ flow: 'E3', meter: 'ME3', reasons: ['metering.meter.classNotInTable'] }]);
  });

  it('22 GB 24789: discharges count at L1 only; L3 points are the water devices d1, d2', () => {
    // L1: W0 in + discharges Wd1, Wd2, Wd3, Wd4 out = 5 points, Wd4 unmetered → 4/5 = 80 %
    expect(rowOf(doc, 'GB24789-2009', 'meter-rate', 1)).toMatchObject({
      n: 4,
      N: 5,
      ratio: 80,
      pass: false,
      missing: ['Wd4'],
    });
    // L2: ws1 only (ws2 is not main for water); discharges excluded at L2 → Wa 1/1
    expect(rowOf(doc, 'GB24789-2009', 'meter-rate', 2)).toMatchObject({ n: 1, N: 1, pass: true });
    // L3: W1 (metered), W2 (not) → 1/2 = 50 % < 80 %
    expect(rowOf(doc, 'GB24789-2009', 'meter-rate', 3)).toMatchObject({
      n: 1,
      N: 2,
      ratio: 50,
      pass: false,
      missing: ['W2'],
    });
    // Km L1: metered 300 + 72 + 72 + 71.9 = 515.9 of 556.9 t → 92.64 %; L3: 72 / 144 = 50 %
    expect(rowOf(doc, 'GB24789-2009', 'metered-water-rate', 1)).toMatchObject({ n: 515.9, N: 556.9, ratio: 92.64 });
    expect(rowOf(doc, 'GB24789-2009', 'metered-water-rate', 3)).toMatchObject({ n: 72, N: 144, ratio: 50 });
  });

  it('23 a campaign after 2026-02-01 judged under GB 17167-2006 says so, in every GB 17167 row', () => {
    expect(doc.editionNotices).toEqual([
      expect.objectContaining({
        code: 'edition.superseded',
        standard: 'GB 17167',
        used: '2006',
        inForce: '2025',
        since: '2026-02-01',
      }),
    ]);
    expect(rowOf(doc, 'GB17167-2006', 'electricity', 1).supersededBy).toBe('GB 17167-2025');
    expect(rowOf(doc, 'GB24789-2009', 'meter-rate', 1).supersededBy).toBeUndefined();
  });

  it('24 rated power in other units at the limit (0.1 MW, 100 000 W, 1 000 kg/h) and the average-power fallback named', () => {
    const m = clone(thresholds) as Json;
    m.nodes[3].ratedPower = { electricity: { value: 0.1, unit: 'MW' } }; // = 100 kW → main
    m.nodes[4].ratedPower = { electricity: { value: 359.9, unit: 'MJ/h' }, water: { value: 0.999, unit: 'm3/h' } }; // 99.97 kW, 0.999 m³/h
    m.nodes[5].ratedPower = { electricity: { value: 100000, unit: 'W' }, water: { value: 1000, unit: 'kg/h' } }; // 100 kW, 1 t/h
    delete m.nodes[2].ratedPower; // ws2: 5 000 kWh / 72 h = 69.44 kW average ≥ 10 kW, with a warning
    const r = cli('coverage', m).doc;
    expect(mainOf(r, 'd1', 'electricity').main).toBe(true);
    expect(mainOf(r, 'd2', 'electricity').main).toBe(false);
    expect(mainOf(r, 'd2', 'water')).toMatchObject({ main: false }); // the rated 0.999 m³/h decides
    expect(mainOf(r, 'd3', 'electricity').main).toBe(true);
    expect(mainOf(r, 'd3', 'water').main).toBe(true);
    expect(mainOf(r, 'ws2', 'electricity')).toMatchObject({ main: true });
    expect(mainOf(r, 'ws2', 'electricity').evidence[0]).toMatchObject({ measure: 'average', limit: 10 });
    expect(mainOf(r, 'ws2', 'electricity').evidence[0].rate).toBeCloseTo(5000 / 72, 9);
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'metering.main.averageFallback', node: 'ws2', category: 'electricity' }),
    ]);
    expect(r.warnings[0].zh).toContain('二车间');
    expect(r.warnings[0].zh).toContain('表1');
  });
});

// Accuracy classes (GB 17167-2006 Table 4 and its note) and verification (clause 5). Campaign ends 2026-03-04 08:00.
const classes = {
  name: '准确度手算',
  nodes: [
    { id: 'plant', name: '厂', level: 1 },
    { id: 'ws', name: '车间', level: 2, parent: 'plant', main: true },
    { id: 'dev', name: '设备', level: 3, parent: 'ws', main: true },
  ],
  flows: [
    elec('E1', null, 'ws', 10000),
    elec('E2', null, 'ws', 10000),
    elec('E3', null, 'ws', 10000),
    elec('E4', 'ws', 'dev', 5000),
    elec('E5', 'ws', 'dev', 5000),
    { id: 'S1', from: null, to: 'ws', layer: 'energy', carrier: 'steam', value: 100, unit: 'GJ', source: 'metered' },
    { id: 'S2', from: null, to: 'ws', layer: 'energy', carrier: 'steam', value: 100, unit: 'GJ', source: 'metered' },
    {
      id: 'H1',
      from: null,
      to: 'dev',
      layer: 'energy',
      carrier: 'steam',
      value: 50,
      unit: 'GJ',
      source: 'metered',
      exemption: 'seasonal-heating',
    },
    {
      id: 'H2',
      from: null,
      to: 'ws',
      layer: 'energy',
      carrier: 'electricity',
      value: 10,
      unit: 'kWh',
      source: 'metered',
      exemption: 'seasonal-heating',
    },
    { id: 'U', from: 'ws', to: null, layer: 'energy', kind: 'effective', unit: 'tce' },
  ],
  meters: [
    // user class II: 0.5 at L1, one class looser (1.0) at L2/L3
    meter('M1', 'E1', { type: 'electricity-ac', userClass: 'II', accuracyClass: '0.5', verifiedUntil: '2026-03-04' }),
    meter('M2', 'E2', { type: 'electricity-ac', userClass: 'II', accuracyClass: '1.0', verifiedUntil: '2026-03-04' }),
    meter('M3', 'E3', { type: 'electricity-ac', userClass: 'II', accuracyClass: '0.5', verifiedUntil: '2026-03-03' }),
    // user class IV needs 2.0 and the ladder ends there: 2.0 at L3 too
    meter('M4', 'E4', { type: 'electricity-ac', userClass: 'IV', accuracyClass: '2.0' }),
    // user class I: 0.5S at L1, 0.5 at L3 — a 1.0 meter is two classes looser
    meter('M5', 'E5', { type: 'electricity-ac', userClass: 'I', accuracyClass: '1.0' }),
    meter('M6', 'S1', { type: 'steam', accuracyClass: '2.5' }),
    meter('M7', 'S2', { type: 'steam', accuracyClass: '4.0' }),
  ],
  campaign: { ...campaign72, start: '2026-03-01T08:00:00+08:00', end: '2026-03-04T08:00:00+08:00' },
  settings: { electricityEqualValue: 0.3 },
};

describe('hand: accuracy classes, verification on the day boundary, seasonal heating at each level', () => {
  const { doc } = cli('coverage', classes);
  const check = (m: string, level: number) => doc.meters.find((x: Json) => x.meter === m && x.level === level);

  it('25 a class exactly at the limit counts, one looser does not; electricity at L2 one class looser', () => {
    expect(check('M1', 1)).toMatchObject({ requiredClass: '0.5', counts: true });
    expect(check('M2', 1)).toMatchObject({ requiredClass: '0.5', counts: false }); // 1.0 at L1: too loose
    expect(check('M2', 1).findings.map((f: Json) => f.code)).toEqual(['metering.meter.classTooLoose']);
    expect(check('M2', 2)).toMatchObject({ requiredClass: '1.0', counts: true }); // the same meter at L2: one class looser
    expect(check('M4', 3)).toMatchObject({ requiredClass: '2.0', counts: true });
    expect(check('M5', 3)).toMatchObject({ requiredClass: '0.5', counts: false });
    expect(check('M6', 1)).toMatchObject({ requiredClass: '2.5', counts: true }); // steam 2.5 exactly
    expect(check('M7', 1).findings.map((f: Json) => f.code)).toEqual(['metering.meter.classNotInTable']);
  });

  it('26 verified through the campaign’s last day counts; one day short is expired', () => {
    // the campaign ends 2026-03-04 (Asia/Shanghai): verifiedUntil 2026-03-04 is valid through that day
    expect(check('M1', 1).findings).toEqual([]);
    expect(check('M3', 1).counts).toBe(false);
    expect(check('M3', 1).findings[0].code).toBe('metering.meter.expired');
    expect(check('M3', 1).findings[0].en).toContain('2026-03-03, before the campaign end 2026-03-04');
  });

  it('27 the rows: electricity L1 1/4, L2 2/4; steam L1, L2 settled otherwise (note 1), L3 an ordinary point', () => {
    // L1 electricity points: E1, E2, E3, H2 (seasonal heating refused on electricity) → only E1 counts: 1/4
    expect(rowOf(doc, 'GB17167-2006', 'electricity', 1)).toMatchObject({ n: 1, N: 4, ratio: 25 });
    // L2: E1 and E2 count (1.0 allowed), E3 expired, H2 unmetered → 2/4
    expect(rowOf(doc, 'GB17167-2006', 'electricity', 2)).toMatchObject({ n: 2, N: 4, ratio: 50 });
    expect(rowOf(doc, 'GB17167-2006', 'electricity', 1).exempt).toEqual([
      { flow: 'H2', exemption: 'seasonal-heating', accepted: false },
    ]);
    // steam L1, L2: S1 counts, S2's meter is not conforming, H1 settled otherwise → 2/3
    expect(rowOf(doc, 'GB17167-2006', 'steam', 1)).toMatchObject({ n: 2, N: 3, ratio: 66.67, missing: ['S2'] });
    expect(rowOf(doc, 'GB17167-2006', 'steam', 2)).toMatchObject({
      n: 2,
      N: 3,
      ratio: 66.67,
      required: 80,
      pass: false,
    });
    // L3: note 1 speaks of 进出用能单位和进出主要次级用能单位 only — H1 into the device must be metered: 0/1
    expect(rowOf(doc, 'GB17167-2006', 'steam', 3)).toMatchObject({ n: 0, N: 1, missing: ['H1'], required: 70 });
    // L3 electricity: E4 counts, E5 does not → 1/2
    expect(rowOf(doc, 'GB17167-2006', 'electricity', 3)).toMatchObject({ n: 1, N: 2, ratio: 50 });
  });
});

// Yunnan Annex 2: each main material is a row of its own (固态物料1, 固态物料2 …).
const annex2 = {
  name: '附件二手算',
  nodes: [
    { id: 'plant', name: '厂', level: 1 },
    { id: 'ws', name: '车间', level: 2, parent: 'plant', main: true },
    { id: 'kiln', name: '窑', level: 3, parent: 'ws', main: true },
  ],
  flows: [
    ...['C1', 'C2', 'C3', 'C4'].map((id) => ({
      id,
      from: null,
      to: 'kiln',
      layer: 'material',
      carrier: 'coal',
      phase: 'solid',
      value: 50,
      unit: 't',
      source: 'metered',
    })),
    {
      id: 'L1',
      from: null,
      to: 'kiln',
      layer: 'material',
      carrier: 'limestone',
      phase: 'solid',
      value: 100,
      unit: 't',
      source: 'metered',
    },
    {
      id: 'K1',
      from: 'kiln',
      to: null,
      layer: 'material',
      carrier: 'clinker',
      phase: 'solid',
      kind: 'product',
      value: 250,
      unit: 't',
      source: 'metered',
    },
    {
      id: 'G1',
      from: 'kiln',
      to: null,
      layer: 'material',
      carrier: 'flue-gas',
      phase: 'gas',
      kind: 'emission',
      unit: 't',
    },
    {
      id: 'X1',
      from: null,
      to: 'ws',
      layer: 'material',
      carrier: 'pallets',
      phase: 'other',
      value: 2,
      unit: 't',
      source: 'metered',
    },
    {
      id: 'X2',
      from: 'ws',
      to: null,
      layer: 'material',
      carrier: 'pallets',
      phase: 'other',
      value: 2,
      unit: 't',
      source: 'metered',
    },
  ],
  meters: [
    { id: 'MC', flows: ['C1', 'C2', 'C3', 'C4'], verifiedUntil: '2027-01-01', status: 'in-service' },
    { id: 'MK', flows: ['K1'], verifiedUntil: '2027-01-01', status: 'in-service' },
    { id: 'MX', flows: ['X1'], verifiedUntil: '2027-01-01', status: 'in-service' },
  ],
  campaign: campaign72,
};

describe('hand: Yunnan Annex 2 per material', () => {
  const { doc } = cli('coverage', annex2);

  it('28 two solid materials: coal 4/4 passes, limestone 0/1 fails — pooled they would read 4/5 = 80 % and pass at L3', () => {
    expect(rowOf(doc, 'Yunnan-2007', 'coal', 3)).toMatchObject({
      row: 'solid',
      n: 4,
      N: 4,
      ratio: 100,
      required: 80,
      pass: true,
    });
    expect(rowOf(doc, 'Yunnan-2007', 'limestone', 3)).toMatchObject({
      row: 'solid',
      n: 0,
      N: 1,
      ratio: 0,
      pass: false,
      missing: ['L1'],
    });
    expect(rowOf(doc, 'Yunnan-2007', 'limestone', 3).label.zh).toBe('固态物料：石灰石');
    expect(rowOf(doc, 'Yunnan-2007', 'clinker', 1)).toMatchObject({ n: 1, N: 1, pass: true });
  });

  it('29 "other" materials: 100 % at L1; the ※ cells have no requirement until the province sets one', () => {
    expect(rowOf(doc, 'Yunnan-2007', 'pallets', 1)).toMatchObject({
      n: 1,
      N: 2,
      ratio: 50,
      required: 100,
      pass: false,
    });
    expect(rowOf(doc, 'Yunnan-2007', 'pallets', 2)).toMatchObject({ n: 1, N: 2, required: null, pass: true });
    const m = clone(annex2) as Json;
    m.settings = { materialOtherRequired: { level2: 50 } };
    const r = cli('coverage', m).doc;
    expect(rowOf(r, 'Yunnan-2007', 'pallets', 2)).toMatchObject({ n: 1, N: 2, required: 50, pass: true }); // 50 % ≥ 50 %
  });
});
