import type { Label, Provenance } from './provenance.ts';

/**
 * Provincial acceptance rules for what a cleaner-production audit achieved (审核绩效): which
 * indicators must fall by how much. One data module per province and document
 * (anhui-2007, zhejiang-2003, inner-mongolia-2005); this module holds their shared shape.
 */

/** What a rule judges. Resources are consumption; pollutants are generation (产生量). */
export type Subject =
  | 'water'
  | 'electricity'
  | 'steam'
  | 'coal'
  | 'material'
  | 'wastewater'
  | 'COD'
  | 'BOD5'
  | 'NH3-N'
  | 'first-class'
  | 'waste-gas'
  | 'SO2'
  | 'dust'
  | 'solid-waste'
  | 'hazardous-waste';

export const RESOURCE_SUBJECTS: readonly Subject[] = ['water', 'electricity', 'steam', 'coal', 'material'];

export interface AcceptanceRule {
  /** Unique within its rule set, e.g. "resources". */
  id: string;
  /** The table's own words. */
  label: Label;
  subjects: readonly Subject[];
  /** per-unit: consumption or generation per unit product; total: the plant's figure per year. */
  measure: 'per-unit' | 'total';
  /** Required fall as a fraction of the base figure, by the plant's level. */
  threshold: { advanced: number; general: number };
  /**
   * any: the row is met when at least one of its indicators is (至少有一项);
   * each: every indicator the models have must be met.
   */
  aggregate: 'any' | 'each';
  /** Seed 003_9c443752d6c2806a.txt lines where the row and its threshold stand. */
  lines: readonly [number, number];
  source: Provenance;
  /** How pingheng reads the row where the words leave a choice. */
  interpretation?: string;
}

/** A scored row pingheng cannot judge from balances (listed, never silently left out). */
export interface UnjudgedRule {
  id: string;
  label: Label;
  lines: readonly [number, number];
  reason: Label;
}

export interface AcceptanceRuleSet {
  /** Id used by `--rules` and `audit.rules`. */
  id: string;
  province: Label;
  document: Label;
  rules: readonly AcceptanceRule[];
  unjudged: readonly UnjudgedRule[];
  source: Provenance;
}

/** The plant's standing in its industry, which sets the Anhui thresholds (说明 一、二). */
export const PLANT_LEVELS = ['advanced', 'general'] as const;
export type PlantLevel = (typeof PLANT_LEVELS)[number];
