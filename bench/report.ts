/**
 * Report benchmark: the time of each step of `pingheng report` for the example plants and a
 * generated plant of ~2 000 flows — the engine (balances, metering, depth, reconciliation), the
 * document, the figures' PNGs (resvg at 2×), and the three writers. Reference measured in the same
 * run: `checkModel` of the same plant (what `pingheng check` computes). The first writer calls also
 * pay for loading docx / exceljs / resvg; they are timed on their own first.
 *
 *   npm run bench:report        (or: node --import tsx bench/report.ts [flows])
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeRasterizer } from '../src/cli/png.ts';
import {
  analyseForReport,
  buildGraph,
  buildReport,
  checkModel,
  figuresOf,
  loadModel,
  parseModel,
  tablesOf,
  writeDocx,
  writeHtml,
  writeXlsx,
  type Model,
  type ModelInput,
} from '../src/index.ts';

const ROOT = join(import.meta.dirname, '..');
const flowsWanted = Number(process.argv[2] ?? 2000);

/** A plant of `n` flows: 20 workshops of devices, water with COD and electricity, some meters. */
function generated(n: number): Model {
  const per = 5;
  const devices = Math.max(1, Math.round(n / per));
  const nodes: ModelInput['nodes'] = [{ id: 'plant', name: '全厂', level: 1 }];
  const flows: ModelInput['flows'] = [];
  const meters: NonNullable<ModelInput['meters']> = [];
  for (let w = 0; w < 20; w++) nodes.push({ id: `ws${w}`, name: `车间${w}`, level: 2, parent: 'plant' });
  for (let d = 0; d < devices; d++) {
    const ws = `ws${d % 20}`;
    nodes.push({ id: `d${d}`, name: `设备${d}`, level: 3, parent: ws });
    const water = 50 + (d % 17) * 3;
    flows.push(
      { id: `W${d}`, from: null, to: `d${d}`, layer: 'water', carrier: 'fresh-water', value: water, unit: 't' },
      {
        id: `X${d}`,
        from: `d${d}`,
        to: null,
        layer: 'water',
        carrier: 'wastewater',
        value: water * 0.97,
        unit: 't',
        components: { COD: { concentration: 800, unit: 'mg/L' } },
      },
      { id: `L${d}`, from: `d${d}`, to: null, layer: 'water', carrier: 'evaporation', kind: 'loss', unit: 't' },
      { id: `E${d}`, from: null, to: `d${d}`, layer: 'energy', carrier: 'electricity', value: 2000 + d, unit: 'kWh' },
      { id: `U${d}`, from: `d${d}`, to: null, layer: 'energy', kind: 'effective', unit: 'tce' },
    );
    meters.push({ id: `M${d}`, flows: [`W${d}`], accuracyClass: '2', verifiedUntil: '2030-01-01' });
  }
  return loadModel(
    {
      name: `生成的工厂（${flows.length} 股物流）`,
      nodes,
      flows,
      meters,
      campaign: {
        start: '2026-03-02T08:00:00+08:00',
        end: '2026-03-05T08:00:00+08:00',
        normalProduction: true,
        performedBy: 'qualified-team',
      },
    },
    'generated.json',
  ).model;
}

const time = async <T>(fn: () => T | Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
};

const plants: [string, Model][] = ['dyeing', 'boiler', 'plating', 'coating'].map((name) => [
  name,
  parseModel(readFileSync(join(ROOT, 'datasets', `${name}.json`), 'utf8'), `${name}.json`).model,
]);
plants.push([`generated-${flowsWanted}`, generated(flowsWanted)]);

// First use: the libraries load (what a cold `pingheng report` pays once).
const [, docxLoad] = await time(() => import('docx'));
const [, excelLoad] = await time(() => import('exceljs'));
const [raster, resvgLoad] = await time(() => makeRasterizer());
console.log(
  `library load: docx ${docxLoad.toFixed(0)} ms, exceljs ${excelLoad.toFixed(0)} ms, resvg + font probe ${resvgLoad.toFixed(0)} ms (CJK font: ${raster.cjk})`,
);
console.log(
  'plant                 flows  tables   cells figs   check  analyse  build    png   html   xlsx   docx   total  total/check',
);
for (const [name, model] of plants) {
  const [, check] = await time(() => checkModel(buildGraph(model)));
  const [results, analyse] = await time(() => analyseForReport({ model }));
  const [doc, build] = await time(() => buildReport(results, { lang: 'zh' }));
  const [images, png] = await time(
    () => new Map(figuresOf(doc).map((f) => [f.file, raster.toPng(f.svg, 2)] as [string, Uint8Array])),
  );
  const [, html] = await time(() => writeHtml(doc));
  const [, xlsx] = await time(() => writeXlsx(doc));
  const [, docx] = await time(() => writeDocx(doc, images));
  const total = analyse + build + png + html + xlsx + docx;
  const cells = [
    name.padEnd(20),
    String(model.flows.length).padStart(6),
    String(tablesOf(doc).length).padStart(7),
    String(tablesOf(doc).reduce((n, t) => n + t.rows.length * t.columns.length, 0)).padStart(7),
    String(figuresOf(doc).length).padStart(5),
    ...[check, analyse, build, png, html, xlsx, docx, total].map((x) => x.toFixed(0).padStart(7)),
    (total / check).toFixed(1).padStart(11),
  ];
  console.log(cells.join(' '));
}
