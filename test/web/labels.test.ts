import { describe, expect, it } from 'vitest';
import { fitLabel, fmt } from '../../web/labels.ts';

describe('diagram labels', () => {
  it('formats values: 3 significant figures below 1 000, grouped whole numbers above', () => {
    expect(fmt(0.12290000000000001)).toBe('0.123');
    expect(fmt(7.5)).toBe('7.5');
    expect(fmt(13611.9)).toBe('13,612');
    expect(fmt(-2)).toBe('-2');
    expect(fmt(0)).toBe('0');
  });

  it('keeps a label that fits and shortens one that does not, keeping the value', () => {
    // 4 CJK characters (48 px) + " 7,450" (6 × 6.8 = 40.8 px) = 88.8 px.
    expect(fitLabel('前处理车', ' 7,450', 89)).toBe('前处理车 7,450');
    // In 80 px: 3 characters (36) + "…" (6.8) + 40.8 = 83.6 > 80, 2 characters = 71.6.
    expect(fitLabel('前处理车', ' 7,450', 80)).toBe('前处… 7,450');
    expect(fitLabel('前处理车', ' 7,450', 0)).toBe('前… 7,450');
  });
});
