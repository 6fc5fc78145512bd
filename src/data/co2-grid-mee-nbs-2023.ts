import { gridTable } from './co2-grid.ts';
import type { Provenance } from './provenance.ts';

/**
 * 生态环境部、国家统计局 2023 年电力二氧化碳排放因子 (MEE & NBS, data year 2023, announced 2025),
 * kgCO2/kWh. shared/standards/STANDARDS.md §6.
 */
const stds: Provenance = {
  standard: 'MEE & NBS electricity CO2 emission factors',
  edition: '2023 (announced 2025)',
  clause: '全国和省级电力平均二氧化碳排放因子',
  tag: 'C',
};

export const table = gridTable(
  'mee-nbs',
  2023,
  { zh: '生态环境部、国家统计局 2023 年电力二氧化碳排放因子', en: 'MEE & NBS electricity CO2 factors, 2023' },
  {
    zh: '生态环境部、国家统计局 2023 年电力二氧化碳排放因子公告（2025 年）',
    en: 'MEE & NBS announcement of the 2023 electricity CO2 emission factors (2025)',
  },
  [
    ['national', 0.5306, stds],
    ['guangdong', 0.4419, stds],
    ['yunnan', 0.1333, stds],
  ],
);
