import type { CoverageRuleRow, Exemption } from './gb17167-2006.ts';
import type { Provenance } from './provenance.ts';

/**
 * GB 24789-2009 《用水单位水计量器具配备和管理通则》 General principle for equipping and
 * managing of the measuring instrument of water in organization of water using
 * (shared/standards/STANDARDS.md §3). Levels: 用水单位 (1), 次级用水单位 (2), 主要用水设备（用水系统）(3).
 */
export const source: Provenance = { standard: 'GB 24789', edition: '2009', clause: '', tag: 'P' };
const at = (clause: string, note?: string): Provenance => ({ ...source, clause, ...(note ? { note } : {}) });

/** What a Table 1 row measures: meters by count (配备率) or water by volume (计量率 Km). */
export type WaterRowKind = 'count' | 'volume';

export interface WaterRuleRow extends CoverageRuleRow {
  kind: WaterRowKind;
}

/** Table 1 水计量器具配备率和水计量率要求 (%). Levels 2 and 3 exclude discharged water (note). */
export const table1: readonly WaterRuleRow[] = [
  {
    id: 'meter-rate',
    kind: 'count',
    label: { zh: '水计量器具配备率', en: 'water meter coverage' },
    required: [100, 95, 80],
    source: at('Table 1'),
  },
  {
    id: 'metered-water-rate',
    kind: 'volume',
    label: { zh: '水计量率', en: 'metered-water rate Km' },
    required: [100, 95, 85],
    source: at('Table 1', 'Km = V metered / V total × 100 %.'),
  },
];

/** Table 1 note: levels 2 and 3 do not count discharged water (排水). */
export const dischargeExcludedAtLevels: readonly (2 | 3)[] = [2, 3];
export const dischargeSource: Provenance = at('Table 1 note');

/** A main water-using device (system) uses at least 1 m³/h. */
export const mainDeviceM3PerHour = { value: 1, source: at('main device definition', '≥ 1 m³/h') };

/**
 * Table 2: water meters (水表) for intake and use at least class 2; flow meters (流量计) for intake
 * and use uncertainty ≤ 2.5 %; discharge uncertainty ≤ 5 %. A model does not say whether a water
 * instrument is a 水表 or a 流量计, so pingheng accepts the flow-meter figure for both (`intakeAndUse`).
 */
export const table2 = {
  waterMeter: '2',
  intakeAndUse: '2.5',
  discharge: '5',
  source: at('Table 2', 'Water meters class 2 [P, STANDARDS.md §3].'),
  flowMeterSource: {
    ...at('Table 2'),
    tag: 'U',
    note: "Flow meters ≤ 2.5 % is read from the standard's Table 2 as remembered, not in STANDARDS.md; it lets GB 17167 class-2.5 water flow meters count.",
  } as Provenance,
};

/** Closed loops whose flow is computed from pump data need no meter, at any level. */
export const closedLoopExemption: Exemption = {
  levels: [1, 2, 3],
  source: at('closed circulating systems', 'Flow computed from pump data: no meter required.'),
};
