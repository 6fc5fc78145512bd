/**
 * The VOCs solvent balance (物料衡算) as `checkModel` returns it under `vocs` — plain data, for the
 * CLI table, the web panel, the report's pollutant-factor chapter and before/after comparisons.
 * Amounts are in the VOCs layer's unit (kg unless settings.displayUnits says otherwise); a figure
 * that cannot be computed is null, never NaN.
 */

/** Where an efficiency used in the table comes from. */
export type EfficiencyBasis =
  /** stated in the model: a test on the plant */
  | 'measured'
  /** stated in the model: the design value */
  | 'design'
  /** stated in the model: an estimate */
  | 'estimated'
  /** derived: measured captured stream / generated, or removed / captured with a monitored stack */
  | 'derived'
  /** no capture at this unit (all it releases is fugitive) */
  | 'none';

/** One raw material entering the plant and the VOCs it brings (I1 of a solvent management plan). */
export interface VocsMaterial {
  flow: string;
  name: string | null;
  nameEn: string | null;
  carrier: string | null;
  node: string;
  /** Quantity in the flow's own unit, and that unit. */
  quantity: number | null;
  quantityUnit: string;
  /** VOCs mass fraction 0–1 where the content is a fraction (%, wt%, ppm …), else null. */
  content: number | null;
  /** Where the content comes from (lab, design …). */
  contentSource: string;
  vocs: number | null;
}

/** One VOCs-releasing unit: the auditors' row (产生量、收集效率、收集量、去除量、有组织、无组织). */
export interface VocsUnitRow {
  node: string;
  name: string;
  nameEn: string | null;
  level: number;
  /** VOCs entering the unit's boundary. */
  input: number | null;
  /** VOCs leaving in product, waste, recovered solvent, and material passed on to other units. */
  product: number | null;
  waste: number | null;
  recovered: number | null;
  onward: number | null;
  /** Δstock inside the unit (accumulation positive). */
  stockChange: number | null;
  /** generated = input − product − waste − recovered − onward − Δstock (产生量). */
  generated: number | null;
  /** Capture efficiency used (fraction), and where it comes from. */
  captureEfficiency: number | null;
  captureBasis: EfficiencyBasis;
  captureMethod: string | null;
  /** captured = generated × capture efficiency (收集量). */
  captured: number | null;
  /** The treatment unit the captured VOCs go to (null: vented untreated or nothing captured). */
  treatment: string | null;
  removalEfficiency: number | null;
  /** removed = captured × removal efficiency (去除量: destroyed, adsorbed or recovered in treatment). */
  removed: number | null;
  /** organised = captured − removed (有组织排放). */
  organised: number | null;
  /** fugitive = generated − captured (无组织排放). */
  fugitive: number | null;
  /** emitted = organised + fugitive. */
  emitted: number | null;
  /** Layer-flow ids of the captured and fugitive streams. */
  capturedFlows: string[];
  fugitiveFlows: string[];
  /** Terms whose value is unknown (the row's figures are then null). */
  unknown: string[];
}

/** One treatment unit and, where its stack is monitored, the check of the balance against it. */
export interface VocsTreatmentRow {
  node: string;
  name: string;
  nameEn: string | null;
  technology: string | null;
  /** Σ captured streams entering. */
  captured: number | null;
  removalEfficiency: number | null;
  removalBasis: EfficiencyBasis;
  /** removed = captured × removal efficiency; of which destroyed (kind degraded), to waste, recovered. */
  removed: number | null;
  destroyed: number | null;
  toWaste: number | null;
  recovered: number | null;
  /** organised = captured − removed: the stack emission the balance expects. */
  organised: number | null;
  /** Σ monitored stack streams, when monitored. */
  monitored: number | null;
  stackFlows: string[];
  /** (monitored − organised) / organised */
  relative: number | null;
  tolerancePct: number;
  status: 'pass' | 'fail' | 'unmonitored' | 'derived';
}

/** A measured captured stream against generated × capture efficiency. */
export interface VocsCaptureCheck {
  node: string;
  name: string;
  measured: number;
  expected: number;
  relative: number | null;
  tolerancePct: number;
  pass: boolean;
}

/** Whole-plant solvent balance: everything that enters and where it goes. */
export interface VocsTotals {
  /** I1: VOCs in purchased materials entering the plant. */
  input: number | null;
  /** I2: recovered solvent reused inside the plant (internal `recycle` streams). */
  recoveredReused: number | null;
  product: number | null;
  waste: number | null;
  /** Recovered solvent leaving the plant (`recycle` to outside). */
  recoveredExported: number | null;
  stockChange: number | null;
  generated: number | null;
  captured: number | null;
  removed: number | null;
  destroyed: number | null;
  organised: number | null;
  fugitive: number | null;
  emitted: number | null;
  /** Σ monitored stack emissions (null when no stack is monitored). */
  monitored: number | null;
  /** Other VOCs leaving the plant (e.g. in wastewater, kind emission from a unit that is no treatment). */
  other: number | null;
  /** input − Σ outputs − Δstock, with organised as the balance gives it. */
  residual: number | null;
  /** captured / generated, removed / captured: the plant's overall efficiencies. */
  captureRate: number | null;
  removalRate: number | null;
}

/** Per unit of each product (the model's `production`). */
export interface VocsPerProduct {
  product: string;
  name: string;
  nameEn: string | null;
  unit: string;
  output: number;
  /** layer unit per product unit, e.g. kg/m2 */
  perUnit: string;
  /** Why the figures are null: the plant has several products and does not say how its VOCs divide. */
  reason?: 'several-products';
  input: number | null;
  generated: number | null;
  emitted: number | null;
  organised: number | null;
  fugitive: number | null;
}

export interface VocsFinding {
  severity: 'error' | 'warning' | 'info';
  code: string;
  node?: string;
  layer?: string;
  flow?: string;
  message: { zh: string; en: string };
}

export interface VocsResult {
  layer: string;
  unit: string;
  materials: VocsMaterial[];
  units: VocsUnitRow[];
  treatments: VocsTreatmentRow[];
  captureChecks: VocsCaptureCheck[];
  total: VocsTotals;
  perProduct: VocsPerProduct[];
  /** Per-year figures (t/a) where the period annualises: total × annual factor. */
  annual: {
    factor: number;
    input: number | null;
    generated: number | null;
    removed: number | null;
    organised: number | null;
    fugitive: number | null;
    emitted: number | null;
  } | null;
  /** Flows whose VOCs amount came from an efficiency (captured = generated × η, removed = captured × η). */
  calculated: { flow: string; node: string; value: number; basis: 'capture' | 'removal' }[];
  findings: VocsFinding[];
}
