import { describe, expect, it } from 'vitest';
import { runCli, tempFile } from './cli-helpers.ts';
import { plant } from './hostile.ts';

/** A valid small model; each case breaks one thing. */
const base = plant;

// biome-ignore lint/suspicious/noExplicitAny: as above
type Case = [name: string, mutate: (m: any) => void, expected: string];

const cases: Case[] = [
  ['missing name', (m) => delete m.name, 'name: 缺少必填项'],
  ['misspelt key', (m) => (m.flows[0].vlaue = 3), 'flows[0].vlaue: 未知字段 "vlaue"'],
  ['value as text', (m) => (m.flows[0].value = '1200'), 'flows[0].value: 应为 number'],
  ['unknown source kind', (m) => (m.flows[0].source = 'measured'), 'flows[0].source: 取值应为'],
  ['level 4', (m) => (m.nodes[2].level = 4), 'nodes[2].level'],
  ['duplicate node id', (m) => (m.nodes[2].id = 'dye'), 'nodes[2].id: 节点编号 "dye" 重复（首次出现于 nodes[1]）'],
  ['duplicate flow id', (m) => (m.flows[1].id = 'F1'), 'flows[1].id: 流编号 "F1" 重复'],
  ['unknown parent', (m) => (m.nodes[2].parent = 'dye9'), 'nodes[2].parent: 未知的上级节点 "dye9"'],
  [
    'parent chain loops',
    (m) => {
      m.nodes[1].parent = 'jet1';
      m.nodes[1].level = 3;
      m.nodes[2].level = 3;
    },
    'parent: 上级关系成环',
  ],
  [
    'level-2 node under level 2',
    (m) => m.nodes.push({ id: 'x', name: 'x', level: 2, parent: 'dye' }),
    'nodes[3].parent: 二级节点的上级 "dye" 应为一级',
  ],
  [
    'level-3 node under level 1 where level 2 exists',
    (m) => (m.nodes[2].parent = 'plant'),
    'nodes[2].parent: 三级节点的上级 "plant" 应为二级',
  ],
  ['flow to an unknown node', (m) => (m.flows[2].to = 'dye2'), 'flows[2].to: 未知节点 "dye2"'],
  ['flow from a node to itself', (m) => (m.flows[1].to = 'dye'), 'flows[1].to: 流从节点 "dye" 流向其自身'],
  ['flow from outside to outside', (m) => (m.flows[2].from = null), 'flows[2].to: 流的起点和终点都在系统边界外'],
  [
    'product with zero output',
    (m) => (m.production = [{ id: 'fabric', name: '布', unit: 't', output: 0 }]),
    'production[0].output: 产品 "fabric" 的产量应为正数，实际为 0',
  ],
  [
    'product flow that does not exist',
    (m) => (m.production = [{ id: 'fabric', name: '布', unit: 't', output: 5, flow: 'F99' }]),
    'production[0].flow: 未知的产品流 "F99"',
  ],
  [
    'duplicate product',
    (m) =>
      (m.production = [
        { id: 'p', name: '布', unit: 't', output: 5 },
        { id: 'p', name: '纱', unit: 't', output: 2 },
      ]),
    'production[1].id: 产品编号 "p" 重复（首次出现于 production[0]）',
  ],
  ['annualisation factor of zero', (m) => (m.period = { annualFactor: 0 }), 'period.annualFactor: 年化系数应为正数'],
  ['negative value', (m) => (m.flows[1].value = -5), 'flows[1].value: 数值 -5 为负'],
  ['kWh in the water layer', (m) => (m.flows[0].unit = 'kWh'), 'flows[0].unit: 单位 "kWh"（energy）不适用于 water 层'],
  ['unknown unit', (m) => (m.flows[0].unit = 'furlong'), 'flows[0].unit: unknown unit "furlong"'],
  [
    'short ton',
    (m) => (m.flows[0].unit = 'ton'),
    'flows[0].unit: "ton": "ton" is the US short ton (907 kg) in mathjs; write t for the tonne',
  ],
  [
    'components on a flow without a quantity',
    (m) => {
      m.flows[3].source = undefined;
      m.flows[3].components = { COD: { concentration: 300, unit: 'mg/L' } };
    },
    'flows[3].components.COD.concentration: 组分 "COD" 以浓度给出，但载体流没有数量',
  ],
  [
    'component with both concentration and value',
    (m) => (m.flows[0].components = { COD: { concentration: 5, value: 6, unit: 'mg/L' } }),
    'flows[0].components.COD: 组分需给出 concentration 或 value 之一',
  ],
  [
    'bad concentration unit',
    (m) => (m.flows[0].components = { COD: { concentration: 5, unit: 'kWh/L' } }),
    'flows[0].components.COD.unit: 浓度单位 "kWh/L"',
  ],
  [
    'physical energy unit without coefficient',
    (m) =>
      m.flows.push({ id: 'E1', from: null, to: 'dye', layer: 'energy', carrier: 'refined-oil', value: 3, unit: 't' }),
    'flows[4].unit: 能源层中的实物量单位 "t" 需要载体 carrier 有 GB/T 2589 折标系数（当前载体：refined-oil）',
  ],
  [
    'volume in the material layer without density',
    (m) => m.flows.push({ id: 'X1', from: null, to: 'dye', layer: 'material', phase: 'liquid', value: 3, unit: 'm3' }),
    'flows[4].unit: material 层中的体积单位 "m3" 需要给出密度 density',
  ],
  [
    'a rate without a period',
    (m) => {
      delete m.campaign;
      m.flows[0].unit = 't/h';
    },
    'flows[0].unit: 速率单位 "t/h" 需要平衡期',
  ],
  [
    'stock flow between two nodes',
    (m) => (m.flows[1].stock = true),
    'flows[1].stock: 库存变化流必须一端为节点、一端为 null',
  ],
  ['min above max', (m) => Object.assign(m.flows[0], { min: 10, max: 5 }), 'flows[0].min: 下限 10 大于上限 5'],
  ['flow on an unknown meter', (m) => (m.flows[0].meter = 'M9'), 'flows[0].meter: 未知计量器具 "M9"'],
  [
    'meter on an unknown flow',
    (m) => (m.meters[0].flows = ['F1', 'F99']),
    'meters[0].flows[1]: 计量器具指向未知的流 "F99"',
  ],
  [
    'unknown accuracy class',
    (m) => (m.meters[0].accuracyClass = 'A'),
    'meters[0].accuracyClass: 无法识别的准确度等级 "A"',
  ],
  [
    'date in the wrong format',
    (m) => (m.meters[0].verifiedUntil = '2027/06/30'),
    'meters[0].verifiedUntil: date must be YYYY-MM-DD',
  ],
  [
    'a date that does not exist',
    (m) => (m.meters[0].verifiedUntil = '2027-02-30'),
    'meters[0].verifiedUntil: 日期 "2027-02-30" 不存在',
  ],
  [
    'campaign ending before it starts',
    (m) => (m.campaign.end = '2026-02-28T00:00:00+08:00'),
    'campaign.end: 测试结束时间 2026-02-28T00:00:00+08:00 早于开始时间',
  ],
];

describe('malformed models: located message, exit 2', () => {
  it.each(cases)('%s', async (_name, mutate, expected) => {
    const model = base();
    mutate(model);
    const file = tempFile(JSON.stringify(model, null, 2));
    const r = await runCli(['check', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(expected);
    expect(r.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: `, 'm'));
  });

  it('the base model is valid', async () => {
    const r = await runCli(['check', tempFile(JSON.stringify(base()))]);
    expect(r.code).toBe(0);
  });

  it("JSON syntax errors name the line and column, in the user's language (#16 item 8)", async () => {
    const file = tempFile('{\n  "name": "x",\n  "nodes": [,]\n}');
    const r = await runCli(['check', file]);
    expect(r.code).toBe(2);
    // line 3 `  "nodes": [,]`: the comma is the 13th character
    expect(r.stderr).toBe(
      `${file}:3:13: JSON 语法错误（第 3 行第 13 列）：此处应为一个值（对象、数组、带双引号的字符串、数字、true、false 或 null），实际为 ","\n`,
    );
    const en = await runCli(['check', file, '--lang', 'en', '--json']);
    expect(en.stderr).toContain(`${file}:3:13: JSON syntax error (line 3, column 13): a value`);
    expect(en.stderr).not.toMatch(/\(root\)|Unexpected token/);
    expect(JSON.parse(en.stdout).issues[0]).toMatchObject({ line: 3, column: 13, code: 'json.expectedValue' });
  });

  it('check options that name no layer or level are exit 2', async () => {
    const file = tempFile(JSON.stringify(base()));
    const layer = await runCli(['check', file, '--layer', 'COD', '--lang', 'en']);
    expect(layer.code).toBe(2);
    expect(layer.stderr).toContain(`${file}: --layer: the model has no layer "COD" (it has: water)`);
    const level = await runCli(['check', file, '--level', '4']);
    expect(level.code).toBe(2);
    expect(level.stderr).toContain('--level 应为 1、2 或 3，而不是 "4"');
  });

  it('a missing file is exit 2 with the file named', async () => {
    const r = await runCli(['check', '/nonexistent/plant.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('/nonexistent/plant.json: 文件不存在\n');
  });

  it('reports every problem at once, with lines, in English on request and as JSON', async () => {
    const model = base();
    model.flows[0].vlaue = 1;
    model.flows[2].to = 'dye2';
    model.nodes[2].parent = 'nowhere';
    const text = JSON.stringify(model, null, 2);
    const file = tempFile(text);
    const r = await runCli(['check', file, '--lang', 'en', '--json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.issues.map((i: { path: string; message: string }) => `${i.path}: ${i.message}`)).toEqual([
      'flows[0].vlaue: unknown key "vlaue"',
      'nodes[2].parent: unknown parent node "nowhere"',
      'flows[2].to: unknown node "dye2"',
    ]);
    const lines = text.split('\n');
    for (const i of doc.issues)
      expect(lines[i.line - 1]).toContain(
        i.path
          .split('.')
          .pop()!
          .replace(/\[\d+\]$/, ''),
      );
  });
});
