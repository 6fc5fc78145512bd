/**
 * The panels every model gets from `checkModel`: balance per unit with closure badges,
 * master–sub meters, energy use in tce, findings with advice.
 */
import type { CheckResult, EnergyUse, EnergyUseRow, Finding, MasterSubRow, NodeBalance } from '../../src/index.ts';
import { carrierName, displayName, layerName, layerTitle, percent, t } from '../../src/index.ts';
import type { TableData } from '../table.ts';
import { registerPanel, type Panel } from './registry.ts';

export const balancePanel: Panel = {
  id: 'balance',
  order: 10,
  tables({ loaded, lang, layer }) {
    const rows = loaded.result.balances.filter((b) => b.layer === layer);
    const table: TableData<NodeBalance> = {
      id: 'balance',
      // Says which layer it shows (the diagram's layer selector sets it).
      title: t(lang, 'web.panel.balanceOf', {
        title: t(lang, 'web.panel.balance'),
        layer: layerTitle(layer, lang),
        unit: loaded.layers.find((l) => l.layer === layer)?.unit ?? '',
      }),
      rows,
      columns: [
        { header: t(lang, 'web.col.node'), value: (b) => displayName(b, lang) },
        { header: t(lang, 'web.col.level'), value: (b) => t(lang, `web.level.${b.level}`) },
        { header: t(lang, 'web.col.unit'), value: (b) => b.unit },
        { header: t(lang, 'web.col.in'), value: (b) => b.in, numeric: true },
        { header: t(lang, 'web.col.out'), value: (b) => b.out, numeric: true },
        { header: t(lang, 'web.col.stock'), value: (b) => b.stockChange, numeric: true },
        { header: t(lang, 'web.col.residual'), value: (b) => b.residual, numeric: true },
        { header: t(lang, 'web.col.closure'), value: (b) => percent(b.closure, 1), numeric: true },
        { header: t(lang, 'web.col.tolerance'), value: (b) => b.tolerancePct, numeric: true },
        {
          header: t(lang, 'web.col.status'),
          value: (b) => t(lang, `web.status.${b.status}`),
          badge: (b) => `status-${b.status}`,
        },
      ],
    };
    return [table];
  },
};

export const masterSubPanel: Panel = {
  id: 'masterSub',
  order: 30,
  tables({ loaded, lang }) {
    const table: TableData<MasterSubRow> = {
      id: 'master-sub',
      title: t(lang, 'web.panel.masterSub'),
      rows: loaded.result.masterSub,
      columns: [
        { header: t(lang, 'web.col.node'), value: (r) => displayName(r, lang) },
        { header: t(lang, 'web.col.layer'), value: (r) => layerName(r.layer, lang) },
        { header: t(lang, 'web.col.carrier'), value: (r) => carrierName(r.carrier, lang) },
        { header: t(lang, 'web.col.unit'), value: (r) => r.unit },
        { header: t(lang, 'web.col.master'), value: (r) => r.master, numeric: true },
        { header: t(lang, 'web.col.subs'), value: (r) => r.subs, numeric: true },
        { header: t(lang, 'web.col.difference'), value: (r) => r.difference, numeric: true },
        { header: t(lang, 'web.col.relative'), value: (r) => percent(r.relative, 1), numeric: true },
        { header: t(lang, 'web.col.tolerance'), value: (r) => r.tolerancePct, numeric: true },
        {
          header: t(lang, 'web.col.status'),
          value: (r) => t(lang, `web.status.${r.status}`),
          badge: (r) => `status-${r.status}`,
        },
      ],
    };
    return [table];
  },
};

/** A carrier's consumption (received − sent out − Δstock), or the node's 综合能耗 (null when a term is unknown). */
type EnergyRowOf = Pick<EnergyUseRow, 'carrier'> & {
  node: string;
  tceEquivalent: number | null;
  tceEqual: number | null;
  comprehensive?: boolean;
};

export const energyUsePanel: Panel = {
  id: 'energyUse',
  order: 40,
  tables({ loaded, lang }) {
    const names = new Map(loaded.result.energyUse.map((u) => [u.node, displayName(u, lang)]));
    const rows: EnergyRowOf[] = loaded.result.energyUse.flatMap((u: EnergyUse) => [
      ...u.rows.map((r) => ({
        carrier: r.carrier,
        tceEquivalent: r.tceEquivalent,
        tceEqual: r.tceEqual,
        node: u.node,
      })),
      {
        node: u.node,
        carrier: t(lang, 'web.col.comprehensive'),
        tceEquivalent: u.comprehensiveEquivalent,
        tceEqual: u.comprehensiveEqual,
        comprehensive: true,
      },
    ]);
    const table: TableData<EnergyRowOf> = {
      id: 'energy-use',
      title: t(lang, 'web.panel.energyUse'),
      rows,
      columns: [
        { header: t(lang, 'web.col.node'), value: (r) => names.get(r.node) ?? r.node },
        {
          header: t(lang, 'web.col.carrier'),
          value: (r) => (r.comprehensive ? r.carrier : carrierName(r.carrier, lang)),
          badge: (r) => (r.comprehensive ? 'total' : undefined),
        },
        { header: t(lang, 'web.col.equivalent'), value: (r) => r.tceEquivalent, numeric: true },
        { header: t(lang, 'web.col.equal'), value: (r) => r.tceEqual, numeric: true },
      ],
    };
    return rows.length ? [table] : [];
  },
};

export const findingsPanel: Panel = {
  id: 'findings',
  order: 20,
  tables({ loaded, lang }) {
    const result: CheckResult = loaded.result;
    const adviceOf = (f: Finding) => {
      const b = result.balances.find((x) => x.node === f.node && x.layer === f.layer);
      return b ? b.advice.map((code) => t(lang, code)).join('；') : '';
    };
    const table: TableData<Finding> = {
      id: 'findings',
      title: t(lang, 'web.panel.findings'),
      rows: result.findings,
      columns: [
        {
          header: t(lang, 'web.col.severity'),
          value: (f) => t(lang, `web.severity.${f.severity}`),
          badge: (f) => `severity-${f.severity}`,
        },
        { header: t(lang, 'web.col.layer'), value: (f) => (f.layer ? layerName(f.layer, lang) : '') },
        { header: t(lang, 'web.col.message'), value: (f) => f.message[lang] },
        { header: t(lang, 'web.col.advice'), value: adviceOf },
      ],
    };
    return [table];
  },
};

for (const p of [balancePanel, findingsPanel, masterSubPanel, energyUsePanel]) registerPanel(p);
