import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  analyseForReport,
  buildReport,
  cellText,
  figuresOf,
  loadModel,
  parseModel,
  tablesOf,
  type Model,
  type ModelInput,
  type ReportDocument,
  type ReportTable,
} from '../../src/index.ts';
import { smallPlant } from './fixture.ts';

const model = (input: ModelInput = smallPlant): Model => loadModel(input, 'small.json').model;
const report = (lang: 'zh' | 'en' = 'zh', m: Model = model()) => {
  const results = analyseForReport({ model: m, file: 'small.json', date: '2026-03-06' });
  return { results, doc: buildReport(results, { lang }) };
};
const table = (doc: ReportDocument, number: string): ReportTable => {
  const t = tablesOf(doc).find((x) => x.number === number);
  if (!t) throw new Error(`no table ${number}: ${tablesOf(doc).map((x) => x.number)}`);
  return t;
};
const column = (t: ReportTable, header: string) => t.columns.findIndex((c) => c.header === header);
/** Every text a reader sees in the document (headings, paragraphs, lists, captions, cells). */
const allText = (doc: ReportDocument) =>
  doc.chapters.flatMap((c) => [
    c.title,
    ...c.blocks.flatMap((b) =>
      b.kind === 'table'
        ? [b.caption, ...b.columns.map((x) => x.header), ...b.rows.flat().filter((x) => typeof x === 'string')]
        : b.kind === 'figure'
          ? [b.caption]
          : b.kind === 'list'
            ? b.items
            : [b.text],
    ),
  ]) as string[];

describe('report document', () => {
  it('follows the audit report order, numbering tables and figures per chapter', () => {
    const { doc } = report();
    expect(doc.chapters.map((c) => `${c.number} ${c.title}`)).toEqual([
      '1 概况',
      '2 计量器具配备与测试',
      '3 物料平衡',
      '4 水平衡',
      '5 能量平衡',
      '6 污染因子平衡',
      '7 数据校正',
      '8 审核绩效',
      '9 附录：系数、依据与假设',
    ]);
    expect(doc.date).toBe('2026-03-06');
    const numbers = tablesOf(doc).map((t) => t.number);
    expect(numbers.slice(0, 3)).toEqual(['表 1-1', '表 2-1', '表 2-2']);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(new Set(tablesOf(doc).map((t) => t.sheet)).size).toBe(numbers.length);
    for (const t of tablesOf(doc)) {
      expect(t.sheet.length).toBeLessThanOrEqual(31);
      expect(t.sheet).not.toMatch(/[[\]:*?/\\]/);
      for (const r of t.rows) expect(r).toHaveLength(t.columns.length);
    }
    // Material and water each: the enterprise and the audit focus (A); COD: the enterprise; chapter 7:
    // each reconciled layer's enterprise figure with the reconciled values.
    expect(figuresOf(doc).map((f) => `${f.number} ${f.caption}`)).toEqual([
      '图 3-1 全厂物料平衡图',
      '图 3-2 审核重点 整理车间 物料平衡图',
      '图 4-1 全厂水平衡图',
      '图 4-2 审核重点 整理车间 水平衡图',
      '图 5-1 全厂能源平衡图',
      '图 5-2 审核重点 整理车间 能源平衡图',
      '图 6-1 全厂COD平衡图',
      '图 7-1 全厂物料平衡图（数据协调后）',
      '图 7-2 全厂水平衡图（数据协调后）',
      '图 7-3 全厂能源平衡图（数据协调后）',
      '图 7-4 全厂COD平衡图（数据协调后）',
    ]);
  });

  it('puts the engine’s balances in the balance tables, number for number', () => {
    const { doc, results } = report();
    const water = table(doc, '表 4-1');
    expect(water.caption).toBe('水平衡表（各单元）');
    expect(water.columns.map((c) => (c.unit ? `${c.header} (${c.unit})` : c.header))).toEqual([
      '单元',
      '级别',
      '输入 (t)',
      '输出 (t)',
      '库存变化 (t)',
      '差值 (t)',
      '误差 (%)',
      '允许误差 (%)',
      '结论',
      '说明',
    ]);
    const engine = results.check!.balances.filter((b) => b.layer === 'water');
    expect(water.rows).toHaveLength(engine.length);
    engine.forEach((b, i) => {
      const row = water.rows[i]!;
      expect(row.slice(1, 6)).toEqual([b.level, b.in, b.out, b.stockChange, b.residual]);
      expect(row[6]).toBe(b.closure === null ? null : b.closure * 100);
    });
    // A: 100 t in, 90 + 8 out → residual 2 t, 2 / 100 = 2 % against 5 %: closed.
    const a = water.rows.find((r) => r[0] === '整理车间')!;
    expect(a.slice(2, 9)).toEqual([100, 98, 0, 2, 2, 5, '闭合']);
    expect(cellText(a[6]!, water.columns[6]!, 'zh')).toBe('2.00');
    // B's evaporation was computed by difference (50 − 45 = 5 t).
    expect(water.rows.find((r) => r[0] === '水洗车间')![9]).toBe('差值推算：水洗蒸发 (W6)');
  });

  it('gives 综合能耗 both ways with the coefficient of each carrier (GB/T 2589-2008)', () => {
    const { doc, results } = report();
    const t = tablesOf(doc).find((x) => x.caption.startsWith('测试整理厂 综合能耗'))!;
    const carrierCol = column(t, '介质/能源');
    const elec = t.rows.find((r) => r[carrierCol] === '电力')!;
    // 10 000 kWh × 0.1229 kgce/kWh = 1.229 tce 当量值; × 0.3 kgce/kWh (settings) = 3 tce 等价值.
    // Received 1.229 tce, nothing sent out or stored: consumption 1.229 / 3 tce.
    expect(elec.slice(1, 10)).toEqual([10000, 'kWh', 0.1229, 0.3, 'kgce/kWh', 1.229, 0, 1.229, 3]);
    const gas = t.rows.find((r) => r[carrierCol] === '天然气')!;
    // 1 000 Nm³ × 1.2143 kgce/m³ = 1.2143 tce.
    expect(gas.slice(1, 10)).toEqual([1000, 'Nm3', 1.2143, 1.2143, 'kgce/m³', 1.2143, 0, 1.2143, 1.2143]);
    const total = t.rows[t.totalRows![0]!]!;
    expect(total[0]).toBe('综合能耗');
    expect(total[8]).toBeCloseTo(2.4433, 12);
    expect(total[9]).toBeCloseTo(4.2143, 12);
    expect(total[8]).toBe(results.check!.energyUse[0]!.comprehensiveEquivalent);
    // Every unit's consumption: A receives 6 000 kWh (0.7374 tce) and the gas (1.2143 tce) → 1.9517 tce.
    const perUnit = tablesOf(doc).find((x) => x.caption === '各单元综合能耗（当量值与等价值）')!;
    const a = perUnit.rows.find((r) => r[0] === '整理车间')!;
    expect(a[5]).toBeCloseTo(1.9517, 12);
    expect(perUnit.rows.map((r) => r[5])).toEqual(results.check!.energyUse.map((u) => u.comprehensiveEquivalent));
  });

  it('reports coverage, the meters and the depth verdict from the metering analysis', () => {
    const { doc, results } = report();
    const cov = table(doc, '表 2-1');
    const counted = results.coverage!.filter((r) => r.kind === 'count' && r.N > 0);
    expect(cov.rows.map((r) => [r[2], r[3], r[4], r[5], r[6]])).toEqual(
      counted.map((r) => [r.level, r.n, r.N, r.ratio, r.required]),
    );
    // M2's verification expired in 2020: W2 has no meter that counts — 1 of 2 water intakes metered (50 %).
    const water1 = cov.rows.find((r) => String(r[0]).startsWith('GB17167') && r[1] === '水' && r[2] === 1)!;
    expect(water1.slice(3, 9)).toEqual([1, 2, 50, 100, '不合格', '水洗车间进水 (W2)']);
    const meters = table(doc, '表 2-3');
    const m2 = meters.rows.find((r) => r[0] === 'M2')!;
    expect(m2[4]).toBe('2020-01-01');
    expect(m2[6]).toBe('否');
    const verdict = doc.chapters[1]!.blocks.find((b) => b.kind === 'paragraph' && b.tone === 'verdict');
    expect(verdict).toMatchObject({ text: `结论：${results.depth!.label.zh}。验收类型 A：否；B：否；C：否` });
  });

  it('lists measured against reconciled values and names the suspects', () => {
    const { doc, results } = report();
    const material = results.reconciliation!.layers.find((l) => l.layer === 'material')!;
    expect(material.global.pass).toBe(false);
    const t = tablesOf(doc).find((x) => x.caption === '物料：实测值与校正值')!;
    for (const f of material.flows) {
      const row = t.rows.find((r) => String(r[0]).endsWith(`(${f.id})`))!;
      expect(row.slice(2, 4)).toEqual([f.measured, f.reconciled]);
    }
    expect(tablesOf(doc).some((x) => x.caption.startsWith('物料：可疑'))).toBe(material.suspects.length > 0);
  });

  it('names things in the language: nameEn and English carriers with --lang en, never raw ids', () => {
    const { doc } = report('en');
    expect(doc.title).toBe('Test finishing plant: balances of the cleaner-production audit');
    const water = table(doc, 'Table 4-1');
    expect(water.rows.map((r) => r[0])).toEqual(['Test finishing plant', 'Finishing shop', 'Washing shop']);
    // Every name of this plant has an English form: captions, headers, headings and unit names are English
    // (the sources keep their official titles, e.g. 云经资源〔2007〕518号, and free text such as the industry stays as written).
    const shown = doc.chapters.flatMap((c) => [
      c.title,
      ...c.blocks.flatMap((b) =>
        b.kind === 'table'
          ? [b.caption, ...b.columns.map((x) => x.header), ...b.rows.map((r) => String(r[0]))]
          : b.kind === 'figure'
            ? [b.caption]
            : b.kind === 'heading'
              ? [b.text]
              : [],
      ),
    ]);
    expect(shown.filter((s) => /[\u4e00-\u9fff]/.test(s) && !s.includes('〔2007〕'))).toEqual([]);
    const zh = allText(report('zh').doc);
    for (const raw of ['fresh-water', 'wastewater', 'water-loss', 'natural-gas', 'electricity'])
      expect(zh.filter((s) => s === raw)).toEqual([]);
  });

  it('lists every coefficient with its source in the appendix', () => {
    const { doc } = report();
    const t = table(doc, '表 9-1');
    const byItem = new Map(t.rows.map((r) => [r[0], r]));
    expect(byItem.get('1 千克标准煤的低位发热量')!.slice(1, 4)).toEqual([29307, 'kJ/kgce', 'GB/T 2589-2008 4.4 [C]']);
    expect(byItem.get('电力（当量值）')!.slice(1, 4)).toEqual([0.1229, 'kgce/kWh', 'GB/T 2589-2008 Annex A [C]']);
    expect(byItem.get('电力（等价值）')!.slice(1, 4)).toEqual([0.3, 'kgce/kWh', '模型设定（settings）']);
    expect(byItem.get('气田天然气')!.slice(1, 3)).toEqual([1.2143, 'kgce/m³']);
  });
});

describe('a model that cannot be balanced', () => {
  it('still gets the chapters that can be made, and a list of what is missing', () => {
    const bare = model({
      name: '空厂',
      nodes: [{ id: 'p', name: '空厂', level: 1 }],
      flows: [
        { id: 'F1', from: null, to: 'p', layer: 'water', carrier: 'fresh-water', unit: 't' },
        { id: 'F2', from: 'p', to: null, layer: 'water', carrier: 'wastewater', unit: 't' },
      ],
    });
    const { doc } = report('zh', bare);
    expect(doc.chapters).toHaveLength(9);
    const missing = doc.missing.map((m) => `${m.chapter}：${m.text}`);
    expect(missing).toContain('2 计量器具配备与测试：模型未列出计量器具（meters）');
    expect(missing).toContain('2 计量器具配备与测试：模型未给出测试（campaign）');
    expect(missing).toContain('3 物料平衡：模型中没有物料流，本章无内容');
    expect(missing).toContain('5 能量平衡：模型中没有能源流，本章无内容');
    expect(missing).toContain('4 水平衡：空厂 的平衡无法确定：未计量的流 F1; F2 不能由平衡算出。');
    // Chapter 1 repeats the list.
    const overview = doc.chapters[0]!.blocks.filter((b) => b.kind === 'list').flatMap((b) => b.items);
    for (const m of missing) expect(overview).toContain(m);
  });

  it('lists metering data that coverage cannot judge in chapter 2, by JSON path, and makes the rest', () => {
    const bad = structuredClone(smallPlant) as ModelInput;
    Object.assign(bad.meters![0]!, { verifiedOn: '2027-01-01', verifiedUntil: '2026-01-01' });
    const results = analyseForReport({ model: model(bad), file: 'small.json' });
    expect(results.coverage).toBeUndefined();
    const doc = buildReport(results, { lang: 'zh' });
    const items = doc.chapters[1]!.blocks.filter((b) => b.kind === 'list').flatMap((b) => b.items);
    expect(items).toContain('small.json: meters[0].verifiedUntil: 检定有效期 2026-01-01 早于检定日期 2027-01-01');
    expect(doc.missing.map((m) => m.chapter)).toContain('2 计量器具配备与测试');
    expect(tablesOf(doc).some((t) => t.number === '表 4-1')).toBe(true);
  });

  it('records a part the engine could not compute and makes the rest', () => {
    const broken = structuredClone(model()) as Model;
    broken.flows[0]!.unit = 'furlong'; // not a unit: the graph cannot be built
    const results = analyseForReport({ model: broken, date: '2026-03-06' });
    expect(results.failures.map((f) => f.part)).toContain('balances');
    const doc = buildReport(results, { lang: 'zh' });
    expect(doc.chapters.map((c) => c.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(doc.missing.some((m) => m.chapter.startsWith('4 ') && m.text.startsWith('平衡计算失败'))).toBe(true);
    expect(tablesOf(doc).find((t) => t.number === '表 1-1')).toBeDefined();
  });
});

describe('the VOCs solvent balance (coating plant)', () => {
  it('gives the auditors’ table per releasing unit and the plant balance from check’s VOCs result', () => {
    const file = new URL('../../datasets/coating.json', import.meta.url);
    const { model: m } = parseModel(readFileSync(file, 'utf8'), 'coating.json');
    const { doc, results } = report('zh', m);
    const v = results.check!.vocs!;
    // The core's VOCs tables (src/vocs/tables.ts), the same the CLI and the web show.
    const units = tablesOf(doc).find((t) => t.caption.startsWith('各产污单元 VOCs 产生与排放'))!;
    expect(units.rows).toHaveLength(v.units.length + 1);
    v.units.forEach((u, i) => {
      const row = units.rows[i]!;
      expect([row[1], row[3], row[6], row[9], row[10], row[11], row[12]]).toEqual([
        u.input,
        u.generated,
        u.captured,
        u.removed,
        u.organised,
        u.fugitive,
        u.emitted,
      ]);
      expect(row[4]).toBe(u.captureEfficiency === null ? null : u.captureEfficiency * 100);
    });
    expect(units.columns[3]).toMatchObject({ header: '产生量', unit: 'kg' });
    expect(units.columns[4]).toMatchObject({ header: '收集效率', unit: '%' });
    const total = units.rows.at(-1)!;
    expect(units.totalRows).toEqual([units.rows.length - 1]);
    expect([total[3], total[11], total[12]]).toEqual([v.total.generated, v.total.fugitive, v.total.emitted]);
    // generated = captured + fugitive, unit by unit (docs/vocs.md).
    for (const u of v.units) expect(u.captured! + u.fugitive!).toBeCloseTo(u.generated!, 9);
    expect(figuresOf(doc).map((f) => f.caption)).toContain('全厂 VOCs 物料衡算图（溶剂平衡）');
  });
});

describe('chapter 8, audit results (--compare)', () => {
  const coating = (name: string) =>
    parseModel(readFileSync(new URL(`../../datasets/${name}.json`, import.meta.url), 'utf8'), `${name}.json`).model;

  it('fills the 表2, the savings and the proposals from compareModels, with the worked economics check', () => {
    const after = structuredClone(coating('coating-after'));
    // STANDARDS.md §7 worked check: I = 150 万元, F = 32.5 万元/a, n = 10 a, i = 5 % → N 4.62 a, NPV 100.96, IRR 17.26 %.
    after.proposals = [
      {
        id: 'P1',
        name: '喷房废气收集改造',
        investment: 150,
        annualBenefit: 32.5,
        lifetime: 10,
        discountRate: 0.05,
        implemented: true,
      },
    ] as typeof after.proposals;
    const results = analyseForReport({
      model: after,
      file: 'coating-after.json',
      before: { model: coating('coating'), file: 'coating.json' },
      date: '2026-03-06',
    });
    const r = results.compare!;
    const doc = buildReport(results, { lang: 'zh' });
    const ch8 = doc.chapters[7]!;
    expect(ch8.title).toBe('审核绩效');
    const tables = ch8.blocks.filter((b): b is ReportTable => b.kind === 'table');
    const t2 = tables.find((t) => t.caption.startsWith('清洁生产实施情况表'))!;
    expect(t2.rows.map((row) => [row[0], row[2], row[4]])).toEqual(r.table2.map((l) => [l.no, l.before, l.after]));
    const savings = tables.find((t) => t.caption === '节约量与削减量')!;
    const thinner = savings.rows.find((row) => row[0] === '稀释剂 *')!;
    expect(thinner.slice(2, 6)).toEqual([
      r.savings.materials.thinner!.total.before.period,
      r.savings.materials.thinner!.total.after.period,
      r.savings.materials.thinner!.perUnit.saved,
      r.savings.materials.thinner!.perUnit.perYear,
    ]);
    const proposals = tables.find((t) => t.caption === '清洁生产方案经济分析')!;
    const p1 = proposals.rows[0]!;
    expect(p1.slice(0, 6)).toEqual([
      'P1',
      '喷房废气收集改造',
      r.proposals.items[0]!.category === null ? '—' : p1[2],
      '是',
      150,
      32.5,
    ]);
    expect(p1[7]).toBeCloseTo(150 / 32.5, 12); // N = I / F = 4.615 a
    expect(p1[8]).toBeCloseTo(100.96, 2);
    expect(p1[9]).toBeCloseTo(17.26, 2);
    expect(cellText(p1[8]!, proposals.columns[8]!, 'zh')).toBe('100.96');
    // The acceptance verdict stands out; the grid factor is listed with its series and year.
    expect(ch8.blocks.some((b) => b.kind === 'paragraph' && b.tone === 'verdict')).toBe(true);
    const factors = tables.find((t) => t.caption === '审核绩效所用因子')!;
    expect(factors.rows.map((row) => [row[1], row[4]])).toEqual(r.factors.map((f) => [f.value, String(f.year)]));
  });

  it('says so when the pair cannot be compared, and still makes the other chapters', () => {
    const results = analyseForReport({
      model: coating('coating-after'),
      before: { model: model(), file: 'small.json' },
    });
    expect(results.compare).toBeUndefined();
    expect(results.compareIssues.length).toBeGreaterThan(0);
    const doc = buildReport(results, { lang: 'zh' });
    expect(doc.missing.some((m) => m.chapter === '8 审核绩效')).toBe(true);
    expect(tablesOf(doc).some((t) => t.number === '表 4-1' || t.number === '表 3-1')).toBe(true);
  });
});
