import type { Label, Provenance } from './provenance.ts';

/**
 * GB/T 12452-2008 《企业水平衡测试通则》 water-balance indicators (shared/standards/STANDARDS.md §5).
 * Each indicator is a ratio of water quantities; how pingheng picks the quantities from a model is
 * in docs/balances.md.
 */
export interface WaterIndicatorDef {
  id: string;
  label: Label;
  formula: string;
  source: Provenance;
}

const std: Provenance = { standard: 'GB/T 12452', edition: '2008', clause: 'water-balance indicators', tag: 'C' };
const unverified: Provenance = {
  ...std,
  tag: 'U',
  note: 'Listed in secondary sources; not read in the standard itself.',
};

export const waterIndicators: readonly WaterIndicatorDef[] = [
  { id: 'reuseRate', label: { zh: '重复利用率', en: 'water reuse rate' }, formula: 'R = Vr / (Vr + Vf)', source: std },
  {
    id: 'condensateRecovery',
    label: { zh: '冷凝水回收率', en: 'condensate recovery rate' },
    formula: 'recovered condensate / steam used',
    source: std,
  },
  { id: 'leakageRate', label: { zh: '漏失率', en: 'leakage rate' }, formula: 'Vl / Vi', source: unverified },
  { id: 'dischargeRate', label: { zh: '排水率', en: 'discharge rate' }, formula: 'Vd / Vi', source: unverified },
];

/** Carriers that count as new water (新水) taken in; purchased steam does not. */
export const NEW_WATER_CARRIERS: readonly string[] = [
  'water',
  'fresh-water',
  'tap-water',
  'ground-water',
  'surface-water',
];
