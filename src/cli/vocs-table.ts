import { t, type Lang } from '../i18n/index.ts';
import type { VocsResult } from '../vocs/types.ts';
import { fmt, pct, renderTable } from './table.ts';

/**
 * The VOCs solvent balance for `pingheng check`, in the form auditors use: the raw materials and
 * their VOCs, one row per releasing unit (generated, capture efficiency, captured, treatment,
 * removal efficiency, removed, organised, fugitive, emitted), the treatment units with the stack
 * check, the plant's solvent balance, per unit product and per year.
 */
export function renderVocs(v: VocsResult, lang: Lang): string {
  const out: string[] = [t(lang, 'vocs.table.title', { unit: v.unit })];
  const name = (r: { name: string; nameEn: string | null }) => (lang === 'en' && r.nameEn ? r.nameEn : r.name);
  const eff = (x: number | null, basis?: string) =>
    x === null ? '—' : `${pct(x, 1)}${basis && basis !== 'none' ? ` (${t(lang, `vocs.basis.${basis}`)})` : ''}`;

  if (v.materials.length > 0) {
    out.push('', t(lang, 'vocs.table.materials'));
    out.push(
      renderTable(
        ['material', 'quantity', 'qunit', 'content', 'vocs'].map((c) => t(lang, `vocs.col.${c}`)),
        v.materials.map((m) => [
          `${lang === 'en' && m.nameEn ? m.nameEn : (m.name ?? m.flow)} [${m.flow}]`,
          fmt(m.quantity),
          m.quantityUnit,
          m.content === null ? '—' : pct(m.content, 1),
          fmt(m.vocs),
        ]),
        ['left', 'right', 'left', 'right', 'right'],
      ),
    );
  }

  const cols = [
    'unit',
    'input',
    'carried',
    'generated',
    'captureEfficiency',
    'captured',
    'treatment',
    'removalEfficiency',
    'removed',
    'organised',
    'fugitive',
    'emitted',
  ];
  const carried = (r: VocsResult['units'][number]) =>
    [r.product, r.waste, r.recovered, r.onward, r.stockChange].reduce<number | null>(
      (s, x) => (s === null || x === null ? null : s + x),
      0,
    );
  const treatmentName = new Map(v.treatments.map((r) => [r.node, name(r)]));
  const rows = v.units.map((r) => [
    `${'  '.repeat(Math.max(0, r.level - 2))}${name(r)}`,
    fmt(r.input),
    fmt(carried(r)),
    fmt(r.generated),
    eff(r.captureEfficiency, r.captureBasis),
    fmt(r.captured),
    r.treatment ? (treatmentName.get(r.treatment) ?? r.treatment) : '—',
    eff(r.removalEfficiency),
    fmt(r.removed),
    fmt(r.organised),
    fmt(r.fugitive),
    fmt(r.emitted),
  ]);
  const T = v.total;
  rows.push([
    t(lang, 'vocs.total'),
    '',
    '',
    fmt(T.generated),
    eff(T.captureRate),
    fmt(T.captured),
    '',
    eff(T.removalRate),
    fmt(T.removed),
    fmt(T.organised),
    fmt(T.fugitive),
    fmt(T.emitted),
  ]);
  out.push('', t(lang, 'vocs.table.units'));
  out.push(
    renderTable(
      cols.map((c) => t(lang, `vocs.col.${c}`)),
      rows,
      ['left', 'right', 'right', 'right', 'right', 'right', 'left', 'right', 'right', 'right', 'right', 'right'],
    ),
  );

  if (v.treatments.length > 0) {
    out.push('', t(lang, 'vocs.table.treatments', { unit: v.unit }));
    out.push(
      renderTable(
        [
          'treatment',
          'captured',
          'removalEfficiency',
          'removed',
          'organised',
          'monitored',
          'relative',
          'tolerance',
          'status',
        ].map((c) => t(lang, `vocs.col.${c}`)),
        v.treatments.map((r) => [
          name(r),
          fmt(r.captured),
          eff(r.removalEfficiency, r.removalBasis),
          fmt(r.removed),
          fmt(r.organised),
          fmt(r.monitored),
          r.relative === null ? '—' : pct(r.relative, 1),
          String(r.tolerancePct),
          `${r.status === 'fail' ? '✗ ' : ''}${t(lang, `vocs.status.${r.status}`)}`,
        ]),
        ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
      ),
    );
  }
  for (const c of v.captureChecks)
    out.push(
      t(lang, 'vocs.captureCheck', {
        node: c.name,
        measured: fmt(c.measured),
        expected: fmt(c.expected),
        unit: v.unit,
        relative: c.relative === null ? '—' : pct(c.relative, 1),
        status: t(lang, c.pass ? 'vocs.status.pass' : 'vocs.status.fail'),
      }),
    );

  out.push('', t(lang, 'vocs.table.balance', { unit: v.unit }));
  const line = (key: string, x: number | null) => [t(lang, `vocs.bal.${key}`), fmt(x)];
  const balance = [
    line('input', T.input),
    line('recoveredReused', T.recoveredReused),
    line('product', T.product),
    line('waste', T.waste),
    line('recoveredExported', T.recoveredExported),
    line('destroyed', T.destroyed),
    line('organised', T.organised),
    line('fugitive', T.fugitive),
    line('other', T.other),
    line('stockChange', T.stockChange),
    line('residual', T.residual),
  ];
  if (T.monitored !== null) balance.splice(7, 0, line('monitored', T.monitored));
  out.push(renderTable([t(lang, 'vocs.col.item'), t(lang, 'vocs.col.amount')], balance, ['left', 'right']));

  for (const p of v.perProduct)
    out.push(
      t(lang, 'vocs.perProduct', {
        product: lang === 'en' && p.nameEn ? p.nameEn : p.name,
        output: fmt(p.output),
        unit: p.unit,
        generated: fmt(p.generated),
        emitted: fmt(p.emitted),
        per: p.perUnit,
      }),
    );
  if (v.annual)
    out.push(
      t(lang, 'vocs.annual', {
        generated: fmt(v.annual.generated),
        emitted: fmt(v.annual.emitted),
        removed: fmt(v.annual.removed),
        factor: fmt(v.annual.factor),
      }),
    );
  return out.join('\n');
}
