import { formatPath, type PathSegment } from './issues.ts';

/**
 * The last guard of "no result is ever NaN or Infinity": inputs are bounded (src/data/input-bounds.ts)
 * so the arithmetic cannot overflow, and every result leaving the core through the CLI or the web
 * worker passes assertFinite. A non-finite number there is a bug in pingheng, never the user's
 * input: it stops with this error instead of printing null, NaN or Infinity as if it were a figure.
 *
 * @example
 * new NonFiniteResultError('result', 'a[1]', Infinity).message // => 'internal error: result holds the non-finite number Infinity at a[1]'
 */
export class NonFiniteResultError extends Error {
  constructor(
    readonly what: string,
    readonly path: string,
    readonly value: number,
  ) {
    super(`internal error: ${what} holds the non-finite number ${value} at ${path}`);
    this.name = 'NonFiniteResultError';
  }
}

/**
 * The path of the first number in `value` that is NaN or ±Infinity (objects, arrays, maps and sets
 * walked without recursion; each object once), or undefined when every number is finite.
 *
 * @example
 * firstNonFinite({ a: [1, Number.NaN] }) // => 'a[1]'
 * firstNonFinite({ a: [1, 2] }) // => undefined
 */
export function firstNonFinite(value: unknown): string | undefined {
  return findNonFinite(value)?.path;
}

function findNonFinite(value: unknown): { path: string; value: number } | undefined {
  type At = { parent: At | undefined; key: PathSegment } | undefined;
  const report = (at: At, v: number) => {
    const path: PathSegment[] = [];
    for (let a = at; a; a = a.parent) path.push(a.key);
    return { path: formatPath(path.reverse()), value: v };
  };
  const seen = new Set<object>();
  const stack: { v: unknown; at: At }[] = [{ v: value, at: undefined }];
  while (stack.length > 0) {
    const { v, at } = stack.pop()!;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return report(at, v);
      continue;
    }
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      const a = v as unknown as ArrayLike<unknown>;
      for (let i = 0; i < a.length; i++) {
        const x = a[i];
        if (typeof x === 'number' && !Number.isFinite(x)) return report({ parent: at, key: i }, x);
      }
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], at: { parent: at, key: i } });
    } else if (v instanceof Map) {
      for (const [k, x] of v) stack.push({ v: x, at: { parent: at, key: String(k) } });
    } else if (v instanceof Set) {
      let i = 0;
      for (const x of v) stack.push({ v: x, at: { parent: at, key: i++ } });
    } else {
      for (const [k, x] of Object.entries(v)) stack.push({ v: x, at: { parent: at, key: k } });
    }
  }
  return undefined;
}

/**
 * Returns `value` when every number in it is finite; throws NonFiniteResultError otherwise.
 *
 * @example
 * assertFinite({ a: 1 }, 'result') // => { a: 1 }
 * assertFinite({ a: [1, Infinity] }, 'result') // => throws non-finite number Infinity at a[1]
 */
export function assertFinite<T>(value: T, what: string): T {
  if (allFinite(value)) return value;
  const found = findNonFinite(value)!;
  throw new NonFiniteResultError(what, found.path, found.value);
}

/**
 * True when every number in `value` is finite: the walk of findNonFinite without the path of each
 * value (a result of 100 000 flows holds ~2 million values; the paths cost 5× the check). Numbers
 * are tested where they are met, objects pushed once (`seen`: shared or cyclic ones are walked once).
 * `x - x !== 0` is the test: NaN for NaN and ±Infinity, 0 for every finite number.
 */
function allFinite(value: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  const push = (x: object) => {
    if (!seen.has(x)) {
      seen.add(x);
      stack.push(x);
    }
  };
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'number') {
      if (v - v !== 0) return false;
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x === 'number') {
          if (x - x !== 0) return false;
        } else if (x !== null && typeof x === 'object') push(x);
      }
    } else if (ArrayBuffer.isView(v)) {
      const a = v as unknown as ArrayLike<unknown>;
      for (let i = 0; i < a.length; i++)
        if (typeof a[i] === 'number' && (a[i] as number) - (a[i] as number) !== 0) return false;
    } else if (v instanceof Map || v instanceof Set) {
      for (const x of v.values()) {
        if (typeof x === 'number') {
          if (x - x !== 0) return false;
        } else if (x !== null && typeof x === 'object') push(x);
      }
    } else {
      // for-in, not Object.keys: no array of keys per object (the walk meets ~10⁵ of them)
      for (const k in v) {
        const x: unknown = (v as Record<string, unknown>)[k];
        if (typeof x === 'number') {
          if (x - x !== 0) return false;
        } else if (x !== null && typeof x === 'object') push(x);
      }
    }
  }
  return true;
}
