/** Invariants every Sankey layout must hold (shared by the layout, golden and generated-plant tests). */
import { expect } from 'vitest';
import type { Extent, SankeyLayoutResult } from '../../src/sankey/layout.ts';

export { returnArcShare } from './arc-share.ts';

/** Invariants every layout must hold, cycles or not (`ext` = the extent asked for). */
export function checkInvariants<N, L>(r: SankeyLayoutResult<N, L>, ext: Extent): void {
  const eps = 1e-6;
  // The extent used is the one asked for unless a fixed scale needed more.
  const [[ex0, ey0], [ex1, ey1]] = r.extent;
  expect(ex0).toBe(ext[0][0]);
  expect(ey0).toBe(ext[0][1]);
  expect(r.scale).toBeGreaterThanOrEqual(0);
  expect(r.padding).toBeGreaterThanOrEqual(0);
  for (const n of r.nodes) {
    expect(n.x0).toBeGreaterThanOrEqual(ex0 - eps);
    expect(n.x1).toBeLessThanOrEqual(ex1 + eps);
    expect(n.y0).toBeGreaterThanOrEqual(ey0 - eps);
    expect(n.y1).toBeLessThanOrEqual(ey1 + eps);
    // A node is as tall as the larger of its two sides: every link fits on it.
    const inW = n.targetLinks.reduce((s, l) => s + l.width, 0);
    const outW = n.sourceLinks.reduce((s, l) => s + l.width, 0);
    expect(n.y1 - n.y0).toBeGreaterThanOrEqual(Math.max(inW, outW) - eps);
  }
  const columnX = [...new Set(r.nodes.map((n) => n.x0))].sort((a, b) => a - b);
  // Columns never overlap: each starts at least a node width after the previous one.
  for (let i = 1; i < columnX.length; i++)
    expect(columnX[i]! - columnX[i - 1]!).toBeGreaterThanOrEqual(r.nodeWidth - eps);
  for (const n of r.nodes) expect(n.x1 - n.x0).toBeCloseTo(r.nodeWidth, 9);
  for (const l of r.links) {
    expect(l.width).toBeCloseTo(l.value * r.scale, 9);
    expect(l.y0 - l.width / 2).toBeGreaterThanOrEqual(l.source.y0 - eps);
    expect(l.y0 + l.width / 2).toBeLessThanOrEqual(l.source.y1 + eps);
    expect(l.y1 - l.width / 2).toBeGreaterThanOrEqual(l.target.y0 - eps);
    expect(l.y1 + l.width / 2).toBeLessThanOrEqual(l.target.y1 + eps);
    // Forward links go left to right; everything else is a return arc in a lane beyond the
    // nodes of the columns it spans (above or below), inside the extent.
    if (!l.circular) expect(l.target.column).toBeGreaterThan(l.source.column);
    else {
      const lo = Math.min(l.source.column, l.target.column);
      const hi = Math.max(l.source.column, l.target.column);
      const spanned = r.nodes.filter((n) => n.column >= lo && n.column <= hi);
      if (l.side === 'bottom') expect(l.laneY! - l.width / 2).toBeGreaterThan(Math.max(...spanned.map((n) => n.y1)));
      else {
        expect(l.side).toBe('top');
        expect(l.laneY! + l.width / 2).toBeLessThan(Math.min(...spanned.map((n) => n.y0)));
      }
      expect(l.laneY! + l.width / 2).toBeLessThanOrEqual(ey1 + eps);
      expect(l.laneY! - l.width / 2).toBeGreaterThanOrEqual(ey0 - eps);
      // The legs stand in the gaps beside their columns, clear of the neighbouring columns.
      const right = l.source.x1 + l.standOff! + l.width / 2;
      const left = l.target.x0 - l.standOffIn! - l.width / 2;
      expect(right).toBeLessThanOrEqual(ex1 + eps);
      expect(left).toBeGreaterThanOrEqual(ex0 - eps);
      const next = columnX.find((x) => x > l.source.x0 + eps);
      const prev = [...columnX].reverse().find((x) => x < l.target.x0 - eps);
      if (next !== undefined) expect(right).toBeLessThanOrEqual(next + eps);
      if (prev !== undefined) expect(left).toBeGreaterThanOrEqual(prev + (l.source.x1 - l.source.x0) - eps);
    }
  }
  // No two nodes of one column overlap.
  const cols = new Map<number, typeof r.nodes>();
  for (const n of r.nodes) cols.set(n.column, [...(cols.get(n.column) ?? []), n]);
  for (const col of cols.values()) {
    const sorted = [...col].sort((a, b) => a.y0 - b.y0);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.y0).toBeGreaterThanOrEqual(sorted[i - 1]!.y1 - eps);
  }
}
