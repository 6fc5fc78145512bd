import type { Messages } from './catalog.ts';

/** Savings, carbon and proposals (src/results/, src/model/validate-results.ts, the compare and carbon commands). */
export const resultsMessages: Messages = {
  // Model fields the results use.
  'product.unknownNode': { zh: '未知节点 "{id}"', en: 'unknown node "{id}"' },
  'proposal.duplicate': {
    zh: '方案编号 "{id}" 重复（首次出现于 {first}）',
    en: 'duplicate proposal id "{id}" (first at {first})',
  },
  'proposal.investment': {
    zh: '方案 "{id}" 的投资（万元）应为非负数，实际为 {value}',
    en: 'the investment (万元) of proposal "{id}" must be zero or more, not {value}',
  },
  'proposal.number': { zh: '方案 "{id}" 的数值无效：{value}', en: 'proposal "{id}": not a number: {value}' },
  'proposal.lifetime': {
    zh: '方案 "{id}" 的寿命期（年）应为正数，实际为 {value}',
    en: 'the lifetime (years) of proposal "{id}" must be positive, not {value}',
  },
  'proposal.discountRate': {
    zh: '折现率应为小数且大于 −1（5% 写作 0.05），实际为 {value}',
    en: 'the discount rate is a fraction above −1 (5 % is 0.05), not {value}',
  },
  'proposal.noBenefit': {
    zh: '方案 "{id}" 既没有年收益 annualBenefit，也没有可计算收益的 flows',
    en: 'proposal "{id}" has neither annualBenefit nor flows to compute it from',
  },
  'proposal.unknownFlow': {
    zh: '方案 "{proposal}" 涉及的流 "{id}" 在两个模型中都不存在',
    en: 'flow "{id}" of proposal "{proposal}" is in neither model',
  },
  'proposal.unknownValue': {
    zh: '方案 "{proposal}" 涉及的流 "{id}" 数值未知，不能计算收益',
    en: 'flow "{id}" of proposal "{proposal}" has no known value: its benefit cannot be computed',
  },
  'proposal.noPrice': {
    zh: '方案 "{proposal}" 涉及的流 "{id}"（{carrier}）没有价格：请在 audit.prices 中给出',
    en: 'flow "{id}" ({carrier}) of proposal "{proposal}" has no price: give one in audit.prices',
  },
  'proposal.priceUnit': {
    zh: '方案 "{proposal}"：价格单位 {unit} 与流 "{id}" 的量纲不符',
    en: 'proposal "{proposal}": the price unit {unit} does not fit flow "{id}"',
  },
  'audit.lowCostLimit': {
    zh: '无/低费方案的投资限额（万元）应为非负数，实际为 {value}',
    en: 'the no/low-cost investment limit (万元) must be zero or more, not {value}',
  },
  'price.target': {
    zh: '价格须且只能给出 carrier 或 flow 之一',
    en: 'a price names either a carrier or a flow, not both or neither',
  },
  'price.unknownFlow': { zh: '未知的流 "{id}"', en: 'unknown flow "{id}"' },
  'price.value': { zh: '价格应为非负数，实际为 {value}', en: 'a price must be zero or more, not {value}' },
  'price.unit': { zh: '价格单位无效：{detail}', en: 'price unit: {detail}' },
  'co2factor.target': {
    zh: '排放因子须且只能给出 carrier 或 flow 之一',
    en: 'a CO2 factor names either a carrier or a flow, not both or neither',
  },
  'co2factor.noYear': {
    zh: '排放因子缺少数据年份（year）：没有年份和来源的因子不能使用',
    en: 'the CO2 factor has no data year (year): a factor without year and source cannot be used',
  },
  'co2factor.noSource': {
    zh: '排放因子缺少来源（source）：没有年份和来源的因子不能使用',
    en: 'the CO2 factor has no source (source): a factor without year and source cannot be used',
  },
  'co2factor.value': { zh: '数值应为正数，实际为 {value}', en: 'the value must be positive, not {value}' },
  'co2factor.unit': { zh: '单位无效：{detail}', en: 'unit: {detail}' },
  'flow.oxidation': {
    zh: '碳氧化率应在 0 与 1 之间（如 0.98），实际为 {value}',
    en: 'the oxidation rate is a fraction in (0, 1] (e.g. 0.98), not {value}',
  },

  // Grid factors and the inventory.
  'co2.gridSeries': {
    zh: '没有电网排放因子系列 "{series}"（已有：{known}）',
    en: 'no grid-factor series "{series}" (held: {known})',
  },
  'co2.gridRegion': {
    zh: '电网排放因子表中没有地区 "{region}"（{series} 系列已有：{known}）',
    en: 'the grid-factor tables hold no region "{region}" ({series} holds: {known})',
  },
  'co2.gridYear': {
    zh: '{series} 系列没有 {year} 年的电网排放因子（已有年份：{known}）',
    en: 'the {series} series holds no data year {year} (held: {known})',
  },
  'co2.gridRegionYear': {
    zh: '{series} 系列 {year} 年没有地区 "{region}" 的因子（该地区已有年份：{years}）',
    en: 'the {series} series holds no factor for "{region}" in {year} (years held for it: {years})',
  },
  'co2.gridDefault': {
    zh: '电网排放因子未指定 {fields}：采用 {year} 年{regionZh}的值',
    en: 'grid factor {fields} not chosen: using {regionEn}, data year {year}',
  },
  'co2.excluded': {
    zh: '不是燃料、电力或热力：不计排放（如需计入请在 carbon.factors 中给出因子）',
    en: 'not a fuel, electricity or heat: no emissions counted (give a factor in carbon.factors to count it)',
  },
  'co2.electricityUnit': {
    zh: '电力流 "{flow}" 的单位不是能量单位',
    en: 'electricity flow "{flow}" is not in a unit of energy',
  },
  'co2.fuelUnit': {
    zh: '燃料流 "{flow}" 的单位 {unit} 与缺省热值（GJ/{per}）不符：请给出实测热值 lhv',
    en: 'the unit {unit} of fuel flow "{flow}" does not fit the default NCV (GJ/{per}): give a measured lhv',
  },
  'co2.noFuelFactor': {
    zh: '燃料 "{carrier}"（流 "{flow}"）没有缺省排放参数：请给出实测 carbon.content、carbon.oxidation 与 lhv，或在 carbon.factors 中给出因子',
    en: 'fuel "{carrier}" (flow "{flow}") has no default emission parameters: give measured carbon.content, carbon.oxidation and lhv, or a factor in carbon.factors',
  },
  'co2.fractionNeedsMass': {
    zh: '流 "{flow}" 的含碳量按质量分数给出，燃料量须为质量',
    en: 'flow "{flow}": a carbon content by mass fraction needs the fuel as a mass',
  },
  'co2.noNcv': {
    zh: '流 "{flow}"（{carrier}）：按单位热值含碳量计算需要低位热值 lhv',
    en: 'flow "{flow}" ({carrier}): a carbon content per unit energy needs the net calorific value (lhv)',
  },
  'co2.factorDimension': {
    zh: '因子单位 {unit} 与流 "{flow}" 的量纲不符',
    en: 'the factor unit {unit} does not fit flow "{flow}"',
  },

  // Comparing two models.
  'compare.noProduction': {
    zh: '没有产品产量（production）：比较需要各产品的产量',
    en: 'no production: a comparison needs each product’s output',
  },
  'compare.productUnit': {
    zh: '产品 "{id}" 的单位前后不同：基准期 {before}，报告期 {after}',
    en: 'product "{id}" changes unit: {before} in the base period, {after} in the report period',
  },
  'compare.nothingShared': {
    zh: '与 {before} 没有共同的产品，也没有共同的载体：不是同一企业的两个时期',
    en: 'no product and no carrier in common with {before}: not two periods of one plant',
  },
  'compare.productNode': {
    zh: '产品 "{id}" 归属的节点前后不同：{before} / {after}',
    en: 'product "{id}" is attributed to different nodes: {before} / {after}',
  },
  'compare.needOutputValue': {
    zh: '产品 "{id}" 缺少产值 outputValue（万元）：多种产品且未按节点归属时按产值计算单耗（GB/T 13234）',
    en: 'product "{id}" has no outputValue (万元): several products not attributed to nodes are compared per 万元 of output value (GB/T 13234)',
  },
  'compare.periodLength': {
    zh: '统计期 {hours} h 与另一时期 {other} h 长度不同，且未说明如何年化：请给出 period.annualFactor 或 settings.annualHours',
    en: 'the period of {hours} h differs from the other period ({other} h) and does not say how it annualises: give period.annualFactor or settings.annualHours',
  },
  'compare.choosePeriod': {
    zh: '模型含多个统计期（{ids}）：请用 --before-period / --after-period 选择期间（如 2024-01..2024-12）',
    en: 'the model has several periods ({ids}): choose with --before-period / --after-period (e.g. 2024-01..2024-12)',
  },
  'compare.rules': {
    zh: '没有验收规则 "{rules}"（已有：{known}）',
    en: 'no acceptance rule set "{rules}" (held: {known})',
  },
  'compare.levelDefault': {
    zh: '未说明企业是否处于同行先进水平（--level / audit.level）：按一般企业判定',
    en: 'the plant’s level (--level / audit.level) is not given: judged as a general plant',
  },
  'compare.gridDiffers': {
    zh: '两个模型的电网因子选择不同（基准期 {before}，报告期 {after}）：两期均采用报告期的选择',
    en: 'the models choose different grid factors (base {before}, report {after}): the report period’s is used for both',
  },
  'compare.equalValueDiffers': {
    zh: '两期电力等价值折标系数不同：基准期 {before}，报告期 {after}；各期按自身系数计算',
    en: 'the periods use different electricity equal values: base {before}, report {after}; each period uses its own',
  },
  'compare.periodAssumed': {
    zh: '两个模型都未给出统计期长度：假定两期等长直接比较总量',
    en: 'neither model states its period length: totals are compared as if the periods were equally long',
  },
  'compare.defaultAnnualHours': {
    zh: '{whichZh}期按每年 8760 h 年化（未核实的缺省值）：请给出 settings.annualHours 或 period.annualFactor',
    en: 'the {which} period is annualised at 8 760 h a year (an unverified default): give settings.annualHours or period.annualFactor',
  },
  'compare.noAnnualFactor': {
    zh: '{whichZh}期既无统计期长度也无年化系数：不给出年数据',
    en: 'the {which} period has neither a length nor an annual factor: no per-year figures',
  },
  'compare.unmatchedProduct': {
    zh: '产品 "{id}" 只在{whichZh}期出现：不参与按产品的节能量计算',
    en: 'product "{id}" appears in the {which} period only: it takes no part in the product savings',
  },
  'compare.mainMaterialUnknown': {
    zh: 'audit.mainMaterials 中的 "{name}" 不是任何物料输入',
    en: '"{name}" in audit.mainMaterials is not a material input of either model',
  },
  'compare.unknownFlows': {
    zh: '以下流的数值未知，相关结果为空：{flows}',
    en: 'these flows have no known value, so the figures that need them are empty: {flows}',
  },
};

/** Terminal text of `compare` and `carbon`. */
export const resultsCliMessages: Messages = {
  'results.title': {
    zh: '清洁生产审核绩效：{name}（{before} → {after}）',
    en: 'Audit results: {name} ({before} → {after})',
  },
  'results.basis': { zh: '比较方式：{basis}；{periods}', en: 'basis: {basis}; {periods}' },
  'results.basis.product': {
    zh: '按产品单耗（GB/T 13234-2018 产品节能量）',
    en: 'per unit product (GB/T 13234-2018 product saving)',
  },
  'results.basis.output-value': {
    zh: '按万元产值单耗（GB/T 13234-2018 产值节能量）',
    en: 'per 万元 of output value (GB/T 13234-2018 output-value saving)',
  },
  'results.periods.same-length': { zh: '两期等长', en: 'periods of equal length' },
  'results.periods.annualised': { zh: '总量按年化值比较', en: 'totals compared per year (annualised)' },
  'results.periods.assumed-same-length': {
    zh: '统计期长度未给出，按等长比较',
    en: 'period lengths not given: compared as equal',
  },
  'results.rules': {
    zh: '验收规则：{document}；企业水平：{level}',
    en: 'acceptance rules: {document}; plant level: {level}',
  },
  'results.level.advanced': { zh: '同行先进', en: 'advanced in its industry' },
  'results.level.general': { zh: '一般', en: 'general' },
  'results.savingsTitle': {
    zh: '节约量与削减量（正值为节约/削减；单耗项按报告期产量计）',
    en: 'savings and reductions (positive = saved; per-unit items at report-period output)',
  },
  'results.indicatorsTitle': { zh: '指标', en: 'indicators' },
  'results.acceptanceTitle': { zh: '验收要求：{pass}', en: 'acceptance: {pass}' },
  'results.table2Title': {
    zh: '实施情况表（安徽 表 2 格式，年值）',
    en: 'implementation table (Anhui 表2 form, per year)',
  },
  'results.proposalsTitle': {
    zh: '方案经济分析（无/低费限额 {limit} 万元）',
    en: 'proposals (no/low-cost limit {limit} 万元)',
  },
  'results.factorsTitle': { zh: '所用因子', en: 'factors used' },
  'results.warningsTitle': { zh: '提示', en: 'notes' },
  'results.notJudged': { zh: '无法判定', en: 'not judged' },
  'results.totalSuffix': { zh: '（总量）', en: ' (total)' },
  'results.row.energy': { zh: '综合能耗（当量值）', en: 'comprehensive energy (equivalent)' },
  'results.row.energyEqual': { zh: '综合能耗（等价值）', en: 'comprehensive energy (equal value)' },
  'results.row.newWater': { zh: '新水量', en: 'new water' },
  'results.row.generation': { zh: '{name} 产生量', en: '{name} generated' },
  'results.row.discharge': { zh: '{name} 排放量', en: '{name} discharged' },
  'results.row.co2': { zh: '二氧化碳排放量', en: 'CO2 emissions' },
  'results.by.perUnit': { zh: '单耗', en: 'per unit' },
  'results.by.total': { zh: '总量', en: 'total' },
  'results.category.no-low': { zh: '无/低费', en: 'no/low cost' },
  'results.category.medium-high': { zh: '中/高费', en: 'medium/high cost' },
  'results.total.no-low': {
    zh: '无/低费：提出 {proposed}，实施 {implemented}',
    en: 'no/low: {proposed} made, {implemented} done',
  },
  'results.total.medium-high': {
    zh: '中/高费：提出 {proposed}，实施 {implemented}',
    en: 'medium/high: {proposed} made, {implemented} done',
  },
  'results.total.all': {
    zh: '合计：提出 {proposed}，实施 {implemented}',
    en: 'all: {proposed} made, {implemented} done',
  },
  'results.col.item': { zh: '项目', en: 'item' },
  'results.col.unit': { zh: '单位', en: 'unit' },
  'results.col.beforeTotal': { zh: '审核前总量', en: 'before' },
  'results.col.afterTotal': { zh: '审核后总量', en: 'after' },
  'results.col.saved': { zh: '节约量', en: 'saved' },
  'results.col.savedPerYear': { zh: '每年节约量', en: 'saved per year' },
  'results.col.savingRate': { zh: '节约率%', en: 'rate %' },
  'results.col.by': { zh: '依据', en: 'by' },
  'results.col.indicator': { zh: '指标', en: 'indicator' },
  'results.col.product': { zh: '产品', en: 'product' },
  'results.product.outputValue': { zh: '万元产值', en: 'per 万元 output value' },
  'results.col.before': { zh: '审核前', en: 'before' },
  'results.col.after': { zh: '审核后', en: 'after' },
  'results.col.rate': { zh: '变化率%', en: 'change %' },
  'results.col.threshold': { zh: '要求%', en: 'required %' },
  'results.col.verdict': { zh: '判定', en: 'verdict' },
  'results.col.rule': { zh: '验收项', en: 'rule' },
  'results.col.required': { zh: '要求', en: 'required' },
  'results.col.indicators': { zh: '指标数', en: 'indicators' },
  'results.col.lines': { zh: '原文行', en: 'seed lines' },
  'results.col.no': { zh: '序号', en: 'no.' },
  'results.col.value': { zh: '数值', en: 'value' },
  'results.col.id': { zh: '编号', en: 'id' },
  'results.col.proposal': { zh: '方案', en: 'proposal' },
  'results.col.category': { zh: '类别', en: 'category' },
  'results.col.implemented': { zh: '已实施', en: 'done' },
  'results.col.investment': { zh: '投资/万元', en: 'invest. 万元' },
  'results.col.benefit': { zh: '年收益/万元', en: 'benefit 万元/a' },
  'results.col.payback': { zh: '回收期/年', en: 'payback a' },
  'results.col.npv': { zh: '净现值/万元', en: 'NPV 万元' },
  'results.col.irr': { zh: '内部收益率%', en: 'IRR %' },
  'results.col.flow': { zh: '流', en: 'flow' },
  'results.col.name': { zh: '名称', en: 'name' },
  'results.col.carrier': { zh: '载体', en: 'carrier' },
  'results.col.direction': { zh: '方向', en: 'direction' },
  'results.col.activity': { zh: '活动水平', en: 'activity' },
  'results.col.factor': { zh: '因子', en: 'factor' },
  'results.col.co2': { zh: 'CO2/t', en: 'CO2 t' },
  'results.col.note': { zh: '说明', en: 'note' },
  'results.col.series': { zh: '系列', en: 'series' },
  'results.col.year': { zh: '数据年份', en: 'data year' },
  'results.col.region': { zh: '地区', en: 'region' },
  'results.col.tag': { zh: '来源等级', en: 'tag' },
  'results.col.source': { zh: '来源', en: 'source' },
  'results.direction.in': { zh: '购入', en: 'in' },
  'results.direction.exported': { zh: '输出', en: 'exported' },
  'results.direction.stock-drawdown': { zh: '库存减少', en: 'stock draw-down' },
  'results.direction.stock-increase': { zh: '库存增加', en: 'stock increase' },
  'results.carbonTitle': { zh: '二氧化碳排放清单：{name}', en: 'CO2 inventory: {name}' },
  'results.carbonTotal': {
    zh: '合计 {total} t（直接 {direct} t，间接 {indirect} t）；每年 {perYear} t',
    en: 'total {total} t (direct {direct} t, indirect {indirect} t); per year {perYear} t',
  },
  'results.carbonUnknown': {
    zh: '以下流的数值未知，清单不完整：{flows}',
    en: 'these flows have no known value, so the inventory is incomplete: {flows}',
  },
  'results.gridDefaulted': {
    zh: '电网排放因子的 {fields} 未指定，取缺省值（见“所用因子”）',
    en: 'grid factor {fields} not chosen: defaults used (see “factors used”)',
  },
  'results.defaultYear': {
    zh: '每年数值按 8760 h/a 年化（未核实的缺省值；请给出 settings.annualHours 或 period.annualFactor）',
    en: 'per-year figures at 8 760 h a year (an unverified default; give settings.annualHours or period.annualFactor)',
  },
  'web.results.after': { zh: '审核后模型（对比）', en: 'Report-period model (compare)' },
  'web.results.title': { zh: '审核绩效', en: 'Audit results' },
  'web.results.hint': {
    zh: '选择审核后（报告期）模型，即可与当前模型对比：节能量、节水量、减排量、减碳量、验收要求与方案经济性。',
    en: 'Pick the report-period model to compare it with this one: savings, reductions, CO2, acceptance and the proposals’ economics.',
  },
  'web.results.compareFailed': { zh: '无法与 {file} 对比', en: 'Cannot compare with {file}' },
  'web.results.carbonFailed': { zh: '二氧化碳排放清单无法计算', en: 'The CO2 inventory cannot be computed' },
  'results.cli.badNumber': {
    zh: '{option} 应为数字，实际为 "{value}"',
    en: '{option} must be a number, not "{value}"',
  },
  'results.cli.badLimit': {
    zh: '{option} 应为非负数（万元），实际为 "{value}"',
    en: '{option} must be a number ≥ 0 (万元), not "{value}"',
  },
  'results.cli.badLevel': {
    zh: '--level 应为 advanced 或 general，实际为 "{value}"',
    en: '--level must be advanced or general, not "{value}"',
  },
};
