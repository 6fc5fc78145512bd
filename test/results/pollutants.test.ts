import { describe, expect, it } from 'vitest';
import { compare, plant } from './helpers.ts';

describe('pollutant generation and discharge (kg = m³ × mg/L × 10⁻³)', () => {
  // Base: 8 000 m³ at 1 500 mg/L into the treatment station = 12 000 kg generated; 8 000 m³ at 60 mg/L
  // discharged = 480 kg. Report: 7 000 m³ at 1 400 mg/L = 9 800 kg; 7 000 m³ at 50 mg/L = 350 kg.
  const before = plant({ output: 100, wastewater: 8000, codIn: 1500, codOut: 60 });
  const after = plant({ output: 105, wastewater: 7000, codIn: 1400, codOut: 50 });
  const r = compare(before, after);
  const cod = r.savings.pollutants.COD!;
  it('generation 12 t → 9.8 t: 2.2 t less over the period, 22 t/a (annual factor 7 200 / 720 = 10)', () => {
    expect(cod.generation.total.before.period).toBeCloseTo(12, 9);
    expect(cod.generation.total.after.period).toBeCloseTo(9.8, 9);
    expect(cod.generation.t).toBeCloseTo(2.2, 9);
    expect(cod.generation.perYear.t).toBeCloseTo(22, 9);
  });
  it('discharge 0.48 t → 0.35 t, kept apart from generation', () => {
    expect(cod.discharge!.total.before.period).toBeCloseTo(0.48, 12);
    expect(cod.discharge!.t).toBeCloseTo(0.13, 12);
  });
  it('per unit product: 0.12 t/t → 0.09333 t/t, 12 × 1.05 − 9.8 = 2.8 t at report output', () => {
    expect(cod.generation.perUnit!.terms[0]!.before).toBeCloseTo(0.12, 12);
    expect(cod.generation.perUnit!.saved).toBeCloseTo(2.8, 9);
    const ind = r.indicators.find((i) => i.id === 'generation-per-product:COD:cloth')!;
    expect(ind.rate).toBeCloseTo(9.8 / 105 / 0.12 - 1, 12);
    expect(ind.rule).toBe('pollutants');
  });
  it('wastewater is a stream of its own: 8 000 → 7 000 m³ (t)', () => {
    expect(r.savings.pollutants.wastewater!.generation.t).toBeCloseTo(1000, 9);
    expect(r.table2.find((l) => l.key === 'COD')!.before).toBeCloseTo(120, 9);
    expect(r.table2.find((l) => l.key === 'COD')!.after).toBeCloseTo(22, 9);
  });
  it('a plant without a treatment unit generates what it discharges', () => {
    const untreated = (m: ReturnType<typeof plant>) => ({
      ...m,
      nodes: m.nodes.map((n) => ({ ...n, treatment: false })),
    });
    const u = compare(untreated(before), untreated(after)).savings.pollutants.COD!;
    expect(u.generation.total.before.period).toBeCloseTo(0.48, 12);
    expect(u.discharge!.total.before.period).toBeCloseTo(0.48, 12);
  });
  it('Inner Mongolia: generation total down ≥ 10 % (the letter of 产生量降低): 9.8 / 12 − 1 = −18.3 %', () => {
    const im = compare(before, after, { rules: 'inner-mongolia' });
    const ind = im.indicators.find((i) => i.id === 'generation-total:COD')!;
    expect(ind.rate).toBeCloseTo(9.8 / 12 - 1, 12);
    expect(ind.threshold).toBe(-0.1);
    expect(ind.pass).toBe(true);
    expect(im.acceptance.rules.find((x) => x.id === 'COD')!.pass).toBe(true);
  });
});

describe('periods of different length', () => {
  const b = plant({ output: 100, wastewater: 8000, codIn: 1500 });
  const a = plant({
    output: 210,
    wastewater: 14000,
    codIn: 1400,
    extra: { settings: { periodHours: 1440, annualHours: 7200 } },
  });
  it('annualised: 12 t × 10 = 120 t/a against 19.6 t × 5 = 98 t/a → 22 t/a; 4.4 t over the 1 440 h report period', () => {
    const r = compare(b, a);
    expect(r.comparison.periods).toBe('annualised');
    const g = r.savings.pollutants.COD!.generation;
    expect(g.perYear.t).toBeCloseTo(22, 9);
    expect(g.t).toBeCloseTo(4.4, 9);
  });
  it('without a way to annualise, the comparison is refused at the model that lacks it', () => {
    const bad = { ...b, settings: { periodHours: 720 } };
    expect(() => compare(bad, a)).toThrowError(/before\.json/);
  });
});

describe('VOCs: treatment units with a removal efficiency are treatment units', () => {
  it('generation = captured into treatment + fugitive = the solvent balance’s 产生量 (datasets/coating*.json)', async () => {
    const { readFileSync } = await import('node:fs');
    const { checkModel, buildGraph, parseModel } = await import('../../src/index.ts');
    const { compareModels } = await import('../../src/results/index.ts');
    const side = (f: string) => ({ model: parseModel(readFileSync(f, 'utf8'), f).model, file: f });
    const b = side('datasets/coating.json');
    const a = side('datasets/coating-after.json');
    const vocs = compareModels(b, a).savings.pollutants.VOCs!;
    const generated = (m: typeof b) => checkModel(buildGraph(m.model)).vocs!.total.generated!;
    // kg in the solvent balance, t here
    expect(vocs.generation.total.before.period! * 1000).toBeCloseTo(generated(b), 6);
    expect(vocs.generation.total.after.period! * 1000).toBeCloseTo(generated(a), 6);
    // Discharge counts the flows leaving the plant as given: the stack as monitored (76.5 kg, where the
    // solvent balance's own figure is organised = captured × (1 − removal)) plus the fugitive stream.
    const t = checkModel(buildGraph(b.model)).vocs!.total;
    expect(vocs.discharge!.total.before.period! * 1000).toBeCloseTo(t.monitored! + t.fugitive!, 6);
  });
});

describe('a treatment unit the model does not name', () => {
  it('a node where COD is degraded is a treatment unit unless it says treatment: false', () => {
    const degraded = (m: ReturnType<typeof plant>, treatment?: boolean) => ({
      ...m,
      nodes: m.nodes.map((n) =>
        n.id === 'wwtp'
          ? {
              id: n.id,
              name: n.name,
              level: n.level,
              parent: n.parent,
              ...(treatment === undefined ? {} : { treatment }),
            }
          : n,
      ),
      flows: [
        ...m.flows,
        {
          id: 'DEG',
          from: 'wwtp',
          to: null,
          layer: 'COD',
          kind: 'degraded' as const,
          unit: 'kg',
          source: 'unmeasured' as const,
        },
      ],
    });
    const b = plant({ output: 100, wastewater: 8000, codIn: 1500, codOut: 60 });
    const a = plant({ output: 100, wastewater: 7000, codIn: 1400, codOut: 50 });
    // Inferred: generation is the station's inlet (12 t), not its outlet (0.48 t).
    expect(compare(degraded(b), degraded(a)).savings.pollutants.COD!.generation.total.before.period).toBeCloseTo(12, 9);
    expect(
      compare(degraded(b, false), degraded(a, false)).savings.pollutants.COD!.generation.total.before.period,
    ).toBeCloseTo(0.48, 9);
  });
});

describe('a year against a year', () => {
  it('two calendar years (2024 has 8 784 h) compare per year without an annual factor', () => {
    const year = (m: ReturnType<typeof plant>, y: number) => ({
      ...m,
      settings: undefined,
      period: { label: `${y} 年`, start: `${y}-01-01`, end: `${y}-12-31` },
    });
    const r = compare(
      year(plant({ output: 100, wastewater: 8000, codIn: 1500 }), 2024),
      year(plant({ output: 100, wastewater: 7000, codIn: 1500 }), 2025),
    );
    expect(r.comparison.periods).toBe('annualised');
    expect(r.before.period.hours).toBe(8784);
    expect(r.after.period.annualFactorFrom).toBe('year');
    // 12 t − 10.5 t of COD a year
    expect(r.savings.pollutants.COD!.generation.perYear.t).toBeCloseTo(1.5, 12);
    expect(r.warnings.map((w) => w.code)).not.toContain('compare.defaultAnnualHours');
  });
});
