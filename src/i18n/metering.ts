import type { Messages } from './catalog.ts';

/** Messages of metering coverage, accuracy, campaign and the Yunnan depth verdict (src/metering). */
export const meteringMessages: Messages = {
  'edition.superseded': {
    zh: '注意：测试期（{date}）时 {standard}-{edition} 已于 {since} 实施，但其表格尚未收录，本结论仍按 {standard}-{used} 判定',
    en: 'warning: at the campaign date ({date}) {standard}-{edition} was in force (since {since}), but its tables are not available; this verdict uses {standard}-{used}',
  },
  'metering.excluded.energyKind': {
    zh: '有效能/损失能不是计量点',
    en: 'effective energy and losses are not metering points',
  },
  'metering.excluded.waterLoss': {
    zh: '蒸发、漏失、产品带走水、带出液不可直接计量',
    en: 'evaporation, leakage, water in product and drag-out cannot be metered directly',
  },
  'metering.excluded.materialLoss': {
    zh: '物料损失是平衡余项，不是计量点',
    en: 'material losses are the balance residual, not metering points',
  },
  'metering.excluded.sameMeter': {
    zh: '与能源层的同一蒸汽/水流共用计量器具，GB 17167 只计一次',
    en: 'shares its meter with the energy-layer flow of the same steam/water: one GB 17167 point',
  },
  'metering.exempt.seasonal-heating': {
    zh: '季节性供暖用蒸汽（热水）：一、二级可采用非直接计量载能工质流量的其他计量结算方式（GB 17167-2006 表3 注1）——仍计入 N，以其他方式结算计入 n',
    en: 'seasonal heating steam (hot water): at levels 1 and 2 it may be settled by means other than metering the medium’s flow (GB 17167-2006 Table 3 note 1) — still in N, counted in n as settled',
  },
  'metering.exempt.seasonalHeatingCarrier': {
    zh: '季节性供暖的其他结算方式只适用于蒸汽（热水），不成立',
    en: 'other settlement for seasonal heating applies to steam (hot water) only: refused',
  },
  'metering.exempt.auxiliary': {
    zh: '主要设备上的辅助能源，消耗量 {rate} {unit} 低于表2限定值 {limit} {unit}，可不配备（GB 17167-2006 表3 注2）',
    en: 'auxiliary energy on a main device, {rate} {unit} below the Table 2 limit {limit} {unit}: no meter needed (GB 17167-2006 Table 3 note 2)',
  },
  'metering.exempt.auxiliaryAbove': {
    zh: '声明为辅助能源，但消耗量 {rate} {unit} 不低于表2限定值 {limit} {unit}，豁免不成立',
    en: 'declared auxiliary, but {rate} {unit} is not below the Table 2 limit {limit} {unit}: exemption refused',
  },
  'metering.exempt.auxiliaryCarrier': {
    zh: '辅助能源豁免只适用于电力、蒸汽、水等载能工质，豁免不成立',
    en: 'the auxiliary exemption covers only electricity, steam and water: exemption refused',
  },
  'metering.exempt.auxiliaryUnknown': {
    zh: '声明为辅助能源，但流量未知，无法与表2限定值比较，豁免不成立',
    en: 'declared auxiliary, but its magnitude is unknown and cannot be compared with Table 2: exemption refused',
  },
  'metering.exempt.closed-loop-pump-data': {
    zh: '闭式循环水量由水泵数据计算，可不配备水表（GB 24789-2009）',
    en: 'closed loop computed from pump data: no water meter needed (GB 24789-2009)',
  },
  'metering.exempt.closedLoopNotWater': {
    zh: '闭式循环豁免只适用于水，豁免不成立',
    en: 'the closed-loop exemption covers only water: exemption refused',
  },
  'metering.exempt.metered-unit': {
    zh: '所属用能单元 {unit} 已配备计量器具，主要设备可不再单独配备（GB 17167-2006 表2 注）',
    en: 'its energy-using unit {unit} is metered: the main device needs no own meter (GB 17167-2006 Table 2 note)',
  },
  'metering.meter.failed': { zh: '计量器具故障，不计入 n', en: 'meter failed: not counted in n' },
  'metering.meter.removed': { zh: '计量器具已拆除，不计入 n', en: 'meter removed: not counted in n' },
  'metering.meter.expired': {
    zh: '检定有效期至 {until}，早于测试结束日 {end}，不计入 n（GB 17167-2006 第5章）',
    en: 'verified until {until}, before the campaign end {end}: not counted in n (GB 17167-2006 clause 5)',
  },
  'metering.meter.verifiedOrder': {
    zh: '检定有效期 {until} 早于检定日期 {on}',
    en: 'verified until {until}, before the verification date {on}',
  },
  'metering.meter.noVerification': { zh: '未给出检定有效期，未核查', en: 'no verification date given: not checked' },
  'metering.meter.noCampaignDate': {
    zh: '无测试期，检定有效期未核查',
    en: 'no campaign: verification date not checked',
  },
  'metering.meter.noClass': {
    zh: '未给出准确度等级（应不低于 {required} 级），未核查',
    en: 'no accuracy class given (required {required}): not checked',
  },
  'metering.meter.classNotInTable': {
    zh: '准确度等级 {actual} 不在 GB 17167 表4 所列等级之内（最低 {loosest} 级）：不符合要求（此处要求 {required} 级）',
    en: 'accuracy class {actual} is not among the classes GB 17167 Table 4 lists (loosest {loosest}): not conforming (required here: {required})',
  },
  'metering.meter.classTooLoose': {
    zh: '准确度等级 {actual} 低于要求的 {required} 级，不计入 n',
    en: 'accuracy class {actual} is looser than the required {required}: not counted in n',
  },
  'metering.meter.userClassUnknown': {
    zh: '电能计量用户类别未知（给出 userClass、kva 或用电量），准确度未核查',
    en: 'electricity user class unknown (give userClass, kva or consumption): class not checked',
  },
  'metering.main.enterprise': { zh: '用能单位', en: 'the enterprise' },
  'metering.main.explicit': { zh: '模型指定', en: 'set in the model' },
  'metering.main.audit-focus': { zh: '审核重点', en: 'audit focus' },
  'metering.main.derived': { zh: '按表1/表2限定值判定', en: 'by the Table 1/2 limits' },
  'metering.main.averageFallback': {
    zh: '{node}：未给出额定功率——以测试期平均功率 {rate} {unit} 与 {rule} 的限定值 {limit} {unit} 比较（标准指额定功率）',
    en: '{node}: no rated power given — the average power of the period ({rate} {unit}) is compared with the {rule} limit of {limit} {unit}, which applies to rated power',
  },
  'metering.main.output': { zh: '只输出该能源，随其用能判定', en: 'only puts this carrier out: follows its own use' },
  'metering.main.unknown': { zh: '无用量数据，按主要单元计', en: 'no magnitude known: treated as main' },

  'depth.source.readings': { zh: '来自读数数据的最长连续时段', en: 'longest continuous span in the readings' },
  'depth.source.campaign': { zh: '来自申报的测试期', en: 'from the declared campaign' },
  'depth.source.none': { zh: '无', en: 'none' },
  'depth.reason.levelMet': {
    zh: '{scope}{level}计量较完善：各配备率均达到要求',
    en: '{scope} {level} metering fairly complete: every ratio met',
  },
  'depth.reason.levelNotMet': {
    zh: '{scope}{level}计量不完善：{failing}',
    en: '{scope} {level} metering not complete: {failing}',
  },
  'depth.reason.volumeUnknown': {
    zh: '（未计量且水量未知：{flows}，无法证明达到要求）',
    en: '(unmetered with unknown volume: {flows}; cannot be shown to meet the requirement)',
  },
  'depth.reason.noFocus': {
    zh: '未确定审核重点（没有 auditFocus 节点），不能判定重点型',
    en: 'no audit focus marked (no node with auditFocus): the key grade cannot be judged',
  },
  'depth.reason.noCampaign': {
    zh: '没有测试期（campaign），只能是估计型',
    en: 'no measurement campaign: the work can only be estimated',
  },
  'depth.reason.durationOk': {
    zh: '测试周期 {hours} h 不少于 {min} h（{source}）',
    en: 'campaign {hours} h is at least {min} h ({source})',
  },
  'depth.reason.durationShort': {
    zh: '测试周期 {hours} h 少于 {min} h（{source}）',
    en: 'campaign {hours} h is shorter than {min} h ({source})',
  },
  'depth.reason.normalProduction': { zh: '测试在正常生产条件下进行', en: 'measured under normal production' },
  'depth.reason.notNormalProduction': {
    zh: '测试未声明在正常生产条件下进行',
    en: 'the campaign is not declared under normal production',
  },
  'depth.reason.performedBy.none': {
    zh: '测试未经计划组织（performedBy: none）',
    en: 'the campaign was not planned and organised (performedBy: none)',
  },
  'depth.reason.performedBy.enterprise': {
    zh: '测试由企业自行计划组织（满足简单型；重点型、全面型需具有相应资质的专业队伍或中介机构）',
    en: 'planned and organised by the enterprise (enough for simple; key and full need a qualified team)',
  },
  'depth.reason.performedBy.qualified-team': {
    zh: '测试由具有相应资质的专业队伍或中介机构进行',
    en: 'performed by a qualified team or agency',
  },
  'depth.reason.shareOk': {
    zh: '估计值或设计值占平衡量（按量计）：{shares}，均不超过 {limit}%',
    en: 'estimated or design values as a share of the balance quantity: {shares}; none above {limit}%',
  },
  'depth.reason.shareHigh': {
    zh: '估计值或设计值占平衡量（按量计）：{shares}；{layers}超过 {limit}%：属估计加估算',
    en: 'estimated or design values as a share of the balance quantity: {shares}; {layers} above {limit}%: estimated work',
  },
  'depth.reason.annex1Met': {
    zh: '附件一（GB 17167 能源计量器具配备率）全部达到',
    en: 'Annex 1 (GB 17167 energy meter ratios) met',
  },
  'depth.reason.annex1NotMet': {
    zh: '附件一（GB 17167 能源计量器具配备率）未全部达到',
    en: 'Annex 1 (GB 17167 energy meter ratios) not met',
  },
  'depth.reason.annex2Met': { zh: '附件二（物料计量器具配备率）全部达到', en: 'Annex 2 (material meter ratios) met' },
  'depth.reason.annex2NotMet': {
    zh: '附件二（物料计量器具配备率）未全部达到',
    en: 'Annex 2 (material meter ratios) not met',
  },
  'depth.label.estimated': { zh: '估计型物料平衡', en: 'estimated balance work' },
  'depth.label.simple': { zh: '简单型物料平衡', en: 'simple balance work' },
  'depth.label.key': { zh: '重点型物料平衡', en: 'key balance work' },
  'depth.label.full': { zh: '全面型物料平衡', en: 'full balance work' },
  'depth.reason.grade.undetermined': {
    zh: '结论：数据不足，无法判定——已证明至少为{atLeast}，{grade}的条件无法判定（见上方“?”项）',
    en: 'verdict: not enough data to judge — shown to be at least {atLeast}; the conditions of {grade} cannot be judged (the "?" items above)',
  },
  'depth.reason.levelUnknown': {
    zh: '{scope}{level}计量无法判定：{failing}',
    en: '{scope} {level} metering cannot be judged: {failing}',
  },
  'depth.reason.assumedMain': {
    zh: '（{flows} 所进出的单元无用量数据、按主要单元计；给出其用量或 main 后方可判定）',
    en: '({flows}: the unit they cross has no known use and is taken as main; give its use or `main` to judge)',
  },
  'depth.reason.focusNoDevices': {
    zh: '审核重点内没有主要设备（三级计量点）：审核重点的三级计量无从判定，不能达到重点型',
    en: 'the audit focus holds no main equipment (no level-3 metering points): its level-3 metering cannot be shown, so not key',
  },
  'depth.reason.annex1Unknown': {
    zh: '附件一（GB 17167 能源计量器具配备率）无法判定',
    en: 'Annex 1 (GB 17167 energy meter ratios) cannot be judged',
  },
  'depth.reason.annex2Unknown': {
    zh: '附件二（物料计量器具配备率）无法判定',
    en: 'Annex 2 (material meter ratios) cannot be judged',
  },
  'depth.next.focusDevices': {
    zh: '在审核重点内列出其主要设备（三级节点）并计量其进出',
    en: 'model the audit focus’s main equipment (level-3 nodes) and meter what goes in and out of it',
  },
  'depth.next.dataVolume': {
    zh: '给出未计量流的量（或实测），以判定水计量率：{flows}',
    en: 'give (or measure) the quantities of these unmetered flows so the metered-water rate can be judged: {flows}',
  },
  'depth.next.dataMain': {
    zh: '给出这些流所进出单元的用量或 main 标记，以判定其是否为主要单元：{flows}',
    en: 'give the use (or a `main` flag) of the units these flows cross, so their main-ness can be judged: {flows}',
  },
  'depth.reason.grade.estimated': { zh: '结论：估计型物料平衡', en: 'verdict: estimated balance work' },
  'depth.reason.grade.simple': { zh: '结论：简单型物料平衡', en: 'verdict: simple balance work' },
  'depth.reason.grade.key': { zh: '结论：重点型物料平衡', en: 'verdict: key balance work' },
  'depth.reason.grade.full': { zh: '结论：全面型物料平衡', en: 'verdict: full balance work' },
  'depth.next.auditFocus': {
    zh: '确定审核重点（在节点上设 auditFocus: true）',
    en: 'mark the audit focus (auditFocus: true on its nodes)',
  },
  'depth.next.createCampaign': {
    zh: '在正常生产条件下，有计划、有组织地进行一个不少于 {hours} h 的测试周期',
    en: 'plan and run a measurement campaign of at least {hours} h under normal production',
  },
  'depth.next.duration': {
    zh: '将测试周期由 {now} h 延长到不少于 {hours} h',
    en: 'extend the campaign from {now} h to at least {hours} h',
  },
  'depth.next.durationReadings': {
    zh: '读数数据最长连续时段仅 {now} h：补测，取得不少于 {hours} h 的连续数据',
    en: 'the readings cover only {now} h continuously: re-measure for at least {hours} h without gaps',
  },
  'depth.next.normalProduction': {
    zh: '在正常生产条件下测试（normalProduction: true）',
    en: 'measure under normal production (normalProduction: true)',
  },
  'depth.next.performedBy.enterprise': {
    zh: '由企业有计划、有组织地进行测试',
    en: 'have the enterprise plan and organise the campaign',
  },
  'depth.next.performedBy.qualified-team': {
    zh: '由具有相应资质的专业队伍或社会中介机构进行测试',
    en: 'have a qualified team (in-house or an outside agency) perform the campaign',
  },
  'depth.next.measure': {
    zh: '以实测值代替 {count} 个估计值/设计值：{flows}',
    en: 'replace {count} estimated/design values by measurements: {flows}',
  },
  'depth.next.addMeter': {
    zh: '在 {flow} 上加装计量器具（{levels} 级，{carrier}，准确度不低于 {cls} 级）',
    en: 'add a meter on {flow} (level {levels}, {carrier}, class {cls} or better)',
  },
  'depth.next.replaceMeter': {
    zh: '在 {flow} 上更换或重新检定计量器具 {meters}（{levels} 级，{carrier}，准确度不低于 {cls} 级）',
    en: 'replace or re-verify meter {meters} on {flow} (level {levels}, {carrier}, class {cls} or better)',
  },
  'depth.next.addMeterNoClass': {
    zh: '在 {flow} 上加装计量器具（{levels} 级，{carrier}）',
    en: 'add a meter on {flow} (level {levels}, {carrier})',
  },
  'depth.next.replaceMeterNoClass': {
    zh: '在 {flow} 上更换或重新检定计量器具 {meters}（{levels} 级，{carrier}）',
    en: 'replace or re-verify meter {meters} on {flow} (level {levels}, {carrier})',
  },
  'metering.cli.rowsHeader': { zh: '计量器具配备率', en: 'Meter coverage' },
  'metering.cli.table': { zh: '标准', en: 'table' },
  'metering.cli.row': { zh: '项目', en: 'row' },
  'metering.cli.level': { zh: '级别', en: 'level' },
  'metering.cli.ratio': { zh: '配备率 %', en: 'ratio %' },
  'metering.cli.required': { zh: '要求 %', en: 'required %' },
  'metering.cli.pass': { zh: '结果', en: 'result' },
  'metering.cli.missing': { zh: '未计量', en: 'unmetered' },
  'metering.cli.ok': { zh: '达标', en: 'pass' },
  'metering.cli.fail': { zh: '不达标', en: 'FAIL' },
  'metering.cli.noRequirement': { zh: '无要求', en: 'no requirement' },
  'metering.cli.emptyRows': {
    zh: '另有 {count} 行 N = 0（模型中没有该类计量点），用 --all 显示',
    en: '{count} more rows have N = 0 (no such points in the model); --all shows them',
  },
  'metering.cli.invalid': {
    zh: '计量器具核查（✗ 不计入 n；! 提醒，仍计入）',
    en: 'Meter checks (✗ not counted in n; ! warning, still counted)',
  },
  'metering.cli.exempt': { zh: '豁免', en: 'Exemptions' },
  'metering.cli.materialGroup': { zh: '物料', en: 'materials' },
  'metering.cli.measure.rated': { zh: '额定', en: 'rated' },
  'metering.cli.measure.average': { zh: '测试期平均', en: 'period average' },
  'metering.cli.measure.annual': { zh: '折年', en: 'annualised' },
  'metering.cli.main': { zh: '主要次级单位/主要设备判定', en: 'Main sub-units and devices' },
  'metering.cli.notMain': { zh: '非主要', en: 'not main' },
  'metering.cli.isMain': { zh: '主要', en: 'main' },
  'metering.cli.uncovered': {
    zh: '不属于 GB 17167 表3 任何一行的能源流：{flows}',
    en: 'energy flows in no GB 17167 Table 3 row: {flows}',
  },
  'metering.cli.depth': { zh: '物料平衡工作深度：{label}', en: 'Depth of the balance work: {label}' },
  'metering.cli.acceptance': { zh: '验收类型：A {A}　B {B}　C {C}', en: 'Acceptance: A {A}  B {B}  C {C}' },
  'metering.cli.yes': { zh: '满足', en: 'yes' },
  'metering.cli.unknown': { zh: '无法判定', en: 'cannot be judged' },
  'metering.cli.atLeast': { zh: '已证明至少为：{label}', en: 'shown to be at least: {label}' },
  'metering.cli.no': { zh: '不满足', en: 'no' },
  'metering.cli.reasons': { zh: '理由', en: 'Reasons' },
  'metering.cli.next': { zh: '达到{label}还需要', en: 'For {label}' },
  'metering.cli.nextNone': { zh: '已是最高等级（全面型）', en: 'already the highest grade (full)' },
  'metering.cli.nextUnreachable': {
    zh: '注意：以上清单尚不足以达到下一等级（见理由）',
    en: 'note: the list above does not yet reach the next grade (see the reasons)',
  },
  'metering.cli.badAcceptance': {
    zh: '--acceptance 应为 A、B 或 C，实际为 "{value}"',
    en: '--acceptance must be A, B or C, not "{value}"',
  },
  'metering.cli.ingestHours': {
    zh: '读数导入结果中没有有效的 window.longestContinuousHours（实际：{value}）',
    en: 'the ingest result has no valid window.longestContinuousHours (got {value})',
  },
  'metering.cli.acceptanceShort': {
    zh: '深度 {depth} 不满足 {type} 类验收的要求',
    en: 'depth {depth} does not meet acceptance type {type}',
  },
};
