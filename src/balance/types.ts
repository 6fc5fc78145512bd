import type { Provenance } from '../data/provenance.ts';

/** The shapes `checkModel` returns; also what `pingheng check --json` prints. */
import type { VocsResult } from '../vocs/types.ts';

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
  /**
   * Energy supplied to use in the period (GB/T 3484 供入能量): in − Δstock, so a stock drawn down adds
   * what was burnt from it and a stock built up takes away what was stored. In the layer unit (当量值).
   */
  supplied: number;
  /** The same, 等价值. */
  suppliedEqual: number;
  /** Outputs of kind "loss". */
  losses: number;
  /** Outputs of kind "effective" or "product". */
  effective: number;
  /** effective / supplied; null unless `utilisationBasis` is "measured". */
  utilisation: number | null;
  /**
   * measured: every effective term was given, the rate is a measured efficiency; derived: an effective
   * term was computed by difference — the rate is not determined (it would read 100 % less the given
   * losses by construction); no-effective: no effective energy, or nothing supplied.
   */
  utilisationBasis: 'measured' | 'derived' | 'no-effective';
  /** The effective-energy flows computed by difference, when utilisationBasis is "derived". */
  derivedEffective?: string[];
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
  /** Stock flows of the node's own region in this carrier. */
  stockFlows: string[];
  /** Δstock of the node's own region (+ accumulation), in `unit`. */
  stockChange: number | null;
  /** master − subs − stockChange */
  difference: number | null;
  /** difference / master */
  relative: number | null;
  tolerancePct: number;
  /** Where the tolerance comes from: a data row with its provenance, or the model's settings. */
  toleranceSource: Provenance | { standard: 'settings'; clause: string };
  status: 'pass' | 'fail' | 'incomplete';
  unmetered: string[];
}

/** An amount of energy in tce, 当量值 (equivalent) and 等价值 (equal value). */
export interface TceAmount {
  equivalent: number;
  equal: number;
}

/** One carrier of a node's energy use (GB/T 2589): received − sent out − stock increase. */
export interface EnergyUseRow {
  carrier: string;
  flows: string[];
  received: TceAmount;
  sentOut: TceAmount;
  stockIncrease: TceAmount;
  /** Consumption, tce 当量值: received − sentOut − stockIncrease. */
  tceEquivalent: number;
  /** Consumption, tce 等价值. */
  tceEqual: number;
  basis: string[];
}

export interface EnergyUse {
  node: string;
  name: string;
  nameEn?: string;
  level: number;
  rows: EnergyUseRow[];
  received: TceAmount;
  sentOut: TceAmount;
  stockIncrease: TceAmount;
  /** 综合能耗 = received − sent out − stock increase, tce 当量值; null when a term is unknown. */
  comprehensiveEquivalent: number | null;
  /** The same in 等价值. */
  comprehensiveEqual: number | null;
  /** = sentOut.equivalent (kept for readers of the earlier shape). */
  exported: number;
  unknown: string[];
  /** The electricity 等价值 used and where it came from (`default`: JJF 1356-2012's legacy 0.404, warned). */
  equalValue: { kgcePerKWh: number; source: 'settings' | 'default'; default?: Provenance };
  /** The definition applied, with its provenance. */
  definition: Provenance;
}

/** A GB/T 12452 water use's reuse indicator (rc for indirect cooling, rg for process water). */
export interface UseIndicator {
  /** Vcr (circulated) / Vgr (reused): flows of the use with kind "recycle". */
  reused: number;
  /** Vcf (make-up) / Vgf (new water): flows of the use with a new-water carrier. */
  newWater: number;
  /** reused / (reused + newWater), a fraction; null when nothing is tagged with the use or a term is unknown. */
  rate: number | null;
  reusedFlows: string[];
  newWaterFlows: string[];
}

/** Vf / Q for one product (GB/T 12452 单位产品新水量). */
export interface NewWaterPerProduct {
  product: string;
  name: string;
  nameEn?: string;
  output: number;
  productUnit: string;
  /** `<water unit>/<product unit>`, e.g. "t/t". */
  unit: string;
  /** null with `reason` when it cannot be given. */
  value: number | null;
  reason?: 'several-products' | 'unknown';
}

/** GB/T 12452 water indicators of an enterprise (src/balance/water-indicators.ts). Rates are fractions (0.5 = 50 %). */
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
  /** R = Vr / (Vr + Vf) */
  reuseRate: number | null;
  /** rc = Vcr / (Vcr + Vcf) — indirect cooling-water recirculation rate (= cooling.rate) */
  coolingRecirculationRate: number | null;
  /** rg = Vgr / (Vgr + Vgf) — process-water reuse rate (= process.rate) */
  processReuseRate: number | null;
  /** recovered condensate / steam base (= condensate.rate) */
  condensateRecovery: number | null;
  cooling: UseIndicator;
  process: UseIndicator;
  condensate: {
    /** condensate-carrier flows of kind "recycle", inside or returned across the boundary */
    recovered: number;
    /** steamProduced + steamPurchased */
    steamBase: number;
    /** Which steam the rate is over: made by the enterprise's boilers, bought, or both; null = no steam. */
    basis: 'produced' | 'purchased' | 'produced+purchased' | null;
    steamProduced: number;
    steamPurchased: number;
    rate: number | null;
    recoveredFlows: string[];
    /** Nodes whose own region puts out more steam than it takes in (the boilers). */
    producedAt: string[];
    purchasedFlows: string[];
  };
  /** Vf / Q per product (production); [] without production. */
  newWaterPerProduct: NewWaterPerProduct[];
  /** Vf / Z, `<water unit>/万元`; null without output values. */
  newWaterPerOutputValue: { value: number; unit: string; outputValue: number } | null;
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
  /** The VOCs solvent balance (src/vocs/, docs/vocs.md), when the model has a VOCs layer. */
  vocs?: VocsResult;
  findings: Finding[];
  summary: { balances: number; closed: number; open: number; byDifference: number; indeterminate: number; ok: boolean };
}
