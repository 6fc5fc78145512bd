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

// The web app lives in web/; it imports the core only through src/index.ts.
export default defineConfig({
  root: 'web',
  base: './',
  plugins: [contentSecurityPolicy()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    rollupOptions: {
      // The page itself needs only the message catalogue from the core (the worker runs the
      // rest): modules whose exports it does not use are dropped, except the catalogue's
      // registrations and the styles, which act by being imported.
      treeshake: { moduleSideEffects: (id: string) => /[\\/]src[\\/]i18n[\\/]|\.css$|[\\/]web[\\/]/.test(id) },
    },
  },
  worker: { format: 'es' },
});
