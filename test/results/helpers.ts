import { loadModel, type Model, type ModelInput } from '../../src/index.ts';
import { compareModels, type CompareOptions } from '../../src/results/index.ts';

/** A validated model from a plain object (throws on invalid input). */
export function model(input: ModelInput): Model {
  return loadModel(input, 'test.json').model;
}

export function compare(before: ModelInput, after: ModelInput, options: CompareOptions = {}) {
  return compareModels(
    { model: model(before), file: 'before.json' },
    { model: model(after), file: 'after.json' },
    options,
  );
}

/** A one-product plant: electricity and raw coal in, new water in, wastewater through a treatment station. */
export function plant(o: {
  output: number;
  kWh?: number;
  coal?: number;
  water?: number;
  wastewater?: number;
  codIn?: number;
  codOut?: number;
  extra?: Partial<ModelInput>;
  flows?: ModelInput['flows'];
}): ModelInput {
  const flows: ModelInput['flows'] = [];
  if (o.kWh !== undefined)
    flows.push({
      id: 'E1',
      from: null,
      to: 'plant',
      layer: 'energy',
      carrier: 'electricity',
      value: o.kWh,
      unit: 'kWh',
    });
  if (o.coal !== undefined)
    flows.push({ id: 'C1', from: null, to: 'plant', layer: 'energy', carrier: 'raw-coal', value: o.coal, unit: 't' });
  if (o.water !== undefined)
    flows.push({
      id: 'W1',
      from: null,
      to: 'plant',
      layer: 'water',
      carrier: 'fresh-water',
      value: o.water,
      unit: 'm3',
    });
  if (o.wastewater !== undefined) {
    flows.push({
      id: 'WW',
      from: 'plant',
      to: 'wwtp',
      layer: 'water',
      carrier: 'wastewater',
      value: o.wastewater,
      unit: 'm3',
      components: { COD: { concentration: o.codIn ?? 0, unit: 'mg/L' } },
    });
    flows.push({
      id: 'D1',
      from: 'wwtp',
      to: null,
      layer: 'water',
      carrier: 'wastewater',
      kind: 'emission',
      value: o.wastewater,
      unit: 'm3',
      components: { COD: { concentration: o.codOut ?? 0, unit: 'mg/L' } },
    });
  }
  flows.push(...(o.flows ?? []));
  return {
    name: '试验厂',
    nodes: [
      { id: 'plant', name: '全厂', level: 1 },
      { id: 'wwtp', name: '污水站', level: 2, parent: 'plant', treatment: true },
    ],
    flows,
    production: [{ id: 'cloth', name: '布', nameEn: 'fabric', unit: 't', output: o.output }],
    settings: { periodHours: 720, annualHours: 7200 },
    ...o.extra,
  };
}
