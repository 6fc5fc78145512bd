import { gridTable } from './co2-grid.ts';
import type { Provenance } from './provenance.ts';

/**
 * 生态环境部、国家统计局 2021 年电力二氧化碳排放因子 (MEE & NBS, data year 2021, announced 2024):
 * location-based average factor of electricity consumed, kgCO2/kWh. shared/standards/STANDARDS.md §6.
 */
const stds: Provenance = {
  standard: 'MEE & NBS electricity CO2 emission factors',
  edition: '2021 (announced 2024)',
  clause: '全国电力平均二氧化碳排放因子',
  tag: 'C',
};

export const table = gridTable(
  'mee-nbs',
  2021,
  { zh: '生态环境部、国家统计局 2021 年电力二氧化碳排放因子', en: 'MEE & NBS electricity CO2 factors, 2021' },
  {
    zh: '生态环境部、国家统计局《关于发布2021年电力二氧化碳排放因子的公告》（公告2024年第12号）',
    en: 'MEE & NBS announcement on the 2021 electricity CO2 emission factors (No. 12 of 2024)',
  },
  [['national', 0.5568, stds]],
);
