import { afterEach, describe, expect, it } from 'vitest';
import '../../src/i18n/index.ts';
import { analyseMetering, coverageRows } from '../../src/metering/coverage.ts';
import { families } from '../../src/data/editions.ts';
import { DEFAULT_EDITIONS, registry, resolveRuleSets } from '../../src/metering/rulesets.ts';
import { model, starPlant } from './fixtures.ts';

describe('rule-set registry: editions as data', () => {
  const gb17167 = families.find((f) => f.id === 'GB17167')! as unknown as { held: string[] };
  afterEach(() => {
    delete registry.GB17167['2099'];
    gb17167.held = gb17167.held.filter((e) => e !== '2099');
  });

  it('every edition the metering registry holds is listed as held in src/data/editions.ts, and no other', () => {
    for (const id of ['GB17167', 'GB24789', 'Yunnan'] as const)
      expect(Object.keys(registry[id]).sort()).toEqual([...families.find((f) => f.id === id)!.held].sort());
  });

  it('defaults: GB 17167-2006, GB 24789-2009, Yunnan 2007', () => {
    expect(DEFAULT_EDITIONS).toEqual({ GB17167: '2006', GB24789: '2009', Yunnan: '2007' });
    const { rules, issues } = resolveRuleSets(undefined);
    expect(issues).toEqual([]);
    expect([rules.energy.table, rules.water.table, rules.material.table]).toEqual([
      'GB17167-2006',
      'GB24789-2009',
      'Yunnan-2007',
    ]);
    expect(rules.energy.rows).toHaveLength(13);
  });

  it('a model picks a registered edition; a new edition is a data entry, not code', () => {
    const base = registry.GB17167['2006']!;
    gb17167.held = [...gb17167.held, '2099'];
    registry.GB17167['2099'] = {
      ...base,
      edition: '2099',
      table: 'GB17167-2099',
      rows: base.rows.map((r) => (r.id === 'electricity' ? { ...r, required: [100, 100, 50] as const } : r)),
    };
    const input = starPlant({ layer: 'energy', carrier: 'electricity', unit: 'kWh' }, 2, 1, {
      settings: { editions: { GB17167: '2099' } },
    });
    const l3 = coverageRows(analyseMetering(model(input))).find((r) => r.carrier === 'electricity' && r.level === 3)!;
    expect(l3).toMatchObject({ table: 'GB17167-2099', n: 1, N: 2, ratio: 50, required: 50, pass: true });
    const old = coverageRows(
      analyseMetering(model(starPlant({ layer: 'energy', carrier: 'electricity', unit: 'kWh' }, 2, 1))),
    ).find((r) => r.carrier === 'electricity' && r.level === 3)!;
    expect(old).toMatchObject({ table: 'GB17167-2006', required: 95, pass: false });
  });

  it('an edition not held is a located issue in every family — never ignored (issue #12)', () => {
    const { issues } = resolveRuleSets({ editions: { GB24789: '2022', 'GB/T 2589': '2020', 'GB 99999': '1' } });
    expect(issues).toEqual([
      {
        severity: 'error',
        path: ['settings', 'editions', 'GB24789'],
        code: 'edition.notHeld',
        params: { standard: 'GB 24789', edition: '2022', held: '2009' },
      },
      {
        severity: 'error',
        path: ['settings', 'editions', 'GB/T 2589'],
        code: 'edition.notHeld',
        params: { standard: 'GB/T 2589', edition: '2020', held: '2008' },
      },
      {
        severity: 'error',
        path: ['settings', 'editions', 'GB 99999'],
        code: 'edition.unknownFamily',
        params: { key: 'GB 99999', known: 'GB 17167, GB 24789, GB/T 2589, GB/T 12452, 云经资源〔2007〕518号' },
      },
    ]);
  });

  it('a family is named in any spelling: "GB 17167", "GB17167", "gb17167" pick the same edition', () => {
    for (const key of ['GB 17167', 'GB17167', 'gb17167'])
      expect(resolveRuleSets({ editions: { [key]: '2006' } }).issues).toEqual([]);
    expect(resolveRuleSets({ editions: { 'GB 17167': '2006', GB17167: '2006' } }).issues[0]!.code).toBe(
      'edition.twice',
    );
  });
});
