import type { Messages } from './catalog.ts';

/** The VOCs solvent balance (src/vocs/, docs/vocs.md): input problems, findings, the table's labels. */
export const vocsMessages: Messages = {
  // ---- input problems (exit 2) ----
  'vocs.content': {
    zh: '{flow} 的 VOCs 含量 {value} {unit} 超出 0–100 %',
    en: 'the VOCs content of {flow}, {value} {unit}, is outside 0–100 %',
  },
  'vocs.efficiency': {
    zh: '节点 "{node}" 的效率 {value} 超出 0–1（按小数填写，90 % 写作 0.9）',
    en: 'the efficiency of node "{node}", {value}, is outside 0–1 (a fraction: write 90 % as 0.9)',
  },
  'vocs.captureWithoutStream': {
    zh: '节点 "{node}" 给出了收集效率，但没有收集的 VOCs 流（kind: "captured"）可以应用',
    en: 'node "{node}" has a capture efficiency but no captured VOCs stream (kind: "captured") to apply it to',
  },
  'vocs.capturedSplit': {
    zh: '节点 "{node}" 有多股未计量的收集流（{flows}）：收集效率无法在它们之间分配，请给出其中除一股外的数值',
    en: 'node "{node}" has several unmeasured captured streams ({flows}): the capture efficiency cannot split between them; give all but one a value',
  },
  'vocs.noFugitive': {
    zh: '节点 "{node}" 的收集效率小于 1，但没有无组织排放流（kind: "fugitive", to: null）承接未收集的部分',
    en: 'node "{node}" captures less than all its VOCs but has no fugitive stream (kind: "fugitive", to: null) for the rest',
  },
  'vocs.removalWithoutTreatment': {
    zh: '节点 "{node}" 给出了去除效率，但它不是治理设施：没有收集的 VOCs 流（kind: "captured"）进入它',
    en: 'node "{node}" has a removal efficiency but is no treatment unit: no captured VOCs stream (kind: "captured") enters it',
  },
  'vocs.noRemovedStream': {
    zh: '治理设施 "{node}" 没有去除量的去向：需要一股 kind 为 "degraded"（销毁）、"waste"（吸附进废活性炭）或 "recycle"（回收）的 VOCs 流',
    en: 'treatment unit "{node}" has nowhere for what it removes: it needs a VOCs stream of kind "degraded" (destroyed), "waste" (adsorbed into spent carbon) or "recycle" (recovered)',
  },
  'vocs.removedSplit': {
    zh: '治理设施 "{node}" 有多股未计量的去除流（{flows}）：去除效率无法在它们之间分配',
    en: 'treatment unit "{node}" has several unmeasured removal streams ({flows}): the removal efficiency cannot split between them',
  },
  'vocs.noStack': {
    zh: '治理设施 "{node}" 的去除效率小于 1，但没有有组织排放（排气筒）流（kind: "emission"）',
    en: 'treatment unit "{node}" removes less than all it receives but has no stack stream (kind: "emission")',
  },
  'vocs.fugitiveInside': {
    zh: '{flow} 是无组织排放，应排往大气（to: null）',
    en: '{flow} is a fugitive emission: it goes to the atmosphere (to: null)',
  },
  'vocs.capturedFromOutside': {
    zh: '{flow} 是收集流，应来自一个产生 VOCs 的单元（from 不能为 null）',
    en: '{flow} is a captured stream: it comes from a unit that releases VOCs (from cannot be null)',
  },
  'vocs.capturedWithoutEfficiency': {
    zh: '{flow} 是未计量的收集流，但节点 "{node}" 没有收集效率（nodes[].vocs.capture）：无法计算',
    en: '{flow} is an unmeasured captured stream but node "{node}" has no capture efficiency (nodes[].vocs.capture): it cannot be computed',
  },
  'vocs.treatmentWithoutRemoval': {
    zh: '收集流 {flow} 进入 "{node}"，但该治理设施既没有去除效率（nodes[].vocs.removal），也没有排气筒监测值',
    en: 'captured stream {flow} enters "{node}", which has neither a removal efficiency (nodes[].vocs.removal) nor a monitored stack',
  },
  // ---- findings ----
  'vocs.finding.stack': {
    zh: '{node} 的排气筒监测与 VOCs 平衡矛盾：监测的有组织排放 {monitored} {unit}，按收集量 ×（1 − 去除效率 {efficiency}%）应为 {expected} {unit}，相差 {relative}%，超过允许的 {tolerance}%',
    en: 'stack monitoring at {node} contradicts the VOCs balance: {monitored} {unit} monitored against {expected} {unit} expected from captured × (1 − removal efficiency {efficiency}%), {relative}% apart, beyond the {tolerance}% allowed',
  },
  'vocs.finding.captured': {
    zh: '{node} 的收集量与收集效率矛盾：给出的收集量 {measured} {unit}，按产生量 × 收集效率应为 {expected} {unit}，相差 {relative}%，超过允许的 {tolerance}%',
    en: 'the captured stream of {node} contradicts its capture efficiency: {measured} {unit} given against {expected} {unit} from generated × capture efficiency, {relative}% apart, beyond the {tolerance}% allowed',
  },
  'vocs.finding.aboveReference': {
    zh: '{node} 的收集效率 {efficiency}% 高于“{methodZh}”的参考值 {cap}%（广东省减排量核算方法 2023 修订版 表23，二手资料）：请提供实测依据',
    en: 'the capture efficiency of {node}, {efficiency}%, is above the reference {cap}% for "{methodEn}" (Guangdong VOCs reduction accounting 2023 rev., Table 23, secondary source): back it with a measurement',
  },
  'vocs.finding.indeterminate': {
    zh: '{node} 的 VOCs 产生量无法计算：{flows} 未知',
    en: 'the VOCs generated at {node} cannot be computed: {flows} unknown',
  },
  // ---- the table (CLI and web) ----
  'vocs.table.title': {
    zh: '【VOCs 物料衡算（溶剂平衡）】单位 {unit}',
    en: '[VOCs solvent balance (mass balance)] unit {unit}',
  },
  'vocs.table.unitsTitle': {
    zh: '各产污单元 VOCs 产生与排放，单位 {unit}',
    en: 'VOCs generated and emitted per unit, {unit}',
  },
  'vocs.table.materials': { zh: '含 VOCs 原辅材料（投入）', en: 'VOCs-bearing raw materials (input)' },
  'vocs.table.units': {
    zh: '各产污单元：产生量 = 投入 − 随产品/废物/回收/转出带走；收集量 = 产生量 × 收集效率；无组织 = 产生量 − 收集量；去除量 = 收集量 × 去除效率；有组织 = 收集量 − 去除量',
    en: 'Per unit: generated = input − carried out (product, waste, recovered, passed on); captured = generated × capture efficiency; fugitive = generated − captured; removed = captured × removal efficiency; organised = captured − removed',
  },
  'vocs.table.treatments': {
    zh: '治理设施与排气筒监测（有组织排放：平衡值 = 收集量 × (1 − 去除效率)，监测值核对平衡），单位 {unit}',
    en: 'Treatment units and stack monitoring (organised emission: balance = captured × (1 − removal efficiency); the monitored value checks it), unit {unit}',
  },
  'vocs.table.balance': { zh: '全厂溶剂平衡，单位 {unit}', en: 'Whole-plant solvent balance, unit {unit}' },
  'vocs.col.material': { zh: '原辅材料', en: 'material' },
  'vocs.col.flow': { zh: '流', en: 'flow' },
  'vocs.col.basis': { zh: '依据', en: 'basis' },
  'vocs.col.quantity': { zh: '用量', en: 'quantity' },
  'vocs.col.qunit': { zh: '单位', en: 'unit' },
  'vocs.col.content': { zh: 'VOCs 含量%', en: 'VOCs content %' },
  'vocs.col.vocs': { zh: 'VOCs 量', en: 'VOCs' },
  'vocs.col.unit': { zh: '单元', en: 'unit' },
  'vocs.col.input': { zh: '投入', en: 'input' },
  'vocs.col.carried': { zh: '带走', en: 'carried out' },
  'vocs.col.generated': { zh: '产生量', en: 'generated' },
  'vocs.col.captureEfficiency': { zh: '收集效率%', en: 'capture %' },
  'vocs.col.captured': { zh: '收集量', en: 'captured' },
  'vocs.col.treatment': { zh: '治理设施', en: 'treatment' },
  'vocs.col.removalEfficiency': { zh: '去除效率%', en: 'removal %' },
  'vocs.col.removed': { zh: '去除量', en: 'removed' },
  'vocs.col.organised': { zh: '有组织排放', en: 'organised' },
  'vocs.col.fugitive': { zh: '无组织排放', en: 'fugitive' },
  'vocs.col.emitted': { zh: '排放合计', en: 'emitted' },
  'vocs.col.monitored': { zh: '监测值', en: 'monitored' },
  'vocs.col.relative': { zh: '相差%', en: 'difference %' },
  'vocs.col.tolerance': { zh: '允许%', en: 'tolerance %' },
  'vocs.col.status': { zh: '结论', en: 'verdict' },
  'vocs.col.item': { zh: '项目', en: 'item' },
  'vocs.col.amount': { zh: '数量', en: 'amount' },
  'vocs.total': { zh: '合计', en: 'total' },
  'vocs.basis.measured': { zh: '实测', en: 'measured' },
  'vocs.basis.design': { zh: '设计', en: 'design' },
  'vocs.basis.estimated': { zh: '估算', en: 'estimated' },
  'vocs.basis.derived': { zh: '推算', en: 'derived' },
  'vocs.basis.none': { zh: '无收集', en: 'no capture' },
  'vocs.status.pass': { zh: '相符', en: 'consistent' },
  'vocs.status.fail': { zh: '矛盾', en: 'contradicts' },
  'vocs.status.unmonitored': { zh: '未监测', en: 'not monitored' },
  'vocs.status.derived': { zh: '由监测推算去除效率', en: 'removal derived from monitoring' },
  'vocs.bal.input': { zh: '原辅材料带入（新购）', en: 'in purchased materials' },
  'vocs.bal.recoveredReused': {
    zh: '回收溶剂（厂内回用，不计入投入）',
    en: 'recovered solvent reused in the plant (not counted as input)',
  },
  'vocs.bal.product': { zh: '随产品带走', en: 'left in the product' },
  'vocs.bal.waste': { zh: '随废物带走', en: 'in waste' },
  'vocs.bal.recoveredExported': { zh: '回收外售', en: 'recovered and sold' },
  'vocs.bal.destroyed': { zh: '治理设施销毁', en: 'destroyed in treatment' },
  'vocs.bal.organised': { zh: '有组织排放（平衡值）', en: 'organised emission (balance)' },
  'vocs.bal.monitored': { zh: '有组织排放（监测值）', en: 'organised emission (monitored)' },
  'vocs.bal.fugitive': { zh: '无组织排放', en: 'fugitive emission' },
  'vocs.bal.other': { zh: '其他去向', en: 'other' },
  'vocs.bal.stockChange': { zh: '库存变化', en: 'stock change' },
  'vocs.bal.residual': { zh: '残差', en: 'residual' },
  'vocs.captureCheck': {
    zh: '{node}：收集量 {measured} {unit}，按收集效率应为 {expected} {unit}，相差 {relative}%（{status}）',
    en: '{node}: captured {measured} {unit} against {expected} {unit} from the capture efficiency, {relative}% apart ({status})',
  },
  'vocs.perProduct': {
    zh: '单位产品（{product}，{output} {unit}）：VOCs 产生量 {generated} {per}，排放量 {emitted} {per}',
    en: 'Per unit product ({product}, {output} {unit}): VOCs generated {generated} {per}, emitted {emitted} {per}',
  },
  'vocs.perProduct.severalProducts': {
    zh: '单位产品（{product}，{output} {unit}）：—（多种产品，全厂 VOCs 未分摊到各产品；按产品线分别建模可得单位产品值）',
    en: 'Per unit product ({product}, {output} {unit}): — (several products; the plant’s VOCs are not allocated among them — model each product line on its own for per-product figures)',
  },
  'vocs.annual': {
    zh: '折年：产生量 {generated} t/a，去除量 {removed} t/a，排放量 {emitted} t/a（平衡期 × {factor}）',
    en: 'Per year: generated {generated} t/a, removed {removed} t/a, emitted {emitted} t/a (period × {factor})',
  },
  // ---- names (src/i18n/names.ts looks these up): the VOCs flow kinds and coating-plant carriers ----
  'kind.captured': { zh: '收集废气', en: 'captured' },
  'kind.fugitive': { zh: '无组织排放', en: 'fugitive emission' },
  // outcome groups of the solvent-balance Sankey view (src/sankey/vocs-view.ts)
  'kind.destroyed': { zh: '治理设施销毁', en: 'destroyed in treatment' },
  'kind.stack': { zh: '有组织排放（排气筒）', en: 'stack (organised emission)' },
  'carrier.coating': { zh: '涂料', en: 'coating' },
  'carrier.thinner': { zh: '稀释剂', en: 'thinner' },
  'carrier.cleaning-solvent': { zh: '清洗溶剂', en: 'cleaning solvent' },
  'carrier.recovered-solvent': { zh: '回收溶剂', en: 'recovered solvent' },
  'carrier.waste-solvent': { zh: '废溶剂', en: 'waste solvent' },
  'carrier.paint-waste': { zh: '漆渣', en: 'paint waste' },
  'carrier.still-bottoms': { zh: '蒸馏残渣', en: 'still bottoms' },
  'carrier.filter-media': { zh: '过滤棉', en: 'filter media' },
  'carrier.water-di': { zh: '去离子水', en: 'deionised water' },
  'carrier.ink': { zh: '油墨', en: 'ink' },
  'carrier.adhesive': { zh: '胶粘剂', en: 'adhesive' },
  // ---- web (web/panels/vocs.ts) ----
  'web.example.coating': { zh: '涂装厂（VOCs）', en: 'Coating plant (VOCs)' },
};
