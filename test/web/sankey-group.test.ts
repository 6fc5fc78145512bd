/** Small units grouped into "其他 (n)" (src/sankey/group.ts), on a plant small enough to check by hand. */
import { describe, expect, it } from 'vitest';
import { buildGraph, checkModel, loadModel, sankeyView, type SankeyView } from '../../src/index.ts';

const flow = (id: string, from: string | null, to: string | null, value: number, kind?: string) => ({
  id,
  from,
  to,
  layer: 'water',
  carrier: 'fresh-water',
  ...(kind ? { kind } : {}),
  value,
  unit: 't',
  source: 'metered',
});
// Two workshops: ws1 feeds a (100), b (5), c (3), b passes 2 to c; ws2 feeds d (50), e (2); e loses 1 t unaccounted.
const plant = {
  name: '分组测试厂',
  nodes: [
    { id: 'plant', name: '全厂', level: 1 },
    { id: 'ws1', name: '一车间', nameEn: 'Workshop 1', level: 2, parent: 'plant' },
    { id: 'ws2', name: '二车间', level: 2, parent: 'plant' },
    ...['a', 'b', 'c'].map((id) => ({ id, name: `设备${id}`, level: 3, parent: 'ws1' })),
    ...['d', 'e'].map((id) => ({ id, name: `设备${id}`, level: 3, parent: 'ws2' })),
  ],
  flows: [
    flow('F1', null, 'ws1', 108),
    flow('F2', null, 'ws2', 52),
    flow('A', 'ws1', 'a', 100),
    flow('B', 'ws1', 'b', 5),
    flow('C', 'ws1', 'c', 3),
    flow('BC', 'b', 'c', 2),
    flow('D', 'ws2', 'd', 50),
    flow('E', 'ws2', 'e', 2),
    flow('AO', 'a', null, 100, 'waste'),
    flow('BO', 'b', null, 3, 'waste'),
    flow('CO', 'c', null, 5, 'waste'),
    flow('DO', 'd', null, 50, 'waste'),
    flow('EO', 'e', null, 1, 'waste'),
  ],
};
const graph = buildGraph(loadModel(plant, 'group.json').model);
const result = checkModel(graph);
const units = (v: SankeyView) => v.nodes.filter((n) => n.role === 'unit' && !n.ownRegion).map((n) => n.id);
const linkValue = (v: SankeyView, s: string, t: string) =>
  v.links.filter((l) => l.source === s && l.target === t).reduce((x, l) => x + l.value, 0);

describe('grouping small units', () => {
  it('keeps the largest units and groups the rest, conserving every value (hand-computed)', () => {
    const all = sankeyView({ graph, result }, { layer: 'water', level: 3 });
    expect(units(all).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    const v = sankeyView({ graph, result }, { layer: 'water', level: 3, group: { maxUnits: 3 } });
    // Throughput in + out: a 200, d 100, b 10, c 10, e 4 (e: in 2, out 1 + 1 unaccounted). By
    // parent, 3 drawn nodes keep only a (b + c under ws1, d + e under ws2) — fewer than half of 3 —
    // so the grandparent groups: a and d stay, b, c and e become one "其他 (3)" under the plant.
    expect(units(v).sort()).toEqual(['a', 'd', 'other:plant']);
    expect(v.groups).toEqual({ members: { 'other:plant': ['b', 'c', 'e'] }, grouped: 3 });
    const other = v.nodes.find((n) => n.id === 'other:plant')!;
    expect(other).toMatchObject({ name: '全厂 · 其他（3 个）', nameEn: '全厂 · other (3)', members: ['b', 'c', 'e'] });
    // b → c (2 t) is internal to the group; in = 5 + 3 + 2 = 10 from the workshops, out = 3 + 5 + 1 waste + 1 unaccounted.
    expect(other.in).toBe(10);
    expect(other.out).toBe(10);
    expect(linkValue(v, 'ws1', 'other:plant')).toBe(8);
    expect(linkValue(v, 'ws2', 'other:plant')).toBe(2);
    expect(linkValue(v, 'other:plant', 'sink:waste')).toBe(9);
    expect(linkValue(v, 'other:plant', 'unaccounted-out:unaccounted')).toBe(1);
    expect(v.links.some((l) => l.flows.includes('BC'))).toBe(false);
    // Totals and imbalance are those of the ungrouped view.
    expect(v.total).toBe(all.total);
    expect(v.unaccounted).toBe(all.unaccounted);
  });

  it('groups per parent when that still keeps half of the units one by one', () => {
    const v = sankeyView({ graph, result }, { layer: 'water', level: 3, group: { maxUnits: 4 } });
    // Keep a and d; b + c → 其他 under ws1; e stays alone under ws2 (a group of one says nothing): 4 nodes.
    expect(units(v).sort()).toEqual(['a', 'd', 'e', 'other:ws1']);
    expect(v.groups!.members).toEqual({ 'other:ws1': ['b', 'c'] });
    expect(v.nodes.find((n) => n.id === 'other:ws1')).toMatchObject({
      name: '一车间 · 其他（2 个）',
      nameEn: 'Workshop 1 · other (2)',
    });
  });

  it('expands a group on request, and leaves a view with few enough units alone', () => {
    const v = sankeyView(
      { graph, result },
      { layer: 'water', level: 3, group: { maxUnits: 3, expand: ['other:plant'] } },
    );
    expect(units(v).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(v.groups).toBeUndefined();
    // Expanding ws1's group draws a, b, c one by one; d and e must then share a group to stay within 4.
    const w = sankeyView(
      { graph, result },
      { layer: 'water', level: 3, group: { maxUnits: 4, expand: ['other:ws1'] } },
    );
    expect(units(w).sort()).toEqual(['a', 'b', 'c', 'other:ws2']);
    const all = sankeyView({ graph, result }, { layer: 'water', level: 3, group: { maxUnits: 1, expand: ['*'] } });
    expect(units(all).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(sankeyView({ graph, result }, { layer: 'water', level: 2, group: { maxUnits: 3 } }).groups).toBeUndefined();
  });
});
