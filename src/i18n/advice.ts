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
  'advice.undetermined': { zh: '无法判定（数据不足）', en: 'undetermined (not enough data)' },
  'web.advice.title': { zh: '计量器具配置建议', en: 'Meter-placement advice' },
  'web.advice.hint': {
    zh: '选择目标，给出达到目标所需加装、更换或重新检定的最少计量器具。悬停或聚焦一行，桑基图上突出显示该流；点击则切换到画出它的层与层级。',
    en: 'Pick a target to get the fewest meters to add, replace or re-verify to reach it. Hover or focus a row to highlight its flow on the diagram; click it to switch to the layer and level that draw it.',
  },
  'web.advice.goal': { zh: '目标', en: 'Target' },
  'web.advice.goal.redundancy': {
    zh: '数据校正：可观测与审核重点冗余',
    en: 'reconciliation: observability and audit-focus redundancy',
  },
  'web.advice.run': { zh: '给出建议', en: 'Advise' },
  'web.advice.running': { zh: '计算中…', en: 'computing…' },
  'web.advice.failed': { zh: '建议无法计算：{message}', en: 'the advice could not be computed: {message}' },
  'web.advice.from': { zh: '现状：{depth}', en: 'now: {depth}' },
  'web.advice.reaches': { zh: '实施后 depth 判定：{depth}', en: 'with the advice carried out: {depth}' },
  'web.advice.notReached': {
    zh: '实施后仍未达到目标：还缺计量器具以外的条件（见下）',
    en: 'the target is still not shown met: conditions no meter gives are missing (below)',
  },
  'web.advice.redundancyReached': {
    zh: '实施后：未计量的流均可观测，审核重点的流均有冗余',
    en: 'with the advice carried out: every unmeasured flow observable, every audit-focus flow redundant',
  },
  'web.advice.redundancyNotReached': {
    zh: '实施后仍有不可观测或无冗余的流',
    en: 'some flows stay unobservable or not redundant',
  },
  'web.advice.optimal': { zh: '已证明为最少：{count} 台', en: 'proven optimal: {count} meters' },
  'web.advice.notOptimal': {
    zh: '未证明最优：{count} 台（下界 {bound}）',
    en: 'not proven optimal: {count} meters (lower bound {bound})',
  },
  'web.advice.impossible': { zh: '目标无法达到', en: 'the target cannot be reached' },
  'web.advice.invalid': {
    zh: '模型的计量数据不可用于建议：',
    en: "the model's metering data cannot be used for advice:",
  },
  'web.advice.nothing': { zh: '已达到目标，无需增加计量器具。', en: 'the target is already met: no meter to add.' },
  'web.advice.reverify': { zh: '重新检定即可：{meters}', en: 're-verify only: {meters}' },
  'web.advice.steps': { zh: '计量器具以外的条件：', en: 'conditions no meter gives:' },
  'web.advice.layer': {
    zh: '{layer}：不可观测 {unobservable} 个，审核重点无冗余 {focus} 个；实施后剩 {after} 个',
    en: '{layer}: {unobservable} unobservable, {focus} audit-focus flows not redundant; {after} left after the advice',
  },
  'web.advice.col.action': { zh: '措施', en: 'action' },
  'web.advice.col.flow': { zh: '流', en: 'flow' },
  'web.advice.col.layer': { zh: '层 · 层级', en: 'layer · level' },
  'web.advice.col.class': { zh: '准确度等级', en: 'class' },
  'web.advice.col.reason': { zh: '理由', en: 'reason' },
  'web.advice.action.add': { zh: '加装', en: 'add' },
  'web.advice.action.replace': { zh: '更换', en: 'replace' },
  'web.advice.action.reverify': { zh: '重新检定', en: 're-verify' },
  'web.advice.action.observability': { zh: '加装（可观测）', en: 'add (observability)' },
  'web.advice.action.focus': { zh: '加装（冗余）', en: 'add (redundancy)' },
  'web.advice.notDrawn': {
    zh: '当前图中未画出（点击切换）',
    en: 'not on the diagram shown (click to switch)',
  },
  'web.advice.marked': {
    zh: '图中突出显示 {count} 条连线',
    en: '{count} links highlighted on the diagram',
  },
};
