/**
 * Records every module a Node process loads, ESM imports and CommonJS requires alike, one URL or
 * path a line, in the file named by PINGHENG_TRACE:
 *
 *   PINGHENG_TRACE=/tmp/t.txt node --import ./bench/import-trace.mjs bin/pingheng.js --help
 *
 * A file of the CLI bundle (dist/cli) is followed by the sources bundled in it, from dist/cli/inputs.json
 * (scripts/build.mjs), as `bundled: ` and the absolute path: a package bundled into a chunk shows as
 * `bundled: …/node_modules/zod/…`.
 *
 * Used by bench/startup.ts and test/cli/lazy.test.ts to show what a command loads.
 */
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

const file = process.env.PINGHENG_TRACE;
if (file) {
  register(
    `data:text/javascript,${encodeURIComponent(`
      import { appendFileSync, readFileSync } from 'node:fs';
      import { fileURLToPath } from 'node:url';
      const bundles = new Map();
      function bundled(url) {
        const m = /^(file:.*\\/)dist\\/cli\\/([^/]+\\.js)$/.exec(url);
        if (!m) return [];
        const index = new URL('dist/cli/inputs.json', m[1]).href;
        if (!bundles.has(index)) bundles.set(index, JSON.parse(readFileSync(new URL(index), 'utf8')));
        return (bundles.get(index)[m[2]] ?? []).map((p) => 'bundled: ' + fileURLToPath(new URL(p, m[1])));
      }
      export async function resolve(specifier, context, next) {
        const r = await next(specifier, context);
        appendFileSync(${JSON.stringify(file)}, [r.url, ...bundled(r.url)].map((l) => l + '\\n').join(''));
        return r;
      }`)}`,
  );
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    const loaded = load.call(this, request, parent, isMain);
    if (!request.startsWith('node:')) appendFileSync(file, `${Module._resolveFilename(request, parent, isMain)}\n`);
    return loaded;
  };
}
