import { gridTable } from './co2-grid.ts';
import type { Provenance } from './provenance.ts';

/**
 * The national-grid factor MEE set for enterprises' greenhouse-gas emission *reports* in the
 * carbon market: 0.5703 tCO2/MWh (data year 2022). It is not a member of the MEE–NBS series of
 * electricity CO2 factors, and results label it as the carbon-market reporting value.
 * shared/standards/STANDARDS.md §6.
 */
const stds: Provenance = {
  standard: 'MEE carbon-market emission reporting',
  edition: '2022 data year',
  clause: '全国电网平均排放因子 (reporting value)',
  tag: 'C',
  note: 'Carbon-market reporting value, not the MEE–NBS statistical series.',
};

export const table = gridTable(
  'carbon-market',
  2022,
  {
    zh: '碳市场企业温室气体排放报告用全国电网平均排放因子（2022）',
    en: 'carbon-market reporting value of the national grid factor (2022)',
  },
  {
    zh: '生态环境部 企业温室气体排放报告管理通知（碳市场报告用值）',
    en: 'MEE notice on enterprises’ greenhouse-gas emission reports (carbon-market reporting value)',
  },
  [['national', 0.5703, stds]],
);
