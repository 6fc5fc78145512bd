import type { ModelInput } from '../../src/model/schema.ts';

/**
 * A coal yard and a boiler over three months of 2025 and a 72 h campaign in February.
 * Coal pile: opens at 100 t; Jan closes 120 (Δ +20), Feb 90 (Δ −30), Mar gives only the stock
 * flow (+10), so it closes at 100. Yard: received − fired − Δstock = 0 in every month.
 */
export function coalPlant(): ModelInput {
  return {
    name: '示例供热站（月度台账）',
    nameEn: 'Example heating station (monthly accounts)',
    nodes: [
      { id: 'plant', name: '全厂', level: 1 },
      { id: 'yard', name: '煤场', level: 2, parent: 'plant' },
      { id: 'boiler', name: '锅炉房', level: 2, parent: 'plant', auditFocus: true },
    ],
    flows: [
      { id: 'C1', from: null, to: 'yard', layer: 'material', carrier: 'coal', phase: 'solid', unit: 't', meter: 'MC1' },
      { id: 'C2', from: 'yard', to: 'boiler', layer: 'material', carrier: 'coal', phase: 'solid', unit: 't' },
      { id: 'S1', from: 'yard', to: null, layer: 'material', carrier: 'coal', phase: 'solid', unit: 't', stock: true },
      {
        id: 'A1',
        from: 'boiler',
        to: null,
        layer: 'material',
        carrier: 'ash',
        phase: 'solid',
        unit: 't',
        kind: 'waste',
      },
      {
        id: 'G1',
        from: 'boiler',
        to: null,
        layer: 'material',
        carrier: 'flue-gas',
        phase: 'gas',
        unit: 't',
        kind: 'emission',
        source: 'unmeasured',
      },
      { id: 'E1', from: null, to: 'boiler', layer: 'energy', carrier: 'electricity', unit: 'kWh', meter: 'ME1' },
      {
        id: 'E2',
        from: 'boiler',
        to: null,
        layer: 'energy',
        carrier: 'electricity',
        unit: 'kWh',
        kind: 'effective',
        source: 'unmeasured',
      },
    ],
    meters: [
      { id: 'MC1', flows: ['C1'], accuracyClass: '0.5' },
      { id: 'ME1', flows: ['E1'], accuracyClass: '1.0' },
    ],
    stocks: [{ id: 'pile', name: '煤堆', flows: ['S1'], opening: 100 }],
    periods: [
      {
        id: '2025-01',
        label: '2025年1月',
        kind: 'month',
        start: '2025-01-01',
        end: '2025-01-31',
        values: { C1: 500, C2: 480, A1: 60, E1: 100000 },
        stocks: { pile: 120 },
        production: [{ id: 'steam', name: '蒸汽', unit: 't', output: 4000 }],
      },
      {
        id: '2025-02',
        label: '2025年2月',
        kind: 'month',
        start: '2025-02-01',
        end: '2025-02-28',
        values: { C1: 400, C2: 430, A1: 55, E1: 90000 },
        stocks: { pile: 90 },
        production: [{ id: 'steam', name: '蒸汽', unit: 't', output: 3500 }],
      },
      {
        id: '2025-03',
        label: '2025年3月',
        kind: 'month',
        start: '2025-03-01',
        end: '2025-03-31',
        values: { C1: 450, C2: 440, A1: 58, E1: 95000, S1: 10 },
        production: [{ id: 'steam', name: '蒸汽', unit: 't', output: 3800 }],
      },
      {
        id: 'campaign',
        label: '72 h 测试',
        kind: 'campaign',
        start: '2025-02-10T08:00:00',
        end: '2025-02-13T08:00:00',
        values: { C1: 45, C2: 46, A1: 5.6, E1: 9800 },
        stocks: { pile: { opening: 95, closing: 94 } },
        production: [{ id: 'steam', name: '蒸汽', unit: 't', output: 380 }],
      },
    ],
  };
}
