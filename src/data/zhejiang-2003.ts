import type { AcceptanceRuleSet } from './acceptance.ts';
import type { Provenance } from './provenance.ts';
import { scoreSheetRules, scoreSheetUnjudged, type SheetLines } from './acceptance-scoresheet.ts';

/**
 * 浙经贸资源[2003]1040号 《浙江省清洁生产审核暂行办法》 附件一 浙江省清洁生产审核验收标准, sections
 * 六 (pollutant generation down ≥ 10 %) and 七 (resources saved ≥ 5 %). Seed
 * 003_9c443752d6c2806a.txt lines 6802–7096 (the table: 6982–7096).
 */
export const source: Provenance = { standard: '浙经贸资源[2003]1040号', edition: '2003', clause: '附件一', tag: 'P' };

const lines: SheetLines = {
  wastewater: 7068,
  cod: [7070, 7071],
  firstClass: 7075,
  wasteGas: 7077,
  so2: 7078,
  dust: 7079,
  solidWaste: 7081,
  safeDisposal: 7082,
  water: 7088,
  electricity: 7089,
  steam: 7090,
  coal: 7091,
  material: 7092,
};

export const ruleSet: AcceptanceRuleSet = {
  id: 'zhejiang',
  province: { zh: '浙江省', en: 'Zhejiang' },
  document: {
    zh: '浙经贸资源[2003]1040号 附件一《浙江省清洁生产审核验收标准》',
    en: 'Zhejiang CP audit acceptance standard (浙经贸资源[2003]1040号, Annex 1)',
  },
  rules: scoreSheetRules(source, lines),
  unjudged: scoreSheetUnjudged(lines),
  source,
};
