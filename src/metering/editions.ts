import { editionFor, families } from '../data/editions.ts';
import { t } from '../i18n/index.ts';
import type { Model } from '../model/schema.ts';
import { campaignEndDate } from './meters.ts';

/**
 * A verdict judged under an edition that a later one has replaced by the campaign's date
 * (STANDARDS.md §7: "a campaign dated after a newer edition came into force must be told which edition
 * its verdict used"). GB 17167-2025 is in force from 2026-02-01 and its tables are not held, so a
 * campaign ending on or after that day is judged under GB 17167-2006 with this notice.
 */
export interface EditionNotice {
  code: 'edition.superseded';
  family: string;
  standard: string;
  /** The edition the verdict used. */
  used: string;
  /** The edition in force at the campaign's date. */
  inForce: string;
  since: string;
  /** The campaign date compared (its last day, in the plant's zone). */
  date: string;
  tablesHeld: false;
  zh: string;
  en: string;
}

/**
 * Notices for the metering families (GB 17167, GB 24789, Yunnan) at the campaign's last day; [] without a campaign.
 *
 * @example
 * // GB 17167-2025 took effect on 2026-02-01, before the dyeing plant's campaign ended; its tables are not held yet
 * const { model } = parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json');
 * editionNotices(model).map((n) => [n.code, n.standard, n.inForce]) // => [['edition.superseded', 'GB 17167', '2025']]
 */
export function editionNotices(model: Model): EditionNotice[] {
  const date = campaignEndDate(model);
  if (date === undefined) return [];
  const out: EditionNotice[] = [];
  for (const id of ['GB17167', 'GB24789', 'Yunnan'] as const) {
    const family = families.find((f) => f.id === id)!;
    const used = editionFor(model.settings?.editions, id);
    for (const later of family.later) {
      if (later.inForce === undefined || later.inForce > date || later.edition <= used) continue;
      const params = { standard: family.standard, used, edition: later.edition, since: later.inForce, date };
      out.push({
        code: 'edition.superseded',
        family: id,
        standard: family.standard,
        used,
        inForce: later.edition,
        since: later.inForce,
        date,
        tablesHeld: false,
        zh: t('zh', 'edition.superseded', params),
        en: t('en', 'edition.superseded', params),
      });
    }
  }
  return out;
}
