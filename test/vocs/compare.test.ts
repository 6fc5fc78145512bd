import { describe, expect, it } from 'vitest';
import { runCli } from '../core/cli-helpers.ts';

/**
 * Before/after through `pingheng compare` (docs/results.md): the low-VOCs substitution and the capture
 * upgrade of datasets/coating-after.json show as reductions in VOCs generation and discharge.
 * A node with a VOCs removal efficiency is a treatment unit there, so generation = captured into the
 * RTO + fugitive = the VOCs table's generated; discharge = fugitive + the stack as monitored.
 */
describe('compare datasets/coating.json datasets/coating-after.json', () => {
  it('VOCs generation and discharge go down, in total, per m² and per year', async () => {
    const r = await runCli(['compare', 'datasets/coating.json', 'datasets/coating-after.json', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const vocs = JSON.parse(r.stdout).savings.pollutants.VOCs;
    const gen = vocs.generation.total;
    // generated (datasets/README.md): 40.504 + 1 090.612 + 1 137.202 + 424.705 + 8.04 = 2 701.063 kg before;
    // 20.008 + 164.38 + 494.006 + 135.32 + 4.14 = 817.854 kg after
    expect(gen.unit).toBe('t');
    expect(gen.before.period).toBeCloseTo(2.701063, 6);
    expect(gen.after.period).toBeCloseTo(0.817854, 6);
    expect(gen.saved).toBeCloseTo(2.701063 - 0.817854, 6);
    expect(gen.savedPerYear).toBeCloseTo(((2.701063 - 0.817854) * 6000) / 72, 4);
    expect(gen.rate).toBeCloseTo(0.817854 / 2.701063 - 1, 9); // −69.7 %
    // discharge: fugitive 262.18 + stack 76.5 (monitored) before; 45.83 + 24.3 after
    const dis = vocs.discharge.total;
    expect(dis.before.period).toBeCloseTo((262.18265 + 76.5) / 1000, 6);
    expect(dis.after.period).toBeCloseTo((45.8261 + 24.3) / 1000, 6);
    expect(dis.rate).toBeLessThan(-0.79);
    const perUnit = vocs.generation.perUnit.terms[0];
    expect(perUnit).toMatchObject({ product: 'cabinet-parts', unit: 't/m2', outputBefore: 10800, outputAfter: 10800 });
    expect(perUnit.before).toBeCloseTo(2.701063 / 10800, 12);
    expect(perUnit.after).toBeCloseTo(0.817854 / 10800, 12);
  });
});
