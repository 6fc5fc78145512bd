import type { CoverageRuleRow } from './gb17167-2006.ts';
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

export interface DepthGrade {
  depth: Depth;
  label: Label;
  /** Metering levels that must be 较完善 ("fairly complete"), and over which scope. */
  metering: { levels: readonly (1 | 2 | 3)[]; scope: 'enterprise' | 'audit-focus' | 'whole' }[];
  /** Campaign: minimum continuous duration, normal production, who performs it. */
  campaign: {
    minHours: number;
    normalProduction: boolean;
    performedBy: readonly ('enterprise' | 'qualified-team')[];
  } | null;
  source: Provenance;
}

/** Minimum measurement cycle: 一个周期（不少于 72 小时）. */
export const MIN_CAMPAIGN_HOURS = 72;

/** Section 三: the four depth grades (lines 19313–19339). */
export const grades: readonly DepthGrade[] = [
  {
    depth: 'estimated',
    label: { zh: '估计型', en: 'estimated' },
    metering: [],
    campaign: null,
    source: at('三 (一)', 'Figures from experience or design drawings, estimated.'),
  },
  {
    depth: 'simple',
    label: { zh: '简单型', en: 'simple' },
    metering: [{ levels: [1, 2], scope: 'enterprise' }],
    campaign: { minHours: MIN_CAMPAIGN_HOURS, normalProduction: true, performedBy: ['enterprise', 'qualified-team'] },
    source: at(
      '三 (二)',
      'Levels 1 and 2 fairly complete; planned, organised on-line measurement for one cycle ≥ 72 h under normal production.',
    ),
  },
  {
    depth: 'key',
    label: { zh: '重点型', en: 'key' },
    metering: [
      { levels: [1, 2], scope: 'enterprise' },
      { levels: [1, 2, 3], scope: 'audit-focus' },
    ],
    campaign: { minHours: MIN_CAMPAIGN_HOURS, normalProduction: true, performedBy: ['qualified-team'] },
    source: at(
      '三 (三)',
      'Audit focus levels 1–3 fairly complete; ≥ 72 h under normal production by a qualified team.',
    ),
  },
  {
    depth: 'full',
    label: { zh: '全面型', en: 'full' },
    metering: [{ levels: [1, 2, 3], scope: 'whole' }],
    campaign: { minHours: MIN_CAMPAIGN_HOURS, normalProduction: true, performedBy: ['qualified-team'] },
    source: at(
      '三 (四)',
      'Whole-enterprise metering meets national rules; planned, comprehensive on-line measurement by a qualified team. No duration stated: ≥ 72 h and normal production are implied (interpretation).',
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
 * Above this share (by count) of balance quantities that are estimated or design values, the
 * work is 估计型 whatever the metering (the estimated grade's "估计加估算"). The notice gives no
 * figure: a configurable default [U].
 */
export const estimatedShareLimit = {
  pct: 50,
  source: {
    ...at('三 (一)'),
    tag: 'U',
    note: 'No figure in the notice; pingheng default, configurable.',
  } as Provenance,
};
