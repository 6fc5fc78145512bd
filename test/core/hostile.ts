/** Models for the hostile-input tests (issue #18). */

// biome-ignore lint/suspicious/noExplicitAny: each test breaks the model in its own way
export type AnyModel = any;

/** A valid small water plant (the same as malformed.test.ts). */
export function plant(): AnyModel {
  return {
    name: '测试厂',
    nodes: [
      { id: 'plant', name: '全厂', level: 1 },
      { id: 'dye', name: '染色车间', level: 2, parent: 'plant' },
      { id: 'jet1', name: '1#染色机', level: 3, parent: 'dye' },
    ],
    flows: [
      { id: 'F1', from: null, to: 'dye', layer: 'water', value: 1200, unit: 't', meter: 'M1' },
      { id: 'F2', from: 'dye', to: 'jet1', layer: 'water', value: 1190, unit: 't' },
      { id: 'F3', from: 'jet1', to: null, layer: 'water', value: 1180, unit: 't' },
      { id: 'F4', from: 'dye', to: null, layer: 'water', unit: 't', source: 'unmeasured' },
    ],
    meters: [{ id: 'M1', flows: ['F1'], accuracyClass: '2.5', verifiedUntil: '2027-06-30' }],
    campaign: {
      start: '2026-03-01T00:00:00+08:00',
      end: '2026-03-04T08:00:00+08:00',
      normalProduction: true,
      performedBy: 'qualified-team',
    },
  };
}
