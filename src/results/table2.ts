import { table2 } from '../data/anhui-2007.ts';
import type { Label } from '../data/provenance.ts';
import type { CompareResult, PerUnitSaving, Table2Line, TotalSaving } from './types.ts';
import { roundTo } from '../util/round.ts';

/**
 * The Anhui implementation table 表2 (安徽省清洁生产企业实施情况表, seed 003 lines 8184–8252) filled
 * from a comparison: each row's "before" cell and "after" (reduction, saving) cell, per year, in the
 * table's units. Savings of energy carriers and raw water use the GB/T 13234 product basis, as
 * `savings` does; pollutant reductions are the plant's generation before − after per year.
 */
type Source = Omit<CompareResult, 'table2'>;

const NO_DATA: Label = { zh: '两个模型中均无此项', en: 'neither model has it' };
const NO_PRICE: Label = { zh: '回收物料的经济效益需另行核算', en: 'the benefit of recovered material is not computed' };
const NO_YEAR: Label = {
  zh: '无法年化：未给出统计期长度或年化系数',
  en: 'cannot annualise: no period length or annual factor',
};

const NO_VALUE: Label = {
  zh: '未给出产值：请在各产品的 outputValue 填写产值（万元）',
  en: 'no output value: give each product its outputValue (万元)',
};

const scale = (x: number | null, k: number) => (x === null ? null : x * k);

export function table2Lines(r: Source): Table2Line[] {
  const out: Table2Line[] = [];
  for (const row of table2) {
    const base = {
      no: row.no,
      key: row.key,
      label: { before: row.before, after: row.after },
      unit: row.unit,
      lines: row.lines,
    };
    const line = (before: Table2Line['before'], after: Table2Line['after'], note: Label | null = null) =>
      out.push({ ...base, before, after, note });
    switch (row.key) {
      case 'output-value': {
        const b = r.before.outputValue;
        const a = r.after.outputValue;
        const note =
          b.period === null || a.period === null ? NO_VALUE : b.perYear === null || a.perYear === null ? NO_YEAR : null;
        line(b.perYear, a.perYear, note);
        break;
      }
      case 'proposals-no-low':
      case 'proposals-medium-high': {
        const t = r.proposals.totals[row.key === 'proposals-no-low' ? 'no-low' : 'medium-high'];
        const benefit = t.benefit === null ? '—' : roundTo(t.benefit, 2);
        line(t.proposed, `${t.implemented}; ${roundTo(t.investment, 2)}; ${benefit}`, unclassifiedNote(r));
        break;
      }
      case 'COD':
      case 'NH3-N':
      case 'dust':
      case 'SO2':
      case 'wastewater':
      case 'solid-waste':
      case 'hazardous-waste': {
        const streams = Object.entries(r.savings.pollutants).filter(
          ([id, p]) => p.subject === row.key || id === row.key,
        );
        if (streams.length === 0) {
          line(null, null, NO_DATA);
          break;
        }
        const sum = (pick: (t: TotalSaving) => number | null) => {
          const xs = streams.map(([, p]) => pick(p.generation.total));
          return xs.some((x) => x === null) ? null : xs.reduce((s, x) => s! + x!, 0);
        };
        const b = sum((t) => t.before.perYear);
        const a = sum((t) => t.savedPerYear);
        line(b, a, b === null || a === null ? NO_YEAR : null);
        break;
      }
      case 'recovered-material':
        line(r.recovered.after.perYear, null, r.recovered.after.perYear === null ? NO_DATA : NO_PRICE);
        break;
      case 'material': {
        const mains = Object.entries(r.savings.materials).filter(([, m]) => m.main);
        if (mains.length === 0) line(null, null, NO_DATA);
        for (const [key, m] of mains) {
          for (const t of m.perUnit.terms) {
            out.push({
              ...base,
              key: `material:${key}:${t.product}`,
              label: {
                before: { zh: `${row.before.zh}：${m.label.zh}`, en: `${row.before.en}: ${m.label.en}` },
                after: { zh: `${row.after.zh}：${m.label.zh}`, en: `${row.after.en}: ${m.label.en}` },
              },
              unit: t.unit,
              before: t.before,
              after: t.before === null || t.after === null ? null : t.before - t.after,
              note: null,
            });
          }
        }
        break;
      }
      case 'raw-water': {
        const w = r.savings.water;
        // No new-water intake in either model: the row is absent, as a carrier neither model has.
        if (w.newWater.before.period === 0 && w.newWater.after.period === 0 && w.newWater.unknown.length === 0) {
          line(null, null, NO_DATA);
          break;
        }
        line(scale(w.newWater.before.perYear, 1e-4), scale(w.perYear.t, 1e-4), w.perYear.t === null ? NO_YEAR : null);
        break;
      }
      case 'electricity':
        carrierLine(r, ['electricity'], 1e-4, line);
        break;
      case 'raw-coal':
        carrierLine(r, ['raw-coal', 'coal'], 1, line);
        break;
      case 'steam':
        carrierLine(r, ['steam'], 1, line);
        break;
      case 'fuel-oil':
        carrierLine(r, ['fuel-oil', 'heavy-oil'], 1, line);
        break;
    }
  }
  return out;
}

/** Before: the plant's use per year; after: the per-unit (GB/T 13234) saving per year. */
function carrierLine(
  r: Source,
  keys: string[],
  k: number,
  line: (before: Table2Line['before'], after: Table2Line['after'], note?: Label | null) => void,
) {
  const found = keys.map((key) => r.savings.energy.carriers[key]).filter((c) => c !== undefined);
  if (found.length === 0) {
    line(null, null, NO_DATA);
    return;
  }
  const sum = (xs: (number | null)[]) => (xs.some((x) => x === null) ? null : xs.reduce((s, x) => s! + x!, 0));
  const before = sum(found.map((c) => c.total.before.perYear));
  const saved = sum(found.map((c: { perUnit: PerUnitSaving }) => c.perUnit.perYear));
  line(scale(before, k), scale(saved, k), before === null || saved === null ? NO_YEAR : null);
}

function unclassifiedNote(r: Source): Label | null {
  const n = r.proposals.totals.unclassified.proposed;
  return n === 0
    ? null
    : {
        zh: `${n} 个方案未分类：请给出 audit.lowCostLimit 或方案的 category`,
        en: `${n} proposal(s) unclassified: give audit.lowCostLimit or the proposal's category`,
      };
}
