/**
 * Builds the static site with vite's API, serves it from 127.0.0.1 with a tiny node:http server
 * (recording every request it receives) and launches Debian's Chromium through playwright-core.
 * Shared by the end-to-end tests and bench/web.ts.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const ROOT = resolve(import.meta.dirname, '../..');

export const hasChromium = () => existsSync(CHROMIUM);

/** Builds the site into a fresh temporary directory (never touching dist/ of a running dev). */
export async function buildSite(
  outDir = join(tmpdir(), `pingheng-web-${process.pid}`),
  sourcemap = false,
): Promise<string> {
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    root: join(ROOT, 'web'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap },
    ...(sourcemap ? { worker: { format: 'es' as const, rollupOptions: { output: { sourcemap: true } } } } : {}),
  });
  return outDir;
}

/**
 * The site built once for a whole test run and shared by every test file that serves it (each
 * build takes 5–15 s): the first worker to ask builds it, the others wait on a lock. The directory
 * belongs to the run (named by the vitest main process, the workers' parent) and is removed by
 * test/global-setup.ts afterwards; tests only read it.
 */
export async function sharedSite(): Promise<string> {
  const dir = sharedSiteDir(process.ppid);
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(join(dir, '.built'))) return dir;
    try {
      mkdirSync(lock);
    } catch {
      // a build that died holding the lock leaves it: taken over after 5 minutes
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 300_000)
        rmSync(lock, { force: true, recursive: true });
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    try {
      if (!existsSync(join(dir, '.built'))) {
        await buildSite(dir);
        writeFileSync(join(dir, '.built'), '');
      }
    } finally {
      rmSync(lock, { force: true, recursive: true });
    }
  }
}

/** Where the run of vitest main process `pid` keeps its shared site. */
export const sharedSiteDir = (pid: number) => join(tmpdir(), `pingheng-web-shared-${pid}`);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  url: string;
  /** Paths requested so far, in order. */
  requests: string[];
  /** When each of them was requested (Date.now()). */
  times: number[];
  close(): Promise<void>;
}

export function serve(dir: string): Promise<StaticServer> {
  const requests: string[] = [];
  const times: number[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    times.push(Date.now());
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      ok({
        url: `http://127.0.0.1:${port}/`,
        requests,
        times,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    }),
  );
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Issue 13's budget for the JS fetched before the first diagram (page and worker), KB gzip. */
export const FIRST_DIAGRAM_JS_KB = 120;

/** One fresh load of the default plant: its first diagram's time and the scripts fetched before it. */
export interface FirstDiagram {
  /** Navigation start → diagram drawn, ms. */
  render: number;
  /** Navigation start → DOMContentLoaded, ms (reference). */
  dcl: number;
  /** The script files (site paths) the page and its worker requested before the diagram was drawn. */
  scripts: string[];
}

/** Loads the served site in a fresh context (no cache) and waits for its first diagram. */
export async function loadFirstDiagram(browser: Browser, server: StaticServer): Promise<FirstDiagram> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const first = server.requests.length;
    await page.goto(server.url);
    await page.waitForSelector('body[data-view] #sankey svg');
    const m = await page.evaluate(() => {
      const render = (window as unknown as { __pinghengFirstRender: number }).__pinghengFirstRender;
      return {
        render,
        drawnAt: performance.timeOrigin + render,
        dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
      };
    });
    const scripts = new Set<string>();
    for (let k = first; k < server.requests.length; k++)
      if (server.times[k]! <= m.drawnAt && server.requests[k]!.endsWith('.js')) scripts.add(server.requests[k]!);
    return { render: m.render, dcl: m.dcl, scripts: [...scripts] };
  } finally {
    await context.close();
  }
}

/** Bytes of a site file (a path as served, e.g. /assets/worker-x.js) after node:zlib's gzip at the default level. */
export const gzipBytes = (dir: string, path: string) => gzipSync(readFileSync(join(dir, path))).length;

/** A built site, served, open in Chromium at its first diagram, with the page's console errors collected. */
export interface OpenedSite {
  page: Page;
  /** Console errors and uncaught exceptions of the page so far. */
  problems: string[];
  close(): Promise<void>;
}

/** A site already built in `dir` (e.g. the run's sharedSite()), served and opened; closing leaves `dir`. */
export async function openBuilt(dir: string): Promise<OpenedSite & { server: StaticServer }> {
  const server = await serve(dir);
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(server.url);
  await page.waitForSelector('#sankey svg');
  return {
    page,
    problems,
    server,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
