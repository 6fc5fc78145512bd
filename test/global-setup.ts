import { rmSync } from 'node:fs';
import { ensureBuilt } from '../scripts/build.mjs';
import { sharedSiteDir } from './web/site.ts';

/**
 * Before any test: the compiled JavaScript is rebuilt if a source changed since the last build, so
 * the tests that run bin/pingheng.js or import dist/ run what a user would (npm test also builds).
 * After the run: the web site the browser tests shared (test/web/site.ts, sharedSite) is removed.
 */
export default async function setup(): Promise<() => void> {
  await ensureBuilt();
  return () => rmSync(sharedSiteDir(process.pid), { recursive: true, force: true });
}
