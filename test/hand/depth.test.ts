import { describe, expect, it } from 'vitest';
import { campaign72, cli, clone, type Json } from './run.ts';

/**
 * The Yunnan depth verdict by hand (云经资源〔2007〕518号 三、四; seed 003 lines 19313–19369):
 * 简单型 enterprise levels 1–2 fairly complete + a planned ≥ 72 h campaign under normal production;
 * 重点型 also main equipment (level 3) and the audit focus's levels 1–3, by a qualified team;
 * 全面型 the whole enterprise; 估计型 otherwise, or when estimates make more than 50 % of a layer's quantity [U];
 * acceptance A ≥ 重点型 with Annexes 1 and 2, B and C ≥ 简单型.
 *
 * The base plant: the audit-focus workshop (with a 150 kW device) is fully metered, as are the enterprise's
 * in- and outputs; a 5 kW auxiliary workshop (not main: 5 < 10 kW) takes 1 000 kWh unmetered — it is outside
 * the key grade's scope (main units) but inside the full grade's (the whole enterprise).
 */
const m = (id: string, flow: string, extra: object) => ({
  id,
  flows: [flow],
  verifiedUntil: '2027-01-01',
  status: 'in-service',
  ...extra,
});
const base = {
  name: '深度手算',
  nodes: [
    { id: 'plant', name: '厂', level: 1 },
    { id: 'ws', name: '重点车间', level: 2, parent: 'plant', auditFocus: true },
    { id: 'ws2', name: '辅助车间', level: 2, parent: 'plant', ratedPower: { electricity: { value: 5, unit: 'kW' } } },
    { id: 'dev', name: '主设备', level: 3, parent: 'ws', ratedPower: { electricity: { value: 150, unit: 'kW' } } },
  ],
  flows: [
    {
      id: 'E0',
      from: null,
      to: 'plant',
      layer: 'energy',
      carrier: 'electricity',
      value: 21000,
      unit: 'kWh',
      source: 'metered',
    },
    {
      id: 'E1',
      from: 'plant',
      to: 'ws',
      layer: 'energy',
      carrier: 'electricity',
      value: 20000,
      unit: 'kWh',
      source: 'metered',
    },
    {
      id: 'E3',
      from: 'plant',
      to: 'ws2',
      layer: 'energy',
      carrier: 'electricity',
      value: 1000,
      unit: 'kWh',
      source: 'metered',
    },
    {
      id: 'E2',
      from: 'ws',
      to: 'dev',
      layer: 'energy',
      carrier: 'electricity',
      value: 15000,
      unit: 'kWh',
      source: 'metered',
    },
    { id: 'Eu', from: 'ws', to: null, layer: 'energy', kind: 'effective', carrier: 'electricity', unit: 'kWh' },
    { id: 'Ed', from: 'dev', to: null, layer: 'energy', kind: 'effective', carrier: 'electricity', unit: 'kWh' },
    { id: 'Eu2', from: 'ws2', to: null, layer: 'energy', kind: 'effective', carrier: 'electricity', unit: 'kWh' },
    {
      id: 'P1',
      from: null,
      to: 'dev',
      layer: 'material',
      carrier: 'pigment',
      phase: 'solid',
      value: 10,
      unit: 't',
      source: 'metered',
    },
    {
      id: 'P2',
      from: 'dev',
      to: null,
      layer: 'material',
      carrier: 'product',
      phase: 'solid',
      kind: 'product',
      value: 9,
      unit: 't',
      source: 'metered',
    },
    {
      id: 'P3',
      from: 'dev',
      to: null,
      layer: 'material',
      carrier: 'sludge',
      phase: 'solid',
      kind: 'waste',
      value: 1,
      unit: 't',
      source: 'metered',
    },
    {
      id: 'W0',
      from: null,
      to: 'dev',
      layer: 'water',
      carrier: 'fresh-water',
      value: 100,
      unit: 't',
      source: 'metered',
    },
    {
      id: 'Wo',
      from: 'dev',
      to: null,
      layer: 'water',
      carrier: 'wastewater',
      value: 100,
      unit: 't',
      source: 'metered',
    },
  ],
  meters: [
    m('ME0', 'E0', { type: 'electricity-ac', userClass: 'III', accuracyClass: '1.0' }),
    m('ME1', 'E1', { type: 'electricity-ac', userClass: 'III', accuracyClass: '2.0' }),
    m('ME2', 'E2', { type: 'electricity-ac', userClass: 'III', accuracyClass: '2.0' }),
    m('MP1', 'P1', { type: 'scale-static', accuracyClass: '0.1' }),
    m('MP2', 'P2', { type: 'scale-static', accuracyClass: '0.1' }),
    m('MP3', 'P3', { type: 'scale-static', accuracyClass: '0.1' }),
    m('MW0', 'W0', { type: 'water', accuracyClass: '2.5' }),
    m('MWo', 'Wo', { type: 'water', accuracyClass: '2.5' }),
  ] as Json[],
  campaign: { ...campaign72 } as Json,
  settings: { electricityEqualValue: 0.3 },
};
const flow = (x: Json, id: string) => x.flows.find((f: Json) => f.id === id);
const verdict = (model: object, ...args: string[]) => cli('depth', model, ...args);

describe('hand: Yunnan depth and acceptance', () => {
  it('30 the base plant is 重点型: A, B and C; not 全面型 (the auxiliary workshop is unmetered)', () => {
    const { code, doc } = verdict(base);
    expect(code).toBe(0);
    expect(doc).toMatchObject({
      depth: 'key',
      determined: true,
      grades: { simple: 'met', key: 'met', full: 'not-met' },
    });
    expect(doc.acceptance).toEqual({ A: true, B: true, C: true });
    expect([doc.annex1, doc.annex2]).toEqual([true, true]);
    // whole enterprise, level 2: E1 metered, E3 not → 1/2 = 50 % < 100 %
    const whole2 = doc.scopes.find((s: Json) => s.scope === 'whole' && s.level === 2);
    expect(whole2.failing).toEqual([expect.objectContaining({ carrier: 'electricity', n: 1, N: 2, ratio: 50 })]);
    expect(doc.nextDepth).toBe('full');
    expect(doc.next).toEqual([expect.objectContaining({ kind: 'meter', flow: 'E3', level: [2] })]);
  });

  it('31 metering E3 makes it 全面型', () => {
    const x = clone(base);
    x.meters.push(m('ME3', 'E3', { type: 'electricity-ac', userClass: 'III', accuracyClass: '2.0' }));
    expect(verdict(x).doc).toMatchObject({ depth: 'full', grades: { full: 'met' }, acceptance: { A: true } });
    // …but without an audit focus there is no 重点型 and so no 全面型 (the grades rise)
    x.nodes[1].auditFocus = false;
    const noFocus = verdict(x).doc;
    expect(noFocus).toMatchObject({ depth: 'simple', grades: { key: 'not-met', full: 'not-met' } });
    expect(noFocus.reasons.some((r: Json) => r.code === 'depth.reason.noFocus' && r.ok === false)).toBe(true);
  });

  it('32 no campaign: 估计型 (no ≥ 72 h measurement), and the rated powers still decide main-ness without a period', () => {
    const x = clone(base) as Json;
    delete x.campaign;
    const { doc } = verdict(x);
    expect(doc).toMatchObject({ depth: 'estimated', acceptance: { A: false, B: false, C: false } });
    expect(doc.campaign).toMatchObject({ present: false, hoursSource: 'none', durationOk: false });
    // ws2 is 5 kW rated (< 10 kW): not main whatever the period — Annex 1 met, not "unknown"
    expect(doc.annex1).toBe(true);
    expect(doc.reasons.some((r: Json) => r.code === 'depth.reason.noCampaign')).toBe(true);
  });

  it('33 71.9 h is short of 72 h; 72 h exactly is enough', () => {
    const x = clone(base);
    x.campaign.end = '2025-06-04T07:54:00+08:00'; // 71.9 h
    const short = verdict(x).doc;
    expect(short.campaign).toMatchObject({ hours: 71.9, durationOk: false, minHours: 72 });
    expect(short.depth).toBe('estimated');
    expect(short.next).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'campaign', change: 'duration', to: 72 })]),
    );
    x.campaign.end = '2025-06-04T08:00:00+08:00'; // 72.0 h
    expect(verdict(x).doc.campaign).toMatchObject({ hours: 72, durationOk: true });
  });

  it('34 measured by the enterprise itself: 简单型 (重点型 needs a qualified team); not normal production: 估计型', () => {
    const x = clone(base);
    x.campaign.performedBy = 'enterprise';
    const { doc } = verdict(x);
    expect(doc).toMatchObject({ depth: 'simple', grades: { simple: 'met', key: 'not-met' } });
    expect(doc.acceptance).toEqual({ A: false, B: true, C: true });
    expect(doc.next).toEqual([
      expect.objectContaining({ kind: 'campaign', change: 'performedBy', to: 'qualified-team' }),
    ]);
    // --acceptance: A is not met (exit 1), B is (exit 0)
    expect(verdict(x, '--acceptance', 'A').code).toBe(1);
    expect(verdict(x, '--acceptance', 'B').code).toBe(0);
    x.campaign.performedBy = 'qualified-team';
    x.campaign.normalProduction = false;
    expect(verdict(x).doc.depth).toBe('estimated');
  });

  it('35 an audit focus without main equipment cannot show 审核重点的三级计量: 简单型', () => {
    const x = clone(base);
    x.nodes[1].auditFocus = false;
    x.nodes[2].auditFocus = true; // the auxiliary workshop, no devices; it becomes a main unit: meter its E3
    x.meters.push(m('ME3', 'E3', { type: 'electricity-ac', userClass: 'III', accuracyClass: '2.0' }));
    const { doc } = verdict(x);
    expect(doc).toMatchObject({ depth: 'simple', grades: { key: 'not-met' } });
    expect(doc.reasons.some((r: Json) => r.code === 'depth.reason.focusNoDevices')).toBe(true);
  });

  it('36 the 50 % estimated share is by quantity: two of four electricity flows estimated are 71.93 % of the energy', () => {
    const x = clone(base);
    flow(x, 'E0').source = 'estimated';
    flow(x, 'E1').source = 'estimated';
    const { doc } = verdict(x);
    // energy (tce 当量值): estimated (21 000 + 20 000) × 0.1229e-3 = 5.0389; all (21 000 + 20 000 + 1 000 + 15 000)
    // × 0.1229e-3 = 7.0053 → 71.93 % > 50 % (by count it would be 2 of 4 = 50 %, not above the limit)
    const energy = doc.estimatedShare.byLayer.find((l: Json) => l.layer === 'energy');
    expect(energy.estimated).toBeCloseTo(5.0389, 9);
    expect(energy.total).toBeCloseTo(7.0053, 9);
    expect(energy.pct).toBe(71.93);
    expect(doc.estimatedShare).toMatchObject({ basis: 'quantity', limitPct: 50, pct: 71.93 });
    expect(doc.depth).toBe('estimated');
    // exactly 50 % is not above the limit: the water intake estimated is 100 of 200 t
    const y = clone(base);
    flow(y, 'W0').source = 'estimated';
    const half = verdict(y).doc;
    expect(half.estimatedShare.byLayer.find((l: Json) => l.layer === 'water').pct).toBe(50);
    expect(half.depth).toBe('key');
  });

  it('37 acceptance A needs Annex 2: an unmetered sludge output fails Annex 2 (and with it every grade)', () => {
    const x = clone(base);
    x.meters = x.meters.filter((mm: Json) => mm.id !== 'MP3');
    const { doc } = verdict(x);
    expect(doc.annex2).toBe(false);
    expect(doc.annex1).toBe(true);
    expect(doc.acceptance.A).toBe(false);
    // the sludge is a main material of the enterprise: Annex 2 level 1 (100 %) is the national-and-provincial
    // "一级计量较完善" the simple grade itself asks for (注：参看附件) → 估计型
    expect(doc.depth).toBe('estimated');
    const l1 = doc.scopes.find((s: Json) => s.scope === 'enterprise' && s.level === 1);
    expect(l1.failing).toEqual([expect.objectContaining({ carrier: 'sludge', n: 0, N: 1 })]);
  });
});
