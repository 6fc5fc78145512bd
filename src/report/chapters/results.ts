import type { ReportContext } from '../context.ts';
import type { Chapter } from '../document.ts';

/**
 * Chapter 8 — audit results (before/after in the form of the provincial 实施情况表, carbon,
 * the proposals' economics). Made only when a base-period model is given (`--compare BEFORE`).
 */
export function resultsChapter(ctx: ReportContext): Chapter {
  const ch = ctx.chapter(8, 'results');
  ch.paragraph(ctx.t('report.results.noCompare'), 'note');
  return ch.done();
}
