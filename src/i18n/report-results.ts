import type { Messages } from './catalog.ts';

/** The audit report's results chapter and its appendix of coefficients and assumptions (part of reportMessages, report.ts). */
export const reportResultsMessages: Messages = {
  'report.results.noCompare': {
    zh: '未给出审核前的模型，本章从略。命令行：pingheng report 审核后模型 --compare 审核前模型；网页：打开审核前模型，在“审核后模型（对比）”中选择审核后模型，再下载报告。',
    en: 'No base-period model was given; this chapter is left out. Command line: pingheng report AFTER --compare BEFORE; web app: open the base-period model, pick the report-period model under "Report-period model (compare)", then download the report.',
  },
  'report.results.cannot': {
    zh: '本期模型无法与审核前模型 {before} 对比：',
    en: 'This model cannot be compared with the base-period model {before}:',
  },
  'report.results.intro': {
    zh: '审核前（{before}）与审核后（{after}）对比；{basis}；{periods}。验收规则：{document}；企业水平：{level}（docs/results.md）。',
    en: 'Before ({before}) against after ({after}); {basis}; {periods}. Acceptance rules: {document}; plant level: {level} (docs/results.md).',
  },
  'report.results.verdict': { zh: '验收要求：{pass}', en: 'Acceptance requirements: {pass}' },
  'report.results.table2Caption': {
    zh: '清洁生产实施情况表（安徽 表 2 格式，年值）',
    en: 'Implementation of the audit (Anhui 表2 form, per year)',
  },
  'report.results.table2Note': {
    zh: '削减量、节约量为审核前 − 审核后（正值为削减/节约）；单耗项按报告期产量计（GB/T 13234-2018）。',
    en: 'Reductions and savings are before − after (positive = less); per-unit items at the report-period output (GB/T 13234-2018).',
  },
  'report.results.beforeItem': { zh: '审核前项目', en: 'Before' },
  'report.results.afterItem': { zh: '审核后项目', en: 'After' },
  'report.results.savingsCaption': { zh: '节约量与削减量', en: 'Savings and reductions' },
  'report.results.savingsNote': {
    zh: '正值为节约/削减，按报告期计；「单耗」项为 Σ(单耗审核前 − 单耗审核后) × 报告期产量，「总量」项为审核前 − 审核后；* 为主要原材料。',
    en: 'Positive = saved, over the report period; “per unit” rows are Σ (e_before − e_after) × report-period output, “total” rows before − after; * main raw materials.',
  },
  'report.results.rate': { zh: '节约/变化率', en: 'Rate' },
  'report.results.threshold': { zh: '要求', en: 'Required' },
  'report.results.acceptanceCaption': { zh: '验收要求（{document}）', en: 'Acceptance requirements ({document})' },
  'report.results.indicatorsCaption': { zh: '单位产品指标审核前后对比', en: 'Indicators before and after' },
  'report.results.indicatorsNote': {
    zh: '变化率 = (审核后 − 审核前) / 审核前，负值为下降；要求为验收规则的下降幅度。',
    en: 'Change = (after − before) / before, negative = down; the requirement is the fall the rule asks for.',
  },
  'report.results.carbonCaption': { zh: '二氧化碳排放（审核前后）', en: 'CO2 emissions before and after' },
  'report.results.co2Total': { zh: '合计', en: 'Total' },
  'report.results.proposalsCaption': { zh: '清洁生产方案经济分析', en: 'The proposals and their economics' },
  'report.results.proposalsNote': {
    zh: '回收期 N = I / F；净现值 NPV = −I + F × (1 − (1 + i)⁻ⁿ) / i；内部收益率为 NPV = 0 时的 i。无/低费限额 {limit} 万元。',
    en: 'Payback N = I / F; NPV = −I + F × (1 − (1 + i)⁻ⁿ) / i; IRR the i at which NPV = 0. No/low-cost limit {limit} 万元.',
  },
  'report.results.noProposals': {
    zh: '两个模型均未列出清洁生产方案（proposals）。',
    en: 'Neither model lists proposals.',
  },
  'report.results.investment': { zh: '投资', en: 'Investment' },
  'report.results.benefit': { zh: '年经济效益', en: 'Annual benefit' },
  'report.results.lifetime': { zh: '寿命', en: 'Lifetime' },
  'report.results.payback': { zh: '投资回收期', en: 'Payback' },
  'report.results.npv': { zh: '净现值', en: 'NPV' },
  'report.results.irr': { zh: '内部收益率', en: 'IRR' },
  'report.results.factorsCaption': { zh: '审核绩效所用因子', en: 'Factors used for the results' },
  'report.results.series': { zh: '系列', en: 'Series' },
  'report.results.year': { zh: '数据年份', en: 'Data year' },
  'report.results.region': { zh: '地区', en: 'Region' },

  'report.appendix.coefficientsCaption': {
    zh: '折标准煤系数及其出处',
    en: 'Standard-coal coefficients and their sources',
  },
  'report.appendix.kgce': { zh: '1 千克标准煤的低位发热量', en: 'Low heating value of 1 kgce' },
  'report.appendix.lhvRow': { zh: '{flow} 实测低位发热量', en: 'measured LHV of {flow}' },
  'report.appendix.measured': { zh: '实测（模型给出）', en: 'measured (given in the model)' },
  'report.appendix.electricityEqual': { zh: '电力（等价值）', en: 'electricity (equal value)' },
  'report.appendix.tagsNote': {
    zh: '出处标记：[P] 标准原文，[C] 可靠的标准转录，[S] 仅见于二手资料，[U] 未经核实的默认值（可在模型中修改）。',
    en: 'Tags: [P] the standard’s own text, [C] a faithful copy, [S] secondary sources only, [U] an unverified default (configurable in the model).',
  },
  'report.appendix.rulesCaption': { zh: '计量器具配备率要求（%）', en: 'Required meter coverage (%)' },
  'report.appendix.rulesNote': {
    zh: '空白：该级别无要求；云南附件二「其他」二、三级（※）由省清洁生产主管部门确定。',
    en: 'Blank: no requirement at that level; Yunnan Annex 2 “other” levels 2–3 (※) are set by the provincial CP office.',
  },
  'report.appendix.parametersCaption': { zh: '参数与默认值', en: 'Parameters and defaults' },
  'report.appendix.fromModel': { zh: '模型设定（settings）', en: 'set in the model (settings)' },
  'report.appendix.tolerance': { zh: '{layer}平衡允许误差', en: '{layer} closure tolerance' },
  'report.appendix.masterSub': { zh: '总表与分表允许差（{scope}）', en: 'master–sub meter tolerance ({scope})' },
  'report.appendix.relativeSd': {
    zh: '缺省相对标准不确定度（{source}）',
    en: 'default relative standard uncertainty ({source})',
  },
  'report.appendix.coverageFactor': {
    zh: '准确度等级视为 95% 区间的包含因子 k',
    en: 'coverage factor k reading an accuracy class as a 95 % bound',
  },
  'report.appendix.annualHours': { zh: '年运行小时', en: 'operating hours per year' },
  'report.appendix.minCampaign': { zh: '最短连续测试时间', en: 'minimum continuous campaign' },
  'report.appendix.estimatedShare': {
    zh: '估算值占比上限（超过即为估计型）',
    en: 'estimated-value share limit (above it: estimated)',
  },
  'report.appendix.waterDensity': { zh: '水的密度（体积换算质量）', en: 'density of water (volume to mass)' },
  'report.appendix.physical': { zh: '物理常数', en: 'physical constant' },
  'report.appendix.assumptionsTitle': { zh: '假设与说明', en: 'Assumptions' },
  'report.assume.estimated': {
    zh: '{total} 股物料/水/能源流中有 {count} 股为估算、设计或计算值：{flows}',
    en: '{count} of {total} material, water and energy flows are estimated, design or calculated values: {flows}',
  },
  'report.assume.derived': {
    zh: '{count} 股未计量的流由平衡差值推算：{flows}',
    en: '{count} unmeasured flows were computed by difference: {flows}',
  },
  'report.assume.concentration': {
    zh: '污染因子的量 = 载体流量 × 浓度（kg = m³ × mg/L × 10⁻³）。',
    en: 'Pollutant amounts = carrier flow × concentration (kg = m³ × mg/L × 10⁻³).',
  },
  'report.assume.period': {
    zh: '平衡期 {hours} 小时，全部数值为平衡期内的累计量。',
    en: 'The balance period is {hours} h; every value is a total over it.',
  },
  'report.assume.noPeriod': {
    zh: '模型未给出平衡期时长（settings.periodHours 或 campaign），按速率给出的流无法换算。',
    en: 'The model gives no period length (settings.periodHours or campaign); rates cannot be turned into totals.',
  },
  'report.assume.sd': {
    zh: '未给出不确定度的流：有计量器具的按准确度等级（视为 95% 区间），否则按数据来源取缺省相对不确定度（见上表）。',
    en: 'Flows without an uncertainty take it from their meter’s accuracy class (read as a 95 % bound), else the default for their source kind (table above).',
  },
  'report.assume.tags': {
    zh: '各项规则与系数的条款及出处说明见 pingheng 文档 docs/balances.md、docs/metering.md、docs/report.md。',
    en: 'Clauses and sources of every rule and coefficient are explained in pingheng’s docs/balances.md, docs/metering.md and docs/report.md.',
  },
};
