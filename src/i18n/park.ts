import type { Messages } from './catalog.ts';

/** Parks and clusters (src/park/): PARK.json problems and the `pingheng park` report. */
export const parkMessages: Messages = {
  'park.duplicateMember': {
    zh: '成员编号 "{id}" 重复（首次出现于 {first}）',
    en: 'duplicate member id "{id}" (first at {first})',
  },
  'park.duplicateLink': {
    zh: '连接编号 "{id}" 重复（首次出现于 {first}）',
    en: 'duplicate link id "{id}" (first at {first})',
  },
  'park.unknownMember': {
    zh: '未知成员 "{id}"（成员有：{members}）',
    en: 'unknown member "{id}" (the members are: {members})',
  },
  'park.endFlowOrNode': {
    zh: '连接端应给出 flow（成员的流）或 node（成员的节点）之一',
    en: 'a link end names either a flow or a node of the member, not both or neither',
  },
  'park.unknownNode': { zh: '成员 "{member}" 中没有节点 "{id}"', en: 'member "{member}" has no node "{id}"' },
  'park.unknownFlow': { zh: '成员 "{member}" 中没有流 "{id}"', en: 'member "{member}" has no flow "{id}"' },
  'park.notOutflow': {
    zh: '成员 "{member}" 的流 "{id}" 不是流出其边界的流（供方一端应为 to: null 的流）',
    en: 'flow "{id}" of member "{member}" does not leave the member (a supplier end is a flow with to: null)',
  },
  'park.notInflow': {
    zh: '成员 "{member}" 的流 "{id}" 不是流入其边界的流（受方一端应为 from: null 的流）',
    en: 'flow "{id}" of member "{member}" does not enter the member (a receiver end is a flow with from: null)',
  },
  'park.flowTwice': {
    zh: '成员 "{member}" 的流 "{id}" 已用于连接 "{link}"',
    en: 'flow "{id}" of member "{member}" already serves link "{link}"',
  },
  'park.memberMissing': { zh: '成员 "{id}" 的模型未给出', en: 'no model was given for member "{id}"' },
  'park.memberRead': {
    zh: '成员 "{id}" 的模型文件 {file} 无法读取：{detail}',
    en: 'the model file {file} of member "{id}" cannot be read: {detail}',
  },
  'park.memberInvalid': {
    zh: '成员 "{id}" 的模型文件 {file} 不可用：{count} 个问题（见下）',
    en: 'the model file {file} of member "{id}" is unusable: {count} problem(s), listed below',
  },
  'park.memberPeriod': {
    zh: '成员 "{id}" 的统计期选择不可用（{detail}）',
    en: 'the period chosen for member "{id}" is unusable ({detail})',
  },
  'park.noPeriod': {
    zh: '成员 "{id}" 的模型没有平衡期（campaign、settings.periodHours 或 period.annualFactor），无法折算为年',
    en: 'the model of member "{id}" has no balance period (campaign, settings.periodHours or period.annualFactor): it cannot be put on a yearly basis',
  },
  'park.linkFail': {
    zh: '连接 {link} 的{layer}两端计量不符：差 {relative}%，超过允许的 {tolerance}%',
    en: 'the two ends of link {link} disagree in {layer}: {relative}% apart, beyond {tolerance}%',
  },
  'park.cli.title': { zh: '{name} — 园区平衡（按年）', en: '{name} — park balances (per year)' },
  'park.cli.members': { zh: '【成员】', en: '[members]' },
  'park.cli.links': {
    zh: '【成员之间的流：供方计量与受方计量（总表–分表）】',
    en: "[flows between members: supplier's vs receivers' meters (master–sub)]",
  },
  'park.cli.balances': { zh: '【园区边界平衡（按年）】', en: '[the park boundary (per year)]' },
  'park.cli.indicators': {
    zh: '园区综合能耗 {energy} tce/a（当量值），新水量 {water}',
    en: 'park comprehensive energy consumption {energy} tce/a (equivalent), new water {water}',
  },
  'park.cli.findings': { zh: '发现的问题：', en: 'findings:' },
  'park.cli.ok': {
    zh: '各成员的平衡闭合，成员之间的流两端相符，园区边界平衡闭合。',
    en: 'every member balances, every link agrees, the park boundary balances.',
  },
  'park.cli.col.member': { zh: '成员', en: 'member' },
  'park.cli.col.factor': { zh: '年化系数', en: 'annual ×' },
  'park.cli.col.balances': { zh: '平衡', en: 'balances' },
  'park.cli.col.energy': { zh: '综合能耗 tce/a', en: 'energy tce/a' },
  'park.cli.col.water': { zh: '新水 t/a', en: 'new water t/a' },
  'park.cli.col.coverage': { zh: '配备率达标行', en: 'coverage rows met' },
  'park.cli.col.depth': { zh: '深度', en: 'depth' },
  'park.cli.col.link': { zh: '连接', en: 'link' },
  'park.cli.col.layer': { zh: '层', en: 'layer' },
  'park.cli.col.from': { zh: '供方', en: 'supplier' },
  'park.cli.col.to': { zh: '受方', en: 'receivers' },
  'park.cli.col.difference': { zh: '差值', en: 'difference' },
  'park.cli.col.relative': { zh: '差 %', en: 'diff %' },
  'park.cli.col.tolerance': { zh: '允许 %', en: 'allowed %' },
  'park.cli.col.status': { zh: '结果', en: 'result' },
  'park.cli.status.pass': { zh: '相符', en: 'agree' },
  'park.cli.status.fail': { zh: '不符', en: 'DISAGREE' },
  'park.cli.status.incomplete': { zh: '无法比较', en: 'not comparable' },
  'park.cli.savings': {
    zh: '园区的节约与减排（成员 {members} 的审核前后对比之和，每年）：节能 {energy} tce，节水 {water} t，减碳 {co2} t CO2',
    en: "the park's savings (sum of members {members}, before vs after, per year): energy {energy} tce, water {water} t, CO2 {co2} t",
  },
  'park.cli.pollutant': {
    zh: '产生量削减 {generation} t，排放量削减 {discharge} t',
    en: 'generation −{generation} t, discharge −{discharge} t',
  },
};
