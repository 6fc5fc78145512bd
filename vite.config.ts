import { readFileSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * The built site forbids every network request: the page and its worker load from the same
 * origin, and nothing can be fetched, posted or opened afterwards (connect-src 'none').
 * Only in the build: the dev server needs inline styles and a websocket for hot reload.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'pingheng-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(
          '<head>',
          `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
        ),
    },
  };
}

/**
 * The first screen needs the messages of a few domains only: in each bundle, src/i18n/index.ts
 * gets empty stand-ins for the other domains, registered with loadAllMessages() once the first
 * diagram is drawn (src/i18n/all.ts imports the real ones).
 *
 * - The page draws the diagram, the controls and the balance tables: it keeps model, balance,
 *   cli, web, figure, names and sankey.
 * - The worker parses the plant, checks it and lays out the diagram: it keeps model (the load's
 *   issues), balance, names and sankey. A request that finds a message missing before the rest
 *   is loaded is answered again after it (web/worker.ts), so no raw key is ever shown.
 */
const PAGE_LATER = ['advice', 'metering', 'park', 'periods', 'readings', 'reconcile', 'report', 'results', 'vocs'];
const WORKER_LATER = [...PAGE_LATER, 'cli', 'figure', 'web'];
function laterMessages(domains: string[]): Plugin {
  const STUB = '\0pingheng-later-messages:';
  const later = new RegExp(`^\\./(${domains.join('|')})\\.ts$`);
  return {
    name: 'pingheng-later-messages',
    enforce: 'pre', // before vite's own resolver
    resolveId(source, importer) {
      if (!importer || !/[\\/]src[\\/]i18n[\\/]index\.ts$/.test(importer) || !later.test(source)) return null;
      return STUB + resolvePath(dirname(importer), source);
    },
    load(id) {
      if (!id.startsWith(STUB)) return null;
      const names = [...readFileSync(id.slice(STUB.length), 'utf8').matchAll(/export const (\w+)/g)].map((m) => m[1]);
      return names.map((n) => `export const ${n} = {};`).join('\n');
    },
  };
}

/** Modules that act by being imported: the catalogue's registrations, the styles, the web app's own. */
// Matched against the path inside the project, not the absolute path: a checkout in a folder
// named "web" or "src" would otherwise keep every module, node_modules included.
const ROOT = resolvePath(import.meta.dirname);
const sideEffects = (id: string) => {
  const own = id.startsWith(ROOT) ? id.slice(ROOT.length) : id;
  return /^[\\/]src[\\/]i18n[\\/]|\.css$|^[\\/]web[\\/]/.test(own);
};

// The web app lives in web/; it imports the core only through src/index.ts.
export default defineConfig({
  root: 'web',
  base: './',
  plugins: [contentSecurityPolicy(), laterMessages(PAGE_LATER)],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    rollupOptions: {
      // The page itself needs only the message catalogue from the core (the worker runs the
      // rest): modules whose exports it does not use are dropped, except the catalogue's
      // registrations and the styles, which act by being imported.
      treeshake: { moduleSideEffects: sideEffects },
    },
  },
  // The worker likewise keeps only what it uses, so the analyses it imports lazily (web/worker.ts)
  // leave its first chunk: the JS before the first diagram (npm run bench:web).
  worker: {
    format: 'es',
    plugins: () => [laterMessages(WORKER_LATER)],
    rollupOptions: { treeshake: { moduleSideEffects: sideEffects } },
  },
});
