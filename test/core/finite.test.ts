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

  it('walks cycles once, and finds a non-finite number behind one', () => {
    const a: Record<string, unknown> = { v: 1 };
    const m = new Map<string, unknown>([['self', null]]);
    m.set('self', m);
    a.self = a;
    a.m = m;
    a.set = new Set([a, m, 2]);
    expect(assertFinite(a, 'x')).toBe(a);
    m.set('bad', Number.NaN);
    expect(() => assertFinite(a, 'the JSON output')).toThrow(/NaN at (m|set\[1\])\.bad/);
    const b: Record<string, unknown> = { list: [] as unknown[] };
    (b.list as unknown[]).push(b, { deep: [[Float64Array.of(1, Number.POSITIVE_INFINITY)]] });
    expect(() => assertFinite(b, 'x')).toThrow('at list[1].deep[0][0][1]');
    expect(() => assertFinite(Number.NaN, 'x')).toThrow(NonFiniteResultError);
    expect(assertFinite('text', 'x')).toBe('text');
  });
});
