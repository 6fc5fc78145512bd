#!/usr/bin/env node
// Runs the compiled CLI (dist/cli, bundled by `npm ci`'s prepare step). In a checkout — scripts/ and src/
// beside this file — the JavaScript is rebuilt first when a source is newer than the last build, so a
// checkout is always what runs (a few ms to check; ~0.3 s to rebuild).
import { existsSync } from 'node:fs';

if (existsSync(new URL('../scripts/build.mjs', import.meta.url))) {
  const { ensureBuilt } = await import('../scripts/build.mjs');
  await ensureBuilt();
}
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv);
