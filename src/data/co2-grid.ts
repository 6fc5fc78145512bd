import type { Label, Provenance } from './provenance.ts';

/**
 * Shapes shared by the grid-electricity CO2 factor tables (one module per series and data year:
 * co2-grid-mee-nbs-2021, -2022, -2023, co2-grid-carbon-market-2022). Every factor carries its
 * series, data year, region and announcement; a result names the one it used.
 */
export type GridSeries = 'mee-nbs' | 'carbon-market';

export interface GridRegion {
  id: string;
  label: Label;
  kind: 'national' | 'regional' | 'provincial';
}

function r(id: string, zh: string, en: string, kind: GridRegion['kind']): GridRegion {
  return { id, label: { zh, en }, kind };
}

/** Regions the tables hold; `--grid-region` and `carbon.grid.region` take the id, the Chinese or the English name. */
export const gridRegions: readonly GridRegion[] = [
  r('national', '全国', 'national', 'national'),
  r('north', '华北', 'North China', 'regional'),
  r('northeast', '东北', 'North-east China', 'regional'),
  r('east', '华东', 'East China', 'regional'),
  r('central', '华中', 'Central China', 'regional'),
  r('northwest', '西北', 'North-west China', 'regional'),
  r('south', '南方', 'South China', 'regional'),
  r('southwest', '西南', 'South-west China', 'regional'),
  r('anhui', '安徽', 'Anhui', 'provincial'),
  r('fujian', '福建', 'Fujian', 'provincial'),
  r('guangdong', '广东', 'Guangdong', 'provincial'),
  r('guangxi', '广西', 'Guangxi', 'provincial'),
  r('hebei', '河北', 'Hebei', 'provincial'),
  r('inner-mongolia', '内蒙古', 'Inner Mongolia', 'provincial'),
  r('qinghai', '青海', 'Qinghai', 'provincial'),
  r('shanxi', '山西', 'Shanxi', 'provincial'),
  r('sichuan', '四川', 'Sichuan', 'provincial'),
  r('tianjin', '天津', 'Tianjin', 'provincial'),
  r('yunnan', '云南', 'Yunnan', 'provincial'),
];

export interface GridFactor {
  series: GridSeries;
  /** The year the factor describes (数据年份), not the year it was announced. */
  year: number;
  region: string;
  /** kgCO2/kWh (= tCO2/MWh). */
  value: number;
  announcement: Label;
  source: Provenance;
}

export interface GridFactorTable {
  series: GridSeries;
  year: number;
  label: Label;
  factors: readonly GridFactor[];
}

/** Builds one table's rows; every row shares the table's series, year and announcement. */
export function gridTable(
  series: GridSeries,
  year: number,
  label: Label,
  announcement: Label,
  rows: readonly [region: string, value: number, source: Provenance][],
): GridFactorTable {
  return {
    series,
    year,
    label,
    factors: rows.map(([region, value, source]) => ({ series, year, region, value, announcement, source })),
  };
}
