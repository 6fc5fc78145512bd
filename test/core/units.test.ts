import { describe, expect, it, vi } from 'vitest';
import {
  basisContext,
  conversionFactor,
  flowFactor,
  gb2589,
  parseConcentration,
  parseUnit,
  parseUnitByMathjs,
  type Flow,
} from '../../src/index.ts';

const ctx = basisContext({ flows: [], settings: { periodHours: 72 } });
const energy = (value: number, unit: string, extra: Partial<Flow> = {}): Flow => ({
  id: 'F',
  from: null,
  to: null,
  layer: 'energy',
  unit,
  value,
  ...extra,
});
/** tce 当量值 and 等价值 of a flow. */
const tce = (f: Flow, c = ctx) => {
  const k = flowFactor(f, c);
  return [f.value! * k.factor, f.value! * k.equalFactor];
};

describe('units', () => {
  it('parses quantities into base units', () => {
    expect(parseUnit('t')).toMatchObject({ dimension: 'mass', toBase: 1000, per: null });
    expect(parseUnit('kg').toBase).toBe(1);
    expect(parseUnit('m³')).toMatchObject({ dimension: 'volume', toBase: 1 });
    expect(parseUnit('L').toBase).toBeCloseTo(0.001, 15);
    expect(parseUnit('Nm3').dimension).toBe('gasVolume');
    expect(parseUnit('kWh')).toMatchObject({ dimension: 'energy', toBase: 3600 });
    expect(parseUnit('MWh').toBase).toBe(3.6e6);
    expect(parseUnit('GJ').toBase).toBe(1e6);
    expect(parseUnit('MJ').toBase).toBe(1e3);
    expect(parseUnit('kgce').toBase).toBe(29307);
    expect(parseUnit('tce').toBase).toBe(29307000);
  });

  it('reads rates per hour and per year, and the 万 multiplier', () => {
    expect(parseUnit('t/h')).toMatchObject({ dimension: 'mass', toBase: 1000, per: 'hour' });
    expect(parseUnit('m3/d').toBase).toBeCloseTo(1 / 24, 15);
    expect(parseUnit('万t/a')).toMatchObject({ toBase: 1e7, per: 'year' });
    expect(parseUnit('万kWh/a')).toMatchObject({ dimension: 'energy', toBase: 3.6e7, per: 'year' });
    expect(parseUnit('kW')).toMatchObject({ dimension: 'energy', toBase: 3600, per: 'hour' });
  });

  it('reads Chinese unit names', () => {
    expect(parseUnit('吨').toBase).toBe(1000);
    expect(parseUnit('立方米').dimension).toBe('volume');
    expect(parseUnit('标方').dimension).toBe('gasVolume');
    expect(parseUnit('千瓦时').toBase).toBe(3600);
    expect(parseUnit('吨标煤').toBase).toBe(29307000);
  });

  it('keeps Nm³ apart from m³ and refuses the short ton', () => {
    expect(() => conversionFactor('Nm3', 'm3')).toThrow(/cannot convert/);
    expect(() => parseUnit('ton')).toThrow(/short ton/);
    expect(() => parseUnit('mg/L')).toThrow(/not a quantity/);
    expect(() => parseUnit('furlong')).toThrow(/unknown unit/);
  });

  it('parses concentrations', () => {
    expect(parseConcentration('mg/L')).toMatchObject({ kind: 'perVolume' });
    expect(parseConcentration('mg/L').factor).toBeCloseTo(1e-3, 15); // kg per m³
    expect(parseConcentration('g/m3').factor).toBeCloseTo(1e-3, 15);
    expect(parseConcentration('%')).toEqual({ text: '%', kind: 'fraction', factor: 0.01 });
    expect(parseConcentration('ppm').factor).toBe(1e-6);
    expect(parseConcentration('mg/Nm3')).toMatchObject({ kind: 'perGasVolume', factor: 1e-6 });
  });
});

describe('GB/T 2589-2008 standard coal', () => {
  it('1 kgce is 29 307 kJ', () => {
    expect(gb2589.KJ_PER_KGCE).toBe(29307);
  });

  it('converts energy carriers with the Annex A coefficients', () => {
    expect(tce(energy(1, 't', { carrier: 'raw-coal' }))[0]).toBeCloseTo(0.7143, 12);
    expect(tce(energy(1, 't', { carrier: 'washed-coal' }))[0]).toBeCloseTo(0.9, 12);
    expect(tce(energy(1, 't', { carrier: 'coke' }))[0]).toBeCloseTo(0.9714, 12);
    expect(tce(energy(1, 't', { carrier: 'diesel' }))[0]).toBeCloseTo(1.4571, 12);
    expect(tce(energy(1, 't', { carrier: 'gasoline' }))[0]).toBeCloseTo(1.4714, 12);
    expect(tce(energy(1, 't', { carrier: 'lpg' }))[0]).toBeCloseTo(1.7143, 12);
    expect(tce(energy(1000, 'Nm3', { carrier: 'natural-gas' }))[0]).toBeCloseTo(1.2143, 12);
    expect(tce(energy(1000, 'm3', { carrier: 'blast-furnace-gas' }))[0]).toBeCloseTo(0.1286, 12);
    expect(tce(energy(1, 't', { carrier: 'steam' }))[0]).toBeCloseTo(0.1286, 12);
    expect(tce(energy(1, 't', { carrier: 'lng' }))[0]).toBeCloseTo(1.7572, 12);
    // working media (Annex B): new water 0.0857 kgce/t
    expect(tce(energy(1000, 't', { carrier: 'fresh-water' }))[0]).toBeCloseTo(0.0857, 12);
  });

  it('coke-oven gas uses the midpoint of the range the standard gives', () => {
    expect(tce(energy(1000, 'm3', { carrier: 'coke-oven-gas' }))[0]).toBeCloseTo((0.5714 + 0.6143) / 2, 12);
  });

  it('electricity: 当量值 0.1229 and 等价值 as a parameter (0.404 default)', () => {
    const [eq, equal] = tce(energy(1000, 'kWh', { carrier: 'electricity' }));
    expect(eq).toBeCloseTo(0.1229, 12);
    expect(equal).toBeCloseTo(0.404, 12);
    const c2 = basisContext({ flows: [], settings: { electricityEqualValue: 0.3 } });
    expect(tce(energy(1, 'MWh', { carrier: 'electricity' }), c2)[1]).toBeCloseTo(0.3, 12);
  });

  it('energy units convert by heat content: 1 GJ = 1e6/29307 kgce, matching heat 0.03412 kgce/MJ', () => {
    expect(tce(energy(1, 'GJ'))[0]).toBeCloseTo(1e6 / 29307 / 1000, 12);
    expect(tce(energy(1, 'GJ'))[0]).toBeCloseTo(0.03412, 5);
    expect(tce(energy(2, 'tce'))[0]).toBe(2);
  });

  it('a measured low heating value overrides the coefficient', () => {
    const f = energy(1, 't', { carrier: 'raw-coal', lhv: { value: 20900, unit: 'kJ/kg' } });
    expect(tce(f)[0]).toBeCloseTo(20900 / 29307, 12);
    const g = energy(1000, 'Nm3', { carrier: 'natural-gas', lhv: { value: 35.59, unit: 'MJ/Nm3' } });
    expect(tce(g)[0]).toBeCloseTo(35590 / 29307, 9);
  });

  it('rates become period quantities: t/h × period hours, t/a × period / annual hours', () => {
    const c = basisContext({ flows: [], settings: { periodHours: 72, annualHours: 7200 } });
    expect(tce(energy(2, 't/h', { carrier: 'raw-coal' }), c)[0]).toBeCloseTo(2 * 72 * 0.7143, 10);
    expect(tce(energy(1, '万t/a', { carrier: 'raw-coal' }), c)[0]).toBeCloseTo(1e4 * (72 / 7200) * 0.7143, 9);
  });

  it('a model whose flows are all per annum is balanced over one operating year', () => {
    const c = basisContext({
      flows: [{ id: 'F', from: null, to: 'a', layer: 'water', unit: '万t/a', value: 1 }],
      settings: { annualHours: 7200 },
    });
    expect(c.periodHours).toBe(7200);
  });
});

describe('the unit table (mathjs loads only for other units)', () => {
  // every unit of the table, as a quantity, per year, per hour, per day, per minute and per second
  const quantities = ['kg', 'g', 'mg', 't', 'm3', 'm³', 'L', 'l', 'mL', 'Nm3', 'Nm³', 'J', 'kJ', 'MJ', 'GJ', 'TJ'];
  quantities.push('Wh', 'kWh', 'MWh', 'GWh', 'kcal', 'kgce', 'tce', '吨', '立方米', '标方', '千瓦时', '吨标煤');
  const written = [
    ...quantities,
    ...quantities.flatMap((q) => [`${q}/a`, `${q}/h`, `${q}/d`, `${q}/min`, `${q}/s`, `${q}/年`, `万${q}/a`]),
    'W',
    'kW',
    'MW',
    '千瓦',
    '万吨',
    '亿kWh/a',
  ];

  it('gives the factors of mathjs (to its last bit, or one rounding closer: g/min is 0.06, mathjs 0.060000000000000005)', () => {
    for (const text of written) {
      const table = parseUnit(text);
      const reference = parseUnitByMathjs(text);
      expect({ ...table, toBase: 0 }, text).toEqual({ ...reference, toBase: 0 });
      expect(Math.abs(table.toBase - reference.toBase), text).toBeLessThanOrEqual(Number.EPSILON * reference.toBase);
    }
  });

  it('leaves other units to mathjs: lb, kt, gallons, m^3', () => {
    expect(parseUnit('lb')).toEqual({ text: 'lb', dimension: 'mass', toBase: 0.45359237, per: null });
    expect(parseUnit('kt').toBase).toBe(1e6);
    expect(parseUnit('m^3/h')).toMatchObject({ dimension: 'volume', toBase: 1, per: 'hour' });
    expect(parseUnit('gal').toBase).toBeCloseTo(0.003785411784, 12); // US liquid gallon, 231 in³
    expect(() => parseUnit('kW/a')).toThrow(/not a quantity/); // a power per year is no quantity
  });

  it('without a synchronous require (a browser) asks for loadUnitEngine, then parses', async () => {
    vi.resetModules();
    const proc = globalThis.process as { getBuiltinModule?: unknown };
    const saved = proc.getBuiltinModule;
    proc.getBuiltinModule = undefined;
    try {
      const fresh = await import('../../src/units/units.ts');
      expect(fresh.parseUnit('t/h').toBase).toBe(1000); // the table needs no engine
      expect(() => fresh.parseUnit('lb')).toThrow(fresh.UnitEngineMissing);
      await fresh.loadUnitEngine();
      expect(fresh.parseUnit('lb').toBase).toBe(0.45359237);
    } finally {
      proc.getBuiltinModule = saved;
    }
  });
});
