#!/usr/bin/env node
/**
 * Compiles the package (docs/architecture.md, "Compiled build"):
 * - JavaScript: esbuild, one output file per source module (dist/js mirrors src/), relative `.ts`
 *   specifiers rewritten to `.js`, packages left as imports. ~0.3 s for the whole tree.
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
  writeFileSync(STAMP, '');
  // the stamp carries the start time: a source saved during the build makes the next run rebuild
  utimesSync(STAMP, started / 1000, started / 1000);
}

/**
 * Rebuilds dist/js if a source is newer; one process builds while others wait for it (tests and
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
