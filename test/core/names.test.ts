/** Names follow the language: one set of functions for the CLI, the web app and the report (issue 16 item 4). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { carrierName, displayName, flowLabel, kindName, layerName, layerTitle } from '../../src/index.ts';

const datasets = ['dyeing', 'boiler', 'plating'].map(
  (d) =>
    JSON.parse(readFileSync(new URL(`../../datasets/${d}.json`, import.meta.url), 'utf8')) as {
      flows: { carrier?: string; kind?: string }[];
    },
);

describe('names in the user’s language', () => {
  it('a model entity: nameEn in English, name in Chinese, the id only as a last resort', () => {
    const dye = { id: 'dye', name: '染色车间', nameEn: 'Dyeing workshop' };
    expect(displayName(dye, 'en')).toBe('Dyeing workshop');
    expect(displayName(dye, 'zh')).toBe('染色车间');
    expect(displayName({ id: 'x', name: '化料间' }, 'en')).toBe('化料间');
    expect(displayName({ id: 'x' }, 'zh')).toBe('x');
  });

  it('a flow in a table keeps its id beside the name (DO1 and D01 look alike, their names do not)', () => {
    expect(flowLabel({ id: 'D01', name: '总排水', nameEn: 'plant discharge' }, 'en')).toBe('plant discharge (D01)');
    expect(flowLabel({ id: 'DO1', name: '除油槽带出' }, 'zh')).toBe('除油槽带出 (DO1)');
    expect(flowLabel({ id: 'W9' }, 'zh')).toBe('W9');
  });

  it('layers, carriers and kinds by the catalogue, never raw ids in Chinese', () => {
    expect(layerName('water', 'zh')).toBe('水');
    expect(layerName('energy', 'en')).toBe('energy');
    expect(layerName('COD', 'zh')).toBe('COD');
    expect(layerTitle('COD', 'zh')).toBe('污染因子 COD');
    expect(carrierName('fresh-water', 'zh')).toBe('新水');
    expect(carrierName('raw-coal', 'zh')).toBe('原煤');
    expect(carrierName('water', 'zh')).toBe('水');
    expect(carrierName('gypsum', 'zh')).toBe('石膏');
    expect(carrierName('fresh-water', 'en')).toBe('fresh water');
    expect(carrierName('my-own-slurry', 'en')).toBe('my own slurry');
    expect(kindName('exported', 'zh')).toBe('外供');
    expect(kindName('loss', 'en')).toBe('loss');
  });

  it('every carrier and kind of the bundled plants has a Chinese name', () => {
    const cjk = /[\u4e00-\u9fff]/;
    for (const m of datasets)
      for (const f of m.flows) {
        if (f.carrier) expect(carrierName(f.carrier, 'zh'), f.carrier).toMatch(cjk);
        if (f.kind) expect(kindName(f.kind, 'zh'), f.kind).toMatch(cjk);
      }
  });
});
