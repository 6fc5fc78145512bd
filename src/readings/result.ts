import { MIN_CAMPAIGN_HOURS } from '../data/yunnan-2007.ts';
import type { MeterDef } from './meters.ts';
import { formatInZone } from './timestamp.ts';
import { FLAG_CODES, type Gap, type IngestResult, type MeterResult, type SeriesSummary } from './types.ts';
import { longestContinuous } from './window.ts';

const HOUR = 3_600_000;

/**
 * The per-meter results and the window verdict of an ingest over [start, end] (UTC ms): each
 * meter's summary with ISO times in `zone`; meters declared in the model but absent from the file;
 * the longest stretch no gap of a meter that matters touches, against the 72-h minimum.
 */
export function summarise(
  entries: { summary: SeriesSummary; def: MeterDef; column: string }[],
  defs: MeterDef[],
  start: number,
  end: number,
  source: 'campaign' | 'data',
  zone: string,
): Pick<IngestResult, 'meters' | 'missingMeters' | 'window'> {
  // the meters of a file mostly share their first and last instants: each formatted once
  const formatted = new Map<number, string>();
  const fmt = (ms: number) => {
    let text = formatted.get(ms);
    if (text === undefined) formatted.set(ms, (text = formatInZone(ms, zone)));
    return text;
  };
  const meters: MeterResult[] = [];
  const continuityGaps: Gap[][] = [];
  const continuityMeters: string[] = [];
  for (const { summary: r, def, column } of entries) {
    if (def.matters) {
      continuityGaps.push(r.gaps);
      continuityMeters.push(def.id);
    }
    meters.push({
      id: def.id,
      column,
      kind: def.kind,
      unit: def.totalUnit,
      total: r.total,
      sd: r.sd,
      sdClass: r.sdClass,
      sdInterpolation: r.sdInterpolation,
      sdBasis: r.sdBasis,
      coverage: r.coverage,
      readings: r.readings,
      outsideWindow: r.outsideWindow,
      first: r.readings > 0 ? fmt(r.first) : null,
      last: r.readings > 0 ? fmt(r.last) : null,
      nominalIntervalMinutes: Number.isFinite(r.nominalIntervalMs) ? r.nominalIntervalMs / 60_000 : null,
      gaps: r.gaps.map((g) => ({ start: fmt(g.start), end: fmt(g.end), hours: (g.end - g.start) / HOUR })),
      flags: FLAG_CODES.filter((c) => r.flags[c]).map((c) => ({ code: c, ...r.flags[c]! })),
      matters: def.matters,
    });
  }
  const present = new Set(entries.map((e) => e.def.id));
  const missingMeters = defs.filter((d) => d.matters && d.declared && !present.has(d.id)).map((d) => d.id);
  for (const id of missingMeters) {
    continuityGaps.push([{ start, end }]);
    continuityMeters.push(id);
  }
  const longest = longestContinuous(start, end, continuityGaps);
  const longestHours = longest ? (longest.end - longest.start) / HOUR : 0;
  return {
    meters,
    missingMeters,
    window: {
      start: fmt(start),
      end: fmt(end),
      hours: (end - start) / HOUR,
      source,
      longestContinuousHours: longestHours,
      longestContinuous: longest ? { start: fmt(longest.start), end: fmt(longest.end) } : null,
      minimumHours: MIN_CAMPAIGN_HOURS,
      meetsMinimum: longestHours >= MIN_CAMPAIGN_HOURS,
      meters: continuityMeters,
    },
  };
}
