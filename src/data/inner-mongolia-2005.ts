import type { AcceptanceRuleSet } from './acceptance.ts';
import type { Provenance } from './provenance.ts';
import { scoreSheetRules, scoreSheetUnjudged, type SheetLines } from './acceptance-scoresheet.ts';

/**
 * 内工办环资字[2005]121号 《清洁生产审核咨询服务暂行规范》 附件1 清洁生产审核验收参考标准 (Inner
 * Mongolia), sections 六 (pollutant generation down ≥ 10 %) and 七 (resources saved ≥ 5 %). Seed
 * 003_9c443752d6c2806a.txt lines 4059–4344 (the table: 4183–4344).
 */
export const source: Provenance = { standard: '内工办环资字[2005]121号', edition: '2005', clause: '附件1', tag: 'P' };

const lines: SheetLines = {
  wastewater: 4318,
  cod: [4320, 4322],
  firstClass: 4324,
  wasteGas: 4327,
  so2: 4328,
  dust: 4329,
  solidWaste: 4332,
  safeDisposal: 4333,
  water: 4338,
  electricity: 4339,
  steam: 4340,
  coal: 4341,
  material: 4342,
};

export const ruleSet: AcceptanceRuleSet = {
  id: 'inner-mongolia',
  province: { zh: '内蒙古自治区', en: 'Inner Mongolia' },
  document: {
    zh: '内工办环资字[2005]121号 附件1《清洁生产审核验收参考标准》',
    en: 'Inner Mongolia CP audit acceptance reference standard (内工办环资字[2005]121号, Annex 1)',
  },
  rules: scoreSheetRules(source, lines),
  unjudged: scoreSheetUnjudged(lines),
  source,
};
