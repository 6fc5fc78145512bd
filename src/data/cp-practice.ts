import type { Provenance } from './provenance.ts';

/**
 * Closure tolerances of cleaner-production audit practice (shared/standards/STANDARDS.md §5).
 * Percent values. A model overrides any of them in `settings.tolerance`.
 */
export const closureTolerance = {
  /** |input − output| / input ≤ 5 %: the balance may be used for further analysis. */
  materialPct: 5,
  materialSource: {
    standard: 'CP audit practice (清洁生产审核 training material)',
    edition: '—',
    clause: 'material balance closure',
    tag: 'S',
    note: 'Precious or toxic components need tighter limits: set them per component.',
  } as Provenance,
  /** GB/T 12452 asks Σ input = Σ output for water; practice applies the material limit. */
  waterPct: 5,
  waterSource: {
    standard: 'GB/T 12452',
    edition: '2008',
    clause: '水平衡 Σ input water = Σ output water',
    tag: 'C',
    note: 'No numeric limit in the standard; the CP practice limit of 5 % is applied.',
  } as Provenance,
  /** GB/T 3484 publishes no numeric closure limit for energy balances. */
  energyPct: 5,
  energySource: {
    standard: 'GB/T 3484',
    edition: '2009',
    clause: 'Σ supplied = Σ effective + Σ losses',
    tag: 'U',
    note: 'No numeric limit is published: 5 % default, configurable.',
  } as Provenance,
};

/**
 * Master–sub meter tolerance (总表与分表之差), percent, per layer and carrier, each with its source.
 * Only water has a published figure: municipal water-balance test practice asks the sum of the measured
 * intakes to lie within 10 % of the actual total intake [C]. No standard the project holds gives one for
 * electricity, steam, fuels or materials: pingheng applies the same 10 % as a configurable default [U]
 * and says so. A row names a layer and optionally a carrier; the most specific row applies.
 */
export interface MasterSubToleranceRow {
  layer: string;
  carrier?: string;
  pct: number;
  source: Provenance;
}

const noFigure = (what: string): Provenance => ({
  standard: 'pingheng default',
  edition: '2026',
  clause: `master–sub tolerance, ${what}`,
  tag: 'U',
  note: `No published master–sub tolerance for ${what}: the water-balance figure of 10 % is applied; set settings.masterSubTolerance.`,
});

export const masterSubTolerances: readonly MasterSubToleranceRow[] = [
  {
    layer: 'water',
    pct: 10,
    source: {
      standard: 'Municipal water-balance test practice (城市节水 水平衡测试)',
      edition: '—',
      clause: 'sum of measured intakes vs actual total intake',
      tag: 'C',
    },
  },
  { layer: 'energy', pct: 10, source: noFigure('energy carriers (electricity, steam, fuels)') },
  { layer: 'material', pct: 10, source: noFigure('materials') },
];

/** Where a carrier has no row of its own: the layer's row, else this. */
export const masterSubToleranceFallback: MasterSubToleranceRow = {
  layer: '*',
  pct: 10,
  source: noFigure('this layer'),
};

/**
 * Default relative standard uncertainty by data source kind, used where a flow has neither
 * `sd` nor a meter with an accuracy class. These are engineering defaults [U], configurable
 * in settings.defaultRelativeSd: metered flows ~ a class-2.5 meter read as a 95 % bound;
 * estimated and design values are wide so reconciliation moves them first.
 */
export const defaultRelativeSd: Record<string, number> = {
  metered: 0.0125,
  monitored: 0.025,
  lab: 0.05,
  calculated: 0.05,
  estimated: 0.15,
  design: 0.25,
};

export const defaultRelativeSdSource: Provenance = {
  standard: 'pingheng engineering default',
  edition: '2026',
  clause: 'σ by source kind',
  tag: 'U',
};

/** Annual operating hours used to turn per-annum rates into period quantities (configurable). */
export const annualHours = {
  hours: 8760,
  source: {
    standard: 'calendar year',
    edition: '—',
    clause: '365 d × 24 h',
    tag: 'U',
    note: "Set settings.annualHours to the plant's operating hours when annual figures are operating-year figures.",
  } as Provenance,
};
