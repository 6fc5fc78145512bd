import { describe, expect, it } from 'vitest';
import '../../src/i18n/index.ts';
import { applyNextSteps } from '../../src/metering/apply.ts';
import { depthVerdict, type DepthResult } from '../../src/metering/depth.ts';
import { DEPTHS, type Depth } from '../../src/data/yunnan-2007.ts';
import type { Model, ModelInput } from '../../src/model/schema.ts';
import { CAMPAIGN, dyeingPlant, model } from './fixtures.ts';

/**
 * The dyeing fixture plus four flows that sit at one level only:
 * ED dye → jet1 electricity (level 3, audit focus), EB boiler → boiler1 electricity (level 3, outside
 * the focus), WB boiler → boiler1 water without carrier (GB 24789 level 3 only, outside the focus:
 * 100 t / 72 h = 1.39 m³/h, a main water device), EJ dye → jet2 electricity (jet2 draws 820 kWh / 72 h =
 * 11.4 kW < 100 kW: not a main device — counted only in the whole-enterprise scope of the full grade).
 * Every flow is metered with a good meter except those named in `unmetered`.
 */
function plant(
  unmetered: string[],
  campaign: Partial<ModelInput['campaign'] & object> = {},
  extra: Partial<ModelInput> = {},
): Model {
  const input = dyeingPlant([], extra);
  input.flows.push(
    {
      id: 'ED',
      from: 'dye',
      to: 'jet1',
      layer: 'energy',
      carrier: 'electricity',
      value: 7200,
      unit: 'kWh',
      source: 'metered',
    },
    {
      id: 'EB',
      from: 'boiler',
      to: 'boiler1',
      layer: 'energy',
      carrier: 'electricity',
      value: 7200,
      unit: 'kWh',
      source: 'metered',
    },
    { id: 'WB', from: 'boiler', to: 'boiler1', layer: 'water', value: 100, unit: 't', source: 'metered' },
    {
      id: 'EJ',
      from: 'dye',
      to: 'jet2',
      layer: 'energy',
      carrier: 'electricity',
      value: 100,
      unit: 'kWh',
      source: 'metered',
    },
  );
  input.meters = input.flows
    .filter((f) => !unmetered.includes(f.id))
    .map((f) => ({
      id: `M-${f.id}`,
      flows: [f.id],
      accuracyClass: '0.1',
      verifiedUntil: '2027-12-31',
      userClass: 'I' as const,
    }));
  input.campaign = { ...CAMPAIGN, ...campaign };
  input.settings = { electricityEqualValue: 0.3, ...input.settings };
  return model(input);
}

const codes = (r: DepthResult) => r.reasons.map((x) => `${x.ok ? '+' : '-'}${x.code}`);
const meterFlows = (r: DepthResult) => r.next.filter((n) => n.kind === 'meter').map((n) => n.flow);

describe('Yunnan depth grades and acceptance', () => {
  it('full: the whole enterprise metered (every unit and device, main or not), ≥ 72 h, normal production, qualified team → A, B, C', () => {
    const r = depthVerdict(plant([]));
    expect(r.depth).toBe('full');
    expect(r).toMatchObject({ determined: true, atLeast: 'full', undetermined: null });
    expect(r.grades).toEqual({ simple: 'met', key: 'met', full: 'met' });
    expect(r.acceptance).toEqual({ A: true, B: true, C: true });
    expect(r.nextDepth).toBeNull();
    expect(r.next).toEqual([]);
    expect(r.reasons.at(-1)).toMatchObject({ code: 'depth.reason.grade.full', zh: '结论：全面型物料平衡' });
    expect(r.reasons.find((x) => x.code === 'depth.reason.durationOk')!.zh).toBe(
      '测试周期 72 h 不少于 72 h（来自申报的测试期）',
    );
  });

  it('key, not full: only a non-main device (jet2, 11.4 kW) is unmetered — the whole-enterprise scope of 全面型 counts it', () => {
    const r = depthVerdict(plant(['EJ']));
    expect(r.depth).toBe('key');
    expect(r.grades).toEqual({ simple: 'met', key: 'met', full: 'not-met' });
    expect(r.acceptance).toEqual({ A: true, B: true, C: true });
    expect(r.reasons.find((x) => x.code === 'depth.reason.levelNotMet')!.zh).toBe(
      '企业整体（全部单元与设备）三级（进出主要设备）计量不完善：GB17167-2006 电力 4/5 = 80% < 95%',
    );
    expect(r.nextDepth).toBe('full');
    expect(meterFlows(r)).toEqual(['EJ']);
  });

  it('重点型 needs the enterprise’s main equipment metered, not only the audit focus’s: boiler1’s water unmetered → simple (issue #12 item 9)', () => {
    // 三 (三): "审核企业、主要分厂或车间、主要设备……达到国家有关规定要求，审核重点的一级、二级、三级计量较完善".
    // The focus (dyeing) is complete at levels 1–3, but boiler1 — a main water device, 100 t / 72 h = 1.39 m³/h
    // ≥ 1 m³/h (GB 24789) — has no water meter: GB 24789 level 3 meter coverage 1/2 = 50 % < 80 %.
    const r = depthVerdict(plant(['WB']));
    expect(r.depth).toBe('simple');
    expect(r.grades).toMatchObject({ simple: 'met', key: 'not-met' });
    expect(r.acceptance).toEqual({ A: false, B: true, C: true });
    const ent3 = r.reasons.find((x) => x.code === 'depth.reason.levelNotMet' && x.zh.startsWith('全企业三级'))!;
    expect(ent3.zh).toBe('全企业三级（进出主要设备）计量不完善：GB24789-2009 水计量器具配备率 1/2 = 50% < 80%');
    expect(ent3.en).toBe(
      'enterprise level 3 (main equipment) metering not complete: GB24789-2009 water meter coverage 1/2 = 50% < 80%',
    );
    expect(codes(r)).toContain('+depth.reason.levelMet'); // the focus at level 3 is complete
    expect(r.nextDepth).toBe('key');
    expect(meterFlows(r)).toEqual(['WB']);
  });

  it('not A when Annex 1 is not met (electricity at a device outside the focus)', () => {
    const r = depthVerdict(plant(['EB']));
    expect(r.depth).toBe('simple');
    expect(r.annex1).toBe(false);
    expect(r.annex2).toBe(true);
    expect(r.acceptance).toEqual({ A: false, B: true, C: true });
    expect(codes(r)).toContain('-depth.reason.annex1NotMet');
  });

  it('simple: levels 1–2 complete, the audit focus short at level 3 → B and C, not A', () => {
    const r = depthVerdict(plant(['ED']));
    expect(r.depth).toBe('simple');
    expect(r.acceptance).toEqual({ A: false, B: true, C: true });
    const focus3 = r.reasons.find((x) => x.code === 'depth.reason.levelNotMet' && x.zh.startsWith('审核重点三级'))!;
    expect(focus3.zh).toBe('审核重点三级（进出主要设备）计量不完善：GB17167-2006 电力 1/2 = 50% < 95%');
    expect(meterFlows(r)).toEqual(['ED']);
    // ED: 7 200 kWh / 72 h → 73 000 kWh/month, user class IV: 2.0 — "one class looser" at level 3 has no
    // class below 2.0 in Table 4, so 2.0 stands
    expect(r.next[0]).toMatchObject({
      kind: 'meter',
      flow: 'ED',
      level: [3],
      carrier: ['electricity'],
      requiredClass: '2.0',
      replaces: [],
    });
  });

  it('simple, not key, when the enterprise ran the campaign itself: the next grade needs a qualified team', () => {
    const r = depthVerdict(plant([], { performedBy: 'enterprise' }));
    expect(r.depth).toBe('simple');
    expect(codes(r)).toContain('+depth.reason.performedBy.enterprise');
    expect(r.next).toEqual([
      expect.objectContaining({ kind: 'campaign', change: 'performedBy', to: 'qualified-team' }),
    ]);
  });

  it('estimated: campaign shorter than 72 h', () => {
    const r = depthVerdict(plant([], { end: '2026-03-03T00:00:00+08:00' }));
    expect(r.depth).toBe('estimated');
    expect(r.acceptance).toEqual({ A: false, B: false, C: false });
    expect(r.reasons.find((x) => x.code === 'depth.reason.durationShort')!.en).toBe(
      'campaign 48 h is shorter than 72 h (from the declared campaign)',
    );
    expect(r.next).toEqual([expect.objectContaining({ kind: 'campaign', change: 'duration', to: 72 })]);
  });

  it('estimated: not under normal production; performed by nobody', () => {
    expect(depthVerdict(plant([], { normalProduction: false })).depth).toBe('estimated');
    const r = depthVerdict(plant([], { performedBy: 'none' }));
    expect(r.depth).toBe('estimated');
    expect(codes(r)).toContain('-depth.reason.performedBy.none');
  });

  it('estimated: level 2 incomplete (steam between workshops unmetered: 0/1 < 80 %)', () => {
    const r = depthVerdict(plant(['S1']));
    expect(r.depth).toBe('estimated');
    expect(r.reasons.find((x) => x.zh.startsWith('全企业二级'))!.zh).toBe(
      '全企业二级（进出主要车间）计量不完善：GB17167-2006 蒸汽 0/1 = 0% < 80%',
    );
  });

  it('estimated: no campaign at all', () => {
    const m = plant([]);
    delete m.campaign;
    const r = depthVerdict(m);
    expect(r.depth).toBe('estimated');
    expect(codes(r)).toContain('-depth.reason.noCampaign');
  });

  it('the 50 % estimated share is a share of the quantity, not of the count of flows (issue #12 item 9)', () => {
    // 三 (一) calls 估计型 a balance made "用估计加估算的方法": it names no share and counts nothing, so the
    // quantity decides. Water: W1 1 440 t + W2 1 300 t + WB 100 t = 2 840 t.
    // One flow of twelve (8 % by count) but 1 440 / 2 840 = 50.70 % of the water → 估计型.
    const one = plant([]);
    one.flows.find((f) => f.id === 'W1')!.source = 'estimated';
    const r = depthVerdict(one);
    expect(r.estimatedShare.byLayer.find((l) => l.layer === 'water')).toMatchObject({
      estimated: 1440,
      total: 2840,
      pct: 50.7,
      flows: ['W1'],
    });
    expect(r.estimatedShare).toMatchObject({ pct: 50.7, limitPct: 50, basis: 'quantity', total: 12 });
    expect(r.depth).toBe('estimated');
    expect(r.reasons.find((x) => x.code === 'depth.reason.shareHigh')!.zh).toBe(
      '估计值或设计值占平衡量（按量计）：物料 0%，水 50.7%，能源 0%；水超过 50%：属估计加估算',
    );
    expect(r.next.find((n) => n.kind === 'measure')!.flows).toEqual(['W1']);
    // Seven flows of twelve (58 % by count), but small ones: material M2 58 / 118 t = 49.15 %, water WB
    // 100 / 2 840 t = 3.52 %, energy E1 + E2 + ED + EB + EJ = 0.1229 × 22 420 kWh = 2.755 tce of 221.355 tce
    // (C1 144 t × 0.7143 = 102.859 + S1 900 t × 0.1286 = 115.74 + the electricity) = 1.24 % → not 估计型.
    const seven = plant([]);
    for (const f of seven.flows) if (['M2', 'WB', 'E1', 'E2', 'ED', 'EB', 'EJ'].includes(f.id)) f.source = 'estimated';
    const s = depthVerdict(seven);
    expect(s.estimatedShare.estimated).toHaveLength(7);
    expect(s.estimatedShare.byLayer.map((l) => [l.layer, l.pct])).toEqual([
      ['material', 49.15],
      ['water', 3.52],
      ['energy', 1.24],
    ]);
    expect(s.estimatedShare.byLayer[2]!.total).toBeCloseTo(
      (22420 * 0.1229 + 144000 * 0.7143 + 900000 * 0.1286) / 1000,
      9,
    );
    expect(s.depth).toBe('full');
  });

  it('not enough data to judge is not 估计型: boiler1’s water has no value — Km and its main-ness unknown → undetermined, at least simple', () => {
    const m = plant(['WB']);
    delete m.flows.find((f) => f.id === 'WB')!.value;
    const r = depthVerdict(m);
    expect(r).toMatchObject({ depth: 'undetermined', determined: false, atLeast: 'simple' });
    expect(r.undetermined!.grade).toBe('key');
    // full is not-met outright: in the whole-enterprise scope every node counts, so WB's missing meter is a
    // real shortfall (GB 24789 meter coverage 1/2 < 80 %) whatever boiler1's main-ness
    expect(r.grades).toEqual({ simple: 'met', key: 'unknown', full: 'not-met' });
    expect(r.acceptance).toEqual({ A: null, B: true, C: true });
    expect(r.label).toEqual({ zh: '无法判定（数据不足）', en: 'undetermined (not enough data)' });
    const unknown = r.reasons.find((x) => x.code === 'depth.reason.levelUnknown')!;
    expect(unknown).toMatchObject({ ok: false, status: 'unknown' });
    expect(unknown.zh).toBe(
      '全企业三级（进出主要设备）计量无法判定：GB24789-2009 水计量器具配备率 1/2 = 50% （WB 所进出的单元无用量数据、按主要单元计；给出其用量或 main 后方可判定）；GB24789-2009 水计量率 1440/1440 t = 100% （未计量且水量未知：WB，无法证明达到要求）',
    );
    expect(r.next.filter((n) => n.kind === 'data').map((n) => [n.missing, n.flows])).toEqual([
      ['volume', ['WB']],
      ['main', ['WB']],
    ]);
  });

  it('readings evidence replaces the declared duration and the output says so', () => {
    const r = depthVerdict(plant([]), { readings: { longestContinuousHours: 70.5, source: 'readings' } });
    expect(r.campaign).toMatchObject({ hours: 70.5, hoursSource: 'readings', declaredHours: 72, durationOk: false });
    expect(r.depth).toBe('estimated');
    expect(r.reasons.find((x) => x.code === 'depth.reason.durationShort')!.zh).toBe(
      '测试周期 70.5 h 少于 72 h（来自读数数据的最长连续时段）',
    );
    expect(depthVerdict(plant([]), { readings: { longestContinuousHours: 80, source: 'readings' } }).depth).toBe(
      'full',
    );
  });

  it('no audit focus: neither key nor full, whatever the metering (全面型 requires an audit focus too)', () => {
    const m = plant([]);
    for (const n of m.nodes) delete n.auditFocus;
    const r = depthVerdict(m);
    expect(r.depth).toBe('simple');
    expect(r.grades).toEqual({ simple: 'met', key: 'not-met', full: 'not-met' });
    expect(codes(r)).toContain('-depth.reason.noFocus');
    expect(r.next[0]).toMatchObject({ kind: 'audit-focus' });
    expect(r.nextReaches).toBe(false); // the focus is the enterprise's choice: no meter can make it
  });

  it('an audit focus without main equipment cannot be key', () => {
    const m = plant([]);
    for (const n of m.nodes) n.auditFocus = n.id === 'boiler' ? true : undefined;
    m.nodes = m.nodes.filter((n) => n.id !== 'boiler1');
    m.flows = m.flows.filter((f) => f.from !== 'boiler1' && f.to !== 'boiler1');
    m.meters = m.meters!.filter((x) => m.flows.some((f) => x.flows.includes(f.id)));
    const r = depthVerdict(m);
    expect(r.depth).toBe('simple');
    expect(codes(r)).toContain('-depth.reason.focusNoDevices');
  });
});

describe('the next-grade list, applied, reaches the next grade', () => {
  const cases: [string, Model, string, string][] = [
    [
      'estimated → simple (short campaign, level-1 and level-2 gaps)',
      plant(['S1', 'E2', 'W2'], { end: '2026-03-02T00:00:00+08:00', normalProduction: false }),
      'estimated',
      'simple',
    ],
    [
      'simple → key (focus level 3, enterprise campaign)',
      plant(['ED'], { performedBy: 'enterprise' }),
      'simple',
      'key',
    ],
    ['key → full', plant(['EJ']), 'key', 'full'],
    ['simple → key (main equipment outside the focus)', plant(['EB', 'WB']), 'simple', 'key'],
    ['estimated → simple (expired and failed meters)', expiredAndFailed(), 'estimated', 'simple'],
    ['estimated → simple (estimates)', mostlyEstimated(), 'estimated', 'simple'],
  ];
  for (const [name, m, from, to] of cases) {
    it(name, () => {
      const r = depthVerdict(m);
      expect(r.depth).toBe(from);
      expect(r.nextDepth).toBe(to);
      expect(r.nextReaches).toBe(true);
      const after = depthVerdict(model(applyNextSteps(m, r.next) as ModelInput));
      expect(DEPTHS.indexOf(after.depth as Depth)).toBeGreaterThanOrEqual(DEPTHS.indexOf(to as Depth));
      // and not by accident: the list without its last item falls short
      if (r.next.length > 1)
        expect(depthVerdict(model(applyNextSteps(m, r.next.slice(0, -1)) as ModelInput)).depth).toBe(from);
    });
  }

  it('fewest additions: one meter on the shared flow rather than one per row', () => {
    // W1 is in GB 17167 water and both GB 24789 rows at levels 1–3: one meter closes six rows
    const r = depthVerdict(plant(['W1']));
    expect(r.depth).toBe('estimated');
    expect(meterFlows(r)).toEqual(['W1']);
    expect(r.next[0]).toMatchObject({
      level: [1, 2, 3],
      carrier: ['water', 'meter-rate', 'metered-water-rate'],
      requiredClass: '2.5',
    });
  });

  it('an expired meter is named as the one to replace', () => {
    const r = depthVerdict(expiredAndFailed());
    const c1 = r.next.find((n) => n.flow === 'C1')!;
    expect(c1).toMatchObject({ replaces: ['M-C1'], requiredClass: '0.5' });
    expect(c1.zh).toBe('在 C1 上更换或重新检定计量器具 M-C1（1/2/3 级，煤炭，准确度不低于 0.5 级）');
  });
});

function expiredAndFailed(): Model {
  const m = plant([]);
  m.meters!.find((x) => x.id === 'M-C1')!.verifiedUntil = '2026-01-31';
  m.meters!.find((x) => x.id === 'M-E2')!.status = 'failed';
  return m;
}

function mostlyEstimated(): Model {
  const m = plant([]);
  for (const f of m.flows) if (f.id === 'W1' || f.id === 'W2') f.source = 'design';
  return m;
}
