/**
 * A small plant of our own for the Sankey tests: a dyeing workshop with two jets and a utility
 * workshop whose cooling tower sends water round a loop through jet 1 (a recycle cycle), plus
 * an electricity feed for the energy layer. Hand-computed figures are in the tests.
 */
export const loopPlant = {
  name: '测试厂',
  nodes: [
    { id: 'plant', name: '全厂', level: 1 },
    { id: 'dye', name: '染色车间', nameEn: 'Dyeing', level: 2, parent: 'plant' },
    { id: 'jet1', name: '1#染色机', level: 3, parent: 'dye' },
    { id: 'util', name: '公用工程', nameEn: 'Utilities', level: 2, parent: 'plant' },
    { id: 'ct', name: '冷却塔', level: 3, parent: 'util' },
  ],
  flows: [
    { id: 'F1', from: null, to: 'dye', layer: 'water', carrier: 'fresh-water', value: 100, unit: 't', source: 'metered' },
    { id: 'F2', from: 'dye', to: null, layer: 'water', carrier: 'wastewater', kind: 'waste', value: 80, unit: 't', source: 'metered' },
    { id: 'F3', from: 'dye', to: null, layer: 'water', carrier: 'vapour', kind: 'loss', unit: 't', source: 'unmeasured' },
    { id: 'F4', from: 'ct', to: 'jet1', layer: 'water', carrier: 'recycled-water', value: 50, unit: 't', source: 'metered' },
    { id: 'F5', from: 'jet1', to: 'ct', layer: 'water', carrier: 'recycled-water', kind: 'recycle', value: 48, unit: 't', source: 'metered' },
    { id: 'F6', from: null, to: 'ct', layer: 'water', carrier: 'fresh-water', value: 5, unit: 't', source: 'metered' },
    { id: 'F7', from: 'ct', to: null, layer: 'water', carrier: 'vapour', kind: 'loss', value: 7, unit: 't', source: 'estimated' },
    { id: 'E1', from: null, to: 'jet1', layer: 'energy', carrier: 'electricity', value: 1000, unit: 'kWh', source: 'metered' },
  ],
};
