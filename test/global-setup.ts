import { ensureBuilt } from '../scripts/build.mjs';

/**
 * Before any test: the compiled JavaScript is rebuilt if a source changed since the last build, so
 * the tests that run bin/pingheng.js or import dist/ run what a user would (npm test also builds).
 */
export default async function setup(): Promise<void> {
  await ensureBuilt();
}
