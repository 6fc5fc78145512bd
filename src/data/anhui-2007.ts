import type { AcceptanceRule, AcceptanceRuleSet, UnjudgedRule } from './acceptance.ts';
import type { Label, Provenance } from './provenance.ts';

/**
 * 皖经资源〔2007〕227号 《安徽省清洁生产审核验收暂行办法》 (Anhui Economic Commission and
 * Environmental Protection Bureau, 2007): the implementation table 表2 (安徽省清洁生产企业实施情况表)
 * and the review score sheet (安徽省清洁生产审核评审打分表), section 三 审核绩效 and its 说明.
 * Seed 003_9c443752d6c2806a.txt lines 7910–8341; shared/standards/STANDARDS.md §7.
 */
export const source: Provenance = { standard: '皖经资源〔2007〕227号', edition: '2007', clause: '', tag: 'P' };
const at = (clause: string, note?: string): Provenance => ({ ...source, clause, ...(note ? { note } : {}) });

const resources: AcceptanceRule = {
  id: 'resources',
  label: {
    zh: '水、电、蒸汽、煤等及主要生产原材料至少有一项节约 3%（先进）/ 5%（一般）以上',
    en: 'at least one of water, electricity, steam, coal and the main raw materials saved by ≥ 3 % (advanced) / ≥ 5 % (general)',
  },
  subjects: ['water', 'electricity', 'steam', 'coal', 'material'],
  measure: 'per-unit',
  threshold: { advanced: 0.03, general: 0.05 },
  aggregate: 'any',
  lines: [8312, 8333],
  source: at('评审打分表 三.8; 说明 一'),
  interpretation:
    '说明 一 gives no basis; the saving is read as the GB/T 13234 saving rate ξ = (e_b − e_r) / e_b of consumption per unit product (STANDARDS §7). 等 is read as the items named.',
};

const pollutants: AcceptanceRule = {
  id: 'pollutants',
  label: {
    zh: '废水、第一类污染物、CODcr、氨氮、废气、粉尘、SO2 等至少有一项单位产品产生量削减 3%（先进）/ 5%（一般）以上',
    en: 'at least one of wastewater, class-I pollutants, CODcr, NH3-N, waste gas, dust, SO2 cut per unit product (generation) by ≥ 3 % (advanced) / ≥ 5 % (general)',
  },
  subjects: ['wastewater', 'first-class', 'COD', 'NH3-N', 'waste-gas', 'dust', 'SO2'],
  measure: 'per-unit',
  threshold: { advanced: 0.03, general: 0.05 },
  aggregate: 'any',
  lines: [8318, 8339],
  source: at('评审打分表 三.10; 说明 二', '说明 二: 单位产品污染物产生量削减量'),
};

/** Score-sheet rows on proposals that pingheng judges from the proposals' data. */
export interface ProposalRule {
  id: string;
  label: Label;
  category: 'no-low' | 'medium-high';
  /** share: implemented / proposed ≥ min; count: implemented ≥ min. */
  test: 'share' | 'count';
  min: number;
  lines: readonly [number, number];
  source: Provenance;
}

export const proposalRules: readonly ProposalRule[] = [
  {
    id: 'no-low-implemented',
    label: { zh: '清洁生产无/低费方案 90％以上实施', en: '≥ 90 % of the no/low-cost proposals implemented' },
    category: 'no-low',
    test: 'share',
    min: 0.9,
    lines: [8301, 8301],
    source: at('评审打分表 三.3'),
  },
  {
    id: 'medium-high-implemented',
    label: { zh: '清洁生产中/高费方案至少有 1 个实施', en: 'at least one medium/high-cost proposal implemented' },
    category: 'medium-high',
    test: 'count',
    min: 1,
    lines: [8302, 8302],
    source: at('评审打分表 三.4'),
  },
];

const notFromBalances: Label = {
  zh: '需审核人员判断，不能由平衡数据得出',
  en: 'a reviewer’s judgement; balances cannot decide it',
};

const unjudged: readonly UnjudgedRule[] = [
  {
    id: 'targets-80',
    label: { zh: '审核重点的清洁生产目标指标实现率达到 80％以上', en: '≥ 80 % of the audit focus’s targets achieved' },
    lines: [8310, 8310],
    reason: { zh: '模型中没有清洁生产目标', en: 'the model holds no cleaner-production targets' },
  },
  {
    id: 'discharge-standards',
    label: {
      zh: '污染物排放达到排放标准，排污总量控制在许可范围内',
      en: 'discharges meet the standards and stay within the permitted totals',
    },
    lines: [8316, 8316],
    reason: notFromBalances,
  },
  {
    id: 'utilisation',
    label: {
      zh: '通过审核对生产过程中产生的废物、废水和余热进行了综合利用',
      en: 'wastes, wastewater and waste heat put to use through the audit',
    },
    lines: [8303, 8303],
    reason: notFromBalances,
  },
];

export const ruleSet: AcceptanceRuleSet = {
  id: 'anhui',
  province: { zh: '安徽省', en: 'Anhui' },
  document: {
    zh: '皖经资源〔2007〕227号《安徽省清洁生产审核验收暂行办法》评审打分表',
    en: 'Anhui CP audit acceptance rules (皖经资源〔2007〕227号), review score sheet',
  },
  rules: [resources, pollutants],
  unjudged,
  source,
};

/** What a row of 表2 shows; the results module fills each key (src/results/table2.ts). */
export type Table2Key =
  | 'output-value'
  | 'proposals-no-low'
  | 'proposals-medium-high'
  | 'COD'
  | 'NH3-N'
  | 'dust'
  | 'SO2'
  | 'wastewater'
  | 'solid-waste'
  | 'hazardous-waste'
  | 'recovered-material'
  | 'material'
  | 'raw-water'
  | 'electricity'
  | 'raw-coal'
  | 'steam'
  | 'fuel-oil';

export interface Table2Row {
  /** The row number as printed (16 has four sub-rows). */
  no: string;
  key: Table2Key;
  /** Left cell (before) and right cell (after) as printed. */
  before: Label;
  after: Label;
  /** Unit the table asks for. */
  unit: string;
  lines: readonly [number, number];
  source: Provenance;
}

const row = (no: string, key: Table2Key, before: Label, after: Label, unit: string, lines: [number, number]) =>
  ({
    no,
    key,
    before,
    after,
    unit,
    lines,
    source: at(
      `实施情况表（表 2）第 ${no} 行`,
      no === '16'
        ? 'The printed row 16 (节约能源) lists only the savings; its "before" cell (the use per year) is pingheng’s, for reference.'
        : undefined,
    ),
  }) as Table2Row;
const pollutant = (no: string, key: Table2Key, zh: string, en: string, line: number, end = line) =>
  row(
    no,
    key,
    { zh: `实施前${zh}产生量`, en: `${en} generated before` },
    { zh: `实施后${zh}削减量`, en: `${en} reduction after` },
    't/a',
    [line, end],
  );

/**
 * 安徽省清洁生产企业实施情况表（表 2）, lines 8184–8252. Rows 12–14 (main raw materials A, B, C)
 * are one row per main material of the models; row 11 (recovered material) counts material-layer
 * flows of kind "recycle".
 */
export const table2: readonly Table2Row[] = [
  row(
    '1',
    'output-value',
    { zh: '上年工业总产值', en: 'industrial output value, previous year' },
    { zh: '当年工业总产值', en: 'industrial output value, current year' },
    '万元',
    [8186, 8186],
  ),
  row(
    '2',
    'proposals-no-low',
    { zh: '提出的无/低费方案数', en: 'no/low-cost proposals made' },
    {
      zh: '已实施的无/低费方案数；总投入（万元）；经济效益（万元/年）',
      en: 'no/low-cost proposals implemented; investment (万元); benefit (万元/a)',
    },
    '个',
    [8188, 8200],
  ),
  row(
    '3',
    'proposals-medium-high',
    { zh: '提出的中/高费方案数', en: 'medium/high-cost proposals made' },
    {
      zh: '已实施的中/高费方案数；总投入（万元）；经济效益（万元/年）',
      en: 'medium/high-cost proposals implemented; investment (万元); benefit (万元/a)',
    },
    '个',
    [8203, 8213],
  ),
  pollutant('4', 'COD', ' COD ', 'COD', 8216),
  pollutant('5', 'NH3-N', 'NH3-N', 'NH3-N', 8217),
  pollutant('6', 'dust', '粉尘', 'dust', 8218),
  pollutant('7', 'SO2', ' SO2 ', 'SO2', 8219),
  pollutant('8', 'wastewater', '废水', 'wastewater', 8220, 8221),
  pollutant('9', 'solid-waste', '固体废弃物（包括利用量）', 'solid waste (incl. utilised)', 8223, 8224),
  pollutant('10', 'hazardous-waste', '危险废物', 'hazardous waste', 8226, 8227),
  row(
    '11',
    'recovered-material',
    { zh: '回收物料', en: 'material recovered' },
    { zh: '回收物料产生的经济效益（万元）', en: 'benefit of the recovered material (万元)' },
    't/a',
    [8229, 8230],
  ),
  row(
    '12–14',
    'material',
    { zh: '实施前单位产品主要生产原材料消耗量', en: 'main raw material per unit product, before' },
    { zh: '实施后单位产品主要生产原材料削减量', en: 'main raw material per unit product, reduction after' },
    '',
    [8232, 8239],
  ),
  row(
    '15',
    'raw-water',
    { zh: '实施前原水消耗量', en: 'raw water used before' },
    { zh: '实施后原水节约量', en: 'raw water saved after' },
    '万t/a',
    [8241, 8242],
  ),
  row(
    '16',
    'electricity',
    { zh: '节约能源：实施前用电', en: 'energy: electricity used before' },
    { zh: '节电', en: 'electricity saved' },
    '万kWh/a',
    [8244, 8246],
  ),
  row(
    '16',
    'raw-coal',
    { zh: '节约能源：实施前原煤', en: 'energy: raw coal used before' },
    { zh: '节原煤', en: 'raw coal saved' },
    't/a',
    [8248, 8248],
  ),
  row(
    '16',
    'steam',
    { zh: '节约能源：实施前蒸汽', en: 'energy: steam used before' },
    { zh: '节蒸汽', en: 'steam saved' },
    't/a',
    [8250, 8250],
  ),
  row(
    '16',
    'fuel-oil',
    { zh: '节约能源：实施前燃料油', en: 'energy: fuel oil used before' },
    { zh: '节燃料油', en: 'fuel oil saved' },
    't/a',
    [8252, 8252],
  ),
];
