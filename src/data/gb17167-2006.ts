import { carrier as carrierInfo, type EnergyRow } from './carriers.ts';
import type { Label, Provenance } from './provenance.ts';

/**
 * GB 17167-2006 《用能单位能源计量器具配备和管理通则》 General principle for equipping and
 * managing of the measuring instrument of energy in organization of energy using.
 * Tables 1–4 as data (shared/standards/STANDARDS.md §2; Table 3 also as Yunnan 2007 Annex 1,
 * seed 003 lines 19390–19425). One entry per row of the standard's own table.
 */
export const source: Provenance = { standard: 'GB 17167', edition: '2006', clause: '', tag: 'P' };
const at = (clause: string, note?: string): Provenance => ({ ...source, clause, ...(note ? { note } : {}) });

/**
 * Metering levels: 1 enterprise (用能单位), 2 main sub-unit (主要次级用能单位), 3 main device (主要用能设备).
 * The model's node hierarchy uses the same three levels (src/model/schema.ts).
 */
export const LEVELS = [1, 2, 3] as const;
export type Level = (typeof LEVELS)[number];

/** A coverage-table row: the required ratio R (%) at levels 1, 2, 3; null = "—", no requirement. */
export interface CoverageRuleRow {
  /** Row id; for energy the carriers.ts EnergyRow, for materials the phase, for water the item. */
  id: string;
  label: Label;
  /** Group heading of the table (固态能源, 载能工质 …), when the table has one. */
  group?: Label;
  required: readonly [number | null, number | null, number | null];
  /** Cells set by an authority outside the table (Yunnan ※): level → settings key. */
  configurable?: Partial<Record<Level, 'level2' | 'level3'>>;
  source: Provenance;
}

const solid: Label = { zh: '固态能源', en: 'solid energy' };
const liquid: Label = { zh: '液态能源', en: 'liquid energy' };
const gaseous: Label = { zh: '气态能源', en: 'gaseous energy' };
const medium: Label = { zh: '载能工质', en: 'energy-carrying working media' };

function row(
  id: EnergyRow,
  zh: string,
  en: string,
  required: CoverageRuleRow['required'],
  group?: Label,
): CoverageRuleRow {
  return { id, label: { zh, en }, required, source: at('Table 3'), ...(group ? { group } : {}) };
}

/** Table 3 能源计量器具配备率要求 (%): 进出用能单位 / 进出主要次级用能单位 / 主要用能设备. */
export const table3: readonly CoverageRuleRow[] = [
  row('electricity', '电力', 'electricity', [100, 100, 95]),
  row('coal', '煤炭', 'coal', [100, 100, 90], solid),
  row('coke', '焦炭', 'coke', [100, 100, 90], solid),
  row('crude-oil', '原油', 'crude oil', [100, 100, 90], liquid),
  row('refined-oil', '成品油', 'refined oil', [100, 100, 95], liquid),
  row('heavy-oil', '重油', 'heavy oil', [100, 100, 90], liquid),
  row('residual-oil', '渣油', 'residual oil', [100, 100, 90], liquid),
  row('natural-gas', '天然气', 'natural gas', [100, 100, 90], gaseous),
  row('lpg', '液化气', 'LPG', [100, 100, 90], gaseous),
  row('coal-gas', '煤气', 'coal gas', [100, 90, 80], gaseous),
  row('steam', '蒸汽', 'steam', [100, 80, 70], medium),
  row('water', '水', 'water', [100, 95, 80], medium),
  row('waste-energy', '可以回收利用的余能', 'recoverable waste energy', [90, 80, null]),
];

/**
 * Groups of Tables 1 and 2 ("main" sub-units and devices). Every energy row belongs to one;
 * energy without a row (compressed air, heat given in GJ without carrier…) counts as "other".
 */
export type MainCategory = 'electricity' | 'solid-fuel' | 'oil' | 'heavy-oil' | 'gas' | 'steam' | 'water' | 'other';

/** Threshold units the tables use; each is computed from a flow's own magnitude over the period. */
export type ThresholdUnit = 'kW' | 't/a' | 't/h' | 'm3/a' | 'm3/h' | 'GJ/a' | 'GJ/h' | 'MW';

export interface MainThreshold {
  category: MainCategory;
  label: Label;
  rows: readonly EnergyRow[];
  /** Table 1: a sub-unit using at least this is a main sub-unit (level 2). */
  level2: { value: number; unit: ThresholdUnit };
  /** Table 2: a device using at least this is a main device (level 3). */
  level3: { value: number; unit: ThresholdUnit };
  source: Provenance;
}

function th(
  category: MainCategory,
  zh: string,
  en: string,
  rows: EnergyRow[],
  level2: [number, ThresholdUnit],
  level3: [number, ThresholdUnit],
  note?: string,
): MainThreshold {
  return {
    category,
    label: { zh, en },
    rows,
    level2: { value: level2[0], unit: level2[1] },
    level3: { value: level3[0], unit: level3[1] },
    source: at('Tables 1 and 2', note),
  };
}

/** Table 1 主要次级用能单位 and Table 2 主要用能设备 能源消耗量（或功率）限定值. */
export const mainThresholds: readonly MainThreshold[] = [
  th(
    'electricity',
    '电力',
    'electricity',
    ['electricity'],
    [10, 'kW'],
    [100, 'kW'],
    'Rated (installed) power in the standard: pingheng compares node.ratedPower, and falls back to the average power of the period with a warning.',
  ),
  th('solid-fuel', '煤炭、焦炭', 'coal, coke', ['coal', 'coke'], [100, 't/a'], [1, 't/h']),
  th(
    'oil',
    '原油、成品油、石油液化气',
    'crude oil, refined oil, LPG',
    ['crude-oil', 'refined-oil', 'lpg'],
    [40, 't/a'],
    [0.5, 't/h'],
  ),
  th('heavy-oil', '重油、渣油', 'heavy oil, residual oil', ['heavy-oil', 'residual-oil'], [80, 't/a'], [1, 't/h']),
  th('gas', '煤气、天然气', 'coal gas, natural gas', ['natural-gas', 'coal-gas'], [10000, 'm3/a'], [100, 'm3/h']),
  th('steam', '蒸汽、热水', 'steam, hot water', ['steam'], [5000, 'GJ/a'], [7, 'MW']),
  th('water', '水', 'water', ['water'], [5000, 't/a'], [1, 't/h']),
  th(
    'other',
    '其他',
    'other',
    ['waste-energy'],
    [2926, 'GJ/a'],
    [29.26, 'GJ/h'],
    'Table 1: 2926 GJ/a = 100 tce/a; waste energy and carriers without a row count here (interpretation).',
  ),
];

const CATEGORIES: readonly MainCategory[] = [
  'electricity',
  'solid-fuel',
  'oil',
  'heavy-oil',
  'gas',
  'steam',
  'water',
  'other',
];

/**
 * The Table 1–2 group a `main` / `ratedPower` key names: a group id, "material" (Yunnan Annex 2), or a
 * carrier id (carriers.ts) whose Table 3 row belongs to a group; undefined for anything else.
 *
 * @example mainCategoryOfKey('raw-coal') // 'solid-fuel'
 */
export function mainCategoryOfKey(key: string): MainCategory | 'material' | undefined {
  if (key === 'material' || (CATEGORIES as readonly string[]).includes(key)) return key as MainCategory | 'material';
  const row = carrierInfo(key)?.energyRow;
  if (row === undefined) return undefined;
  return mainThresholds.find((t) => t.rows.includes(row))?.category;
}

/** The unit family a Table 1–2 group's rate limits are written in, for checking `ratedPower` units. */
export function ratedDimension(category: MainCategory): 'power' | 'mass' | 'volume' {
  if (category === 'electricity' || category === 'steam' || category === 'other') return 'power';
  if (category === 'gas') return 'volume';
  return category === 'water' ? 'volume' : 'mass';
}

/** Instrument types of Table 4 (the schema's meter `type`). */
export type InstrumentType =
  | 'scale-static'
  | 'scale-dynamic'
  | 'electricity-ac'
  | 'electricity-dc'
  | 'oil-refined'
  | 'oil-heavy'
  | 'gas'
  | 'steam'
  | 'water'
  | 'temperature'
  | 'pressure';

export type UserClass = 'I' | 'II' | 'III' | 'IV' | 'V';

/** Table 4 能源计量器具准确度等级要求: the class required at level 1. */
export const table4 = {
  'scale-static': '0.1',
  'scale-dynamic': '0.5',
  'electricity-dc': '2.0',
  'oil-refined': '0.5',
  'oil-heavy': '1.0',
  gas: '2.0',
  steam: '2.5',
  temperature: '2.0',
  pressure: '2.0',
  /** Temperature and pressure instruments used to compute the mass of gas or steam. */
  compensation: '1.0',
  /** AC energy meters by electricity user class. */
  electricityAc: { I: '0.5S', II: '0.5', III: '1.0', IV: '2.0', V: '2.0' } as Record<UserClass, string>,
  /** Water flow meters by pipe size: DN ≤ 250 mm and DN > 250 mm. */
  water: { dnLimit: 250, small: '2.5', large: '1.5' },
  source: at('Table 4'),
  /** Notes: electricity meters for sub-units and devices may be one class looser. */
  looserSource: at('Table 4 note', 'Electricity meters at levels 2 and 3 may be one class below Table 4.'),
};

/**
 * The classes Table 4 lists for AC energy meters, best first: 0.5S, 0.5, 1.0, 2.0. "One class looser" at
 * levels 2 and 3 (Table 4 note) steps down this ladder and stops at its end: the table lists nothing looser
 * than 2.0, so a required 2.0 stays 2.0 — a class-3.0 meter is not one of the table's classes and does not
 * conform at any level.
 */
export const electricityClassLadder = {
  classes: ['0.5S', '0.5', '1.0', '2.0'] as const,
  source: at('Table 4 and its note', 'The ladder is the AC meter classes Table 4 lists; it ends at 2.0.'),
};

/** The loosest class Table 4 lists for each instrument type: a meter looser than this is not one of the table's classes. */
export const loosestListedClass: Record<InstrumentType, string> = {
  'scale-static': table4['scale-static'],
  'scale-dynamic': table4['scale-dynamic'],
  'electricity-ac': '2.0',
  'electricity-dc': table4['electricity-dc'],
  'oil-refined': table4['oil-refined'],
  'oil-heavy': table4['oil-heavy'],
  gas: table4.gas,
  steam: table4.steam,
  water: table4.water.small,
  temperature: table4.temperature,
  pressure: table4.pressure,
};

/**
 * Electricity user class (Table 4 note a): by monthly consumption or transformer capacity;
 * the stricter of the two applies. Class V (single-phase) only when declared.
 */
export const userClassLimits: readonly { userClass: UserClass; kWhPerMonth: number; kva: number }[] = [
  { userClass: 'I', kWhPerMonth: 5_000_000, kva: 10_000 },
  { userClass: 'II', kWhPerMonth: 1_000_000, kva: 2_000 },
  { userClass: 'III', kWhPerMonth: 100_000, kva: 315 },
];
export const userClassSource: Provenance = at('Table 4 note (user classes)');

/** Clause 5: meters past their verification date, or failed, must not be used. */
export const verificationSource: Provenance = at('clause 5', 'Out-of-date or failed instruments must not be used.');

/** An exemption a standard allows: the metering levels at which the flow needs no meter, and where it is written. */
export interface Exemption {
  levels: readonly Level[];
  source: Provenance;
}

/** Notes to Tables 2 and 3: the exemptions, keyed as a model's `flow.exemption` names them. */
export const exemptions = {
  /** The enterprise and its main sub-units: levels 1 and 2. */
  'seasonal-heating': {
    levels: [1, 2],
    source: at(
      'Table 3 note 1',
      'Seasonal heating steam (hot water) in/out of the enterprise and main sub-units may be settled by other means.',
    ),
  },
  /** On a main device: level 3. */
  auxiliary: {
    levels: [3],
    source: at(
      'Table 3 note 2',
      'Auxiliary electricity, steam, water on a main device with very small consumption need no meter.',
    ),
  },
  /** The unit's main devices: level 3. */
  'metered-unit': {
    levels: [3],
    source: at(
      'Table 2 note',
      'A separately assessed energy-using unit that is metered: its main devices need no own meters.',
    ),
  },
} as const satisfies Record<string, Exemption>;
