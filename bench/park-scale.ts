/**
 * Park scale benchmark (issue 17: a park of 50 members × 2 000 flows checks in ≤ 10 s).
 * Generates 48 enterprises, a shared wastewater plant and a CHP, each of about 2 000 flows
 * (workshops and devices with water, wastewater with COD, electricity, steam, a solid material;
 * 9 in 10 flows metered; a 72 h campaign), 48 wastewater links to the treatment plant and one steam
 * network from the CHP to 12 members. Times what `pingheng park` does after reading the files:
 * every member parsed and validated (parseModel, validateMetering), then checkPark — each member's
 * balances, coverage and depth, the links, and the park model's balances (~100 000 flows).
 * Reference in the same run: bare JSON.parse of the same texts.
 *
 *   node --import tsx bench/park-scale.ts [members] [flowsPerMember]
 */
import { checkPark, parseModel, validateMetering, type ModelInput, type Park } from '../src/index.ts';
import { mulberry32 } from './rng.ts';

const memberCount = Number(process.argv[2] ?? 50);
const flowsPerMember = Number(process.argv[3] ?? 2000);
const rand = mulberry32(17);

const campaign = {
  start: '2026-03-02T08:00:00+08:00',
  end: '2026-03-05T08:00:00+08:00',
  normalProduction: true,
  performedBy: 'qualified-team' as const,
};

/** An enterprise of about `flows` flows: plant → workshops → devices; its discharge PD leaves to the park. */
function enterprise(name: string, flows: number, steamIn: boolean): ModelInput {
  const perDevice = 6;
  const devices = Math.max(1, Math.round((flows - 40) / perDevice));
  const workshops = Math.max(1, Math.round(devices / 20));
  const nodes: ModelInput['nodes'] = [{ id: 'plant', name: `${name}全厂`, level: 1 }];
  const list: ModelInput['flows'] = [];
  const meters: NonNullable<ModelInput['meters']> = [];
  const meter = (flow: string, k: number) => {
    if (k % 10 !== 9)
      meters.push({ id: `M${flow}`, flows: [flow], accuracyClass: '0.5S', verifiedUntil: '2027-12-31' });
  };
  let water = 0;
  let kwh = 0;
  for (let w = 0; w < workshops; w++)
    nodes.push({ id: `w${w}`, name: `车间${w}`, level: 2, parent: 'plant', auditFocus: w === 0 });
  const wsWater = new Float64Array(workshops);
  const wsKwh = new Float64Array(workshops);
  const wsWaste = new Float64Array(workshops);
  for (let d = 0; d < devices; d++) {
    const ws = d % workshops;
    const dev = `d${d}`;
    nodes.push({ id: dev, name: `设备${d}`, level: 3, parent: `w${ws}` });
    const wIn = 20 + 60 * rand();
    const wOut = wIn * (0.93 + 0.05 * rand());
    const e = 2000 + 8000 * rand();
    wsWater[ws]! += wIn;
    wsWaste[ws]! += wOut;
    wsKwh[ws]! += e;
    list.push(
      { id: `W${d}`, from: `w${ws}`, to: dev, layer: 'water', carrier: 'fresh-water', value: wIn, unit: 't' },
      {
        id: `X${d}`,
        from: dev,
        to: `w${ws}`,
        layer: 'water',
        carrier: 'wastewater',
        value: wOut,
        unit: 't',
        components: { COD: { concentration: 300 + 900 * rand(), unit: 'mg/L' } },
      },
      { id: `V${d}`, from: dev, to: null, layer: 'water', carrier: 'evaporation', kind: 'loss', unit: 't' },
      { id: `E${d}`, from: `w${ws}`, to: dev, layer: 'energy', carrier: 'electricity', value: e, unit: 'kWh' },
      { id: `U${d}`, from: dev, to: null, layer: 'energy', kind: 'effective', unit: 'tce' },
      { id: `C${d}`, from: dev, to: null, layer: 'COD', kind: 'degraded', unit: 'kg' },
    );
    for (const f of ['W', 'X', 'E']) meter(`${f}${d}`, d + f.charCodeAt(0));
  }
  for (let w = 0; w < workshops; w++) {
    water += wsWater[w]!;
    kwh += wsKwh[w]!;
    list.push(
      {
        id: `WS${w}`,
        from: 'plant',
        to: `w${w}`,
        layer: 'water',
        carrier: 'fresh-water',
        value: wsWater[w]!,
        unit: 't',
      },
      {
        id: `XS${w}`,
        from: `w${w}`,
        to: 'plant',
        layer: 'water',
        carrier: 'wastewater',
        value: wsWaste[w]!,
        unit: 't',
      },
      {
        id: `ES${w}`,
        from: 'plant',
        to: `w${w}`,
        layer: 'energy',
        carrier: 'electricity',
        value: wsKwh[w]!,
        unit: 'kWh',
      },
    );
    for (const f of ['WS', 'XS', 'ES']) meter(`${f}${w}`, w);
  }
  const waste = wsWaste.reduce((a, b) => a + b, 0);
  list.push(
    { id: 'PW', from: null, to: 'plant', layer: 'water', carrier: 'fresh-water', value: water * 1.01, unit: 't' },
    { id: 'PL', from: 'plant', to: null, layer: 'water', carrier: 'water-loss', kind: 'loss', unit: 't' },
    {
      id: 'PD',
      from: 'plant',
      to: null,
      layer: 'water',
      carrier: 'wastewater',
      kind: 'emission',
      value: waste,
      unit: 't',
    },
    { id: 'PE', from: null, to: 'plant', layer: 'energy', carrier: 'electricity', value: kwh * 1.02, unit: 'kWh' },
    { id: 'PEL', from: 'plant', to: null, layer: 'energy', carrier: 'electricity', kind: 'loss', unit: 'kWh' },
  );
  for (const f of ['PW', 'PD', 'PE']) meter(f, 0);
  if (steamIn) {
    list.push(
      { id: 'PS', from: null, to: 'plant', layer: 'energy', carrier: 'steam', value: 300 + 200 * rand(), unit: 't' },
      { id: 'PSU', from: 'plant', to: null, layer: 'energy', kind: 'effective', unit: 'tce' },
    );
    meter('PS', 0);
  }
  return { name, nodes, flows: list, meters, campaign };
}

/** The shared treatment plant: one inlet per enterprise, about the same number of flows as a member. */
function treatmentPlant(discharges: number[]): ModelInput {
  const m = enterprise('园区污水处理厂', flowsPerMember - discharges.length - 1, false);
  discharges.forEach((d, i) => {
    // the inlet meters read within ±3 % of the enterprises' discharge meters
    const value = d * (0.97 + 0.06 * rand());
    m.flows.push({
      id: `IN${i}`,
      from: null,
      to: 'w0',
      layer: 'water',
      carrier: 'wastewater',
      value,
      unit: 't',
      meter: `MIN${i}`,
    });
    m.meters!.push({ id: `MIN${i}`, flows: [`IN${i}`], accuracyClass: '2.5', verifiedUntil: '2027-12-31' });
  });
  m.flows.push({ id: 'EFF', from: 'w0', to: null, layer: 'water', carrier: 'wastewater', kind: 'emission', unit: 't' });
  return m;
}

/** The CHP: an enterprise that also sends steam out to 12 members (3 % lost in the network). */
function chp(steamSold: number): ModelInput {
  const m = enterprise('园区热电厂', flowsPerMember - 4, false);
  m.flows.push(
    { id: 'PC', from: null, to: 'plant', layer: 'energy', carrier: 'raw-coal', value: 900, unit: 't' },
    {
      id: 'PSO',
      from: 'plant',
      to: null,
      layer: 'energy',
      carrier: 'steam',
      kind: 'product',
      value: steamSold,
      unit: 't',
    },
    { id: 'PQ', from: 'plant', to: null, layer: 'energy', kind: 'loss', unit: 'tce' },
  );
  return m;
}

const enterprises = memberCount - 2;
const texts = new Map<string, string>();
const discharges: number[] = [];
let steam = 0;
for (let i = 0; i < enterprises; i++) {
  const m = enterprise(`企业${i}`, flowsPerMember, i < 12);
  discharges.push(m.flows.find((f) => f.id === 'PD')!.value!);
  steam += m.flows.find((f) => f.id === 'PS')?.value ?? 0;
  texts.set(`m${i}`, JSON.stringify(m));
}
texts.set('wwtp', JSON.stringify(treatmentPlant(discharges)));
texts.set('chp', JSON.stringify(chp(steam * 1.03)));
const park: Park = {
  name: '基准园区',
  members: [...texts.keys()].map((id) => ({ id, model: `${id}.json` })),
  links: [
    ...Array.from({ length: enterprises }, (_, i) => ({
      id: `ww${i}`,
      from: [{ member: `m${i}`, flow: 'PD' }],
      to: [{ member: 'wwtp', flow: `IN${i}` }],
    })),
    {
      id: 'steam',
      from: [{ member: 'chp', flow: 'PSO' }],
      to: Array.from({ length: 12 }, (_, i) => ({ member: `m${i}`, flow: 'PS' })),
    },
  ],
};

const ms = (t0: number) => performance.now() - t0;
/** CPU time of this process (user + system), ms: less inflated than wall time when other jobs share the cores. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let t = performance.now();
let c = cpu();
for (const text of texts.values()) JSON.parse(text);
const parseMs = ms(t);
const parseCpu = cpu() - c;

t = performance.now();
c = cpu();
const inputs = [...texts].map(([id, text]) => {
  const model = parseModel(text, `${id}.json`).model;
  if (validateMetering(model).length > 0) throw new Error(`metering issues in ${id}`);
  return { id, model };
});
const loadMs = ms(t);
t = performance.now();
const result = checkPark(park, inputs);
const checkMs = ms(t);
const total = loadMs + checkMs;
const totalCpu = cpu() - c;
const flows = inputs.reduce((a, i) => a + i.model.flows.length, 0);
const bytes = [...texts.values()].reduce((a, s) => a + s.length, 0);

console.log(
  `park: ${inputs.length} members, ${flows} flows, ${result.links.length} link rows, ${(bytes / 1e6).toFixed(1)} MB JSON`,
);
console.log(`reference JSON.parse             ${parseMs.toFixed(0).padStart(6)} ms`);
console.log(`members parsed + validated       ${loadMs.toFixed(0).padStart(6)} ms`);
console.log(
  `checkPark (members, coverage, depth, links, park balances) ${checkMs.toFixed(0).padStart(6)} ms  ` +
    `(${result.summary.linksFailed} links failed: ${result.links
      .filter((l) => l.status === 'fail')
      .map((l) => `${l.link} ${l.layer} ${((l.relative ?? 0) * 100).toFixed(1)} %`)
      .join(', ')}; ${result.summary.linksIncomplete} incomplete)`,
);
console.log(
  `total                            ${total.toFixed(0).padStart(6)} ms  (${(total / parseMs).toFixed(1)}× JSON.parse; ` +
    `goal ≤ 10 000 ms: ${total <= 10000 ? 'met' : 'NOT met'})`,
);
console.log(
  `CPU time: reference ${parseCpu.toFixed(0)} ms, park ${totalCpu.toFixed(0)} ms (${(totalCpu / parseCpu).toFixed(1)}× JSON.parse)`,
);
console.log(
  `load average ${(await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
