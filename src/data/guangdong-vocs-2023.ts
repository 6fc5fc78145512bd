import type { Label, Provenance } from './provenance.ts';

/**
 * 《广东省工业源挥发性有机物减排量核算方法（2023 年修订版）》 — the capture-efficiency reference values
 * (废气收集效率取值, Table 23 as cited) by collection method. Auditors and reviewers use them as the
 * upper bound of what a plant may claim for a collection method; pingheng warns when a model's
 * capture efficiency is above the value for the method it names (`nodes[].vocs.capture.method`).
 *
 * [S]: the official text was not available. The rows are those of two independent third-party
 * summaries of Table 23 (public environmental-impact review knowledge bases on GitHub: a "VOCs
 * 废气收集效率取值表" card and the guide "#19 废气收集效率判定指南" they parse), which themselves say the
 * values are to be checked against the official table. Treat them as reference caps, not as
 * defaults: a model always states its own efficiency and where it comes from.
 */
/** Collection methods, one per row of the reference table (the model's `nodes[].vocs.capture.method`). */
export const CAPTURE_METHODS = [
  'double-enclosure',
  'enclosed-negative',
  'enclosed-positive',
  'direct-exhaust',
  'enclosing-hood-fast',
  'enclosing-hood-slow',
  'external-hood-fast',
  'external-hood-slow',
  'none',
] as const;

export interface CaptureReferenceRow {
  method: (typeof CAPTURE_METHODS)[number];
  label: Label;
  /** Reference capture efficiency (fraction 0–1): the most a model should claim for this method. */
  cap: number;
  /** Where the secondary source gives a range (external hood at 0.3–0.5 m/s: 20–40 %), its lower end. */
  low?: number;
  source: Provenance;
}

const table23 = (note?: string): Provenance => ({
  standard: '广东省工业源挥发性有机物减排量核算方法',
  edition: '2023 修订版',
  clause: '表 23 废气收集效率（as cited）',
  tag: 'S',
  note: note ?? 'Read in third-party summaries only; check against the official table before relying on it.',
});

export const captureReference: readonly CaptureReferenceRow[] = [
  {
    method: 'double-enclosure',
    label: { zh: '双层密闭空间', en: 'double-layer enclosure' },
    cap: 0.99,
    source: table23(),
  },
  {
    method: 'enclosed-negative',
    label: { zh: '单层密闭空间，负压', en: 'single enclosure under negative pressure' },
    cap: 0.95,
    source: table23(),
  },
  {
    method: 'enclosed-positive',
    label: { zh: '单层密闭空间，正压', en: 'single enclosure under positive pressure' },
    cap: 0.85,
    source: table23(),
  },
  {
    method: 'direct-exhaust',
    label: { zh: '设备废气排口直连', en: 'equipment exhaust connected directly' },
    cap: 0.95,
    source: table23(),
  },
  {
    method: 'enclosing-hood-fast',
    label: { zh: '包围型集气罩，控制风速 ≥ 0.5 m/s', en: 'enclosing hood, capture velocity ≥ 0.5 m/s' },
    cap: 0.8,
    source: table23(),
  },
  {
    method: 'enclosing-hood-slow',
    label: { zh: '包围型集气罩，控制风速 0.3–0.5 m/s', en: 'enclosing hood, capture velocity 0.3–0.5 m/s' },
    cap: 0.6,
    source: table23(),
  },
  {
    method: 'external-hood-fast',
    label: { zh: '外部集气罩，控制风速 ≥ 0.5 m/s', en: 'external hood, capture velocity ≥ 0.5 m/s' },
    cap: 0.4,
    source: table23(),
  },
  {
    method: 'external-hood-slow',
    label: { zh: '外部集气罩，控制风速 0.3–0.5 m/s', en: 'external hood, capture velocity 0.3–0.5 m/s' },
    cap: 0.4,
    low: 0.2,
    source: table23('The secondary sources give 20–40 %; the upper end is the cap.'),
  },
  {
    method: 'none',
    label: { zh: '无收集设施', en: 'no collection' },
    cap: 0,
    source: table23(),
  },
];

/**
 * The reference row of a collection method.
 *
 * @example
 * captureReferenceFor('enclosed-negative').cap // => 0.95
 */
export function captureReferenceFor(method: CaptureReferenceRow['method']): CaptureReferenceRow {
  return captureReference.find((r) => r.method === method)!;
}

/**
 * The accounting formula the same document states (as cited): generation by material balance,
 * E产生 = Σ (mᵢ × wᵢ) × 0.001 (t, with mᵢ in kg of each VOCs-bearing material and wᵢ its VOCs
 * mass fraction), E排放 = E产生 − E去除.
 */
export const materialBalanceFormula: { text: Label; source: Provenance } = {
  text: {
    zh: 'E产生 = Σ(mᵢ × wᵢ)；E排放 = E产生 − E去除',
    en: 'E_generated = Σ (mᵢ × wᵢ); E_emitted = E_generated − E_removed',
  },
  source: {
    standard: '广东省工业源挥发性有机物减排量核算方法',
    edition: '2023 修订版',
    clause: '物料衡算法公式（as cited）',
    tag: 'S',
  },
};
