import { describe, expect, it } from 'vitest';
import { runCli, tempFile } from '../core/cli-helpers.ts';
import { lineModel } from './fixture.ts';

// biome-ignore lint/suspicious/noExplicitAny: each case breaks the model in its own way
type Case = [name: string, mutate: (m: any) => void, expected: string];
const flow = (m: { flows: { id: string }[] }, id: string) =>
  // biome-ignore lint/suspicious/noExplicitAny: a flow object of the test model
  m.flows.find((f) => f.id === id) as any;

const cases: Case[] = [
  [
    'VOCs content above 100 %',
    (m) => (m.flows[0].components.VOCs.concentration = 120),
    'flows[0].components.VOCs.concentration: P 的 VOCs 含量 120 % 超出 0–100 %',
  ],
  [
    'VOCs content below 0 %',
    (m) => (m.flows[1].components.VOCs.concentration = -5),
    'flows[1].components.VOCs.concentration: W 的 VOCs 含量 -5 % 超出 0–100 %',
  ],
  [
    'VOCs content as a fraction above 1 (wt% unit, 1 000 000 ppm + 1)',
    (m) => (m.flows[0].components.VOCs = { concentration: 1000001, unit: 'ppm' }),
    'flows[0].components.VOCs.concentration: P 的 VOCs 含量 1000001 ppm 超出 0–100 %',
  ],
  [
    'capture efficiency written as a percentage',
    (m) => (m.nodes[2].vocs.capture.efficiency = 90),
    'nodes[2].vocs.capture.efficiency: 节点 "booth" 的效率 90 超出 0–1',
  ],
  [
    'negative removal efficiency',
    (m) => (m.nodes[3].vocs.removal.efficiency = -0.1),
    'nodes[3].vocs.removal.efficiency: 节点 "rto" 的效率 -0.1 超出 0–1',
  ],
  [
    'capture efficiency without a captured stream',
    (m) => (flow(m, 'C').kind = 'emission'),
    'nodes[2].vocs.capture: 节点 "booth" 给出了收集效率，但没有收集的 VOCs 流',
  ],
  [
    'removal efficiency without a treatment unit (on the booth)',
    (m) => (m.nodes[2].vocs.removal = { efficiency: 0.9, source: 'design' }),
    'nodes[2].vocs.removal: 节点 "booth" 给出了去除效率，但它不是治理设施',
  ],
  [
    'removal efficiency on a unit nothing captured enters',
    (m) => (flow(m, 'C').to = null),
    'nodes[3].vocs.removal: 节点 "rto" 给出了去除效率，但它不是治理设施',
  ],
  [
    'capture below 1 without a fugitive stream',
    (m) => (m.flows = m.flows.filter((f: { id: string }) => f.id !== 'U')),
    'nodes[2].vocs.capture: 节点 "booth" 的收集效率小于 1，但没有无组织排放流',
  ],
  [
    'treatment without a stream for what it removes',
    (m) => (m.flows = m.flows.filter((f: { id: string }) => f.id !== 'D')),
    'nodes[3].vocs.removal: 治理设施 "rto" 没有去除量的去向',
  ],
  [
    'treatment without a stack',
    (m) => (m.flows = m.flows.filter((f: { id: string }) => f.id !== 'S')),
    'nodes[3].vocs.removal: 治理设施 "rto" 的去除效率小于 1，但没有有组织排放',
  ],
  [
    'a fugitive stream into a unit',
    (m) => (flow(m, 'U').to = 'rto'),
    'flows[6].to: U 是无组织排放，应排往大气（to: null）',
  ],
  [
    'an unmeasured captured stream from a unit without capture efficiency',
    (m) => delete m.nodes[2].vocs,
    'flows[5].from: C 是未计量的收集流，但节点 "booth" 没有收集效率',
  ],
  [
    'a captured stream into a unit with neither removal efficiency nor monitored stack',
    (m) => {
      delete m.nodes[3].vocs;
      delete flow(m, 'S').value;
    },
    'flows[5].to: 收集流 C 进入 "rto"，但该治理设施既没有去除效率',
  ],
  [
    'an efficiency without its source',
    (m) => delete m.nodes[2].vocs.capture.source,
    'nodes[2].vocs.capture.source: 取值应为 "measured", "design", "estimated"',
  ],
  [
    'an unknown capture method',
    (m) => (m.nodes[2].vocs.capture.method = 'hood'),
    'nodes[2].vocs.capture.method: 取值应为',
  ],
];

describe('bad VOCs input: exit 2 with the file, line and JSON path', () => {
  for (const [name, mutate, expected] of cases) {
    it(name, async () => {
      const m = lineModel();
      mutate(m);
      const file = tempFile(JSON.stringify(m, null, 2));
      const r = await runCli(['check', file]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(expected);
      expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+`));
    });
  }

  it('every problem at once, in English too', async () => {
    const m = lineModel();
    m.flows[0].components.VOCs.concentration = 120;
    m.nodes[2].vocs.capture.efficiency = 1.5;
    const r = await runCli(['check', tempFile(JSON.stringify(m, null, 2)), '--lang', 'en', '--json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    const codes = doc.issues.map((i: { code: string }) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['vocs.content', 'vocs.efficiency']));
    expect(JSON.stringify(doc)).toContain('outside 0–100 %');
  });
});
