import type { Messages } from './catalog.ts';

/** Meter-placement advice (src/advice/): reasons, impossible targets, the `pingheng advise` report. */
export const adviceMessages: Messages = {
  'advice.reason.add': {
    zh: '在 {flow} 加装计量器具（{rows}，{levels} 级，精度 {cls}）',
    en: 'add a meter on {flow} ({rows}, level {levels}, class {cls})',
  },
  'advice.reason.addVolume': {
    zh: '在 {flow} 加装计量器具：其水量未知，水计量率无法判定（{rows}，{levels} 级，精度 {cls}）',
    en: 'meter {flow}: its volume is unknown, so the metered-water rate cannot be judged ({rows}, level {levels}, class {cls})',
  },
  'advice.reason.replace': {
    zh: '更换 {flow} 上的 {meter}（故障、拆除或精度不够）为 {cls} 级（{rows}，{levels} 级）',
    en: 'replace {meter} on {flow} (failed, removed or too loose) by a class {cls} meter ({rows}, level {levels})',
  },
  'advice.reason.replaceVolume': {
    zh: '更换 {flow} 上的 {meter} 为 {cls} 级：其水量未知（{rows}，{levels} 级）',
    en: 'replace {meter} on {flow} by a class {cls} meter: its volume is unknown ({rows}, level {levels})',
  },
  'advice.reason.reverify': {
    zh: '{flow} 上的 {meter} 仅检定过期：重新检定即可（{rows}，{levels} 级）',
    en: '{meter} on {flow} has only lapsed its verification: re-verifying it is enough ({rows}, level {levels})',
  },
  'advice.reason.reverifyVolume': {
    zh: '{flow} 上的 {meter} 仅检定过期：重新检定即可（{rows}，{levels} 级）',
    en: '{meter} on {flow} has only lapsed its verification: re-verifying it is enough ({rows}, level {levels})',
  },
  'advice.noFocus': {
    zh: '目标「{target}」需要审核重点，而模型中没有标为 auditFocus 的节点：加装计量器具无法达到',
    en: 'the target "{target}" needs an audit focus, and no node is marked auditFocus: no meter can reach it',
  },
  'advice.focusNoDevices': {
    zh: '目标「{target}」需要审核重点含主要设备（三级计量点），而审核重点下没有主要设备：加装计量器具无法达到',
    en: 'the target "{target}" needs main equipment in the audit focus (level-3 points), and the focus has none: no meter can reach it',
  },
  'advice.unreachable': {
    zh: '目标「{target}」无法达到：以下配备率行即使全部加装也不够：{rows}',
    en: 'the target "{target}" cannot be reached: these rows stay short even with every point metered: {rows}',
  },
  'advice.badTarget': {
    zh: '--target 应为 simple、key 或 full，而不是 "{value}"',
    en: '--target must be simple, key or full, not "{value}"',
  },
  'advice.badFor': {
    zh: '--for 应为 depth 或 redundancy，而不是 "{value}"',
    en: '--for must be depth or redundancy, not "{value}"',
  },
  'advice.costs.object': { zh: '费用表应为 JSON 对象', en: 'the cost table must be a JSON object' },
  'advice.costs.source': {
    zh: '费用表须给出 source（报价或价格表及日期）',
    en: 'the cost table needs a source (a quotation or price list and its date)',
  },
  'advice.costs.number': { zh: '应为正数', en: 'must be a positive number' },
  'advice.costs.band': {
    zh: 'DN 档应为 [DN 上限, 价格] 两个正数',
    en: 'a DN band is [largest DN, price], two positive numbers',
  },
  'advice.cli.title': {
    zh: '{name} — 达到「{target}」的计量器具配置建议',
    en: '{name} — metering advice to reach "{target}"',
  },
  'advice.cli.now': { zh: '现状：{depth}', en: 'now: {depth}' },
  'advice.cli.already': { zh: '已达到目标，无需增加计量器具。', en: 'the target is already met: no meter to add.' },
  'advice.cli.add': { zh: '加装（{count}）：', en: 'add ({count}):' },
  'advice.cli.replace': { zh: '更换（{count}）：', en: 'replace ({count}):' },
  'advice.cli.reverify': { zh: '重新检定即可（{count}）：', en: 're-verify only ({count}):' },
  'advice.cli.other': { zh: '其他条件：', en: 'other conditions:' },
  'advice.cli.optimal': { zh: '已证明为最少（{objective}：{cost}）', en: 'proven optimal ({objective}: {cost})' },
  'advice.cli.notOptimal': {
    zh: '未证明最优（{objective}：{cost}，下界 {bound}）',
    en: 'not proven optimal ({objective}: {cost}, lower bound {bound})',
  },
  'advice.cli.objective.meters': { zh: '新增/更换表数', en: 'meters added or replaced' },
  'advice.cli.objective.cost': { zh: '费用', en: 'cost' },
  'advice.cli.reaches': {
    zh: '按建议实施后，depth 判定为：{depth}',
    en: 'with the advice carried out, depth gives: {depth}',
  },
  'advice.cli.costSource': { zh: '费用依据：{source}', en: 'costs from: {source}' },
  'advice.redundancy.observability': {
    zh: '计量 {flow}（{layer}）：它与其他未计量的流构成回路，数值无法由平衡求出',
    en: 'meter {flow} ({layer}): with other unmeasured flows it closes a loop, so the balances cannot give its value',
  },
  'advice.redundancy.focus': {
    zh: '计量 {flow}（{layer}）：审核重点的流须有计量且受平衡校核，粗大误差才能被检出',
    en: 'meter {flow} ({layer}): a flow of the audit focus must be measured and checked by a balance for a gross error on it to show',
  },
  'advice.cli.redundancyTitle': {
    zh: '{name} — 使未计量的流可观测、审核重点的流有冗余所需的计量器具',
    en: '{name} — meters for every unmeasured flow observable and every audit-focus flow redundant',
  },
  'advice.cli.layerBefore': {
    zh: '{layer}：不可观测 {unobservable} 个，审核重点中无冗余 {focus} 个',
    en: '{layer}: {unobservable} unobservable, {focus} audit-focus flows not redundant',
  },
};
