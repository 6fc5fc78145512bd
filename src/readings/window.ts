import type { Gap } from './types.ts';

/**
 * The longest stretch of [start, end] that no gap of any meter that matters touches: merge the
 * gaps (union of intervals) and take the longest piece between them.
 *
 * @example
 * // two meters with one gap each (2–3 and 6–7): every meter reads through 3–6
 * longestContinuous(0, 10, [[{ start: 2, end: 3 }], [{ start: 6, end: 7 }]]) // => { start: 3, end: 6 }
 */
export function longestContinuous(start: number, end: number, gapsPerMeter: Gap[][]): Gap | null {
  const all = gapsPerMeter.flat().map((g) => ({ start: Math.max(g.start, start), end: Math.min(g.end, end) }));
  all.sort((a, b) => a.start - b.start);
  let best: Gap | null = null;
  let cursor = start;
  const consider = (a: number, b: number) => {
    if (b > a && (best === null || b - a > best.end - best.start)) best = { start: a, end: b };
  };
  for (const g of all) {
    if (g.end <= g.start) continue;
    consider(cursor, g.start);
    cursor = Math.max(cursor, g.end);
  }
  consider(cursor, end);
  return best;
}
