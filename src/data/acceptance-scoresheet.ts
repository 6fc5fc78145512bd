import type { AcceptanceRule, Subject, UnjudgedRule } from './acceptance.ts';
import type { Label, Provenance } from './provenance.ts';

/**
 * The acceptance score sheet that Inner Mongolia (内工办环资字[2005]121号 附件1) and Zhejiang
 * (浙经贸资源[2003]1040号 附件一) print alike: section 六 (main pollutants' generation down ≥ 10 %)
 * and section 七 (main resources saved ≥ 5 %). Each province's module gives the lines of its copy;
 * this builds the rows once. Thresholds do not depend on the plant's level.
 */
export interface SheetLines {
  wastewater: number;
  cod: readonly [number, number];
  firstClass: number;
  wasteGas: number;
  so2: number;
  dust: number;
  solidWaste: number;
  safeDisposal: number;
  water: number;
  electricity: number;
  steam: number;
  coal: number;
  material: number;
}

const TOTAL_NOTE =
  '产生量降低 is read literally: the plant’s generation per year (annualised), not per unit product; the wastewater row excludes recirculated water (不含循环用水), which pingheng never counts as wastewater.';
const SAVING_NOTE =
  '节约 is read as the GB/T 13234 saving rate ξ = (e_b − e_r) / e_b of consumption per unit product (STANDARDS §7); the sheet gives no basis.';

export function scoreSheetRules(source: Provenance, l: SheetLines): AcceptanceRule[] {
  const at = (clause: string) => ({ ...source, clause });
  const cut = (id: string, zh: string, en: string, subjects: Subject[], lines: readonly [number, number]) =>
    ({
      id,
      label: { zh, en },
      subjects,
      measure: 'total',
      threshold: { advanced: 0.1, general: 0.1 },
      aggregate: 'any',
      lines,
      source: at(`六 ${id}`),
      interpretation: TOTAL_NOTE,
    }) as AcceptanceRule;
  const save = (id: string, zh: string, en: string, subject: Subject, line: number) =>
    ({
      id,
      label: { zh, en },
      subjects: [subject],
      measure: 'per-unit',
      threshold: { advanced: 0.05, general: 0.05 },
      aggregate: 'each',
      lines: [line, line],
      source: at(`七 ${id}`),
      interpretation: SAVING_NOTE,
    }) as AcceptanceRule;
  return [
    cut(
      'wastewater',
      '废水产生量降低 10%以上（不含循环用水）',
      'wastewater generated down ≥ 10 % (recirculated water excluded)',
      ['wastewater'],
      [l.wastewater, l.wastewater],
    ),
    cut(
      'COD',
      'CODcr 产生量降低 10%以上（BOD5 产生量降低 10%以上）',
      'CODcr (or BOD5) generated down ≥ 10 %',
      ['COD', 'BOD5'],
      l.cod,
    ),
    cut(
      'first-class',
      '第一类污染物产生量降低 10%以上',
      'class-I pollutants generated down ≥ 10 %',
      ['first-class'],
      [l.firstClass, l.firstClass],
    ),
    cut(
      'waste-gas',
      '废气产生量降低 10%以上',
      'waste gas generated down ≥ 10 %',
      ['waste-gas'],
      [l.wasteGas, l.wasteGas],
    ),
    cut('SO2', 'SO2 产生量降低 10%以上', 'SO2 generated down ≥ 10 %', ['SO2'], [l.so2, l.so2]),
    cut('dust', '粉尘（或烟尘）产生量降低 10%以上', 'dust (or soot) generated down ≥ 10 %', ['dust'], [l.dust, l.dust]),
    cut(
      'solid-waste',
      '固体废物产生量降低 10%以上',
      'solid waste generated down ≥ 10 %',
      ['solid-waste', 'hazardous-waste'],
      [l.solidWaste, l.solidWaste],
    ),
    save('water', '水（节水 5%以上）', 'water saved ≥ 5 %', 'water', l.water),
    save('electricity', '电（节电 5%以上）', 'electricity saved ≥ 5 %', 'electricity', l.electricity),
    save('steam', '汽（节汽 5%以上）', 'steam saved ≥ 5 %', 'steam', l.steam),
    save('coal', '煤（节煤 5%以上）', 'coal saved ≥ 5 %', 'coal', l.coal),
    save('material', '主要生产原材料（节约 5%以上）', 'main raw materials saved ≥ 5 %', 'material', l.material),
  ];
}

export function scoreSheetUnjudged(l: SheetLines): UnjudgedRule[] {
  const reason: Label = {
    zh: '处置率不能由平衡数据得出',
    en: 'a disposal rate; balances cannot decide it',
  };
  return [
    {
      id: 'safe-disposal',
      label: {
        zh: '工业固体废物和危险废物安全处置率 100%',
        en: '100 % of industrial solid and hazardous waste disposed of safely',
      },
      lines: [l.safeDisposal, l.safeDisposal],
      reason,
    },
  ];
}
