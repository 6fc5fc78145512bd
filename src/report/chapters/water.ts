import { waterIndicators } from '../../data/gb12452-2008.ts';
import { displayName } from '../../i18n/index.ts';
import type { Cell, Chapter } from '../document.ts';
import { cite, type ReportContext } from '../context.ts';
import { layerReady, layerSection } from './balances.ts';

/**
 * Chapter 4 — the water balance: the balance table, the figures, and the GB/T 12452 indicators
 * of each enterprise (new water Vf, intake Vi, reuse Vr, discharge Vd, leakage Vl and the rates;
 * src/balance/water-indicators.ts).
 */
type RateId =
  | 'reuseRate'
  | 'coolingRecirculationRate'
  | 'processReuseRate'
  | 'condensateRecovery'
  | 'leakageRate'
  | 'dischargeRate';
const perUnit = (id: string) => waterIndicators.find((d) => d.id === id)!;

export function waterChapter(ctx: ReportContext): Chapter {
  const ch = ctx.chapter(4, 'water');
  if (!layerReady(ctx, ch, 'water')) return ch.done();
  layerSection(ctx, ch, 'water');
  for (const w of ctx.results.check!.water) {
    const amount = (key: string, v: number): Cell[] => [ctx.t(`check.water.${key}`), v, null, ''];
    const rows: Cell[][] = [
      amount('newWater', w.newWater),
      amount('intake', w.intake),
      amount('reused', w.reused),
      amount('discharged', w.discharged),
      amount('leakage', w.leakage),
      ...waterIndicators
        .filter((d) => d.kind === 'rate')
        .map((d): Cell[] => {
          const v = w[d.id as RateId];
          return [
            ctx.t('report.labelFormula', { label: d.label[ctx.lang], formula: d.formula }),
            null,
            v === null ? null : v * 100,
            cite(d.source),
          ];
        }),
      // GB/T 12452 per-unit figures: Vf / Q per product, Vf / Z; their unit in the label
      ...w.newWaterPerProduct.map((p): Cell[] => [
        `${ctx.t('report.labelFormula', { label: perUnit('newWaterPerProduct').label[ctx.lang], formula: 'Vf / Q' })} — ${displayName(p, ctx.lang)} (${p.unit})`,
        p.value,
        null,
        cite(perUnit('newWaterPerProduct').source),
      ]),
      ...(w.newWaterPerOutputValue
        ? [
            [
              `${ctx.t('report.labelFormula', { label: perUnit('newWaterPerOutputValue').label[ctx.lang], formula: 'Vf / Z' })} (${w.newWaterPerOutputValue.unit})`,
              w.newWaterPerOutputValue.value,
              null,
              cite(perUnit('newWaterPerOutputValue').source),
            ] as Cell[],
          ]
        : []),
    ];
    ch.table(
      ctx.t('report.water.indicatorsCaption', { node: ctx.nodeName(w.node) }),
      [
        { header: ctx.t('report.col.indicator'), type: 'text' },
        { header: ctx.t('report.col.waterAmount'), unit: w.unit, type: 'number' },
        { header: ctx.t('report.col.rate'), unit: '%', type: 'number', decimals: 1 },
        { header: ctx.t('report.col.basis'), type: 'text' },
      ],
      rows,
      {
        notes: [
          ctx.t('report.water.indicatorsNote'),
          ...(w.unknown.length > 0
            ? [ctx.t('report.water.unknown', { flows: w.unknown.map((f) => ctx.flowLabel(f)).join('; ') })]
            : []),
        ],
      },
    );
  }
  return ch.done();
}
