import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFile } from '../core/cli-helpers.ts';
import { encodeGb18030, plant } from '../core/hostile.ts';

/**
 * What the bin campaign (bench/bin-campaign.ts) found beyond the twelve classes of issue #18: bad
 * options located at the option, commander's own refusals as the JSON document, side files (park,
 * mapping, costs, ingest result) read like models (encoding, syntax located), unwritable outputs as
 * exit 2, not a crash or a hang.
 */
const root = resolve(import.meta.dirname, '../..');
const dyeing = join(root, 'datasets/dyeing.json');
const readings = join(root, 'datasets/dyeing-readings.csv');

interface Issue {
  file: string;
  line: number | null;
  path: string;
  option?: string;
  code: string;
  message: string;
}
async function refused(args: string[]): Promise<{ issues: Issue[]; stderr: string }> {
  const r = await runCli([...args, '--json']);
  expect(r.code, r.stderr).toBe(2);
  const doc = JSON.parse(r.stdout);
  expect(doc.error).toBe('unusable input');
  return { issues: doc.issues, stderr: r.stderr };
}

describe('a bad option is located at the option, in the file it applies to', () => {
  const cases: [string[], string, string][] = [
    [['check', dyeing, '--level', '0'], '--level', dyeing],
    [['check', dyeing, '--layer', 'steam'], '--layer', dyeing],
    [['reconcile', dyeing, '--alpha', '2'], '--alpha', dyeing],
    [['reconcile', dyeing, '--layer', 'steam'], '--layer', dyeing],
    [['depth', dyeing, '--acceptance', 'Z'], '--acceptance', dyeing],
    [['advise', dyeing, '--target', 'best'], '--target', dyeing],
    [['advise', dyeing, '--for', 'beauty'], '--for', dyeing],
    [['carbon', dyeing, '--grid-series', 'x'], '--grid-series', dyeing],
    [['carbon', dyeing, '--grid-year', 'abc'], '--grid-year', dyeing],
    [['compare', dyeing, dyeing, '--rules', 'beijing'], '--rules', dyeing],
    [['compare', dyeing, dyeing, '--cost-limit', '-5'], '--cost-limit', dyeing],
    [['ingest', readings, '--kind', 'delta'], '--kind', readings],
    [['ingest', readings, '--tz', 'Mars/Phobos'], '--tz', readings],
    [['ingest', readings, '--encoding', 'latin1'], '--encoding', readings],
    [['check', dyeing, '--readings', readings, '--tz', '+08:00'], '--tz', readings],
  ];
  it.each(cases)('%j', async (args, option, file) => {
    const { issues, stderr } = await refused(args);
    expect(issues).toEqual([expect.objectContaining({ file, line: null, path: option, option })]);
    expect(stderr).toContain(`${file}: `);
    expect(stderr).toContain(option);
  });

  it('a value that is not a number is echoed as typed, never as NaN', async () => {
    const { issues } = await refused(['ingest', readings, '--gap-minutes', 'abc']);
    expect(issues[0]!.message).toBe('--gap-minutes 应为 (0, 52704000]，实际为 "abc"');
  });
});

describe("commander's refusals are the same document under --json", () => {
  it.each([
    [['check', dyeing, '--bogus'], '--bogus', 'commander.unknownOption'],
    [['report', dyeing], '--out', 'commander.missingMandatoryOptionValue'],
    [['check', dyeing, '--lang', 'fr'], '--lang', 'commander.invalidArgument'],
  ])('%j', async (args, option, code) => {
    const { issues } = await refused(args);
    expect(issues).toEqual([expect.objectContaining({ file: dyeing, path: option, option, code })]);
  });

  it('a missing argument: located at the command line', async () => {
    const { issues } = await refused(['check']);
    expect(issues).toEqual([
      expect.objectContaining({ file: '(command line)', path: '(command line)', code: 'commander.missingArgument' }),
    ]);
  });
});

describe('outputs that cannot be written: exit 2 naming the path, never a crash or a hang', () => {
  it('ingest --write into a directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pingheng-write-'));
    const { issues } = await refused(['ingest', readings, '--model', dyeing, '--write', dir]);
    expect(issues).toEqual([expect.objectContaining({ file: dir, option: '--write', code: 'cli.unwritable' })]);
  });

  it('report --out under /proc answers at once (Node 20 mkdir -p never returns there)', () => {
    const r = spawnSync(
      process.execPath,
      [join(root, 'bin/pingheng.js'), 'report', dyeing, '--out', '/proc/pingheng/x', '--no-png', '--json'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).issues).toEqual([
      expect.objectContaining({ file: '/proc/pingheng/x', option: '--out', code: 'report.cli.unwritable' }),
    ]);
  }, 90_000);
});

describe('side files are read like models: encoding, syntax and entries located', () => {
  it('a mapping: an entry that is not a string and a meter the model lacks, each at its line', async () => {
    const mapping = tempFile('{\n  "MW01": "MW01",\n  "x": 3,\n  "y": "NOPE"\n}\n');
    const { issues } = await refused(['ingest', readings, '--model', dyeing, '--mapping', mapping]);
    expect(issues).toEqual([
      expect.objectContaining({ file: mapping, line: 3, path: 'x', code: 'readings.mappingShape' }),
      expect.objectContaining({ file: mapping, line: 4, path: 'y', code: 'readings.mappingUnknownMeter' }),
    ]);
  });

  it('a mapping CSV in GB18030: the Chinese column name is decoded, the meter found', async () => {
    // the dyeing readings with the MW01 column renamed 1号进水 (GB18030), mapped back to MW01
    const csv = readFileSync(readings, 'utf8').replace('MW01', '1号进水');
    const renamed = tempFile(csv, '.csv');
    const mapping = tempFile(encodeGb18030('column,meter\n1号进水,MW01\n'), '.csv');
    const r = await runCli(['ingest', renamed, '--model', dyeing, '--mapping', mapping, '--json']);
    expect(r.code, r.stderr).toBeLessThan(2);
    const mw01 = JSON.parse(r.stdout).meters.find((m: { id: string }) => m.id === 'MW01');
    expect(mw01.column).toBe('1号进水');
  });

  it('a cost table and an ingest result with a syntax error: line and column', async () => {
    const costs = tempFile('{\n  "source": "报价",\n  "add": 5,\n}');
    expect((await refused(['advise', dyeing, '--costs', costs])).issues).toEqual([
      expect.objectContaining({ file: costs, line: 3, column: 11, code: 'json.trailingComma' }),
    ]);
    const ingest = tempFile('{"window": {"longestContinuousHours": 80}');
    expect((await refused(['depth', dyeing, '--ingest', ingest])).issues).toEqual([
      expect.objectContaining({ file: ingest, line: 1, code: 'json.unexpectedEnd' }),
    ]);
  });

  it('a park file and a member model in GB18030: names intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pingheng-park-'));
    const m = plant();
    m.name = '国标编码厂';
    writeFileSync(join(dir, 'a.json'), encodeGb18030(JSON.stringify(m, null, 2)));
    const park = { name: '编码园区', members: [{ id: 'a', model: 'a.json' }], links: [] };
    writeFileSync(join(dir, 'park.json'), encodeGb18030(JSON.stringify(park, null, 2)));
    const r = await runCli(['park', join(dir, 'park.json'), '--no-metering', '--json']);
    expect(r.code, r.stderr).toBeLessThan(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.park.name).toBe('编码园区');
    expect(JSON.stringify(doc)).toContain('国标编码厂');
  });

  it('advise for the key grade of a model without an audit focus: located at nodes', async () => {
    const m = plant();
    const file = tempFile(JSON.stringify(m, null, 2));
    const { issues } = await refused(['advise', file, '--target', 'key']);
    expect(issues).toEqual([expect.objectContaining({ file, line: 3, path: 'nodes', code: 'advice.noFocus' })]);
  });
});
