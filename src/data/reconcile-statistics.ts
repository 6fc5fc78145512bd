import type { Provenance } from './provenance.ts';

/**
 * Statistical conventions of data reconciliation and gross-error detection (src/reconcile/).
 * Each is a configurable default, not a figure from a Chinese standard.
 */

/** Significance level α of the global χ² test and of the (Šidák-corrected) measurement and nodal tests. */
export const defaultSignificance = {
  alpha: 0.05,
  source: {
    standard: 'VDI 2048 Blatt 1',
    edition: '2017',
    clause: 'quality control of the reconciled result: χ² test at the 95 % level',
    tag: 'S',
    note: 'Also the level used by Narasimhan & Jordache (2000) ch. 7; configurable with --alpha.',
  } as Provenance,
};

/**
 * Šidák correction (Šidák 1967): to keep the family-wise false-alarm rate at α over n independent
 * tests, each test uses β = 1 − (1 − α)^(1/n). Mah & Tamhane (1982) apply it to the measurement test.
 */
export const sidakSource: Provenance = {
  standard: 'Mah & Tamhane, AIChE J. 28 (1982) 828–830',
  edition: '1982',
  clause: 'measurement test with the Šidák-corrected level',
  tag: 'S',
};

/** Serial elimination stops after this many exclusions (a guard; real plants rarely have more than a few faults). */
export const maxEliminationSteps = {
  steps: 10,
  source: {
    standard: 'pingheng engineering default',
    edition: '2026',
    clause: 'serial elimination guard',
    tag: 'U',
  } as Provenance,
};

/**
 * Unmeasured-flow uncertainties are computed with one solve each; above this many
 * (solves × factor non-zeros) they are skipped and reported as not computed.
 */
export const unmeasuredSdWorkBudget = {
  flops: 4e9,
  source: {
    standard: 'pingheng engineering default',
    edition: '2026',
    clause: 'work guard for large networks',
    tag: 'U',
  } as Provenance,
};

/**
 * Direct-solver budget: above these the sparse LDLᵀ factor is not attempted and preconditioned CG
 * solves instead (exact values and χ², no per-measurement statistics). Random long links fill a
 * factor: 100 000 random-link streams would need 1.4·10⁷ non-zeros and ~4 min to factorise.
 */
export const factorBudget = {
  nonZeros: 2e7,
  flops: 2e9,
  source: {
    standard: 'pingheng engineering default',
    edition: '2026',
    clause: 'direct vs iterative solver',
    tag: 'U',
  } as Provenance,
};

/** Relative tolerance on a bound (below it a value counts as on the bound). */
export const boundTolerance = {
  relative: 1e-9,
  source: {
    standard: 'pingheng engineering default',
    edition: '2026',
    clause: 'active-set tolerance',
    tag: 'U',
  } as Provenance,
};
