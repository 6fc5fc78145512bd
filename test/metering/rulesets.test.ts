import { afterEach, describe, expect, it } from 'vitest';
import '../../src/i18n/index.ts';
import { analyseMetering, coverageRows } from '../../src/metering/coverage.ts';
import { DEFAULT_EDITIONS, registry, resolveRuleSets } from '../../src/metering/rulesets.ts';
import { model, starPlant } from './fixtures.ts';

describe('rule-set registry: editions as data', () => {
  afterEach(() => {
    delete registry.GB17167['2099'];
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

  it('an unknown edition is a located issue; other families in settings.editions are left alone', () => {
    const { issues } = resolveRuleSets({ editions: { GB24789: '2022', 'GB/T 2589': '2020' } });
    expect(issues).toEqual([
      {
        severity: 'error',
        path: ['settings', 'editions', 'GB24789'],
        code: 'metering.unknownEdition',
        params: { family: 'GB24789', edition: '2022', known: '2009' },
      },
    ]);
  });
});
