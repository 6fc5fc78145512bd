import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/index.ts';
import { parseModel } from '../../src/index.ts';
import { csvCase, Rng } from './generate.ts';
import { runCsv } from './invariants.ts';

/**
 * Reliability as a property (issue #18): generated readings CSVs — wide and long, valid and
 * corrupted at the cell, row and byte levels, fed in chunks of random sizes — through the
 * ingester, with and without a model. No throw escapes, every error has its line, rows and values
 * are accounted for exactly, no result is non-finite.
 */
const RUNS = Number(process.env.PINGHENG_PROPERTY_RUNS ?? 1) || 1;
const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });

/** A model declaring the meters of a generated file, with reading kinds and units. */
function modelFor(meters: string[], r: Rng): Model {
  const doc = {
    name: 'm',
    nodes: [{ id: 'P', name: 'P', level: 1 }],
    flows: meters.map((_, k) => ({ id: `F${k}`, from: null, to: 'P', layer: 'water', unit: 't', meter: `X${k}` })),
    meters: meters.map((m, k) => ({
      id: `X${k}`,
      flows: [`F${k}`],
      reading: { kind: r.pick(['cumulative', 'rate', 'interval']), unit: r.pick(['t', 'm3', 'kg']), column: m },
    })),
    ...(r.chance(0.5) ? { campaign: { start: '2026-03-01T00:00:00+08:00', end: '2026-03-02T00:00:00+08:00' } } : {}),
  };
  return parseModel(JSON.stringify(doc), 'm.json').model;
}

describe('generated readings files', () => {
  it('no throw escapes, every error has its line, exact accounting, finite results', async () => {
    const kinds = { valid: 0, cells: 0, rows: 0, bytes: 0 };
    let read = 0;
    await fc.assert(
      fc.asyncProperty(seeds, async (seed) => {
        const r = new Rng(seed);
        const c = csvCase(r);
        kinds[c.kind]++;
        const model = r.chance(0.3) && !c.meters.some((m) => /\s/.test(m)) ? modelFor(c.meters, r) : undefined;
        const run = await runCsv(c.bytes, r, model);
        if (run.outcome === 'loaded') read++;
        expect(run.violations, `seed ${seed} (${c.kind}, ${c.layout})`).toEqual([]);
      }),
      { numRuns: 1000 * RUNS, seed: 18, endOnFailure: true },
    );
    expect(Math.min(...Object.values(kinds))).toBeGreaterThan(100 * RUNS);
    expect(read).toBeGreaterThan(400 * RUNS);
  });
});
