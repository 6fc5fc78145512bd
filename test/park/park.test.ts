import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPark, type InputError, loadModel, parsePark, type ModelInput, type ParkInput } from '../../src/index.ts';
import { runCli } from '../core/cli-helpers.ts';

/**
 * A 72 h plant A discharging to an annual treatment plant B.
 * A: water in 1 000 t, out 950 t to B (COD 200 mg/L, generated in A: derived), 50 t evaporated;
 * annual factor 8 760 / 72 = 121.667.
 * B: inlet 118 000 t/a (COD 190 mg/L), effluent 117 000 t/a.
 */
function plantA(): ModelInput {
  return {
    name: '甲厂',
    nameEn: 'Plant A',
    nodes: [{ id: 'a', name: '甲厂', level: 1 }],
    flows: [
      { id: 'WI', from: null, to: 'a', layer: 'water', carrier: 'fresh-water', value: 1000, unit: 't' },
      {
        id: 'WO',
        from: 'a',
        to: null,
        layer: 'water',
        carrier: 'wastewater',
        value: 950,
        unit: 't',
        components: { COD: { concentration: 200, unit: 'mg/L' } },
      },
      { id: 'EV', from: 'a', to: null, layer: 'water', carrier: 'evaporation', kind: 'loss', value: 50, unit: 't' },
      { id: 'GEN', name: '工艺产生的 COD', from: null, to: 'a', layer: 'COD', unit: 'kg', source: 'unmeasured' },
    ],
    campaign: { start: '2026-03-02T08:00:00+08:00', end: '2026-03-05T08:00:00+08:00' },
  };
}
function plantB(): ModelInput {
  return {
    name: '园区污水厂',
    nameEn: 'Park WWTP',
    nodes: [{ id: 'b', name: '污水厂', level: 1 }],
    flows: [
      {
        id: 'IN',
        from: null,
        to: 'b',
        layer: 'water',
        carrier: 'wastewater',
        value: 118000,
        unit: 't/a',
        components: { COD: { concentration: 190, unit: 'mg/L' } },
      },
      {
        id: 'EFF',
        from: 'b',
        to: null,
        layer: 'water',
        carrier: 'wastewater',
        kind: 'emission',
        value: 117000,
        unit: 't/a',
      },
      { id: 'DEG', from: 'b', to: null, layer: 'COD', kind: 'degraded', unit: 'kg/a' },
    ],
  };
}
function park(): ParkInput {
  return {
    name: '小园区',
    members: [
      { id: 'A', model: 'a.json' },
      { id: 'B', model: 'b.json', shared: true },
    ],
    links: [{ id: 'ww', name: '甲厂废水', from: [{ member: 'A', flow: 'WO' }], to: [{ member: 'B', flow: 'IN' }] }],
  };
}
const load = (m: ModelInput) => loadModel(m).model;
const run = (p: ParkInput = park(), a = plantA(), b = plantB()) =>
  checkPark(parsePark(JSON.stringify(p)), [
    { id: 'A', model: load(a) },
    { id: 'B', model: load(b) },
  ]);

describe('checkPark: a plant and a shared treatment plant', () => {
  const r = run();

  it('both ends of the link on a yearly basis, supplier as master', () => {
    const water = r.links.find((l) => l.layer === 'water')!;
    // A: 950 t × 8 760 / 72 = 115 583.3 t/a; B's inlet 118 000 t/a
    expect(water.from).toBeCloseTo((950 * 8760) / 72, 6);
    expect(water.to).toBe(118000);
    // (115 583.3 − 118 000) / 115 583.3 = −2.091 %, within 10 % (water master–sub tolerance)
    expect(water.relative).toBeCloseTo(((950 * 8760) / 72 - 118000) / ((950 * 8760) / 72), 12);
    expect(water).toMatchObject({ master: 'from', tolerancePct: 10, status: 'pass' });
    const cod = r.links.find((l) => l.layer === 'COD')!;
    // COD: 115 583.3 t × 200 mg/L = 23 116.7 kg/a against 118 000 × 190 = 22 420 kg/a → 3.01 %
    expect(cod.from).toBeCloseTo((950 * 8760 * 200) / 72 / 1000, 6);
    expect(cod.to).toBeCloseTo(22420, 9);
    expect(cod.status).toBe('pass');
  });

  it('the park boundary: in − out = the members’ and the link’s residuals', () => {
    const w = r.balances.find((b) => b.layer === 'water')!;
    // in: A's intake 1 000 × 121.667 = 121 666.7 t/a; out: A's evaporation 6 083.3 + B's effluent 117 000
    expect(w.in).toBeCloseTo((1000 * 8760) / 72, 6);
    expect(w.out).toBeCloseTo((50 * 8760) / 72 + 117000, 6);
    // residual −1 416.7 = link −2 416.7 + B's own +1 000; closure 1 416.7 / 121 666.7 = 1.164 %
    expect(w.residual).toBeCloseTo(-1416.6667, 3);
    expect(w.closure).toBeCloseTo(1416.6667 / 121666.6667, 8);
    expect(w.status).toBe('closed');
    const b = r.memberBalances.find((x) => x.node === 'B' && x.layer === 'water')!;
    expect(b.residual).toBeCloseTo(1000, 9);
  });

  it('members on their own: annual factor, own balances, indicators per year', () => {
    const a = r.members.find((m) => m.id === 'A')!;
    expect(a.annualFactor).toBeCloseTo(8760 / 72, 12);
    expect(a.balances.find((x) => x.layer === 'water')).toMatchObject({ in: 1000, out: 1000, status: 'closed' });
    // new water 1 000 t in 72 h = 121 666.7 t/a
    expect(a.indicators.newWater).toBeCloseTo((1000 * 8760) / 72, 6);
    expect(r.members.find((m) => m.id === 'B')!.annualFactor).toBe(1);
    expect(r.summary).toMatchObject({ members: 2, links: 1, linkRows: 2, linksFailed: 0, ok: true });
  });

  it('beyond the tolerance: the link fails and the park is not ok', () => {
    const b = plantB();
    b.flows[0]!.value = 135000; // (115 583.3 − 135 000) / 115 583.3 = −16.8 %
    const bad = run(park(), plantA(), b);
    const water = bad.links.find((l) => l.layer === 'water')!;
    expect(water.status).toBe('fail');
    expect(water.relative).toBeCloseTo(((950 * 8760) / 72 - 135000) / ((950 * 8760) / 72), 12);
    expect(bad.findings.map((f) => f.code)).toContain('park.linkFail');
    expect(bad.summary.ok).toBe(false);
  });

  it('the receiver as master, and a stated tolerance', () => {
    const p = park();
    p.links![0]!.master = 'to';
    p.links![0]!.tolerancePct = 2;
    const water = run(p).links.find((l) => l.layer === 'water')!;
    // (115 583.3 − 118 000) / 118 000 = −2.048 % > 2 %
    expect(water.relative).toBeCloseTo(((950 * 8760) / 72 - 118000) / 118000, 12);
    expect(water.status).toBe('fail');
  });

  it('a receiver given as a node: an unmeasured inflow is added, derived by difference — the link is then no check', () => {
    const p = park();
    p.links![0]!.to = [{ member: 'B', node: 'b' }];
    const b = plantB();
    b.flows.splice(0, 1);
    b.flows.pop();
    const r2 = run(p, plantA(), b);
    const water = r2.links.find((l) => l.layer === 'water')!;
    expect(water.status).toBe('incomplete');
    expect(water.derived).toEqual(['link/ww/B/b/water']);
    // B's node comes before the link's in the park model, so B's own balance derives it: = its effluent 117 000 t/a;
    // the link's network node is then the check: 115 583.3 − 117 000 = −1 416.7 t/a.
    expect(water.to).toBeCloseTo(117000, 6);
    expect(r2.summary.linksFailed).toBe(0);
  });

  it('the park COD: generated in A (derived there), degraded in B; the link residual is the park residual', () => {
    const cod = r.balances.find((b) => b.layer === 'COD')!;
    // in: A's derived generation 190 kg × 121.667 = 23 116.7 kg/a; out: B's derived degradation 22 420 kg/a
    expect(cod.in).toBeCloseTo((950 * 8760 * 200) / 72 / 1000, 6);
    expect(cod.out).toBeCloseTo(22420, 6);
    expect(cod.status).toBe('closed');
  });
});

describe('park input errors (located, exit 2)', () => {
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as InputError).issues.map((i) => `${i.code} ${i.path.join('.')}`);
    }
    return [];
  };

  it('unknown member, an end with both flow and node, duplicate ids: in the park file', () => {
    const p = park();
    p.links![0]!.to = [{ member: 'C', flow: 'IN' }];
    p.links![0]!.from = [{ member: 'A', flow: 'WO', node: 'a' }];
    p.members.push({ id: 'A', model: 'x.json' });
    expect(code(() => parsePark(JSON.stringify(p, null, 2)))).toEqual([
      'park.duplicateMember members.2.id',
      'park.endFlowOrNode links.0.from.0',
      'park.unknownMember links.0.to.0.member',
    ]);
  });

  it('link ends that do not fit the member: unknown flow or node, wrong direction', () => {
    const p = park();
    p.links![0]!.from = [{ member: 'A', flow: 'WI' }];
    p.links![0]!.to = [
      { member: 'B', flow: 'NOPE' },
      { member: 'B', node: 'zz' },
    ];
    expect(code(() => run(p))).toEqual([
      'park.notOutflow links.0.from.0.flow',
      'park.unknownFlow links.0.to.0.flow',
      'park.unknownNode links.0.to.1.node',
    ]);
  });

  it('a member without a balance period cannot be annualised', () => {
    const a = plantA();
    delete a.campaign;
    expect(code(() => run(park(), a))).toEqual(['park.noPeriod members.0.model']);
  });
});

describe('pingheng park', () => {
  const dir = join(tmpdir(), `pingheng-park-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const write = (name: string, doc: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(doc, null, 2));
    return file;
  };
  write('a.json', plantA());
  write('b.json', plantB());

  it('--json on a good park: exit 0', async () => {
    const r = await runCli(['park', write('park.json', park()), '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.links.map((l: { layer: string; status: string }) => [l.layer, l.status])).toEqual([
      ['water', 'pass'],
      ['COD', 'pass'],
    ]);
    expect(doc.members.map((m: { id: string; depth: { depth: string } }) => [m.id, m.depth.depth])).toEqual([
      ['A', 'estimated'],
      ['B', 'estimated'],
    ]);
  });

  it('a missing member file: the member, its path and the line in the park file', async () => {
    const p = park();
    p.members[1]!.model = 'gone.json';
    const r = await runCli(['park', write('p2.json', p), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /p2\.json:\d+: members\[1\]\.model: the model file .*gone\.json of member "B" cannot be read/,
    );
  });

  it('an invalid member file: named in the park file, then its own problems with its path inside', async () => {
    const bad = plantB();
    bad.flows[1]!.to = 'nowhere';
    write('bad.json', bad);
    const p = park();
    p.members[1]!.model = 'bad.json';
    const r = await runCli(['park', write('p3.json', p), '--json']);
    expect(r.code).toBe(2);
    const issues = JSON.parse(r.stdout).issues;
    expect(issues[0]).toMatchObject({ path: 'members[1].model', code: 'park.memberInvalid' });
    expect(issues[0].file).toMatch(/p3\.json$/);
    expect(issues[1]).toMatchObject({ path: 'flows[1].to', code: 'flow.unknownNode' });
    expect(issues[1].file).toMatch(/bad\.json$/);
    expect(issues[1].line).toBeGreaterThan(1);
  });

  it('a link to an unknown member node: exit 2 at the link end', async () => {
    const p = park();
    p.links![0]!.to = [{ member: 'B', node: 'b9' }];
    const r = await runCli(['park', write('p4.json', p)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/p4\.json:\d+: links\[0\]\.to\[0\]\.node: 成员 "B" 中没有节点 "b9"/);
  });
});

describe("the park's savings: members with before and after states (results' compareModels)", () => {
  it('the park total is the sum of the members’ savings per year', async () => {
    const { compareModels } = await import('../../src/index.ts');
    const { readFileSync } = await import('node:fs');
    const before = loadModel(JSON.parse(readFileSync('datasets/coating.json', 'utf8'))).model;
    const after = loadModel(JSON.parse(readFileSync('datasets/coating-after.json', 'utf8'))).model;
    const c = compareModels({ model: before, file: 'b' }, { model: after, file: 'a' });
    const vocs = c.savings.pollutants.VOCs!.generation.perYear.t!;
    // the coating pair: 156.93 t/a less VOCs generated (docs/vocs.md's example)
    expect(vocs).toBeCloseTo(156.934, 2);
    const p = parsePark(
      JSON.stringify({
        name: '涂装园区',
        members: [
          { id: 'c1', model: 'x', before: 'b', after: 'a' },
          { id: 'c2', model: 'x', before: 'b', after: 'a' },
          { id: 'A', model: 'a.json' },
        ],
      }),
    );
    const r = checkPark(
      p,
      [
        { id: 'c1', model: after, before, after },
        { id: 'c2', model: after, before, after },
        { id: 'A', model: load(plantA()) },
      ],
      { metering: false },
    );
    expect(r.savings!.members.map((m) => m.member)).toEqual(['c1', 'c2']);
    expect(r.savings!.total.pollutants.VOCs!.generation).toBeCloseTo(2 * vocs, 9);
    expect(r.savings!.total.energyTce).toBeCloseTo(2 * c.savings.energy.perYear.tce!, 9);
    expect(run().savings).toBeNull();
  });
});
