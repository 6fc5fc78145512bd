import { buildGraph, checkModel, loadModel } from '../../src/index.ts';

/**
 * A one-booth coating line, small enough to compute by hand (docs/vocs.md):
 * paint 1 000 kg at 40 % VOCs = 400 kg in; waste 100 kg at 10 % = 10 kg, product 500 kg at 0.4 % = 2 kg,
 * recovered solvent 50 kg at 96 % = 48 kg out; the booth captures 80 %, the RTO removes 95 %,
 * the stack is monitored at 15.0 kg; the period is 72 h of a 7 200 h year; output 2 000 m².
 */
// biome-ignore lint/suspicious/noExplicitAny: each test changes the model in its own way
export function lineModel(): any {
  return {
    name: '测试涂装线',
    nodes: [
      { id: 'plant', name: '全厂', level: 1 },
      { id: 'line', name: '涂装线', level: 2, parent: 'plant' },
      {
        id: 'booth',
        name: '喷漆房',
        nameEn: 'Spray booth',
        level: 3,
        parent: 'line',
        vocs: { capture: { efficiency: 0.8, source: 'design', method: 'enclosed-negative' } },
      },
      {
        id: 'rto',
        name: 'RTO',
        level: 2,
        parent: 'plant',
        vocs: { removal: { efficiency: 0.95, source: 'measured', technology: 'rto' } },
      },
    ],
    flows: [
      {
        id: 'P',
        from: null,
        to: 'booth',
        layer: 'material',
        carrier: 'coating',
        phase: 'liquid',
        value: 1000,
        unit: 'kg',
        source: 'metered',
        components: { VOCs: { concentration: 40, unit: '%' } },
      },
      {
        id: 'W',
        from: 'booth',
        to: null,
        layer: 'material',
        kind: 'waste',
        phase: 'solid',
        value: 100,
        unit: 'kg',
        source: 'metered',
        components: { VOCs: { concentration: 10, unit: '%' } },
      },
      {
        id: 'PR',
        from: 'booth',
        to: null,
        layer: 'material',
        kind: 'product',
        phase: 'solid',
        value: 500,
        unit: 'kg',
        source: 'calculated',
        components: { VOCs: { concentration: 0.4, unit: '%' } },
      },
      {
        id: 'RS',
        from: 'booth',
        to: null,
        layer: 'material',
        kind: 'recycle',
        phase: 'liquid',
        value: 50,
        unit: 'kg',
        source: 'metered',
        components: { VOCs: { concentration: 96, unit: '%' } },
      },
      { id: 'BV', from: 'booth', to: null, layer: 'material', kind: 'emission', phase: 'gas', unit: 'kg' },
      { id: 'C', from: 'booth', to: 'rto', layer: 'VOCs', kind: 'captured', unit: 'kg' },
      { id: 'U', from: 'booth', to: null, layer: 'VOCs', kind: 'fugitive', unit: 'kg' },
      { id: 'D', from: 'rto', to: null, layer: 'VOCs', kind: 'degraded', unit: 'kg' },
      { id: 'S', from: 'rto', to: null, layer: 'VOCs', kind: 'emission', value: 15, unit: 'kg', source: 'monitored' },
    ],
    campaign: {
      start: '2026-04-13T08:00:00+08:00',
      end: '2026-04-16T08:00:00+08:00',
      normalProduction: true,
      performedBy: 'qualified-team',
    },
    production: [{ id: 'parts', name: '工件', unit: 'm2', output: 2000 }],
    settings: { annualHours: 7200 },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: a model object as the tests build it
export function check(model: any) {
  return checkModel(buildGraph(loadModel(model).model));
}
