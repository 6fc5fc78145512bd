import { parseJsonText } from '../../src/model/json-file.ts';
import { countKeys, scanJson } from '../../src/model/json-locate.ts';
import { describe, expect, it } from 'vitest';
import { runCli, tempFile } from './cli-helpers.ts';
import { encodeGb18030, plant } from './hostile.ts';

/**
 * The twelve failure classes of the hostile-input campaign (issue #18), each as its minimal
 * reproduction through the CLI in process; test/core/bin.test.ts runs some of them through the
 * package's own bin as the campaign does.
 */

type AnyModel = ReturnType<typeof plant>;

const text = (m: AnyModel) => JSON.stringify(m, null, 2);
/** The 1-based line of the first line of `t` containing `needle`. */
const lineOf = (t: string, needle: string) => t.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** Runs `check --json`; expects exit 2 and returns the issues (and stderr). */
async function unusable(file: string, args: string[] = []) {
  const r = await runCli(['check', file, '--json', ...args]);
  expect(r.code).toBe(2);
  const doc = JSON.parse(r.stdout);
  expect(doc.error).toBe('unusable input');
  return { issues: doc.issues as { line: number | null; path: string; code: string; message: string }[], r };
}

describe('#18 failure classes — models', () => {
  it('1 deep nesting with an error to locate: exit 2 with the located error, --json still a JSON document', async () => {
    const m = plant();
    m.flows[2].to = 'dye2';
    const depth = 100_000;
    const t = text(m).replace(
      '"name": "测试厂",',
      `"name": "测试厂",\n  "meta": {"x": ${'['.repeat(depth)}${']'.repeat(depth)}},`,
    );
    const { issues } = await unusable(tempFile(t));
    expect(issues).toEqual([
      expect.objectContaining({ path: 'flows[2].to', line: lineOf(t, '"dye2"'), message: '未知节点 "dye2"' }),
    ]);
  });

  it('1b deep nesting where the schema wants an object, and deep nesting in a syntax error', async () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const a = await unusable(tempFile(text(plant()).replace('"name": "测试厂"', `"name": ${deep}`)));
    expect(a.issues[0]).toMatchObject({ path: 'name', code: 'schema.type', line: 2 });
    const b = await unusable(tempFile(`{"meta": ${'['.repeat(50_000)}`));
    expect(b.issues[0]).toMatchObject({ code: 'json.unexpectedEnd', line: 1 });
  });

  it('2 an unknown campaign.timezone is exit 2 at campaign.timezone, with and without offsets in the times', async () => {
    for (const offset of ['+08:00', '']) {
      const m = plant();
      m.campaign.timezone = 'Mars/Phobos';
      m.campaign.start = `2026-03-01T00:00:00${offset}`;
      m.campaign.end = `2026-03-04T08:00:00${offset}`;
      const t = text(m);
      const { issues, r } = await unusable(tempFile(t));
      expect(issues).toEqual([
        expect.objectContaining({
          path: 'campaign.timezone',
          line: lineOf(t, 'Mars/Phobos'),
          code: 'campaign.timezone',
        }),
      ]);
      expect(r.stderr).toContain('campaign.timezone: 未知时区 "Mars/Phobos"');
    }
  });

  it('3 finite but huge values are refused at their path: value, concentration, settings.periodHours', async () => {
    const cases: [(m: AnyModel) => void, string][] = [
      [(m) => (m.flows[0].value = 1e308), 'flows[0].value'],
      [
        (m) => (m.flows[0].components = { COD: { concentration: 1e308, unit: 'mg/L' } }),
        'flows[0].components.COD.concentration',
      ],
      [(m) => (m.flows[1].sd = 1e300), 'flows[1].sd'],
      [
        (m) => {
          m.settings = { periodHours: 1e308 };
          m.flows[0].unit = 't/h';
        },
        'settings.periodHours',
      ],
    ];
    for (const [mutate, path] of cases) {
      const m = plant();
      mutate(m);
      const t = text(m);
      const { issues, r } = await unusable(tempFile(t));
      expect(issues).toEqual([expect.objectContaining({ path, code: 'number.tooLarge' })]);
      expect(issues[0]!.line).toBe(lineOf(t, 'e+30'));
      expect(r.stderr).toContain(`${path}: 数值 1e30`);
    }
    // inside the magnitude bound but beyond 100 years of hours
    const m = plant();
    m.settings = { periodHours: 1e7 };
    expect((await unusable(tempFile(text(m)))).issues).toEqual([
      expect.objectContaining({ path: 'settings.periodHours', code: 'settings.periodHours' }),
    ]);
  });

  it('3b a unit that is a number or beyond 1e±18 of its base is refused (mathjs would drop the number)', async () => {
    for (const [unit, detail] of [
      ['1e300 t', 'a unit holds no number'],
      ['Qg', 'outside 1e±18'],
    ]) {
      const m = plant();
      m.flows[0].unit = unit;
      const { issues } = await unusable(tempFile(text(m)));
      expect(issues[0]).toMatchObject({ path: 'flows[0].unit' });
      expect(issues[0]!.message).toContain(detail);
    }
  });

  it('4 a density of 0 or below is exit 2 at flows[i].density.value', async () => {
    for (const value of [0, -1.05]) {
      const m = plant();
      m.flows[0].unit = 'm3';
      m.flows[0].density = { value, unit: 't/m3' };
      const t = text(m);
      const { issues } = await unusable(tempFile(t));
      expect(issues).toEqual([
        expect.objectContaining({
          path: 'flows[0].density.value',
          line: lineOf(t, `"value": ${value},`),
          message: '应为正数',
        }),
      ]);
    }
  });

  it('5 a negative lhv is exit 2 at flows[i].lhv.value', async () => {
    const m = plant();
    m.flows.push({
      id: 'E1',
      from: null,
      to: 'dye',
      layer: 'energy',
      carrier: 'raw-coal',
      value: 3,
      unit: 't',
      lhv: { value: -20, unit: 'MJ/kg' },
    });
    const t = text(m);
    const { issues } = await unusable(tempFile(t), ['--lang', 'en']);
    expect(issues).toEqual([
      expect.objectContaining({ path: 'flows[4].lhv.value', line: lineOf(t, '-20'), message: 'must be positive' }),
    ]);
  });

  it('6 after a UTF-8 byte-order mark every issue is on its own line', async () => {
    const m = plant();
    m.flows[2].to = 'dye2';
    m.nodes[2].parent = 'nowhere';
    const t = text(m);
    const { issues } = await unusable(tempFile(`\uFEFF${t}`));
    expect(issues.map((i) => [i.path, i.line])).toEqual([
      ['nodes[2].parent', lineOf(t, 'nowhere')],
      ['flows[2].to', lineOf(t, 'dye2')],
    ]);
  });

  it('7 a GB18030 (GBK) model is decoded, names intact; mixed and undecodable bytes are refused with their line', async () => {
    const m = plant();
    const t = text(m);
    const r = await runCli(['check', tempFile(encodeGb18030(t)), '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.model.name).toBe('测试厂');
    expect(doc.balances.map((b: { name: string }) => b.name)).toContain('染色车间');

    // UTF-8 text with one line in GBK: refused, never half garbled
    const lines = t.split('\n');
    const at = lines.findIndex((l) => l.includes('1#染色机'));
    const mixed = Buffer.concat(
      lines.map((l, i) =>
        Buffer.concat([i === at ? Buffer.from(encodeGb18030(l)) : Buffer.from(l, 'utf8'), Buffer.from('\n')]),
      ),
    );
    const bad = await unusable(tempFile(mixed));
    expect(bad.issues).toEqual([expect.objectContaining({ code: 'json.mixedEncoding', line: at + 1 })]);

    // an xlsx given as a model
    const zip = await unusable(tempFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 8, 0])));
    expect(zip.issues[0]).toMatchObject({ code: 'json.binaryEncoding', line: 1 });
  });

  it('11 the documented displayUnits {"water": "m3"} is accepted (water at 1 t/m³); a unit that does not fit is one error at settings.displayUnits', async () => {
    const m = plant();
    m.settings = { displayUnits: { water: 'm3' } };
    const r = await runCli(['check', tempFile(text(m)), '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.layers).toEqual([expect.objectContaining({ layer: 'water', unit: 'm3' })]);
    // 1 200 t of water in at the plant boundary = 1 200 m³ at 1 t/m³
    expect(doc.balances.find((b: { node: string }) => b.node === 'plant').in).toBe(1200);
    for (const [layer, unit] of [
      ['water', 'kWh'],
      ['water', 't/h'],
      ['energy', 't'],
      ['material', 'm3'],
    ]) {
      const bad = plant();
      bad.settings = { displayUnits: { [layer]: unit } };
      if (layer !== 'water')
        bad.flows.push({
          id: 'X',
          from: null,
          to: 'dye',
          layer,
          carrier: 'electricity',
          phase: 'solid',
          value: 1,
          unit: layer === 'energy' ? 'kWh' : 't',
        });
      const { issues } = await unusable(tempFile(text(bad)));
      expect(issues).toEqual([
        expect.objectContaining({ path: `settings.displayUnits.${layer}`, code: 'settings.displayUnit' }),
      ]);
    }
  });
});

describe('beyond the list: what a hostile campaign also tries', () => {
  it('a "__proto__" key (a record built from it would drop its content) is refused at its path', async () => {
    const t = text(plant()).replace(
      '"unit": "t",\n      "meter": "M1"',
      '"unit": "t",\n      "meter": "M1",\n      "components": {"__proto__": {"concentration": 5, "unit": "mg/L"}}',
    );
    const { issues } = await unusable(tempFile(t));
    expect(issues).toEqual([expect.objectContaining({ path: 'flows[0].components.__proto__', code: 'json.protoKey' })]);
  });

  it('1e400 (Infinity to JSON.parse) is one error at its path', async () => {
    const t = text(plant()).replace('"value": 1200', '"value": 1e400');
    const { issues } = await unusable(tempFile(t));
    expect(issues).toEqual([
      expect.objectContaining({ path: 'flows[0].value', code: 'number.notFinite', line: lineOf(t, '1e400') }),
    ]);
  });

  it('a campaign of 10 000 years is refused like a period of as many hours', async () => {
    const m = plant();
    m.campaign.start = '0001-01-01T00:00:00+08:00';
    m.campaign.end = '9999-12-31T00:00:00+08:00';
    const { issues } = await unusable(tempFile(text(m)));
    expect(issues).toEqual([expect.objectContaining({ path: 'campaign.end', code: 'campaign.tooLong' })]);
  });

  it('ids with odd characters are ids like any other', async () => {
    const m = plant();
    const odd = ['__proto__', 'toString', 'a.b', 'x"y', '节点[0]', '💧'];
    m.nodes[1].id = odd[0];
    m.nodes[2].parent = odd[0];
    m.flows[0].to = odd[0];
    m.flows[1].from = odd[0];
    m.flows[3].from = odd[0];
    m.flows[0].id = odd[1];
    m.meters[0].flows = [odd[1]];
    m.flows[1].id = odd[2];
    m.flows[2].id = odd[3];
    m.nodes[2].id = odd[4];
    m.flows[1].to = odd[4];
    m.flows[2].from = odd[4];
    m.flows[3].id = odd[5];
    const r = await runCli(['check', tempFile(text(m)), '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.balances.map((b: { node: string }) => b.node).sort()).toEqual(['__proto__', 'plant', '节点[0]'].sort());
    expect(doc.derived).toEqual([expect.objectContaining({ flow: '💧', value: 10 })]);
  });
});

describe('#18 failure class 12 — byte-stable diagnosis', () => {
  it('12 diagnosis sentences list ids sorted, the same under re-ordering of the file', async () => {
    const flows = [
      { id: 'F1', from: null, to: 'A', layer: 'water', value: 100, unit: 't' },
      { id: 'Z9', from: 'A', to: null, layer: 'water', unit: 't', source: 'unmeasured' },
      { id: 'B2', from: 'A', to: null, layer: 'water', unit: 't', source: 'unmeasured' },
    ];
    const run = async (fs: typeof flows) => {
      const model = { name: 'r', nodes: [{ id: 'A', name: 'A', level: 1 }], flows: fs };
      const r = await runCli(['reconcile', tempFile(JSON.stringify(model))]);
      return r.stdout.split('\n').filter((l) => l.includes('不可观测（'));
    };
    const forward = await run(flows);
    expect(forward).toEqual(['2 条未计量的流不可观测（平衡方程无法确定其数值，未给出估计）：B2, Z9。需增加计量器具。']);
    expect(await run([...flows].reverse())).toEqual(forward);
  });
});

describe('#16 item 8 — broken JSON in the user language', () => {
  it.each([
    ['{"name": "x",}', 'json.trailingComma', 1, 13, '最后一项后面多了逗号', 'a comma after the last item'],
    [
      '{"name": "x"\n "nodes": []}',
      'json.expectedCommaOrBrace',
      2,
      2,
      `此处应为 "," 或 "}"，实际为 '"'`,
      '"," or "}" is expected here',
    ],
    ["{'name': 'x'}", 'json.singleQuote', 1, 2, '要用双引号', 'double quotes'],
    ['{"name"： "x"}', 'json.fullWidth', 1, 8, '全角字符 "："，应为半角 ":"', 'full-width character "："'],
    ['{"name": "C:\\data"}', 'json.badEscape', 1, 13, '无效的转义 "\\d"', 'invalid escape "\\d"'],
    ['{"n": 01}', 'json.badNumber', 1, 7, '无效的数字 "01"', 'invalid number "01"'],
    ['{"name": "x"} x', 'json.trailing', 1, 15, 'JSON 已结束', 'after the end of the JSON'],
    ['{"name": "x', 'json.unterminatedString', 1, 10, '没有结束的双引号', 'no closing double quote'],
    ['', 'json.empty', 1, undefined, '文件为空', 'the file is empty'],
    ['   \n', 'json.empty', 1, undefined, '文件为空', 'the file is empty'],
  ])('%j → %s at %i:%s', async (input, code, line, column, zh, en) => {
    const file = tempFile(input);
    const a = await runCli(['check', file]);
    expect(a.code).toBe(2);
    const where = column === undefined ? `${file}:${line}: ` : `${file}:${line}:${column}: `;
    expect(a.stderr.startsWith(where)).toBe(true);
    expect(a.stderr).toContain(zh);
    expect(a.stderr).not.toMatch(/\(root\)|Unexpected|JSON\.parse/);
    const b = await runCli(['check', file, '--lang', 'en', '--json']);
    expect(JSON.parse(b.stdout).issues).toEqual([expect.objectContaining({ code, line })]);
    expect(b.stderr).toContain(en);
  });

  it('a key given twice is an error at its second occurrence (JSON.parse would keep only the last)', async () => {
    const t = '{\n "name": "a",\n "nodes": [{"id": "p", "name": "p", "level": 1, "level": 2}],\n "flows": []\n}';
    const { issues } = await unusable(tempFile(t));
    expect(issues).toEqual([expect.objectContaining({ path: 'nodes[0].level', line: 3, code: 'json.duplicateKey' })]);
  });

  it('duplicate keys are found in objects of any size, escaped or not (the scan keeps few keys in a list, many in a map)', () => {
    const many = Array.from({ length: 20 }, (_, k) => `"k${k}": ${k}`);
    const text = `{\n "a": {${many.join(', ')},\n "k15": 0},\n "b\\u0041": 1, "bA": 2\n}`;
    const scan = scanJson(text);
    expect(scan.syntax).toBeUndefined();
    expect(scan.duplicates.map((d) => [d.path, d.line, d.firstLine])).toEqual([
      [['a', 'k15'], 3, 2],
      [['bA'], 4, 4],
    ]);
  });

  // parseJsonText runs the strict scan only when JSON.parse fails or the members it kept are fewer
  // than the keys written: the count must see through escapes and colons inside strings.
  it.each([
    ['{}', 0],
    ['[1, "a:", {"b": 2}]', 1],
    ['{"a": "x\\\\", "b" : {"c\\"": ":"}}', 3],
    ['{"a\\\\\\"b": [{"d":1},{"d":2}], "e"\n:\t"f"}', 4],
    ['"just a string: no key"', 0],
  ])('countKeys(%j) = %i', (text, keys) => {
    expect(countKeys(text)).toBe(keys);
    expect(scanJson(text).syntax).toBeUndefined();
  });

  it.each([
    ['{"a": 1, "a": 2}', [['a', 1]]],
    ['{"x": [{"k": 1}, {"k": 2, "k\\u0020": 3, "k ": 4}]}', [['x', 1, 'k ', 1]]],
    ['{"a": {"b": 1, "b": 1}, "c": {"b": 1}}', [['a', 'b', 1]]],
    ['{"__proto__": 1, "__proto__": 2}', [['__proto__', 1]]],
  ])('parseJsonText(%j) finds the key given twice', (text, expected) => {
    const found = parseJsonText(text, 'x.json').duplicates.map((d) => [...d.path, d.line]);
    expect(found).toEqual(expected);
  });

  it('a valid text with no key given twice has no duplicates, whatever its strings hold', () => {
    const text = JSON.stringify({ a: 'b": 1, "a', nodes: [{ id: 'x\\"' }, { id: 'y' }], q: { '"': ':' } });
    const { data, duplicates } = parseJsonText(text, 'x.json');
    expect(duplicates).toEqual([]);
    expect(data).toEqual(JSON.parse(text));
  });

  it('a JSON array, a string or null instead of the model object is a located structural error', async () => {
    for (const t of ['[]', '"plant"', 'null', '42']) {
      const { issues } = await unusable(tempFile(t));
      expect(issues).toEqual([expect.objectContaining({ path: '(root)', code: 'schema.type', line: 1 })]);
    }
  });
});
