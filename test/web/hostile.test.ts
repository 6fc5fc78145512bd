/**
 * The hostile files of issue #18 through the page, in Chromium: each ends in the error box with its
 * file and a located message in the page's language, and the plant shown before stays (status,
 * diagram, selectors); a GBK model is read like a UTF-8 one; a worker that crashes is restarted
 * with the plant shown, and the page goes on working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGb18030, plant } from '../core/hostile.ts';
import { hasChromium, type OpenedSite, openBuilt, sharedSite } from './site.ts';

const json = (m: unknown) => JSON.stringify(m, null, 2);
const deep = () => {
  const m = plant();
  m.flows[0].to = 'dye2';
  return json(m).replace(
    '"name": "测试厂",',
    `"name": "测试厂", "meta": {"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}},`,
  );
};
/** A model as Notepad saves it: a UTF-8 BOM, then an unknown node on the line `bomLine`. */
const bomText = json({
  ...plant(),
  flows: plant().flows.map((f: { to: string }, k: number) => (k === 0 ? { ...f, to: 'dye2' } : f)),
});
const bomLine = bomText.split('\n').findIndex((l) => l.includes('"dye2"')) + 1;
const withPlant = (mutate: (m: ReturnType<typeof plant>) => void) => {
  const m = plant();
  mutate(m);
  return json(m);
};

/** name, content, what the error box must say (beside the file name). */
const HOSTILE: [string, string | Uint8Array, string][] = [
  ['deep.json', deep(), 'flows[0].to: 未知节点 "dye2"'],
  ['bom.json', `\uFEFF${bomText}`, `bom.json:${bomLine} flows[0].to: 未知节点 "dye2"`],
  ['comma.json', '{"name": "x",}', 'comma.json:1:13: JSON 语法错误（第 1 行第 13 列）：最后一项后面多了逗号'],
  ['fullwidth.json', '{"name"： "x"}', '全角字符 "："，应为半角 ":"'],
  ['tz.json', withPlant((m) => (m.campaign.timezone = 'Mars/Phobos')), 'campaign.timezone: 未知时区 "Mars/Phobos"'],
  ['huge.json', withPlant((m) => (m.flows[0].value = 1e308)), 'flows[0].value: 数值 1e308 超出可计算范围'],
  [
    'density.json',
    withPlant((m) => {
      m.flows[0].unit = 'm3';
      m.flows[0].density = { value: 0, unit: 't/m3' };
    }),
    'flows[0].density.value: 应为正数',
  ],
  ['array.json', '[]', 'array.json:1: 应为 object，实际为 array'],
  ['empty.json', '', 'empty.json:1: 文件为空'],
  ['excel.json', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 8, 0, 0, 0]), '这是二进制文件'],
  [
    'mixed.json',
    new Uint8Array([
      ...new TextEncoder().encode('{"name": "测试厂",\n'),
      ...encodeGb18030('"nameEn": "车间",\n'),
      0x7d,
    ]),
    'mixed.json:2: 文件混用了编码',
  ],
  ['excel.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 8, 0, 0, 0]), '这是二进制文件，不是 CSV 文本'],
  ['notime.csv', 'a,b\nx,1\ny,2\n', 'notime.csv:1: 找不到时间列'],
];

describe.skipIf(!hasChromium())('hostile files through the page', () => {
  let site: OpenedSite;
  beforeAll(async () => {
    site = await openBuilt(await sharedSite()); // the run's one build, shared read-only
  }, 180_000);
  afterAll(async () => site?.close());

  const load = (name: string, content: string | Uint8Array) =>
    site.page.setInputFiles('#file', {
      name,
      mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/json',
      buffer: Buffer.from(content),
    });
  const plantShown = async () => ({
    status: await site.page.textContent('#status'),
    nodes: await site.page.locator('#sankey g[data-id]').count(),
    layers: await site.page.locator('#layer option').count(),
  });

  it('each ends in the error box, located, and the plant shown stays', async () => {
    const { page } = site;
    const before = await plantShown();
    expect(before.status).toContain('dyeing.json');
    expect(before.nodes).toBeGreaterThan(3);
    for (const [name, content, expected] of HOSTILE) {
      await load(name, content);
      await page.waitForFunction((n) => document.getElementById('error')?.textContent?.includes(n) ?? false, name);
      const box = await page.textContent('#error');
      expect(box, name).toContain(expected);
      expect(box, name).not.toMatch(/\(root\)|Unexpected token|RangeError|Maximum call stack/);
      expect(await page.isVisible('#error'), name).toBe(true);
      expect(await plantShown(), name).toEqual(before);
    }
  }, 180_000);

  it('a hostile readings CSV (BOM, a NUL in a cell, 1e308, a short row) is read: each unusable cell or row listed with its line, the rest used', async () => {
    const { page } = site;
    // The dyeing plant's meters MW01 and MW02; line 3 holds a NUL after 1090, line 4 a reading of
    // 1e308, line 5 one cell of two. Usable: 4 rows of 5 (line 5 is rejected whole), 6 values of 8.
    const csv = [
      '\uFEFFtimestamp,MW01,MW02',
      '2026-03-02 08:00,1000,500',
      '2026-03-02 09:00,1090\u0000,550',
      '2026-03-02 10:00,1e308,600',
      '2026-03-02 11:00,1270',
      '2026-03-02 12:00,1360,700',
    ].join('\n');
    await load('nul.csv', csv);
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('nul.csv') ?? false);
    await page.waitForSelector('body[data-extras] #panels table[data-table="readings-rejected"]');
    const rows = await page
      .locator('#panels table[data-table="readings-rejected"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual([
      ['3', 'non-numeric (MW01)'],
      ['4', 'too-large (MW01)'],
      ['5', 'missing-field'],
    ]);
    expect(await page.isVisible('#error')).toBe(false);
    expect(await page.locator('#sankey g[data-id]').count()).toBeGreaterThan(3);
  }, 60_000);

  it('a GBK (GB18030) model is read like a UTF-8 one: names intact', async () => {
    const { page } = site;
    const m = plant();
    m.name = '国标编码厂';
    await load('gbk.json', encodeGb18030(json(m)));
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('gbk.json') ?? false);
    expect(await page.textContent('#status')).toContain('国标编码厂');
    expect(await page.isVisible('#error')).toBe(false);
    await page.waitForSelector('#sankey g[data-id="dye"]');
  }, 60_000);

  it('a crashing worker is restarted with the plant shown; the page goes on working', async () => {
    const { page } = site;
    const before = await plantShown();
    await page.evaluate(() => document.dispatchEvent(new Event('pingheng-crash-worker')));
    await page.waitForFunction(() => document.getElementById('error')?.textContent?.includes('已重新启动') ?? false);
    expect(await plantShown()).toEqual(before);
    // the new worker holds the plant: another level is laid out and drawn
    await page.selectOption('#level', '3');
    await page.waitForSelector('body[data-view="water:3:zh"] #sankey g[data-id="jet1"]');
    // and it loads files again
    await load('comma.json', '{"name": "x",}');
    await page.waitForFunction(() => document.getElementById('error')?.textContent?.includes('comma.json') ?? false);
  }, 60_000);
});
