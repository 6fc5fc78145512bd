import type { Model } from '../model/schema.ts';
import { conversionFactor, parseUnit, UnitEngineMissing, type Dimension } from '../units/units.ts';
import { HOURS_PER_TIME_UNIT } from './defaults.ts';
import type { ReadingKind } from './types.ts';

/** How one meter's column or id in a readings file is to be read. */
export interface MeterDef {
  id: string;
  /** Name in the file: `meter.reading.column`, else the meter id. */
  column: string;
  kind: ReadingKind;
  /** Unit of the readings ('' when unknown). */
  unit: string;
  /** Unit of the total (the rate kind integrates over time, e.g. kW → kWh, m3/h → m3). */
  totalUnit: string;
  /** Rate kind: total units per (reading unit × hour). */
  ratePerHour: number;
  rollover?: number;
  min?: number;
  max?: number;
  accuracyClass?: string;
  /** In service: its gaps count for the window's continuity. */
  matters: boolean;
  /** Declared with `meter.reading` in the model: readings are expected (missing ones are reported). */
  declared: boolean;
}

const BASE_NAME: Record<Dimension, string> = { mass: 'kg', volume: 'm3', gasVolume: 'Nm3', energy: 'kJ' };

/**
 * The total unit of a rate and the factor from (rate × hours) to it:
 * `t/h` → t (1), `m3/min` → m3 (60), `kW` → kWh (1); a quantity unit with `rateTimeUnit`
 * (`m3` per `min`) → m3 (60). Units are parsed once per meter, never per value.
 */
export function rateTotal(
  unit: string,
  rateTimeUnit: keyof typeof HOURS_PER_TIME_UNIT | undefined,
): { totalUnit: string; ratePerHour: number } {
  const perHourOfTimeUnit = 1 / HOURS_PER_TIME_UNIT[rateTimeUnit ?? 'h'];
  let info: ReturnType<typeof parseUnit>;
  try {
    info = parseUnit(unit);
  } catch (e) {
    if (e instanceof UnitEngineMissing) throw e;
    return {
      totalUnit: unit === '' ? '' : `${unit}·${rateTimeUnit ?? 'h'}`,
      ratePerHour: rateTimeUnit ? perHourOfTimeUnit : 1,
    };
  }
  if (info.per !== 'hour') return { totalUnit: unit, ratePerHour: perHourOfTimeUnit };
  const slash = unit.lastIndexOf('/');
  const candidates = [slash > 0 ? unit.slice(0, slash).trim() : '', `${unit.trim()}h`];
  for (const c of candidates) {
    if (c === '' || c === unit) continue;
    try {
      const q = parseUnit(c);
      if (q.per === null && q.dimension === info.dimension)
        return { totalUnit: c, ratePerHour: info.toBase / q.toBase };
    } catch (e) {
      if (e instanceof UnitEngineMissing) throw e; // else try the next spelling
    }
  }
  return { totalUnit: BASE_NAME[info.dimension], ratePerHour: info.toBase };
}

/** Factor from a unit written in the file (column header or unit cell) to the meter's unit; undefined when they do not convert. */
export function fileUnitFactor(fileUnit: string, meterUnit: string): number | undefined {
  if (fileUnit === meterUnit || fileUnit === '') return 1;
  try {
    return conversionFactor(fileUnit, meterUnit);
  } catch (e) {
    if (e instanceof UnitEngineMissing) throw e;
    return undefined;
  }
}

/** The meters of a model as readings definitions. A meter without `reading` reads as `defaultKind` in its flow's unit. */
export function meterDefsFromModel(model: Model, defaultKind: ReadingKind): MeterDef[] {
  const flowUnit = new Map(model.flows.map((f) => [f.id, f.unit]));
  return (model.meters ?? []).map((m) => {
    const r = m.reading;
    const kind = r?.kind ?? defaultKind;
    const unit = r?.unit ?? flowUnit.get(m.flows[0]) ?? '';
    const rate = kind === 'rate' ? rateTotal(unit, r?.rateTimeUnit) : { totalUnit: unit, ratePerHour: 1 };
    return {
      id: m.id,
      column: r?.column ?? m.id,
      kind,
      unit,
      totalUnit: rate.totalUnit,
      ratePerHour: rate.ratePerHour,
      rollover: r?.rollover,
      min: r?.min,
      max: r?.max,
      accuracyClass: m.accuracyClass,
      matters: (m.status ?? 'in-service') === 'in-service',
      declared: r !== undefined,
    };
  });
}

/** A meter known only from the file (no model): read as `defaultKind` in the unit its header gives. */
export function meterDefFromFile(id: string, unit: string, defaultKind: ReadingKind): MeterDef {
  const rate = defaultKind === 'rate' ? rateTotal(unit, undefined) : { totalUnit: unit, ratePerHour: 1 };
  return {
    id,
    column: id,
    kind: defaultKind,
    unit,
    totalUnit: rate.totalUnit,
    ratePerHour: rate.ratePerHour,
    matters: true,
    declared: false,
  };
}
