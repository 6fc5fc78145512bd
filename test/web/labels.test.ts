/** Diagram labels in the core (src/sankey/labels.ts): names, numbers, wrapping and placement. */
import { describe, expect, it } from 'vitest';
import { formatValue, nodeName, placeLabels, textWidth, wrapText, type ViewNode } from '../../src/index.ts';

const node = (over: Partial<ViewNode>): ViewNode => ({ id: 'x', role: 'unit', name: '', in: 0, out: 0, ...over });

describe('diagram labels', () => {
  it('names view nodes in the user’s language', () => {
    expect(nodeName(node({ role: 'source', name: 'fresh-water', group: 'fresh-water' }), 'zh')).toBe('输入：新水');
    expect(nodeName(node({ role: 'sink', name: 'loss', group: 'loss' }), 'en')).toBe('Out: loss');
    expect(nodeName(node({ name: '染色车间', nameEn: 'Dyeing workshop' }), 'en')).toBe('Dyeing workshop');
    expect(nodeName(node({ name: '全厂', ownRegion: true }), 'zh')).toBe('全厂（本级）');
    expect(
      nodeName(node({ name: '一车间 · 其他（3 个）', nameEn: 'Workshop 1 · other (3)', members: ['a'] }), 'en'),
    ).toBe('Workshop 1 · other (3)');
    expect(nodeName(node({ role: 'unaccounted-out' }), 'zh')).toBe('去向不明（输入 > 输出）');
  });

  it('writes numbers with thousands separators from 1 000 up, 3 significant figures below', () => {
    expect(formatValue(3180.4, 'zh')).toBe('3,180');
    expect(formatValue(1234567, 'en')).toBe('1,234,567');
    expect(formatValue(0.12291, 'en')).toBe('0.123');
    expect(formatValue(0, 'zh')).toBe('0');
    expect(formatValue(Number.NaN, 'zh')).toBe('—');
  });

  it('wraps at word and character boundaries, never starting a line with closing punctuation', () => {
    // 12 px per CJK character, 6.8 px per Latin character.
    expect(textWidth('染色ab')).toBeCloseTo(24 + 13.6, 9);
    expect(wrapText('前处理车间', 30, 2)).toEqual({ lines: ['前处', '理…'], truncated: true });
    expect(wrapText('前处理车间', 60, 2)).toEqual({ lines: ['前处理车间'], truncated: false });
    expect(wrapText('Dyeing workshop', 60, 2)).toEqual({ lines: ['Dyeing', 'workshop'], truncated: false });
    // "（本级）" stays whole: the closing bracket does not open a line on its own.
    const w = wrapText('示例印染厂（本级）', 96, 3);
    expect(w.lines.every((l) => !/^[）)]/.test(l))).toBe(true);
    expect(w.lines.join('')).toBe('示例印染厂（本级）');
  });

  it('uses the free width up to the next column and wraps where the height allows', () => {
    const nodes = [
      { id: 'a', column: 0, x0: 0, x1: 10, y0: 0, y1: 100 },
      { id: 'b', column: 1, x0: 110, x1: 120, y0: 0, y1: 4 },
      { id: 'c', column: 1, x0: 110, x1: 120, y0: 20, y1: 24 },
    ];
    const names: Record<string, string> = { a: '一二三四五六七八九十', b: '甲乙丙丁戊己庚辛', c: '子丑' };
    const placed = placeLabels(nodes, (id) => ({ name: names[id]!, value: '5 t' }), 400);
    const by = Object.fromEntries(placed.map((p) => [p.id, p]));
    // a: 88 px of room (110 − 10 − 2 × 6) and a tall node: name wrapped on 2 lines, value below.
    expect(by.a!.lines).toEqual(['一二三四五六七', '八九十', '5 t']);
    expect(by.a!.x).toBe(16);
    // b: the last column runs to 400 px; everything fits on one line.
    expect(by.b!.lines).toEqual(['甲乙丙丁戊己庚辛 5 t']);
    expect(placed.every((p) => !p.truncated)).toBe(true);
  });
});
