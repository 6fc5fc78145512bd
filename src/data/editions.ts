import type { Provenance } from './provenance.ts';

/**
 * The rule families pingheng applies, the editions it holds as data modules, and the later editions
 * known to exist (shared/standards/STANDARDS.md, preamble and §7). A model picks an edition per family
 * in `settings.editions`; an edition that is not held is unusable input, never silently replaced.
 *
 * Family keys are matched without spaces, "/T" and case, so "GB/T 2589", "GB 2589" and "GB2589" name
 * one family (GB/T 24789-2022 is the recommended successor of the mandatory GB 24789-2009: one family).
 */
export interface LaterEdition {
  edition: string;
  /** In force from (YYYY-MM-DD), where the date was read; undefined = exists, date not recorded. */
  inForce?: string;
  /** Its tables are held as data (false for every later edition today). */
  tablesHeld: false;
  source: Provenance;
}

export interface RuleFamily {
  /** Canonical key, as `coverage --json` prints it under `editions`. */
  id: 'GB17167' | 'GB24789' | 'GB2589' | 'GB12452' | 'Yunnan';
  /** The standard's name as written. */
  standard: string;
  /** Editions held as data modules (src/data/<standard>-<edition>.ts). */
  held: readonly string[];
  defaultEdition: string;
  later: readonly LaterEdition[];
}

const stdPreamble: Provenance = {
  standard: 'shared/standards/STANDARDS.md',
  edition: '2026',
  clause: 'preamble (later editions)',
  tag: 'C',
  note: 'Listed as existing; tables not available, date of entry into force not recorded.',
};

export const families: readonly RuleFamily[] = [
  {
    id: 'GB17167',
    standard: 'GB 17167',
    held: ['2006'],
    defaultEdition: '2006',
    later: [
      {
        edition: '2025',
        inForce: '2026-02-01',
        tablesHeld: false,
        source: {
          standard: 'GB 17167',
          edition: '2025',
          clause: 'issued 2025-01-24, in force 2026-02-01',
          tag: 'C',
          note: 'Replaces GB 17167-2006 (STANDARDS.md §7); its tables were not available.',
        },
      },
    ],
  },
  {
    id: 'GB24789',
    standard: 'GB 24789',
    held: ['2009'],
    defaultEdition: '2009',
    later: [{ edition: '2022', tablesHeld: false, source: stdPreamble }],
  },
  {
    id: 'GB2589',
    standard: 'GB/T 2589',
    held: ['2008'],
    defaultEdition: '2008',
    later: [{ edition: '2020', tablesHeld: false, source: stdPreamble }],
  },
  {
    id: 'GB12452',
    standard: 'GB/T 12452',
    held: ['2008'],
    defaultEdition: '2008',
    later: [{ edition: '2022', tablesHeld: false, source: stdPreamble }],
  },
  { id: 'Yunnan', standard: '云经资源〔2007〕518号', held: ['2007'], defaultEdition: '2007', later: [] },
];

const normalise = (key: string) => key.replace(/\s+/g, '').replace(/\/T/i, '').replace(/[/-]/g, '').toUpperCase();

const byKey = new Map<string, RuleFamily>();
for (const f of families) {
  byKey.set(normalise(f.id), f);
  byKey.set(normalise(f.standard), f);
}
byKey.set(normalise('云南'), families.find((f) => f.id === 'Yunnan')!);

/**
 * The family a `settings.editions` key names, or undefined.
 *
 * @example ruleFamily('GB/T 2589')?.id // 'GB2589'
 */
export function ruleFamily(key: string): RuleFamily | undefined {
  return byKey.get(normalise(key));
}

/** The edition a model asks for in a family (its `settings.editions` entry under any spelling), else the default. */
export function editionFor(editions: Record<string, string> | undefined, id: RuleFamily['id']): string {
  const family = families.find((f) => f.id === id)!;
  for (const [key, value] of Object.entries(editions ?? {})) if (ruleFamily(key)?.id === id) return value;
  return family.defaultEdition;
}
