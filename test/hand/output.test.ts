import { describe, expect, it } from 'vitest';
import { text } from './run.ts';

/** What a reader sees: node names (never raw ids), coefficient names in the language, percentages alike. */
const plant = {
  name: '输出手算',
  nodes: [
    { id: 'plant', name: '厂', nameEn: 'Plant', level: 1 },
    { id: 'ws', name: '定型车间', nameEn: 'Stenter shop', level: 2, parent: 'plant', main: true },
  ],
  flows: [
    {
      id: 'G1',
      from: null,
      to: 'ws',
      layer: 'energy',
      carrier: 'natural-gas',
      value: 1000,
      unit: 'm3',
      source: 'metered',
    },
    {
      id: 'E1',
      from: null,
      to: 'ws',
      layer: 'energy',
      carrier: 'electricity',
      value: 3000,
      unit: 'kWh',
      source: 'metered',
    },
    { id: 'U1', from: 'ws', to: null, layer: 'energy', kind: 'effective', unit: 'tce' },
  ],
  meters: [
    { id: 'MG', flows: ['G1'], type: 'gas', accuracyClass: '2.0', verifiedUntil: '2027-01-01', status: 'in-service' },
    {
      id: 'ME',
      flows: ['E1'],
      type: 'electricity-ac',
      userClass: 'IV',
      accuracyClass: '3.0',
      verifiedUntil: '2027-01-01',
      status: 'in-service',
    },
  ],
  settings: { electricityEqualValue: 0.3 },
};

describe('hand: the human output', () => {
  it('49 flows computed by difference name the node whose balance gave them; bases name the coefficient', () => {
    const zh = text('check', plant).out;
    // U1 = 1 000 × 1.2143 + 3 000 × 0.1229 = 1 214.3 + 368.7 = 1 583 kgce = 1.583 tce, from the stenter shop's balance
    expect(zh).toMatch(/U1\s+1\.58\s+tce\s+定型车间/);
    expect(zh).toContain('GB/T 2589 气田天然气 1.2143 kgce/m3');
    expect(zh).not.toMatch(/natural-gas|\bws\b/);
    const en = text('check', plant, '--lang', 'en').out;
    expect(en).toMatch(/U1\s+1\.58\s+tce\s+Stenter shop/);
    expect(en).toContain('GB/T 2589 gas-field natural gas 1.2143 kgce/m3');
  });

  it('50 coverage ratios print with two decimals in every row (R = n / N × 100 %)', () => {
    const { code, out } = text('coverage', plant, '--lang', 'en');
    expect(code).toBe(1); // the class-3.0 electricity meter does not conform
    expect(out).toMatch(/electricity\s+1\s+0\s+1\s+0\.00\s+100\s+FAIL/);
    expect(out).toMatch(/natural gas\s+1\s+1\s+1\s+100\.00\s+100\s+pass/);
  });
});
