import type { Messages } from './catalog.ts';

/** Messages about malformed models (src/model/validate.ts). */
export const modelMessages: Messages = {
  'json.read': { zh: '无法读取文件：{detail}', en: 'cannot read file: {detail}' },
  'file.missing': { zh: '文件不存在', en: 'no such file' },
  'file.directory': { zh: '这是一个目录，不是文件', en: 'this is a directory, not a file' },
  'file.permission': { zh: '没有读取此文件的权限', en: 'no permission to read this file' },
  'file.notFile': { zh: '不是普通文件（设备或套接字）', en: 'not a regular file (a device or socket)' },
  'json.empty': { zh: '文件为空，不是 JSON 模型', en: 'the file is empty: no JSON model' },
  'json.tooLarge': {
    zh: '文件过大（{bytes} 字节，上限 {limit}）：不像是企业模型',
    en: 'the file is too large ({bytes} bytes, limit {limit}) to be a plant model',
  },
  'json.binaryEncoding': {
    zh: '这是二进制文件（Excel/压缩文件？），不是 JSON 文本',
    en: 'this is a binary file (Excel, zip?), not JSON text',
  },
  'json.invalidEncoding': {
    zh: '第 {line} 行的字节不是有效的 {encoding} 文本；请将文件另存为 UTF-8',
    en: 'the bytes on line {line} are not valid {encoding} text; save the file as UTF-8',
  },
  'json.mixedEncoding': {
    zh: '文件混用了编码：有的行是 UTF-8，第 {line} 行不是（GBK？）；请将整个文件另存为 UTF-8',
    en: 'the file mixes encodings: some lines are UTF-8 and line {line} is not (GBK?); save the whole file as UTF-8',
  },
  'json.limits': {
    zh: 'JSON 超出解析器的限制（嵌套过深或过大）：{detail}',
    en: 'the JSON exceeds the parser’s limits (nested too deep or too large): {detail}',
  },
  'json.unexpectedEnd': {
    zh: 'JSON 语法错误（第 {line} 行第 {column} 列）：文件意外结束，缺少 "}" 或 "]"',
    en: 'JSON syntax error (line {line}, column {column}): the text ends early; a "}" or "]" is missing',
  },
  'json.expectedValue': {
    zh: 'JSON 语法错误（第 {line} 行第 {column} 列）：此处应为一个值（对象、数组、带双引号的字符串、数字、true、false 或 null），实际为 {found}',
    en: 'JSON syntax error (line {line}, column {column}): a value (object, array, double-quoted string, number, true, false or null) is expected here, not {found}',
  },
  'json.expectedKey': {
    zh: 'JSON 语法错误（第 {line} 行第 {column} 列）：此处应为带双引号的字段名，实际为 {found}',
    en: 'JSON syntax error (line {line}, column {column}): a double-quoted key is expected here, not {found}',
  },
  'json.expectedColon': {
    zh: 'JSON 语法错误（第 {line} 行第 {column} 列）：字段名后应为 ":"，实际为 {found}',
    en: 'JSON syntax error (line {line}, column {column}): ":" is expected after the key, not {found}',
  },
  'json.expectedCommaOrBrace': {
    zh: 'JSON 语法错误（第 {line} 行第 {column} 列）：此处应为 "," 或 "}"，实际为 {found}（是否漏了逗号？）',
    en: 'JSON syntax error (line {line}, column {column}): "," or "}" is expected here, not {found} (a missing comma?)',
  },
  'json.expectedCommaOrBracket': {
    zh: 'JSON 语法错误（第 {line} 行第 {column} 列）：此处应为 "," 或 "]"，实际为 {found}（是否漏了逗号？）',
    en: 'JSON syntax error (line {line}, column {column}): "," or "]" is expected here, not {found} (a missing comma?)',
  },
  'json.trailingComma': {
    zh: 'JSON 语法错误（第 {line} 行第 {column} 列）：最后一项后面多了逗号',
    en: 'JSON syntax error (line {line}, column {column}): a comma after the last item',
  },
  'json.fullWidth': {
    zh: 'JSON 语法错误（第 {line} 行第 {column} 列）：全角字符 {found}，应为半角 {ascii}',
    en: 'JSON syntax error (line {line}, column {column}): the full-width character {found} where JSON needs {ascii}',
  },
  'json.singleQuote': {
    zh: 'JSON 语法错误（第 {line} 行第 {column} 列）：JSON 的字符串和字段名要用双引号 "，不能用单引号',
    en: 'JSON syntax error (line {line}, column {column}): JSON strings and keys take double quotes ", not single quotes',
  },
  'json.unterminatedString': {
    zh: 'JSON 语法错误（第 {line} 行第 {column} 列）：从此处开始的字符串没有结束的双引号',
    en: 'JSON syntax error (line {line}, column {column}): the string starting here has no closing double quote',
  },
  'json.newlineInString': {
    zh: 'JSON 语法错误（第 {line} 行第 {column} 列）：字符串中有换行；请写作 \\n，或检查是否漏了结束的双引号',
    en: 'JSON syntax error (line {line}, column {column}): a line break inside a string; write \\n, or check for a missing closing quote',
  },
  'json.controlChar': {
    zh: 'JSON 语法错误（第 {line} 行第 {column} 列）：字符串中有控制字符 {found}',
    en: 'JSON syntax error (line {line}, column {column}): the control character {found} inside a string',
  },
  'json.badEscape': {
    zh: 'JSON 语法错误（第 {line} 行第 {column} 列）：无效的转义 {found}（Windows 路径请写作 \\\\）',
    en: 'JSON syntax error (line {line}, column {column}): the invalid escape {found} (write a Windows path with \\\\)',
  },
  'json.badNumber': {
    zh: 'JSON 语法错误（第 {line} 行第 {column} 列）：无效的数字 {found}',
    en: 'JSON syntax error (line {line}, column {column}): the invalid number {found}',
  },
  'json.trailing': {
    zh: 'JSON 语法错误（第 {line} 行第 {column} 列）：JSON 已结束，后面还有 {found}',
    en: 'JSON syntax error (line {line}, column {column}): more text ({found}) after the end of the JSON',
  },
  'json.duplicateKey': {
    zh: '字段 "{key}" 重复（第 {first} 行已有）；JSON 只会保留后一个',
    en: 'the key "{key}" appears twice (first on line {first}); JSON would keep only the last',
  },
  'number.tooLarge': {
    zh: '数值 {value} 超出可计算范围：绝对值应不大于 {max}，请换用更大的单位',
    en: 'the number {value} is outside the range computed with: its magnitude must be at most {max}; use a larger unit',
  },
  'number.tooSmall': {
    zh: '数值 {value} 太小：非零数值的绝对值应不小于 {min}，请换用更小的单位',
    en: 'the number {value} is too small: a non-zero magnitude must be at least {min}; use a smaller unit',
  },
  'schema.positive': { zh: '应为正数', en: 'must be positive' },
  'number.notFinite': {
    zh: '数值超出双精度范围（如 1e400），无法计算',
    en: 'the number is beyond double precision (such as 1e400) and cannot be computed with',
  },
  'json.protoKey': {
    zh: '字段名 "__proto__" 不能使用（JavaScript 的保留名，其内容会丢失）',
    en: 'the key "__proto__" cannot be used (reserved in JavaScript: its content would be lost)',
  },
  'campaign.tooLong': {
    zh: '测试时段 {hours} 小时过长（上限 {max} 小时）',
    en: 'a campaign of {hours} h is too long (at most {max} h)',
  },
  'schema.atLeast': { zh: '应不小于 {minimum}', en: 'must be at least {minimum}' },
  'schema.atMost': { zh: '应不大于 {maximum}', en: 'must be at most {maximum}' },
  'schema.empty.string': { zh: '不能为空字符串', en: 'must not be empty' },
  'schema.empty.array': { zh: '至少要有一项', en: 'needs at least one item' },
  'campaign.timezone': {
    zh: '未知时区 "{zone}"（应为 IANA 时区名，如 Asia/Shanghai）',
    en: 'unknown time zone "{zone}" (an IANA name such as Asia/Shanghai)',
  },
  'settings.periodHours': {
    zh: '平衡期 {value} 小时过长（上限 {max} 小时）',
    en: 'a balance period of {value} h is too long (at most {max} h)',
  },
  'settings.annualHours': {
    zh: '年运行小时数 {value} 超过一年的小时数 {max}',
    en: '{value} operating hours per year exceed the {max} hours of a year',
  },
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
  'component.negative': { zh: '浓度 {value} 为负', en: 'the concentration {value} is negative' },
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
