import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { advise, applyAdvice, loadModel, redundancyAdvice, type ModelInput } from '../../src/index.ts';
import { runCli, tempFile } from '../core/cli-helpers.ts';
import { waterWorkshop } from './fixtures.ts';

const RANK = ['estimated', 'simple', 'key', 'full'];
const dataset = (name: string): ModelInput => JSON.parse(readFileSync(`datasets/${name}.json`, 'utf8'));
const load = (m: ModelInput) => loadModel(m).model;

describe('advise --for depth: the fewest meters, by hand', () => {
  it('the water workshop: two of d3–d5 close level 3 (2/5 → 4/5 = 80 %; Km 800 → 1 000 of 1 100 t = 90.9 % ≥ 85 %)', () => {
    const r = advise(load(waterWorkshop()), 'key');
    expect(r.add).toHaveLength(2);
    for (const a of r.add) expect(['W-d3', 'W-d4', 'W-d5']).toContain(a.flow);
    expect(r.add[0]).toMatchObject({ level: 3, requiredClass: '2.5' });
    expect(r).toMatchObject({ target: 'key', from: 'simple', optimal: true, cost: 2, bound: 2, reached: true });
  });

  it('costs decide which two: a flow of its own price, DN bands of the carrier', () => {
    const m = load(waterWorkshop());
    const byFlow = advise(m, 'key', {
      costs: { source: 'test quotation', flows: { 'W-d3': 5000, 'W-d4': 800, 'W-d5': 900 } },
    });
    expect(byFlow.add.map((a) => a.flow).sort()).toEqual(['W-d4', 'W-d5']);
    expect(byFlow).toMatchObject({ objective: 'cost', cost: 1700, optimal: true, costSource: 'test quotation' });
    const input = waterWorkshop();
    input.flows.find((f) => f.id === 'W-d4')!.meta = { dn: 150 };
    const banded = advise(load(input), 'key', {
      costs: {
        source: 'bands',
        add: {
          'fresh-water': {
            dn: [
              [50, 800],
              [200, 3000],
            ],
            default: 800,
          },
        },
      },
    });
    // d4 at DN 150 falls in the ≤ 200 band (3 000); d3 and d5 have no DN: the carrier's default 800 each
    expect(banded.add.map((a) => a.flow).sort()).toEqual(['W-d3', 'W-d5']);
    expect(banded.cost).toBe(1600);
  });

  it('dyeing: the stenter meter ME41 only lapsed its verification — re-verifying it is enough', () => {
    // datasets/README.md: ME41 lapsed on 2026-02-28, before the campaign; stenter electricity at level 3 is 4/5 < 95 %.
    const r = advise(load(dataset('dyeing')), 'full');
    expect(r.reverify).toEqual(['ME41']);
    expect(r.add).toEqual([]);
    expect(r.reverifyActions[0]).toMatchObject({ flow: 'E41', level: 3, meter: 'ME41' });
    expect(r.reaches).toBe('full');
  });

  it('boiler: flue-gas meters on FG1, G11, G12, the oxidation air AIR-OX and discharge meters on W04, BD1, BD2 (datasets/README.md)', () => {
    const r = advise(load(dataset('boiler')), 'simple');
    // Annex 2 counts each gaseous material: the flue gas and the oxidation air (calculated from the blower curve)
    expect(r.add.map((a) => a.flow).sort()).toEqual(['AIR-OX', 'BD1', 'BD2', 'FG1', 'G11', 'G12', 'W04']);
    expect(r.optimal).toBe(true);
    expect(r.from).toBe('estimated');
  });

  it('plating: key needs a qualified team, which no meter gives — listed as a campaign change — and the nickel drag-out measured', () => {
    const r = advise(load(dataset('plating')), 'key');
    // ND1, the nickel leaving the bath with the drag-out, is a liquid main material at level 3 (Annex 2 90 %)
    expect(r.add.map((a) => a.flow)).toEqual(['ND1']);
    expect(r.campaign.map((c) => [c.change, c.to])).toEqual([['performedBy', 'qualified-team']]);
    expect(r.reached).toBe(true);
  });
});
describe('advise under a superseded edition', () => {
  it('a campaign after 2026-02-01 (GB 17167-2025 in force, its tables not held) carries the notice with the verdict', () => {
    // dyeing.json's campaign is 2026-03-02..05, after GB 17167-2025 took effect (STANDARDS §7): the advice's
    // "reaches" is judged under the 2006 tables and must say so, as the depth and coverage verdicts do.
    const r = advise(load(dataset('dyeing')), 'key');
    expect(r.editionNotices).toEqual([
      expect.objectContaining({ code: 'edition.superseded', used: '2006', inForce: '2025', since: '2026-02-01' }),
    ]);
    const input = dataset('dyeing');
    input.campaign = { ...input.campaign!, start: '2025-11-02T08:00:00+08:00', end: '2025-11-05T08:00:00+08:00' };
    expect(advise(load(input), 'key').editionNotices).toEqual([]);
  });
});

describe('pingheng advise: --json, and the round trip through pingheng depth', () => {
  const cases: [string, ModelInput][] = [
    ['dyeing', dataset('dyeing')],
    ['plating', dataset('plating')],
    ['boiler', dataset('boiler')],
    ['water workshop', waterWorkshop()],
  ];
  for (const [name, input] of cases)
    for (const target of ['simple', 'key', 'full'])
      it(`${name} → ${target}: after the listed meters, depth gives at least ${target}`, async () => {
        const file = tempFile(JSON.stringify(input));
        const r = await runCli(['advise', file, '--target', target, '--json']);
        expect(r.code).toBe(0);
        const doc = JSON.parse(r.stdout);
        expect(doc).toMatchObject({ target, optimal: true });
        for (const a of doc.add)
          expect(a).toEqual(
            expect.objectContaining({
              flow: expect.any(String),
              level: expect.any(Number),
              reason: expect.any(String),
            }),
          );
        const after = applyAdvice(load(input), doc);
        const depth = await runCli(['depth', tempFile(JSON.stringify(after)), '--json']);
        const verdict = JSON.parse(depth.stdout).depth;
        expect(verdict).toBe(doc.reaches);
        expect(RANK.indexOf(verdict)).toBeGreaterThanOrEqual(RANK.indexOf(target));
      });

  it('no audit focus: key and full are impossible (exit 2, the reason); simple is not', async () => {
    const m = dataset('dyeing');
    for (const n of m.nodes) delete n.auditFocus;
    const file = tempFile(JSON.stringify(m));
    const r = await runCli(['advise', file, '--target', 'key']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('需要审核重点');
    const en = await runCli(['advise', file, '--target', 'full', '--json', '--lang', 'en']);
    expect(JSON.parse(en.stdout).issues[0]).toMatchObject({ code: 'advice.noFocus' });
    expect((await runCli(['advise', file, '--target', 'simple'])).code).toBe(0);
  });

  it('bad --target, a cost table without a source: exit 2, located', async () => {
    const file = tempFile(JSON.stringify(waterWorkshop()));
    expect((await runCli(['advise', file, '--target', 'best'])).stderr).toContain('--target 应为 simple、key 或 full');
    const costs = tempFile(JSON.stringify({ flows: { 'W-d3': -1 } }, null, 2));
    const r = await runCli(['advise', file, '--costs', costs, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/source: the cost table needs a source/);
    expect(r.stderr).toMatch(/:3: flows\["W-d3"\]: must be a positive number/);
  });

  it('human output names the meter to re-verify and its flow by name, Chinese and English', async () => {
    const file = tempFile(JSON.stringify(dataset('dyeing')));
    const zh = await runCli(['advise', file, '--target', 'full']);
    expect(zh.stdout).toContain('定型机用电 (E41) 上的 ME41 仅检定过期：重新检定即可');
    expect(zh.stdout).toContain('已证明为最少');
    const en = await runCli(['advise', file, '--target', 'full', '--lang', 'en']);
    expect(en.stdout).toContain('ME41 on electricity to stenter 1 (E41) has only lapsed its verification');
  });
});

describe('advise --for redundancy', () => {
  /**
   * a (L2) sends water to b (L2) by two unmeasured pipes F2, F3 (a loop with each other); b discharges F4,
   * unmeasured; F1 into a and F5 out of a are metered. Observability: one of F2/F3 must be metered (the loop);
   * F4 then follows from b's balance. With b in the audit focus, F2, F3 and F4 must all be metered — and then
   * each is checked by b's balance (F2 + F3 = F4) and a's (F1 = F2 + F3 + F5): redundant.
   */
  const loop = (focus: boolean): ModelInput => ({
    name: 'loop',
    nodes: [
      { id: 'p', name: '全厂', level: 1 },
      { id: 'a', name: 'A', level: 2, parent: 'p' },
      { id: 'b', name: 'B', level: 2, parent: 'p', ...(focus ? { auditFocus: true } : {}) },
    ],
    flows: [
      {
        id: 'F1',
        from: null,
        to: 'a',
        layer: 'water',
        carrier: 'fresh-water',
        value: 100,
        unit: 't',
        source: 'metered',
      },
      { id: 'F2', from: 'a', to: 'b', layer: 'water', carrier: 'fresh-water', unit: 't' },
      { id: 'F3', from: 'a', to: 'b', layer: 'water', carrier: 'fresh-water', unit: 't' },
      { id: 'F4', from: 'b', to: null, layer: 'water', carrier: 'wastewater', unit: 't' },
      { id: 'F5', from: 'a', to: null, layer: 'water', carrier: 'wastewater', value: 10, unit: 't', source: 'metered' },
    ],
  });

  it('one meter breaks the loop', () => {
    const r = redundancyAdvice(load(loop(false)));
    expect(r.add).toHaveLength(1);
    expect(['F2', 'F3']).toContain(r.add[0]!.flow);
    expect(r.layers[0]).toMatchObject({
      layer: 'water',
      unobservable: ['F2', 'F3'],
      after: { unobservable: [], focusNotRedundant: [] },
    });
    expect(r).toMatchObject({ reached: true, optimal: true, cost: 1 });
  });

  it('with b the audit focus: F2, F3 and F4, each then redundant (checked by the reconcile classification)', () => {
    const r = redundancyAdvice(load(loop(true)));
    expect(r.add.map((a) => [a.flow, a.why])).toEqual([
      ['F2', 'focus'],
      ['F3', 'focus'],
      ['F4', 'focus'],
    ]);
    expect(r.layers[0]!.after).toEqual({ unobservable: [], focusNotRedundant: [] });
    expect(r.reached).toBe(true);
  });

  it('the example plants: every layer observable and its focus redundant afterwards (CLI)', async () => {
    for (const name of ['dyeing', 'plating', 'boiler']) {
      const r = await runCli(['advise', tempFile(JSON.stringify(dataset(name))), '--for', 'redundancy', '--json']);
      expect(r.code, name).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc.reached).toBe(true);
      expect(doc.optimal).toBe(true);
      for (const l of doc.layers) expect(l.after).toEqual({ unobservable: [], focusNotRedundant: [] });
    }
  });
});
