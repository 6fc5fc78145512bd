import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraph, checkModel, parseModel, sankeyLayout, sankeyView, type ViewNode } from '../../src/index.ts';
import { check, lineModel } from './fixture.ts';
import { buildGraph as build, loadModel } from '../../src/index.ts';

const coating = () => {
  const file = 'datasets/coating.json';
  const graph = buildGraph(parseModel(readFileSync(file, 'utf8'), file).model);
  return { graph, result: checkModel(graph) };
};
const link = (view: ReturnType<typeof sankeyView>, source: string, target: string) =>
  view.links.filter((l) => l.source === source && l.target === target).reduce((s, l) => s + l.value, 0);

describe('the solvent-balance view of the VOCs layer', () => {
  it('coating.json: raw materials → plant → product / waste / recovered / destroyed / stack / fugitive', () => {
    const { graph, result } = coating();
    const view = sankeyView({ graph, result }, { layer: 'VOCs', level: 1, solvent: true });
    const v = result.vocs!;
    // sources by carrier: coatings 830.4 + 806.4, thinners 477.6 + 537.3, cleaning solvent 195.608; reused 326.7
    expect(link(view, 'source:coating', 'plant')).toBeCloseTo(830.4 + 806.4, 9);
    expect(link(view, 'source:thinner', 'plant')).toBeCloseTo(477.6 + 537.3, 9);
    expect(link(view, 'source:cleaning-solvent', 'plant')).toBeCloseTo(195.608, 9);
    expect(link(view, 'source:recovered-solvent', 'plant')).toBeCloseTo(326.7, 9);
    expect(view.total).toBeCloseTo(2847.308 + 326.7, 9);
    expect(link(view, 'plant', 'sink:product')).toBeCloseTo(7.095, 9);
    expect(link(view, 'plant', 'sink:waste')).toBeCloseTo(40.35 + 26.2 + 72.6, 9);
    expect(link(view, 'plant', 'sink:recovered-solvent')).toBeCloseTo(326.7, 9);
    expect(link(view, 'plant', 'sink:destroyed')).toBeCloseTo(v.total.destroyed!, 9);
    expect(link(view, 'plant', 'sink:stack')).toBe(76.5); // drawn as monitored
    expect(link(view, 'plant', 'sink:fugitive')).toBeCloseTo(v.total.fugitive!, 9);
    // the stack is 3.33 kg above the balance: an explicit unaccounted gain, never hidden
    expect(view.unaccounted).toBeCloseTo(76.5 - v.total.organised!, 9);
    expect(link(view, 'unaccounted-in:unaccounted', 'plant')).toBeCloseTo(76.5 - v.total.organised!, 9);
    const states = Object.fromEntries(view.links.map((l) => [`${l.source}>${l.target}`, l.state]));
    expect(states['plant>sink:stack']).toBe('measured');
    expect(states['plant>sink:fugitive']).toBe('derived');
    expect(states['plant>sink:product']).toBe('estimated');
    // the core's layout places it like any view
    const layout = sankeyLayout<ViewNode, (typeof view.links)[number]>({
      extent: [
        [0, 0],
        [900, 500],
      ],
    })(view);
    expect(layout.nodes).toHaveLength(view.nodes.length);
    expect(layout.links.every((l) => Number.isFinite(l.width) && l.width > 0)).toBe(true);
  });

  it('without the flag, or for another layer, the ordinary view', () => {
    const { graph, result } = coating();
    const plain = sankeyView({ graph, result }, { layer: 'VOCs', level: 1 });
    expect(plain.nodes.some((n) => n.id === 'sink:destroyed')).toBe(false);
    const material = sankeyView({ graph, result }, { layer: 'material', level: 1, solvent: true });
    expect(material.layer).toBe('material');
  });

  it('hand model: in 400 → product 2, waste 10, recovered 48, destroyed 258.4, stack 15, fugitive 68', () => {
    const graph = build(loadModel(lineModel()).model);
    const result = check(lineModel());
    const view = sankeyView({ graph, result }, { layer: 'VOCs', level: 1, solvent: true });
    expect(link(view, 'source:coating', 'plant')).toBeCloseTo(400, 10);
    expect(link(view, 'plant', 'sink:recovered-solvent')).toBeCloseTo(48, 10);
    expect(link(view, 'plant', 'sink:destroyed')).toBeCloseTo(258.4, 10);
    expect(link(view, 'plant', 'sink:stack')).toBe(15);
    expect(link(view, 'plant', 'sink:fugitive')).toBeCloseTo(68, 10);
    // 2 + 10 + 48 + 258.4 + 15 + 68 = 401.4: the stack's 1.4 kg above the balance is drawn as unaccounted
    expect(view.unaccounted).toBeCloseTo(1.4, 10);
  });
});
