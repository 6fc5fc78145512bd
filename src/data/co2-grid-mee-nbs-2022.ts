import { gridTable } from './co2-grid.ts';
import type { Provenance } from './provenance.ts';

/**
 * 生态环境部、国家统计局 2022 年电力二氧化碳排放因子 (MEE & NBS, data year 2022, announced
 * 2024-12-20): national, regional and provincial average factors, kgCO2/kWh.
 * National, Guangdong, Yunnan and the seven regional grids: shared/standards/STANDARDS.md §6 [C]
 * (STANDARDS calls the regional values an older regional series; the press reports of this
 * announcement give the same seven figures as its regional level). The other provinces: the
 * five highest and five lowest as the press reported them [S].
 */
const stds: Provenance = {
  standard: 'MEE & NBS electricity CO2 emission factors',
  edition: '2022 (announced 2024)',
  clause: '全国、区域和省级电力平均二氧化碳排放因子',
  tag: 'C',
};
const press: Provenance = {
  ...stds,
  tag: 'S',
  note: 'Press report of the announcement (新京报, 2024-12-27): the five highest and five lowest provinces.',
};

export const table = gridTable(
  'mee-nbs',
  2022,
  { zh: '生态环境部、国家统计局 2022 年电力二氧化碳排放因子', en: 'MEE & NBS electricity CO2 factors, 2022' },
  {
    zh: '生态环境部、国家统计局《关于发布2022年电力二氧化碳排放因子的公告》（2024年12月20日）',
    en: 'MEE & NBS announcement on the 2022 electricity CO2 emission factors (2024-12-20)',
  },
  [
    ['national', 0.5366, stds],
    ['north', 0.6776, stds],
    ['northeast', 0.5564, stds],
    ['east', 0.5617, stds],
    ['central', 0.5395, stds],
    ['northwest', 0.5857, stds],
    ['south', 0.3869, stds],
    ['southwest', 0.2268, stds],
    ['guangdong', 0.4403, stds],
    ['yunnan', 0.1073, stds],
    ['hebei', 0.7252, press],
    ['shanxi', 0.7096, press],
    ['tianjin', 0.7041, press],
    ['inner-mongolia', 0.6849, press],
    ['anhui', 0.6782, press],
    ['fujian', 0.4092, press],
    ['guangxi', 0.4044, press],
    ['qinghai', 0.1567, press],
    ['sichuan', 0.1404, press],
  ],
);
