import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraph, checkModel, loadModel, t, type ModelInput } from '../../src/index.ts';
import { computeAdvice } from '../../web/advice.ts';
import { drawView } from '../../web/diagram.ts';
import { linksCarrying, viewOf } from '../../web/panels/advice.ts';
import { waterWorkshop } from '../advice/fixtures.ts';

const dataset = (name: string): ModelInput => JSON.parse(readFileSync(`datasets/${name}.json`, 'utf8'));
const load = (m: ModelInput) => loadModel(m).model;

describe('web advice: what the worker sends the panel', () => {
  it('the water workshop → key: two of W-d3…W-d5, water at level 3, class 2.5, proven optimal', () => {
    // test/advice/fixtures.ts: level-3 coverage 2/5 = 40 % < 80 %, Km 800/1 100 = 72.7 % < 85 %; any two
    // of d3–d5 (100 t each) close both (4/5 = 80 %; 1 000/1 100 = 90.9 % ≥ 85 %).
    const a = computeAdvice(load(waterWorkshop()), 'key', 'ws.json');
    expect(a.items).toHaveLength(2);
    for (const item of a.items) {
      expect(['W-d3', 'W-d4', 'W-d5']).toContain(item.flow);
      expect(item).toMatchObject({ action: 'add', layer: 'water', level: 3, requiredClass: '2.5' });
      // no name in the model: the id stands for it in both languages
      expect(item.name).toEqual({ zh: item.flow, en: item.flow });
    }
    expect(a).toMatchObject({ goal: 'key', reached: true, optimal: true, cost: 2, bound: 2, reverify: [] });
    expect(a.from).toEqual({ zh: t('zh', 'depth.label.simple'), en: t('en', 'depth.label.simple') });
    expect(a.reaches?.zh).toBe(t('zh', 'depth.label.full'));
  });

  it('dyeing → full: nothing to add, re-verify ME41 on the stenter electricity E41 (energy, level 3), named in each language', () => {
    const m = load(dataset('dyeing'));
    const a = computeAdvice(m, 'full', 'dyeing.json');
    expect(a.reverify).toEqual(['ME41']);
    expect(a.items).toHaveLength(1);
    const e41 = m.flows.find((f) => f.id === 'E41')!;
    expect(a.items[0]).toMatchObject({ action: 'reverify', flow: 'E41', meter: 'ME41', layer: 'energy', level: 3 });
    expect(a.items[0]!.name).toEqual({ zh: e41.name, en: e41.nameEn });
    // the reason names the flow by its name in each language, then its id
    expect(a.items[0]!.reason.zh).toContain(`${e41.name} (E41)`);
    expect(a.items[0]!.reason.en).toContain(`${e41.nameEn} (E41)`);
    expect(a).toMatchObject({ reached: true, optimal: true });
  });

  it('no audit focus: key is impossible, and the panel gets the reason rather than an error', () => {
    const input = dataset('dyeing');
    for (const n of input.nodes) delete n.auditFocus;
    const a = computeAdvice(load(input), 'key', 'dyeing.json');
    expect(a.items).toEqual([]);
    expect(a.impossible?.zh).toBe(t('zh', 'advice.noFocus', { target: t('zh', 'depth.label.key') }));
    expect(a.impossible?.en).toContain('audit focus');
  });

  it('redundancy on the boiler: G11 and G12 (material, audit focus) and EL9 (energy, a loop of unmeasured flows)', () => {
    const a = computeAdvice(load(dataset('boiler')), 'redundancy', 'boiler.json');
    expect(a.items.map((i) => [i.flow, i.layer, i.action])).toEqual([
      ['G11', 'material', 'focus'],
      ['G12', 'material', 'focus'],
      ['EL9', 'energy', 'observability'],
    ]);
    expect(a).toMatchObject({ reached: true, optimal: true, cost: 3 });
    // before: 8 material and 1 energy focus flows not redundant; nothing left after (checked by reconciliation)
    expect(a.layers?.map((l) => [l.layer.en, l.unobservable, l.focus, l.after])).toEqual([
      ['material', 0, 8, 0],
      ['water', 0, 0, 0],
      ['energy', 0, 1, 0],
    ]);
  });
});

describe('web advice: finding the flows on the diagram', () => {
  it('every drawn link lists the model flows it carries, components mapped back to their flow', () => {
    const m = load(waterWorkshop());
    const graph = buildGraph(m);
    const drawn = drawView(
      { graph, result: checkModel(graph) },
      { layer: 'water', level: 3 },
      { width: 900, lang: 'zh', group: false, expand: [] },
    );
    const at = linksCarrying(drawn.links, new Set(['W-d3']));
    expect(at).toHaveLength(1);
    expect(drawn.links[at[0]!]).toMatchObject({ source: 'ws', target: 'd3' });
    // at level 2 the workshop is one node: W-d3 is inside it and not drawn
    const l2 = drawView(
      { graph, result: checkModel(graph) },
      { layer: 'water', level: 2 },
      { width: 900, lang: 'zh', group: false, expand: [] },
    );
    expect(linksCarrying(l2.links, new Set(['W-d3']))).toEqual([]);
    // the dyeing plant's COD layer: component flows "D01.COD" are found by their model flow D01
    const dyeing = buildGraph(load(dataset('dyeing')));
    const cod = drawView(
      { graph: dyeing, result: checkModel(dyeing) },
      { layer: 'COD', level: 1 },
      { width: 900, lang: 'zh', group: false, expand: [] },
    );
    expect(linksCarrying(cod.links, new Set(['D01'])).length).toBeGreaterThan(0);
    expect(cod.links.flatMap((l) => l.modelFlows).some((f) => f.includes('.'))).toBe(false);
  });

  it('linksCarrying and viewOf: the documented examples', () => {
    expect(linksCarrying([{ modelFlows: ['A'] }, { modelFlows: ['B', 'C'] }], new Set(['C']))).toEqual([1]);
    expect(viewOf({ layer: 'water', level: 3 }, [1, 2])).toEqual({ layer: 'water', level: 2 });
    expect(viewOf({ layer: 'energy', level: 2 }, [1, 2, 3])).toEqual({ layer: 'energy', level: 2 });
    expect(viewOf({ layer: 'water', level: 1 }, [2, 3])).toEqual({ layer: 'water', level: 2 });
  });
});
