import { describe, expect, it } from 'vitest';
import '../../src/i18n/index.ts';
import { analyseMetering, coverageRows } from '../../src/metering/coverage.ts';
import { decideMain, derivePoints } from '../../src/metering/points.ts';
import { resolveRuleSets } from '../../src/metering/rulesets.ts';
import { buildGraph } from '../../src/model/graph.ts';
import type { ModelInput } from '../../src/model/schema.ts';
import { CAMPAIGN, dyeingPlant, model } from './fixtures.ts';

const { rules } = resolveRuleSets(undefined);

function mainOf(input: ModelInput, node: string) {
  return decideMain(buildGraph(model(input)), rules).find((d) => d.node === node)!;
}

/** plant → ws → dev with one flow from outside into `into`, no main flags. */
function oneFlow(
  into: 'ws' | 'dev',
  flow: { layer: string; carrier: string; unit: string; value: number },
): ModelInput {
  return {
    name: 'threshold',
    nodes: [
      { id: 'plant', name: '全厂', level: 1 },
      { id: 'ws', name: '车间', level: 2, parent: 'plant' },
      { id: 'dev', name: '设备', level: 3, parent: 'ws' },
      { id: 'other', name: '其他车间', level: 2, parent: 'plant' },
    ],
    flows: [
      { id: 'F', from: null, to: into, source: 'metered', ...flow },
      // gives "other" a known, tiny magnitude so it is judged, not assumed
      { id: 'X', from: null, to: 'other', layer: 'energy', carrier: 'electricity', value: 1, unit: 'kWh' },
    ],
    campaign: CAMPAIGN,
  };
}

// GB 17167-2006 Table 1 (main sub-unit) and Table 2 (main device), in the tables' own units.
// [carrier, layer, L2 unit, L2 limit, L3 unit, L3 limit]
const LIMITS: [string, string, string, number, string, number][] = [
  ['electricity', 'energy', 'kW', 10, 'kW', 100],
  ['raw-coal', 'energy', 't/a', 100, 't/h', 1],
  ['coke', 'energy', 't/a', 100, 't/h', 1],
  ['crude-oil', 'energy', 't/a', 40, 't/h', 0.5],
  ['diesel', 'energy', 't/a', 40, 't/h', 0.5],
  ['lpg', 'energy', 't/a', 40, 't/h', 0.5],
  ['heavy-oil', 'energy', 't/a', 80, 't/h', 1],
  ['residual-oil', 'energy', 't/a', 80, 't/h', 1],
  ['natural-gas', 'energy', 'm3/a', 10000, 'm3/h', 100],
  ['coke-oven-gas', 'energy', 'm3/a', 10000, 'm3/h', 100],
  ['steam', 'energy', 'GJ/a', 5000, 'MW', 7],
  ['water', 'energy', 't/a', 5000, 't/h', 1],
  ['fresh-water', 'water', 't/a', 5000, 'm3/h', 1],
  ['waste-energy', 'energy', 'GJ/a', 2926, 'GJ/h', 29.26],
];

describe('"main" sub-units (GB 17167 Table 1) and devices (Table 2, GB 24789 ≥ 1 m³/h)', () => {
  for (const [carrier, layer, u2, l2, u3, l3] of LIMITS) {
    it(`${carrier}: sub-unit main at ${l2} ${u2}, not at 0.99×; device main at ${l3} ${u3}, not at 0.99×`, () => {
      expect(mainOf(oneFlow('ws', { layer, carrier, unit: u2, value: l2 }), 'ws')).toMatchObject({
        main: true,
        basis: 'derived',
      });
      expect(mainOf(oneFlow('ws', { layer, carrier, unit: u2, value: l2 * 0.99 }), 'ws')).toMatchObject({
        main: false,
        basis: 'derived',
      });
      expect(mainOf(oneFlow('dev', { layer, carrier, unit: u3, value: l3 }), 'dev')).toMatchObject({
        main: true,
        basis: 'derived',
      });
      expect(mainOf(oneFlow('dev', { layer, carrier, unit: u3, value: l3 * 0.99 }), 'dev')).toMatchObject({
        main: false,
        basis: 'derived',
      });
    });
  }

  it('annualises the campaign: 720 kWh over 72 h is 10 kW (main workshop); coal 0.82 t in 72 h is 100 t/a', () => {
    const e = mainOf(oneFlow('ws', { layer: 'energy', carrier: 'electricity', unit: 'kWh', value: 720 }), 'ws');
    // no rated power given: the period's average power stands in for it (and is warned about)
    expect(e.evidence).toEqual([
      {
        category: 'electricity',
        rate: 10,
        unit: 'kW',
        limit: 10,
        reached: true,
        measure: 'average',
        rule: 'GB17167-2006 Table 1',
      },
    ]);
    const c = mainOf(
      oneFlow('ws', { layer: 'energy', carrier: 'raw-coal', unit: 't', value: (100 * 72) / 8760 }),
      'ws',
    );
    expect(c.evidence[0]!.rate).toBeCloseTo(100, 9);
    expect(c.main).toBe(true);
  });

  it('the model decides when it says main; the audit focus is main; no magnitude at all → main', () => {
    const tiny = oneFlow('ws', { layer: 'energy', carrier: 'electricity', unit: 'kWh', value: 1 });
    expect(mainOf(tiny, 'ws')).toMatchObject({ main: false, basis: 'derived' });
    tiny.nodes[1]!.main = true;
    expect(mainOf(tiny, 'ws')).toMatchObject({ main: true, basis: 'explicit' });
    tiny.nodes[1]!.main = undefined;
    tiny.nodes[1]!.auditFocus = true;
    expect(mainOf(tiny, 'ws')).toMatchObject({ main: true, basis: 'audit-focus' });
    const none = oneFlow('ws', { layer: 'energy', carrier: 'electricity', unit: 'kWh', value: 1 });
    expect(mainOf(none, 'dev')).toMatchObject({ main: true, basis: 'unknown' });
  });
});

describe('required points N', () => {
  it('the dyeing fixture: each flow is one point per level it crosses a required boundary at', () => {
    const a = analyseMetering(model(dyeingPlant()));
    const list = a.points
      .filter((p) => p.table === 'GB17167-2006')
      .map((p) => `${p.row} L${p.level} ${p.flow} ${p.nodes.join('+')}`);
    expect(list).toEqual([
      'electricity L1 E1 plant',
      'electricity L2 E1 dye',
      'electricity L3 E1 jet1',
      // jet2 uses 720 kWh / 72 h = 10 kW < 100 kW: not a main device, no level-3 point
      'electricity L1 E2 plant',
      'electricity L2 E2 dye',
      'coal L1 C1 plant',
      'coal L2 C1 boiler',
      'coal L3 C1 boiler1',
      // steam from the boiler to the jet: one pipe, one point at L2 (two workshops) and at L3 (two devices), none at L1
      'steam L2 S1 dye+boiler',
      'steam L3 S1 jet1+boiler1',
      'water L1 W1 plant',
      'water L2 W1 dye',
      'water L3 W1 jet1',
    ]);
    expect(a.derived.main.find((m) => m.node === 'jet2')).toMatchObject({ main: false, basis: 'derived' });
    // wastewater: GB 24789 at level 1 only; not a GB 17167 row
    expect(a.points.filter((p) => p.flow === 'W2').map((p) => `${p.table} ${p.row} L${p.level}`)).toEqual([
      'GB24789-2009 meter-rate L1',
      'GB24789-2009 metered-water-rate L1',
    ]);
  });

  it('water-layer steam is a GB 17167 steam point, not a GB 24789 point; its energy twin on the same meter counts once', () => {
    const input = dyeingPlant();
    input.flows.push(
      { id: 'SW', from: null, to: 'jet1', layer: 'water', carrier: 'steam', value: 100, unit: 't' },
      { id: 'SE', from: null, to: 'jet1', layer: 'energy', carrier: 'steam', value: 100, unit: 't' },
    );
    const at = (m: ReturnType<typeof analyseMetering>) =>
      m.points
        .filter((p) => p.flow === 'SW' || p.flow === 'SE')
        .map((p) => `${p.table} ${p.row} L${p.level} ${p.flow}`);
    const apart = analyseMetering(model(input));
    expect(at(apart)).toEqual([
      'GB17167-2006 steam L1 SW',
      'GB17167-2006 steam L2 SW',
      'GB17167-2006 steam L3 SW',
      'GB17167-2006 steam L1 SE',
      'GB17167-2006 steam L2 SE',
      'GB17167-2006 steam L3 SE',
    ]);
    input.meters = [{ id: 'MS', flows: ['SW', 'SE'], accuracyClass: '2.5' }];
    const shared = analyseMetering(model(input));
    expect(at(shared)).toEqual(['GB17167-2006 steam L1 SE', 'GB17167-2006 steam L2 SE', 'GB17167-2006 steam L3 SE']);
    expect(shared.derived.excluded).toContainEqual({ flow: 'SW', code: 'metering.excluded.sameMeter' });
  });

  it('energy flows without a Table 3 row are listed as uncovered; losses and effective energy are not points', () => {
    const input = dyeingPlant();
    input.flows.push(
      { id: 'A1', from: null, to: 'jet1', layer: 'energy', carrier: 'compressed-air', value: 100, unit: 'm3' },
      { id: 'L1', from: 'jet1', to: null, layer: 'energy', kind: 'loss', value: 1, unit: 'GJ' },
    );
    const d = derivePoints(buildGraph(model(input)), rules);
    expect(d.uncovered).toEqual(['A1']);
    expect(d.excluded).toEqual([{ flow: 'L1', code: 'metering.excluded.energyKind' }]);
    expect(d.points.some((p) => p.flow === 'A1' || p.flow === 'L1')).toBe(false);
  });
});

describe('exemptions (GB 17167 Table 3 notes 1–2, Table 2 note; GB 24789 closed loops)', () => {
  /** plant → ws → dev; flows given; main everywhere. */
  function plant(flows: ModelInput['flows'], meters: ModelInput['meters'] = [], coversDevices = false): ModelInput {
    return {
      name: 'exempt',
      nodes: [
        { id: 'plant', name: '全厂', level: 1 },
        { id: 'ws', name: '车间', level: 2, parent: 'plant', main: true, coversDevices },
        { id: 'dev', name: '设备', level: 3, parent: 'ws', main: true },
      ],
      flows,
      meters,
      campaign: CAMPAIGN,
    };
  }
  const levelsOf = (input: ModelInput, flow: string, table = 'GB17167-2006') =>
    analyseMetering(model(input))
      .points.filter((p) => p.flow === flow && p.table === table)
      .map((p) => p.level);

  it('seasonal heating steam: settled otherwise at levels 1 and 2 — in N and in n — and metered at level 3 (issue #12 item 6)', () => {
    // GB 17167-2006 Table 3 note 1 (Yunnan Annex 1): "进出用能单位和进出主要次级用能单位的季节性供暖用蒸汽（热水）
    // 可采用非直接计量载能工质流量的其他计量结算方式" — other settlement is allowed, not "no metering".
    const input = plant([
      {
        id: 'H',
        from: null,
        to: 'dev',
        layer: 'energy',
        carrier: 'steam',
        value: 10,
        unit: 't',
        exemption: 'seasonal-heating',
      },
    ]);
    expect(levelsOf(input, 'H')).toEqual([1, 2, 3]);
    const a = analyseMetering(model(input));
    expect(a.exemptions.map((e) => [e.level, e.exemption, e.accepted])).toEqual([
      [1, 'seasonal-heating', true],
      [2, 'seasonal-heating', true],
    ]);
    // steam rows: L1 1/1 (100 %), L2 1/1, L3 0/1 (no meter: 0 % < 70 %)
    const steam = coverageRows(a).filter((r) => r.carrier === 'steam');
    expect(steam.map((r) => [r.level, r.n, r.N, r.pass])).toEqual([
      [1, 1, 1, true],
      [2, 1, 1, true],
      [3, 0, 1, false],
    ]);
  });

  it('seasonal heating claimed on electricity is refused: the point stays unmetered', () => {
    const input = plant([
      {
        id: 'H',
        from: null,
        to: 'dev',
        layer: 'energy',
        carrier: 'electricity',
        value: 10,
        unit: 'kWh',
        exemption: 'seasonal-heating',
      },
    ]);
    const a = analyseMetering(model(input));
    expect(a.exemptions.map((e) => [e.level, e.accepted, e.code])).toEqual([
      [1, false, 'metering.exempt.seasonalHeatingCarrier'],
      [2, false, 'metering.exempt.seasonalHeatingCarrier'],
    ]);
    expect(coverageRows(a).find((r) => r.carrier === 'electricity' && r.level === 1)).toMatchObject({ n: 0, N: 1 });
  });

  it('auxiliary electricity below the Table 2 limit (50 kW < 100 kW): exempt at level 3 only', () => {
    const input = plant([
      {
        id: 'A',
        from: null,
        to: 'dev',
        layer: 'energy',
        carrier: 'electricity',
        value: 50,
        unit: 'kW',
        exemption: 'auxiliary',
      },
    ]);
    expect(levelsOf(input, 'A')).toEqual([1, 2]);
    expect(analyseMetering(model(input)).exemptions).toEqual([
      expect.objectContaining({
        flow: 'A',
        level: 3,
        accepted: true,
        code: 'metering.exempt.auxiliary',
        params: { rate: 50, limit: 100, unit: 'kW' },
      }),
    ]);
  });

  it('auxiliary at or above the limit, or on coal, is refused and stays in N', () => {
    const above = plant([
      {
        id: 'A',
        from: null,
        to: 'dev',
        layer: 'energy',
        carrier: 'electricity',
        value: 100,
        unit: 'kW',
        exemption: 'auxiliary',
      },
    ]);
    expect(levelsOf(above, 'A')).toEqual([1, 2, 3]);
    expect(analyseMetering(model(above)).exemptions[0]).toMatchObject({
      accepted: false,
      code: 'metering.exempt.auxiliaryAbove',
    });
    const coal = plant([
      {
        id: 'C',
        from: null,
        to: 'dev',
        layer: 'energy',
        carrier: 'raw-coal',
        value: 0.1,
        unit: 't/h',
        exemption: 'auxiliary',
      },
    ]);
    expect(levelsOf(coal, 'C')).toEqual([1, 2, 3]);
    expect(analyseMetering(model(coal)).exemptions[0]).toMatchObject({
      accepted: false,
      code: 'metering.exempt.auxiliaryCarrier',
    });
  });

  it('a closed loop computed from pump data needs no meter at any level (GB 24789 and the GB 17167 water row)', () => {
    const input = plant([
      {
        id: 'CW',
        from: 'ws',
        to: 'dev',
        layer: 'water',
        carrier: 'recycled-water',
        value: 500,
        unit: 't',
        exemption: 'closed-loop-pump-data',
      },
    ]);
    const a = analyseMetering(model(input));
    expect(a.points.filter((p) => p.flow === 'CW')).toEqual([]);
    expect(a.exemptions.map((e) => `${e.table} ${e.row} L${e.level} ${e.accepted}`)).toEqual([
      'GB17167-2006 water L3 true',
      'GB24789-2009 meter-rate L3 true',
      'GB24789-2009 metered-water-rate L3 true',
    ]);
  });

  it('a metered unit covers its devices (coversDevices): only when its own boundary is metered', () => {
    const flows: ModelInput['flows'] = [
      { id: 'IN', from: null, to: 'ws', layer: 'energy', carrier: 'natural-gas', value: 1000, unit: 'm3' },
      { id: 'TO', from: 'ws', to: 'dev', layer: 'energy', carrier: 'natural-gas', value: 900, unit: 'm3' },
    ];
    const meter = [{ id: 'MI', flows: ['IN'], accuracyClass: '2.0', verifiedUntil: '2027-01-01' }];
    const l3 = (input: ModelInput) =>
      coverageRows(analyseMetering(model(input))).find((r) => r.carrier === 'natural-gas' && r.level === 3)!;
    expect(l3(plant(flows, meter, false))).toMatchObject({ N: 1, n: 0, pass: false, missing: ['TO'] });
    expect(l3(plant(flows, meter, true))).toMatchObject({
      N: 0,
      pass: true,
      exempt: [{ flow: 'TO', exemption: 'metered-unit', accepted: true }],
    });
    expect(l3(plant(flows, [], true))).toMatchObject({ N: 1, n: 0, pass: false });
  });
});
