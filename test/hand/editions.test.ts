import { describe, expect, it } from 'vitest';
import { campaign72, cli } from './run.ts';

/**
 * Editions (issue #12 item 12): an edition pingheng does not hold is unusable input (exit 2, located at the
 * settings entry) in every command; the defaults spelled out are accepted.
 */
const plant = (editions: Record<string, string>) => ({
  name: '版本手算',
  nodes: [{ id: 'plant', name: '厂', level: 1 }],
  flows: [
    {
      id: 'W0',
      from: null,
      to: 'plant',
      layer: 'water',
      carrier: 'fresh-water',
      value: 10,
      unit: 't',
      source: 'metered',
    },
    {
      id: 'W1',
      from: 'plant',
      to: null,
      layer: 'water',
      carrier: 'wastewater',
      value: 10,
      unit: 't',
      source: 'metered',
    },
  ],
  meters: [
    { id: 'M0', flows: ['W0'], accuracyClass: '2.5', verifiedUntil: '2027-01-01', status: 'in-service' },
    { id: 'M1', flows: ['W1'], accuracyClass: '2.5', verifiedUntil: '2027-01-01', status: 'in-service' },
  ],
  campaign: campaign72,
  settings: { editions },
});

describe('hand: editions', () => {
  it('38 GB/T 2589-2020 (published, tables not held) is exit 2 at settings.editions["GB/T 2589"] in check, coverage, depth', () => {
    for (const command of ['check', 'coverage', 'depth']) {
      const { code, doc } = cli(command, plant({ 'GB/T 2589': '2020' }));
      expect(code).toBe(2);
      expect(doc.issues).toEqual([
        expect.objectContaining({ path: 'settings.editions["GB/T 2589"]', code: 'edition.notHeld' }),
      ]);
      expect(doc.issues[0].line).toBeGreaterThan(0);
    }
  });

  it('39 an edition that does not exist, an unknown standard and one standard named twice are each located errors', () => {
    expect(cli('coverage', plant({ 'GB 17167': '1999' })).doc.issues[0]).toMatchObject({ code: 'edition.unknown' });
    expect(cli('depth', plant({ 'GB 9999': '2006' })).doc.issues[0]).toMatchObject({ code: 'edition.unknownFamily' });
    const twice = cli('check', plant({ 'GB 17167': '2006', GB17167: '2006' }));
    expect(twice.code).toBe(2);
    expect(twice.doc.issues[0]).toMatchObject({ code: 'edition.twice', path: 'settings.editions.GB17167' });
  });

  it('40 the held editions, named in any spelling, are accepted; a campaign before 2026-02-01 carries no notice', () => {
    const all = plant({
      GB17167: '2006',
      'GB 24789': '2009',
      'GB/T 2589': '2008',
      'GB/T 12452': '2008',
      Yunnan: '2007',
    });
    const { code, doc } = cli('coverage', all);
    expect(code).toBe(0);
    expect(doc.editionNotices).toEqual([]);
  });
});
