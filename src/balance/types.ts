/** The shapes `checkModel` returns; also what `pingheng check --json` prints. */

export type BalanceStatus =
  /** |in − out − Δstock| / in within tolerance */
  | 'closed'
  /** beyond tolerance, or a flow computed by difference came out negative */
  | 'open'
  /** a flow of this balance was computed from it by difference: it closes by construction */
  | 'by-difference'
  /** unmeasured flows remain that the network cannot determine */
  | 'indeterminate';

export interface BalanceTerm {
  flow: string;
  /** Value in the layer unit; null when unknown. */
  value: number | null;
  /** Standard uncertainty in the layer unit, when known. */
  sd: number | null;
  source: string;
  /** Computed by difference at node `derivedAt`. */
  derivedAt?: string;
  carrier?: string;
  kind?: string;
}

export interface Contributor {
  flow: string;
  value: number;
  /** Share of the balance's throughput (in + out). */
  share: number;
  /** How many of its own σ this flow would have to be off to explain the residual alone (lower = likelier culprit). */
  sigmasToExplain: number | null;
  source: string;
}

export interface NodeBalance {
  node: string;
  name: string;
  /** The node's English name, where the model gives one (displayName picks it in English). */
  nameEn?: string;
  level: number;
  layer: string;
  unit: string;
  inputs: BalanceTerm[];
  outputs: BalanceTerm[];
  /** Stock changes, signed: + accumulation, − draw-down. */
  stock: BalanceTerm[];
  in: number;
  out: number;
  stockChange: number;
  /** in − out − Δstock */
  residual: number;
  /** |residual| / in (out when in is 0); null when indeterminate. */
  closure: number | null;
  tolerancePct: number;
  status: BalanceStatus;
  unknown: string[];
  /** Flows this node's own region computed by difference. */
  derived: string[];
  contributors: Contributor[];
  /** Message codes of the CP-audit advice for this balance (src/i18n/balance.ts). */
  advice: string[];
  /** Energy layer only. */
  energy?: EnergyDetail;
}

export interface EnergyDetail {
  /** Inputs in tce, 等价值 (equal value). */
  inEqual: number;
  /** Outputs of kind "loss". */
  losses: number;
  /** Outputs of kind "effective" or "product". */
  effective: number;
  /** effective / in, when effective energy is given. */
  utilisation: number | null;
}

export interface DerivedFlow {
  flow: string;
  layer: string;
  /** Value in the layer unit and in the flow's own unit. */
  value: number;
  ownValue: number;
  ownUnit: string;
  derivedAt: string;
  negative: boolean;
}

export interface MasterSubRow {
  node: string;
  name: string;
  nameEn?: string;
  layer: string;
  carrier: string;
  /** The carriers' own unit when all flows share one (kWh, m³), else the layer unit. */
  unit: string;
  /** Master meter(s): metered intake of the node's own region from outside the node. */
  master: number | null;
  /** Sum of sub-meters: flows from the node's own region into its children. */
  subs: number | null;
  masterFlows: string[];
  subFlows: string[];
  difference: number | null;
  /** difference / master */
  relative: number | null;
  tolerancePct: number;
  status: 'pass' | 'fail' | 'incomplete';
  unmetered: string[];
}

export interface EnergyUseRow {
  carrier: string;
  flows: string[];
  /** tce, 当量值 */
  tceEquivalent: number;
  /** tce, 等价值 */
  tceEqual: number;
  basis: string[];
}

export interface EnergyUse {
  node: string;
  name: string;
  nameEn?: string;
  rows: EnergyUseRow[];
  /** Σ energy entering minus energy exported as product, tce 当量值 / 等价值. 综合能耗 */
  comprehensiveEquivalent: number;
  comprehensiveEqual: number;
  exported: number;
  unknown: string[];
}

/** GB/T 12452 water indicators of an enterprise (src/balance/water-indicators.ts). */
export interface WaterIndicators {
  node: string;
  unit: string;
  /** Vf new water taken in */
  newWater: number;
  /** Vi all water taken in (new water, purchased steam…) */
  intake: number;
  /** Vr water reused or recirculated inside (flows of kind "recycle") */
  reused: number;
  /** Vd discharged */
  discharged: number;
  /** Vl leakage (outputs of kind "loss") */
  leakage: number;
  reuseRate: number | null;
  condensateRecovery: number | null;
  leakageRate: number | null;
  dischargeRate: number | null;
  unknown: string[];
}

export interface Finding {
  severity: 'error' | 'warning' | 'info';
  code: string;
  node?: string;
  layer?: string;
  flow?: string;
  message: { zh: string; en: string };
}

export interface CheckResult {
  model: { name: string; nameEn?: string; nodes: number; flows: number };
  period: { hours: number | null; annualHours: number };
  layers: { layer: string; unit: string; tolerancePct: number }[];
  balances: NodeBalance[];
  derived: DerivedFlow[];
  masterSub: MasterSubRow[];
  energyUse: EnergyUse[];
  water: WaterIndicators[];
  findings: Finding[];
  summary: { balances: number; closed: number; open: number; byDifference: number; indeterminate: number; ok: boolean };
}
