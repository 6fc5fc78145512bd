import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildGraph, checkModel, parseModel } from '../../src/index.ts';

/**
 * The package as users get it: the compiled JavaScript of dist/js, run by plain Node (no loader),
 * imported by its name through package.json's exports, with the declarations of dist/types.
 */
const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'pingheng-package-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const node = (args: string[], cwd = root) => spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
const dyeing = readFileSync(join(root, 'datasets/dyeing.json'), 'utf8');

describe('the compiled package', () => {
  it("`import … from 'pingheng'` works from plain Node and computes what the sources do", () => {
    const script = join(dir, 'use.mjs');
    writeFileSync(
      script,
      `import { readFileSync } from 'node:fs';
       import { buildGraph, checkModel, parseModel } from 'pingheng';
       const loaded = parseModel(readFileSync('datasets/dyeing.json', 'utf8'), 'dyeing.json');
       process.stdout.write(JSON.stringify(checkModel(buildGraph(loaded.model))));`,
    );
    // resolved as a dependant resolves it: node_modules/pingheng (a link to this checkout), then "exports"
    const link = join(dir, 'node_modules');
    mkdirSync(link);
    symlinkSync(root, join(link, 'pingheng'));
    const r = node([script]);
    expect(r.stderr).toBe('');
    const expected = checkModel(buildGraph(parseModel(dyeing, 'dyeing.json').model));
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(readFileSync(join(root, 'dist/js/index.js'), 'utf8')).not.toMatch(/from ["']\.[^"']*\.ts["']/);
  });

  it('bin/pingheng.js runs the compiled CLI: exit 1 and the JSON of a plant with an open balance', () => {
    const r = node([join(root, 'bin/pingheng.js'), 'check', 'datasets/plating.json', '--json']);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.ok).toBe(false);
    expect(doc.summary.open).toBeGreaterThan(0);
  });

  it('the meter thread of wide readings runs compiled: the same totals as one thread', () => {
    const meters = 12; // over the thread's minimum of 8 columns
    const lines = [`time,${Array.from({ length: meters }, (_, k) => `M${k}`).join(',')}`];
    for (let i = 0; i < 500; i++) {
      const hh = String(Math.floor(i / 60)).padStart(2, '0');
      const mm = String(i % 60).padStart(2, '0');
      lines.push(
        `2026-03-01 ${hh}:${mm},${Array.from({ length: meters }, (_, k) => (k + 1) * i + (i % 7) / 10).join(',')}`,
      );
    }
    const csv = join(dir, 'wide.csv');
    writeFileSync(csv, `${lines.join('\n')}\n`);
    const script = join(dir, 'thread.mjs');
    writeFileSync(
      script,
      `import { fileSource } from '${root}dist/js/cli/readings-io.js';
       import { threadedWideMeters } from '${root}dist/js/readings/wide-meters-thread.js';
       import { ingestReadings } from '${root}dist/js/readings/ingest.js';
       const file = ${JSON.stringify(csv)};
       const one = await ingestReadings(fileSource(file), { file });
       let used = false;
       const factory = (...a) => { const m = threadedWideMeters(...a); used = m !== undefined; return m; };
       const two = await ingestReadings(fileSource(file), { file, wideMeters: factory });
       process.stdout.write(JSON.stringify({ used, same: JSON.stringify(one.meters) === JSON.stringify(two.meters), totals: two.meters.map((m) => m.total) }));`,
    );
    const r = node([script]);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.used).toBe(true);
    expect(out.same).toBe(true);
    // M0 climbs 1 per row: from 0.0 to 499 + 2/10 over 500 rows
    expect(out.totals[0]).toBeCloseTo(499.2, 9);
  });

  it('the bundled CLI (dist/cli) starts the meter thread of a large wide file from its own directory', () => {
    // over THREAD_MIN_BYTES (16 MiB, src/cli/wide-meters-thread.ts) of 10 meters: one row a minute
    const meters = 10;
    const lines = [`time,${Array.from({ length: meters }, (_, k) => `M${k}`).join(',')}`];
    const start = Date.UTC(2026, 0, 1);
    const rows = 230_000;
    for (let i = 0; i < rows; i++) {
      const stamp = new Date(start + i * 60_000).toISOString().slice(0, 16).replace('T', ' ');
      lines.push(`${stamp},${Array.from({ length: meters }, (_, k) => (k + 1) * i).join(',')}`);
    }
    const csv = join(dir, 'large.csv');
    writeFileSync(csv, `${lines.join('\n')}\n`);
    const trace = join(dir, 'large-trace.txt');
    const r = spawnSync(
      process.execPath,
      ['--import', join(root, 'bench/import-trace.mjs'), join(root, 'bin/pingheng.js'), 'ingest', csv, '--json'],
      { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, PINGHENG_TRACE: trace } },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(trace, 'utf8')).toContain(`${root}dist/cli/wide-meters-worker.js`);
    const doc = JSON.parse(r.stdout);
    expect(doc.meters).toHaveLength(meters);
    // M1 climbs 2 per row: (rows − 1) · 2 over the file
    expect(doc.meters[1].total).toBe((rows - 1) * 2);
  });

  it('its declarations type a dependant (tsc, module nodenext)', () => {
    const types = join(root, 'dist/types/src/index.d.ts');
    expect(existsSync(types), 'dist/types is built by npm run build (npm test runs it first)').toBe(true);
    const project = join(dir, 'typed');
    mkdirSync(join(project, 'node_modules'), { recursive: true });
    symlinkSync(root, join(project, 'node_modules/pingheng'));
    for (const dep of ['zod', '@types'])
      symlinkSync(join(root, 'node_modules', dep), join(project, 'node_modules', dep));
    writeFileSync(join(project, 'package.json'), '{ "type": "module" }');
    writeFileSync(
      join(project, 'use.ts'),
      `import { buildGraph, checkModel, parseModel, type CheckResult } from 'pingheng';
       const r: CheckResult = checkModel(buildGraph(parseModel('{}').model));
       const open: number = r.summary.open;
       // @ts-expect-error the summary's counts are numbers
       const wrong: string = r.summary.open;
       export { open, wrong };`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        // skipLibCheck: the package's declarations are used, not re-checked (tsc checks them in the build)
        compilerOptions: {
          module: 'nodenext',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
          lib: ['ES2022', 'DOM'],
        },
        files: ['use.ts'],
      }),
    );
    const r = node([join(root, 'node_modules/typescript/bin/tsc'), '-p', project]);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
