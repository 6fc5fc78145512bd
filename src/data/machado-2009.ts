import type { Provenance } from './provenance.ts';

/** Row-major 3×3 matrix acting on linear-light sRGB column vectors. */
export type Matrix3 = readonly [
  readonly [number, number, number],
  readonly [number, number, number],
  readonly [number, number, number],
];

export type Deficiency = 'protanopia' | 'deuteranopia' | 'tritanopia';

/**
 * Simulation matrices for dichromacy (severity 1.0) of Machado, Oliveira & Fernandes,
 * "A Physiologically-based Model for Simulation of Color Vision Deficiency", IEEE TVCG 15(6),
 * 2009, doi:10.1109/TVCG.2009.113 — the last row (severity 1.0) of each table in the authors'
 * supplementary material. They act on linear-light sRGB (the paper derives them for a display's
 * RGB primaries); the palette test uses them to check that every colour the diagram must tell
 * apart stays apart for the ~8 % of men with a red–green deficiency, and for tritanopes.
 */
export const machado2009: Readonly<Record<Deficiency, Matrix3>> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

export const machado2009Source: Provenance = {
  standard: 'Machado, Oliveira & Fernandes, IEEE TVCG 15(6)',
  edition: '2009',
  clause: 'supplementary material, simulation matrices, severity 1.0',
  tag: 'C',
  note: 'Values as published by the authors and reproduced by colorspacious and DaltonLens; a research model, not a standard.',
};

/**
 * CIEDE2000 parametric weights (kL = kC = kH = 1, the reference conditions) and the D65 white of
 * sRGB, for the colour-difference formula (CIE 142-2001; ISO/CIE 11664-6:2014).
 */
export const ciede2000Reference = {
  kL: 1,
  kC: 1,
  kH: 1,
  /** D65 white point, Y = 1 (IEC 61966-2-1 sRGB). */
  white: [0.95047, 1, 1.08883] as const,
  source: {
    standard: 'ISO/CIE 11664-6 (CIEDE2000)',
    edition: '2014',
    clause: 'reference conditions kL = kC = kH = 1',
    tag: 'C',
  } as Provenance,
};

/**
 * How far apart two colours of the diagram must be, in CIEDE2000 units, for each kind of
 * vision (ours; no standard gives a figure). ΔE00 ≈ 1 is a just-noticeable difference side by
 * side; categorical palettes for charts are usually built to ΔE00 ≥ 10–20 so a colour is
 * recognised on its own, away from the legend (e.g. Tol 2021, "Colour Schemes", SRON/EPS/TN/09-002).
 * Dichromats lose one axis of colour, so their limit is lower: the palette's dash patterns and
 * labels carry the meaning too.
 */
export const minimumColourDistance = {
  normal: 20,
  dichromat: 10,
  source: {
    standard: 'pingheng palette rule (after Tol, SRON/EPS/TN/09-002)',
    edition: '2021',
    clause: 'categorical colours recognisable on their own',
    tag: 'U',
    note: 'A design threshold, not a standard figure; the palette test asserts it.',
  } as Provenance,
};
