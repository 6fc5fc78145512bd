/**
 * No import cycles in src/ (issue 19 item 7): modules import downward only (docs/architecture.md), so
 * the import graph — `import type` included, since a type-only cycle still ties two modules' meaning
 * together — has no strongly connected component of more than one file.
 */
import { describe, expect, it } from 'vitest';
import { importCycles, tsFiles } from './import-graph.ts';

describe('import graph of src/', () => {
  it('has no cycle', () => {
    expect(importCycles(tsFiles('src'))).toEqual([]);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    // readings/types.ts ↔ meter-series.ts was one (type-only); here two test files that import each other.
    expect(importCycles(['test/architecture/fixtures-cycle/a.ts', 'test/architecture/fixtures-cycle/b.ts'])).toEqual([
      ['test/architecture/fixtures-cycle/a.ts', 'test/architecture/fixtures-cycle/b.ts'],
    ]);
  });
});
