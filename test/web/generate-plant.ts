/**
 * A generated water network at real plant size for the Sankey tests and bench/web.ts: one
 * enterprise, `workshops` workshops and `devices` devices spread over them, a cooling-tower
 * loop that several devices take recycled water from and return it to (a cycle at every level),
 * and a wastewater station. Device sizes are heavy-tailed (a few large, many small), as in a
 * real plant, so grouping the small ones matters. Deterministic (mulberry32, seed 7).
 */
import type { Level } from '../../src/index.ts';
import { mulberry32 } from '../../bench/rng.ts';

export interface GeneratedPlant {
  name: string;
  nodes: { id: string; name: string; nameEn: string; level: Level; parent?: string }[];
  flows: {
    id: string;
    from: string | null;
    to: string | null;
    layer: 'water';
    carrier: string;
    kind?: 'waste' | 'loss' | 'recycle';
    value: number;
    unit: 't';
    source: 'metered';
  }[];
  settings: { periodHours: number };
}

/**
 * `devices` level-3 nodes under `workshops` level-2 nodes (plus the utilities workshop with the
 * cooling tower and the wastewater station): nodes = 1 + workshops + 1 + 2 + devices. Each device
 * takes fresh water from its workshop, sends ~85 % to the wastewater station and loses the rest
 * to evaporation (every third device); every `loopEvery`-th device also takes cooling water from
 * the tower and returns 97 % of it.
 */
export function generatePlant(workshops: number, devices: number, loopEvery = 10): GeneratedPlant {
  const rand = mulberry32(7);
  const nodes: GeneratedPlant['nodes'] = [{ id: 'plant', name: '生成工厂', nameEn: 'Generated plant', level: 1 }];
  const flows: GeneratedPlant['flows'] = [];
  const flow = (id: string, from: string | null, to: string | null, value: number, carrier: string, kind?: string) => {
    flows.push({
      id,
      from,
      to,
      layer: 'water',
      carrier,
      ...(kind ? { kind: kind as 'waste' } : {}),
      value: Math.round(value * 100) / 100,
      unit: 't',
      source: 'metered',
    });
  };
  for (let w = 0; w < workshops; w++)
    nodes.push({ id: `ws${w}`, name: `${w + 1}号车间`, nameEn: `Workshop ${w + 1}`, level: 2, parent: 'plant' });
  nodes.push({ id: 'util', name: '公用工程', nameEn: 'Utilities', level: 2, parent: 'plant' });
  nodes.push({ id: 'ct', name: '冷却塔', nameEn: 'Cooling tower', level: 3, parent: 'util' });
  nodes.push({ id: 'wwtp', name: '污水处理站', nameEn: 'Wastewater station', level: 2, parent: 'plant' });
  const intake = new Float64Array(workshops);
  let toWwtp = 0;
  let loop = 0;
  for (let d = 0; d < devices; d++) {
    const w = d % workshops;
    const id = `d${d}`;
    nodes.push({ id, name: `${w + 1}-${d}#设备`, nameEn: `Device ${w + 1}-${d}`, level: 3, parent: `ws${w}` });
    // Heavy tail: exp of a uniform over 5 e-folds → 1 … 150 t.
    const v = Math.exp(5 * rand());
    intake[w]! += v;
    flow(`F${d}`, `ws${w}`, id, v, 'fresh-water');
    const evap = d % 3 === 0 ? 0.15 * v : 0;
    flow(`X${d}`, id, 'wwtp', v - evap, 'wastewater', 'waste');
    toWwtp += v - evap;
    if (evap > 0) flow(`V${d}`, id, null, evap, 'evaporation', 'loss');
    if (d % loopEvery === 0) {
      const c = 2 * v;
      flow(`C${d}`, 'ct', id, c, 'cooling-water', 'recycle');
      flow(`R${d}`, id, 'ct', 0.97 * c, 'cooling-water', 'recycle');
      loop += 0.03 * c;
    }
  }
  for (let w = 0; w < workshops; w++) flow(`S${w}`, 'plant', `ws${w}`, intake[w]!, 'fresh-water');
  flow('SCT', 'plant', 'ct', loop, 'fresh-water');
  const fresh = intake.reduce((s, x) => s + x, 0) + loop;
  flow('IN', null, 'plant', fresh, 'fresh-water');
  flow('OUT', 'wwtp', null, toWwtp, 'wastewater', 'waste');
  return { name: '生成工厂', nodes, flows, settings: { periodHours: 72 } };
}
