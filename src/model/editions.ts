import { families, ruleFamily } from '../data/editions.ts';
import { issue, type InputIssue } from './issues.ts';
import type { Settings } from './schema.ts';

/**
 * `settings.editions` against the editions pingheng holds (src/data/editions.ts): a family it does not
 * know, or an edition whose tables it does not hold, is an error located at the entry — never ignored
 * and never silently replaced by the default (issue #12). A later edition known to exist but not held
 * (GB/T 2589-2020) says so.
 */
export function editionIssues(settings: Settings | undefined): InputIssue[] {
  const issues: InputIssue[] = [];
  const seen = new Map<string, string>();
  for (const [key, edition] of Object.entries(settings?.editions ?? {})) {
    const at = ['settings', 'editions', key];
    const family = ruleFamily(key);
    if (!family) {
      issues.push(issue(at, 'edition.unknownFamily', { key, known: families.map((f) => f.standard).join(', ') }));
      continue;
    }
    const first = seen.get(family.id);
    if (first !== undefined) {
      issues.push(issue(at, 'edition.twice', { key, first, standard: family.standard }));
      continue;
    }
    seen.set(family.id, key);
    if (family.held.includes(edition)) continue;
    const later = family.later.find((l) => l.edition === edition);
    issues.push(
      issue(at, later ? 'edition.notHeld' : 'edition.unknown', {
        standard: family.standard,
        edition,
        held: family.held.join(', '),
      }),
    );
  }
  return issues;
}
