import { issue, type InputIssue } from '../model/issues.ts';
import type { Model } from '../model/schema.ts';
import { resolveRuleSets } from './rulesets.ts';

/**
 * Metering-specific input checks beyond src/model/validate.ts: rule-set editions pingheng does not
 * have, and a verification validity that ends before it starts.
 *
 * @example
 * validateMetering(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model) // => []
 */
export function validateMetering(model: Model): InputIssue[] {
  const issues = [...resolveRuleSets(model.settings).issues];
  (model.meters ?? []).forEach((m, i) => {
    if (m.verifiedOn !== undefined && m.verifiedUntil !== undefined && m.verifiedUntil < m.verifiedOn) {
      issues.push(
        issue(['meters', i, 'verifiedUntil'], 'metering.meter.verifiedOrder', {
          on: m.verifiedOn,
          until: m.verifiedUntil,
        }),
      );
    }
  });
  return issues;
}
