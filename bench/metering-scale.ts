/**
 * Metering scale benchmark: plants of 1 000 – 20 000 flows (workshops × 20 devices, each device fed
 * electricity, water, steam and a solid material from outside; 9 in 10 flows metered), timing
 * `analyseMetering` + `coverageRows` (pingheng coverage) and `depthVerdict` with its next-grade list
 * (pingheng depth). Reference measured in the same run: `buildGraph` of the same model.
 *
 *   node --import tsx bench/metering-scale.ts [flows...]
 */
import { analyseMetering, buildGraph, coverageRows, depthVerdict, loadModel, type ModelInput } from '../src/index.ts';

function generate(flowsWanted: number): ModelInput {
  const devices = Math.max(1, Math.round(flowsWanted / 4));
  const workshops = Math.max(1, Math.round(devices / 20));
  const nodes: ModelInput['nodes'] = [{ id: 'plant', name: '全厂', level: 1 }];
  const flows: ModelInput['flows'] = [];
  const meters: NonNullable<ModelInput['meters']> = [];
  for (let w = 0; w < workshops; w++)
    nodes.push({ id: `w${w}`, name: `车间${w}`, level: 2, parent: 'plant', auditFocus: w === 0 });
  for (let d = 0; d < devices; d++) {
    const dev = `d${d}`;
    nodes.push({ id: dev, name: `设备${d}`, level: 3, parent: `w${d % workshops}` });
    const kinds = [
      ['electricity', 'energy', 'kWh', 9000, undefined],
      ['fresh-water', 'water', 't', 200, undefined],
      ['steam', 'energy', 't', 30, undefined],
      ['fabric', 'material', 't', 5, 'solid'],
    ] as const;
    for (const [carrier, layer, unit, value, phase] of kinds) {
      const id = `${dev}-${carrier}`;
      flows.push({ id, from: null, to: dev, layer, carrier, value, unit, ...(phase ? { phase } : {}) });
      if ((flows.length * 7) % 10 !== 0)
        meters.push({ id: `M${id}`, flows: [id], accuracyClass: '0.5S', verifiedUntil: '2027-01-01' });
    }
  }
  return {
    name: 'metering-scale',
    nodes,
    flows,
    meters,
    campaign: {
      start: '2026-03-01T00:00:00+08:00',
      end: '2026-03-04T00:00:00+08:00',
      normalProduction: true,
      performedBy: 'qualified-team',
    },
  };
}

const sizes = process.argv.slice(2).map(Number);
for (const n of sizes.length > 0 ? sizes : [1000, 5000, 20000]) {
  const model = loadModel(generate(n)).model;
  let t = performance.now();
  buildGraph(model);
  const ref = performance.now() - t;
  t = performance.now();
  const a = analyseMetering(model);
  const rows = coverageRows(a);
  const cov = performance.now() - t;
  t = performance.now();
  const d = depthVerdict(model, {}, a);
  const dep = performance.now() - t;
  console.log(
    `${model.flows.length} flows, ${model.meters!.length} meters, ${a.points.length} points, ${rows.length} rows: ` +
      `buildGraph ${ref.toFixed(0)} ms; coverage ${cov.toFixed(0)} ms (×${(cov / ref).toFixed(1)}); ` +
      `depth ${dep.toFixed(0)} ms (×${(dep / ref).toFixed(1)}), ${d.depth}, next ${d.next.length} items, reaches ${d.nextReaches}`,
  );
}
