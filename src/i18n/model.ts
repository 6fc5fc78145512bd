import type { Messages } from './catalog.ts';

/** Messages about malformed models (src/model/validate.ts). */
export const modelMessages: Messages = {
  'json.syntax': { zh: 'JSON 语法错误：{detail}', en: 'JSON syntax error: {detail}' },
  'json.read': { zh: '无法读取文件：{detail}', en: 'cannot read file: {detail}' },
  'schema.type': { zh: '应为 {expected}，实际为 {received}', en: 'expected {expected}, got {received}' },
  'schema.required': { zh: '缺少必填项（应为 {expected}）', en: 'required ({expected}) is missing' },
  'schema.unknownKey': { zh: '未知字段 "{key}"', en: 'unknown key "{key}"' },
  'schema.enum': { zh: '取值应为 {options} 之一', en: 'must be one of {options}' },
  'schema.other': { zh: '{detail}', en: '{detail}' },
  'node.duplicate': {
    zh: '节点编号 "{id}" 重复（首次出现于 {first}）',
    en: 'duplicate node id "{id}" (first at {first})',
  },
  'flow.duplicate': {
    zh: '流编号 "{id}" 重复（首次出现于 {first}）',
    en: 'duplicate flow id "{id}" (first at {first})',
  },
  'meter.duplicate': {
    zh: '计量器具编号 "{id}" 重复（首次出现于 {first}）',
    en: 'duplicate meter id "{id}" (first at {first})',
  },
  'product.duplicate': {
    zh: '产品编号 "{id}" 重复（首次出现于 {first}）',
    en: 'duplicate product id "{id}" (first at {first})',
  },
  'product.output': {
    zh: '产品 "{id}" 的产量应为正数，实际为 {value}',
    en: 'the output of product "{id}" must be positive, not {value}',
  },
  'product.outputValue': {
    zh: '产品 "{id}" 的产值（万元）不能为负，实际为 {value}',
    en: 'the output value (10⁴ CNY) of product "{id}" cannot be negative: {value}',
  },
  'product.unknownFlow': { zh: '未知的产品流 "{id}"', en: 'unknown product flow "{id}"' },
  'node.mainKey': {
    zh: '"{key}" 不是 GB 17167 表1/表2 的能源类别（electricity、solid-fuel、oil、heavy-oil、gas、steam、water、other）、其载体或 material',
    en: '"{key}" is not a GB 17167 Table 1–2 group (electricity, solid-fuel, oil, heavy-oil, gas, steam, water, other), a carrier of one, or material',
  },
  'node.ratedValue': { zh: '额定值应为正数，实际为 {value}', en: 'a rated figure must be positive, not {value}' },
  'node.ratedUnit': {
    zh: '额定值单位 "{unit}" 不能与 {group} 的限定值比较：应为每小时的量（功率 kW/MW，或 t/h、m3/h）',
    en: 'rated unit "{unit}" cannot be compared with the {group} limit: give a rate per hour (power kW/MW, or t/h, m3/h)',
  },
  'flow.useLayer': {
    zh: '用水类别 use 只用于水层的流（此流在 {layer} 层）',
    en: 'a water use (use) belongs on water-layer flows only (this flow is in the {layer} layer)',
  },
  'edition.unknownFamily': {
    zh: '未知的标准 "{key}"：pingheng 只按以下标准的版本计算：{known}',
    en: 'unknown standard "{key}": pingheng applies editions of {known} only',
  },
  'edition.twice': {
    zh: '"{key}" 与 "{first}" 都指 {standard}：每个标准只能选一个版本',
    en: '"{key}" and "{first}" both name {standard}: pick one edition per standard',
  },
  'edition.notHeld': {
    zh: '{standard}-{edition} 已发布，但 pingheng 尚无其表格数据（已有：{held}），不能按该版本计算',
    en: '{standard}-{edition} exists but pingheng does not hold its tables (it holds: {held}); nothing can be computed under it',
  },
  'edition.unknown': {
    zh: 'pingheng 没有 {standard} 的 "{edition}" 版（已有：{held}）',
    en: 'pingheng has no edition "{edition}" of {standard} (it holds: {held})',
  },
  'period.annualFactor': {
    zh: '年化系数应为正数，实际为 {value}',
    en: 'the annualisation factor must be positive, not {value}',
  },
  'node.unknownParent': { zh: '未知的上级节点 "{id}"', en: 'unknown parent node "{id}"' },
  'node.parentLoop': { zh: '上级关系成环：{chain}', en: 'parent chain loops: {chain}' },
  'node.level1Parent': { zh: '一级节点（用能单位）不应有上级', en: 'a level-1 node (enterprise) has no parent' },
  'node.missingParent': { zh: '{level} 级节点需要上级节点', en: 'a level-{level} node needs a parent' },
  'node.level2Parent': {
    zh: '二级节点的上级 "{parent}" 应为一级，实际为 {parentLevel} 级',
    en: 'the parent "{parent}" of a level-2 node must be level 1, not level {parentLevel}',
  },
  'node.level3Parent': {
    zh: '三级节点的上级 "{parent}" 应为二级（或在无二级的企业中为一级），实际为 {parentLevel} 级',
    en: 'the parent "{parent}" of a level-3 node must be level 2 (or level 1 where the plant has no level 2), not level {parentLevel}',
  },
  'flow.unknownNode': { zh: '未知节点 "{id}"', en: 'unknown node "{id}"' },
  'flow.selfLoop': { zh: '流从节点 "{id}" 流向其自身', en: 'flow from node "{id}" to itself' },
  'flow.outsideToOutside': {
    zh: '流的起点和终点都在系统边界外（from 与 to 均为 null）',
    en: 'flow from outside to outside (from and to are both null)',
  },
  'flow.stockEnds': {
    zh: '库存变化流必须一端为节点、一端为 null',
    en: 'a stock change needs one end at a node and the other null',
  },
  'flow.negative': {
    zh: '数值 {value} 为负；只有库存变化可以为负',
    en: 'value {value} is negative; only stock changes may be negative',
  },
  'flow.minMax': { zh: '下限 {min} 大于上限 {max}', en: 'min {min} is greater than max {max}' },
  'unit.unknown': { zh: '{detail}', en: '{detail}' },
  'unit.layer': {
    zh: '单位 "{unit}"（{dimension}）不适用于 {layer} 层',
    en: 'unit "{unit}" ({dimension}) does not fit the {layer} layer',
  },
  'unit.needsDensity': {
    zh: '{layer} 层中的体积单位 "{unit}" 需要给出密度 density',
    en: 'volume unit "{unit}" in the {layer} layer needs a density',
  },
  'unit.needsCoefficient': {
    zh: '能源层中的实物量单位 "{unit}" 需要载体 carrier 有 GB/T 2589 折标系数（当前载体：{carrier}），或给出低位发热量 lhv',
    en: 'physical unit "{unit}" in the energy layer needs a carrier with a GB/T 2589 coefficient (carrier: {carrier}) or a measured lhv',
  },
  'unit.lhvDimension': {
    zh: '低位发热量单位 "{lhv}" 与流单位 "{unit}" 不匹配',
    en: 'lhv unit "{lhv}" does not match the flow unit "{unit}"',
  },
  'unit.densityUnit': {
    zh: '密度单位 "{unit}" 应为质量/体积，如 t/m3',
    en: 'density unit "{unit}" must be mass per volume, e.g. t/m3',
  },
  'unit.ratePeriod': {
    zh: '速率单位 "{unit}" 需要平衡期：请设置 settings.periodHours 或 campaign',
    en: 'rate unit "{unit}" needs a balance period: set settings.periodHours or a campaign',
  },
  'component.noQuantity': {
    zh: '组分 "{component}" 以浓度给出，但载体流没有数量（无 value，也未标为 unmeasured）',
    en: 'component "{component}" is a concentration but the carrier flow has no quantity (no value, not marked unmeasured)',
  },
  'component.valueOrConcentration': {
    zh: '组分需给出 concentration 或 value 之一（只能一个）',
    en: 'a component needs exactly one of concentration or value',
  },
  'component.concentrationUnit': { zh: '浓度单位 "{unit}"：{detail}', en: 'concentration unit "{unit}": {detail}' },
  'component.amountUnit': {
    zh: '组分量的单位 "{unit}" 应为质量单位',
    en: 'a component amount needs a mass unit, not "{unit}"',
  },
  'component.gasOnly': {
    zh: '"{unit}" 按标准体积计，只能用于气体体积（Nm3）的流',
    en: '"{unit}" is per standard volume and needs a flow in Nm3',
  },
  'component.reservedName': {
    zh: '组分名 "{component}" 与基本平衡层同名',
    en: 'component name "{component}" is a base layer name',
  },
  'meter.unknown': { zh: '未知计量器具 "{id}"', en: 'unknown meter "{id}"' },
  'meter.unknownFlow': { zh: '计量器具指向未知的流 "{id}"', en: 'meter on an unknown flow "{id}"' },
  'meter.badDate': { zh: '日期 "{date}" 不存在', en: 'date "{date}" does not exist' },
  'meter.badClass': { zh: '无法识别的准确度等级 "{value}"', en: 'unknown accuracy class "{value}"' },
  'campaign.order': {
    zh: '测试结束时间 {end} 早于开始时间 {start}',
    en: 'campaign ends ({end}) before it starts ({start})',
  },
  'campaign.badTime': { zh: '时间 "{value}" 无法解析', en: 'time "{value}" cannot be read' },
  'flow.materialPhase': {
    zh: '物料流没有 phase（气/液/固/其他），按“其他”计入附件二',
    en: 'material flow without phase: counted as "other" in Yunnan Annex 2',
  },
  'settings.displayUnit': {
    zh: '显示单位 "{unit}" 不适用于 {layer} 层',
    en: 'display unit "{unit}" does not fit the {layer} layer',
  },
};
