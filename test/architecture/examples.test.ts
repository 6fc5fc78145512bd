/**
 * Examples as documentation (issue 19 item 6): every public function and class of the core (exported from
 * src/index.ts) carries an `@example` whose value is asserted here, as simple-statistics does. An example
 * is code; an expression statement followed by `// => value` on its last line asserts the value (deep
 * equality), `// => throws text` that it throws with `text` in the message or an issue code. The public
 * API (src/index.ts and src/node.ts) is in scope under its exported names, with `readFileSync` (paths
 * relative to the repository).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as core from '../../src/index.ts';
import * as node from '../../src/node.ts';
import { ROOT } from './import-graph.ts';
import { publicExports, runnable } from './public-api.ts';

const api = { ...core, ...node };
const exported = publicExports();
const callable = exported.filter((e) => e.callable);
const names = Object.keys(api);
const scope = names.map((n) => (api as Record<string, unknown>)[n]);
const readRepoFile = (path: string, encoding?: BufferEncoding) => readFileSync(join(ROOT, path), encoding);

async function check(actual: () => unknown, expected: () => unknown, source: string): Promise<void> {
  expect(await actual(), source).toEqual(expected());
}

async function throws(run: () => unknown, text: string, source: string): Promise<void> {
  let caught: unknown;
  try {
    await run();
  } catch (err) {
    caught = err;
  }
  expect(caught, `${source} should throw`).toBeInstanceOf(Error);
  const e = caught as Error & { issues?: { code: string }[] };
  expect(`${e.message} ${(e.issues ?? []).map((i) => i.code).join(' ')}`, source).toContain(text);
}

describe('public API examples', () => {
  it('lists every public function and class (the extraction sees the API)', () => {
    // The names vitest imports at run time and the names TypeScript sees as exported agree.
    const runtime = new Set(names);
    for (const e of callable) expect(runtime.has(e.name.split('.')[0]!), e.name).toBe(true);
    expect(callable.length).toBeGreaterThan(150);
  });

  it('every public function and class has an example that asserts a value', () => {
    const missing = callable
      .filter((e) => e.examples.every((x) => runnable(x).checks === 0))
      .map((e) => `${e.name} (${e.file})`);
    expect(missing).toEqual([]);
  });

  for (const e of exported)
    e.examples.forEach((example, k) => {
      const { code, checks } = runnable(example);
      if (checks === 0) return;
      it(`${e.name} example ${k + 1}`, async () => {
        const make = new Function(...names, '__check', '__throws', 'readFileSync', `return ${code}`);
        await make(...scope, check, throws, readRepoFile)();
      });
    });
});

describe('the example runner', () => {
  it('rewrites an asserted expression and strips types', () => {
    const r = runnable('const x: number = 2;\nx * 3 // => 6');
    expect(r.checks).toBe(1);
    expect(r.code).toContain('__check(async () => (x * 3), () => (6)');
    expect(r.code).not.toContain(': number');
  });

  it('does not count an example that asserts nothing (a public function with only such an example fails)', () => {
    expect(runnable('roundTo(2 / 3, 3) // 0.667').checks).toBe(0);
    expect(runnable('roundTo(2 / 3, 3) // => 0.667').checks).toBe(1);
  });

  it('fails on a wrong value (an example can fail)', async () => {
    const { code } = runnable('roundTo(2 / 3, 3) // => 0.666');
    const make = new Function(...names, '__check', '__throws', 'readFileSync', `return ${code}`);
    await expect(make(...scope, check, throws, readRepoFile)()).rejects.toThrow(/0\.666/);
  });

  it('checks a thrown error', async () => {
    const { code } = runnable(`parseModel('{"name": "x",}', 'm.json') // => throws json.trailingComma`);
    const make = new Function(...names, '__check', '__throws', 'readFileSync', `return ${code}`);
    await make(...scope, check, throws, readRepoFile)();
  });
});
