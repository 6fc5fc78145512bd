#!/usr/bin/env node
/**
 * Compiles the package (docs/architecture.md, "Compiled build"):
 * - JavaScript: esbuild, one output file per source module (dist/js mirrors src/), relative `.ts`
 *   specifiers rewritten to `.js`, packages left as imports. ~0.3 s for the whole tree. This is the
 *   library that `import … from 'pingheng'` loads.
 * - The CLI (dist/cli, run by bin/pingheng.js): one bundle with a chunk per lazily imported command,
 *   its npm packages inside but for the heavy ones loaded on demand. A start then reads ~10 files
 *   instead of ~200 (zod alone is ~60): `check` starts in about two thirds of the time.
 *   dist/cli/inputs.json lists each output file's sources (bench/import-trace.mjs reports them).
 * - Declarations: tsc, which also type-checks the tests, benchmarks and web app in the same pass
 *   (dist/types/src holds the package's .d.ts; the rest of dist/types is a by-product).
 *
 *   node scripts/build.mjs          JavaScript and declarations (npm run build, npm ci's prepare, npm test)
 *   node scripts/build.mjs --js     JavaScript only, and only when a source is newer than the last build
 *
 * bin/pingheng.js and the test setup call ensureBuilt(), so a checkout never runs stale JavaScript.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
export const JS_OUT = join(ROOT, 'dist', 'js');
export const CLI_OUT = join(ROOT, 'dist', 'cli');
/**
 * Packages the CLI bundle leaves to Node: a native binding (resvg), the report's large writers (docx,
 * exceljs: loaded only by `report`) and mathjs (required on demand, for a unit outside the table).
 */
const CLI_EXTERNAL = ['@resvg/resvg-js', 'docx', 'exceljs', 'mathjs'];
const TYPES_OUT = join(ROOT, 'dist', 'types');
const STAMP = join(JS_OUT, '.built');
const LOCK = join(ROOT, 'dist', '.building');
/** A lock older than this is taken to be left by a build that died, ms. */
const STALE_LOCK_MS = 30_000;

/** Every file under a directory, with its modification time. */
function walk(dir) {
  const files = [];
  for (const name of readdirSync(dir, { recursive: true })) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isFile()) files.push({ path, mtimeMs: st.mtimeMs });
  }
  return files;
}

/** True when dist/js was built after the last change to src/ and to this script. */
export function isFresh() {
  let built;
  try {
    built = statSync(STAMP).mtimeMs;
  } catch {
    return false;
  }
  const self = statSync(fileURLToPath(import.meta.url)).mtimeMs;
  return self <= built && walk(SRC).every((f) => f.mtimeMs <= built);
}

/** esbuild's bundler with every import external: a per-module transpile that can rewrite specifiers. */
const perModule = {
  name: 'per-module',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) =>
      args.kind === 'entry-point' ? undefined : { path: args.path.replace(/\.ts$/, '.js'), external: true },
    );
  },
};

/** Compiles src/**\/*.ts to dist/js. */
export async function buildJs() {
  const started = Date.now();
  const { build } = await import('esbuild');
  const entryPoints = walk(SRC)
    .map((f) => f.path)
    .filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts'));
  await build({
    entryPoints,
    outdir: JS_OUT,
    outbase: SRC,
    bundle: true,
    packages: 'external',
    plugins: [perModule],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    charset: 'utf8',
    logLevel: 'warning',
  });
  await buildCli(build);
  writeFileSync(STAMP, '');
  // the stamp carries the start time: a source saved during the build makes the next run rebuild
  utimesSync(STAMP, started / 1000, started / 1000);
}

/**
 * The CLI bundle. Chunks sit beside the entries (no sub-directory), so `new URL('./x.js', import.meta.url)`
 * in any chunk finds the meter thread's worker as it does in src/. The directory is emptied first: chunk
 * names carry a content hash.
 */
async function buildCli(build) {
  rmSync(CLI_OUT, { recursive: true, force: true });
  const { metafile } = await build({
    // named outputs, both at the top of dist/cli whatever directories their sources sit in
    entryPoints: {
      main: join(SRC, 'cli', 'main.ts'),
      'wide-meters-worker': join(SRC, 'readings', 'wide-meters-worker.ts'),
    },
    outdir: CLI_OUT,
    bundle: true,
    splitting: true,
    chunkNames: '[name]-[hash]',
    external: CLI_EXTERNAL,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    charset: 'utf8',
    metafile: true,
    absWorkingDir: ROOT, // the metafile's paths are relative to the package root
    // CommonJS packages inside (commander, papaparse, jstat) require Node's built-ins
    banner: {
      js: "import { createRequire as __pinghengRequire } from 'node:module'; const require = __pinghengRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  // { "check-XXXX.js": ["src/cli/commands/check.ts", "node_modules/zod/v4/core/core.js", …] }
  const inputs = {};
  for (const [file, out] of Object.entries(metafile.outputs))
    if (file.endsWith('.js')) inputs[relative(CLI_OUT, join(ROOT, file))] = Object.keys(out.inputs);
  writeFileSync(join(CLI_OUT, 'inputs.json'), `${JSON.stringify(inputs, null, 1)}\n`);
}

/**
 * Rebuilds dist/js and dist/cli if a source is newer; one process builds while others wait for it (tests and
 * commands started at once in a fresh checkout).
 */
export async function ensureBuilt() {
  if (isFresh()) return;
  mkdirSync(dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      let age = 0;
      try {
        age = Date.now() - statSync(LOCK).mtimeMs;
      } catch {
        continue; // released just now
      }
      if (age > STALE_LOCK_MS) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      await new Promise((r) => setTimeout(r, 50));
      if (isFresh()) return;
    }
  }
  try {
    if (!isFresh()) await buildJs();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Declarations (and the type check of the whole tree) through tsc; `.ts` specifiers become `.js`. */
function buildTypes() {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], {
    stdio: 'inherit',
    cwd: ROOT,
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
  for (const { path } of walk(join(TYPES_OUT, 'src'))) {
    if (!path.endsWith('.d.ts')) continue;
    const text = readFileSync(path, 'utf8');
    const fixed = text.replace(/((?:from|import)\s*\(?\s*['"]\.\.?\/[^'"]*)\.ts(['"])/g, '$1.js$2');
    if (fixed !== text) writeFileSync(path, fixed);
  }
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  if (process.argv.includes('--js')) {
    await ensureBuilt();
  } else {
    await ensureBuilt();
    buildTypes();
  }
}
