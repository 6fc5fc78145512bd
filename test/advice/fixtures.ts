import type { ModelInput } from '../../src/model/schema.ts';

/**
 * A workshop (audit focus) of five water-using devices, d1–d5 (each ≥ 1 t/h: main devices, GB 24789),
 * over a 72 h campaign by a qualified team. d1 and d2 (400 t each) are metered, d3–d5 (100 t each) not:
 * at level 3 the meter coverage is 2/5 = 40 % < 80 % and the metered-water rate Km = 800/1 100 = 72.7 %
 * < 85 % — any two of d3–d5 close both (4/5 = 80 %; 1 000/1 100 = 90.9 %).
 */
export function waterWorkshop(): ModelInput {
  const dev = (id: string, t: number, metered: boolean) => ({
    id: `W-${id}`,
    from: 'ws',
    to: id,
    layer: 'water',
    carrier: 'fresh-water',
    value: t,
    unit: 't',
    source: 'metered' as const,
    ...(metered ? { meter: `M-${id}` } : {}),
  });
  const out = (id: string, t: number) => ({
    id: `X-${id}`,
    from: id,
    to: null,
    layer: 'water',
    carrier: 'evaporation',
    kind: 'loss' as const,
    value: t,
    unit: 't',
    source: 'estimated' as const,
  });
  const volumes: [string, number, boolean][] = [
    ['d1', 400, true],
    ['d2', 400, true],
    ['d3', 100, false],
    ['d4', 100, false],
    ['d5', 100, false],
  ];
  const meter = (id: string, flow: string) => ({
    id,
    flows: [flow],
    type: 'water' as const,
    accuracyClass: '2.5',
    dn: 50,
    verifiedUntil: '2027-12-31',
  });
  return {
    name: '用水车间',
    nodes: [
      { id: 'plant', name: '全厂', level: 1 },
      { id: 'ws', name: '车间', level: 2, parent: 'plant', auditFocus: true },
      ...volumes.map(([id]) => ({ id, name: `设备${id}`, level: 3 as const, parent: 'ws' })),
    ],
    flows: [
      {
        id: 'W0',
        from: null,
        to: 'plant',
        layer: 'water',
        carrier: 'fresh-water',
        value: 1100,
        unit: 't',
        meter: 'M0',
      },
      {
        id: 'W1',
        from: 'plant',
        to: 'ws',
        layer: 'water',
        carrier: 'fresh-water',
        value: 1100,
        unit: 't',
        meter: 'M1',
      },
      ...volumes.map(([id, t, m]) => dev(id, t, m)),
      ...volumes.map(([id, t]) => out(id, t)),
    ],
    meters: [meter('M0', 'W0'), meter('M1', 'W1'), meter('M-d1', 'W-d1'), meter('M-d2', 'W-d2')],
    campaign: {
      start: '2026-03-01T00:00:00+08:00',
      end: '2026-03-04T00:00:00+08:00',
      normalProduction: true,
      performedBy: 'qualified-team',
    },
  };
}
