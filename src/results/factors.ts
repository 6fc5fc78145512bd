import { table as carbonMarket2022 } from '../data/co2-grid-carbon-market-2022.ts';
import { table as meeNbs2021 } from '../data/co2-grid-mee-nbs-2021.ts';
import { table as meeNbs2022 } from '../data/co2-grid-mee-nbs-2022.ts';
import { table as meeNbs2023 } from '../data/co2-grid-mee-nbs-2023.ts';
import { type GridFactor, type GridFactorTable, type GridSeries, gridRegions } from '../data/co2-grid.ts';
import type { Label, Provenance, ProvenanceTag } from '../data/provenance.ts';

/** Every grid-factor table pingheng holds, one per series and data year. */
export const GRID_TABLES: readonly GridFactorTable[] = [meeNbs2021, meeNbs2022, meeNbs2023, carbonMarket2022];

export const GRID_SERIES: readonly GridSeries[] = ['mee-nbs', 'carbon-market'];

/** A factor as results list it: what it is, its value and where it comes from. */
export interface FactorRecord {
  /** grid | heat | fuel:<id> | custom:<carrier or flow> */
  id: string;
  label: Label;
  value: number;
  unit: string;
  series: string;
  year: number;
  region: string | null;
  regionLabel: Label | null;
  announcement: Label | null;
  /** Provenance tag (STANDARDS.md): P, C, S, U; "model" for a factor the model supplies. */
  tag: ProvenanceTag | 'model';
  /** The provenance row as the data module holds it (a model factor: its source, year, series). */
  standard: string;
  edition: string;
  clause: string;
  /** standard, edition and clause in one line. */
  source: string;
  note: string | null;
}

/** The provenance fields of a factor record from a data module's row. */
export function provenanceFields(
  p: Provenance,
): Pick<FactorRecord, 'standard' | 'edition' | 'clause' | 'source' | 'note'> {
  return {
    standard: p.standard,
    edition: p.edition,
    clause: p.clause,
    source: `${p.standard} ${p.edition}, ${p.clause}`,
    note: p.note ?? null,
  };
}

export interface GridChoice {
  series?: string;
  year?: number;
  region?: string;
}

/** Why a grid choice cannot be served: which field, and the message code with its parameters. */
export interface GridProblem {
  field: 'series' | 'year' | 'region';
  code: string;
  params: Record<string, string | number>;
}

/**
 * Matches a region by id, Chinese or English name, ignoring case and 省/市/自治区 suffixes.
 *
 * @example
 * findRegion('云南') // => { id: 'yunnan', label: { zh: '云南', en: 'Yunnan' }, kind: 'provincial' }
 */
export function findRegion(text: string) {
  const norm = (s: string) =>
    s
      .trim()
      .toLowerCase()
      .replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|电网|区域)$/u, '')
      .replace(/[\s_-]/g, '');
  const key = norm(text);
  return gridRegions.find((r) => [r.id, r.label.zh, r.label.en].some((n) => norm(n) === key));
}

/**
 * The grid factor for a choice of series, data year and region. Defaults: the MEE–NBS series, the
 * latest data year that holds the region, the national average. A series, year or region the
 * tables do not hold is a problem, never a silent substitute.
 *
 * @example
 * // nothing chosen: the latest national factor of MEE & NBS (2023: 0.5306 kgCO2/kWh), each choice defaulted
 * const r = resolveGrid({});
 * [r.factor.value, r.factor.year, r.defaulted] // => [0.5306, 2023, ['series', 'region', 'year']]
 */
export function resolveGrid(
  choice: GridChoice,
): { factor: GridFactor; defaulted: string[] } | { problem: GridProblem } {
  const defaulted: string[] = [];
  const series = (choice.series ?? 'mee-nbs') as GridSeries;
  if (choice.series === undefined) defaulted.push('series');
  if (!GRID_SERIES.includes(series))
    return { problem: { field: 'series', code: 'co2.gridSeries', params: { series, known: GRID_SERIES.join(', ') } } };
  const regionText = choice.region ?? 'national';
  if (choice.region === undefined) defaulted.push('region');
  const region = findRegion(regionText);
  const tables = GRID_TABLES.filter((t) => t.series === series).sort((a, b) => b.year - a.year);
  if (!region) {
    const known = [...new Set(tables.flatMap((t) => t.factors.map((f) => f.region)))]
      .map((id) => `${id} ${gridRegions.find((g) => g.id === id)!.label.zh}`)
      .join(', ');
    return { problem: { field: 'region', code: 'co2.gridRegion', params: { region: regionText, series, known } } };
  }
  let table: GridFactorTable | undefined;
  if (choice.year !== undefined) {
    table = tables.find((t) => t.year === choice.year);
    if (!table)
      return {
        problem: {
          field: 'year',
          code: 'co2.gridYear',
          params: { year: choice.year, series, known: tables.map((t) => t.year).join(', ') },
        },
      };
  } else {
    defaulted.push('year');
    table = tables.find((t) => t.factors.some((f) => f.region === region.id));
  }
  const factor = table?.factors.find((f) => f.region === region.id);
  if (!factor) {
    const years = tables.filter((t) => t.factors.some((f) => f.region === region.id)).map((t) => t.year);
    return {
      problem: {
        field: 'region',
        code: 'co2.gridRegionYear',
        params: {
          region: regionText,
          series,
          year: choice.year ?? '—',
          years: years.length > 0 ? years.join(', ') : '—',
        },
      },
    };
  }
  return { factor, defaulted };
}

/**
 * The record of a grid factor, labelled as what it is.
 *
 * @example
 * const r = gridRecord(resolveGrid({}).factor);
 * [r.value, r.unit, r.region] // => [0.5306, 'kgCO2/kWh', '全国']
 */
export function gridRecord(f: GridFactor): FactorRecord {
  const region = gridRegions.find((r) => r.id === f.region)!;
  const table = GRID_TABLES.find((t) => t.series === f.series && t.year === f.year)!;
  return {
    id: 'grid',
    label: table.label,
    value: f.value,
    unit: 'kgCO2/kWh',
    series: f.series === 'mee-nbs' ? 'MEE-NBS' : 'carbon-market reporting value',
    year: f.year,
    region: region.label.zh,
    regionLabel: region.label,
    announcement: f.announcement,
    tag: f.source.tag,
    ...provenanceFields(f.source),
  };
}
