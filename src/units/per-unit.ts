import { parseUnit, UnitError, type Dimension } from './units.ts';

/**
 * Units of "something per physical unit" that the results need: prices (元/kWh), CO2 factors
 * (kgCO2/kWh) and fuel carbon contents (tC/TJ, %). Each is parsed once into a factor per base unit
 * of the denominator (kg, m³, Nm³, kJ — see units.ts).
 */
export interface PerUnit {
  /** Numerator units per base unit of the denominator's dimension. */
  perBase: number;
  dimension: Dimension;
}

function split(text: string): [string, string] {
  const slash = text.lastIndexOf('/');
  if (slash <= 0 || slash === text.length - 1) throw new UnitError(`"${text}" is not of the form A/B`);
  return [text.slice(0, slash).trim(), text.slice(slash + 1).trim()];
}

function denominator(text: string, den: string): { toBase: number; dimension: Dimension } {
  let u: ReturnType<typeof parseUnit>;
  try {
    u = parseUnit(den);
  } catch {
    throw new UnitError(`"${text}": unknown unit "${den}"`);
  }
  if (u.per !== null) throw new UnitError(`"${text}": "${den}" is a rate`);
  return { toBase: u.toBase, dimension: u.dimension };
}

const CURRENCY: Record<string, number> = { 元: 1e-4, 千元: 1e-3, 万元: 1, yuan: 1e-4, CNY: 1e-4, RMB: 1e-4 };

/**
 * A price in 万元 per base unit.
 *
 * @example parsePrice('元/kWh') // { perBase: 1e-4 / 3600, dimension: 'energy' } (万元 per kJ)
 */
export function parsePrice(text: string): PerUnit {
  const [num, den] = split(text.trim());
  const currency = CURRENCY[num];
  if (currency === undefined) throw new UnitError(`"${text}": the currency must be 元, 千元 or 万元`);
  const d = denominator(text, den);
  return { perBase: currency / d.toBase, dimension: d.dimension };
}

const CO2_MASS: Record<string, number> = { gCO2: 1e-6, kgCO2: 1e-3, tCO2: 1 };

/**
 * A CO2 factor in tCO2 per base unit.
 *
 * @example parseCo2Factor('kgCO2/kWh') // { perBase: 1e-3 / 3600, dimension: 'energy' } (tCO2 per kJ)
 */
export function parseCo2Factor(text: string): PerUnit {
  const [num, den] = split(text.trim());
  const mass = CO2_MASS[num.replace(/\s+/g, '').replace(/e$/, '')];
  if (mass === undefined) throw new UnitError(`"${text}": the numerator must be gCO2, kgCO2 or tCO2`);
  const d = denominator(text, den);
  return { perBase: mass / d.toBase, dimension: d.dimension };
}

/** Carbon content of a fuel: per unit of its energy, or as a mass fraction. */
export type CarbonContent = { kind: 'per-energy'; tCPerGJ: number } | { kind: 'fraction'; fraction: number };

const PER_ENERGY: Record<string, number> = { 'tC/TJ': 1e-3, 'kgC/GJ': 1e-3, 'gC/MJ': 1e-3, 'tC/GJ': 1 };
const FRACTION: Record<string, number> = { '%': 1e-2, 'wt%': 1e-2, 'tC/t': 1, 'kgC/kg': 1 };

/**
 * @example parseCarbonContent('tC/TJ', 26.37) // { kind: 'per-energy', tCPerGJ: 0.02637 }
 */
export function parseCarbonContent(unit: string, value: number): CarbonContent {
  const u = unit.replace(/\s+/g, '');
  const e = PER_ENERGY[u];
  if (e !== undefined) return { kind: 'per-energy', tCPerGJ: value * e };
  const f = FRACTION[u];
  if (f !== undefined) return { kind: 'fraction', fraction: value * f };
  throw new UnitError(`"${unit}": give the carbon content in tC/TJ, kgC/GJ, gC/MJ, % or tC/t`);
}
