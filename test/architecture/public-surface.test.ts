/**
 * One public surface (issue 19 item 3): web/ imports the core only through src/index.ts, bench/ also through
 * its Node-only part src/node.ts, the CLI also through a domain's entry — and only names those two files
 * export (public-surface.ts).
 */
import { describe, expect, it } from 'vitest';
import { tsFiles } from './import-graph.ts';
import { surfaceViolations } from './public-surface.ts';

const CLI_FIXTURE = 'test/architecture/fixtures-surface/deep.ts';
const WEB_FIXTURE = 'test/architecture/fixtures-surface/web-deep.ts';

describe('public surface', () => {
  const files = [...tsFiles('web'), ...tsFiles('bench'), ...tsFiles('src/cli')];
  // One TypeScript program for the repository's files and the two fixtures (building one takes seconds).
  const all = surfaceViolations([...files, CLI_FIXTURE, WEB_FIXTURE], (f) =>
    f.startsWith('src/cli/') || f === CLI_FIXTURE ? 'cli' : f.startsWith('bench/') ? 'bench' : 'web',
  );
  const shown = (file: string) => all.filter((v) => v.file === file).map((v) => `${v.line} ${v.problem}`);

  it('web/, bench/ and src/cli/ import only the public API (the CLI also domain entries, public names only)', () => {
    const real = all.filter((v) => v.file !== CLI_FIXTURE && v.file !== WEB_FIXTURE);
    expect(real.map((v) => `${v.file}:${v.line} ${v.specifier}: ${v.problem}`)).toEqual([]);
  });

  it('finds a forbidden import (the check can fail)', () => {
    // as the CLI: an internal module, then an entry's names that src/index.ts does not export (a value, a type)
    expect(shown(CLI_FIXTURE)).toEqual([
      '3 not the public API or a domain entry',
      '4 not in the public API: readingsDefaults, SeriesSpec',
    ]);
    // as the web: a domain entry at all, and the Node-only part of the API
    expect(shown(WEB_FIXTURE)).toEqual([
      '2 not the public API or a domain entry',
      '3 not the public API or a domain entry',
    ]);
  });
});
