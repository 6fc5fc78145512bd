import type { Command } from 'commander';
import { checkModel, type CheckResult, type NodeBalance } from '../../balance/index.ts';
import { coefficient } from '../../data/gb2589-2008.ts';
import { carrierName, displayName, flowLabel, layerName, t, type Lang } from '../../i18n/index.ts';
import { buildGraph } from '../../model/index.ts';
import { reconcileModel, type ModelReconciliation } from '../../reconcile/index.ts';
import {
  optionError,
  printJson,
  printReport,
  reportInputError,
  setExitCode,
  withCommonOptions,
  type CommonOptions,
} from '../io.ts';
import { readModelWithReadings, withReadingsOptions, type ReadingsFileOptions } from '../readings-io.ts';
import { fmt, renderTable } from '../table.ts';
import { renderVocs } from '../vocs-table.ts';
import { percentText } from '../../util/index.ts';

interface CheckOptions extends CommonOptions, ReadingsFileOptions {
  layer?: string;
  level?: string;
  readings?: string;
  reconciled?: boolean;
}

/** `pingheng check MODEL`: the balance of every node at every level, in every layer. */
export function registerCheck(program: Command): void {
  withReadingsOptions(
    withCommonOptions(
      program
        .command('check')
        .description(
          '检查各节点、各层级的物料/水/能源/污染因子平衡 (check every balance: material, water, energy, components)',
        )
        .argument('<model>', '模型文件 model JSON')
        .option('--layer <layer>', '只显示该层 (show one layer: material|water|energy|COD…)')
        .option('--level <level>', '只显示该级节点 1|2|3 (show one level)')
        .option('--reconciled', '同时给出数据校正后的数值 (show reconciled values next to measured ones)'),
    ),
  ).action(async (file: string, opts: CheckOptions) => {
    const loaded = await readModelWithReadings(file, opts.readings, opts);
    if (!loaded) return;
    const graph = buildGraph(loaded.model);
    const bad = badOption(graph.layers, opts);
    if (bad) {
      reportInputError(optionError(file, bad.option, bad.code, bad.params), opts);
      return;
    }
    const result = filtered(checkModel(graph), opts);
    const reconciliation = opts.reconciled ? reconcileModel(graph, { layer: opts.layer }) : undefined;
    setExitCode(result.summary.ok ? 0 : 1);
    if (opts.json) {
      printJson({
        file,
        ...result,
        ...(loaded.readings ? { readings: loaded.readings.window } : {}),
        ...(reconciliation ? { reconciliation } : {}),
      });
      return;
    }
    printReport(result, renderCheck(result, opts.lang));
    if (reconciliation) printReport(reconciliation, renderReconciled(reconciliation, opts.lang));
  });
}

/** Measured next to reconciled values, per layer, suspects marked. */
function renderReconciled(rec: ModelReconciliation, lang: Lang): string {
  const out: string[] = [];
  for (const layer of rec.layers) {
    out.push(
      '',
      t(lang, 'check.reconciledTitle', {
        layer: layerName(layer.layer, lang),
        chi2: fmt(layer.global.chi2),
        dof: layer.global.dof,
        critical: fmt(layer.global.critical),
      }),
    );
    out.push(
      renderTable(
        [
          'check.col.flow',
          'check.col.unit',
          'check.col.measured',
          'check.col.reconciled',
          'check.col.z',
          'check.col.status',
        ].map((k) => t(lang, k)),
        layer.flows.map((f) => [
          (f.suspect ? '✗ ' : '') + flowLabel(f, lang),
          f.unit,
          fmt(f.measured),
          fmt(f.reconciled),
          f.z === null ? '—' : f.z.toFixed(2),
          t(lang, `check.rec.${f.status}`),
        ]),
        ['left', 'left', 'right', 'right', 'right'],
      ),
    );
    for (const line of layer.diagnosis[lang]) out.push(`  ${line}`);
  }
  return out.join('\n');
}

/** --layer must name a layer of the model, --level one of 1, 2, 3. */
function badOption(
  layers: string[],
  opts: CheckOptions,
): { option: string; code: string; params: Record<string, string> } | undefined {
  if (opts.layer !== undefined && !layers.includes(opts.layer))
    return { option: '--layer', code: 'check.badLayer', params: { layer: opts.layer, layers: layers.join(', ') } };
  if (opts.level !== undefined && !['1', '2', '3'].includes(opts.level))
    return { option: '--level', code: 'check.badLevel', params: { level: opts.level } };
  return undefined;
}

function filtered(result: CheckResult, opts: CheckOptions): CheckResult {
  const level = opts.level === undefined ? undefined : Number(opts.level);
  const keep = (b: { layer: string; level?: number }) =>
    (opts.layer === undefined || b.layer === opts.layer) && (level === undefined || b.level === level);
  return { ...result, balances: result.balances.filter(keep) };
}

/** A node by its name in the language (`nameEn` in English), from the balances that carry it. */
function nodeName(r: CheckResult, id: string, lang: Lang): string {
  return displayName(r.balances.find((b) => b.node === id) ?? r.energyUse.find((e) => e.node === id) ?? { id }, lang);
}

/** The human report: one table per layer, derived flows, master–sub meters, energy use, findings. */
export function renderCheck(r: CheckResult, lang: Lang): string {
  const out: string[] = [];
  out.push(t(lang, 'check.title', { name: displayName(r.model, lang) }));
  out.push(
    r.period.hours === null
      ? t(lang, 'check.periodUnknown')
      : t(lang, 'check.period', { hours: String(Math.round(r.period.hours * 100) / 100) }),
  );
  for (const { layer, unit, tolerancePct } of r.layers) {
    const rows = r.balances.filter((b) => b.layer === layer);
    if (rows.length === 0) continue;
    out.push('', t(lang, 'check.layerTitle', { layer: layerName(layer, lang), unit, tolerance: tolerancePct }));
    out.push(balanceTable(rows, lang));
    if (layer === 'energy') {
      const used = rows.filter((b) => b.energy && (b.energy.losses > 0 || b.energy.effective > 0));
      if (used.length > 0) out.push('', t(lang, 'check.energyDetailTitle'), energyDetailTable(used, lang));
    }
  }
  if (r.derived.length > 0) {
    out.push('', t(lang, 'check.derivedTitle'));
    out.push(
      renderTable(
        ['check.col.flow', 'check.col.value', 'check.col.unit', 'check.col.at'].map((k) => t(lang, k)),
        r.derived.map((d) => [d.flow, fmt(d.ownValue), d.ownUnit, nodeName(r, d.derivedAt, lang)]),
        ['left', 'right'],
      ),
    );
  }
  if (r.masterSub.length > 0) {
    out.push('', t(lang, 'check.masterSubTitle'));
    const cols = [
      'node',
      'layer',
      'carrier',
      'master',
      'subs',
      'stock',
      'difference',
      'unit',
      'relative',
      'tolerance',
      'status',
    ];
    out.push(
      renderTable(
        cols.map((c) => t(lang, `check.col.${c}`)),
        r.masterSub.map((m) => [
          displayName(m, lang),
          layerName(m.layer, lang),
          carrierName(m.carrier, lang),
          fmt(m.master),
          fmt(m.subs),
          fmt(m.stockChange),
          fmt(m.difference),
          m.unit,
          percentText(m.relative, 1),
          `${m.tolerancePct}${m.toleranceSource.standard === 'settings' ? '' : ` [${(m.toleranceSource as { tag: string }).tag}]`}`,
          t(lang, `status.${m.status}`),
        ]),
        ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'left', 'right', 'right'],
      ),
    );
  }
  if (r.energyUse.length > 0) out.push('', t(lang, 'check.energyTitle'), energyUseTable(r, lang));
  for (const w of r.water) {
    out.push(
      '',
      t(lang, 'check.waterTitle', {
        node: nodeName(r, w.node, lang),
        unit: w.unit,
      }),
    );
    out.push(waterTable(w, lang));
  }
  if (r.vocs) out.push('', renderVocs(r.vocs, lang));
  out.push('', t(lang, 'check.findingsTitle'));
  if (r.findings.length === 0) out.push(t(lang, 'check.noFindings'));
  for (const f of r.findings) {
    out.push(`${f.severity === 'error' ? '✗' : '!'} ${f.message[lang]}`);
    const b = r.balances.find((x) => x.node === f.node && x.layer === f.layer);
    if (b && f.code === 'finding.open')
      for (const a of b.advice) out.push(t(lang, 'check.advice', { text: t(lang, a) }));
  }
  const { ok: _ok, ...counts } = r.summary;
  out.push('', t(lang, 'check.summary', counts));
  return out.join('\n');
}

/** The GB/T 12452 indicators of one enterprise: quantities, then rates with the quantities they divide. */
function waterTable(w: CheckResult['water'][number], lang: Lang): string {
  const rate = (x: number | null) => (x === null ? '—' : `${percentText(x, 1)} %`);
  const of = (a: number, b: number) => ` (${fmt(a)} / ${fmt(b)} ${w.unit})`;
  const useRow = (key: string, u: typeof w.cooling) => [
    t(lang, key),
    u.reusedFlows.length + u.newWaterFlows.length === 0
      ? t(lang, 'check.water.notTagged')
      : rate(u.rate) + of(u.reused, u.reused + u.newWater),
  ];
  const c = w.condensate;
  const rows: string[][] = [
    [t(lang, 'check.water.newWater'), fmt(w.newWater)],
    [t(lang, 'check.water.intake'), fmt(w.intake)],
    [t(lang, 'check.water.reused'), fmt(w.reused)],
    [t(lang, 'check.water.discharged'), fmt(w.discharged)],
    [t(lang, 'check.water.leakage'), fmt(w.leakage)],
    [t(lang, 'check.water.reuseRate'), rate(w.reuseRate)],
    useRow('check.water.coolingRate', w.cooling),
    useRow('check.water.processRate', w.process),
    [
      t(lang, 'check.water.condensateRecovery'),
      c.basis === null
        ? t(lang, 'check.water.noSteam')
        : `${rate(c.rate)} ${t(lang, `check.water.steamBase.${c.basis}`, { recovered: fmt(c.recovered), base: fmt(c.steamBase), unit: w.unit })}`,
    ],
    ...w.newWaterPerProduct.map((p) => [
      t(lang, 'check.water.perProduct', {
        product: displayName({ id: p.product, name: p.name, nameEn: p.nameEn }, lang),
      }),
      p.value === null ? t(lang, `check.water.perProduct.${p.reason ?? 'unknown'}`) : `${fmt(p.value)} ${p.unit}`,
    ]),
    ...(w.newWaterPerOutputValue
      ? [
          [
            t(lang, 'check.water.perOutputValue'),
            `${fmt(w.newWaterPerOutputValue.value)} ${w.newWaterPerOutputValue.unit}`,
          ],
        ]
      : []),
    [t(lang, 'check.water.leakageRate'), rate(w.leakageRate)],
    [t(lang, 'check.water.dischargeRate'), rate(w.dischargeRate)],
  ];
  return renderTable([t(lang, 'check.col.indicator'), t(lang, 'check.col.value')], rows, ['left', 'left']);
}

/**
 * A conversion basis (src/model/quantities.ts writes "GB/T 2589 natural-gas 1.2143 kgce/m3") in the reader's
 * language: the coefficient by its name in the standard's table, the two electricity values by their names.
 * @example basisText('GB/T 2589 natural-gas 1.2143 kgce/m3', 'zh') // 'GB/T 2589 气田天然气 1.2143 kgce/m3'
 */
export function basisText(basis: string, lang: Lang): string {
  const named = basis.replace(/^GB\/T 2589 (\S+) /, (whole, id: string) => {
    const c = coefficient(id);
    // electricity's own line names both values after the figures
    const label = id === 'electricity' ? carrierName(id, lang) : c?.label[lang];
    return label ? `GB/T 2589 ${label} ` : whole;
  });
  if (lang === 'zh') return named.replace(/^LHV /, '实测热值 ');
  return named.replace('(当量值)', '(equivalent value, 当量值)').replace('(等价值)', '(equal value, 等价值)');
}

/**
 * 综合能耗 per node (GB/T 2589): each carrier's received − sent out − Δstock in tce 当量值, the node's
 * total both ways; the conversion bases are listed once below.
 */
function energyUseTable(r: CheckResult, lang: Lang): string {
  const body: string[][] = [];
  const bases = new Set<string>();
  for (const e of r.energyUse) {
    const indent = '  '.repeat(e.level - 1);
    for (const row of e.rows) {
      for (const b of row.basis) bases.add(`${carrierName(row.carrier, lang)}: ${basisText(b, lang)}`);
      body.push([
        `${indent}${displayName(e, lang)}`,
        carrierName(row.carrier, lang),
        fmt(row.received.equivalent),
        fmt(row.sentOut.equivalent),
        fmt(row.stockIncrease.equivalent),
        fmt(row.tceEquivalent),
        fmt(row.tceEqual),
      ]);
    }
    body.push([
      `${indent}${displayName(e, lang)}`,
      t(lang, 'check.energy.total'),
      fmt(e.received.equivalent),
      fmt(e.sentOut.equivalent),
      fmt(e.stockIncrease.equivalent),
      fmt(e.comprehensiveEquivalent),
      fmt(e.comprehensiveEqual),
    ]);
    if (e.unknown.length > 0) body.push(['', t(lang, 'check.note.unknown', { flows: e.unknown.join(', ') })]);
  }
  const cols = ['node', 'carrier', 'received', 'sentOut', 'stockIncrease', 'equivalent', 'equal'];
  const table = renderTable(
    cols.map((c) => t(lang, `check.col.${c}`)),
    body,
    ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
  );
  const first = r.energyUse[0]!;
  const eq =
    first.equalValue.source === 'default'
      ? t(lang, 'check.energy.equalDefault', { value: first.equalValue.kgcePerKWh })
      : t(lang, 'check.energy.equalSettings', { value: first.equalValue.kgcePerKWh });
  return [table, t(lang, 'check.energy.definition'), eq, ...[...bases].map((b) => `  ${b}`)].join('\n');
}

/** Energy put to use and lost per node (GB/T 3484: supplied = effective + losses). */
function energyDetailTable(rows: NodeBalance[], lang: Lang): string {
  const cols = ['node', 'supplied', 'suppliedEqual', 'effective', 'losses', 'residual', 'utilisation'];
  return renderTable(
    cols.map((c) => t(lang, `check.col.${c}`)),
    rows.map((b) => [
      `${'  '.repeat(b.level - 1)}${displayName(b, lang)}`,
      fmt(b.energy!.supplied),
      fmt(b.energy!.suppliedEqual),
      fmt(b.energy!.effective),
      fmt(b.energy!.losses),
      fmt(b.residual),
      b.energy!.utilisation !== null
        ? `${percentText(b.energy!.utilisation, 1)} %`
        : b.energy!.utilisationBasis === 'derived'
          ? t(lang, 'check.utilisation.derived')
          : '—',
    ]),
    ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
}

function balanceTable(rows: NodeBalance[], lang: Lang): string {
  const cols = ['node', 'level', 'in', 'out', 'stock', 'residual', 'closure', 'status', 'note'];
  const body: string[][] = [];
  const culprits: string[] = [];
  for (const b of rows) {
    const note =
      b.unknown.length > 0
        ? t(lang, 'check.note.unknown', { flows: b.unknown.join(', ') })
        : b.derived.length > 0
          ? t(lang, 'check.note.derived', { flows: b.derived.join(', ') })
          : '';
    const mark = b.status === 'open' ? '✗ ' : '';
    body.push([
      `${'  '.repeat(b.level - 1)}${displayName(b, lang)}`,
      String(b.level),
      fmt(b.in),
      fmt(b.out),
      fmt(b.stockChange),
      fmt(b.residual),
      percentText(b.closure, 2),
      mark + t(lang, `status.${b.status}`),
      note,
    ]);
    if (b.status === 'open' && b.contributors.length > 0) {
      const list = b.contributors
        .map(
          (c) => `${c.flow} ${fmt(c.value)}${c.sigmasToExplain === null ? '' : ` (${c.sigmasToExplain.toFixed(1)}σ)`}`,
        )
        .join(', ');
      culprits.push(`✗ ${displayName(b, lang)}`, t(lang, 'check.contributors', { list }));
    }
  }
  const table = renderTable(
    cols.map((c) => t(lang, `check.col.${c}`)),
    body,
    ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
  return culprits.length > 0 ? `${table}\n${culprits.join('\n')}` : table;
}
