import { describe, expect, it } from 'vitest';
import '../../src/i18n/index.ts';
import { analyseMetering, coverageRows, type CoverageRow } from '../../src/metering/coverage.ts';
import { model, starPlant } from './fixtures.ts';

/**
 * Table-driven: every row of GB 17167-2006 Table 3, GB 24789-2009 Table 1 and Yunnan 2007 Annex 2
 * at every level. With 20 points per level, a row whose requirement is r % passes with exactly
 * r/5 metered points and fails with one fewer; "—" and unset ※ cells pass with nothing metered.
 */
const N = 20;

function rowsFor(flow: Parameters<typeof starPlant>[0], metered: number, extra = {}): CoverageRow[] {
  return coverageRows(analyseMetering(model(starPlant(flow, N, metered, extra))));
}

function row(rows: CoverageRow[], table: string, carrier: string, level: number): CoverageRow {
  const r = rows.find((x) => x.table === table && x.carrier === carrier && x.level === level);
  if (!r) throw new Error(`no row ${table} ${carrier} L${level}`);
  return r;
}

// [Table 3 row, carrier used, unit, required % at L1, L2, L3 as printed in the standard]
const TABLE3: [string, string, string, (number | null)[]][] = [
  ['electricity', 'electricity', 'kWh', [100, 100, 95]],
  ['coal', 'raw-coal', 't', [100, 100, 90]],
  ['coke', 'coke', 't', [100, 100, 90]],
  ['crude-oil', 'crude-oil', 't', [100, 100, 90]],
  ['refined-oil', 'diesel', 't', [100, 100, 95]],
  ['heavy-oil', 'heavy-oil', 't', [100, 100, 90]],
  ['residual-oil', 'residual-oil', 't', [100, 100, 90]],
  ['natural-gas', 'natural-gas', 'm3', [100, 100, 90]],
  ['lpg', 'lpg', 't', [100, 100, 90]],
  ['coal-gas', 'coke-oven-gas', 'm3', [100, 90, 80]],
  ['steam', 'steam', 't', [100, 80, 70]],
  ['water', 'water', 't', [100, 95, 80]],
  ['waste-energy', 'waste-energy', 'GJ', [90, 80, null]],
];

describe('GB 17167-2006 Table 3 — every row at every level', () => {
  for (const [rowId, carrier, unit, required] of TABLE3) {
    for (const level of [1, 2, 3] as const) {
      const r = required[level - 1]!;
      if (r === null) {
        it(`${rowId} L${level}: "—" means no requirement`, () => {
          const x = row(rowsFor({ layer: 'energy', carrier, unit }, 0), 'GB17167-2006', rowId, level);
          expect(x).toMatchObject({ N, n: 0, ratio: 0, required: null, pass: true });
        });
        continue;
      }
      const atLimit = (r * N) / 100;
      it(`${rowId} L${level}: ${atLimit}/${N} meets ${r} %, ${atLimit - 1}/${N} does not`, () => {
        const ok = row(rowsFor({ layer: 'energy', carrier, unit }, atLimit), 'GB17167-2006', rowId, level);
        expect(ok).toMatchObject({ N, n: atLimit, ratio: r, required: r, pass: true });
        const short = row(rowsFor({ layer: 'energy', carrier, unit }, atLimit - 1), 'GB17167-2006', rowId, level);
        expect(short).toMatchObject({ n: atLimit - 1, required: r, pass: false });
        expect(short.missing).toHaveLength(N - atLimit + 1);
        expect(short.missing[0]).toBe(`F${atLimit}`);
      });
    }
  }
});

describe('GB 24789-2009 Table 1 — meter rate and metered-water rate at every level', () => {
  const cases: [string, (number | null)[]][] = [
    ['meter-rate', [100, 95, 80]],
    ['metered-water-rate', [100, 95, 85]],
  ];
  for (const [rowId, required] of cases) {
    for (const level of [1, 2, 3] as const) {
      const r = required[level - 1]!;
      const atLimit = (r * N) / 100;
      it(`${rowId} L${level}: ${atLimit}/${N} meets ${r} %, one fewer does not`, () => {
        const flow = { layer: 'water', carrier: 'fresh-water', unit: 't' };
        const ok = row(rowsFor(flow, atLimit), 'GB24789-2009', rowId, level);
        expect(ok).toMatchObject({ required: r, pass: true, ratio: r });
        const short = row(rowsFor(flow, atLimit - 1), 'GB24789-2009', rowId, level);
        expect(short.pass).toBe(false);
        if (rowId === 'metered-water-rate') {
          // volumes: every flow is 10 t
          expect(ok).toMatchObject({ kind: 'volume', n: 10 * atLimit, N: 10 * N, unit: 't' });
        } else expect(ok).toMatchObject({ kind: 'count', n: atLimit, N });
      });
    }
  }

  it('Km is by volume, not count: one big metered flow outweighs many small ones', () => {
    const input = starPlant({ layer: 'water', carrier: 'fresh-water', unit: 't' }, 2, 1);
    input.flows[0]!.value = 95;
    input.flows[1]!.value = 5;
    const rows = coverageRows(analyseMetering(model(input)));
    expect(row(rows, 'GB24789-2009', 'meter-rate', 2)).toMatchObject({ n: 1, N: 2, ratio: 50, pass: false });
    expect(row(rows, 'GB24789-2009', 'metered-water-rate', 2)).toMatchObject({ n: 95, N: 100, ratio: 95, pass: true });
    expect(row(rows, 'GB24789-2009', 'metered-water-rate', 3)).toMatchObject({ ratio: 95, required: 85, pass: true });
  });

  it('an unmetered flow of unknown volume leaves Km unproven', () => {
    const input = starPlant({ layer: 'water', carrier: 'fresh-water', unit: 't' }, 20, 19);
    delete input.flows[19]!.value;
    input.flows[19]!.source = 'unmeasured';
    const a = analyseMetering(model(input));
    const r = row(coverageRows(a), 'GB24789-2009', 'metered-water-rate', 3);
    expect(r).toMatchObject({ n: 190, N: 190, ratio: 100, pass: false, volumeUnknown: ['F20'] });
    // a reconciled estimate fills it in: 190 / 200 = 95 % ≥ 85 %
    const b = analyseMetering(model(input), { estimates: new Map([['F20', 10]]) });
    expect(row(coverageRows(b), 'GB24789-2009', 'metered-water-rate', 3)).toMatchObject({
      n: 190,
      N: 200,
      ratio: 95,
      pass: true,
    });
  });

  it('levels 2 and 3 exclude discharged water; level 1 counts it', () => {
    const input = starPlant({ layer: 'water', carrier: 'wastewater', unit: 't' }, 2, 0);
    for (const f of input.flows) {
      f.from = 'dev';
      f.to = null;
    }
    const rows = coverageRows(analyseMetering(model(input)));
    expect(row(rows, 'GB24789-2009', 'meter-rate', 1)).toMatchObject({ N: 2, n: 0, pass: false });
    expect(row(rows, 'GB24789-2009', 'meter-rate', 2)).toMatchObject({ N: 0, ratio: null, pass: true });
    expect(row(rows, 'GB24789-2009', 'meter-rate', 3)).toMatchObject({ N: 0, pass: true });
  });
});

describe('Yunnan 2007 Annex 2 — materials by phase at every level', () => {
  const cases: ['gas' | 'liquid' | 'solid', number[]][] = [
    ['gas', [100, 100, 90]],
    ['liquid', [100, 100, 90]],
    ['solid', [100, 100, 80]],
  ];
  for (const [phase, required] of cases) {
    for (const level of [1, 2, 3] as const) {
      const r = required[level - 1]!;
      const atLimit = (r * N) / 100;
      it(`${phase} L${level}: ${atLimit}/${N} meets ${r} %, one fewer does not`, () => {
        const flow = { layer: 'material', phase, unit: 't' };
        expect(row(rowsFor(flow, atLimit), 'Yunnan-2007', phase, level)).toMatchObject({
          n: atLimit,
          N,
          required: r,
          pass: true,
        });
        expect(row(rowsFor(flow, atLimit - 1), 'Yunnan-2007', phase, level)).toMatchObject({
          required: r,
          pass: false,
        });
      });
    }
  }

  it('other L1: 100 %; a phase-less material counts as other', () => {
    const flow = { layer: 'material', unit: 't' };
    expect(row(rowsFor(flow, 20), 'Yunnan-2007', 'other', 1)).toMatchObject({ N, required: 100, pass: true });
    expect(row(rowsFor(flow, 19), 'Yunnan-2007', 'other', 1)).toMatchObject({ required: 100, pass: false });
  });

  for (const level of [2, 3] as const) {
    it(`other L${level}: the ※ cell is no requirement by default`, () => {
      expect(
        row(rowsFor({ layer: 'material', phase: 'other', unit: 't' }, 0), 'Yunnan-2007', 'other', level),
      ).toMatchObject({
        N,
        n: 0,
        required: null,
        pass: true,
      });
    });
    it(`other L${level}: the ※ cell from settings.materialOtherRequired`, () => {
      const settings = { settings: { materialOtherRequired: { level2: 90, level3: 60 } } };
      const r = level === 2 ? 90 : 60;
      const flow = { layer: 'material', phase: 'other' as const, unit: 't' };
      expect(row(rowsFor(flow, (r * N) / 100, settings), 'Yunnan-2007', 'other', level)).toMatchObject({
        required: r,
        pass: true,
      });
      expect(row(rowsFor(flow, (r * N) / 100 - 1, settings), 'Yunnan-2007', 'other', level)).toMatchObject({
        required: r,
        pass: false,
      });
    });
  }

  it('material losses are not metering points', () => {
    const a = analyseMetering(model(starPlant({ layer: 'material', phase: 'solid', unit: 't', kind: 'loss' }, 3, 0)));
    expect(a.points).toHaveLength(0);
    expect(a.derived.excluded.map((e) => e.code)).toEqual(Array(3).fill('metering.excluded.materialLoss'));
  });
});

describe('rows', () => {
  it('one row per rule-table row and level (13 + 2 + 4 rows × 3 levels)', () => {
    const rows = rowsFor({ layer: 'energy', carrier: 'electricity', unit: 'kWh' }, 0);
    expect(rows).toHaveLength((13 + 2 + 4) * 3);
    expect(rows.filter((r) => r.N === 0).every((r) => r.pass && r.ratio === null)).toBe(true);
  });
});

describe('Yunnan Annex 2 counts each main material (issue #12 item 7)', () => {
  // Annex 2 (seed lines 19437–19448) lists 固态物料1, 固态物料2 … — one row per main material, each with the
  // phase's ratio (solid: 100 / 100 / 80 %). Five coal feeds into a device, all metered, and one limestone
  // feed, unmetered: pooled by phase the device level reads 5/6 = 83 % ≥ 80 % and would pass; per material
  // coal is 5/5 = 100 % and limestone 0/1 = 0 % < 80 % — the row that fails.
  const input = starPlant({ layer: 'material', phase: 'solid', carrier: 'coal', unit: 't' }, 6, 5);
  input.flows[5]!.carrier = 'limestone';
  const rows = coverageRows(analyseMetering(model(input))).filter((r) => r.family === 'material' && r.level === 3);

  it('one row per material, with the phase as its rule row and the phase’s required ratio', () => {
    const solid = rows.filter((r) => r.row === 'solid');
    expect(solid.map((r) => [r.carrier, r.material, r.n, r.N, r.ratio, r.required, r.pass])).toEqual([
      ['coal', 'coal', 5, 5, 100, 80, true],
      ['limestone', 'limestone', 0, 1, 0, 80, false],
    ]);
    expect(solid[1]!.label).toEqual({ zh: '固态物料：石灰石', en: 'solid materials: limestone' });
  });

  it('a phase the model does not use keeps one empty row (N = 0)', () => {
    expect(rows.find((r) => r.row === 'gas')).toMatchObject({ carrier: 'gas', N: 0, pass: true });
  });
});
