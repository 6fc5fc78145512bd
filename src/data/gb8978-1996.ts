import type { Label, Provenance } from './provenance.ts';

/**
 * GB 8978-1996 《污水综合排放标准》 Table 1: the class-I pollutants (第一类污染物), which the
 * Zhejiang, Inner Mongolia and Anhui acceptance sheets count as one row. Names only (the table's
 * limits are not used here). Not in shared/standards/STANDARDS.md: listed from secondary sources.
 */
export const source: Provenance = {
  standard: 'GB 8978',
  edition: '1996',
  clause: 'Table 1 第一类污染物',
  tag: 'S',
  note: 'The 13 class-I pollutants as secondary sources list them; the standard’s own text was not at hand.',
};

export interface ClassOnePollutant {
  id: string;
  label: Label;
  /** Component names a model may use for it (compared without case, spaces, hyphens, underscores). */
  aliases: readonly string[];
}

const p = (id: string, zh: string, en: string, aliases: string[]): ClassOnePollutant => ({
  id,
  label: { zh, en },
  aliases: [id, zh, ...aliases],
});

export const classOne: readonly ClassOnePollutant[] = [
  p('Hg', '总汞', 'total mercury', ['汞', 'mercury']),
  p('alkyl-Hg', '烷基汞', 'alkyl mercury', ['alkylmercury']),
  p('Cd', '总镉', 'total cadmium', ['镉', 'cadmium']),
  p('Cr', '总铬', 'total chromium', ['铬', 'chromium', 'total-Cr']),
  p('Cr6+', '六价铬', 'hexavalent chromium', ['Cr(VI)', 'CrVI', 'Cr6']),
  p('As', '总砷', 'total arsenic', ['砷', 'arsenic']),
  p('Pb', '总铅', 'total lead', ['铅', 'lead']),
  p('Ni', '总镍', 'total nickel', ['镍', 'nickel']),
  p('BaP', '苯并(a)芘', 'benzo(a)pyrene', ['苯并芘', 'benzo[a]pyrene']),
  p('Be', '总铍', 'total beryllium', ['铍', 'beryllium']),
  p('Ag', '总银', 'total silver', ['银', 'silver']),
  p('alpha', '总α放射性', 'gross alpha radioactivity', ['总α']),
  p('beta', '总β放射性', 'gross beta radioactivity', ['总β']),
];
