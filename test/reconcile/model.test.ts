import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/model/graph.ts';
import { loadModel, parseModel } from '../../src/model/load.ts';
import { reconcileModel } from '../../src/reconcile/model.ts';
import { runCli, tempFile } from '../core/cli-helpers.ts';

const nodes = [
  { id: 'p', name: '厂', level: 1 },
  { id: 'a', name: 'A', level: 2, parent: 'p' },
  { id: 'b', name: 'B', level: 2, parent: 'p' },
];
const model = (flows: object[]) => ({ name: 't', nodes, flows });
const reconcile = (flows: object[], opts = {}) =>
  reconcileModel(buildGraph(loadModel(model(flows), 'test.json').model), opts).layers[0]!;
const byId = (l: ReturnType<typeof reconcile>, id: string) => l.flows.find((f) => f.id === id)!;

describe('reconcileModel on hand-made models', () => {
  const small = [
    { id: 'F1', from: null, to: 'a', layer: 'water', value: 100, sd: 1, unit: 't' },
    { id: 'F2', from: 'a', to: 'b', layer: 'water', value: 60000, sd: 1000, unit: 'kg' },
    { id: 'F3', from: 'a', to: null, layer: 'water', unit: 't' },
    { id: 'F4', from: 'b', to: null, layer: 'water', value: 58, sd: 1, unit: 't' },
  ];
  it('reports values in each flow’s own unit and classifies every flow', () => {
    const l = reconcile(small);
    expect(l.unit).toBe('t');
    expect(byId(l, 'F2')).toMatchObject({ unit: 'kg', measured: 60000, status: 'measured', redundant: true });
    expect(byId(l, 'F2').reconciled).toBeCloseTo(59000, 8);
    expect(byId(l, 'F2').reconciledSd).toBeCloseTo(1000 * Math.SQRT1_2, 8);
    expect(byId(l, 'F1')).toMatchObject({ reconciled: 100, status: 'measured', redundant: false, z: null });
    expect(byId(l, 'F3').status).toBe('estimated');
    expect(byId(l, 'F3').reconciled).toBeCloseTo(41, 10);
    expect(byId(l, 'F3').reconciledSd).toBeCloseTo(Math.sqrt(1.5), 10);
    // Only b has a balance: the plant node has no flows of its own, a reaches outside through F3.
    expect(l.global.dof).toBe(1);
    expect(l.global.chi2).toBeCloseTo(2, 10);
    expect(l.global.critical).toBeCloseTo(3.841458820645, 9);
    expect(l.global.pass).toBe(true);
    expect(l.nodalTest.rows.map((r) => r.nodes)).toEqual([['b']]);
  });

  it('says what it could not compute when the network forced the iterative solver', () => {
    const l = reconcile(small, { solver: 'pcg' });
    expect(byId(l, 'F2').reconciled).toBeCloseTo(59000, 6);
    expect(l.global.chi2).toBeCloseTo(2, 9);
    expect(byId(l, 'F2').z).toBeNull();
    expect(l.diagnosis.en.at(-1)).toMatch(
      /solved iteratively .* per-measurement tests, reconciled uncertainties and suspect ranking were not computed/,
    );
  });

  it('never invents a value for an unobservable flow', () => {
    const l = reconcile([
      { id: 'F1', from: null, to: 'a', layer: 'water', value: 10, sd: 1, unit: 't' },
      { id: 'U1', from: 'a', to: 'b', layer: 'water', unit: 't' },
      { id: 'U2', from: 'a', to: 'b', layer: 'water', unit: 't' },
      { id: 'F4', from: 'b', to: null, layer: 'water', value: 12, sd: 1, unit: 't' },
    ]);
    expect(byId(l, 'U1')).toMatchObject({ status: 'unobservable', reconciled: null, reconciledSd: null });
    expect(byId(l, 'U2')).toMatchObject({ status: 'unobservable', reconciled: null });
    expect(byId(l, 'F1').reconciled).toBeCloseTo(11, 10);
    expect(l.diagnosis.en.join('\n')).toMatch(/2 unmeasured flow\(s\) are unobservable.*U1, U2/);
  });

  const gross = (trusted: boolean) => [
    { id: 'F1', from: null, to: 'a', layer: 'water', value: 100, sd: 1, unit: 't', trusted },
    { id: 'F2', from: 'a', to: null, layer: 'water', value: 80, sd: 1, unit: 't' },
  ];
  it('names a suspect, with its value before and after exclusion and the equivalent explanations', () => {
    const l = reconcile(gross(false));
    expect(l.global.pass).toBe(false);
    expect(l.global.chi2).toBeCloseTo(200, 9);
    expect(l.suspects[0]).toMatchObject({
      rank: 1,
      kind: 'meter',
      flow: 'F1',
      measured: 100,
      reconciledAfter: 80,
      sdAfter: 1,
      passAfter: true,
    });
    expect(l.suspects[0]!.reconciledBefore).toBeCloseTo(90, 10);
    expect(l.suspects[0]!.equivalent).toEqual([
      { kind: 'meter', flow: 'F2' },
      { kind: 'leak', nodes: ['a'] },
    ]);
    expect(byId(l, 'F1')).toMatchObject({ suspect: true, reconciledWithoutSuspects: 80 });
    expect(l.diagnosis.zh[1]).toContain('嫌疑 1：流 F1 的计量值 100 t 可疑');
  });
  it('never names a trusted flow', () => {
    const l = reconcile(gross(true));
    expect(l.suspects.map((s) => s.flow)).toEqual(['F2']);
    expect(byId(l, 'F1')).toMatchObject({ trusted: true, suspect: false });
    expect(l.suspects[0]!.reconciledAfter).toBe(100);
  });
  it('names a leak when a node balance alone is off', () => {
    // a → b → p → outside with 100, 100.5, 80, 80.4 t: only b's own balance is off (a 20 t loss);
    // a meter between b and the outside would be indistinguishable from a leak, so b has none.
    const l = reconcile([
      { id: 'F1', from: null, to: 'a', layer: 'water', value: 100, sd: 1, unit: 't' },
      { id: 'F2', from: 'a', to: 'b', layer: 'water', value: 100.5, sd: 1, unit: 't' },
      { id: 'F3', from: 'b', to: 'p', layer: 'water', value: 80, sd: 1, unit: 't' },
      { id: 'F4', from: 'p', to: null, layer: 'water', value: 80.4, sd: 1, unit: 't' },
    ]);
    expect(l.global.pass).toBe(false);
    expect(l.suspects[0]!.kind).toBe('leak');
    expect(l.suspects[0]!.nodes).toEqual(['b']);
    expect(l.suspects[0]!.leakValue).toBeGreaterThan(19);
    expect(l.suspects[0]!.leakValue).toBeLessThan(21);
    expect(l.suspects[0]!.equivalent).toBeUndefined();
    expect(l.suspects[0]!.passAfter).toBe(true);
  });

  it('holds σ = 0 values as given and blames the balance they leave open', () => {
    // a: 5 in and 5 out held exactly (σ = 0), plus 1.0 ± 0.1 on to b, which sends 1.2 ± 0.1 out.
    const l = reconcile([
      { id: 'Z1', from: null, to: 'a', layer: 'water', value: 5, sd: 0, unit: 't' },
      { id: 'Z2', from: 'a', to: null, layer: 'water', value: 5, sd: 0, unit: 't' },
      { id: 'F3', from: 'a', to: 'b', layer: 'water', value: 1, sd: 0.1, unit: 't' },
      { id: 'F4', from: 'b', to: null, layer: 'water', value: 1.2, sd: 0.1, unit: 't' },
    ]);
    expect(byId(l, 'Z1')).toMatchObject({ fixed: true, reconciled: 5, reconciledSd: 0, z: null });
    expect(l.diagnosis.en.some((m) => m.includes('not redundant'))).toBe(false);
    // a's balance forces F3 = 0: a missing inflow of ≈1.1 t at a explains it (χ² 244 → 2).
    expect(l.global.chi2).toBeCloseTo(244, 9);
    expect(l.suspects[0]).toMatchObject({ kind: 'leak', nodes: ['a'], passAfter: true });
    expect(l.suspects[0]!.leakValue).toBeCloseTo(-1.1, 9);
  });

  it('reports a balance that cannot close with values held fixed', async () => {
    const flows = [
      { id: 'Z1', from: 'a', to: 'b', layer: 'water', value: 10, sd: 0, unit: 't' },
      { id: 'Z2', from: 'b', to: 'a', layer: 'water', value: 12, sd: 0, unit: 't' },
    ];
    const l = reconcile(flows);
    expect(l.inconsistent).toEqual([['a'], ['b']]);
    expect(l.diagnosis.en[0]).toBe(
      'The balance of node a cannot close with the values held fixed (σ = 0 or on a bound): check those values.',
    );
    const { code } = await runCli(['reconcile', tempFile(JSON.stringify(model(flows))), '--json']);
    expect(code).toBe(1);
  });

  it('keeps non-stock flows non-negative, honours max in the flow unit, lets a stock change go negative', () => {
    const l = reconcile([
      { id: 'F1', from: null, to: 'a', layer: 'water', value: 10, sd: 1, unit: 't' },
      { id: 'F2', from: 'a', to: null, layer: 'water', value: 2, sd: 5, unit: 't' },
      { id: 'F3', from: 'a', to: null, layer: 'water', value: 12, sd: 1, unit: 't' },
    ]);
    expect(l.activeBounds).toEqual([{ flow: 'F2', side: 'lower', bound: 0, unit: 't' }]);
    expect(byId(l, 'F2')).toMatchObject({ reconciled: 0, activeBound: 'lower' });
    expect(l.diagnosis.en.some((m) => m.includes('F2 is reconciled onto its lower bound 0 t'))).toBe(true);
    const capped = reconcile([
      { id: 'F1', from: null, to: 'a', layer: 'water', value: 10000, sd: 1000, unit: 'kg', max: 10500 },
      { id: 'F2', from: 'a', to: null, layer: 'water', value: 12, sd: 1, unit: 't' },
    ]);
    expect(byId(capped, 'F1')).toMatchObject({ reconciled: 10500, activeBound: 'upper' });
    expect(byId(capped, 'F2').reconciled).toBeCloseTo(10.5, 10);
    const stock = reconcile([
      { id: 'F1', from: null, to: 'a', layer: 'water', value: 10, sd: 1, unit: 't' },
      { id: 'F2', from: 'a', to: null, layer: 'water', value: 12, sd: 1, unit: 't' },
      { id: 'S', from: 'a', to: null, layer: 'water', value: -1, sd: 0.5, unit: 't', stock: true },
    ]);
    // r = 10 − 12 + 1 = −1, S = 2.25, λ = −1/2.25; x̂_S = −1 − 0.25·(1/2.25)
    expect(byId(stock, 'S').reconciled).toBeCloseTo(-1 - 0.25 / 2.25, 12);
    expect(stock.activeBounds).toEqual([]);
  });
});

describe('example plants', () => {
  const load = (name: string) => buildGraph(parseModel(readFileSync(`datasets/${name}.json`, 'utf8'), name).model);

  it('re-bases component flows on the reconciled carriers (dyeing COD = 5 mg/L × reconciled W02)', () => {
    const r = reconcileModel(load('dyeing'));
    const water = r.layers.find((l) => l.layer === 'water')!;
    const cod = r.layers.find((l) => l.layer === 'COD')!;
    const w02 = water.flows.find((f) => f.id === 'W02')!;
    const c02 = cod.flows.find((f) => f.id === 'W02.COD')!;
    // 5 mg/L × 1 000 L/t = 0.005 kg/t
    expect(c02.measured).toBeCloseTo(0.005 * w02.reconciled!, 9);
    expect(r.layers.every((l) => l.global.pass)).toBe(true);
  });
  it('a component layer asked alone reconciles its carrier layer first', () => {
    const only = reconcileModel(load('dyeing'), { layer: 'COD' });
    expect(only.layers.map((l) => l.layer)).toEqual(['COD']);
    const all = reconcileModel(load('dyeing'));
    expect(only.layers[0]!.global.chi2).toBeCloseTo(all.layers.find((l) => l.layer === 'COD')!.global.chi2, 12);
  });
  it('plating: the Ni balance of the wastewater station fails and names a suspect', () => {
    const ni = reconcileModel(load('plating'), { layer: 'Ni' }).layers[0]!;
    expect(ni.global.pass).toBe(false);
    // Sludge Ni, discharge Ni and a loss at the station explain the data equally well; the
    // smallest correction ranks first: sludge 50 → 83.4 kg rather than discharge 0.055 → 32.8 kg
    // (the anodes enter as a material flow since issue #12: 180.2 kg × 99.9 % Ni).
    expect(ni.suspects[0]).toMatchObject({ kind: 'meter', flow: 'SL1.Ni', measured: 50, passAfter: true });
    expect(ni.suspects[0]!.reconciledAfter).toBeCloseTo(83.394, 2);
    expect(ni.suspects[0]!.equivalent).toEqual([
      { kind: 'meter', flow: 'D01.Ni' },
      { kind: 'leak', nodes: ['wwtp'] },
    ]);
    expect(ni.afterElimination!.global.pass).toBe(true);
  });
});

describe('pingheng reconcile', () => {
  it('prints the DESIGN.md shape for one layer and exits 1 on a failed test', async () => {
    const { code, stdout } = await runCli(['reconcile', 'datasets/plating.json', '--layer', 'Ni', '--json']);
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['flows', 'global', 'unit']));
    expect(Object.keys(doc.flows[0])).toEqual(
      expect.arrayContaining(['id', 'measured', 'reconciled', 'sd', 'reconciledSd', 'status', 'z', 'suspect']),
    );
    expect(Object.keys(doc.global)).toEqual(expect.arrayContaining(['chi2', 'dof', 'critical', 'pass']));
  });
  it('prints { layers } without --layer and exits 0 when every test passes', async () => {
    const { code, stdout } = await runCli(['reconcile', 'datasets/dyeing.json', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).layers.map((l: { layer: string }) => l.layer)).toEqual(['water', 'energy', 'COD']);
  });
  it('human output marks suspects', async () => {
    const { stdout } = await runCli(['reconcile', 'datasets/plating.json', '--layer', 'Ni', '--lang', 'en']);
    expect(stdout).toMatch(/◀ suspect/);
    expect(stdout).toMatch(/fails the global test/);
  });
  it('exits 2 on an unknown layer, a bad --alpha and a malformed model', async () => {
    expect((await runCli(['reconcile', 'datasets/dyeing.json', '--layer', 'nope'])).code).toBe(2);
    expect((await runCli(['reconcile', 'datasets/dyeing.json', '--alpha', '1.5'])).code).toBe(2);
    const bad = tempFile('{"name": "x", "nodes": []');
    expect((await runCli(['reconcile', bad, '--json'])).code).toBe(2);
  });
});
