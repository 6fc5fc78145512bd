import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Json, modelBytes, modelCase, Rng, randomModel } from './generate.ts';
import { differences, fingerprint, permuted, rescaled, runModel } from './invariants.ts';

/**
 * Reliability as a property (issue #18): generated plant models, valid and corrupted at the byte,
 * JSON and meaning levels, through the loader, the balances, the reconciliation and metering.
 * A few thousand cases here; bench/fuzz.ts runs 10⁵ (docs/benchmarks.md). A failure prints the
 * seed: `new Rng(seed)` and modelCase / randomModel rebuild the input.
 */
const RUNS = Number(process.env.PINGHENG_PROPERTY_RUNS ?? 1) || 1;
const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const settings = (numRuns: number, seed: number) => ({ numRuns: numRuns * RUNS, seed, endOnFailure: true });

describe('generated models (valid and corrupted)', () => {
  it('no throw escapes, every error is located, no result is non-finite, reconciled balances close', () => {
    const kinds = { valid: 0, json: 0, meaning: 0, bytes: 0 };
    let loaded = 0;
    fc.assert(
      fc.property(seeds, (seed) => {
        const c = modelCase(new Rng(seed));
        kinds[c.kind]++;
        const run = runModel(c.bytes);
        if (run.outcome === 'loaded') loaded++;
        expect(run.violations, `seed ${seed} (${c.kind})`).toEqual([]);
      }),
      settings(1000, 18),
    );
    // the generator reaches every level, and corrupted models still load often enough to test the core
    expect(Math.min(...Object.values(kinds))).toBeGreaterThan(100 * RUNS);
    expect(loaded).toBeGreaterThan(150 * RUNS);
  });

  it('valid models load', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const r = new Rng(seed);
        const run = runModel(modelBytes(r, randomModel(r)), { reconcile: false, metering: false });
        expect(run.outcome, `seed ${seed}`).toBe('loaded');
      }),
      settings(200, 181),
    );
  });
});

describe('results are invariant', () => {
  const valid = (seed: number): { r: Rng; doc: Json; base: ReturnType<typeof runModel> } | undefined => {
    const r = new Rng(seed);
    const doc = randomModel(r);
    const base = runModel(modelBytes(r, doc), { metering: false });
    return base.outcome === 'loaded' ? { r, doc, base } : undefined;
  };
  it('under permutation of nodes, flows, meters and keys', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const v = valid(seed);
        if (!v) return;
        const other = runModel(modelBytes(v.r, permuted(v.doc, v.r)), { metering: false });
        expect(differences(fingerprint(v.base), fingerprint(other), `seed ${seed}`)).toEqual([]);
      }),
      settings(250, 1801),
    );
  });
  it('under unit rescaling (t → kg, m³ → L, kWh → MWh …)', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const v = valid(seed);
        if (!v) return;
        const other = runModel(modelBytes(v.r, rescaled(v.doc, v.r)), { metering: false });
        expect(differences(fingerprint(v.base), fingerprint(other), `seed ${seed}`)).toEqual([]);
      }),
      settings(250, 1802),
    );
  });
});
