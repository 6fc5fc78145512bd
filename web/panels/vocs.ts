/**
 * The VOCs solvent balance (docs/vocs.md) in the auditors' form: one row per releasing unit
 * (generated, capture %, captured, removal %, removed, organised, fugitive, emitted), the
 * treatment units with the stack check, the raw materials and the plant's solvent balance.
 * Everything comes from `checkModel`'s `vocs`; nothing is computed here.
 */
import { displayName, t, type Lang, type VocsResult } from '../../src/index.ts';
import type { AnyTable, TableData } from '../table.ts';
import type { Panel } from './core.ts';

type UnitRow = VocsResult['units'][number] & { total?: boolean };
type TreatmentRow = VocsResult['treatments'][number];
type BalanceRow = { item: string; amount: number | null };

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
const named = (r: { name: string; nameEn: string | null }, lang: Lang) =>
  displayName({ name: r.name, ...(r.nameEn ? { nameEn: r.nameEn } : {}) }, lang);
const basis = (lang: Lang, b: string) => (b === 'none' ? '' : ` (${t(lang, `vocs.basis.${b}`)})`);

function unitsTable(v: VocsResult, lang: Lang): TableData<UnitRow> {
  const T = v.total;
  const total: UnitRow = {
    ...v.units[0]!,
    node: '',
    name: t(lang, 'vocs.total'),
    nameEn: null,
    generated: T.generated,
    captureEfficiency: T.captureRate,
    captureBasis: 'none',
    captured: T.captured,
    treatment: null,
    removalEfficiency: T.removalRate,
    removed: T.removed,
    organised: T.organised,
    fugitive: T.fugitive,
    emitted: T.emitted,
    total: true,
  };
  const treatments = new Map(v.treatments.map((r) => [r.node, named(r, lang)]));
  const notes = [
    ...v.perProduct.map((p) =>
      t(lang, 'vocs.perProduct', {
        product: named(p, lang),
        output: p.output,
        unit: p.unit,
        generated: Number((p.generated ?? Number.NaN).toPrecision(4)),
        emitted: Number((p.emitted ?? Number.NaN).toPrecision(4)),
        per: p.perUnit,
      }),
    ),
    ...(v.annual
      ? [
          t(lang, 'vocs.annual', {
            generated: Number((v.annual.generated ?? Number.NaN).toPrecision(4)),
            removed: Number((v.annual.removed ?? Number.NaN).toPrecision(4)),
            emitted: Number((v.annual.emitted ?? Number.NaN).toPrecision(4)),
            factor: Number(v.annual.factor.toPrecision(4)),
          }),
        ]
      : []),
  ];
  return {
    id: 'vocs-units',
    title: t(lang, 'vocs.web.units', { unit: v.unit }),
    notes,
    rows: [...v.units, total],
    columns: [
      {
        header: t(lang, 'vocs.col.unit'),
        value: (r) => (r.total ? r.name : named(r, lang)),
        badge: (r) => (r.total ? 'total' : undefined),
      },
      { header: t(lang, 'vocs.col.generated'), value: (r) => r.generated, numeric: true },
      {
        header: t(lang, 'vocs.col.captureEfficiency'),
        value: (r) =>
          r.captureEfficiency === null ? null : `${pct(r.captureEfficiency)}${basis(lang, r.captureBasis)}`,
        numeric: true,
      },
      { header: t(lang, 'vocs.col.captured'), value: (r) => r.captured, numeric: true },
      {
        header: t(lang, 'vocs.col.treatment'),
        value: (r) => (r.treatment ? (treatments.get(r.treatment) ?? r.treatment) : ''),
      },
      { header: t(lang, 'vocs.col.removalEfficiency'), value: (r) => pct(r.removalEfficiency), numeric: true },
      { header: t(lang, 'vocs.col.removed'), value: (r) => r.removed, numeric: true },
      { header: t(lang, 'vocs.col.organised'), value: (r) => r.organised, numeric: true },
      { header: t(lang, 'vocs.col.fugitive'), value: (r) => r.fugitive, numeric: true },
      { header: t(lang, 'vocs.col.emitted'), value: (r) => r.emitted, numeric: true },
    ],
  };
}

function treatmentsTable(v: VocsResult, lang: Lang): TableData<TreatmentRow> {
  return {
    id: 'vocs-treatments',
    title: t(lang, 'vocs.web.treatments', { unit: v.unit }),
    rows: v.treatments,
    columns: [
      { header: t(lang, 'vocs.col.treatment'), value: (r) => named(r, lang) },
      { header: t(lang, 'vocs.col.captured'), value: (r) => r.captured, numeric: true },
      {
        header: t(lang, 'vocs.col.removalEfficiency'),
        value: (r) =>
          r.removalEfficiency === null ? null : `${pct(r.removalEfficiency)}${basis(lang, r.removalBasis)}`,
        numeric: true,
      },
      { header: t(lang, 'vocs.col.removed'), value: (r) => r.removed, numeric: true },
      { header: t(lang, 'vocs.col.organised'), value: (r) => r.organised, numeric: true },
      { header: t(lang, 'vocs.col.monitored'), value: (r) => r.monitored, numeric: true },
      { header: t(lang, 'vocs.col.relative'), value: (r) => pct(r.relative), numeric: true },
      { header: t(lang, 'vocs.col.tolerance'), value: (r) => r.tolerancePct, numeric: true },
      {
        header: t(lang, 'vocs.col.status'),
        value: (r) => t(lang, `vocs.status.${r.status}`),
        badge: (r) => (r.status === 'fail' ? 'status-fail' : r.status === 'pass' ? 'status-pass' : undefined),
      },
    ],
  };
}

function balanceTable(v: VocsResult, lang: Lang): TableData<BalanceRow> {
  const T = v.total;
  const rows: BalanceRow[] = [
    ...v.materials.map((m) => ({
      item: `${displayName({ id: m.flow, ...(m.name ? { name: m.name } : {}), ...(m.nameEn ? { nameEn: m.nameEn } : {}) }, lang)}${m.content === null ? '' : ` (${pct(m.content)} %)`}`,
      amount: m.vocs,
    })),
    { item: t(lang, 'vocs.bal.input'), amount: T.input },
    { item: t(lang, 'vocs.bal.recoveredReused'), amount: T.recoveredReused },
    { item: t(lang, 'vocs.bal.product'), amount: T.product },
    { item: t(lang, 'vocs.bal.waste'), amount: T.waste },
    { item: t(lang, 'vocs.bal.recoveredExported'), amount: T.recoveredExported },
    { item: t(lang, 'vocs.bal.destroyed'), amount: T.destroyed },
    { item: t(lang, 'vocs.bal.organised'), amount: T.organised },
    ...(T.monitored === null ? [] : [{ item: t(lang, 'vocs.bal.monitored'), amount: T.monitored }]),
    { item: t(lang, 'vocs.bal.fugitive'), amount: T.fugitive },
    { item: t(lang, 'vocs.bal.other'), amount: T.other },
    { item: t(lang, 'vocs.bal.stockChange'), amount: T.stockChange },
    { item: t(lang, 'vocs.bal.residual'), amount: T.residual },
  ];
  return {
    id: 'vocs-balance',
    title: t(lang, 'vocs.table.balance', { unit: v.unit }),
    rows,
    columns: [
      { header: t(lang, 'vocs.col.item'), value: (r) => r.item },
      { header: t(lang, 'vocs.col.amount'), value: (r) => r.amount, numeric: true },
    ],
  };
}

export const vocsPanel: Panel = {
  id: 'vocs',
  tables({ loaded, lang }) {
    const v = loaded.result.vocs;
    if (!v) return [];
    const out: AnyTable[] = [unitsTable(v, lang)];
    if (v.treatments.length > 0) out.push(treatmentsTable(v, lang));
    out.push(balanceTable(v, lang));
    return out;
  },
};
