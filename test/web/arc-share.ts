/** How much of a Sankey drawing its return arcs cover (golden test and bench/web.ts; no test runner imports). */
import type { SankeyLayoutResult } from '../../src/sankey/layout.ts';

/**
 * Share of the drawing's area (the extent) covered by return arcs: Σ width × centre-line length
 * (legs out and in, the vertical runs to the lane and the lane itself) over width × height.
 */
export function returnArcShare<N, L>(r: SankeyLayoutResult<N, L>): number {
  const [[x0, y0], [x1, y1]] = r.extent;
  let area = 0;
  for (const l of r.links) {
    if (!l.circular) continue;
    const xr = l.source.x1 + l.standOff!;
    const xl = l.target.x0 - l.standOffIn!;
    const length = l.standOff! + Math.abs(l.laneY! - l.y0) + (xr - xl) + Math.abs(l.laneY! - l.y1) + l.standOffIn!;
    area += l.width * length;
  }
  return area / ((x1 - x0) * (y1 - y0));
}
