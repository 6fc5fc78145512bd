/**
 * Core scale benchmark: generate a model of ~100 000 flows and 20 000 nodes, then time
 * load (JSON.parse + schema + semantic validation), graph build and the full balance check.
 * Reference measured in the same run: bare JSON.parse of the same text.
 *
 *   npm run bench:core            (or: node --import tsx bench/core-scale.ts [flows])
 */
import { buildGraph, checkModel, parseModel, type ModelInput } from '../src/index.ts';
import { mulberry32 } from './rng.ts';

const targetFlows = Number(process.argv[2] ?? 100_000);

function generate(flowsWanted: number): ModelInput {
  const rand = mulberry32(42);
  const devices = Math.round((flowsWanted - 400) / 5);
  const workshops = 199;
  const nodes: ModelInput['nodes'] = [{ id: 'plant', name: '全厂', level: 1 }];
  const flows: ModelInput['flows'] = [];
  for (let w = 0; w < workshops; w++) nodes.push({ id: `ws${w}`, name: `车间${w}`, level: 2, parent: 'plant' });
  for (let d = 0; d < devices; d++) {
    const ws = `ws${d % workshops}`;
    const dev = `d${d}`;
    nodes.push({ id: dev, name: `设备${d}`, level: 3, parent: ws });
    const water = 50 + 100 * rand();
    const kwh = 1000 + 5000 * rand();
    flows.push(
      { id: `W${d}`, from: ws, to: dev, layer: 'water', carrier: 'fresh-water', value: water, unit: 't' },
      {
        id: `X${d}`,
        from: dev,
        to: null,
        layer: 'water',
        carrier: 'wastewater',
        value: water * (0.95 + 0.04 * rand()),
        unit: 'm3',
        components: { COD: { concentration: 500 + 1000 * rand(), unit: 'mg/L' } },
      },
      { id: `E${d}`, from: ws, to: dev, layer: 'energy', carrier: 'electricity', value: kwh, unit: 'kWh' },
      { id: `U${d}`, from: dev, to: null, layer: 'energy', kind: 'effective', unit: 'tce' },
    );
  }
  for (let w = 0; w < workshops; w++) {
    flows.push(
      {
        id: `WS${w}`,
        from: null,
        to: `ws${w}`,
        layer: 'water',
        carrier: 'fresh-water',
        value: 1e4 * (1 + rand()),
        unit: 't',
      },
      {
        id: `ES${w}`,
        from: null,
        to: `ws${w}`,
        layer: 'energy',
        carrier: 'electricity',
        value: 5e5 * (1 + rand()),
        unit: 'kWh',
      },
    );
  }
  for (let d = 0; d < devices; d++) flows.push({ id: `C${d}`, from: null, to: `d${d}`, layer: 'COD', unit: 'kg' });
  return { name: 'bench plant', nodes, flows, settings: { periodHours: 72 } };
}

const model = generate(targetFlows);
const text = JSON.stringify(model);
const ms = (t0: number) => performance.now() - t0;

let t = performance.now();
JSON.parse(text);
const parseMs = ms(t);

t = performance.now();
const { model: loaded } = parseModel(text, 'bench.json');
const loadMs = ms(t);
t = performance.now();
const graph = buildGraph(loaded);
const graphMs = ms(t);
t = performance.now();
const result = checkModel(graph);
const checkMs = ms(t);
const total = loadMs + graphMs + checkMs;

console.log(
  `model: ${model.nodes.length} nodes, ${model.flows.length} flows (+ ${graph.flows.length - model.flows.length} component flows), ${(text.length / 1e6).toFixed(1)} MB JSON`,
);
console.log(`reference JSON.parse           ${parseMs.toFixed(0).padStart(6)} ms`);
console.log(
  `load + validate                ${loadMs.toFixed(0).padStart(6)} ms  (${(loadMs / parseMs).toFixed(1)}× JSON.parse)`,
);
console.log(`build graph                    ${graphMs.toFixed(0).padStart(6)} ms`);
console.log(
  `check (derive + all balances)  ${checkMs.toFixed(0).padStart(6)} ms  (${result.balances.length} balances, ${result.derived.length} derived)`,
);
console.log(
  `total                          ${total.toFixed(0).padStart(6)} ms  (${(total / parseMs).toFixed(1)}× JSON.parse; goal < 5000 ms: ${total < 5000 ? 'met' : 'NOT met'})`,
);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
