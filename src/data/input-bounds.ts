import type { Provenance } from './provenance.ts';

/**
 * The range of magnitudes pingheng computes with. Every number of a model (outside `meta`) and every
 * meter reading is 0 or has a magnitude in [minMagnitude, maxMagnitude]; unit factors to the base
 * units (kg, m³, Nm³, kJ) lie in [1/maxUnitFactor, maxUnitFactor]. Inside these bounds every product
 * the engine forms (value × unit × density × heating value × period hours, their squares in the
 * reconciliation) stays far inside binary64's range, so no result can overflow to Infinity or
 * underflow into a division by zero; outside them an input is refused with its location.
 */
export const inputBounds = {
  /**
   * 10¹⁵: the largest power of ten below 2⁵³ (9 007 199 254 740 992), so every whole number up to it —
   * a meter register, a count in grams — is exact in a double. No plant quantity comes near it
   * (the world's annual coal output is ~10¹³ kg).
   */
  maxMagnitude: 1e15,
  /** 10⁻¹⁵: below a double's relative precision against any quantity of order one; write it in a smaller unit. */
  minMagnitude: 1e-15,
  /** A unit's factor to its base unit: 10¹⁸ spans 亿tce (2.9 × 10¹⁵ kJ) to picograms (10⁻¹⁵ kg) with room. */
  maxUnitFactor: 1e18,
  /** Hours in a balance period: 100 operating years of 8 784 h (a leap year), ample for any audit. */
  maxPeriodHours: 878_400,
  /** Operating hours per year cannot exceed the hours of a leap year (366 × 24). */
  maxAnnualHours: 8784,
  source: {
    standard: 'ECMA-262 (Number.MAX_SAFE_INTEGER = 2⁵³ − 1); IEEE 754 binary64',
    edition: '2024; 2019',
    clause: 'ECMA-262 §21.1.2.6; IEEE 754 §3.6 (binary64 precision p = 53)',
    tag: 'C',
    note: 'Engineering bounds chosen by pingheng from the floating-point format, not from an audit standard.',
  } as Provenance,
};
