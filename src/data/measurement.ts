import type { Provenance } from './provenance.ts';

/**
 * An accuracy class is a maximum permissible error (±class % of the reading). pingheng reads it
 * as a 95 % bound of a normal error, so σ = class % / 1.96. This is a convention, stated in
 * docs/balances.md; VDI 2048 and the GUM (JCGM 100:2008, §6.3) use the same coverage idea.
 */
export const accuracyClassCoverageFactor = {
  k: 1.96,
  source: {
    standard: 'JCGM 100 (GUM)',
    edition: '2008',
    clause: '6.3 coverage factor for ~95 %',
    tag: 'U',
    note: 'Reading an accuracy class as a 95 % bound is a convention; configurable by giving sd.',
  } as Provenance,
};
