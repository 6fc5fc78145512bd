import { defineConfig } from 'vite';

// The web app lives in web/; it imports the core only through src/index.ts.
export default defineConfig({
  root: 'web',
  base: './',
  build: { outDir: '../dist', emptyOutDir: true },
});
