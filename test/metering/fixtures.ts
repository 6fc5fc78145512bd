import { loadModel } from '../../src/model/load.ts';
import type { Model, ModelInput } from '../../src/model/schema.ts';

/** A 72-hour campaign verified meters are checked against (ends 2026-03-04 local). */
export const CAMPAIGN = {
  start: '2026-03-01T00:00:00+08:00',
  end: '2026-03-04T00:00:00+08:00',
  normalProduction: true,
  performedBy: 'qualified-team' as const,
};

export function model(input: ModelInput): Model {
  return loadModel(input).model;
}

/**
 * A small dyeing plant: plant (L1) → dye workshop (L2, audit focus) with jet1, jet2 (L3), and a
 * boiler house (L2) with boiler1 (L3). 72-hour campaign. Magnitudes are chosen against GB 17167
 * Tables 1–2: dye 7 200 kWh / 72 h = 100 kW (main, ≥ 10 kW); jet1 7 200 kWh → 100 kW (main device,
 * = 100 kW); jet2 720 kWh → 10 kW (not main); boiler1 coal 144 t / 72 h = 2 t/h (main, ≥ 1 t/h).
 */
export function dyeingPlant(meters: ModelInput['meters'] = [], extra: Partial<ModelInput> = {}): ModelInput {
  return {
    name: '测试印染厂',
    nodes: [
      { id: 'plant', name: '全厂', level: 1 },
      { id: 'dye', name: '染色车间', level: 2, parent: 'plant', auditFocus: true },
      { id: 'jet1', name: '1#染色机', level: 3, parent: 'dye' },
      { id: 'jet2', name: '2#染色机', level: 3, parent: 'dye' },
      { id: 'boiler', name: '锅炉房', level: 2, parent: 'plant' },
      { id: 'boiler1', name: '1#锅炉', level: 3, parent: 'boiler' },
    ],
    flows: [
      {
        id: 'E1',
        from: null,
        to: 'jet1',
        layer: 'energy',
        carrier: 'electricity',
        value: 7200,
        unit: 'kWh',
        source: 'metered',
      },
      {
        id: 'E2',
        from: null,
        to: 'jet2',
        layer: 'energy',
        carrier: 'electricity',
        value: 720,
        unit: 'kWh',
        source: 'metered',
      },
      {
        id: 'C1',
        from: null,
        to: 'boiler1',
        layer: 'energy',
        carrier: 'raw-coal',
        value: 144,
        unit: 't',
        source: 'metered',
      },
      {
        id: 'S1',
        from: 'boiler1',
        to: 'jet1',
        layer: 'energy',
        carrier: 'steam',
        value: 900,
        unit: 't',
        source: 'metered',
      },
      {
        id: 'W1',
        from: null,
        to: 'jet1',
        layer: 'water',
        carrier: 'fresh-water',
        value: 1440,
        unit: 't',
        source: 'metered',
      },
      {
        id: 'W2',
        from: 'jet1',
        to: null,
        layer: 'water',
        carrier: 'wastewater',
        value: 1300,
        unit: 't',
        source: 'metered',
      },
      {
        id: 'M1',
        from: null,
        to: 'jet1',
        layer: 'material',
        phase: 'solid',
        carrier: 'fabric',
        value: 60,
        unit: 't',
        source: 'metered',
      },
      {
        id: 'M2',
        from: 'jet1',
        to: null,
        layer: 'material',
        phase: 'solid',
        kind: 'product',
        value: 58,
        unit: 't',
        source: 'metered',
      },
    ],
    meters: meters,
    campaign: CAMPAIGN,
    ...extra,
  };
}

/**
 * plant → ws (main workshop) → dev (main device), `count` flows of one kind from outside into dev,
 * the first `metered` of them with a class-0.1 meter (good for any Table 4 row) verified through
 * the campaign. Every flow crosses the enterprise, ws and dev boundaries: one point at each level.
 */
export function starPlant(
  flow: { layer: string; carrier?: string; unit: string; phase?: 'gas' | 'liquid' | 'solid' | 'other'; kind?: string },
  count: number,
  metered: number,
  extra: Partial<ModelInput> = {},
): ModelInput {
  const flows = Array.from({ length: count }, (_, i) => ({
    id: `F${i + 1}`,
    from: null,
    to: 'dev',
    value: 10,
    source: 'metered' as const,
    ...flow,
  }));
  return {
    name: 'star',
    nodes: [
      { id: 'plant', name: '全厂', level: 1 },
      { id: 'ws', name: '车间', level: 2, parent: 'plant', main: true },
      { id: 'dev', name: '设备', level: 3, parent: 'ws', main: true },
    ],
    flows: flows as ModelInput['flows'],
    meters: flows.slice(0, metered).map((f) => ({
      id: `M${f.id}`,
      flows: [f.id],
      accuracyClass: '0.1',
      verifiedUntil: '2027-01-01',
      userClass: 'I' as const,
    })),
    campaign: CAMPAIGN,
    ...extra,
  };
}
