import type { Label, Provenance } from './provenance.ts';

/**
 * GB/T 12452-2008 《企业水平衡测试通则》 water-balance indicators (shared/standards/STANDARDS.md §5).
 * Each indicator is a ratio of water quantities; how pingheng picks the quantities from a model is
 * in docs/balances.md ("Water indicators").
 */
export interface WaterIndicatorDef {
  id: string;
  label: Label;
  /** The formula in the standard's symbols, or in words per language where it has none. */
  formula: string | Label;
  /** rate: a fraction of water (reported in %); perUnit: water per unit of product or output value. */
  kind: 'rate' | 'perUnit';
  source: Provenance;
}

const std: Provenance = { standard: 'GB/T 12452', edition: '2008', clause: 'water-balance indicators', tag: 'C' };
const unverified: Provenance = {
  ...std,
  tag: 'U',
  note: 'Listed in secondary sources; not read in the standard itself.',
};

export const waterIndicators: readonly WaterIndicatorDef[] = [
  {
    id: 'reuseRate',
    label: { zh: '重复利用率', en: 'water reuse rate' },
    formula: 'R = Vr / (Vr + Vf)',
    kind: 'rate',
    source: std,
  },
  {
    id: 'coolingRecirculationRate',
    label: { zh: '间接冷却水循环率', en: 'indirect cooling-water recirculation rate' },
    formula: 'rc = Vcr / (Vcr + Vcf)',
    kind: 'rate',
    source: std,
  },
  {
    id: 'processReuseRate',
    label: { zh: '工艺水回用率', en: 'process-water reuse rate' },
    formula: 'rg = Vgr / (Vgr + Vgf)',
    kind: 'rate',
    source: std,
  },
  {
    id: 'condensateRecovery',
    label: { zh: '蒸汽冷凝水回收率', en: 'condensate recovery rate' },
    formula: {
      zh: '回收冷凝水量 / 产汽量（外购蒸汽时以外购蒸汽量为基数）',
      en: 'recovered condensate / steam produced (purchased steam where the steam is bought)',
    },
    kind: 'rate',
    source: {
      ...std,
      note: 'STANDARDS.md §5: recovered condensate / steam produced. Where the enterprise buys its steam there is no steam produced: the purchased steam is the base, and the result says which base it used.',
    },
  },
  {
    id: 'newWaterPerProduct',
    label: { zh: '单位产品新水量', en: 'new water per unit product' },
    formula: 'Vf / Q',
    kind: 'perUnit',
    source: std,
  },
  {
    id: 'newWaterPerOutputValue',
    label: { zh: '万元产值新水量', en: 'new water per 10⁴ CNY of output value' },
    formula: 'Vf / Z',
    kind: 'perUnit',
    source: std,
  },
  {
    id: 'leakageRate',
    label: { zh: '漏失率', en: 'leakage rate' },
    formula: 'Vl / Vi',
    kind: 'rate',
    source: unverified,
  },
  {
    id: 'dischargeRate',
    label: { zh: '排水率', en: 'discharge rate' },
    formula: 'Vd / Vi',
    kind: 'rate',
    source: unverified,
  },
];

/** Carriers that count as new water (新水) taken in; purchased steam does not. */
export const NEW_WATER_CARRIERS: readonly string[] = [
  'water',
  'fresh-water',
  'tap-water',
  'ground-water',
  'surface-water',
];

/**
 * Carriers that are new water where it enters a use (Vcf, Vgf): new water itself, or new water softened or
 * deaerated on site (a cooling loop topped up with softened water takes new water all the same).
 */
export const MAKE_UP_CARRIERS: readonly string[] = [...NEW_WATER_CARRIERS, 'softened-water', 'deaerated-water'];
