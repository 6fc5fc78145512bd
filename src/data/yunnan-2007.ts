import type { CoverageRuleRow, Level } from './gb17167-2006.ts';
import type { Label, Provenance } from './provenance.ts';

/**
 * 云经资源〔2007〕518号 《云南省关于清洁生产审核中物料平衡工作的意见》 (Yunnan Provincial Economic
 * Commission, 2007): the depth grades of balance work, the acceptance types and Annex 2 (material
 * meters). Seed 003_9c443752d6c2806a.txt lines 19247–19460; shared/standards/STANDARDS.md §1.
 */
export const source: Provenance = { standard: '云经资源〔2007〕518号', edition: '2007', clause: '', tag: 'P' };
const at = (clause: string, note?: string): Provenance => ({ ...source, clause, ...(note ? { note } : {}) });

/**
 * Annex 2 物料计量器具配备率要求表 (%): 进出审核企业 / 进出主要分厂、车间 / 进出主要设备.
 * The table lists 气态物料1, 气态物料2 … (each main material); the required ratio is the same
 * for every material of a phase, so one row per phase. ※ = set by the provincial CP office.
 */
export const annex2: readonly CoverageRuleRow[] = [
  { id: 'gas', label: { zh: '气态物料', en: 'gaseous materials' }, required: [100, 100, 90], source: at('Annex 2') },
  { id: 'liquid', label: { zh: '液态物料', en: 'liquid materials' }, required: [100, 100, 90], source: at('Annex 2') },
  { id: 'solid', label: { zh: '固态物料', en: 'solid materials' }, required: [100, 100, 80], source: at('Annex 2') },
  {
    id: 'other',
    label: { zh: '其他', en: 'other materials' },
    required: [100, null, null],
    configurable: { 2: 'level2', 3: 'level3' },
    source: at(
      'Annex 2 note 3',
      '※ cells: set by the provincial CP office; settings.materialOtherRequired, none by default.',
    ),
  },
];

export type Depth = 'estimated' | 'simple' | 'key' | 'full';
export const DEPTHS: readonly Depth[] = ['estimated', 'simple', 'key', 'full'];

/**
 * Where a grade's metering must be "fairly complete" (较完善) / "meet the national rules": the enterprise
 * (its main sub-units and main equipment, GB 17167's own scope), the audit focus (flows crossing a node marked
 * auditFocus or below one), or the whole enterprise (every sub-unit and device counted, main or not).
 */
export type DepthScope = 'enterprise' | 'audit-focus' | 'whole';

export interface DepthGrade {
  depth: Depth;
  label: Label;
  /** Scopes and levels whose rule-table rows must all be met. Grades list their lower grades' conditions too. */
  metering: { levels: readonly Level[]; scope: DepthScope }[];
  /** An audit focus must be marked and hold main equipment (level-3 metering points). */
  requiresFocus: boolean;
  /** Campaign: minimum continuous duration, normal production, who performs it. */
  campaign: {
    minHours: number;
    normalProduction: boolean;
    performedBy: readonly ('enterprise' | 'qualified-team')[];
  } | null;
  /** The notice's own words for the grade (seed 003 lines 19313–19339). */
  quote: string;
  source: Provenance;
}

/** Minimum measurement cycle: 一个周期（不少于 72 小时）. */
export const MIN_CAMPAIGN_HOURS = 72;

/**
 * Section 三: the four depth grades (lines 19313–19339), read as a provincial reviewer applies them:
 * - 简单型: the enterprise and its main branch plants/workshops meet the national rules, levels 1 and 2
 *   fairly complete; a planned, organised ≥ 72 h campaign under normal production.
 * - 重点型: the enterprise, main workshops **and main equipment** meet the national rules (so levels 1–3 of
 *   the enterprise), and the audit focus's levels 1, 2 and 3 are fairly complete — which needs an audit
 *   focus holding main equipment; ≥ 72 h by a qualified team.
 * - 全面型: the enterprise's metering **as a whole** meets the national rules — every sub-unit and device
 *   counted, main or not — on top of the key grade's conditions (the grades rise: a full balance is also a
 *   key one, so it needs an audit focus); planned, comprehensive measurement by a qualified team (no duration
 *   stated: ≥ 72 h and normal production are implied).
 */
export const grades: readonly DepthGrade[] = [
  {
    depth: 'estimated',
    label: { zh: '估计型', en: 'estimated' },
    metering: [],
    requiresFocus: false,
    campaign: null,
    quote: '审核企业凭一些经验或采用原设计图纸的数据等，用估计加估算的方法做出的物料平衡',
    source: at('三 (一)', 'Figures from experience or design drawings, estimated.'),
  },
  {
    depth: 'simple',
    label: { zh: '简单型', en: 'simple' },
    metering: [{ levels: [1, 2], scope: 'enterprise' }],
    requiresFocus: false,
    campaign: { minHours: MIN_CAMPAIGN_HOURS, normalProduction: true, performedBy: ['enterprise', 'qualified-team'] },
    quote:
      '审核企业、主要分厂或车间审核过程中的计量器具配备和管理达到国家有关规定要求，一级、二级计量较完善；在正常生产条件下，有计划、有组织地进行一个周期（不少于 72 小时）的在线检测及必要的监测',
    source: at(
      '三 (二)',
      'Levels 1 and 2 fairly complete; planned, organised on-line measurement for one cycle ≥ 72 h under normal production.',
    ),
  },
  {
    depth: 'key',
    label: { zh: '重点型', en: 'key' },
    metering: [
      { levels: [1, 2, 3], scope: 'enterprise' },
      { levels: [1, 2, 3], scope: 'audit-focus' },
    ],
    requiresFocus: true,
    campaign: { minHours: MIN_CAMPAIGN_HOURS, normalProduction: true, performedBy: ['qualified-team'] },
    quote:
      '审核企业、主要分厂或车间、主要设备审核过程中的计量器具配备和管理达到国家有关规定要求，审核重点的一级、二级、三级计量较完善；由具有相应资质的、企业自己的专业队伍或社会中介机构……进行一个周期（不少于 72 小时）的在线检测及必要的监测',
    source: at(
      '三 (三)',
      'Enterprise, main workshops and main equipment meet the national rules; audit focus levels 1–3 fairly complete; ≥ 72 h under normal production by a qualified team.',
    ),
  },
  {
    depth: 'full',
    label: { zh: '全面型', en: 'full' },
    metering: [
      { levels: [1, 2, 3], scope: 'enterprise' },
      { levels: [1, 2, 3], scope: 'audit-focus' },
      { levels: [2, 3], scope: 'whole' },
    ],
    requiresFocus: true,
    campaign: { minHours: MIN_CAMPAIGN_HOURS, normalProduction: true, performedBy: ['qualified-team'] },
    quote:
      '审核企业整体计量器具配备和管理达到国家有关规定要求；由具有相应资质的、企业自己的专业队伍或社会中介机构，为企业进行有计划、全面、规范和准确在线检测或监测',
    source: at(
      '三 (四)',
      'Whole-enterprise metering meets national rules; planned, comprehensive on-line measurement by a qualified team. No duration stated: ≥ 72 h and normal production are implied (interpretation); the key grade’s conditions included (grades rise).',
    ),
  },
];

export type Acceptance = 'A' | 'B' | 'C';

/** Section 四 (二): acceptance types and the depth each requires (lines 19352–19369). */
export const acceptance: readonly {
  type: Acceptance;
  label: Label;
  minDepth: Depth;
  annexes: boolean;
  source: Provenance;
}[] = [
  {
    type: 'A',
    label: { zh: '清洁生产合格单位验收', en: 'qualified CP unit acceptance' },
    minDepth: 'key',
    annexes: true,
    source: at('四 (二) 1', 'Also Annex 1 and Annex 2 met.'),
  },
  {
    type: 'B',
    label: { zh: '清洁生产审核验收', en: 'CP audit acceptance' },
    minDepth: 'simple',
    annexes: false,
    source: at('四 (二) 2'),
  },
  {
    type: 'C',
    label: { zh: '强制性清洁生产审核验收', en: 'mandatory CP audit acceptance' },
    minDepth: 'simple',
    annexes: false,
    source: at('四 (二) 3'),
  },
];

/**
 * 估计型 is "用估计加估算的方法做出的物料平衡" — a balance made of estimates (三 (一)). The notice names no
 * share and does not count flows: what makes a balance an estimate is how much of its **quantity** is
 * estimated. pingheng judges each base layer (material t, water t, energy tce) by the share of its
 * quantities that are `estimated` or `design` values, and calls the work 估计型 when that share exceeds
 * this limit in any layer. The figure is pingheng's, configurable [U].
 */
export const estimatedShareLimit = {
  pct: 50,
  basis: 'quantity' as const,
  source: {
    ...at('三 (一)'),
    tag: 'U',
    note: 'No figure in the notice ("用估计加估算的方法"); share of the quantity per layer, not of the count of flows; pingheng default, configurable.',
  } as Provenance,
};
