import * as gb17167 from '../data/gb17167-2006.ts';
import * as gb24789 from '../data/gb24789-2009.ts';
import * as yunnan from '../data/yunnan-2007.ts';
import type { CoverageRuleRow, Exemption, MainThreshold } from '../data/gb17167-2006.ts';
import type { WaterRuleRow } from '../data/gb24789-2009.ts';
import type { Provenance } from '../data/provenance.ts';
import { editionFor } from '../data/editions.ts';
import { editionIssues } from '../model/editions.ts';
import type { InputIssue } from '../model/issues.ts';
import type { Settings } from '../model/schema.ts';

/**
 * The metering rule sets as versioned data. A model picks editions with
 * `settings.editions` ({"GB17167": "2006", "GB24789": "2009", "Yunnan": "2007"}); a new edition
 * is a new data module registered below, not new code.
 */
export interface EnergyRules {
  family: 'GB17167';
  edition: string;
  /** Table id as reports print it, e.g. "GB17167-2006". */
  table: string;
  rows: readonly CoverageRuleRow[];
  mainThresholds: readonly MainThreshold[];
  table4: typeof gb17167.table4;
  electricityClassLadder: typeof gb17167.electricityClassLadder;
  loosestListedClass: typeof gb17167.loosestListedClass;
  userClassLimits: typeof gb17167.userClassLimits;
  exemptions: typeof gb17167.exemptions;
  source: Provenance;
}

export interface WaterRules {
  family: 'GB24789';
  edition: string;
  table: string;
  rows: readonly WaterRuleRow[];
  dischargeExcludedAtLevels: readonly (2 | 3)[];
  mainDeviceM3PerHour: number;
  table2: typeof gb24789.table2;
  closedLoopExemption: Exemption;
  source: Provenance;
}

export interface MaterialRules {
  family: 'Yunnan';
  edition: string;
  table: string;
  rows: readonly CoverageRuleRow[];
  grades: typeof yunnan.grades;
  acceptance: typeof yunnan.acceptance;
  estimatedShareLimitPct: number;
  source: Provenance;
}

export interface RuleSets {
  energy: EnergyRules;
  water: WaterRules;
  material: MaterialRules;
}

type Family = keyof RuleSetRegistry;
interface RuleSetRegistry {
  GB17167: Record<string, EnergyRules>;
  GB24789: Record<string, WaterRules>;
  Yunnan: Record<string, MaterialRules>;
}

/** Every edition pingheng knows, by family. Later editions (GB 17167-2025, GB/T 24789-2022) go here when their tables are read. */
export const registry: RuleSetRegistry = {
  GB17167: {
    '2006': {
      family: 'GB17167',
      edition: '2006',
      table: 'GB17167-2006',
      rows: gb17167.table3,
      mainThresholds: gb17167.mainThresholds,
      table4: gb17167.table4,
      electricityClassLadder: gb17167.electricityClassLadder,
      loosestListedClass: gb17167.loosestListedClass,
      userClassLimits: gb17167.userClassLimits,
      exemptions: gb17167.exemptions,
      source: gb17167.source,
    },
  },
  GB24789: {
    '2009': {
      family: 'GB24789',
      edition: '2009',
      table: 'GB24789-2009',
      rows: gb24789.table1,
      dischargeExcludedAtLevels: gb24789.dischargeExcludedAtLevels,
      mainDeviceM3PerHour: gb24789.mainDeviceM3PerHour.value,
      table2: gb24789.table2,
      closedLoopExemption: gb24789.closedLoopExemption,
      source: gb24789.source,
    },
  },
  Yunnan: {
    '2007': {
      family: 'Yunnan',
      edition: '2007',
      table: 'Yunnan-2007',
      rows: yunnan.annex2,
      grades: yunnan.grades,
      acceptance: yunnan.acceptance,
      estimatedShareLimitPct: yunnan.estimatedShareLimit.pct,
      source: yunnan.source,
    },
  },
};

export const DEFAULT_EDITIONS: Record<Family, string> = { GB17167: '2006', GB24789: '2009', Yunnan: '2007' };

/**
 * The rule sets a model asks for (`settings.editions`, any spelling of a family: "GB 17167", "GB17167"),
 * plus located issues for entries pingheng cannot honour (src/model/editions.ts). Where an entry is
 * unusable the default edition is returned alongside the issue, so callers can still report; the CLI
 * stops at the issue (exit 2).
 *
 * @example
 * const { model } = parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json');
 * const r = resolveRuleSets(model).rules;
 * [r.energy.table, r.water.table, r.material.table] // => ['GB17167-2006', 'GB24789-2009', 'Yunnan-2007']
 * // GB 17167-2006 Table 3: electricity 100 / 100 / 95 % at levels 1–3
 * r.energy.rows[0].required // => [100, 100, 95]
 */
export function resolveRuleSets(settings: Settings | undefined): { rules: RuleSets; issues: InputIssue[] } {
  const issues = editionIssues(settings);
  const pick = <F extends Family>(family: F): RuleSetRegistry[F][string] => {
    const wanted = editionFor(settings?.editions, family);
    const editions = registry[family] as Record<string, RuleSetRegistry[F][string]>;
    return editions[wanted] ?? editions[DEFAULT_EDITIONS[family]]!;
  };
  return { rules: { energy: pick('GB17167'), water: pick('GB24789'), material: pick('Yunnan') }, issues };
}
