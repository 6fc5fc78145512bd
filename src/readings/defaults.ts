import type { Provenance } from '../data/provenance.ts';

/**
 * Thresholds of readings ingestion, as data. Each is a configurable default ([U] unless a
 * standard fixes it); docs/readings.md explains each one.
 */

/**
 * A gap is an interval between two readings of a meter longer than `factor` × the meter's
 * nominal interval (the median of its first `sampleIntervals` intervals): at least one reading
 * is missing.
 */
export const gapRule = {
  factor: 1.5,
  sampleIntervals: 15,
  source: {
    standard: 'pingheng engineering default',
    edition: '2026',
    clause: 'gap = interval > 1.5 × nominal',
    tag: 'U',
  } as Provenance,
};

/**
 * Spikes: Iglewicz & Hoaglin's modified z-score M = 0.6745 (e − median e) / MAD(e) on the
 * local deviation e_i = q_i − (q_{i−1} + q_{i+1}) / 2 of the meter's rate series q. The book's
 * 3.5 is for one sample of a few dozen points; a 72-h series at 1 min has 4 320 points, so the
 * default is wider. MAD is floored at `madFloorRel` × |median q| so a perfectly steady series
 * does not turn every rounding step into a spike.
 */
export const spikeRule = {
  modifiedZ: 8,
  madFloorRel: 1e-3,
  /** Size of the bounded systematic samples the median and MAD come from (a power of two). */
  reservoir: 512,
  source: {
    standard: 'Iglewicz & Hoaglin, How to Detect and Handle Outliers (ASQC)',
    edition: '1993',
    clause: 'modified z-score, MAD',
    tag: 'U',
    note: 'threshold 8 instead of 3.5 for long series; configurable',
  } as Provenance,
};

/** Stuck / flat-lined: the same raw value repeated for at least this long (while the meter normally moves). */
export const stuckRule = {
  hours: 1,
  source: {
    standard: 'pingheng engineering default',
    edition: '2026',
    clause: 'flat-line run ≥ 1 h',
    tag: 'U',
  } as Provenance,
};

/** Robust σ from the MAD of a normal sample: σ ≈ 1.4826 · MAD (= 1 / Φ⁻¹(0.75)). */
export const MAD_TO_SIGMA = 1.4826;

/** Column names that hold the timestamp (compared case-insensitively, spaces and _ removed). */
export const TIMESTAMP_NAMES = [
  'time',
  'timestamp',
  'datetime',
  'date_time',
  'date',
  'ts',
  'sampletime',
  'readingtime',
  'logtime',
  '时间',
  '日期时间',
  '日期',
  '采集时间',
  '记录时间',
  '数据时间',
  '抄表时间',
  '时刻',
  '时间戳',
  '读数时间',
];
/** Long layout: the meter-id column. */
export const METER_NAMES = [
  'meter',
  'meterid',
  'meter_id',
  'id',
  'tag',
  'point',
  'channel',
  '表号',
  '表计',
  '计量器具',
  '计量器具编号',
  '仪表',
  '仪表编号',
  '测点',
  '点位',
  '编号',
];
/** Long layout: the value column. */
export const VALUE_NAMES = ['value', 'reading', 'val', 'read', '读数', '数值', '值', '示值', '表底', '表底数'];
/** Long layout: the optional unit column. */
export const UNIT_NAMES = ['unit', 'units', 'uom', '单位'];

/** Hours per rate time unit (`meter.reading.rateTimeUnit`). */
export const HOURS_PER_TIME_UNIT = { s: 1 / 3600, min: 1 / 60, h: 1, d: 24 } as const;
