import { waterIndicators } from '../../data/gb12452-2008.ts';
import type { Cell, Chapter } from '../document.ts';
import { cite, type ReportContext } from '../context.ts';
import { layerReady, layerSection } from './balances.ts';

/**
 * Chapter 4 — the water balance: the balance table, the figures, and the GB/T 12452 indicators
 * of each enterprise (new water Vf, intake Vi, reuse Vr, discharge Vd, leakage Vl and the rates;
 * src/balance/water-indicators.ts).
 */
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
      ...waterIndicators.map((d): Cell[] => {
        const v = w[d.id as 'reuseRate' | 'condensateRecovery' | 'leakageRate' | 'dischargeRate'];
        return [
          ctx.t('report.labelFormula', { label: d.label[ctx.lang], formula: d.formula }),
          null,
          v === null ? null : v * 100,
          cite(d.source),
        ];
      }),
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
