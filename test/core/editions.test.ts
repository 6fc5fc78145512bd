import { describe, expect, it } from 'vitest';
import type { ModelInput } from '../../src/index.ts';
import { runCli, tempFile } from './cli-helpers.ts';

/** One metered electricity intake; the campaign's dates vary. */
const plant = (campaignEnd: string, settings: ModelInput['settings'] = {}): ModelInput => ({
  name: 'edition plant',
  nodes: [{ id: 'plant', name: '全厂', level: 1 }],
  flows: [
    { id: 'E', from: null, to: 'plant', layer: 'energy', carrier: 'electricity', value: 1000, unit: 'kWh', meter: 'M' },
    { id: 'U', from: 'plant', to: null, layer: 'energy', kind: 'effective', unit: 'tce' },
  ],
  meters: [{ id: 'M', flows: ['E'], accuracyClass: '0.5S', verifiedUntil: '2030-01-01', userClass: 'III' }],
  campaign: {
    start: '2026-01-20T08:00:00+08:00',
    end: campaignEnd,
    normalProduction: true,
    performedBy: 'qualified-team',
  },
  settings: { electricityEqualValue: 0.3, ...settings },
});

describe('settings.editions naming an edition pingheng does not hold: exit 2, located (issue #12 item 12)', () => {
  for (const cmd of ['check', 'coverage', 'depth']) {
    it(`${cmd}: "GB/T 2589": "2020" → exit 2 at settings.editions["GB/T 2589"]`, async () => {
      const f = tempFile(JSON.stringify(plant('2026-01-23T08:00:00+08:00', { editions: { 'GB/T 2589': '2020' } })));
      const r = await runCli([cmd, f]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        'settings.editions["GB/T 2589"]: GB/T 2589-2020 已发布，但 pingheng 尚无其表格数据（已有：2008）',
      );
      const en = await runCli([cmd, f, '--lang', 'en', '--json']);
      expect(en.code).toBe(2);
      const doc = JSON.parse(en.stdout);
      expect(doc.issues[0]).toMatchObject({ path: 'settings.editions["GB/T 2589"]', code: 'edition.notHeld' });
    });
  }

  it('an unknown standard in settings.editions is an error too, not ignored', async () => {
    const f = tempFile(JSON.stringify(plant('2026-01-23T08:00:00+08:00', { editions: { 'GB 12345': '2001' } })));
    const r = await runCli(['check', f, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('settings.editions["GB 12345"]: unknown standard "GB 12345"');
  });

  it('the editions held are accepted under any spelling', async () => {
    const f = tempFile(
      JSON.stringify(
        plant('2026-01-23T08:00:00+08:00', {
          editions: { 'GB/T 2589': '2008', 'GB 17167': '2006', GB24789: '2009', 'GB/T 12452': '2008', Yunnan: '2007' },
        }),
      ),
    );
    expect((await runCli(['check', f])).code).toBe(0);
  });
});

describe('GB 17167-2025 in force from 2026-02-01: a later campaign judged under 2006 is told so (issue #12 item 12)', () => {
  it('campaign ending 2026-03-05: every coverage row of GB 17167 and the depth verdict carry the notice', async () => {
    const f = tempFile(JSON.stringify(plant('2026-03-05T08:00:00+08:00')));
    const cov = JSON.parse((await runCli(['coverage', f, '--json'])).stdout);
    expect(cov.editionNotices).toEqual([
      expect.objectContaining({
        code: 'edition.superseded',
        family: 'GB17167',
        used: '2006',
        inForce: '2025',
        since: '2026-02-01',
        date: '2026-03-05',
        tablesHeld: false,
      }),
    ]);
    const gbRows = cov.rows.filter((r: { table: string }) => r.table === 'GB17167-2006');
    expect(gbRows.length).toBeGreaterThan(0);
    expect(gbRows.every((r: { supersededBy?: string }) => r.supersededBy === 'GB 17167-2025')).toBe(true);
    expect(
      cov.rows.filter((r: { table: string; supersededBy?: string }) => r.table !== 'GB17167-2006' && r.supersededBy),
    ).toEqual([]);
    const depth = JSON.parse((await runCli(['depth', f, '--json', '--lang', 'en'])).stdout);
    expect(depth.editionNotices).toHaveLength(1);
    const reason = depth.reasons.find((r: { code: string }) => r.code === 'edition.superseded');
    expect(reason.ok).toBe(false);
    expect(reason.en).toContain('GB 17167-2025 was in force (since 2026-02-01), but its tables are not available');
    expect((await runCli(['depth', f])).stdout).toContain('GB 17167-2025 已于 2026-02-01 实施，但其表格尚未收录');
    expect((await runCli(['coverage', f, '--lang', 'en'])).stdout).toContain('this verdict uses GB 17167-2006');
  });

  it('a campaign ending 2026-01-31 (before entry into force): no notice', async () => {
    const f = tempFile(JSON.stringify(plant('2026-01-31T20:00:00+08:00')));
    expect(JSON.parse((await runCli(['coverage', f, '--json'])).stdout).editionNotices).toEqual([]);
    expect(JSON.parse((await runCli(['depth', f, '--json'])).stdout).editionNotices).toEqual([]);
  });

  it('the campaign day is taken in the plant’s zone: 2026-01-31T20:00Z is 2026-02-01 in Shanghai', async () => {
    const f = tempFile(JSON.stringify(plant('2026-01-31T20:00:00Z')));
    expect(JSON.parse((await runCli(['coverage', f, '--json'])).stdout).editionNotices).toHaveLength(1);
  });
});
