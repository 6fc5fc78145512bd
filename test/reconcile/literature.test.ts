import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { networkFromIncidence } from '../../src/reconcile/network.ts';
import { reconcileLinear } from '../../src/reconcile/linear.ts';
import { serialElimination } from '../../src/reconcile/gross-errors.ts';

/** The 16 literature problems, vendored as fixtures (sources in fixtures/dr-literature/README.md). */
const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, 'fixtures/dr-literature');

interface Problem {
  id: string;
  source: string;
  incidence: number[][];
  measured: number[];
  variance: number[];
  reference: { reconciled: number[]; globalTestChi2: number; degreesOfFreedom: number };
}
const problems: Problem[] = readdirSync(dir)
  .filter((f) => /^P\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Problem)
  .sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));

const problem = (p: Problem) => ({
  network: networkFromIncidence(p.incidence),
  measured: Float64Array.from(p.measured),
  sd: Float64Array.from(p.variance, Math.sqrt),
});

describe('literature problems (test/reconcile/fixtures/dr-literature)', () => {
  it('has all 16 problems', () =>
    expect(problems.map((p) => p.id)).toEqual(Array.from({ length: 16 }, (_, i) => `P${i + 1}`)));

  for (const p of problems) {
    it(`${p.id}: reconciled values to 1e-6 relative, χ² to 1e-6, dof`, () => {
      const res = reconcileLinear(problem(p));
      for (const [j, ref] of p.reference.reconciled.entries()) {
        expect(Math.abs(res.reconciled[j]! - ref) / Math.abs(ref)).toBeLessThan(1e-6);
      }
      expect(Math.abs(res.chi2 - p.reference.globalTestChi2) / p.reference.globalTestChi2).toBeLessThan(1e-6);
      expect(res.dof).toBe(p.reference.degreesOfFreedom);
    });
  }

  // What serial elimination names (docs/reconcile.md compares this with the papers).
  const expected: Record<string, string[]> = {
    P5: ['S1'],
    P10: ['S6', 'S8'],
    P11: ['S9'],
    P13: ['S16', 'S7'],
    P14: ['S19'],
  };
  for (const [id, firstSuspects] of Object.entries(expected)) {
    it(`${id}: fails the global test and names ${firstSuspects.join(', ')} first`, () => {
      const p = problems.find((q) => q.id === id)!;
      const res = serialElimination(problem(p), { alpha: 0.05 });
      expect(res.initial.pass).toBe(false);
      const names = res.steps.filter((s) => s.kind === 'meter').map((s) => `S${s.flow! + 1}`);
      expect(names.slice(0, firstSuspects.length)).toEqual(firstSuspects);
      expect(res.final.pass).toBe(true);
    });
  }
  for (const id of ['P2', 'P6', 'P7', 'P8', 'P12', 'P16']) {
    it(`${id}: passes the global test with no suspects`, () => {
      const res = serialElimination(problem(problems.find((q) => q.id === id)!), { alpha: 0.05 });
      expect(res.initial.pass).toBe(true);
      expect(res.steps).toEqual([]);
    });
  }
});
