import { describe, expect, it } from 'vitest';
import { buildGraph, checkModel, loadModel, sankeyFigure, sankeyView, type ModelInput } from '../../src/index.ts';
import { smallPlant } from './fixture.ts';

function setup(input: ModelInput = smallPlant) {
  const { model } = loadModel(input, 'small.json');
  const graph = buildGraph(model);
  return { graph, result: checkModel(graph) };
}

/** The text nodes of an SVG string, unescaped. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))),
  );
}

/** Every element closed in order (a well-formedness check without a DOM). */
function balancedTags(svg: string): boolean {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing) continue;
    if (closing) {
      if (stack.pop() !== name) return false;
    } else stack.push(name!);
  }
  return stack.length === 0;
}

describe('report-ready Sankey figure', () => {
  it('draws the title, scope, unit, legend and totals inside the figure', () => {
    const input = setup();
    const fig = sankeyFigure(input, { layer: 'water', level: 2 }, { lang: 'zh' });
    expect(fig.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(balancedTags(fig.svg)).toBe(true);
    expect(fig.title).toBe('水平衡图');
    const shown = texts(fig.svg);
    expect(shown[0]).toBe('水平衡图');
    expect(shown[1]).toBe('测试整理厂　范围：全厂，至车间（二级）　单位：t');
    // A takes 100 t and accounts for 98: 2 t unaccounted, 2 / 150 of the plant's intake = 1.3 %.
    expect(fig.view.total).toBe(150);
    expect(fig.view.unaccounted).toBeCloseTo(2, 12);
    expect(shown.at(-1)).toBe('输入合计 150 t；不平衡量合计 2.00 t（占输入 1.3%）');
    // One path per link, one labelled node per view node; legend lists the flow states drawn.
    expect(fig.svg.match(/<path /g)!.length).toBe(fig.view.links.length);
    for (const s of ['实测', '估算/设计值', '差值推算', '不平衡量']) expect(shown).toContain(s);
    expect(shown).toContain('整理车间');
    expect(shown).toContain('新水');
    // Names follow the language: no raw carrier or kind ids.
    for (const raw of ['fresh-water', 'wastewater', 'water-loss', 'evaporation', 'emission', 'loss'])
      expect(shown.some((s) => s === raw || s.startsWith(`${raw} `))).toBe(false);
  });

  it('speaks English with --lang en: nameEn for units, carrier labels in English', () => {
    const fig = sankeyFigure(setup(), { layer: 'water', level: 2 }, { lang: 'en' });
    const shown = texts(fig.svg);
    expect(shown[0]).toBe('Water balance');
    expect(shown[1]).toBe('Test finishing plant · scope: enterprise, by workshop (level 2) · unit: t');
    expect(shown).toContain('Finishing shop');
    expect(shown).toContain('fresh water');
    expect(shown.join(' ')).not.toMatch(/[\u4e00-\u9fff]/);
    expect(shown.at(-1)).toBe('total input 150 t; imbalance 2.00 t (1.3% of input)');
  });

  it('draws one unit’s subtree: what crosses its boundary becomes sources and sinks', () => {
    const input = setup();
    const view = sankeyView(input, { layer: 'energy', level: 3, root: 'A' });
    // Into A: E2 6 000 kWh × 0.1229 kgce/kWh = 0.7374 tce and G1 1 000 Nm³ × 1.2143 = 1.2143 tce → 1.9517 tce.
    expect(view.total).toBeCloseTo(1.9517, 10);
    const a = input.result.balances.find((b) => b.node === 'A' && b.layer === 'energy')!;
    expect(view.total).toBeCloseTo(a.in, 10);
    const units = view.nodes.filter((n) => n.role === 'unit').map((n) => n.id);
    expect(units.sort()).toEqual(['A', 'A1']);
    expect(view.nodes.find((n) => n.id === 'A')!.ownRegion).toBe(true);
    const fig = sankeyFigure(input, { layer: 'energy', level: 3, root: 'A' }, { lang: 'zh' });
    expect(texts(fig.svg)[1]).toBe('测试整理厂　范围：整理车间，至设备（三级）　单位：tce');
    expect(() => sankeyView(input, { layer: 'energy', level: 3, root: 'nope' })).toThrow(/no node "nope"/);
  });

  it('escapes user text: a name holding markup stays text', () => {
    const evil = structuredClone(smallPlant) as ModelInput;
    evil.nodes[1]!.name = '<img src=x onerror=alert(1)>&"';
    const fig = sankeyFigure(setup(evil), { layer: 'water', level: 2 }, { lang: 'zh' });
    expect(fig.svg).not.toContain('<img');
    expect(fig.svg).toContain('&#60;img src=x onerror=alert(1)&#62;&#38;&#34;');
    expect(balancedTags(fig.svg)).toBe(true);
  });

  it('says so when a scope has nothing to draw', () => {
    const fig = sankeyFigure(setup(), { layer: 'material', level: 3, root: 'B' }, { lang: 'zh' });
    expect(fig.view.links).toHaveLength(0);
    expect(texts(fig.svg)).toContain('此范围内没有可绘制的流');
  });
});
