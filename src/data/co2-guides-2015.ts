import type { Label, Provenance } from './provenance.ts';

/**
 * Default CO2 factors of fuels and purchased heat, in the form of the GB/T 32150 family and the
 * national accounting guides (温室气体排放核算方法与报告指南, NDRC 2013–2015, continued by MEE):
 * E = FC × NCV × CC × OF × 44/12 (fuel consumed × net calorific value × carbon content per unit
 * energy × oxidation rate). A measured NCV (flow.lhv) or carbon content (flow.carbon) overrides a default.
 *
 * The products (kgCO2 per kg, per Nm³ for gas) are shared/standards/STANDARDS.md §6 [C]. The three
 * factors of each product are the guides' default-table values as secondary sources tabulate them
 * [S]; test/results/carbon.test.ts checks that each triple reproduces the [C] product to 4 decimals.
 */
export const source: Provenance = {
  standard: 'GB/T 32150 family; national GHG accounting guides',
  edition: '2015',
  clause: 'default fuel parameters (NCV, CC, OF)',
  tag: 'S',
  note: 'Triples chosen from the guides’ tables; their product is the [C] figure of STANDARDS §6.',
};

export const productSource: Provenance = {
  standard: 'GB/T 32150 family; national GHG accounting guides',
  edition: '2015',
  clause: 'CO2 emission factor per unit fuel',
  tag: 'C',
};

/** 44/12: CO2 per carbon, by molar mass. */
export const CO2_PER_C = 44 / 12;

export interface FuelFactor {
  id: string;
  label: Label;
  /** Net calorific value, GJ per t (solids, liquids) or GJ per 10⁴ Nm³ (gases). */
  ncv: number;
  ncvPer: 't' | '1e4 Nm3';
  /** Carbon content per unit energy, tC/TJ. */
  cc: number;
  /** Oxidation rate, fraction. */
  of: number;
  /** The product as STANDARDS gives it: kgCO2/kg or kgCO2/Nm³. */
  kgCO2PerUnit: number;
  /** Carriers (src/data/carriers.ts) this default applies to. */
  carriers: readonly string[];
  /** Provenance of the NCV, CC, OF triple [S] and of the product kgCO2PerUnit [C]. */
  source: Provenance;
  productSource: Provenance;
}

function fuel(
  id: string,
  zh: string,
  en: string,
  ncv: number,
  ncvPer: FuelFactor['ncvPer'],
  cc: number,
  of: number,
  kgCO2PerUnit: number,
  carriers: string[] = [id],
): FuelFactor {
  return {
    id,
    label: { zh, en },
    ncv,
    ncvPer,
    cc,
    of,
    kgCO2PerUnit,
    carriers,
    source: { ...source, clause: `${source.clause}: ${en}` },
    productSource: { ...productSource, clause: `${productSource.clause}: ${en} (STANDARDS §6)` },
  };
}

export const fuels: readonly FuelFactor[] = [
  fuel('raw-coal', '原煤', 'raw coal', 20.908, 't', 26.37, 0.94, 1.9003, ['raw-coal', 'coal']),
  fuel('coke', '焦炭', 'coke', 28.435, 't', 29.5, 0.93, 2.8604),
  fuel('crude-oil', '原油', 'crude oil', 41.816, 't', 20.1, 0.98, 3.0202),
  fuel('fuel-oil', '燃料油', 'fuel oil', 41.816, 't', 21.1, 0.98, 3.1705, ['fuel-oil', 'heavy-oil']),
  fuel('gasoline', '汽油', 'gasoline', 43.07, 't', 18.9, 0.98, 2.9251),
  fuel('kerosene', '煤油', 'kerosene', 43.07, 't', 19.5, 0.98, 3.0179),
  fuel('diesel', '柴油', 'diesel', 42.652, 't', 20.2, 0.98, 3.0959),
  fuel('lpg', '液化石油气', 'LPG', 50.179, 't', 17.2, 0.98, 3.1013),
  fuel('refinery-gas', '炼厂干气', 'refinery gas', 46.055, 't', 18.2, 0.98, 3.0119),
  fuel('natural-gas', '天然气', 'natural gas', 389.31, '1e4 Nm3', 15.3, 0.99, 2.1622),
];

const byCarrier = new Map<string, FuelFactor>();
for (const f of fuels) for (const c of f.carriers) byCarrier.set(c, f);

/** The default factor of a fuel carrier, if the table holds one. */
export function fuelFactor(carrier: string | undefined): FuelFactor | undefined {
  return carrier === undefined ? undefined : byCarrier.get(carrier);
}

/** Purchased heat (steam, hot water): tCO2 per GJ [U] — a configurable default (carbon.factors). */
export const heatFactor = {
  value: 0.11,
  unit: 'tCO2/GJ',
  series: 'GHG accounting guides default',
  year: 2015,
  source: {
    standard: 'national GHG accounting guides',
    edition: '2015',
    clause: 'purchased heat',
    tag: 'U',
    note: 'Unverified default: give the supplier’s factor in carbon.factors where known.',
  } as Provenance,
};

/** Carriers counted as purchased heat. */
export const HEAT_CARRIERS: readonly string[] = ['steam', 'hot-water', 'heat'];
