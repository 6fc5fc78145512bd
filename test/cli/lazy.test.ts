import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'pingheng-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The npm packages a run of bin/pingheng.js loads (bench/import-trace.mjs: imports and requires). */
function packagesLoaded(...args: string[]): string[] {
  const trace = join(dir, `trace-${args.join('_').replace(/\W/g, '')}.txt`);
  const r = spawnSync(
    process.execPath,
    ['--import', join(root, 'bench/import-trace.mjs'), join(root, 'bin/pingheng.js'), ...args],
    { cwd: root, encoding: 'utf8', env: { ...process.env, PINGHENG_TRACE: trace } },
  );
  expect([0, 1], r.stderr).toContain(r.status);
  const lines = readFileSync(trace, 'utf8').split('\n');
  const names = lines
    .filter((l) => l.includes('/node_modules/'))
    .map((l) => l.replace(/.*\/node_modules\/((@[^/]+\/)?[^/]+).*/, '$1'));
  return [...new Set(names)].sort();
}

describe('what a command loads (compiled, through bin/pingheng.js)', () => {
  it('--help loads commander only', () => {
    expect(packagesLoaded('--help')).toEqual(['commander']);
  });

  it('schema, ingest of a CSV without units and check of the example plants never load mathjs', () => {
    const csv = join(dir, 'r.csv');
    writeFileSync(csv, 'time,M1,M2\n2026-03-01 00:00,1,2\n2026-03-01 00:01,2,4\n');
    expect(packagesLoaded('schema')).toEqual(['commander', 'zod']);
    expect(packagesLoaded('ingest', csv)).not.toContain('mathjs');
    for (const plant of ['dyeing', 'plating', 'boiler']) {
      expect(packagesLoaded('check', `datasets/${plant}.json`)).not.toContain('mathjs');
      // every meter's unit and rate unit (kW → kWh …) read, as the web app does with a readings file
      expect(packagesLoaded('ingest', csv, '--model', `datasets/${plant}.json`)).not.toContain('mathjs');
    }
  });

  it('a unit outside the table loads mathjs, and converts', () => {
    const model = JSON.parse(readFileSync(join(root, 'datasets/dyeing.json'), 'utf8'));
    const flow = model.flows.find(
      (f: { unit: string; value?: number; sd?: number }) =>
        f.unit === 't' && f.value !== undefined && f.sd === undefined,
    );
    flow.unit = 'lb';
    flow.value = flow.value / 0.00045359237; // the same mass in pounds
    const file = join(dir, 'pounds.json');
    writeFileSync(file, JSON.stringify(model));
    expect(packagesLoaded('check', file)).toContain('mathjs');
    const r = spawnSync(process.execPath, [join(root, 'bin/pingheng.js'), 'check', file, '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    const same = spawnSync(
      process.execPath,
      [join(root, 'bin/pingheng.js'), 'check', 'datasets/dyeing.json', '--json'],
      { cwd: root, encoding: 'utf8' },
    );
    const [a, b] = [JSON.parse(r.stdout), JSON.parse(same.stdout)];
    expect(a.summary).toEqual(b.summary);
    for (const [i, x] of (a.balances as { residual: number }[]).entries())
      expect(x.residual).toBeCloseTo(b.balances[i].residual, 6);
  });
});
