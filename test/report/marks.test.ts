/**
 * The report's figures mark what the web diagram marks (src/sankey/marks.ts): reconciliation
 * adjustments written on the links of chapter 7's reconciled figure, suspect meters cased and
 * named, and small units grouped into "其他（n 个）" with the members listed under the figure —
 * hand-computed plants, and the Word file read back with python-docx.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  analyseForReport,
  buildGraph,
  buildReport,
  checkModel,
  figuresOf,
  labelledAdjustments,
  loadModel,
  reconcileModel,
  reconciledLayerValues,
  sankeyFigure,
  suspectMeters,
  type ModelInput,
} from '../../src/index.ts';
import { FIGURE_MAX_UNITS } from '../../src/report/chapters/figures.ts';
import { runCli } from '../core/cli-helpers.ts';
import { python, readBack } from './readers.ts';

const required = process.env.PINGHENG_REQUIRE_BROWSER !== undefined || process.env.CI !== undefined;

/**
 * One workshop A metered twice: 100 t in (M1, σ 1 t), 96 t out (M2, σ 1 t). Weighted least
 * squares spreads the 4 t residual by the variances, 1 : 1 — x̂ = m − σ²·r/Σσ² = 100 − 1·4/2 = 98
 * in and 96 + 2 = 98 out (docs/reconcile.md). χ² = r²/Σσ² = 16/2 = 8 > χ²₀.₉₅(1) = 3.84: the global
 * test fails and serial elimination names a suspect meter.
 */
const twoMeters = JSON.parse(readFileSync(join(import.meta.dirname, 'two-meters.json'), 'utf8')) as ModelInput;

/** Thirty workshops S1…S30, workshop Si taking 10·i t of water and discharging it all. */
function thirtyShops(): ModelInput {
  const nodes = [{ id: 'P', name: '多车间厂', level: 1 }];
  const flows = [];
  for (let i = 1; i <= 30; i++) {
    nodes.push({ id: `S${i}`, name: `车间${i}`, level: 2, parent: 'P' } as (typeof nodes)[number]);
    flows.push(
      {
        id: `I${i}`,
        from: null,
        to: `S${i}`,
        layer: 'water',
        carrier: 'fresh-water',
        value: 10 * i,
        unit: 't',
        source: 'metered',
      },
      {
        id: `O${i}`,
        from: `S${i}`,
        to: null,
        layer: 'water',
        carrier: 'wastewater',
        kind: 'emission',
        value: 10 * i,
        unit: 't',
        source: 'metered',
      },
    );
  }
  return { name: '多车间厂', nodes, flows } as unknown as ModelInput;
}

describe('report figures: reconciliation marks and grouped units', () => {
  it('labels an adjustment beyond 0.5 % only, the largest relative change first', () => {
    // 0.5 % of the measured value: |139 − 120| = 19 > 0.6 and |90 − 100| = 10 > 0.5 are labelled, |100 − 100.1| =
    // 0.1 ≤ 0.5005 is not, nor a link without a measured value; 19/120 = 15.8 % comes before 10/100 = 10 %.
    const got = labelledAdjustments([
      { value: 90, measured: 100 },
      { value: 139, measured: 120 },
      { value: 100, measured: 100.1 },
      { value: 5 },
    ]);
    expect(got).toEqual([
      { value: 139, measured: 120 },
      { value: 90, measured: 100 },
    ]);
  });

  it('writes measured → reconciled on chapter 7 figure and names the suspect meter, as the engine found them', () => {
    const { model } = loadModel(twoMeters, 'two.json');
    const graph = buildGraph(model);
    const rec = reconcileModel(graph);
    const water = rec.layers.find((l) => l.layer === 'water')!;
    // The hand computation: both flows reconciled to 98 t; χ² = 8.
    expect(water.flows.find((f) => f.id === 'W1')!.reconciled).toBeCloseTo(98, 9);
    expect(water.flows.find((f) => f.id === 'W2')!.reconciled).toBeCloseTo(98, 9);
    expect(water.global.chi2).toBeCloseTo(8, 9);
    expect(reconciledLayerValues(graph, rec)).toMatchObject({ W1: expect.closeTo(98, 9), W2: expect.closeTo(98, 9) });
    const suspects = suspectMeters(graph, rec, 'water');
    const engineSuspects = water.flows.filter((f) => f.suspect).map((f) => f.id);
    expect(engineSuspects.length).toBeGreaterThan(0);
    expect(Object.keys(suspects)).toEqual(engineSuspects);
    for (const id of engineSuspects) expect(suspects[id]).toBe(id === 'W1' ? 'M1' : 'M2');
    // The engine names W1 (its equivalents W2 and a leak at A are listed with it): the @example of suspectMeters.
    expect(suspects).toEqual({ W1: 'M1' });
    expect(
      labelledAdjustments([
        { value: 139, measured: 120 },
        { value: 100, measured: 100.1 },
      ]),
    ).toEqual([{ value: 139, measured: 120 }]);

    const doc = buildReport(analyseForReport({ model, file: 'two.json' }), { lang: 'zh' });
    const fig = figuresOf(doc).find((f) => f.file.endsWith('water-reconciled'))!;
    expect(fig.number).toBe('图 7-1');
    expect(fig.caption).toBe('全厂水平衡图（数据协调后）');
    expect(fig.svg).toContain('100 → 98.0');
    expect(fig.svg).toContain('96.0 → 98.0');
    expect(fig.svg).toContain('数值：数据协调后');
    expect(fig.svg).toContain('测量值 → 协调值');
    for (const id of engineSuspects) expect(fig.svg).toContain(`⚠ ${suspects[id]}`);
    expect(fig.svg).toContain('可疑计量（协调检验）');
    // The water figure of chapter 4 (measured values) marks the same suspects, and no adjustment.
    const measured = figuresOf(doc).find((f) => f.file.endsWith('water-plant'))!;
    for (const id of engineSuspects) expect(measured.svg).toContain(`⚠ ${suspects[id]}`);
    expect(measured.svg).not.toContain(' → 98.0');
  });

  it('marks in the figure function itself, for the web export too', () => {
    const { model } = loadModel(twoMeters, 'two.json');
    const graph = buildGraph(model);
    const result = checkModel(graph);
    const rec = reconcileModel(graph);
    const fig = sankeyFigure(
      { graph, result },
      { layer: 'water', level: 2, reconciled: reconciledLayerValues(graph, rec) },
      { lang: 'en', suspects: { W1: 'M1' } },
    );
    expect(fig.marks).toEqual([
      { source: 'source:fresh-water', target: 'A', suspect: ['M1'], adjustment: '100 → 98.0' },
      { source: 'A', target: 'sink:emission', suspect: [], adjustment: '96.0 → 98.0' },
    ]);
    expect(fig.svg).toContain('values: reconciled');
    expect(fig.svg).toContain('suspect meter (reconciliation)');
  });

  it('groups the smallest units into "其他（n 个）" beyond FIGURE_MAX_UNITS and lists them (read back from Word)', async () => {
    const { model } = loadModel(thirtyShops(), 'thirty.json');
    const doc = buildReport(analyseForReport({ model, file: 'thirty.json' }), { lang: 'zh' });
    const fig = figuresOf(doc).find((f) => f.file.endsWith('water-plant'))!;
    // 30 workshops, at most 24 units drawn: the 23 largest (S8…S30, throughput 2·10·i) one by one and
    // one group of S1…S7 under the plant, which takes 10·(1 + … + 7) = 280 t; the total stays
    // 10·(1 + … + 30) = 4 650 t.
    expect(FIGURE_MAX_UNITS).toBe(24);
    expect(fig.svg).toContain('多车间厂 · 其他（7 个）');
    expect(fig.svg).toContain('280 t');
    expect(fig.svg).toContain('输入合计 4,650 t');
    expect(fig.svg).toContain('车间8');
    expect(fig.svg).not.toContain('>车间7<');
    expect(fig.svg).toContain('其他（n 个）：合并的较小单元，共 7 个');
    // The group's node has the legend's dashed outline (legend swatch and node: two).
    expect(fig.svg.match(/stroke-dasharray="3 2"/g)).toHaveLength(2);

    if (!python && !required) return;
    const dir = mkdtempSync(join(tmpdir(), 'pingheng-report-marks-'));
    const file = join(dir, 'thirty.json');
    writeFileSync(file, JSON.stringify(thirtyShops()));
    const run = await runCli(['report', file, '--out', join(dir, 'out')]);
    expect(run.code, run.stderr).not.toBe(2);
    const read = readBack(join(dir, 'out', 'report.xlsx'), join(dir, 'out', 'report.docx'));
    const text = read.docx.paragraphs.map((p) => p.text);
    expect(text).toContain('图 4-1 中单元多于 24 个，较小的单元按上级合并为“其他”：');
    expect(text).toContain('多车间厂 · 其他（7 个）：车间7、车间6、车间5、车间4、车间3、车间2、车间1');
    const svg = readFileSync(join(dir, 'out', 'figures', `${fig.file}.svg`), 'utf8');
    expect(svg).toContain('多车间厂 · 其他（7 个）');
  });
});
