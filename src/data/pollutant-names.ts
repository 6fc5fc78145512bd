import type { Subject } from './acceptance.ts';
import { classOne } from './gb8978-1996.ts';
import type { Label } from './provenance.ts';

/**
 * How the component layers of a model map onto the pollutants the acceptance tables name. A
 * component's name is compared without case, spaces, hyphens and underscores, so "NH3-N", "nh3n"
 * and "NH3_N" are one. Names not listed here are still compared and reported; no rule judges them.
 */
export interface PollutantName {
  subject: Subject;
  label: Label;
  aliases: readonly string[];
}

export const pollutantNames: readonly PollutantName[] = [
  { subject: 'COD', label: { zh: '化学需氧量', en: 'COD' }, aliases: ['COD', 'CODcr', 'COD_Cr', '化学需氧量'] },
  { subject: 'BOD5', label: { zh: '五日生化需氧量', en: 'BOD5' }, aliases: ['BOD5', 'BOD', '生化需氧量'] },
  { subject: 'NH3-N', label: { zh: '氨氮', en: 'NH3-N' }, aliases: ['NH3-N', 'NH4-N', '氨氮', 'ammonia-nitrogen'] },
  { subject: 'SO2', label: { zh: '二氧化硫', en: 'SO2' }, aliases: ['SO2', '二氧化硫', 'sulphur-dioxide'] },
  {
    subject: 'dust',
    label: { zh: '粉尘（烟尘）', en: 'dust (soot)' },
    aliases: ['dust', '粉尘', '烟尘', '颗粒物', 'PM', 'TSP', 'PM10', 'particulates', 'soot'],
  },
];

export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[\s_\-－]/g, '');
}

const bySubject = new Map<string, Subject>();
for (const n of pollutantNames) for (const a of n.aliases) bySubject.set(normaliseName(a), n.subject);
for (const c of classOne) for (const a of c.aliases) bySubject.set(normaliseName(a), 'first-class');

/** The acceptance subject a component layer stands for, if any. */
export function subjectOfComponent(name: string): Subject | undefined {
  return bySubject.get(normaliseName(name));
}
