import type { Messages } from './catalog.ts';

/**
 * The audit report's chapters from the overview to the reconciliation, and the report's CLI and web
 * messages (part of reportMessages, report.ts).
 */
export const reportChapterMessages: Messages = {
  'report.overview.caption': { zh: '基本情况', en: 'The plant and the balance work' },
  'report.overview.plant': { zh: '企业名称', en: 'Plant' },
  'report.overview.file': { zh: '模型文件', en: 'Model file' },
  'report.overview.industry': { zh: '所属行业', en: 'Industry' },
  'report.overview.period': { zh: '平衡期', en: 'Balance period' },
  'report.overview.hours': { zh: '{hours} 小时', en: '{hours} h' },
  'report.overview.campaign': { zh: '测试', en: 'Measurement campaign' },
  'report.overview.campaignText': {
    zh: '{start} 至 {end}；正常生产：{normal}；实施：{team}',
    en: '{start} to {end}; normal production: {normal}; performed by: {team}',
  },
  'report.overview.noCampaign': { zh: '模型未给出测试（campaign）', en: 'the model gives no campaign' },
  'report.overview.readings': { zh: '计量读数', en: 'Meter readings' },
  'report.overview.readingsText': {
    zh: '{file}：{start} 至 {end}（{hours} 小时，最长连续 {longest} 小时）',
    en: '{file}: {start} to {end} ({hours} h, longest continuous {longest} h)',
  },
  'report.overview.focus': { zh: '审核重点', en: 'Audit focus' },
  'report.overview.noFocus': { zh: '未标明（auditFocus）', en: 'not marked (auditFocus)' },
  'report.overview.size': { zh: '模型规模', en: 'Model size' },
  'report.overview.sizeText': {
    zh: '{nodes} 个单元，{flows} 股物流，{meters} 台计量器具',
    en: '{nodes} units, {flows} flows, {meters} meters',
  },
  'report.overview.layers': { zh: '平衡层（单位，允许误差）', en: 'Balances (unit, tolerance)' },
  'report.overview.layerText': { zh: '{layer}（{unit}，{tol}%）', en: '{layer} ({unit}, {tol}%)' },
  'report.overview.rules': { zh: '采用的标准及版本', en: 'Rule sets and editions' },
  'report.overview.summary': { zh: '平衡结果', en: 'Balance results' },
  'report.overview.summaryText': {
    zh: '共 {balances} 项：闭合 {closed}，不闭合 {open}，差值计算 {byDifference}，无法确定 {indeterminate}',
    en: '{balances} balances: {closed} closed, {open} open, {byDifference} by difference, {indeterminate} indeterminate',
  },
  'report.overview.depth': { zh: '物料平衡工作深度', en: 'Depth of the balance work' },
  'report.overview.findingsTitle': { zh: '问题与警告', en: 'Findings and warnings' },
  'report.overview.coverageShort': {
    zh: '✗ 计量器具配备率不足：{table} {row} {level} 级 R = {ratio}%，要求 {required}%',
    en: '✗ meter coverage short: {table} {row} level {level}: R = {ratio}% against {required}%',
  },
  'report.overview.recFail': {
    zh: '✗ 数据校正：{layer}整体检验未通过，存在粗大误差（见第 7 章）',
    en: '✗ reconciliation: the {layer} global test fails — a gross error is present (chapter 7)',
  },
  'report.overview.noFindings': { zh: '未发现问题', en: 'No findings' },
  'report.overview.missingTitle': { zh: '缺少的内容', en: 'What is missing' },
  'report.overview.nothingMissing': {
    zh: '各章内容完整',
    en: 'Every chapter could be made in full',
  },
  'report.overview.missingItem': { zh: '{chapter}：{text}', en: '{chapter}: {text}' },

  'report.metering.issues': {
    zh: '计量器具数据有误，无法判定配备率：',
    en: 'The metering data has errors; coverage cannot be judged:',
  },
  'report.metering.noMeters': { zh: '模型未列出计量器具（meters）', en: 'The model lists no meters' },
  'report.metering.noPoints': {
    zh: '没有按标准应配计量器具的计量点',
    en: 'No metering points are required by the rule tables',
  },
  'report.metering.table.energy': { zh: '{table}（能源）', en: '{table} (energy)' },
  'report.metering.table.water': { zh: '{table}（水）', en: '{table} (water)' },
  'report.metering.table.material': { zh: '{table}（物料）', en: '{table} (material)' },
  'report.metering.coverageTitle': { zh: '计量器具配备率', en: 'Meter coverage' },
  'report.metering.coverageCaption': {
    zh: '计量器具配备率 R = n/N（按标准、类别和级别）',
    en: 'Meter coverage R = n/N by rule table, row and level',
  },
  'report.metering.coverageNote': {
    zh: 'n 只计在用、检定有效且准确度等级满足要求的计量器具；级别：一级 进出企业，二级 进出主要次级用能单位（车间），三级 进出主要用能设备。',
    en: 'n counts only meters in service, verified through the campaign and of the required class; level 1: in/out of the enterprise, 2: of main sub-units (workshops), 3: of main devices.',
  },
  'report.metering.kmCaption': {
    zh: '水计量率 Km（GB 24789）',
    en: 'Metered-water rate Km (GB 24789)',
  },
  'report.metering.metersTitle': { zh: '计量器具准确度与检定', en: 'Accuracy and verification of the meters' },
  'report.metering.metersCaption': { zh: '计量器具一览', en: 'The meters' },
  'report.metering.metersNote': {
    zh: '要求等级按 GB 17167 表 4、GB 24789 表 2；检定过期或失效的计量器具不得使用（GB 17167 第 5 条）。',
    en: 'Required classes per GB 17167 Table 4 and GB 24789 Table 2; meters past verification or failed must not be used (GB 17167 clause 5).',
  },
  'report.metering.campaignTitle': { zh: '测试的有效性', en: 'Validity of the measurement campaign' },
  'report.metering.campaignCaption': {
    zh: '测试条件（云经资源〔2007〕518号）',
    en: 'Campaign conditions (Yunnan 2007)',
  },
  'report.metering.noCampaign': { zh: '模型未给出测试（campaign）', en: 'The model gives no measurement campaign' },
  'report.metering.depthTitle': { zh: '物料平衡工作深度', en: 'Depth of the balance work' },
  'report.metering.verdict': {
    zh: '结论：{depth}。验收类型 A：{A}；B：{B}；C：{C}',
    en: 'Verdict: {depth}. Acceptance A: {A}; B: {B}; C: {C}',
  },
  'report.metering.reasons': { zh: '判定理由：', en: 'Reasons:' },
  'report.metering.top': { zh: '已达最高等级（全面型）。', en: 'This is the highest grade (full).' },
  'report.metering.next': { zh: '达到「{depth}」还需：', en: 'Still needed for “{depth}”:' },
  'report.metering.nextUnreachable': {
    zh: '注：仅完成以上各项仍不足以达到下一等级，请核对审核重点与计量点。',
    en: 'Note: these steps alone do not reach the next grade; check the audit focus and the metering points.',
  },
  'report.campaign.duration': { zh: '连续测试时间', en: 'Continuous duration' },
  'report.campaign.durationReq': { zh: '不少于 {hours} 小时', en: 'at least {hours} h' },
  'report.campaign.hours': { zh: '{hours} 小时（{source}）', en: '{hours} h ({source})' },
  'report.campaign.normal': { zh: '正常生产', en: 'Normal production' },
  'report.campaign.normalReq': { zh: '正常生产状态下', en: 'under normal production' },
  'report.campaign.team': { zh: '实施者', en: 'Performed by' },
  'report.campaign.teamReq': {
    zh: '简单型：企业有计划组织；重点型、全面型：具备资质的专业队伍',
    en: 'simple: planned by the enterprise; key and full: a qualified team',
  },
  'report.hoursSource.readings': { zh: '由读数', en: 'from the readings' },
  'report.hoursSource.campaign': { zh: '按测试起止时间', en: 'from the campaign dates' },
  'report.hoursSource.none': { zh: '无', en: 'none' },
  'report.performedBy.none': { zh: '未组织', en: 'not organised' },
  'report.performedBy.enterprise': { zh: '企业自行组织', en: 'the enterprise' },
  'report.performedBy.qualified-team': { zh: '具备资质的专业队伍', en: 'a qualified team' },
  'report.performedByResult.none': { zh: '不满足', en: 'not met' },
  'report.performedByResult.enterprise': { zh: '满足简单型', en: 'met for simple' },
  'report.performedByResult.qualified-team': { zh: '满足各等级', en: 'met for every grade' },
  'report.meterStatus.in-service': { zh: '在用', en: 'in service' },
  'report.meterStatus.failed': { zh: '失效', en: 'failed' },
  'report.meterStatus.removed': { zh: '已拆除', en: 'removed' },

  'report.balance.caption': { zh: '{layer}平衡表（各单元）', en: '{layer} balance of each unit' },
  'report.balance.note': {
    zh: '差值 = 输入 − 输出 − 库存变化；误差 = |差值| / 输入；「差值计算」表示有流由本平衡推算，按构造闭合。',
    en: 'Residual = in − out − Δ stock; closure error = |residual| / in; “by difference”: a flow was computed from this balance, so it closes by construction.',
  },
  'report.balance.unknownNote': { zh: '未知：{flows}', en: 'unknown: {flows}' },
  'report.balance.derivedNote': { zh: '差值推算：{flows}', en: 'by difference: {flows}' },
  'report.balance.open': {
    zh: '{node} 不闭合：误差 {closure}%，超过允许的 {tolerance}%。按清洁生产审核实践，应复测后重新平衡。',
    en: '{node} does not close: {closure}% against a tolerance of {tolerance}%. By CP audit practice, re-measure and balance again.',
  },
  'report.balance.indeterminate': {
    zh: '{node} 的平衡无法确定：未计量的流 {flows} 不能由平衡算出。',
    en: 'The balance of {node} cannot be determined: unmeasured flows {flows} cannot be computed.',
  },
  'report.balance.culprits': { zh: '最可能的原因（按可疑程度）：{list}', en: 'Likeliest culprits: {list}' },
  'report.balance.detailCaption': { zh: '{node}{layer}输入输出明细', en: '{layer} inputs and outputs of {node}' },
  'report.balance.totalIn': { zh: '输入合计', en: 'Total in' },
  'report.balance.totalOut': { zh: '输出合计', en: 'Total out' },
  'report.balance.residual': { zh: '差值（误差 %）', en: 'Residual (closure %)' },
  'report.balance.shareNote': {
    zh: '占比 = 该流 / (输入合计 + 输出合计)。',
    en: 'Share = the flow / (total in + total out).',
  },
  'report.direction.in': { zh: '输入', en: 'in' },
  'report.direction.out': { zh: '输出', en: 'out' },
  'report.direction.stock': { zh: '库存变化', en: 'stock' },
  'report.source.metered': { zh: '计量', en: 'metered' },
  'report.source.monitored': { zh: '在线监测', en: 'monitored' },
  'report.source.lab': { zh: '化验', en: 'laboratory' },
  'report.source.calculated': { zh: '计算', en: 'calculated' },
  'report.source.estimated': { zh: '估算', en: 'estimated' },
  'report.source.design': { zh: '设计值', en: 'design' },
  'report.source.unmeasured': { zh: '未计量', en: 'unmeasured' },
  'report.source.derived': { zh: '差值推算', en: 'by difference' },
  'report.masterSub.caption': { zh: '{layer}总表与分表', en: '{layer}: master and sub meters' },
  'report.figure.enterprise': { zh: '全厂{layer}平衡图', en: '{layer} balance of the enterprise' },
  'report.figure.grouped': {
    zh: '{figure} 中单元多于 {max} 个，较小的单元按上级合并为“其他”：',
    en: '{figure} has more than {max} units: the smaller ones are grouped per parent as "other":',
  },
  'report.figure.groupItem': { zh: '{group}：{members}', en: '{group}: {members}' },
  'report.figure.reconciled': {
    zh: '全厂{layer}平衡图（数据协调后）',
    en: '{layer} balance of the enterprise, reconciled',
  },
  'report.figure.focus': { zh: '审核重点 {node} {layer}平衡图', en: '{layer} balance of the audit focus {node}' },

  'report.water.indicatorsCaption': {
    zh: '{node} 水平衡指标（GB/T 12452）',
    en: 'Water indicators of {node} (GB/T 12452)',
  },
  'report.water.indicatorsNote': {
    zh: 'Vf 新水，Vi 取水总量，Vr 重复利用水量，Vd 排水，Vl 漏失水量；标 [U] 的指标只见于二手资料。',
    en: 'Vf new water, Vi total intake, Vr reused water, Vd discharge, Vl leakage; indicators tagged [U] appear only in secondary sources.',
  },
  'report.water.unknown': {
    zh: '未知的流使比率无法计算：{flows}',
    en: 'Unknown flows leave the rates undetermined: {flows}',
  },

  'report.energy.useCaption': {
    zh: '各单元能量利用（GB/T 3484：供入 = 有效 + 损失）',
    en: 'Energy use per unit (GB/T 3484: supplied = effective + losses)',
  },
  'report.energy.useNote': {
    zh: '能量利用率 = 有效能 / 供入（当量值）。',
    en: 'Utilisation = effective / supplied (equivalent value).',
  },
  'report.energy.comprehensiveCaption': {
    zh: '{node} 综合能耗（当量值与等价值）',
    en: 'Comprehensive energy consumption of {node} (equivalent and equal value)',
  },
  'report.energy.comprehensive': { zh: '综合能耗', en: 'Comprehensive energy consumption' },
  'report.energy.comprehensiveNote': {
    zh: '综合能耗 = 购入/调入 − 外供/转供 − 库存增加，各项折标准煤（GB/T 2589-2008）；实物量为购入/调入量。',
    en: 'Comprehensive consumption = received − sent out − stock increase, each as standard coal (GB/T 2589-2008); the physical quantity is what was received.',
  },
  'report.energy.perUnitCaption': {
    zh: '各单元综合能耗（当量值与等价值）',
    en: 'Comprehensive energy consumption of every unit',
  },
  'report.energy.perUnitNote': {
    zh: '数值均为 tce 当量值，末两列为综合能耗；综合能耗 = 购入/调入 − 外供/转供 − 库存增加（GB/T 2589-2008）。',
    en: 'Values in tce, equivalent value; the last two columns are the consumption = received − sent out − stock increase (GB/T 2589-2008).',
  },
  'report.energy.equalDefault': {
    zh: '电力等价值按 {value} kgce/kWh（JJF 1356-2012 的旧缺省值）：应在模型中按当年火电供电煤耗设定（settings.electricityEqualValue）。',
    en: 'Electricity equal value at {value} kgce/kWh (the legacy default of JJF 1356-2012): set the year’s thermal-power coal rate in the model (settings.electricityEqualValue).',
  },
  'report.energy.unknown': { zh: '数值未知、未计入的流：{flows}', en: 'Flows of unknown value, not counted: {flows}' },
  'report.energy.noUse': { zh: '没有进入企业边界的能源流', en: 'No energy enters the enterprise boundary' },
  'report.energy.lhv': { zh: '实测低位发热量 {value} {unit}', en: 'measured LHV {value} {unit}' },
  'report.energy.byContent': { zh: '按热值（1 kgce = 29 307 kJ）', en: 'by energy content (1 kgce = 29 307 kJ)' },

  'report.components.none': {
    zh: '模型中没有污染因子（组分）流',
    en: 'The model has no pollutant-factor (component) flows',
  },

  'report.vocs.figure': { zh: '全厂 VOCs 物料衡算图（溶剂平衡）', en: 'VOCs solvent balance of the plant' },
  'report.rec.intro': {
    zh: '数据校正：以计量不确定度为权，对实测值作最小二乘调整，使各单元平衡严格闭合；未计量的流由平衡估算；整体检验、计量检验找出粗大误差（docs/reconcile.md）。',
    en: 'Reconciliation adjusts the measured values by weighted least squares (weights from their uncertainties) so every balance closes exactly; unmeasured flows are estimated; the global and measurement tests point at gross errors (docs/reconcile.md).',
  },
  'report.rec.globalPass': {
    zh: '整体检验：χ² = {chi2}，自由度 {dof}，临界值 {critical}（α = {alpha}）：通过。',
    en: 'Global test: χ² = {chi2} with {dof} degrees of freedom, critical value {critical} (α = {alpha}): passes.',
  },
  'report.rec.globalFail': {
    zh: '整体检验：χ² = {chi2}，自由度 {dof}，临界值 {critical}（α = {alpha}）：未通过，存在粗大误差。',
    en: 'Global test: χ² = {chi2} with {dof} degrees of freedom, critical value {critical} (α = {alpha}): fails — a gross error is present.',
  },
  'report.rec.caption': { zh: '{layer}：实测值与校正值', en: '{layer}: measured and reconciled values' },
  'report.rec.note': {
    zh: 'z = (实测 − 校正) / σ(实测 − 校正)，正值表示读数偏高；数值均为各流自身的计量单位。',
    en: 'z = (measured − reconciled) / σ(measured − reconciled), positive when the meter reads high; values in each flow’s own unit.',
  },
  'report.rec.status.measured': { zh: '实测', en: 'measured' },
  'report.rec.status.estimated': { zh: '估算', en: 'estimated' },
  'report.rec.status.unobservable': { zh: '不可观测', en: 'unobservable' },
  'report.rec.suspect': { zh: '可疑', en: 'suspect' },
  'report.rec.unobservable': {
    zh: '不可观测（平衡不能确定其数值）的流：{flows}',
    en: 'Unobservable flows (the balances cannot determine them): {flows}',
  },
  'report.rec.suspectsCaption': {
    zh: '{layer}：可疑的计量与泄漏（逐步剔除）',
    en: '{layer}: suspects (serial elimination)',
  },
  'report.rec.kind.meter': { zh: '计量器具', en: 'meter' },
  'report.rec.kind.leak': { zh: '泄漏或遗漏的流', en: 'leak or missing flow' },

  'report.cli.written': {
    zh: '已写入 {out}：{tables} 张表，{figures} 幅图',
    en: 'Written to {out}: {tables} tables, {figures} figures',
  },
  'report.cli.missing': { zh: '缺少的内容：', en: 'What is missing:' },
  'report.cli.readingsWithPeriod': {
    zh: '--readings 不能与 --after-period 同用：读数要按各统计期的时间窗读入。请先用 pingheng periods MODEL --readings CSV --period ID --extract > 报告期.json 取出该期，再对其生成报告',
    en: '--readings cannot be combined with --after-period: readings are read per period window. Extract the period first with pingheng periods MODEL --readings CSV --period ID --extract > report-period.json, then make the report of that file',
  },
  'report.cli.unwritable': { zh: '无法写入 {path}：{detail}', en: 'cannot write {path}: {detail}' },
  'report.cli.noRasterizer': {
    zh: '警告：无法加载 PNG 绘图库 @resvg/resvg-js（{detail}），未生成 PNG 图片，Word 中的图缺失；SVG 图与网页不受影响',
    en: 'warning: the PNG renderer @resvg/resvg-js cannot be loaded ({detail}); no PNG figures, and the Word file lacks its figures; the SVG figures and the page are not affected',
  },
  'report.cli.fontMissing': {
    zh: '警告：PINGHENG_CJK_FONT 指向的字体文件 {path} 不存在，改用系统中找到的字体',
    en: 'warning: PINGHENG_CJK_FONT names {path}, which does not exist; using a font found on the system',
  },
  'report.cli.noCjkFont': {
    zh: '警告：未找到中文字体，PNG 图片（及 Word 中的图）里的中文将显示为空白。请安装 fonts-wqy-microhei 或 fonts-noto-cjk，或设置环境变量 PINGHENG_CJK_FONT=字体文件路径。SVG 与网页中的图不受影响。',
    en: 'warning: no CJK font found — Chinese text in the PNG figures (and the figures in the Word file) will be blank. Install fonts-wqy-microhei or fonts-noto-cjk, or set PINGHENG_CJK_FONT to a font file. The SVG figures and the HTML are not affected.',
  },
  'report.web.download': { zh: '下载报告', en: 'Download report' },
  'report.web.building': {
    zh: '正在生成报告（Word、Excel、网页）…',
    en: 'Making the report (Word, Excel, web page)…',
  },
  'report.web.done': { zh: '报告已生成：{files}', en: 'Report made: {files}' },
  'report.web.doneCompared': {
    zh: '报告已生成（报告期 {after}，与基准期 {before} 对比，含第 8 章审核绩效）：{files}',
    en: 'Report made (report period {after} against the base period {before}, with chapter 8, audit results): {files}',
  },
  'report.web.failed': { zh: '报告生成失败：{message}', en: 'The report could not be made: {message}' },
};
