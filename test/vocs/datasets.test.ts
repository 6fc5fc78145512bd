import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraph, checkModel, parseModel } from '../../src/index.ts';
import { runCli } from '../core/cli-helpers.ts';

const load = (name: string) => {
  const file = `datasets/${name}.json`;
  return checkModel(buildGraph(parseModel(readFileSync(file, 'utf8'), file).model));
};

describe('datasets/coating.json — figures of datasets/README.md', () => {
  const r = load('coating');
  const v = r.vocs!;
  const unit = (id: string) => v.units.find((u) => u.node === id)!;

  it('raw materials: quantity × lab VOCs content', () => {
    // 2 400 × 34.6 % + 480 × 99.5 % + 1 800 × 44.8 % + 540 × 99.5 % + 196 × 99.8 %
    expect(v.total.input).toBeCloseTo(830.4 + 477.6 + 806.4 + 537.3 + 195.608, 9);
    expect(v.materials.map((m) => m.flow)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
    expect(v.materials[0]).toMatchObject({ quantity: 2400, quantityUnit: 'kg', contentSource: 'lab' });
    expect(v.materials[0]!.content).toBeCloseTo(0.346, 12);
    expect(v.total.recoveredReused).toBeCloseTo(330 * 0.99, 9);
  });

  it('booth 1: generated = paint + cleaning solvent − wet film to the oven − paint waste − waste solvent', () => {
    const b = unit('booth1');
    // 2 862 × 45.1 % + 250 × 99.4 % − 213.0 − 807 × 5 % − 210 × 93 %
    expect(b.generated).toBeCloseTo(1290.762 + 248.5 - 213.0 - 40.35 - 195.3, 9); // 1 090.612
    expect(b.captured).toBeCloseTo(1090.612 * 0.9, 9);
    expect(b.fugitive).toBeCloseTo(1090.612 * 0.1, 9);
    expect(b.organised).toBeCloseTo(1090.612 * 0.9 * 0.03, 9);
  });

  it('every unit, the RTO and the totals', () => {
    expect(unit('mix').generated).toBeCloseTo(3174.008 - 3133.504, 9); // 40.504
    expect(unit('booth2').generated).toBeCloseTo(1325.862 + 268.38 - 218.8 - 26.2 - 212.04, 9); // 1 137.202
    expect(unit('oven').generated).toBeCloseTo(431.8 - 1419 * 0.005, 9); // 424.705
    expect(unit('still')).toMatchObject({ captureEfficiency: 0, captured: 0 });
    expect(unit('still').generated).toBeCloseTo(407.34 - 326.7 - 72.6, 9); // 8.04
    const captured = 40.504 * 0.75 + 1090.612 * 0.9 + 1137.202 * 0.9 + 424.705 * 0.95; // 2 438.880 35
    expect(v.total.generated).toBeCloseTo(40.504 + 1090.612 + 1137.202 + 424.705 + 8.04, 9); // 2 701.063
    expect(v.total.captured).toBeCloseTo(captured, 9);
    expect(v.total.destroyed).toBeCloseTo(captured * 0.97, 9);
    expect(v.total.organised).toBeCloseTo(captured * 0.03, 9); // 73.166
    expect(v.total.fugitive).toBeCloseTo(2701.063 - captured, 9); // 262.183
    expect(v.total.emitted).toBeCloseTo(captured * 0.03 + 2701.063 - captured, 9); // 335.349
    expect(v.total.residual).toBeCloseTo(0, 9);
    const rto = v.treatments[0]!;
    expect(rto).toMatchObject({ node: 'rto', monitored: 76.5, status: 'pass', technology: 'zeolite-rto' });
    expect(rto.relative).toBeCloseTo((76.5 - captured * 0.03) / (captured * 0.03), 9); // +4.6 %
  });

  it('per m² and per year (6 000 h / 72 h)', () => {
    const p = v.perProduct[0]!;
    expect(p.generated).toBeCloseTo(2701.063 / 10800, 9); // 0.250 kg/m²
    expect(p.emitted).toBeCloseTo(335.34906 / 10800, 7); // 0.0311 kg/m²
    expect(v.annual!.emitted).toBeCloseTo((335.34906 * 6000) / 72 / 1000, 6); // 27.9 t/a
  });

  it('check exits 0: every balance closes, the stack agrees with the balance', async () => {
    expect(r.summary).toMatchObject({ ok: true, open: 0, indeterminate: 0 });
    const cli = await runCli(['check', 'datasets/coating.json', '--json']);
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout).vocs.total.generated).toBeCloseTo(2701.063, 9);
  });
});

describe('datasets/coating-after.json — low-VOCs coatings and a capture upgrade', () => {
  const before = load('coating').vocs!;
  const after = load('coating-after').vocs!;

  it('generation and emission go down; capture goes up', () => {
    // water-borne primer 3 020 kg × 7.8 %, high-solids topcoat 1 423 × 30 %, thinner 142 × 99.5 %, fresh solvent 83 × 99.8 %
    expect(after.total.input).toBeCloseTo(235.56 + 426.9 + 141.29 + 82.834, 9);
    expect(after.total.generated).toBeCloseTo(20.008 + 164.38 + 494.006 + 135.32 + 4.14, 6); // 817.854
    expect(after.total.generated! / before.total.generated!).toBeLessThan(0.31); // −69.7 %
    expect(after.total.emitted! / before.total.emitted!).toBeLessThan(0.21); // −79.4 %
    expect(after.total.captureRate!).toBeGreaterThan(before.total.captureRate!);
    expect(after.perProduct[0]!.emitted!).toBeLessThan(before.perProduct[0]!.emitted!);
    expect(after.treatments[0]!.status).toBe('pass');
  });
});
