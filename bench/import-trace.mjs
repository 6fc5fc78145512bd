/**
 * Records every module a Node process loads, ESM imports and CommonJS requires alike, one URL or
 * path a line, in the file named by PINGHENG_TRACE:
 *
 *   PINGHENG_TRACE=/tmp/t.txt node --import ./bench/import-trace.mjs bin/pingheng.js --help
 *
 * Used by bench/startup.ts and test/cli/lazy.test.ts to show what a command loads.
 */
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

const file = process.env.PINGHENG_TRACE;
if (file) {
  register(
    `data:text/javascript,${encodeURIComponent(`
      import { appendFileSync } from 'node:fs';
      export async function resolve(specifier, context, next) {
        const r = await next(specifier, context);
        appendFileSync(${JSON.stringify(file)}, r.url + '\\n');
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
