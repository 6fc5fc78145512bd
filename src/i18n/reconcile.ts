import type { Messages } from './catalog.ts';

/** Messages of data reconciliation and gross-error detection (src/reconcile/, pingheng reconcile). */
export const reconcileMessages: Messages = {
  'reconcile.global.pass': {
    zh: '{layer}层全局检验通过：χ² = {chi2}，自由度 {dof}，临界值 {critical}（α = {alpha}，p = {p}）；计量数据与平衡方程在其不确定度内一致。',
    en: '{layer} layer passes the global test: χ² = {chi2}, {dof} degrees of freedom, critical value {critical} (α = {alpha}, p = {p}); the measurements agree with the balances within their uncertainty.',
  },
  'reconcile.global.fail': {
    zh: '{layer}层全局检验未通过：χ² = {chi2} > 临界值 {critical}（自由度 {dof}，α = {alpha}，p = {p}）；数据中存在粗大误差（计量故障、漏失或漏计的流）。',
    en: '{layer} layer fails the global test: χ² = {chi2} > critical value {critical} ({dof} degrees of freedom, α = {alpha}, p = {p}); the data contain a gross error (a faulty meter, a leak or a missing flow).',
  },
  'reconcile.global.noRedundancy': {
    zh: '{layer}层没有冗余的计量：没有任何平衡可以校核计量值，无法检验。',
    en: '{layer} layer has no redundant measurement: no balance can check the meters, so nothing can be tested.',
  },
  'reconcile.suspect.meter': {
    zh: '嫌疑 {rank}：流 {flow} 的计量值 {measured} {unit} 可疑；其余计量值推算为 {after} ± {sd} {unit}（偏差 {error} {unit}）。剔除后 χ² 由 {before} 降至 {chi2After}。请检查该计量器具（校准、量程、安装）。',
    en: 'Suspect {rank}: the measured {measured} {unit} of flow {flow} is doubtful; the other meters imply {after} ± {sd} {unit} (a difference of {error} {unit}). Excluding it lowers χ² from {before} to {chi2After}. Check this meter (calibration, range, installation).',
  },
  'reconcile.suspect.meterUnobservable': {
    zh: '嫌疑 {rank}：流 {flow} 的计量值 {measured} {unit} 可疑；剔除后其余计量无法推算该流。剔除后 χ² 由 {before} 降至 {chi2After}。',
    en: 'Suspect {rank}: the measured {measured} {unit} of flow {flow} is doubtful; without it the other meters cannot determine this flow. Excluding it lowers χ² from {before} to {chi2After}.',
  },
  'reconcile.suspect.leak': {
    zh: '嫌疑 {rank}：节点 {nodes} 的平衡缺一项未计量的流出（漏失）或漏计的流，估计 {value} ± {sd} {unit}（负值表示缺少流入）。计入后 χ² 由 {before} 降至 {chi2After}。',
    en: 'Suspect {rank}: the balance of node {nodes} lacks an unmetered outflow (a leak) or a missing flow of about {value} ± {sd} {unit} (negative: a missing inflow). Adding it lowers χ² from {before} to {chi2After}.',
  },
  'reconcile.suspect.equivalent': {
    zh: '　数据同样可以解释为：{alternatives}（仅凭这些计量无法区分）。',
    en: '  The data are explained equally well by: {alternatives} (these meters cannot tell them apart).',
  },
  'reconcile.stillFails': {
    zh: '剔除 {n} 项后全局检验仍未通过（χ² = {chi2} > {critical}）：可能有多处误差，或不确定度设得过小。',
    en: 'After excluding {n} item(s) the global test still fails (χ² = {chi2} > {critical}): there may be more errors, or the uncertainties are set too small.',
  },
  'reconcile.unobservable': {
    zh: '{count} 条未计量的流不可观测（平衡方程无法确定其数值，未给出估计）：{flows}。需增加计量器具。',
    en: '{count} unmeasured flow(s) are unobservable (the balances cannot determine them; no value is given): {flows}. More meters are needed.',
  },
  'reconcile.nonRedundant': {
    zh: '{count} 条计量值不冗余（没有平衡能校核，未作调整和检验）：{flows}。',
    en: '{count} measurement(s) are not redundant (no balance checks them; not adjusted or tested): {flows}.',
  },
  'reconcile.bound.lower': {
    zh: '流 {flow} 校正后落在下限 {bound} {unit}（约束起作用）。',
    en: 'Flow {flow} is reconciled onto its lower bound {bound} {unit} (the bound is active).',
  },
  'reconcile.bound.upper': {
    zh: '流 {flow} 校正后落在上限 {bound} {unit}（约束起作用）。',
    en: 'Flow {flow} is reconciled onto its upper bound {bound} {unit} (the bound is active).',
  },
  'reconcile.bound.unmeasured': {
    zh: '推算的未计量流超出其界限（如为负值）：{flows}。请检查相关计量值。',
    en: 'Estimated unmeasured flows fall outside their bounds (e.g. negative): {flows}. Check the meters around them.',
  },
  'reconcile.unmeasuredSdSkipped': {
    zh: '网络规模较大，未计算未计量流估计值的不确定度。',
    en: 'The network is large: the uncertainty of the estimated unmeasured flows was not computed.',
  },
  'reconcile.iterativeNoTests': {
    zh: '网络过大、直接分解会严重填充，改用迭代法求解（{iterations} 次迭代，相对残差 {residual}）：校正值与全局检验准确，但未计算逐项检验、校正后不确定度与嫌疑排序。',
    en: 'The network is too large for a direct factorisation (it would fill in), so it was solved iteratively ({iterations} iterations, relative residual {residual}): reconciled values and the global test are exact, but the per-measurement tests, reconciled uncertainties and suspect ranking were not computed.',
  },
  'reconcile.inconsistent': {
    zh: '节点 {nodes} 的平衡在固定值（σ = 0 或已达界限）下无法闭合：请检查这些固定的数值。',
    en: 'The balance of node {nodes} cannot close with the values held fixed (σ = 0 or on a bound): check those values.',
  },
  'reconcile.cli.unknownLayer': {
    zh: '模型中没有 "{layer}" 层（现有：{layers}）',
    en: 'the model has no layer "{layer}" (it has: {layers})',
  },
  'reconcile.cli.badAlpha': {
    zh: '--alpha 应为 0 与 1 之间的数，实际为 "{value}"',
    en: '--alpha must be a number between 0 and 1, not "{value}"',
  },
  'reconcile.cli.layer': { zh: '{layer}层（单位 {unit}）', en: '{layer} layer (unit {unit})' },
  'reconcile.cli.header': {
    zh: '流|单位|计量值|校正值|σ|校正后σ|状态|z',
    en: 'flow|unit|measured|reconciled|σ|reconciled σ|status|z',
  },
  'reconcile.cli.status.measured': { zh: '计量', en: 'measured' },
  'reconcile.cli.status.nonRedundant': { zh: '计量(不冗余)', en: 'measured (not redundant)' },
  'reconcile.cli.status.fixed': { zh: '计量(σ=0 固定)', en: 'measured (σ = 0, held)' },
  'reconcile.cli.status.estimated': { zh: '推算', en: 'estimated' },
  'reconcile.cli.status.unobservable': { zh: '不可观测', en: 'unobservable' },
  'reconcile.cli.withoutSuspects': { zh: '剔除嫌疑后', en: 'without suspects' },
  'reconcile.cli.suspectMark': { zh: '◀ 嫌疑', en: '◀ suspect' },
};
