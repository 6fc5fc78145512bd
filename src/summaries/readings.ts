/**
 * An ingested readings file as plain, cloneable data: rows read, used and rejected (the first 200 rejected
 * rows listed with line and reason), each meter's total, coverage and gaps, the campaign window, and what
 * applying the totals to the model did. Meters are named as the model names them (`modelMeters`).
 */
import { labelled, type Named } from '../i18n/index.ts';
import type { IngestResult } from '../readings/types.ts';

export interface ReadingsSummary {
  file: string;
  encoding: string;
  rows: { read: number; used: number; rejected: number };
  rejected: { line: number; reason: string; column?: string }[];
  meters: {
    id: string;
    /** "name (id)" where the model names the meter, in each language; the id otherwise. */
    label: { zh: string; en: string };
    unit: string;
    total: number;
    coverage: number;
    readings: number;
    gaps: number;
    longestGapHours: number;
    /** Flag codes with their counts, e.g. "negative×2 spike×1". */
    flags: string;
  }[];
  window: {
    start: string;
    end: string;
    hours: number;
    longestContinuousHours: number;
    minimumHours: number;
    meetsMinimum: boolean;
  };
  missingMeters: string[];
  unknownColumns: string[];
  applied: number;
  appliedFlows: number;
  skipped: { meter: string; reason: string }[];
}

/** What applying the readings' totals to a model did (applyReadingsDetailed's outcome, counted). */
export interface ReadingsApplied {
  /** Meters whose totals went into the model. */
  applied: number;
  /** Flows they went into (a meter may feed several); defaults to `applied`. */
  appliedFlows?: number;
  /** Meters left out, and why. */
  skipped?: { meter: string; reason: string }[];
}

/** At most this many rejected rows are listed (all are counted in `rows.rejected`). */
export const REJECTED_LISTED = 200;

/**
 * The summary of an ingested readings file. A meter's longest gap is the largest of its gaps' hours.
 *
 * @example
 * // A cumulative meter read hourly; the 02:00 row is not a number: rejected, and listed.
 * const csv = 'time,M1\n2025-03-01 00:00,1\n2025-03-01 01:00,2\n2025-03-01 02:00,x\n2025-03-01 03:00,4\n';
 * const s = readingsSummary(await ingestReadings([new TextEncoder().encode(csv)], { file: 'r.csv' }), { applied: 1 });
 * s.rows // => { read: 4, used: 3, rejected: 1 }
 * // total = last − first reading = 4 − 1 = 3; 01:00 → 03:00 is a 2 h gap (over 1.5 × the 1 h interval)
 * [s.meters[0].total, s.meters[0].longestGapHours, s.appliedFlows] // => [3, 2, 1]
 */
export function readingsSummary(
  ingest: IngestResult,
  applied: ReadingsApplied,
  modelMeters: readonly (Named & { id: string })[] = [],
): ReadingsSummary {
  const r = ingest;
  const meterOf = new Map(modelMeters.map((m) => [m.id, m]));
  return {
    file: r.file,
    encoding: r.encoding,
    rows: r.rows,
    rejected: r.rejected
      .slice(0, REJECTED_LISTED)
      .map((x) => ({ line: x.line, reason: x.reason, ...(x.column ? { column: x.column } : {}) })),
    meters: r.meters.map((m) => ({
      id: m.id,
      label: labelled(meterOf.get(m.id), m.id),
      unit: m.unit,
      total: m.total,
      coverage: m.coverage,
      readings: m.readings,
      gaps: m.gaps.length,
      longestGapHours: m.gaps.reduce((s, g) => Math.max(s, g.hours), 0),
      flags: m.flags.map((f) => `${f.code}×${f.count}`).join(' '),
    })),
    window: {
      start: r.window.start,
      end: r.window.end,
      hours: r.window.hours,
      longestContinuousHours: r.window.longestContinuousHours,
      minimumHours: r.window.minimumHours,
      meetsMinimum: r.window.meetsMinimum,
    },
    missingMeters: r.missingMeters,
    unknownColumns: r.unknownColumns,
    applied: applied.applied,
    appliedFlows: applied.appliedFlows ?? applied.applied,
    skipped: applied.skipped ?? [],
  };
}
