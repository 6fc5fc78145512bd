import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph, checkModel, loadModel, parseModel } from '../../src/index.ts';
import { sankeyLayout } from '../../src/sankey/layout.ts';
import { groupAtLevel, levelsOf, sankeyView, type SankeyView } from '../../src/sankey/view.ts';
import { loopPlant } from './fixture.ts';

const graph = buildGraph(loadModel(loopPlant, 'loop.json').model);
const result = checkModel(graph);
const link = (v: SankeyView, source: string, target: string, state?: string) =>
  v.links.filter((l) => l.source === source && l.target === target && (state === undefined || l.state === state));

describe('sankeyView', () => {
  it('aggregates to the enterprise: the loop is internal, the residual is an explicit flow', () => {
    const v = sankeyView({ graph, result }, { layer: 'water', level: 1 });
    expect(v.unit).toBe('t');
    // Fresh water F1 100 + F6 5 enter; F2 80 waste, F3 20 (derived by difference) and F7 7 (estimated) leave.
    expect(link(v, 'source:fresh-water', 'plant')[0]).toMatchObject({
      value: 105,
      state: 'measured',
      flows: ['F1', 'F6'],
    });
    expect(link(v, 'plant', 'sink:loss', 'derived')[0]).toMatchObject({ value: 20, flows: ['F3'] });
    expect(link(v, 'plant', 'sink:loss', 'estimated')[0]).toMatchObject({ value: 7, flows: ['F7'] });
    // 105 in, 107 out: 2 t enter from nowhere known — drawn, not hidden by max(in, out).
    expect(link(v, 'unaccounted-in:unaccounted', 'plant')[0]).toMatchObject({ value: 2, state: 'unaccounted' });
    expect(v.links.some((l) => l.flows.includes('F4') || l.flows.includes('F5'))).toBe(false);
    expect(v.total).toBe(105);
    expect(v.unaccounted).toBe(2);
    const plant = v.nodes.find((n) => n.id === 'plant')!;
    expect(plant.in).toBe(plant.out);
    expect(plant.status).toBe(result.balances.find((b) => b.node === 'plant' && b.layer === 'water')!.status);
  });

  it('at workshop level keeps the recycle loop and every workshop residual equals the engine residual', () => {
    const v = sankeyView({ graph, result }, { layer: 'water', level: 2 });
    expect(link(v, 'util', 'dye')[0]!.value).toBe(50);
    expect(link(v, 'dye', 'util')[0]!.value).toBe(48);
    for (const id of ['dye', 'util']) {
      const b = result.balances.find((x) => x.node === id && x.layer === 'water')!;
      const out = link(v, id, 'unaccounted-out:unaccounted')[0]?.value ?? 0;
      const inn = link(v, 'unaccounted-in:unaccounted', id)[0]?.value ?? 0;
      expect(out - inn).toBeCloseTo(b.residual, 12);
    }
    // dye: 150 in, 148 out → 2 t unaccounted out; util: 53 in, 57 out → 4 t unaccounted in.
    expect(link(v, 'dye', 'unaccounted-out:unaccounted')[0]!.value).toBe(2);
    expect(link(v, 'unaccounted-in:unaccounted', 'util')[0]!.value).toBe(4);
    // And the layout draws it without throwing on the cycle.
    const laid = sankeyLayout({
      extent: [
        [0, 0],
        [900, 500],
      ],
    })(v);
    expect(laid.links.filter((l) => l.circular)).toHaveLength(1);
  });

  it('at device level draws a parent with direct flows as its own region', () => {
    const v = sankeyView({ graph, result }, { layer: 'water', level: 3 });
    const dye = v.nodes.find((n) => n.id === 'dye')!;
    expect(dye.ownRegion).toBe(true);
    expect(dye.status).toBeUndefined();
    expect(v.nodes.find((n) => n.id === 'jet1')!.status).toBe('closed');
    expect(link(v, 'ct', 'jet1')[0]!.value).toBe(50);
    expect(link(v, 'unaccounted-in:unaccounted', 'ct')[0]!.value).toBe(4);
    expect(link(v, 'jet1', 'unaccounted-out:unaccounted')[0]!.value).toBe(2);
  });

  it('energy is drawn in tce: 1000 kWh × 0.1229 kgce/kWh = 0.1229 tce (GB/T 2589-2008 Annex A)', () => {
    const v = sankeyView({ graph, result }, { layer: 'energy', level: 3 });
    expect(v.unit).toBe('tce');
    expect(link(v, 'source:electricity', 'jet1')[0]!.value).toBeCloseTo(0.1229, 12);
    // No effective output is modelled, so all of it is unaccounted — shown as such.
    expect(v.unaccounted).toBeCloseTo(0.1229, 12);
  });

  it('draws unmeasured flows with zero width, marks reconciled values, and handles stock', () => {
    const model = structuredClone(loopPlant);
    model.flows.push(
      {
        id: 'S1',
        from: 'ct',
        to: null,
        layer: 'water',
        carrier: 'tank',
        value: 3,
        unit: 't',
        source: 'metered',
        stock: true,
      } as never,
      { id: 'U1', from: 'jet1', to: null, layer: 'water', carrier: 'spill', unit: 't', source: 'unmeasured' } as never,
      { id: 'U2', from: 'jet1', to: null, layer: 'water', carrier: 'drip', unit: 't', source: 'unmeasured' } as never,
    );
    const g = buildGraph(loadModel(model, 'm.json').model);
    const r = checkModel(g);
    const v = sankeyView({ graph: g, result: r }, { layer: 'water', level: 3, reconciled: { F4: 49, U2: 0.5 } });
    expect(link(v, 'ct', 'stock-in:stock')[0]).toMatchObject({ value: 3, state: 'measured' });
    expect(link(v, 'jet1', 'sink:spill')[0]).toMatchObject({ value: 0, state: 'unmeasured' });
    // A measured flow adjusted by reconciliation stays "measured", drawn at 49 t, and remembers its 50 t;
    // an unmeasured flow that only reconciliation estimates is drawn as "reconciled".
    expect(link(v, 'ct', 'jet1')[0]).toMatchObject({ value: 49, state: 'measured', measured: 50 });
    expect(link(v, 'jet1', 'sink:drip')[0]).toMatchObject({ value: 0.5, state: 'reconciled' });
    expect(link(v, 'jet1', 'sink:drip')[0]!.measured).toBeUndefined();
    // ct: in 48 + 5 = 53, out 49 + 7 + 3 (stock) = 59 → 6 unaccounted in.
    expect(link(v, 'unaccounted-in:unaccounted', 'ct')[0]!.value).toBeCloseTo(6, 12);
  });

  it('draws a component carried on a flow computed by difference (2 t × 100 mg/L = 0.2 kg COD)', () => {
    const model = structuredClone(loopPlant);
    // jet1: 50 t in (F4), 48 t back (F5) → the unmeasured drain U3 is 2 t by difference.
    model.flows.push({
      id: 'U3',
      from: 'jet1',
      to: null,
      layer: 'water',
      carrier: 'wastewater',
      unit: 't',
      source: 'unmeasured',
      components: { COD: { concentration: 100, unit: 'mg/L' } },
    } as never);
    const g = buildGraph(loadModel(model, 'm.json').model);
    const r = checkModel(g);
    const v = sankeyView({ graph: g, result: r }, { layer: 'COD', level: 3 });
    expect(v.unit).toBe('kg');
    expect(link(v, 'jet1', 'sink:wastewater')[0]).toMatchObject({ state: 'derived', flows: ['U3.COD'] });
    expect(link(v, 'jet1', 'sink:wastewater')[0]!.value).toBeCloseTo(0.2, 12);
    // Nothing enters jet1 in COD, so the 0.2 kg is an unaccounted gain, drawn.
    expect(link(v, 'unaccounted-in:unaccounted', 'jet1')[0]!.value).toBeCloseTo(0.2, 12);
  });

  it('works from the graph alone: measured values only, what the balances would derive stays unmeasured', () => {
    const v = sankeyView({ graph }, { layer: 'water', level: 1 });
    expect(link(v, 'plant', 'sink:loss', 'unmeasured')[0]).toMatchObject({ value: 0, flows: ['F3'] });
    // 105 in, 87 drawn out: the 18 t gap (F3's 20 t less the 2 t imbalance) is drawn as unaccounted.
    expect(link(v, 'plant', 'unaccounted-out:unaccounted')[0]!.value).toBe(18);
    expect(v.nodes.find((n) => n.id === 'plant')!.status).toBeUndefined();
  });

  it('groups nodes at a level and lists the levels present', () => {
    expect([...groupAtLevel(graph, 2)].map((i) => graph.nodes[i]!.id)).toEqual(['plant', 'dye', 'dye', 'util', 'util']);
    expect(levelsOf(graph)).toEqual([1, 2, 3]);
    expect(() => sankeyView({ graph, result }, { layer: 'steam', level: 1 })).toThrow(/no layer "steam"/);
  });
});

describe('sankeyView on the bundled example plants', () => {
  const plants = ['dyeing', 'boiler', 'plating'].map((name) => {
    const g = buildGraph(
      parseModel(readFileSync(resolve(import.meta.dirname, `../../datasets/${name}.json`), 'utf8'), `${name}.json`)
        .model,
    );
    return { name, graph: g, result: checkModel(g) };
  });

  it('draws, at every layer and level, each node’s residual exactly as the balance engine computes it', () => {
    let compared = 0;
    for (const { graph: g, result: r } of plants) {
      for (const layer of g.layers) {
        for (const level of levelsOf(g)) {
          const v = sankeyView({ graph: g, result: r }, { layer, level });
          expect(v.links.every((l) => l.value >= 0)).toBe(true);
          for (const n of v.nodes) {
            if (n.role !== 'unit' || n.ownRegion || n.status === undefined) continue;
            const b = r.balances.find((x) => x.node === n.id && x.layer === layer)!;
            if (b.unknown.length > 0) continue; // indeterminate: unknown flows are drawn as hairlines
            const out = link(v, n.id, 'unaccounted-out:unaccounted')[0]?.value ?? 0;
            const inn = link(v, 'unaccounted-in:unaccounted', n.id)[0]?.value ?? 0;
            expect(out - inn).toBeCloseTo(b.residual, 6);
            compared++;
          }
          // And the layout takes every view, loops included.
          const laid = sankeyLayout({
            extent: [
              [0, 0],
              [1100, 700],
            ],
          })(v);
          expect(laid.nodes.every((x) => x.y1 <= 700 + 1e-6 && x.x1 <= 1100 + 1e-6)).toBe(true);
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('names an outside source without carrier or kind after its flow (dyeing COD: 7 450 kg from grey fabric, lab)', () => {
    const { graph: g, result: r } = plants[0]!;
    const v = sankeyView({ graph: g, result: r }, { layer: 'COD', level: 2 });
    const node = v.nodes.find((n) => n.name === '坯布杂质及前处理助剂COD')!;
    expect(node).toMatchObject({
      role: 'source',
      nameEn: 'COD from grey-fabric impurities and pretreatment chemicals',
    });
    expect(node.group).toBeUndefined();
    expect(link(v, node.id, 'pre')[0]).toMatchObject({ value: 7450, state: 'measured', flows: ['COD-p'] });
  });
});
