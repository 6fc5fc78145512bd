import { describe, expect, it } from 'vitest';
import '../../src/i18n/index.ts';
import { analyseMetering, coverageRows } from '../../src/metering/coverage.ts';
import { decideMainPerCarrier } from '../../src/metering/main.ts';
import { resolveRuleSets } from '../../src/metering/rulesets.ts';
import { buildGraph } from '../../src/model/graph.ts';
import type { ModelInput } from '../../src/model/schema.ts';
import { runCli, tempFile } from '../core/cli-helpers.ts';
import { CAMPAIGN, model } from './fixtures.ts';

const { rules } = resolveRuleSets(undefined);

/**
 * A dye kitchen (level 3) inside a workshop, over a 72-hour campaign: it draws 800 kWh (800 / 72 = 11.1 kW
 * average) and 330 t of water (330 / 72 = 4.58 m³/h).
 */
const kitchen = (node: Partial<ModelInput['nodes'][number]> = {}): ModelInput => ({
  name: 'kitchen',
  nodes: [
    { id: 'plant', name: '全厂', level: 1 },
    { id: 'dye', name: '染色车间', level: 2, parent: 'plant', main: true },
    { id: 'kit', name: '化料间', level: 3, parent: 'dye', ...node },
  ],
  flows: [
    { id: 'E', from: 'dye', to: 'kit', layer: 'energy', carrier: 'electricity', value: 800, unit: 'kWh', meter: 'ME' },
    { id: 'W', from: 'dye', to: 'kit', layer: 'water', carrier: 'fresh-water', value: 330, unit: 't', meter: 'MW' },
    { id: 'WW', from: 'kit', to: null, layer: 'water', carrier: 'wastewater', value: 320, unit: 't' },
    { id: 'U', from: 'kit', to: null, layer: 'energy', kind: 'effective', unit: 'tce' },
    { id: 'EV', from: 'kit', to: null, layer: 'water', carrier: 'evaporation', unit: 't' },
  ],
  meters: [
    { id: 'ME', flows: ['E'], accuracyClass: '1.0', verifiedUntil: '2030-01-01', userClass: 'III' },
    { id: 'MW', flows: ['W'], accuracyClass: '2.5', verifiedUntil: '2030-01-01' },
  ],
  campaign: CAMPAIGN,
  settings: { electricityEqualValue: 0.3 },
});

const groupsOf = (input: ModelInput) => {
  const a = decideMainPerCarrier(buildGraph(model(input)), rules);
  return { a, kit: a.decisions.find((d) => d.node === 'kit')! };
};
const level3 = (input: ModelInput) =>
  analyseMetering(model(input))
    .points.filter((p) => p.level === 3)
    .map((p) => `${p.table} ${p.row} ${p.flow}`);

describe('main-ness per carrier (issue #12 item 4)', () => {
  it('a main water user and a minor electricity user: water ≥ 1 m³/h (GB 24789), electricity < 100 kW (GB 17167 Table 2)', () => {
    const { kit } = groupsOf(kitchen());
    // GB 24789-2009: main water-using device ≥ 1 m³/h; 330 t / 72 h = 4.583 m³/h ≥ 1
    expect(kit.groups.find((g) => g.category === 'water')).toMatchObject({
      main: true,
      basis: 'derived',
      evidence: [
        {
          rate: expect.closeTo(330 / 72, 9),
          unit: 't/h',
          limit: 1,
          rule: 'GB24789-2009 main device; GB17167-2006 Table 2',
        },
      ],
    });
    // GB 17167-2006 Table 2: main device ≥ 100 kW; 800 kWh / 72 h = 11.1 kW < 100
    expect(kit.groups.find((g) => g.category === 'electricity')).toMatchObject({
      main: false,
      evidence: [{ rate: expect.closeTo(800 / 72, 9), unit: 'kW', limit: 100, reached: false }],
    });
    expect(kit.main).toBe(true);
  });

  it('so its water is a level-3 metering point and its electricity is not', () => {
    expect(level3(kitchen())).toEqual([
      'GB17167-2006 water W',
      'GB24789-2009 meter-rate W',
      'GB24789-2009 metered-water-rate W',
    ]);
  });

  it('the explicit flag overrides per carrier; `main: true` still overrides every carrier', () => {
    const perCarrier = kitchen({ main: { electricity: true, water: false } });
    expect(level3(perCarrier)).toEqual(['GB17167-2006 electricity E']);
    expect(groupsOf(perCarrier).kit.groups.map((g) => [g.category, g.main, g.basis])).toEqual([
      ['electricity', true, 'explicit'],
      ['water', false, 'explicit'],
    ]);
    // a carrier id keys its group too
    expect(level3(kitchen({ main: { 'fresh-water': false } }))).toEqual([]);
    expect(level3(kitchen({ main: true }))).toHaveLength(4);
    expect(level3(kitchen({ main: false }))).toEqual([]);
  });

  it('a key that names no group is unusable input, located', async () => {
    const r = await runCli(['coverage', tempFile(JSON.stringify(kitchen({ main: { steem: true } }))), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nodes[2].main.steem: "steem" is not a GB 17167 Table 1–2 group');
  });
});

describe('GB 17167 power limits on rated power (issue #12 item 5)', () => {
  it('rated 150 kW makes the kitchen a main electricity user although it averages 11.1 kW', () => {
    const input = kitchen({ ratedPower: { electricity: { value: 150, unit: 'kW' } } });
    const { a, kit } = groupsOf(input);
    expect(kit.groups.find((g) => g.category === 'electricity')).toMatchObject({
      main: true,
      evidence: [{ rate: 150, unit: 'kW', limit: 100, reached: true, measure: 'rated' }],
    });
    expect(a.warnings).toEqual([]);
    expect(level3(input)).toContain('GB17167-2006 electricity E');
  });

  it('rated power in MW or W converts: 0.09 MW = 90 kW < 100 kW', () => {
    const { kit } = groupsOf(kitchen({ ratedPower: { electricity: { value: 0.09, unit: 'MW' } } }));
    expect(kit.groups[0]!.evidence[0]).toMatchObject({ rate: expect.closeTo(90, 9), reached: false });
  });

  it('without a rated power the average is used, with a warning naming the fallback', async () => {
    const { a } = groupsOf(kitchen());
    expect(a.warnings).toEqual([
      {
        code: 'metering.main.averageFallback',
        node: 'kit',
        category: 'electricity',
        params: { node: 'kit', rate: 11.111, unit: 'kW', limit: 100, rule: 'GB17167-2006 Table 2' },
      },
    ]);
    const f = tempFile(JSON.stringify(kitchen()));
    const doc = JSON.parse((await runCli(['coverage', f, '--json'])).stdout);
    expect(doc.warnings).toEqual([
      expect.objectContaining({
        code: 'metering.main.averageFallback',
        node: 'kit',
        en: '化料间: no rated power given — the average power of the period (11.111 kW) is compared with the GB17167-2006 Table 2 limit of 100 kW, which applies to rated power',
      }),
    ]);
    expect((await runCli(['coverage', f])).stdout).toContain(
      '化料间：未给出额定功率——以测试期平均功率 11.111 kW 与 GB17167-2006 表2 的限定值 100 kW 比较（标准指额定功率）',
    );
  });

  it('a rated unit that cannot meet the limit is unusable input (t/h for electricity)', async () => {
    const bad = kitchen({ ratedPower: { electricity: { value: 2, unit: 't/h' } } });
    const r = await runCli(['coverage', tempFile(JSON.stringify(bad)), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nodes[2].ratedPower.electricity.unit: rated unit "t/h" cannot be compared');
  });

  it('coverage rows follow: with the kitchen main for electricity by rating, level-3 electricity counts its meter', () => {
    const rows = coverageRows(
      analyseMetering(model(kitchen({ ratedPower: { electricity: { value: 150, unit: 'kW' } } }))),
    );
    expect(rows.find((r) => r.carrier === 'electricity' && r.level === 3)).toMatchObject({ n: 1, N: 1, pass: true });
  });
});
