import { describe, expect, it } from 'vitest';
import '../../src/i18n/index.ts';
import { applyNextSteps } from '../../src/metering/apply.ts';
import { depthVerdict, type DepthResult } from '../../src/metering/depth.ts';
import { DEPTHS, type Depth } from '../../src/data/yunnan-2007.ts';
import type { Model, ModelInput } from '../../src/model/schema.ts';
import { CAMPAIGN, dyeingPlant, model } from './fixtures.ts';

/**
 * The dyeing fixture plus three flows that sit at one level only:
 * ED dye → jet1 electricity (level 3, audit focus), EB boiler → boiler1 electricity (level 3, outside
 * the focus), WB boiler → boiler1 water without carrier (GB 24789 level 3 only, outside the focus).
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
  return model(input);
}

const codes = (r: DepthResult) => r.reasons.map((x) => `${x.ok ? '+' : '-'}${x.code}`);
const meterFlows = (r: DepthResult) => r.next.filter((n) => n.kind === 'meter').map((n) => n.flow);

describe('Yunnan depth grades and acceptance', () => {
  it('full: whole-enterprise metering, ≥ 72 h, normal production, qualified team → A, B, C', () => {
    const r = depthVerdict(plant([]));
    expect(r.depth).toBe('full');
    expect(r.acceptance).toEqual({ A: true, B: true, C: true });
    expect(r.nextDepth).toBeNull();
    expect(r.next).toEqual([]);
    expect(r.reasons.at(-1)).toMatchObject({ code: 'depth.reason.grade.full', zh: '结论：全面型物料平衡' });
    expect(r.reasons.find((x) => x.code === 'depth.reason.durationOk')!.zh).toBe(
      '测试周期 72 h 不少于 72 h（来自申报的测试期）',
    );
  });

  it('key (A): audit focus complete at levels 1–3, water outside the focus short at level 3; Annexes 1 and 2 met', () => {
    const r = depthVerdict(plant(['WB']));
    expect(r.depth).toBe('key');
    expect(r.acceptance).toEqual({ A: true, B: true, C: true });
    expect(r.annex1 && r.annex2).toBe(true);
    const whole3 = r.reasons.find((x) => x.code === 'depth.reason.levelNotMet')!;
    // Km at level 3 is 1440 / 1540 t = 93.5 % ≥ 85 %: only the count row fails
    expect(whole3.zh).toBe(
      '全企业（含主要设备）三级（进出主要设备）计量不完善：GB24789-2009 水计量器具配备率 1/2 = 50% < 80%',
    );
    expect(whole3.en).toBe(
      'whole enterprise level 3 (main equipment) metering not complete: GB24789-2009 water meter coverage 1/2 = 50% < 80%',
    );
    expect(r.nextDepth).toBe('full');
    expect(meterFlows(r)).toEqual(['WB']);
  });

  it('key but not A: Annex 1 not met (electricity at a device outside the focus)', () => {
    const r = depthVerdict(plant(['EB', 'WB']));
    expect(r.depth).toBe('key');
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
    // ED: 7 200 kWh / 72 h → 73 000 kWh/month, user class IV: 2.0, one class looser at level 3
    expect(r.next[0]).toMatchObject({
      kind: 'meter',
      flow: 'ED',
      level: [3],
      carrier: ['electricity'],
      requiredClass: '3.0',
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

  it('estimated: most balance quantities are estimates (9 of 11 > 50 %)', () => {
    const m = plant([]);
    m.flows.forEach((f, i) => {
      if (i < 9) f.source = 'estimated';
    });
    const r = depthVerdict(m);
    expect(r.estimatedShare).toMatchObject({ pct: 81.82, total: 11, limitPct: 50 });
    expect(r.depth).toBe('estimated');
    expect(r.reasons.find((x) => x.code === 'depth.reason.shareHigh')!.zh).toBe(
      '估计值或设计值占平衡数据的 81.82%（9/11），超过 50%：属估计加估算',
    );
    // 11 × 50 % = 5.5 → at most 5 estimated: measure 4 of them
    expect(r.next.find((n) => n.kind === 'measure')!.flows).toHaveLength(4);
  });

  it('a Km row failing only for unknown volumes says so', () => {
    const m = plant(['WB']);
    delete m.flows.find((f) => f.id === 'WB')!.value;
    const r = depthVerdict(m);
    expect(r.reasons.find((x) => x.code === 'depth.reason.levelNotMet')!.zh).toBe(
      '全企业（含主要设备）三级（进出主要设备）计量不完善：GB24789-2009 水计量器具配备率 1/2 = 50% < 80%；GB24789-2009 水计量率 1440/1440 t = 100% （未计量且水量未知：WB，无法证明达到要求）',
    );
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

  it('no audit focus: key cannot be judged; the next list asks for one', () => {
    const m = plant(['ED']);
    for (const n of m.nodes) delete n.auditFocus;
    const r = depthVerdict(m);
    expect(r.depth).toBe('simple');
    expect(codes(r)).toContain('-depth.reason.noFocus');
    expect(r.next[0]).toMatchObject({ kind: 'audit-focus' });
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
    ['key → full', plant(['EB', 'WB']), 'key', 'full'],
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
      expect(DEPTHS.indexOf(after.depth)).toBeGreaterThanOrEqual(DEPTHS.indexOf(to as Depth));
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
  m.flows.forEach((f, i) => {
    if (i < 8) f.source = 'design';
  });
  return m;
}
