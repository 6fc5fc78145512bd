import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseForReport, buildReport, parseModel, type ReportTable } from '../../src/index.ts';

/** The report's pollutant-factor chapter carries the VOCs solvent balance of datasets/coating.json. */
describe('report chapter 6: the VOCs solvent balance', () => {
  const file = 'datasets/coating.json';
  const model = parseModel(readFileSync(file, 'utf8'), file).model;
  const doc = buildReport(analyseForReport({ model, file, date: '2026-04-20' }), { lang: 'zh' });
  const chapter = doc.chapters.find((c) => c.id === 'components')!;
  const tables = chapter.blocks.filter((b): b is ReportTable => b.kind === 'table');

  it('the units table: generated, captured, organised, fugitive per unit, with the total row', () => {
    const units = tables.find((t) => t.caption.startsWith('各产污单元'))!;
    const col = (header: string) => units.columns.findIndex((c) => c.header === header);
    const total = units.rows[units.totalRows![0]!]!;
    expect(total[col('产生量')]).toBeCloseTo(2701.063, 9);
    expect(total[col('收集量')]).toBeCloseTo(2438.88035, 9);
    expect(total[col('无组织排放')]).toBeCloseTo(262.18265, 9);
    expect(units.columns[col('收集效率')]).toMatchObject({ unit: '%', decimals: 1 });
    expect(units.columns[col('产生量')]!.unit).toBe('kg');
    expect(units.rows[1]![col('产生量')]).toBeCloseTo(1090.612, 9); // booth 1
    expect(units.notes!.join('\n')).toContain('0.2501 kg/m2');
  });

  it('the treatment table with the stack check, the materials and the plant balance; the solvent figure', () => {
    const treatments = tables.find((t) => t.caption.startsWith('治理设施与排气筒监测'))!;
    expect(treatments.rows[0]![0]).toBe('废气处理站（沸石转轮 + RTO）');
    expect(treatments.rows[0]).toContain('相符');
    expect(tables.some((t) => t.caption.startsWith('含 VOCs 原辅材料'))).toBe(true);
    expect(tables.some((t) => t.caption.startsWith('全厂溶剂平衡'))).toBe(true);
    const fig = chapter.blocks.find((b) => b.kind === 'figure' && b.caption.startsWith('VOCs 溶剂平衡图'));
    expect(fig).toBeDefined();
    expect(fig && fig.kind === 'figure' ? fig.svg : '').toContain('治理设施销毁');
  });
});
