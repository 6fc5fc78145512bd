/**
 * Golden layouts (issue 16 item 1): the dyeing plant (a frozen copy, test/web/fixtures/, so changes
 * to datasets/dyeing.json do not move these figures) and a generated plant of 2 000 nodes and
 * ~5 000 flows. Positions are compared with test/web/golden/*.json (regenerate deliberately with
 * PINGHENG_UPDATE_GOLDEN=1 and review the diff); the invariants — every node inside the extent,
 * no overlaps, width = value × one scale, the same scale across levels — are asserted directly.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildGraph,
  checkModel,
  fitSankey,
  parseModel,
  sankeyLayout,
  sankeyView,
  type SankeyLayoutResult,
  type SankeyView,
  type ViewLink,
  type ViewNode,
} from '../../src/index.ts';
import { generatePlant } from './generate-plant.ts';
import { checkInvariants, returnArcShare } from './layout-invariants.ts';

type Ext = [[number, number], [number, number]];
const EXTENT: Ext = [
  [0, 0],
  [1000, 600],
];
const round = (v: number) => Math.round(v * 100) / 100;
const options = { nodeWidth: 14, nodePadding: 18 };

function lay(view: SankeyView, extent: Ext, scale?: number) {
  return sankeyLayout<ViewNode, ViewLink>({ ...options, extent, ...(scale !== undefined ? { scale } : {}) })(view);
}

/** What the golden files hold: the scale, and every node's and return arc's position, to 0.01 px. */
function summary(r: SankeyLayoutResult<ViewNode, ViewLink>) {
  return {
    scale: Number(r.scale.toPrecision(6)),
    columns: r.columns,
    crowded: r.crowded,
    extent: r.extent,
    nodes: r.nodes.map((n) => [n.id, n.column, round(n.x0), round(n.y0), round(n.x1), round(n.y1)]),
    arcs: r.links
      .filter((l) => l.circular)
      .map((l) => [l.source.id, l.target.id, l.side, round(l.width), round(l.laneY!), round(l.standOff!)]),
  };
}

/** For the 2 000-node plant: the summary's figures, its first nodes, and a digest of all positions. */
function digest(r: SankeyLayoutResult<ViewNode, ViewLink>) {
  const { nodes, arcs, ...rest } = summary(r);
  return {
    ...rest,
    firstNodes: nodes.slice(0, 12),
    arcs: arcs.length,
    positions: createHash('sha256')
      .update(JSON.stringify([nodes, arcs]))
      .digest('hex'),
  };
}

function golden(name: string, value: unknown) {
  const file = new URL(`./golden/${name}.json`, import.meta.url);
  if (process.env.PINGHENG_UPDATE_GOLDEN) writeFileSync(file, `${JSON.stringify(value)}\n`);
  expect(existsSync(file), `${file.pathname} (PINGHENG_UPDATE_GOLDEN=1 writes it)`).toBe(true);
  expect(value).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

function load(text: string) {
  const { model } = parseModel(text, 'plant.json');
  const graph = buildGraph(model);
  return { graph, result: checkModel(graph) };
}

describe('golden layout: the dyeing plant', () => {
  const plant = load(readFileSync(new URL('./fixtures/dyeing-2026-12.json', import.meta.url), 'utf8'));
  const views = ([1, 2, 3] as const).map((level) => sankeyView(plant, { layer: 'water', level }));

  it('lays out every level inside the extent with one scale per drawing, as recorded', () => {
    const layouts = views.map((v) => lay(v, EXTENT));
    for (const r of layouts) checkInvariants(r, EXTENT);
    golden(
      'dyeing-water',
      layouts.map((r) => summary(r)),
    );
    // The workshops of level 2 are all drawn, and the cooling loop is a return arc.
    expect(layouts[1]!.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['pre', 'dye', 'fin', 'ct', 'wwtp']));
    expect(layouts[1]!.links.some((l) => l.circular)).toBe(true);
  });

  it('routes recycle loops compactly: return arcs cover under a third of each drawing', () => {
    // Measured with the earlier layout (every arc in a lane below all nodes, on this extent):
    // 47 % of the level-2 drawing and 52 % of level 3. Now each arc runs just above or below the
    // columns it spans: 29 % and 30 %, most of it the 7 200 t cooling loop itself (as wide as
    // the whole intake of 7 060 t) — width ∝ value leaves no less.
    const shares = views.map((v) => returnArcShare(lay(v, EXTENT)));
    expect(shares[0]).toBe(0);
    expect(shares[1]).toBeLessThan(0.3);
    expect(shares[2]).toBeLessThan(0.31);
    // The cooling loop of level 2 runs above the dyeing and cooling columns only, not round the drawing.
    const r = lay(views[1]!, EXTENT);
    const loop = r.links.find((l) => l.circular && l.source.id === 'ct' && l.target.id === 'dye')!;
    expect(loop.side).toBe('top');
    const spanned = r.nodes.filter((n) => n.column >= loop.target.column && n.column <= loop.source.column);
    expect(loop.laneY! + loop.width / 2).toBeLessThanOrEqual(Math.min(...spanned.map((n) => n.y0)));
    expect(loop.laneY! + loop.width / 2).toBeGreaterThan(Math.min(...spanned.map((n) => n.y0)) - 5);
  });

  it('keeps the same scale across levels when asked, so the diagrams compare', () => {
    const fitted = views.map((v) => lay(v, EXTENT).scale);
    // The smallest fitted scale (level 2, whose cooling loop needs the most room) serves all three.
    const s = Math.min(...fitted);
    expect(s).toBe(fitted[1]);
    const inputBand = views.map((v) => {
      const r = lay(v, EXTENT, s);
      expect(r.scale).toBe(s);
      checkInvariants(r, r.extent as Ext);
      for (const l of r.links) expect(l.width).toBeCloseTo(l.value * s, 9);
      // What enters from outside is drawn at the same width at every level: 7 060 t × s.
      return r.links
        .filter((l) => l.source.data.role === 'source' || l.source.data.role === 'stock-out')
        .reduce((sum, l) => sum + l.width, 0);
    });
    expect(views.map((v) => v.total)).toEqual([7060, 7060, 7060]);
    for (const w of inputBand) expect(w).toBeCloseTo(7060 * s, 6);
  });
});

describe('golden layout: a generated plant of 2 000 nodes', () => {
  const model = generatePlant(40, 1956);
  const plant = load(JSON.stringify(model));

  it('has the size of a large real plant', () => {
    expect(model.nodes.length).toBe(2000);
    expect(model.flows.length).toBeGreaterThan(4900);
    expect(model.flows.length).toBeLessThanOrEqual(5000);
  });

  it('draws every device at level 3 inside the extent, no overlaps, the scale never collapsing', () => {
    const view = sankeyView(plant, { layer: 'water', level: 3 });
    expect(view.nodes.length).toBe(2004);
    const ext: Ext = [
      [0, 0],
      [1200, 3000],
    ];
    const r = lay(view, ext);
    checkInvariants(r, ext);
    // 1 956 devices share one column: padding and minimum heights shrink instead of the scale
    // (d3-sankey's would collapse to 0 here); the fullest column's values still fill over a quarter of the height.
    expect(r.crowded).toBe(true);
    const columnValue = new Map<number, number>();
    for (const n of r.nodes) columnValue.set(n.column, (columnValue.get(n.column) ?? 0) + n.value);
    expect(r.scale * Math.max(...columnValue.values())).toBeGreaterThan(0.25 * 3000);
    golden('generated-water-L3', digest(r));
  });

  it('groups small devices into "其他 (n)" so that level 3 is legible, conserving totals', () => {
    const all = sankeyView(plant, { layer: 'water', level: 3 });
    const fitted = fitSankey(plant, { layer: 'water', level: 3 }, { width: 1200 });
    const { view, layout } = fitted;
    const units = view.nodes.filter((n) => n.role === 'unit' && !n.ownRegion);
    // A 1 600 px column holds 40 nodes at 18 px padding + 2 px minimum height within half its height.
    expect(units.length).toBeLessThanOrEqual(40);
    expect(view.groups!.grouped).toBeGreaterThan(1900);
    expect(view.total).toBeCloseTo(all.total, 6);
    expect(view.unaccounted).toBeCloseTo(all.unaccounted, 6);
    checkInvariants(layout, [
      [8, 8],
      [1200 - 220, fitted.height - 8],
    ]);
    expect(layout.crowded).toBe(false);
    expect(fitted.height).toBeLessThanOrEqual(1600);
    golden('generated-water-L3-grouped', summary(layout));
    // Expanding one workshop's group draws its devices one by one.
    const group = Object.keys(view.groups!.members).find((id) => id !== 'other:plant' && id !== 'other:')!;
    if (group) {
      const expanded = fitSankey(plant, { layer: 'water', level: 3 }, { width: 1200, expand: [group] });
      for (const id of view.groups!.members[group]!) expect(expanded.view.nodes.some((n) => n.id === id)).toBe(true);
    }
  });

  it('lays out the workshops (level 2) with the same scale as level 3 when asked', () => {
    const l3 = fitSankey(plant, { layer: 'water', level: 3 }, { width: 1200 }).layout;
    const r = lay(sankeyView(plant, { layer: 'water', level: 2 }), EXTENT, l3.scale);
    checkInvariants(r, r.extent as Ext);
    for (const l of r.links) expect(l.width).toBeCloseTo(l.value * l3.scale, 9);
  });
});
