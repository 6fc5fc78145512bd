import type { Label } from './provenance.ts';

/**
 * Carriers the engine knows by name. A carrier ties a flow to
 * - its GB 17167 Table 3 row (`energyRow`) for energy metering coverage,
 * - its GB/T 2589 coefficient (`coefficient`) for conversion to standard coal,
 * - its default layer and phase.
 * Material carriers are free names (dye, fabric, gypsum…) and need no entry here.
 */
export type EnergyRow =
  | 'electricity'
  | 'coal'
  | 'coke'
  | 'crude-oil'
  | 'refined-oil'
  | 'heavy-oil'
  | 'residual-oil'
  | 'natural-gas'
  | 'lpg'
  | 'coal-gas'
  | 'steam'
  | 'water'
  | 'waste-energy';

export interface Carrier {
  id: string;
  label: Label;
  energyRow?: EnergyRow;
  /** id in gb2589-2008 coefficients; absent: give a unit of energy or a measured LHV. */
  coefficient?: string;
  /** A water-layer carrier (GB 24789 / GB/T 12452). */
  water?: boolean;
  /** Gaseous carriers: volumes are standard-state (GB/T 2589 writes m³ for them). */
  gaseous?: boolean;
  /** Row assignment that is our reading, not the standard's words. */
  interpretation?: string;
}

function c(id: string, zh: string, en: string, rest: Omit<Carrier, 'id' | 'label'> = {}): Carrier {
  return { id, label: { zh, en }, ...rest };
}

export const carriers: readonly Carrier[] = [
  c('electricity', '电力', 'electricity', { energyRow: 'electricity', coefficient: 'electricity' }),
  c('coal', '煤炭', 'coal', { energyRow: 'coal', coefficient: 'raw-coal' }),
  c('raw-coal', '原煤', 'raw coal', { energyRow: 'coal', coefficient: 'raw-coal' }),
  c('washed-coal', '洗精煤', 'washed coal', { energyRow: 'coal', coefficient: 'washed-coal' }),
  c('coke', '焦炭', 'coke', { energyRow: 'coke', coefficient: 'coke' }),
  c('crude-oil', '原油', 'crude oil', { energyRow: 'crude-oil', coefficient: 'crude-oil' }),
  c('refined-oil', '成品油', 'refined oil', { energyRow: 'refined-oil' }),
  c('gasoline', '汽油', 'gasoline', { energyRow: 'refined-oil', coefficient: 'gasoline' }),
  c('kerosene', '煤油', 'kerosene', { energyRow: 'refined-oil', coefficient: 'kerosene' }),
  c('diesel', '柴油', 'diesel', { energyRow: 'refined-oil', coefficient: 'diesel' }),
  c('heavy-oil', '重油', 'heavy oil', { energyRow: 'heavy-oil', coefficient: 'fuel-oil' }),
  c('fuel-oil', '燃料油', 'fuel oil', { energyRow: 'heavy-oil', coefficient: 'fuel-oil' }),
  c('residual-oil', '渣油', 'residual oil', { energyRow: 'residual-oil', coefficient: 'residual-oil' }),
  c('natural-gas', '天然气', 'natural gas', { energyRow: 'natural-gas', coefficient: 'natural-gas', gaseous: true }),
  c('oilfield-gas', '油田天然气', 'oilfield natural gas', {
    energyRow: 'natural-gas',
    coefficient: 'oilfield-gas',
    gaseous: true,
  }),
  c('lng', '液化天然气', 'LNG', { energyRow: 'natural-gas', coefficient: 'lng' }),
  c('lpg', '液化石油气', 'LPG', { energyRow: 'lpg', coefficient: 'lpg' }),
  c('coal-gas', '煤气', 'coal gas', { energyRow: 'coal-gas', gaseous: true }),
  c('coke-oven-gas', '焦炉煤气', 'coke-oven gas', {
    energyRow: 'coal-gas',
    coefficient: 'coke-oven-gas',
    gaseous: true,
  }),
  c('blast-furnace-gas', '高炉煤气', 'blast-furnace gas', {
    energyRow: 'coal-gas',
    coefficient: 'blast-furnace-gas',
    gaseous: true,
  }),
  c('refinery-gas', '炼厂干气', 'refinery gas', {
    energyRow: 'coal-gas',
    coefficient: 'refinery-gas',
    interpretation: 'GB 17167 has no refinery-gas row; counted with 煤气 (manufactured gas).',
  }),
  c('steam', '蒸汽', 'steam', { energyRow: 'steam', coefficient: 'steam', water: true }),
  c('hot-water', '热水', 'hot water', { energyRow: 'steam', water: true }),
  c('heat', '热力', 'heat', {
    energyRow: 'steam',
    coefficient: 'heat',
    interpretation: 'Purchased heat is metered as steam/hot water (载能工质) in GB 17167 Table 3.',
  }),
  c('waste-energy', '余能', 'recoverable waste energy', { energyRow: 'waste-energy' }),
  c('water', '水', 'water', { energyRow: 'water', coefficient: 'new-water', water: true }),
  c('fresh-water', '新水', 'fresh water', { energyRow: 'water', coefficient: 'new-water', water: true }),
  c('tap-water', '自来水', 'tap water', { energyRow: 'water', coefficient: 'new-water', water: true }),
  c('ground-water', '地下水', 'ground water', { energyRow: 'water', coefficient: 'new-water', water: true }),
  c('surface-water', '地表水', 'surface water', { energyRow: 'water', coefficient: 'new-water', water: true }),
  c('softened-water', '软化水', 'softened water', { energyRow: 'water', coefficient: 'softened-water', water: true }),
  c('deaerated-water', '除氧水', 'deaerated water', {
    energyRow: 'water',
    coefficient: 'deaerated-water',
    water: true,
  }),
  c('recycled-water', '循环水', 'recycled water', { energyRow: 'water', water: true }),
  c('reused-water', '回用水', 'reused water', { energyRow: 'water', water: true }),
  c('cooling-water', '冷却水', 'cooling water', { energyRow: 'water', water: true }),
  c('condensate', '冷凝水', 'condensate', { energyRow: 'water', water: true }),
  c('wastewater', '废水', 'wastewater', { water: true }),
  c('evaporation', '蒸发损失', 'evaporation', { water: true }),
  c('water-loss', '漏失水', 'water loss', { water: true }),
  c('product-water', '产品带走水', 'water in product', { water: true }),
  c('compressed-air', '压缩空气', 'compressed air', { coefficient: 'compressed-air', gaseous: true }),
  c('blower-air', '鼓风', 'blower air', { coefficient: 'blower-air', gaseous: true }),
  c('oxygen', '氧气', 'oxygen', { coefficient: 'oxygen', gaseous: true }),
  c('nitrogen', '氮气', 'nitrogen', { coefficient: 'nitrogen', gaseous: true }),
];

const byId = new Map(carriers.map((x) => [x.id, x]));

/**
 * The carrier of the table above with this id (its names, energy-statistics row, GB/T 2589 coefficient).
 *
 * @example
 * carrier('steam').label // => { zh: '蒸汽', en: 'steam' }
 * carrier('unobtainium') // => undefined
 */
export function carrier(id: string | undefined): Carrier | undefined {
  return id === undefined ? undefined : byId.get(id);
}
