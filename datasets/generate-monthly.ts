/**
 * Writes datasets/boiler-monthly.json: the heating station of boiler.json with its 2025 monthly
 * accounts (12 periods of the plant's 台账) beside the 96 h campaign of April 2026 (the model's own
 * figures, kept apart). Run: node --import tsx datasets/generate-monthly.ts && npx biome format --write datasets
 *
 * Every monthly figure comes from the month's steam output and the campaign's ratios (coal per t
 * of steam per boiler, slag per t of coal, losses per t of coal …), rounded as a ledger rounds
 * (t to 0.1, kWh to 10, GJ to 1), with a fixed-seed ±0.3 % scatter on the metered readings so the
 * balances close within tolerance but not exactly. The coal pile is surveyed at every month end.
 * One fault is planted: boiler 1's coal scale reads 3 % high in October 2025 — every balance still
 * closes within 5 %, but reconciliation across the months names it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const plant = JSON.parse(readFileSync(join(here, 'boiler.json'), 'utf8'));
const campaignValue = (id: string): number => plant.flows.find((f: { id: string }) => f.id === id).value;

/** Deterministic scatter: a 32-bit LCG (Numerical Recipes constants), ±0.3 % (within the meters' classes). */
let seed = 20250101;
function scatter(): number {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return 1 + ((seed / 2 ** 32) * 2 - 1) * 0.003;
}
/** Planted on purpose: in October 2025 boiler 1's coal scale MC11 reads 3 % high (drifted; re-verified in November). */
const faultMonth = 9;
const faultFactor = 1.03;
const r1 = (x: number) => Math.round(x * 10) / 10;
const r0 = (x: number) => Math.round(x);
const r10 = (x: number) => Math.round(x / 10) * 10;

// Steam sold per month, t (heating season November–March; May–September boiler 2 stands by).
const steam = [30000, 26000, 22000, 15000, 10000, 8000, 8000, 8000, 9000, 13000, 22000, 29000];
// Coal pile surveyed at each month end, t (drawn down over the winter, built up from April).
const pile = [1200, 1000, 900, 1000, 1100, 1200, 1300, 1400, 1600, 1800, 1700, 1500];
const openingPile = 1500;

// Campaign ratios (boiler.json, 96 h).
const share1 = campaignValue('ST1') / (campaignValue('ST1') + campaignValue('ST2'));
const coalPerSteam = [campaignValue('C11') / campaignValue('ST1'), campaignValue('C12') / campaignValue('ST2')];
const slagPerCoal = [campaignValue('A11') / campaignValue('C11'), campaignValue('A12') / campaignValue('C12')];
const feedPerSteam = [campaignValue('W11') / campaignValue('ST1'), campaignValue('W12') / campaignValue('ST2')];
const blowdownPerSteam = [campaignValue('BD1') / campaignValue('ST1'), campaignValue('BD2') / campaignValue('ST2')];
const lossPerCoal = (q: string, c: string) => campaignValue(q) / campaignValue(c);
const fired = campaignValue('C11') + campaignValue('C12');
const perFired = (id: string) => campaignValue(id) / fired;
const w04Share = campaignValue('W04') / campaignValue('W01');
// Electricity: 250 kW base load + kWh per t of steam, fitted to the campaign (105 000 kWh in 96 h, 4 680 t).
const baseKw = 250;
const kwhPerSteam = (campaignValue('EL0') - baseKw * 96) / (campaignValue('ST1') + campaignValue('ST2'));
const elShare = (id: string) => campaignValue(id) / campaignValue('EL0');

const periods = steam.map((total, m) => {
  const month = String(m + 1).padStart(2, '0');
  const days = new Date(Date.UTC(2025, m + 1, 0)).getUTCDate();
  const hours = days * 24;
  const summer = m >= 4 && m <= 8;
  const st = summer ? [total, 0] : [total * share1, total * (1 - share1)];
  const coal = st.map((s, b) => s * coalPerSteam[b]!);
  const coalFired = coal[0]! + coal[1]!;
  const opening = m === 0 ? openingPile : pile[m - 1]!;
  const received = coalFired + (pile[m]! - opening);
  const w11 = st[0]! * feedPerSteam[0]!;
  const w12 = st[1]! * feedPerSteam[1]!;
  const w03 = coalFired * perFired('W03');
  const w02 = w11 + w12;
  const w01 = (w02 + w03) / (1 - w04Share);
  const el0 = baseKw * hours + kwhPerSteam * total;
  const v: Record<string, number> = {
    C01: r1(received * scatter()),
    C11: r1(coal[0]! * scatter() * (m === faultMonth ? faultFactor : 1)),
    C12: r1(coal[1]! * scatter()),
    A11: r1(coal[0]! * slagPerCoal[0]! * scatter()),
    A12: r1(coal[1]! * slagPerCoal[1]! * scatter()),
    LS1: r1(coalFired * perFired('LS1') * scatter()),
    GY1: r1(coalFired * perFired('GY1') * scatter()),
    'S-EM': Math.round(coalFired * perFired('S-EM') * 1000) / 1000,
    'S-WW': Math.round(coalFired * perFired('S-WW') * 1000) / 1000,
    W01: r0(w01 * scatter()),
    W02: r0(w02 * scatter()),
    W03: r0(w03 * scatter()),
    W04: r0(w01 * w04Share),
    W11: r0(w11 * scatter()),
    W12: r0(w12 * scatter()),
    ST1: r0(st[0]! * scatter()),
    ST2: r0(st[1]! * scatter()),
    BD1: r0(st[0]! * blowdownPerSteam[0]!),
    BD2: r0(st[1]! * blowdownPerSteam[1]!),
    W31: r1(coalFired * perFired('W31')),
    W32: r1(coalFired * perFired('W32') * scatter()),
    Q21: r0(coal[0]! * lossPerCoal('Q21', 'C11')),
    Q41: r0(coal[0]! * lossPerCoal('Q41', 'C11')),
    Q51: r0(coal[0]! * lossPerCoal('Q51', 'C11')),
    Q22: r0(coal[1]! * lossPerCoal('Q22', 'C12')),
    Q42: r0(coal[1]! * lossPerCoal('Q42', 'C12')),
    Q52: r0(coal[1]! * lossPerCoal('Q52', 'C12')),
    EL0: r10(el0 * scatter()),
    EL1: r10(el0 * elShare('EL1') * scatter()),
    EL2: r10(el0 * elShare('EL2') * scatter()),
    EL3: r10(el0 * elShare('EL3') * scatter()),
  };
  // One meter, two layers: the coal scales and steam meters also give the energy-layer flows.
  v.EC0 = v.C01!;
  v.EC1 = v.C11!;
  v.EC2 = v.C12!;
  v.ES1 = v.ST1!;
  v.ES2 = v.ST2!;
  const output = v.ST1! + v.ST2!;
  return {
    id: `2025-${month}`,
    label: `2025年${m + 1}月`,
    labelEn: `2025-${month}`,
    kind: 'month',
    start: `2025-${month}-01`,
    end: `2025-${month}-${days}`,
    values: v,
    stocks: { 'coal-pile': pile[m]! },
    production: [
      // Steam sold at 200 元/t [assumption]: output value in 万元.
      {
        id: 'steam',
        name: '蒸汽',
        nameEn: 'steam',
        unit: 't',
        output,
        outputValue: Math.round(output * 0.02 * 10) / 10,
      },
    ],
  };
});

const model = {
  ...plant,
  name: '示例燃煤供热站（曲靖）— 2025 年月度台账',
  nameEn: 'Example coal-fired heating station (Qujing) — 2025 monthly accounts',
  period: { label: '2026 年 4 月 96 h 测试', labelEn: 'April 2026 96 h campaign', kind: 'campaign' },
  stocks: [
    {
      id: 'coal-pile',
      name: '煤场存煤',
      nameEn: 'coal pile',
      flows: ['C02', 'EC9'],
      opening: openingPile,
      sd: 30,
      meta: { note: 'month-end survey (volume × bulk density), σ ≈ 30 t [assumption]' },
    },
  ],
  periods,
  meta: {
    ...(plant.meta ?? {}),
    generatedBy: 'datasets/generate-monthly.ts (fixed seed)',
  },
};
writeFileSync(join(here, 'boiler-monthly.json'), `${JSON.stringify(model, null, 2)}\n`);
console.log(`wrote datasets/boiler-monthly.json: ${periods.length} periods`);
