import type { Messages } from './catalog.ts';

/** Multi-period models: validation of `stocks` and `periods`, and the `pingheng periods` report (src/periods/). */
export const periodsMessages: Messages = {
  'periods.duplicate': {
    zh: '统计期编号 "{id}" 重复（首次出现于 {first}）',
    en: 'duplicate period id "{id}" (first at {first})',
  },
  'periods.badTime': { zh: '无法识别的日期或时间 "{value}"', en: 'unreadable date or time "{value}"' },
  'periods.order': {
    zh: '统计期 "{id}" 的结束 {end} 不晚于开始 {start}',
    en: 'period "{id}" ends ({end}) no later than it starts ({start})',
  },
  'periods.hoursLong': {
    zh: '统计期 "{id}" 的运行小时 {hours} h 超过日历小时 {calendar} h',
    en: 'period "{id}" has {hours} operating hours, more than its {calendar} calendar hours',
  },
  'periods.overlap': {
    zh: '统计期 "{id}" 从 {start} 开始，与上一统计期 "{previous}"（至 {end}）重叠 {hours} h（仅日期的结束日按整天计）',
    en: 'period "{id}" starts at {start} and overlaps the previous period "{previous}" (to {end}) by {hours} h (a date-only end counts the whole day)',
  },
  'periods.gap': {
    zh: '统计期 "{id}" 从 {start} 开始，与上一统计期 "{previous}"（至 {end}）之间有 {hours} h 的间隔（仅日期的结束日按整天计）',
    en: 'period "{id}" starts at {start}, {hours} h after the previous period "{previous}" ends ({end}; a date-only end counts the whole day)',
  },
  'periods.unknownFlow': { zh: '未知的流 "{id}"', en: 'unknown flow "{id}"' },
  'periods.unknownStock': {
    zh: '未知的库存 "{id}"（应在 stocks 中定义）',
    en: 'unknown stock "{id}" (define it in stocks)',
  },
  'periods.stockDuplicate': { zh: '库存编号 "{id}" 重复', en: 'duplicate stock id "{id}"' },
  'periods.stockUnknownFlow': { zh: '未知的库存变化流 "{id}"', en: 'unknown stock-change flow "{id}"' },
  'periods.stockNotStock': {
    zh: '流 "{id}" 不是库存变化流（应有 "stock": true）',
    en: 'flow "{id}" is not a stock change (it needs "stock": true)',
  },
  'periods.stockFlowTwice': {
    zh: '库存变化流 "{id}" 已属于库存 "{other}"',
    en: 'stock-change flow "{id}" already belongs to stock "{other}"',
  },
  'periods.stockUnits': {
    zh: '库存的各库存变化流应使用同一单位（库存水平以此单位计），"{id}" 使其出现了 {units}',
    en: 'the stock-change flows of one stock must share a unit (its levels are in it); "{id}" makes {units}',
  },
  'periods.stockCarry': {
    zh: '库存 "{stock}" 的期初 {opening} 不等于上一统计期的期末 {closing}（期末结转为下期期初）',
    en: 'stock "{stock}" opens at {opening}, not at the previous period\'s closing level {closing} (closing carries over as the next opening)',
  },
  'periods.stockChange': {
    zh: '库存变化流 "{flow}" 的数值 {value} 与期初、期末之差 {change} 不符',
    en: 'stock-change flow "{flow}" is given as {value}, but the levels differ by {change}',
  },
  'periods.productUnit': {
    zh: '产品 "{id}" 的单位 "{unit}" 与其他统计期的 "{other}" 不同',
    en: 'product "{id}" is in "{unit}" here but in "{other}" elsewhere',
  },
  'periods.none': { zh: '模型没有 periods（统计期）', en: 'the model has no periods' },
  'periods.unknownPeriod': { zh: '未知的统计期 "{id}"（有：{ids}）', en: 'unknown period "{id}" (there are: {ids})' },
  'periods.rangeOrder': {
    zh: '统计期区间 "{from}".."{to}" 的起点晚于终点',
    en: 'period range "{from}".."{to}" starts after it ends',
  },
  'periods.rangeCampaign': {
    zh: '测试期 "{id}" 不能与核算期合并成区间（测试期单独计）',
    en: 'campaign "{id}" cannot be part of a range of accounting periods (campaigns are kept apart)',
  },
  'periods.mixedComponent': {
    zh: '流 "{flow}" 的组分 {component} 在各统计期中给法不同（浓度/数量或单位），无法合并',
    en: 'component {component} of flow "{flow}" is given differently across the periods (concentration vs amount, or units): cannot be added up',
  },
  'periods.readingsWindow': {
    zh: '统计期 "{id}"：{detail}',
    en: 'period "{id}": {detail}',
  },
  'periods.cli.title': { zh: '{name} — 分期平衡（月度台账）', en: '{name} — balances per period (monthly accounts)' },
  'periods.cli.col.period': { zh: '统计期', en: 'period' },
  'periods.cli.col.hours': { zh: '小时', en: 'hours' },
  'periods.cli.col.balances': { zh: '平衡', en: 'balances' },
  'periods.cli.col.energy': { zh: '综合能耗 tce', en: 'energy tce' },
  'periods.cli.col.energyPer': { zh: '单位产品能耗', en: 'energy per unit' },
  'periods.cli.col.water': { zh: '新水量', en: 'new water' },
  'periods.cli.col.waterPer': { zh: '单位产品新水', en: 'new water per unit' },
  'periods.cli.col.stocks': { zh: '期末库存', en: 'closing stocks' },
  'periods.cli.balances': { zh: '闭合 {closed}，不闭合 {open}', en: '{closed} closed, {open} open' },
  'periods.cli.years': { zh: '【年度汇总（不含测试期）】', en: '[calendar years (campaigns not included)]' },
  'periods.cli.partial': { zh: '（不足一年）', en: ' (part of the year)' },
  'periods.cli.campaigns': { zh: '【测试期（单独计）】', en: '[campaigns (kept apart)]' },
  'periods.cli.findings': { zh: '不闭合的平衡：', en: 'open balances:' },
  'periods.cli.allClosed': { zh: '各统计期的平衡均闭合。', en: 'every balance of every period closes.' },
  'periods.cli.across': {
    zh: '【跨期数据校正（含库存）：{layer}】',
    en: '[reconciliation across periods with stocks: {layer}]',
  },
  'web.example.boiler-monthly': { zh: '供热站月度台账', en: 'Heating station, monthly' },
  'web.periods.title': { zh: '分期平衡与趋势（月度台账）', en: 'Periods and trends (monthly accounts)' },
  'web.periods.energy': { zh: '综合能耗', en: 'Energy consumption' },
  'web.periods.energyPerUnit': { zh: '单位产品综合能耗', en: 'Energy per unit product' },
  'web.periods.waterPerUnit': { zh: '单位产品新水量', en: 'New water per unit product' },
  'web.periods.campaign': { zh: '测试期，单独计', en: 'campaign, kept apart' },
  'web.periods.col.period': { zh: '统计期', en: 'period' },
  'web.periods.col.hours': { zh: '小时', en: 'hours' },
  'web.periods.col.open': { zh: '不闭合的平衡', en: 'open balances' },
  'web.periods.col.energy': { zh: '综合能耗 tce', en: 'energy tce' },
  'web.periods.col.energyPerUnit': { zh: '单位产品能耗', en: 'energy per unit' },
  'web.periods.col.water': { zh: '新水量', en: 'new water' },
  'web.periods.col.waterPerUnit': { zh: '单位产品新水', en: 'new water per unit' },
  'web.periods.col.stocks': { zh: '期末库存', en: 'closing stocks' },
};
