/**
 * Colour arithmetic for checking the diagram's palette: sRGB ↔ linear light, compositing a
 * translucent stroke over the page, simulation of dichromacy (Machado et al. 2009) and the
 * CIEDE2000 colour difference. Used by the palette test; no DOM.
 */
import { ciede2000Reference, machado2009, type Deficiency } from '../data/machado-2009.ts';

export type Rgb = readonly [number, number, number];
export type Vision = 'normal' | Deficiency;
export const VISIONS: readonly Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];

/**
 * "#0072b2" or "#07b" → [r, g, b] in 0…1 (gamma-encoded sRGB).
 *
 * @example
 * parseHex('#0072b2').map((x) => roundTo(x, 4)) // => [0, 0.4471, 0.698]
 * parseHex('#fff') // => [1, 1, 1]
 */
export function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a hex colour: ${hex}`);
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16) / 255) as unknown as Rgb;
}

/** sRGB transfer function (IEC 61966-2-1): encoded 0…1 → linear light. */
const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const toEncoded = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * What the eye gets from a stroke of `colour` at `opacity` over `background` (SVG/canvas blend
 * in gamma-encoded sRGB, as browsers do): c = α·fg + (1 − α)·bg per channel.
 *
 * @example
 * // black at 50 % over white: 0.5 × 0 + 0.5 × 1 in linear light, encoded back to sRGB
 * composite('#000000', 0.5, '#ffffff').map((x) => roundTo(x, 2)) // => [0.5, 0.5, 0.5]
 */
export function composite(colour: string, opacity: number, background = '#ffffff'): Rgb {
  const f = parseHex(colour);
  const b = parseHex(background);
  return [0, 1, 2].map((i) => opacity * f[i]! + (1 - opacity) * b[i]!) as unknown as Rgb;
}

/**
 * A colour as a dichromat sees it: to linear light, the Machado (2009) severity-1 matrix,
 * clipped to the gamut, back to encoded sRGB. 'normal' returns the colour unchanged.
 *
 * @example
 * // Machado et al. 2009, protanopia at severity 1: red turns dark olive
 * simulate([1, 0, 0], 'protanopia').map((x) => roundTo(x, 2)) // => [0.43, 0.37, 0]
 */
export function simulate(rgb: Rgb, vision: Vision): Rgb {
  if (vision === 'normal') return rgb;
  const m = machado2009[vision];
  const lin = rgb.map(toLinear);
  return m.map((row) => toEncoded(clamp01(row[0] * lin[0]! + row[1] * lin[1]! + row[2] * lin[2]!))) as unknown as Rgb;
}

/**
 * Encoded sRGB 0…1 → CIELAB (D65).
 *
 * @example
 * // sRGB white is L* = 100, a* = b* = 0 (D65)
 * toLab([1, 1, 1]).map((x) => Math.abs(roundTo(x, 2))) // => [100, 0, 0]
 */
export function toLab(rgb: Rgb): Rgb {
  const [r, g, b] = rgb.map(toLinear) as [number, number, number];
  // sRGB primaries → XYZ (IEC 61966-2-1, D65).
  const x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = 0.0193339 * r + 0.119192 * g + 0.9503041 * b;
  const [xn, yn, zn] = ciede2000Reference.white;
  const eps = 216 / 24389;
  const kappa = 24389 / 27;
  const f = (t: number) => (t > eps ? Math.cbrt(t) : (kappa * t + 16) / 116);
  const fx = f(x / xn);
  const fy = f(y / yn);
  const fz = f(z / zn);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/**
 * CIEDE2000 colour difference ΔE00 between two CIELAB colours (CIE 142-2001, Sharma, Wu &
 * Dalal 2005 implementation notes), with kL = kC = kH = 1.
 *
 * @example
 * // Sharma, Wu & Dalal (2005) test data, pair 1: ΔE00 = 2.0425
 * roundTo(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485]), 4) // => 2.0425
 */
export function deltaE2000(lab1: Rgb, lab2: Rgb): number {
  const { kL, kC, kH } = ciede2000Reference;
  const [L1, a1, b1] = lab1;
  const [L2, a2, b2] = lab2;
  const rad = Math.PI / 180;
  const C1 = Math.hypot(a1, b1);
  const C2 = Math.hypot(a2, b2);
  const Cbar = (C1 + C2) / 2;
  const G = 0.5 * (1 - Math.sqrt(Cbar ** 7 / (Cbar ** 7 + 25 ** 7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const hue = (a: number, b: number) => (a === 0 && b === 0 ? 0 : (Math.atan2(b, a) / rad + 360) % 360);
  const h1p = hue(a1p, b1);
  const h2p = hue(a2p, b2);
  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  let dhp = 0;
  if (C1p * C2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin((dhp / 2) * rad);
  const Lbp = (L1 + L2) / 2;
  const Cbp = (C1p + C2p) / 2;
  let hbp = h1p + h2p;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hbp = (h1p + h2p) / 2;
    else hbp = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
  }
  const T =
    1 -
    0.17 * Math.cos((hbp - 30) * rad) +
    0.24 * Math.cos(2 * hbp * rad) +
    0.32 * Math.cos((3 * hbp + 6) * rad) -
    0.2 * Math.cos((4 * hbp - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hbp - 275) / 25) ** 2));
  const Rc = 2 * Math.sqrt(Cbp ** 7 / (Cbp ** 7 + 25 ** 7));
  const Sl = 1 + (0.015 * (Lbp - 50) ** 2) / Math.sqrt(20 + (Lbp - 50) ** 2);
  const Sc = 1 + 0.045 * Cbp;
  const Sh = 1 + 0.015 * Cbp * T;
  const Rt = -Math.sin(2 * dTheta * rad) * Rc;
  const l = dLp / (kL * Sl);
  const c = dCp / (kC * Sc);
  const h = dHp / (kH * Sh);
  return Math.sqrt(l * l + c * c + h * h + Rt * c * h);
}

/**
 * ΔE00 between two drawn colours as a person with `vision` sees them.
 *
 * @example
 * // red against dark green: far apart (ΔE00 72) for normal vision, close (16) for a deuteranope
 * roundTo(perceivedDistance([1, 0, 0], [0, 0.5, 0], 'normal'), 1) // => 72.1
 * roundTo(perceivedDistance([1, 0, 0], [0, 0.5, 0], 'deuteranopia'), 1) // => 15.9
 */
export function perceivedDistance(a: Rgb, b: Rgb, vision: Vision): number {
  return deltaE2000(toLab(simulate(a, vision)), toLab(simulate(b, vision)));
}
