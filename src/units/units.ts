import type { MathJsInstance, Unit } from 'mathjs';
import { KJ_PER_KGCE } from '../data/gb2589-2008.ts';
import { inputBounds } from '../data/input-bounds.ts';

/**
 * Units of the balance domain, parsed once per distinct unit string into a plain factor
 * (mathjs unit arithmetic is ~400× slower than numbers, so it never runs per value).
 *
 * Base units: mass kg, volume m³, gas volume Nm³ (its own dimension, so a standard cubic
 * metre never silently becomes an actual one), energy kJ.
 *
 * The units plants write (t, m³, kWh, GJ, tce, kW, t/h, m³/d …) are read from the table below;
 * any other unit goes to mathjs, which is loaded then and only then: loading it costs ~0.6 s in
 * Node and ~160 KB in the browser (docs/architecture.md, "Lazy loading"). The table gives the
 * same factors as mathjs (test/core/units.test.ts compares them).
 */

/** Quantity units of the table: dimension and factor to the base unit; `power`: energy per hour. */
const TABLE: Record<string, { dimension: Dimension; toBase: number; power?: true }> = {
  kg: { dimension: 'mass', toBase: 1 },
  g: { dimension: 'mass', toBase: 1e-3 },
  mg: { dimension: 'mass', toBase: 1e-6 },
  t: { dimension: 'mass', toBase: 1e3 },
  m3: { dimension: 'volume', toBase: 1 },
  L: { dimension: 'volume', toBase: 1e-3 },
  l: { dimension: 'volume', toBase: 1e-3 },
  mL: { dimension: 'volume', toBase: 1e-6 },
  Nm3: { dimension: 'gasVolume', toBase: 1 },
  J: { dimension: 'energy', toBase: 1e-3 },
  kJ: { dimension: 'energy', toBase: 1 },
  MJ: { dimension: 'energy', toBase: 1e3 },
  GJ: { dimension: 'energy', toBase: 1e6 },
  TJ: { dimension: 'energy', toBase: 1e9 },
  Wh: { dimension: 'energy', toBase: 3.6 },
  kWh: { dimension: 'energy', toBase: 3600 },
  MWh: { dimension: 'energy', toBase: 3.6e6 },
  GWh: { dimension: 'energy', toBase: 3.6e9 },
  kcal: { dimension: 'energy', toBase: 4.1868 },
  kgce: { dimension: 'energy', toBase: KJ_PER_KGCE },
  tce: { dimension: 'energy', toBase: 1000 * KJ_PER_KGCE },
  // kJ per hour of a power: 1 W = 1 J/s = 3.6 kJ/h
  W: { dimension: 'energy', toBase: 3.6, power: true },
  kW: { dimension: 'energy', toBase: 3600, power: true },
  MW: { dimension: 'energy', toBase: 3.6e6, power: true },
};

/** Time units of a rate `X/T`: T per hour (multiply) or hours per T (divide), as mathjs rounds them. */
const PER_HOUR: Record<string, number> = { h: 1, min: 60, s: 3600 };
const HOURS_PER: Record<string, number> = { day: 24 };

/** A unit of the table, or a table quantity per table time unit; undefined for anything else. */
function tableUnit(body: string, per: UnitInfo['per']): Omit<UnitInfo, 'text'> | undefined {
  const q = TABLE[body];
  if (q) {
    if (!q.power) return { dimension: q.dimension, toBase: q.toBase, per };
    return per === null ? { dimension: q.dimension, toBase: q.toBase, per: 'hour' } : undefined;
  }
  const slash = body.indexOf('/');
  if (slash <= 0 || per !== null) return undefined;
  const num = TABLE[body.slice(0, slash)];
  const time = body.slice(slash + 1);
  if (!num || num.power) return undefined;
  if (PER_HOUR[time] !== undefined)
    return { dimension: num.dimension, toBase: num.toBase * PER_HOUR[time], per: 'hour' };
  if (HOURS_PER[time] !== undefined)
    return { dimension: num.dimension, toBase: num.toBase / HOURS_PER[time], per: 'hour' };
  return undefined;
}

/**
 * Thrown where mathjs is needed and cannot be loaded synchronously (a browser): `await loadUnitEngine()`, then retry.
 *
 * @example
 * new UnitEngineMissing('lb').message // => 'unit "lb" needs the mathjs unit engine: await loadUnitEngine() first'
 */
export class UnitEngineMissing extends Error {
  constructor(unit: string) {
    super(`unit "${unit}" needs the mathjs unit engine: await loadUnitEngine() first`);
  }
}

let engine: MathJsInstance | undefined;

/** mathjs with the domain's units, from its factory functions only (units, not the whole library). */
function setup(mathjs: typeof import('./mathjs-factories.ts')): MathJsInstance {
  const math = mathjs.create({
    unitDependencies: mathjs.unitDependencies,
    createUnitDependencies: mathjs.createUnitDependencies,
  });
  math.createUnit('Nm3', { aliases: ['Nm³'] });
  math.createUnit('kgce', `${KJ_PER_KGCE} kJ`);
  math.createUnit('tce', '1000 kgce');
  math.createUnit('kcal', '4.1868 kJ');
  return math;
}

/** mathjs, required synchronously on first use where the runtime can (Node); see loadUnitEngine. */
function mathEngine(unit: string): MathJsInstance {
  if (engine) return engine;
  const node = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const mod = node?.getBuiltinModule?.('node:module') as typeof import('node:module') | undefined;
  if (!mod) throw new UnitEngineMissing(unit);
  engine = setup(mod.createRequire(import.meta.url)('mathjs') as typeof import('mathjs'));
  return engine;
}

/**
 * Loads mathjs for the units outside the table. Needed only where it cannot be required on demand
 * (a browser, or Node before 20.16): call it when a parse throws UnitEngineMissing, then retry.
 *
 * @example
 * await loadUnitEngine();
 * parseUnitByMathjs('lb').toBase // => 0.45359237
 */
export async function loadUnitEngine(): Promise<void> {
  engine ??= setup(await import('./mathjs-factories.ts'));
}

export type Dimension = 'mass' | 'volume' | 'gasVolume' | 'energy';

export interface UnitInfo {
  /** The unit as written. */
  text: string;
  dimension: Dimension;
  /** Multiply a value by this to get base units (kg, m³, Nm³, kJ) — per hour for hourly rates. */
  toBase: number;
  /** Rate units: value per hour (any time unit is folded into toBase) or per year (a/年). */
  per: null | 'hour' | 'year';
}

/**
 * A unit that cannot be read or converted.
 *
 * @example
 * conversionFactor('t', 'kWh') // => throws cannot convert "t" to "kWh"
 */
export class UnitError extends Error {}

const BASES: [Dimension, string][] = [
  ['mass', 'kg'],
  ['volume', 'm3'],
  ['gasVolume', 'Nm3'],
  ['energy', 'kJ'],
];

/** Chinese unit names engineers type, mapped to mathjs names. */
const ALIASES: [RegExp, string][] = [
  [/吨标准煤|吨标煤/g, 'tce'],
  [/千克标准煤|千克标煤|公斤标煤/g, 'kgce'],
  [/标准立方米|标立方米|标方/g, 'Nm3'],
  [/立方米|方/g, 'm3'],
  [/千瓦时|度/g, 'kWh'],
  [/千瓦/g, 'kW'],
  [/吉焦/g, 'GJ'],
  [/兆焦/g, 'MJ'],
  [/千焦/g, 'kJ'],
  [/千克|公斤/g, 'kg'],
  [/吨/g, 't'],
  [/升/g, 'L'],
  [/小时/g, 'h'],
];

const MULTIPLIERS: [string, number][] = [
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
];

/** Normalises superscripts, Chinese names and multipliers; returns the mathjs text and a multiplier. */
function normalise(text: string): { body: string; multiplier: number } {
  let body = text.trim().replace(/³/g, '3').replace(/²/g, '2').replace(/\s+/g, ' ');
  for (const [re, name] of ALIASES) body = body.replace(re, name);
  let multiplier = 1;
  for (const [prefix, m] of MULTIPLIERS) {
    if (body.startsWith(prefix)) {
      multiplier *= m;
      body = body.slice(prefix.length).trim();
    }
  }
  return { body, multiplier };
}

const YEAR_SUFFIX = /\s*\/\s*(a|yr|year|年)$/;
const DAY_SUFFIX = /\s*\/\s*(d|天|日)$/;

const cache = new Map<string, UnitInfo>();

/**
 * Parses a flow unit: a quantity (t, m³, kWh, tce…) or a rate (t/h, m³/d, 万t/a, kW).
 * Throws UnitError for concentrations, unknown names and other dimensions.
 *
 * @example
 * // a rate: 1 t/h = 1 000 kg (the mass base) per hour
 * parseUnit('t/h') // => { text: 't/h', dimension: 'mass', toBase: 1000, per: 'hour' }
 */
export function parseUnit(text: string): UnitInfo {
  const hit = cache.get(text);
  if (hit) return hit;
  const info = parseUncached(text);
  cache.set(text, info);
  return info;
}

/**
 * parseUnit without the table: every unit through mathjs (loading it). The reference the table is
 * tested against; not cached.
 *
 * @example
 * // a unit outside pingheng's table goes to mathjs: 1 lb = 0.45359237 kg
 * parseUnitByMathjs('lb') // => { text: 'lb', dimension: 'mass', toBase: 0.45359237, per: null }
 */
export function parseUnitByMathjs(text: string): UnitInfo {
  return parseUncached(text, false);
}

function parseUncached(text: string, useTable = true): UnitInfo {
  const { body: raw, multiplier } = normalise(text);
  if (raw === '') throw new UnitError(`empty unit "${text}"`);
  if (/^tons?\b/.test(raw)) {
    throw new UnitError(`"${text}": "ton" is the US short ton (907 kg) in mathjs; write t for the tonne`);
  }
  let body = raw;
  let per: UnitInfo['per'] = null;
  if (YEAR_SUFFIX.test(body)) {
    per = 'year';
    body = body.replace(YEAR_SUFFIX, '');
  } else if (DAY_SUFFIX.test(body)) {
    body = body.replace(DAY_SUFFIX, '/day');
  }
  // mathjs reads "1e300 kg" as the unit kg and drops the number: a number is no part of a unit
  if (/(^|[\s*/(])[+-]?\.?\d/.test(body)) throw new UnitError(`unknown unit "${text}": a unit holds no number`);
  const table = useTable ? tableUnit(body, per) : undefined;
  if (table) return bounded({ text, ...table, toBase: multiplier * table.toBase });
  const math = mathEngine(text);
  let unit: Unit;
  try {
    unit = math.unit(1, body);
  } catch {
    throw new UnitError(`unknown unit "${text}"`);
  }
  for (const [dimension, base] of BASES) {
    if (unit.equalBase(math.unit(1, base))) {
      return bounded({ text, dimension, toBase: multiplier * unit.toNumber(base), per });
    }
    if (per === null && unit.equalBase(math.unit(1, `${base}/h`))) {
      return bounded({ text, dimension, toBase: multiplier * unit.toNumber(`${base}/h`), per: 'hour' });
    }
  }
  throw new UnitError(`unit "${text}" is not a quantity of mass, volume, gas volume or energy`);
}

/** A unit within 10^±18 of its base unit (src/data/input-bounds.ts), else UnitError. */
function bounded(info: UnitInfo): UnitInfo {
  const f = Math.abs(info.toBase);
  const { maxUnitFactor } = inputBounds;
  if (!(f >= 1 / maxUnitFactor && f <= maxUnitFactor))
    throw new UnitError(`unit "${info.text}" is ${info.toBase.toExponential(1)} of the base unit: outside 1e±18`);
  return info;
}

/**
 * Factor from one unit to another of the same dimension and rate kind.
 *
 * @example
 * // 1 kWh = 3.6 MJ; 万 = 10⁴
 * conversionFactor('kWh', 'MJ') // => 3.6
 * conversionFactor('万kWh', 'kWh') // => 10000
 */
export function conversionFactor(from: string, to: string): number {
  const a = parseUnit(from);
  const b = parseUnit(to);
  if (a.dimension !== b.dimension || a.per !== b.per) {
    throw new UnitError(`cannot convert "${from}" to "${to}"`);
  }
  return a.toBase / b.toBase;
}

/**
 * A concentration of a component on a carrier flow.
 * - `fraction`: mass fraction (%, ppm, mg/kg, g/t…) — component mass = fraction × carrier mass.
 * - `perVolume` / `perGasVolume`: kg of component per m³ (mg/L, g/m³) or per Nm³ (mg/Nm³).
 */
export interface ConcentrationInfo {
  text: string;
  kind: 'fraction' | 'perVolume' | 'perGasVolume';
  /** fraction: dimensionless multiplier; perVolume: kg/m³; perGasVolume: kg/Nm³. */
  factor: number;
}

const FRACTIONS: Record<string, number> = {
  '%': 1e-2,
  'wt%': 1e-2,
  '‰': 1e-3,
  ppm: 1e-6,
  ppb: 1e-9,
};

const concentrationCache = new Map<string, ConcentrationInfo>();

/**
 * Parses a concentration unit.
 *
 * @example
 * parseConcentration('mg/L') // => { text: 'mg/L', kind: 'perVolume', factor: 0.001 }
 */
export function parseConcentration(text: string): ConcentrationInfo {
  const hit = concentrationCache.get(text);
  if (hit) return hit;
  const info = concentrationUncached(text);
  concentrationCache.set(text, info);
  return info;
}

function concentrationUncached(text: string): ConcentrationInfo {
  const trimmed = text.trim();
  const fraction = FRACTIONS[trimmed];
  if (fraction !== undefined) return { text, kind: 'fraction', factor: fraction };
  const slash = trimmed.lastIndexOf('/');
  if (slash <= 0) throw new UnitError(`unknown concentration unit "${text}"`);
  let num: UnitInfo;
  let den: UnitInfo;
  try {
    num = parseUnit(trimmed.slice(0, slash));
    den = parseUnit(trimmed.slice(slash + 1));
  } catch (e) {
    if (!(e instanceof UnitError)) throw e;
    throw new UnitError(`unknown concentration unit "${text}"`);
  }
  if (num.dimension !== 'mass' || num.per || den.per) {
    throw new UnitError(`"${text}" is not a mass concentration`);
  }
  const factor = num.toBase / den.toBase;
  if (den.dimension === 'mass') return { text, kind: 'fraction', factor };
  if (den.dimension === 'volume') return { text, kind: 'perVolume', factor };
  if (den.dimension === 'gasVolume') return { text, kind: 'perGasVolume', factor };
  throw new UnitError(`"${text}" is not a mass concentration`);
}

/**
 * Parses a heating value or energy content per unit (kJ/kg, MJ/Nm³, GJ/t, kcal/kg).
 * Returns kJ per base unit of the denominator's dimension.
 *
 * @example
 * // 1 kcal = 4.1868 kJ (international table calorie); MJ/Nm³ is per gas volume
 * parseSpecificEnergy('kcal/kg') // => { perDimension: 'mass', kJPerBase: 4.1868 }
 * parseSpecificEnergy('MJ/Nm3') // => { perDimension: 'gasVolume', kJPerBase: 1000 }
 */
export function parseSpecificEnergy(text: string): { perDimension: Dimension; kJPerBase: number } {
  const trimmed = text.trim();
  const slash = trimmed.lastIndexOf('/');
  if (slash > 0) {
    try {
      const num = parseUnit(trimmed.slice(0, slash));
      const den = parseUnit(trimmed.slice(slash + 1));
      if (num.dimension === 'energy' && !num.per && !den.per && den.dimension !== 'energy') {
        return { perDimension: den.dimension, kJPerBase: num.toBase / den.toBase };
      }
    } catch (e) {
      if (!(e instanceof UnitError)) throw e; // else fall through to the error below
    }
  }
  throw new UnitError(`"${text}" is not an energy per unit quantity (e.g. kJ/kg, MJ/Nm3)`);
}
