import type { Label, Provenance } from './provenance.ts';

/**
 * VOCs solvent-balance practice (物料衡算法): the figures and definitions pingheng's VOCs table
 * rests on besides the Guangdong capture table (src/data/guangdong-vocs-2023.ts). See docs/vocs.md.
 */

/** The VOCs component layer's default name (a model may rename it in settings.vocs.layer). */
export const DEFAULT_VOCS_LAYER = 'VOCs';

/**
 * Stack monitoring against the balance: the monitored organised emission may differ from
 * captured × (1 − removal efficiency) by this much before it is a finding. Stack VOCs monitoring
 * (NMHC as carbon converted to solvent mass, a campaign's flow × concentration) and a removal
 * efficiency from a few inlet/outlet samples each carry tens of percent; no standard sets a limit.
 * [U]: a configurable default (settings.vocs.monitoringTolerancePct).
 */
export const monitoringTolerance = {
  pct: 20,
  source: {
    standard: 'pingheng engineering default',
    edition: '—',
    clause: 'stack monitoring vs balance',
    tag: 'U',
    note: 'No published limit; set settings.vocs.monitoringTolerancePct to the plant’s monitoring uncertainty.',
  } as Provenance,
};

/**
 * The mass-balance framework of the EU solvent management plan, the European counterpart of
 * 物料衡算: inputs I1 (solvents purchased and used) and I2 (recovered and reused as input);
 * outputs O1 emissions in waste gases, O2 lost in water, O3 residue in products, O4 uncaptured
 * emissions, O5 destroyed, O6 in collected waste, O7 sold, O8 recovered for reuse not as input,
 * O9 other. pingheng's categories map onto them (docs/vocs.md): generated = O1 + O4 + O5 at the
 * capture points; captured = O1 + O5; fugitive = O4; product = O3; waste = O6; recovered = I2 or O8.
 * [C]: definitions read in the legislation.gov.uk copy of the directive.
 */
export const solventManagementPlan = {
  standard: 'Directive 2010/75/EU (industrial emissions)',
  edition: '2010',
  clause: 'Annex VII Part 7 — solvent management plan, definitions I1, I2, O1–O9',
  tag: 'C',
} as Provenance;

/**
 * 物料衡算法 as the accounting method for VOCs generation from solvent use: what is used × its
 * VOCs content, less what leaves in product, waste and recovery. [S]: the method's definition in
 * HJ 884-2018 污染源源强核算技术指南 准则 was read only through secondary material.
 */
export const materialBalanceMethod = {
  standard: 'HJ 884-2018 污染源源强核算技术指南 准则',
  edition: '2018',
  clause: '物料衡算法',
  tag: 'S',
} as Provenance;

/** VOCs treatment technologies (治理工艺): the model's `nodes[].vocs.removal.technology`. */
export const TREATMENT_TECHNOLOGIES = [
  'rto',
  'rco',
  'catalytic-oxidation',
  'thermal-oxidation',
  'zeolite-rto',
  'zeolite-rco',
  'activated-carbon',
  'activated-carbon-regenerated',
  'condensation',
  'absorption',
  'biological',
  'other',
] as const;

/**
 * Reference removal efficiencies of treatment technologies, for the record (docs/vocs.md) and the
 * report's appendix. pingheng never uses them in place of a model's own figure: a removal
 * efficiency is the plant's (measured at inlet and outlet, or the design value), with its source.
 */
export interface RemovalReferenceRow {
  technology: (typeof TREATMENT_TECHNOLOGIES)[number];
  label: Label;
  /** Design or guidance figure, fraction 0–1; null where only the standard's scope is known. */
  efficiency: number | null;
  kind: 'minimum' | 'typical' | 'scope';
  source: Provenance;
}

export const removalReference: readonly RemovalReferenceRow[] = [
  {
    technology: 'activated-carbon',
    label: { zh: '活性炭吸附', en: 'activated-carbon adsorption' },
    efficiency: 0.9,
    kind: 'minimum',
    source: {
      standard: 'HJ 2026-2013 吸附法工业有机废气治理工程技术规范',
      edition: '2013',
      clause: '4.3 (as cited): 治理效率宜不低于 90 %',
      tag: 'S',
      note: 'A design requirement of the engineering specification; a non-regenerated carbon bed falls well below it once saturated.',
    },
  },
  {
    technology: 'rto',
    label: { zh: '蓄热燃烧（RTO）', en: 'regenerative thermal oxidiser (RTO)' },
    efficiency: null,
    kind: 'scope',
    source: {
      standard: 'HJ 1093-2020 蓄热燃烧法工业有机废气治理工程技术规范',
      edition: '2020',
      clause: 'scope (title read in secondary sources)',
      tag: 'S',
      note: 'The engineering specification for RTO; its efficiency clause was not read. Use the unit’s tested figure.',
    },
  },
];
