import { displayName, t, type Lang } from '../i18n/index.ts';
import type { VocsResult } from './types.ts';
import { percent } from '../util/percent.ts';

/**
 * The VOCs solvent balance as report-ready tables (the auditors' form, docs/vocs.md): one column
 * set for the CLI, the web panel and the report's pollutant-factor chapter. Cells are raw numbers
 * (layer unit; efficiencies and differences in percent) or text, null where unknown; formatting
 * is the renderer's.
 */
export interface VocsTableColumn {
  key: string;
  label: string;
  numeric: boolean;
}

export interface VocsTableRow {
  cells: (string | number | null)[];
  /** The total row of a table. */
  total?: boolean;
  /** A check's verdict, for a badge. */
  status?: 'pass' | 'fail';
}

export interface VocsTable {
  id: 'vocs-materials' | 'vocs-units' | 'vocs-treatments' | 'vocs-balance';
  title: string;
  /** Lines to print with the table (formulas, per unit product, per year, checks). */
  notes: string[];
  columns: VocsTableColumn[];
  rows: VocsTableRow[];
}

const sig = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : Number(x.toPrecision(4)).toString();

/**
 * The four tables of the VOCs solvent balance: raw materials, releasing units (with the total),
 * treatment units with the stack check, the plant's solvent balance.
 *
 * @example
 * // the coating plant's VOCs table set (HJ-style 溶剂平衡: materials, units, treatments, the balance)
 * const result = checkModel(buildGraph(parseModel(readFileSync('datasets/coating.json'), 'coating.json').model));
 * vocsTables(result.vocs, 'en').map((x) => x.id) // => ['vocs-materials', 'vocs-units', 'vocs-treatments', 'vocs-balance']
 */
export function vocsTables(v: VocsResult, lang: Lang): VocsTable[] {
  const col = (key: string, numeric = true): VocsTableColumn => ({ key, label: t(lang, `vocs.col.${key}`), numeric });
  const named = (r: { name: string | null; nameEn: string | null; id?: string }) =>
    displayName(
      { ...(r.id ? { id: r.id } : {}), ...(r.name ? { name: r.name } : {}), ...(r.nameEn ? { nameEn: r.nameEn } : {}) },
      lang,
    );
  const basis = (b: string) => (b === 'none' ? null : t(lang, `vocs.basis.${b}`));
  const tables: VocsTable[] = [];

  if (v.materials.length > 0)
    tables.push({
      id: 'vocs-materials',
      title: t(lang, 'vocs.table.materials'),
      notes: [],
      columns: [
        col('material', false),
        col('flow', false),
        col('quantity'),
        col('qunit', false),
        col('content'),
        col('vocs'),
      ],
      rows: v.materials.map((m) => ({
        cells: [named({ ...m, id: m.flow }), m.flow, m.quantity, m.quantityUnit, percent(m.content), m.vocs],
      })),
    });

  const T = v.total;
  const treatmentName = new Map(v.treatments.map((r) => [r.node, named(r)]));
  const carried = (r: VocsResult['units'][number]) =>
    [r.product, r.waste, r.recovered, r.onward, r.stockChange].reduce<number | null>(
      (s, x) => (s === null || x === null ? null : s + x),
      0,
    );
  const notes = [t(lang, 'vocs.table.units')];
  for (const p of v.perProduct)
    notes.push(
      t(lang, p.reason === 'several-products' ? 'vocs.perProduct.severalProducts' : 'vocs.perProduct', {
        product: named(p),
        output: sig(p.output),
        unit: p.unit,
        generated: sig(p.generated),
        emitted: sig(p.emitted),
        per: p.perUnit,
      }),
    );
  if (v.annual)
    notes.push(
      t(lang, 'vocs.annual', {
        generated: sig(v.annual.generated),
        removed: sig(v.annual.removed),
        emitted: sig(v.annual.emitted),
        factor: sig(v.annual.factor),
      }),
    );
  tables.push({
    id: 'vocs-units',
    title: t(lang, 'vocs.table.unitsTitle', { unit: v.unit }),
    notes,
    columns: [
      col('unit', false),
      col('input'),
      col('carried'),
      col('generated'),
      col('captureEfficiency'),
      col('basis', false),
      col('captured'),
      col('treatment', false),
      col('removalEfficiency'),
      col('removed'),
      col('organised'),
      col('fugitive'),
      col('emitted'),
    ],
    rows: [
      ...v.units.map((r) => ({
        cells: [
          named(r),
          r.input,
          carried(r),
          r.generated,
          percent(r.captureEfficiency),
          basis(r.captureBasis),
          r.captured,
          r.treatment ? (treatmentName.get(r.treatment) ?? r.treatment) : null,
          percent(r.removalEfficiency),
          r.removed,
          r.organised,
          r.fugitive,
          r.emitted,
        ],
      })),
      {
        total: true,
        cells: [
          t(lang, 'vocs.total'),
          null,
          null,
          T.generated,
          percent(T.captureRate),
          null,
          T.captured,
          null,
          percent(T.removalRate),
          T.removed,
          T.organised,
          T.fugitive,
          T.emitted,
        ],
      },
    ],
  });

  if (v.treatments.length > 0)
    tables.push({
      id: 'vocs-treatments',
      title: t(lang, 'vocs.table.treatments', { unit: v.unit }),
      notes: v.captureChecks.map((c) =>
        t(lang, 'vocs.captureCheck', {
          node: named({ name: c.name, nameEn: null }),
          measured: sig(c.measured),
          expected: sig(c.expected),
          unit: v.unit,
          relative: c.relative === null ? '—' : sig(c.relative * 100),
          status: t(lang, c.pass ? 'vocs.status.pass' : 'vocs.status.fail'),
        }),
      ),
      columns: [
        col('treatment', false),
        col('captured'),
        col('removalEfficiency'),
        col('basis', false),
        col('removed'),
        col('organised'),
        col('monitored'),
        col('relative'),
        col('tolerance'),
        col('status', false),
      ],
      rows: v.treatments.map((r) => ({
        cells: [
          named(r),
          r.captured,
          percent(r.removalEfficiency),
          basis(r.removalBasis),
          r.removed,
          r.organised,
          r.monitored,
          percent(r.relative),
          r.tolerancePct,
          t(lang, `vocs.status.${r.status}`),
        ],
        ...(r.status === 'pass' || r.status === 'fail' ? { status: r.status } : {}),
      })),
    });

  const line = (key: string, x: number | null): VocsTableRow => ({ cells: [t(lang, `vocs.bal.${key}`), x] });
  tables.push({
    id: 'vocs-balance',
    title: t(lang, 'vocs.table.balance', { unit: v.unit }),
    notes: [],
    columns: [col('item', false), col('amount')],
    rows: [
      line('input', T.input),
      line('recoveredReused', T.recoveredReused),
      line('product', T.product),
      line('waste', T.waste),
      line('recoveredExported', T.recoveredExported),
      line('destroyed', T.destroyed),
      line('organised', T.organised),
      ...(T.monitored === null ? [] : [line('monitored', T.monitored)]),
      line('fugitive', T.fugitive),
      line('other', T.other),
      line('stockChange', T.stockChange),
      line('residual', T.residual),
    ],
  });
  return tables;
}
