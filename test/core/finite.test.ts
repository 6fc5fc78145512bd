import { describe, expect, it } from 'vitest';
import { assertFinite, firstNonFinite, NonFiniteResultError } from '../../src/index.ts';

describe('assertFinite (the last guard of the JSON output)', () => {
  it('passes a document of finite numbers through unchanged, shared objects and all', () => {
    const shared = { v: 1.5 };
    const doc = { a: [shared, shared], m: new Map([['k', 2]]), t: Float64Array.of(1, -0, 3e300), s: 'NaN' };
    expect(assertFinite(doc, 'x')).toBe(doc);
    expect(firstNonFinite(doc)).toBeUndefined();
  });

  it('stops at NaN or ±Infinity anywhere, naming where: objects, arrays, typed arrays, maps, sets', () => {
    const cases: [unknown, string][] = [
      [{ a: { b: [1, 2, Number.NaN] } }, 'a.b[2]'],
      [{ flows: [{ z: Number.POSITIVE_INFINITY }] }, 'flows[0].z'],
      [{ t: Float64Array.of(0, Number.NEGATIVE_INFINITY) }, 't[1]'],
      [{ m: new Map([['x', Number.NaN]]) }, 'm.x'],
      [new Set([1, Number.NaN]), '[1]'],
    ];
    for (const [doc, path] of cases) {
      expect(firstNonFinite(doc)).toBe(path);
      expect(() => assertFinite(doc, 'the JSON output')).toThrow(NonFiniteResultError);
      expect(() => assertFinite(doc, 'the JSON output')).toThrow(`at ${path}`);
    }
  });
});
