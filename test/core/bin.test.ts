import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFile } from './cli-helpers.ts';
import { plant } from './hostile.ts';

/**
 * Hostile inputs through the package's own bin, in a separate process, as the hidden campaign runs
 * it: the exit status is the process's, a crash would show as a stack trace on stderr.
 */
const bin = resolve(import.meta.dirname, '../../bin/pingheng.js');

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Exit 2, one JSON document on stdout, every issue located, no stack trace. */
function unusable(r: ReturnType<typeof run>) {
  expect(r.code).toBe(2);
  expect(r.stderr).not.toMatch(/\n\s+at |RangeError|TypeError/);
  const doc = JSON.parse(r.stdout);
  expect(doc.error).toBe('unusable input');
  for (const i of doc.issues) expect(i.line !== null || i.path !== '(root)').toBe(true);
  return doc.issues as { line: number; path: string; code: string }[];
}

describe('#18 through bin/pingheng.js', () => {
  it('1 deep nesting: exit 2 with the located error and a JSON document', () => {
    const m = plant();
    m.flows[2].to = 'dye2';
    const t = JSON.stringify(m, null, 2).replace(
      '"name": "测试厂",',
      `"name": "测试厂", "meta": {"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}},`,
    );
    const issues = unusable(run(['check', tempFile(t), '--json']));
    expect(issues).toEqual([expect.objectContaining({ path: 'flows[2].to', code: 'flow.unknownNode' })]);
  });

  it('2 an unknown time zone with offset-free campaign times', () => {
    const m = plant();
    m.campaign = { ...m.campaign, timezone: 'Mars/Phobos', start: '2026-03-01T00:00:00', end: '2026-03-04T08:00:00' };
    const issues = unusable(run(['check', tempFile(JSON.stringify(m, null, 2)), '--json']));
    expect(issues).toEqual([expect.objectContaining({ path: 'campaign.timezone', code: 'campaign.timezone' })]);
  });

  it('3, 4 a huge value and a zero density, in check and reconcile', () => {
    const m = plant();
    m.flows[1].value = 1e308;
    m.flows[0].unit = 'm3';
    m.flows[0].density = { value: 0, unit: 't/m3' };
    const file = tempFile(JSON.stringify(m, null, 2));
    for (const command of ['check', 'reconcile']) {
      const issues = unusable(run([command, file, '--json']));
      expect(issues.map((i) => i.path).sort()).toEqual(['flows[0].density.value', 'flows[1].value']);
    }
  });

  it('8, 10 readings: a ±1e308 value and a short row, each rejected with its line; exact accounting', () => {
    const csv =
      'time,M1,M2\n2026-03-01 08:00,1,5\n2026-03-01 09:00,1e308,6\n2026-03-01 10:00,3\n2026-03-01 11:00,4,8\n';
    const r = run(['ingest', tempFile(csv, '.csv'), '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.rejected.map((e: { line: number; reason: string }) => [e.line, e.reason])).toEqual([
      [3, 'too-large'],
      [4, 'missing-field'],
    ]);
    expect(doc.rows).toEqual({ read: 4, used: 3, rejected: 1 });
    expect(doc.values).toEqual({ read: 6, used: 5, rejected: 1, empty: 0 });
    expect(r.stdout).not.toMatch(/NaN|Infinity|null/);
  });

  it('a command line that names no command is exit 2, never a verdict', () => {
    expect(run(['nonsense']).code).toBe(2);
  });
});
