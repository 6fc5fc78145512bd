import type { Messages } from './catalog.ts';

/** Balance findings and CP-audit advice (src/balance/). */
export const balanceMessages: Messages = {
  'finding.open': {
    zh: '{node} 的{layer}平衡不闭合：误差 {closure}%，超过允许的 {tolerance}%',
    en: 'the {layer} balance of {node} does not close: {closure}% against a tolerance of {tolerance}%',
  },
  'finding.indeterminate': {
    zh: '{node} 的{layer}平衡无法确定：未计量的流 {flows} 不能由平衡算出',
    en: 'the {layer} balance of {node} cannot be determined: unmeasured flows {flows} cannot be computed from the balances',
  },
  'finding.negativeDerived': {
    zh: '由差值算出的 {flow} = {value} {unit} 为负：实测的输出大于输入',
    en: '{flow} computed by difference is negative ({value} {unit}): measured outputs exceed inputs',
  },
  'finding.masterSub': {
    zh: '{node} 的 {carrier} 总表与分表之差为 {relative}%，超过 {tolerance}%',
    en: 'master vs sub meters of {node} for {carrier} differ by {relative}%, beyond {tolerance}%',
  },
  'finding.equalValueDefault': {
    zh: '电力等价值按默认值 {value} kgce/kWh（{standard} 的旧值）折算：请在 settings.electricityEqualValue 中给出测试年度的火电供电煤耗',
    en: "electricity 等价值 (equal value) uses the default {value} kgce/kWh (the legacy figure of {standard}): give the year's thermal-power coal rate in settings.electricityEqualValue",
  },
  'advice.indeterminate': {
    zh: '补充计量未计量的流，或在模型中给出估算值（source: estimated）',
    en: 'meter the unmeasured flows, or give estimates (source: estimated) in the model',
  },
  'advice.negativeDerived': {
    zh: '差值为负说明实测的输出大于输入：检查计量器具的读数与量程，核对是否遗漏输入',
    en: 'a negative difference means measured outputs exceed inputs: check the meters and look for a missing input',
  },
  'advice.missingOutput': {
    zh: '输入大于输出：查找未计量或遗漏的输出——无组织排放、跑冒滴漏、蒸发、随产品或固废带走的量',
    en: 'inputs exceed outputs: look for unmetered or missing outputs — fugitive emissions (无组织排放), leaks, evaporation, material leaving with product or solid waste',
  },
  'advice.missingInput': {
    zh: '输出大于输入：查找遗漏的输入（补充水、回用、库存减少），核对读数偏高的计量器具',
    en: 'outputs exceed inputs: look for missing inputs (make-up, reuse, stock draw-down) and meters reading high',
  },
  'advice.estimatedInvolved': {
    zh: '平衡中含估算值或设计值：应以实测替代',
    en: 'the balance uses estimated or design values: replace them by measurements',
  },
  'advice.remeasure': {
    zh: '按清洁生产审核实践，超过允许误差的平衡不能用于进一步分析：复测最可疑的流后重新平衡',
    en: 'by CP audit practice a balance beyond tolerance cannot be used for further analysis: re-measure the likeliest culprits and balance again',
  },
  'status.closed': { zh: '闭合', en: 'closed' },
  'status.open': { zh: '不闭合', en: 'open' },
  'status.by-difference': { zh: '差值计算', en: 'by difference' },
  'status.indeterminate': { zh: '无法确定', en: 'indeterminate' },
  'status.pass': { zh: '合格', en: 'pass' },
  'status.fail': { zh: '不合格', en: 'fail' },
  'status.incomplete': { zh: '计量不全', en: 'incomplete' },
  'layer.material': { zh: '物料', en: 'material' },
  'layer.water': { zh: '水', en: 'water' },
  'layer.energy': { zh: '能源', en: 'energy' },
};
