import { annualHours as defaultAnnualHours } from '../data/cp-practice.ts';
import { basisContext } from '../model/quantities.ts';
import type { Model } from '../model/schema.ts';
import { DEFAULT_TIMEZONE, MS_PER_DAY, MS_PER_HOUR, parseIsoInZone } from '../model/time.ts';

/**
 * What period a model's totals cover and how they become per-year figures. The length comes from
 * settings.periodHours, the campaign, per-annum units (one operating year) or period.start/end; the
 * annual factor from period.annualFactor, else annualHours / length (settings.annualHours, else
 * 8 760 h [U]).
 */
export interface PeriodInfo {
  label: string | null;
  labelEn: string | null;
  kind: string | null;
  /** Length in hours, null when nothing in the model states it. */
  hours: number | null;
  hoursFrom: 'settings.periodHours' | 'campaign' | 'annual-units' | 'period.dates' | null;
  /** Per-year figure = period total × annualFactor; null when neither length nor factor is known. */
  annualFactor: number | null;
  annualFactorFrom:
    | 'period.annualFactor'
    | 'year'
    | 'settings.annualHours'
    | 'annual-units'
    | 'default-annual-hours'
    | null;
  /** The model says itself how it annualises (factor, annual hours or per-annum units). */
  explicit: boolean;
}

/** Hours between period.start and period.end; a date-only end counts its whole day. */
function datesHours(model: Model): number | null {
  const p = model.period;
  if (!p?.start || !p.end) return null;
  const zone = model.campaign?.timezone ?? DEFAULT_TIMEZONE;
  const dateOnly = (t: string) => /^\d{4}-\d{2}-\d{2}$/.test(t);
  const start = parseIsoInZone(dateOnly(p.start) ? `${p.start}T00:00:00` : p.start, zone);
  const endBase = parseIsoInZone(dateOnly(p.end) ? `${p.end}T00:00:00` : p.end, zone);
  const end = dateOnly(p.end) ? endBase + MS_PER_DAY : endBase;
  const h = (end - start) / MS_PER_HOUR;
  return Number.isFinite(h) && h > 0 ? h : null;
}

/** period.start–end is one whole calendar year (YYYY-01-01 to YYYY-12-31). */
function calendarYear(model: Model): boolean {
  const p = model.period;
  if (!p?.start || !p.end) return false;
  const y = p.start.slice(0, 4);
  return p.start === `${y}-01-01` && p.end === `${y}-12-31`;
}

/**
 * @example
 * // the dyeing plant's 72 h campaign scaled to a year of 8 760 h: 8 760 / 72 = 121.67
 * const p = periodInfo(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model);
 * [p.kind, p.hours, roundTo(p.annualFactor, 2)] // => ['campaign', 72, 121.67]
 */
export function periodInfo(model: Model): PeriodInfo {
  const ctx = basisContext(model);
  let hours: number | null = ctx.periodHours ?? null;
  let hoursFrom: PeriodInfo['hoursFrom'] = null;
  if (model.settings?.periodHours !== undefined) hoursFrom = 'settings.periodHours';
  else if (hours !== null && model.campaign) hoursFrom = 'campaign';
  else if (hours !== null) hoursFrom = 'annual-units';
  else {
    hours = datesHours(model);
    if (hours !== null) hoursFrom = 'period.dates';
  }
  let annualFactor: number | null = null;
  let annualFactorFrom: PeriodInfo['annualFactorFrom'] = null;
  if (model.period?.annualFactor !== undefined) {
    annualFactor = model.period.annualFactor;
    annualFactorFrom = 'period.annualFactor';
  } else if (model.period?.kind === 'year' || calendarYear(model)) {
    // A year's figures are per-year figures, whatever the year's length (8 760 or 8 784 h).
    annualFactor = 1;
    annualFactorFrom = 'year';
  } else if (hoursFrom === 'annual-units') {
    annualFactor = 1;
    annualFactorFrom = 'annual-units';
  } else if (hours !== null) {
    const explicitHours = model.settings?.annualHours;
    annualFactor = (explicitHours ?? defaultAnnualHours.hours) / hours;
    annualFactorFrom = explicitHours !== undefined ? 'settings.annualHours' : 'default-annual-hours';
  }
  return {
    label: model.period?.label ?? null,
    labelEn: model.period?.labelEn ?? null,
    kind: model.period?.kind ?? null,
    hours,
    hoursFrom,
    annualFactor,
    annualFactorFrom,
    explicit:
      annualFactorFrom === 'period.annualFactor' ||
      annualFactorFrom === 'year' ||
      annualFactorFrom === 'settings.annualHours' ||
      annualFactorFrom === 'annual-units',
  };
}

/** Relative difference below which two periods count as equally long (rounding of hours). */
const SAME_LENGTH = 1e-3;

/**
 * How two periods' totals compare. Equal (or unstated) lengths: totals compare directly. Different
 * lengths: only per-year figures compare, so both models must say how they annualise — `problems`
 * names the model that does not (an unusable input).
 */
export interface PeriodComparison {
  basis: 'same-length' | 'annualised' | 'assumed-same-length';
  problems: ('before' | 'after')[];
}

/**
 * Whether two periods compare as they are (same length within SAME_LENGTH) or through annual factors, and which side lacks what.
 *
 * @example
 * const p = periodInfo(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model);
 * comparePeriods(p, p) // => { basis: 'same-length', problems: [] }
 */
export function comparePeriods(before: PeriodInfo, after: PeriodInfo): PeriodComparison {
  if (before.hours !== null && after.hours !== null) {
    const diff = Math.abs(before.hours - after.hours) / Math.max(before.hours, after.hours);
    if (diff <= SAME_LENGTH) return { basis: 'same-length', problems: [] };
    const problems: ('before' | 'after')[] = [];
    if (!before.explicit) problems.push('before');
    if (!after.explicit) problems.push('after');
    return { basis: 'annualised', problems };
  }
  if (before.explicit && after.explicit && before.annualFactor !== null && after.annualFactor !== null)
    return { basis: 'annualised', problems: [] };
  return { basis: 'assumed-same-length', problems: [] };
}

/**
 * A total of the base period against one of the report period, as a saving over the report
 * period (positive = saved) and per year. Annualised comparisons scale the base total to a year and
 * back to the report period's length.
 *
 * @example
 * // 120 → 100 over two periods of the same length (10 per year): 20 a period, 200 a year
 * periodSaving(120, 100, 'same-length', 10, 10) // => { period: 20, perYear: 200 }
 */
export function periodSaving(
  before: number,
  after: number,
  basis: PeriodComparison['basis'],
  fBefore: number | null,
  fAfter: number | null,
): { period: number; perYear: number | null } {
  if (basis === 'annualised' && fBefore !== null && fAfter !== null) {
    const perYear = before * fBefore - after * fAfter;
    return { period: perYear / fAfter, perYear };
  }
  const period = before - after;
  return { period, perYear: fAfter === null ? null : period * fAfter };
}
