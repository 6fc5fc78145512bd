import { describe, expect, it } from 'vitest';
import { closureError, type ModelInput } from '../../src/index.ts';
import { balanceOf, check } from './helpers.ts';

const plant = (extra: Partial<ModelInput> = {}): ModelInput => ({
  name: 'test plant',
  nodes: [
    { id: 'plant', name: '全厂', level: 1 },
    { id: 'ws', name: '车间', level: 2, parent: 'plant' },
    { id: 'dev', name: '设备', level: 3, parent: 'ws' },
    { id: 'ws2', name: '车间2', level: 2, parent: 'plant' },
  ],
  flows: [],
  ...extra,
});

describe('closureError', () => {
  it('is |in − out − Δstock| / in', () => {
    expect(closureError(100, 96, 0)).toBeCloseTo(0.04, 15);
    expect(closureError(100, 90, 5)).toBeCloseTo(0.05, 15);
    expect(closureError(0, 10, 0)).toBe(1);
    expect(closureError(0, 0, 0)).toBe(0);
  });
});

describe('material balance with a stock change', () => {
  // Coal: 680 t received, 28 t into stock, 645 t fired → residual 7 t, closure 7/680 = 1.029 %.
  const r = check(
    plant({
      flows: [
        { id: 'C1', from: null, to: 'ws', layer: 'material', phase: 'solid', value: 680, unit: 't' },
        { id: 'C2', from: 'ws', to: null, layer: 'material', phase: 'solid', value: 28, unit: 't', stock: true },
        { id: 'C3', from: 'ws', to: 'ws2', layer: 'material', phase: 'solid', value: 645000, unit: 'kg' },
        { id: 'C4', from: 'ws2', to: null, layer: 'material', phase: 'solid', value: 645, unit: 't' },
      ],
    }),
  );
  it('gives in, out, Δstock, residual and closure at the workshop', () => {
    const b = balanceOf(r, 'ws', 'material');
    expect(b.in).toBe(680);
    expect(b.out).toBeCloseTo(645, 12);
    expect(b.stockChange).toBe(28);
    expect(b.residual).toBeCloseTo(7, 10);
    expect(b.closure).toBeCloseTo(7 / 680, 12);
    expect(b.status).toBe('closed');
  });
  it('counts the child stock change at the plant and leaves internal transfers out', () => {
    const b = balanceOf(r, 'plant', 'material');
    expect(b.in).toBe(680);
    expect(b.out).toBe(645); // C3 is internal to the plant
    expect(b.stockChange).toBe(28);
    expect(b.inputs.map((t) => t.flow)).toEqual(['C1']);
  });
});

describe('water balance across levels with a flow computed by difference', () => {
  // A device fed from outside the plant: the flow crosses the device's, the workshop's and the plant's boundaries.
  const r = check(
    plant({
      flows: [
        { id: 'W1', from: null, to: 'dev', layer: 'water', value: 200, unit: 'm3' },
        { id: 'W2', from: 'dev', to: null, layer: 'water', value: 190, unit: 't' },
        { id: 'W3', from: null, to: 'ws', layer: 'water', value: 1000, unit: 't' },
        { id: 'W4', from: 'ws', to: null, layer: 'water', unit: 't' },
      ],
    }),
  );
  it('the device balance: 200 in, 190 out, 5 %', () => {
    const b = balanceOf(r, 'dev', 'water');
    expect(b.closure).toBeCloseTo(0.05, 12);
    expect(b.status).toBe('closed'); // 5 % ≤ 5 %
  });
  it("derives W4 from the workshop's own region (1000), not from its boundary (1010)", () => {
    expect(r.derived).toEqual([expect.objectContaining({ flow: 'W4', value: 1000, derivedAt: 'ws' })]);
    const ws = balanceOf(r, 'ws', 'water');
    expect(ws.in).toBe(1200);
    expect(ws.out).toBe(1190);
    expect(ws.residual).toBeCloseTo(10, 12); // the device's residual, inherited
    expect(ws.derived).toEqual(['W4']);
    expect(
      balanceOf(r, 'plant', 'water')
        .inputs.map((t) => t.flow)
        .sort(),
    ).toEqual(['W1', 'W3']);
  });
});

describe('open balances, culprits and advice', () => {
  const r = check(
    plant({
      flows: [
        { id: 'A', from: null, to: 'ws2', layer: 'water', value: 100, unit: 't', sd: 1 },
        { id: 'B', from: 'ws2', to: null, layer: 'water', value: 80, unit: 't', sd: 10 },
      ],
    }),
  );
  const b = balanceOf(r, 'ws2', 'water');
  it('is open at 20 % and ranks B (2σ) before A (20σ)', () => {
    expect(b.status).toBe('open');
    expect(b.closure).toBeCloseTo(0.2, 12);
    expect(b.contributors.map((c) => [c.flow, c.sigmasToExplain])).toEqual([
      ['B', 2],
      ['A', 20],
    ]);
    expect(b.advice).toContain('advice.missingOutput');
    expect(r.summary.ok).toBe(false);
    expect(r.findings.map((f) => [f.code, f.node, f.layer])).toEqual([
      ['finding.open', 'plant', 'water'],
      ['finding.open', 'ws2', 'water'],
    ]);
    expect(r.findings[1]!.message.zh).toBe('车间2 的水平衡不闭合：误差 20.0%，超过允许的 5%');
  });
  it('a negative flow computed by difference is a finding', () => {
    const n = check(
      plant({
        flows: [
          { id: 'A', from: null, to: 'ws2', layer: 'water', value: 100, unit: 't' },
          { id: 'B', from: 'ws2', to: null, layer: 'water', value: 120, unit: 't' },
          { id: 'C', from: 'ws2', to: null, layer: 'water', unit: 't' },
        ],
      }),
    );
    expect(n.derived[0]).toMatchObject({ flow: 'C', value: -20, negative: true });
    expect(balanceOf(n, 'ws2', 'water').status).toBe('open');
    expect(n.findings.map((f) => f.code)).toContain('finding.negativeDerived');
  });
  it('two unknowns in one region are indeterminate, and listed', () => {
    const n = check(
      plant({
        flows: [
          { id: 'A', from: null, to: 'ws2', layer: 'water', value: 100, unit: 't' },
          { id: 'B', from: 'ws2', to: null, layer: 'water', unit: 't' },
          { id: 'C', from: 'ws2', to: null, layer: 'water', unit: 't' },
        ],
      }),
    );
    const nb = balanceOf(n, 'ws2', 'water');
    expect(nb.status).toBe('indeterminate');
    expect(nb.unknown).toEqual(['B', 'C']);
    expect(n.findings[0]!.severity).toBe('warning');
  });
});

describe('energy balance in tce, both ways', () => {
  // Boiler: 100 t coal at LHV 20 900 kJ/kg = 2 090 GJ = 71.314 tce; steam 700 t × 2.338 GJ/t = 1 636.6 GJ;
  // losses 250 GJ + 150 GJ; electricity 5 000 kWh (0.6145 tce 当量值, 2.02 tce 等价值) ends as losses.
  const r = check(
    plant({
      flows: [
        {
          id: 'E1',
          from: null,
          to: 'dev',
          layer: 'energy',
          carrier: 'raw-coal',
          value: 100,
          unit: 't',
          lhv: { value: 20900, unit: 'kJ/kg' },
        },
        { id: 'E2', from: null, to: 'dev', layer: 'energy', carrier: 'electricity', value: 5000, unit: 'kWh' },
        {
          id: 'E3',
          from: 'dev',
          to: null,
          layer: 'energy',
          carrier: 'steam',
          kind: 'product',
          value: 700,
          unit: 't',
          lhv: { value: 2.338, unit: 'GJ/t' },
        },
        { id: 'E4', from: 'dev', to: null, layer: 'energy', kind: 'loss', value: 250, unit: 'GJ' },
        { id: 'E5', from: 'dev', to: null, layer: 'energy', kind: 'loss', value: 150, unit: 'GJ' },
      ],
    }),
  );
  const b = balanceOf(r, 'dev', 'energy');
  const coal = (100e3 * 20900) / 29307 / 1000;
  const elecEq = (5000 * 0.1229) / 1000;
  const steam = (700 * 2.338e6) / 29307 / 1000;
  const losses = 400e6 / 29307 / 1000;
  it('in and out in tce 当量值', () => {
    expect(b.unit).toBe('tce');
    expect(b.in).toBeCloseTo(coal + elecEq, 10);
    expect(b.out).toBeCloseTo(steam + losses, 10);
    expect(b.closure).toBeCloseTo((coal + elecEq - steam - losses) / (coal + elecEq), 10);
    expect(b.energy!.losses).toBeCloseTo(losses, 10);
    expect(b.energy!.effective).toBeCloseTo(steam, 10);
  });
  it('inputs in tce 等价值 and the comprehensive energy consumption', () => {
    expect(b.energy!.inEqual).toBeCloseTo(coal + (5000 * 0.404) / 1000, 10);
    const use = r.energyUse[0]!;
    expect(use.comprehensiveEquivalent).toBeCloseTo(coal + elecEq - steam, 10);
    expect(use.comprehensiveEqual).toBeCloseTo(coal + 2.02 - steam, 10);
    expect(use.exported).toBeCloseTo(steam, 10);
  });
});

describe('component (pollutant-factor) balances', () => {
  it('COD: mg/L × m³ → kg, with a tighter per-component tolerance', () => {
    // In: 1 000 m³ at 400 mg/L = 400 kg; out: 950 m³ at 60 mg/L = 57 kg + degraded 330 kg → residual 13 kg (3.25 %).
    const model = plant({
      flows: [
        {
          id: 'W1',
          from: null,
          to: 'ws2',
          layer: 'water',
          value: 1000,
          unit: 'm3',
          components: { COD: { concentration: 400, unit: 'mg/L' } },
        },
        {
          id: 'W2',
          from: 'ws2',
          to: null,
          layer: 'water',
          value: 950,
          unit: 'm3',
          components: { COD: { concentration: 60, unit: 'mg/L' } },
        },
        { id: 'W3', from: 'ws2', to: null, layer: 'water', value: 50, unit: 't' },
        { id: 'D', from: 'ws2', to: null, layer: 'COD', value: 330, unit: 'kg', kind: 'degraded' },
      ],
    });
    const b = balanceOf(check(model), 'ws2', 'COD');
    expect(b.unit).toBe('kg');
    expect(b.in).toBeCloseTo(400, 10);
    expect(b.out).toBeCloseTo(57 + 330, 10);
    expect(b.closure).toBeCloseTo(13 / 400, 10);
    expect(b.status).toBe('closed');
    const strict = check({ ...model, settings: { tolerance: { layers: { COD: 2 } } } });
    expect(balanceOf(strict, 'ws2', 'COD')).toMatchObject({ status: 'open', tolerancePct: 2 });
  });

  it('sulphur: % × t coal → t S, in a display unit of t', () => {
    // 645 t coal at 0.8 % S = 5.16 t S; 92.9 t slag at 0.1 % = 0.0929 t; gypsum 32 t at 15 % = 4.8 t; stack 0.267 t.
    const r = check(
      plant({
        settings: { displayUnits: { S: 't' } },
        flows: [
          {
            id: 'C',
            from: null,
            to: 'ws',
            layer: 'material',
            phase: 'solid',
            value: 645,
            unit: 't',
            components: { S: { concentration: 0.8, unit: '%' } },
          },
          {
            id: 'A',
            from: 'ws',
            to: null,
            layer: 'material',
            phase: 'solid',
            value: 92.9,
            unit: 't',
            components: { S: { concentration: 0.1, unit: '%' } },
          },
          {
            id: 'G',
            from: 'ws',
            to: null,
            layer: 'material',
            phase: 'solid',
            value: 32,
            unit: 't',
            components: { S: { concentration: 15, unit: '%' } },
          },
          { id: 'X', from: 'ws', to: null, layer: 'material', phase: 'gas', unit: 't' },
          { id: 'SO2', from: 'ws', to: null, layer: 'S', value: 267, unit: 'kg' },
        ],
      }),
    );
    const b = balanceOf(r, 'ws', 'S');
    expect(b.unit).toBe('t');
    expect(b.in).toBeCloseTo(5.16, 12);
    expect(b.out).toBeCloseTo(0.0929 + 4.8 + 0.267, 12);
    expect(b.closure).toBeCloseTo((5.16 - 5.1599) / 5.16, 10);
  });

  it('a component on a derived carrier flow is computed from the derived quantity', () => {
    const r = check(
      plant({
        flows: [
          { id: 'W1', from: null, to: 'ws2', layer: 'water', value: 100, unit: 't' },
          {
            id: 'W2',
            from: 'ws2',
            to: null,
            layer: 'water',
            unit: 't',
            source: 'unmeasured',
            components: { Ni: { concentration: 2, unit: 'g/L' } },
          },
          { id: 'N', from: null, to: 'ws2', layer: 'Ni', value: 200, unit: 'kg' },
        ],
      }),
    );
    expect(balanceOf(r, 'ws2', 'Ni')).toMatchObject({ in: 200, out: 200, status: 'closed' });
  });
});

describe('master–sub meters', () => {
  const flows: ModelInput['flows'] = [
    { id: 'M', from: null, to: 'plant', layer: 'energy', carrier: 'electricity', value: 100000, unit: 'kWh' },
    { id: 'S1', from: 'plant', to: 'ws', layer: 'energy', carrier: 'electricity', value: 60000, unit: 'kWh' },
    { id: 'S2', from: 'plant', to: 'ws2', layer: 'energy', carrier: 'electricity', value: 28000, unit: 'kWh' },
    { id: 'L', from: 'plant', to: null, layer: 'energy', carrier: 'electricity', kind: 'loss', unit: 'kWh' },
    { id: 'U1', from: 'ws', to: null, layer: 'energy', unit: 'kWh', carrier: 'electricity' },
    { id: 'U2', from: 'ws2', to: null, layer: 'energy', unit: 'kWh', carrier: 'electricity' },
  ];
  const r = check(plant({ flows }));
  it('compares the master meter with the sum of sub-meters in kWh: 12 % > 10 % fails', () => {
    expect(r.masterSub).toEqual([
      expect.objectContaining({
        node: 'plant',
        carrier: 'electricity',
        unit: 'kWh',
        master: 100000,
        subs: 88000,
        difference: 12000,
        status: 'fail',
      }),
    ]);
    expect(r.masterSub[0]!.relative).toBeCloseTo(0.12, 12);
    expect(r.findings.map((f) => f.code)).toContain('finding.masterSub');
  });
  it('the tolerance is configurable', () => {
    const loose = check(plant({ settings: { masterSubTolerance: 15 }, flows }));
    expect(loose.masterSub[0]).toMatchObject({ status: 'pass', tolerancePct: 15 });
    expect(loose.summary.ok).toBe(true);
  });
});
