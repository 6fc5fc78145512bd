import type { Label, Provenance } from './provenance.ts';

/**
 * GB/T 2589-2008 《综合能耗计算通则》 General principles for calculation of total production
 * energy consumption — reference coefficients for conversion to standard coal (Annex A and B).
 * Figures as listed in shared/standards/STANDARDS.md §4.
 */
export const source: Provenance = {
  standard: 'GB/T 2589',
  edition: '2008',
  clause: 'Annex A (energy), Annex B (energy-consuming working media)',
  tag: 'C',
};

/** Low heating value of 1 kg standard coal (1 kgce), kJ. GB/T 2589-2008 clause 4.4. */
export const KJ_PER_KGCE = 29307;

/** What the coefficient is per: physical units as the standard's table writes them. */
export type CoefficientBasis = 'kg' | 'm3' | 'kWh' | 'MJ';

export interface CoalCoefficient {
  id: string;
  label: Label;
  /** kgce per `per`; where the standard gives a range this is its midpoint. */
  kgce: number;
  per: CoefficientBasis;
  /** The range the standard gives, when it gives one (coke-oven gas). */
  range?: [number, number];
  /** Energy-consuming working medium (耗能工质, Annex B) rather than an energy (Annex A). */
  workingMedium?: boolean;
  source: Provenance;
}

const annexA: Provenance = { ...source, clause: 'Annex A' };
const annexB: Provenance = { ...source, clause: 'Annex B' };
const jjf1356: Provenance = {
  standard: 'JJF 1356',
  edition: '2012',
  clause: 'Annex (LNG)',
  tag: 'C',
};

function coef(
  id: string,
  zh: string,
  en: string,
  kgce: number,
  per: CoefficientBasis,
  src: Provenance = annexA,
  extra: Partial<CoalCoefficient> = {},
): CoalCoefficient {
  return { id, label: { zh, en }, kgce, per, source: src, ...extra };
}

/** Coke-oven gas: the standard gives 0.5714–0.6143 kgce/m³; the midpoint is used unless a measured LHV is given. */
const cokeOvenGasRange: [number, number] = [0.5714, 0.6143];

export const coefficients: readonly CoalCoefficient[] = [
  coef('raw-coal', '原煤', 'raw coal', 0.7143, 'kg'),
  coef('washed-coal', '洗精煤', 'washed coal', 0.9, 'kg'),
  coef('coke', '焦炭', 'coke', 0.9714, 'kg'),
  coef('crude-oil', '原油', 'crude oil', 1.4286, 'kg'),
  coef('fuel-oil', '燃料油', 'fuel oil', 1.4286, 'kg'),
  coef('gasoline', '汽油', 'gasoline', 1.4714, 'kg'),
  coef('kerosene', '煤油', 'kerosene', 1.4714, 'kg'),
  coef('diesel', '柴油', 'diesel', 1.4571, 'kg'),
  coef('coal-tar', '煤焦油', 'coal tar', 1.1429, 'kg'),
  coef('residual-oil', '渣油', 'residual oil', 1.4286, 'kg'),
  coef('lpg', '液化石油气', 'LPG', 1.7143, 'kg'),
  coef('refinery-gas', '炼厂干气', 'refinery gas', 1.5714, 'kg'),
  coef('oilfield-gas', '油田天然气', 'oilfield natural gas', 1.33, 'm3'),
  coef('natural-gas', '气田天然气', 'gas-field natural gas', 1.2143, 'm3'),
  coef('coke-oven-gas', '焦炉煤气', 'coke-oven gas', (cokeOvenGasRange[0] + cokeOvenGasRange[1]) / 2, 'm3', annexA, {
    range: cokeOvenGasRange,
  }),
  coef('blast-furnace-gas', '高炉煤气', 'blast-furnace gas', 0.1286, 'm3'),
  coef('heat', '热力', 'heat', 0.03412, 'MJ'),
  coef('electricity', '电力（当量值）', 'electricity (equivalent value)', 0.1229, 'kWh'),
  coef('steam', '蒸汽（低压）', 'low-pressure steam', 0.1286, 'kg'),
  coef('lng', '液化天然气', 'LNG', 1.7572, 'kg', jjf1356),
  coef('new-water', '新水', 'new water', 0.0857 / 1000, 'kg', annexB, { workingMedium: true }),
  coef('softened-water', '软化水', 'softened water', 0.4857 / 1000, 'kg', annexB, { workingMedium: true }),
  coef('deaerated-water', '除氧水', 'deaerated water', 0.9714 / 1000, 'kg', annexB, { workingMedium: true }),
  coef('compressed-air', '压缩空气', 'compressed air', 0.04, 'm3', annexB, { workingMedium: true }),
  coef('blower-air', '鼓风', 'blower air', 0.03, 'm3', annexB, { workingMedium: true }),
  coef('oxygen', '氧气', 'oxygen', 0.4, 'm3', annexB, { workingMedium: true }),
  coef('nitrogen', '氮气（副产品）', 'nitrogen (by-product)', 0.4, 'm3', annexB, { workingMedium: true }),
];

/**
 * Electricity 等价值 (equal value): the coal burnt to generate 1 kWh, set by the year's
 * thermal-power coal rate. 0.404 kgce/kWh is the legacy default of JJF 1356-2012 [C];
 * a model should set its own year's figure (settings.electricityEqualValue).
 */
export const electricityEqualValue = {
  kgcePerKWh: 0.404,
  source: { standard: 'JJF 1356', edition: '2012', clause: 'electricity equal value', tag: 'C' } as Provenance,
};

/**
 * 综合能耗 is the energy a unit actually consumed in the period (GB/T 2589-2008 §3): what it received,
 * less what it sent out (外销、转供) and less what went into stock. The standard defines the quantity; the
 * received − sent out − stock increase form is how energy statistics compute it.
 */
export const consumptionDefinition: Provenance = {
  standard: 'GB/T 2589',
  edition: '2008',
  clause: '§3 综合能耗 (energy actually consumed in the period)',
  tag: 'C',
  note: 'consumption = received − sent out − stock increase, per carrier, at every level (energy statistics practice; issue #12).',
};

const byId = new Map(coefficients.map((c) => [c.id, c]));

/**
 * The GB/T 2589-2008 coefficient of an energy carrier (kgce per unit), or undefined.
 *
 * @example
 * // GB/T 2589-2008 Annex A: raw coal 0.7143 kgce/kg
 * gb2589.coefficient('raw-coal').kgce // => 0.7143
 */
export function coefficient(id: string): CoalCoefficient | undefined {
  return byId.get(id);
}
