import { describe, expect, it } from 'vitest';
import { generatedAt, judge, vocsPlan } from '../../src/vocs/index.ts';
import { buildGraph, loadModel } from '../../src/index.ts';
import { runCli, tempFile } from '../core/cli-helpers.ts';
import { check, lineModel } from './fixture.ts';

describe('VOCs solvent balance: every formula by hand (test/vocs/fixture.ts)', () => {
  const r = check(lineModel());
  const v = r.vocs!;
  const booth = v.units.find((u) => u.node === 'booth')!;
  const rto = v.treatments.find((u) => u.node === 'rto')!;

  it('generated = Σ use × content − product − waste − recovery', () => {
    // 1 000 kg × 40 % = 400 kg in; 100 × 10 % = 10 (waste), 500 × 0.4 % = 2 (product), 50 × 96 % = 48 (recovered)
    expect(booth.input).toBeCloseTo(400, 10);
    expect(booth.waste).toBeCloseTo(10, 10);
    expect(booth.product).toBeCloseTo(2, 10);
    expect(booth.recovered).toBeCloseTo(48, 10);
    expect(booth.generated).toBeCloseTo(400 - 10 - 2 - 48, 10); // 340
  });

  it('captured = generated × capture efficiency; fugitive = generated − captured', () => {
    expect(booth.captureEfficiency).toBe(0.8);
    expect(booth.captureBasis).toBe('design');
    expect(booth.captured).toBeCloseTo(340 * 0.8, 10); // 272
    expect(booth.fugitive).toBeCloseTo(340 - 272, 10); // 68
  });

  it('destroyed = captured × removal efficiency; organised = captured × (1 − removal efficiency)', () => {
    expect(rto.captured).toBeCloseTo(272, 10);
    expect(rto.removed).toBeCloseTo(272 * 0.95, 10); // 258.4
    expect(rto.destroyed).toBeCloseTo(258.4, 10);
    expect(rto.organised).toBeCloseTo(272 * 0.05, 10); // 13.6
    expect(booth.removed).toBeCloseTo(258.4, 10);
    expect(booth.organised).toBeCloseTo(13.6, 10);
    expect(booth.treatment).toBe('rto');
  });

  it('total = organised + fugitive, and per unit product', () => {
    expect(booth.emitted).toBeCloseTo(13.6 + 68, 10); // 81.6
    expect(v.total).toMatchObject({ input: 400, residual: 0 });
    expect(v.total.emitted).toBeCloseTo(81.6, 10);
    expect(v.total.captureRate).toBeCloseTo(0.8, 12);
    expect(v.total.removalRate).toBeCloseTo(0.95, 12);
    const p = v.perProduct[0]!;
    expect(p.perUnit).toBe('kg/m2');
    expect(p.generated).toBeCloseTo(340 / 2000, 12); // 0.17 kg/m²
    expect(p.emitted).toBeCloseTo(81.6 / 2000, 12); // 0.0408 kg/m²
    expect(p.fugitive).toBeCloseTo(68 / 2000, 12);
  });

  it('per year: period total × annualHours / periodHours, in t/a', () => {
    // 7 200 h / 72 h = 100; 81.6 kg × 100 = 8 160 kg = 8.16 t/a
    expect(v.annual!.factor).toBeCloseTo(100, 12);
    expect(v.annual!.emitted).toBeCloseTo(8.16, 10);
    expect(v.annual!.generated).toBeCloseTo(34, 10);
  });

  it('the stack monitoring checks the organised emission: 15.0 vs 13.6 kg is +10.3 %, within 20 %', () => {
    expect(rto.monitored).toBe(15);
    expect(rto.relative).toBeCloseTo((15 - 13.6) / 13.6, 12);
    expect(rto.status).toBe('pass');
    expect(r.summary.ok).toBe(true);
    // the efficiencies feed the engine's own component balance: the booth's fugitive is derived there
    expect(r.derived.find((d) => d.flow === 'U')!.value).toBeCloseTo(68, 10);
    expect(v.calculated.map((c) => [c.flow, c.basis])).toEqual([
      ['C', 'capture'],
      ['D', 'removal'],
    ]);
  });

  it('helpers: generatedAt on the plan, judge against a tolerance', () => {
    const graph = buildGraph(loadModel(lineModel()).model);
    const plan = vocsPlan(graph)!;
    const values = new Float64Array(graph.flows.map((f) => f.value ?? Number.NaN));
    expect(generatedAt(plan.emitting[0]!, values)).toBeCloseTo(340, 10);
    expect(judge(15, 13.6, 20)).toEqual({ relative: (15 - 13.6) / 13.6, pass: true });
    expect(judge(15, 13.6, 10).pass).toBe(false);
    expect(judge(0, 0, 5)).toEqual({ relative: null, pass: true });
  });
});

describe('stack monitoring that contradicts the balance is a finding naming the unit', () => {
  it('at a 5 % tolerance the +10.3 % stack difference fails; check exits 1', async () => {
    const m = lineModel();
    m.settings.vocs = { monitoringTolerancePct: 5 };
    const r = check(m);
    const f = r.findings.find((x) => x.code === 'vocs.finding.stack')!;
    expect(f).toMatchObject({ severity: 'error', node: 'rto', layer: 'VOCs' });
    expect(f.message.zh).toContain('RTO');
    expect(f.message.zh).toContain('10.3%');
    expect(r.vocs!.treatments[0]!.status).toBe('fail');
    expect(r.summary.ok).toBe(false);
    const cli = await runCli(['check', tempFile(JSON.stringify(m)), '--json']);
    expect(cli.code).toBe(1);
    const doc = JSON.parse(cli.stdout);
    expect(
      doc.findings.some((x: { code: string; node: string }) => x.code === 'vocs.finding.stack' && x.node === 'rto'),
    ).toBe(true);
    expect(doc.vocs.treatments[0].organised).toBeCloseTo(13.6, 10);
  });

  it('a stack far above the balance (30 kg, +121 %) fails at the default 20 %', () => {
    const m = lineModel();
    m.flows.find((f: { id: string }) => f.id === 'S').value = 30;
    const r = check(m);
    expect(r.vocs!.treatments[0]!.relative).toBeCloseTo((30 - 13.6) / 13.6, 12);
    expect(r.findings.map((f) => f.code)).toContain('vocs.finding.stack');
  });
});

describe('efficiencies derived from measurements', () => {
  it('no removal efficiency, monitored stack: removal = (captured − stack) / captured', () => {
    const m = lineModel();
    delete m.nodes[3].vocs;
    const r = check(m);
    const rto = r.vocs!.treatments[0]!;
    // destroyed by difference at the RTO: 272 − 15 = 257; η = 257 / 272
    expect(rto.removalEfficiency).toBeCloseTo(257 / 272, 12);
    expect(rto).toMatchObject({ removalBasis: 'derived', status: 'derived' });
    expect(r.vocs!.units[0]!.organised).toBeCloseTo(15, 10);
  });

  it('a measured captured stream checks the capture efficiency (255 vs 272 kg: −6.25 %)', () => {
    const m = lineModel();
    m.flows.find((f: { id: string }) => f.id === 'C').value = 255;
    m.flows.find((f: { id: string }) => f.id === 'C').source = 'monitored';
    const r = check(m);
    const c = r.vocs!.captureChecks[0]!;
    expect(c).toMatchObject({ node: 'booth', measured: 255, pass: true });
    expect(c.expected).toBeCloseTo(272, 10);
    expect(c.relative).toBeCloseTo(-17 / 272, 12);
    expect(r.vocs!.units[0]!.fugitive).toBeCloseTo(340 - 255, 10);
    m.settings.vocs = { monitoringTolerancePct: 5 };
    expect(check(m).findings.map((f) => f.code)).toContain('vocs.finding.captured');
  });

  it('no capture efficiency, measured captured stream: capture = captured / generated', () => {
    const m = lineModel();
    delete m.nodes[2].vocs;
    m.flows.find((f: { id: string }) => f.id === 'C').value = 255;
    const u = check(m).vocs!.units[0]!;
    expect(u.captureEfficiency).toBeCloseTo(255 / 340, 12);
    expect(u.captureBasis).toBe('derived');
  });
});

describe('other treatment and capture arrangements', () => {
  it('activated carbon: what it removes goes into the spent carbon (waste), not destroyed', () => {
    const m = lineModel();
    m.nodes[3].vocs.removal = { efficiency: 0.85, source: 'design', technology: 'activated-carbon' };
    m.flows.find((f: { id: string }) => f.id === 'D').kind = 'waste';
    m.flows.find((f: { id: string }) => f.id === 'S').value = 40.8; // 272 × 0.15
    const v = check(m).vocs!;
    expect(v.treatments[0]!.toWaste).toBeCloseTo(272 * 0.85, 10); // 231.2
    expect(v.treatments[0]!.destroyed).toBe(0);
    expect(v.total.waste).toBeCloseTo(10 + 231.2, 10);
    expect(v.total.organised).toBeCloseTo(40.8, 10);
    expect(v.treatments[0]!.relative).toBeCloseTo(0, 10);
  });

  it('captured and vented untreated: organised = captured', () => {
    const m = lineModel();
    m.nodes.pop();
    m.flows = m.flows.filter((f: { id: string }) => f.id !== 'D' && f.id !== 'S');
    m.flows.find((f: { id: string }) => f.id === 'C').to = null;
    const v = check(m).vocs!;
    expect(v.units[0]!.organised).toBeCloseTo(272, 10);
    expect(v.units[0]!.removalEfficiency).toBe(0);
    expect(v.total.organised).toBeCloseTo(272, 10);
    expect(v.total.emitted).toBeCloseTo(340, 10);
    expect(v.total.residual).toBeCloseTo(0, 10);
  });

  it('a capture efficiency above the reference for its method is a warning, not a failure', () => {
    const m = lineModel();
    m.nodes[2].vocs.capture.method = 'enclosing-hood-slow'; // reference 60 % (Guangdong 2023 Table 23 [S])
    const r = check(m);
    const f = r.findings.find((x) => x.code === 'vocs.finding.aboveReference')!;
    expect(f).toMatchObject({ severity: 'warning', node: 'booth' });
    expect(f.message.zh).toContain('60%');
    expect(r.summary.ok).toBe(true);
  });

  it('an unknown input leaves the row null (never NaN) with a warning', () => {
    const m = lineModel();
    delete m.flows[0].value;
    m.flows[0].source = 'unmeasured';
    const r = check(m);
    const u = r.vocs!.units[0]!;
    expect(u.generated).toBeNull();
    expect(u.fugitive).toBeNull();
    expect(u.unknown).toContain('P.VOCs');
    expect(r.findings.map((f) => f.code)).toContain('vocs.finding.indeterminate');
    expect(JSON.stringify(r.vocs)).not.toMatch(/NaN|Infinity/);
  });

  it('a model without a VOCs layer has no vocs section', () => {
    const m = lineModel();
    m.flows = m.flows.filter((f: { layer: string }) => f.layer === 'material');
    for (const f of m.flows) delete f.components;
    m.nodes[2].vocs = undefined;
    m.nodes[3].vocs = undefined;
    expect(check(m).vocs).toBeUndefined();
  });
});

describe('the report tables (src/vocs/tables.ts): one column set for CLI, web and report', () => {
  it('the units table of the hand model, in English', async () => {
    const { vocsTables } = await import('../../src/index.ts');
    const tables = vocsTables(check(lineModel()).vocs!, 'en');
    expect(tables.map((x) => x.id)).toEqual(['vocs-materials', 'vocs-units', 'vocs-treatments', 'vocs-balance']);
    const units = tables[1]!;
    const cell = (row: number, key: string) => units.rows[row]!.cells[units.columns.findIndex((c) => c.key === key)];
    expect(cell(0, 'unit')).toBe('Spray booth');
    expect(cell(0, 'carried')).toBeCloseTo(10 + 2 + 48, 10);
    expect(cell(0, 'generated')).toBeCloseTo(340, 10);
    expect(cell(0, 'captureEfficiency')).toBeCloseTo(80, 10); // percent
    expect(cell(0, 'basis')).toBe('design');
    expect(cell(0, 'removalEfficiency')).toBeCloseTo(95, 10);
    expect(cell(0, 'emitted')).toBeCloseTo(81.6, 10);
    expect(units.rows[1]!.total).toBe(true);
    expect(units.notes.join('\n')).toContain('0.0408 kg/m2');
    const treatment = tables[2]!.rows[0]!;
    expect(treatment.status).toBe('pass');
    expect(treatment.cells[tables[2]!.columns.findIndex((c) => c.key === 'relative')]).toBeCloseTo(
      ((15 - 13.6) / 13.6) * 100,
      10,
    );
  });
});
