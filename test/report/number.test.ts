import { describe, expect, it } from 'vitest';
import { columnDecimals, formatExact, formatNumber, formatSignificant } from '../../src/index.ts';

describe('locale number formatting', () => {
  it('gives a column the decimals that show its largest value with 4 significant digits', () => {
    expect(columnDecimals([1234.5, 12.25])).toBe(0); // 1,235 and 12: the largest has 4 digits before the point
    expect(columnDecimals([0.398, 0.05])).toBe(4); // 0.3980: 4 − 1 − ⌊log10 0.398⌋ = 4 − 1 + 1
    expect(columnDecimals([225, 40, 0])).toBe(1); // 225.0
    expect(columnDecimals([999.96])).toBe(0); // rounds to 1,000: the carried magnitude counts
    expect(columnDecimals([null, Number.NaN, 0])).toBe(0);
    expect(columnDecimals([3.2], 2)).toBe(1);
    expect(columnDecimals([1e-9])).toBe(6); // capped
  });

  it('groups thousands in both languages and never prints −0', () => {
    expect(formatNumber(1234567.891, 'zh', 1)).toBe('1,234,567.9');
    expect(formatNumber(1234567.891, 'en', 0)).toBe('1,234,568');
    expect(formatNumber(-0.0004, 'zh', 2)).toBe('0.00');
    expect(formatNumber(-12.5, 'en', 1)).toBe('-12.5');
    expect(formatNumber(null, 'zh', 2)).toBe('—');
    expect(formatNumber(Number.POSITIVE_INFINITY, 'en', 2)).toBe('—');
  });

  it('formats one value by its own significant digits, and exact figures as written', () => {
    expect(formatSignificant(0.012345, 'en', 3)).toBe('0.0123');
    expect(formatSignificant(7060, 'zh', 3)).toBe('7,060');
    expect(formatExact(0.03412, 'zh')).toBe('0.03412');
    expect(formatExact(29307, 'en')).toBe('29,307');
    expect(formatExact(1.2143, 'zh')).toBe('1.2143');
  });
});
