/**
 * The layers of docs/architecture.md ("Layers"), checked against the import graph: a folder of src/ imports
 * only folders of lower layers (imports within a folder are free; cycles are cycles.test.ts's). When a
 * module moves or gains an import across layers, this fails: redraw the picture and this table together.
 */
import { describe, expect, it } from 'vitest';
import { importsOf, tsFiles } from './import-graph.ts';

/** Bottom first; the numbers are the drawing's rows. `index` is the files directly in src/ (index.ts, node.ts). */
const LAYERS: Record<string, number> = {
  data: 0,
  text: 0,
  util: 0,
  linalg: 0,
  units: 1,
  i18n: 1,
  model: 2,
  metering: 3,
  readings: 3,
  reconcile: 3,
  vocs: 3,
  balance: 4,
  advice: 4,
  summaries: 6,
  sankey: 5,
  periods: 5,
  results: 6,
  park: 7,
  report: 7,
  index: 8,
  cli: 9,
  web: 9,
};

const folderOf = (file: string) => {
  const m = /^src\/([^/]+)\//.exec(file);
  return m ? m[1]! : file.startsWith('src/') ? 'index' : file.split('/')[0]!;
};

describe('layers', () => {
  const files = [...tsFiles('src'), ...tsFiles('web')];

  it('every folder has a layer', () => {
    expect([...new Set(files.map(folderOf))].filter((f) => !(f in LAYERS))).toEqual([]);
  });

  it('imports go to lower layers only', () => {
    const upward: string[] = [];
    for (const f of files)
      for (const e of importsOf(f)) {
        if (!e.target || !/^(src|web)\//.test(e.target)) continue;
        const [a, b] = [folderOf(f), folderOf(e.target)];
        if (a !== b && !(LAYERS[b]! < LAYERS[a]!))
          upward.push(`${f}:${e.line} → ${e.target} (${a} ${LAYERS[a]} → ${b} ${LAYERS[b]})`);
      }
    expect(upward).toEqual([]);
  });
});
