/**
 * Where a figure comes from. Tags follow shared/standards/STANDARDS.md:
 * P = read in the standard's own text, C = faithful third-party copy,
 * S = secondary source only, U = unverified (a configurable default).
 */
export type ProvenanceTag = 'P' | 'C' | 'S' | 'U';

export interface Provenance {
  /** Standard or document, e.g. "GB/T 2589". */
  standard: string;
  /** Edition year, e.g. "2008". */
  edition: string;
  /** Clause, table or annex, e.g. "Annex A". */
  clause: string;
  tag: ProvenanceTag;
  note?: string;
}

/** A bilingual label; Chinese first. */
export interface Label {
  zh: string;
  en: string;
}
