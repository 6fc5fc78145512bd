import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // generous: the machine is shared, and the browser tests' large plants take ~40 s on a loaded one
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Three workers on the 2-core machine (vitest's default is cores − 1, i.e. one): the browser and
    // CLI tests wait on Chromium and child processes, so a third keeps both cores busy. Test files
    // share a worker's modules (no isolation): importing the core afresh for each of 80 files cost
    // more CPU than the tests themselves (docs/benchmarks.md, "Test suite").
    maxWorkers: 3,
    isolate: false,
  },
});
