import { displayName, type Lang } from '../i18n/index.ts';
import type { ReportResults } from './analyse.ts';
import { appendixChapter } from './chapters/appendix.ts';
import { componentsChapter, materialChapter } from './chapters/balances.ts';
import { energyChapter } from './chapters/energy.ts';
import { meteringChapter } from './chapters/metering.ts';
import { overviewChapter } from './chapters/overview.ts';
import { reconciliationChapter } from './chapters/reconciliation.ts';
import { resultsChapter } from './chapters/results.ts';
import { waterChapter } from './chapters/water.ts';
import { ReportContext } from './context.ts';
import type { Chapter, ReportDocument } from './document.ts';

/**
 * The one report builder: the engine's results → the document, in the audit report's order —
 * 1 overview, 2 metering, 3 material, 4 water, 5 energy, 6 pollutant factors, 7 reconciliation,
 * 8 audit results, 9 appendix. Each chapter is made on its own: one that cannot be made says
 * why, and the gaps are listed in chapter 1. The CLI and the web app both call this.
 *
 * @example
 * const results = analyseForReport({ model: parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model });
 * buildReport(results, { lang: 'zh' }).chapters.map((c) => c.number) // => ['1', '2', '3', '4', '5', '6', '7', '8', '9']
 */
export function buildReport(results: ReportResults, options: { lang: Lang }): ReportDocument {
  const ctx = new ReportContext(results, options.lang);
  const later: Chapter[] = [];
  const makers: ((c: ReportContext) => Chapter)[] = [
    meteringChapter,
    materialChapter,
    waterChapter,
    energyChapter,
    componentsChapter,
    reconciliationChapter,
    resultsChapter,
    appendixChapter,
  ];
  makers.forEach((make, i) => {
    try {
      later.push(make(ctx));
    } catch (e) {
      // A defect in one chapter must not cost the others: the chapter says it failed.
      const ch = ctx.chapter(i + 2, CHAPTER_IDS[i + 1]!);
      ch.lack(ctx.t('report.cannot', { what: ch.title, reason: e instanceof Error ? e.message : String(e) }));
      later.push(ch.done());
    }
  });
  const model = results.input.model;
  const name = displayName(model, options.lang);
  return {
    lang: options.lang,
    plant: name,
    title: ctx.t('report.title', { plant: name }),
    subtitle: ctx.t('report.subtitle'),
    date: results.input.date ?? new Date().toISOString().slice(0, 10),
    chapters: [overviewChapter(ctx, ctx.missing), ...later],
    missing: ctx.missing,
  };
}

export const CHAPTER_IDS = [
  'overview',
  'metering',
  'material',
  'water',
  'energy',
  'components',
  'reconciliation',
  'results',
  'appendix',
] as const;
