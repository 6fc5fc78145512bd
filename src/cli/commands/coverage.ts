import type { Command } from 'commander';
import { displayName, t, type Lang } from '../../i18n/index.ts';
import { InputError, type Model } from '../../model/index.ts';
import {
  analyseMetering,
  coverageRows,
  type CoverageRow,
  type MeteringAnalysis,
  renderMainWarning,
  validateMetering,
} from '../../metering/index.ts';
import {
  printJson,
  printReport,
  readModel,
  reportInputError,
  setExitCode,
  withCommonOptions,
  type CommonOptions,
} from '../io.ts';
import { fmt, renderTable } from '../table.ts';

interface CoverageOptions extends CommonOptions {
  all?: boolean;
}

/**
 * `pingheng coverage MODEL [--all] [--json]`: meter coverage R = n/N per rule-table row and level
 * (docs/metering.md). Exit 1 when any row with a requirement falls short, 2 on unusable input.
 */
export function registerCoverage(program: Command): void {
  withCommonOptions(
    program
      .command('coverage')
      .description('计量器具配备率：GB 17167、GB 24789、云南附件二 (meter coverage per rule table and level)')
      .argument('<model>', '模型文件 model JSON')
      .option('--all', '显示 N = 0 的行 (also rows without points)'),
  ).action((file: string, opts: CoverageOptions) => {
    const a = analyseOrReport(file, opts);
    if (!a) return;
    const rows = coverageRows(a);
    setExitCode(rows.every((r) => r.pass) ? 0 : 1);
    if (opts.json) printJson({ file, ...coverageDocument(a, rows) });
    else printReport(rows, renderCoverage(a, rows, opts.lang, opts.all === true));
  });
}

/** Loads the model and resolves its rule editions; reports unusable input (exit 2). */
export function analyseOrReport(file: string, opts: CommonOptions, given?: Model): MeteringAnalysis | undefined {
  const m: Model | undefined = given ?? readModel(file, opts)?.model;
  if (!m) return undefined;
  const issues = validateMetering(m);
  if (issues.length > 0) {
    reportInputError(new InputError(file, issues), opts);
    return undefined;
  }
  return analyseMetering(m);
}

/** The `coverage --json` document (DESIGN.md: `{ rows: [...] }` plus meters, exemptions, main-ness). */
export function coverageDocument(a: MeteringAnalysis, rows: CoverageRow[]) {
  return {
    editions: { GB17167: a.rules.energy.edition, GB24789: a.rules.water.edition, Yunnan: a.rules.material.edition },
    editionNotices: a.notices,
    warnings: meteringWarnings(a),
    rows,
    meters: a.checks.map((c) => ({
      meter: c.meter,
      flow: c.flow,
      table: c.table,
      carrier: c.row,
      level: c.level,
      type: c.type ?? null,
      requiredClass: c.requiredClass ?? null,
      counts: c.counts && c.quantity,
      quantity: c.quantity,
      findings: c.findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        zh: t('zh', f.code, f.params),
        en: t('en', f.code, f.params),
      })),
    })),
    exemptions: a.exemptions.map((e) => ({ ...e, zh: t('zh', e.code, e.params), en: t('en', e.code, e.params) })),
    main: a.derived.main,
    uncovered: a.derived.uncovered,
    excluded: a.derived.excluded,
  };
}

/** Warnings of the metering analysis (power limits judged on average power), both languages. */
export function meteringWarnings(a: MeteringAnalysis) {
  return a.derived.mainWarnings.map((w) => renderMainWarning(a.graph, w));
}

function ratioCell(r: CoverageRow): string {
  // R is a percentage with two decimals (GB 17167 注3 R = n / N × 100 %): printed as such in every row.
  return r.ratio === null ? '—' : r.ratio.toFixed(2);
}

export function renderCoverage(a: MeteringAnalysis, rows: CoverageRow[], lang: Lang, all: boolean): string {
  const out: string[] = [`${displayName(a.graph.model, lang)} — ${t(lang, 'metering.cli.rowsHeader')}`];
  for (const n of a.notices) out.push(`! ${n[lang]}`);
  for (const w of meteringWarnings(a)) out.push(`! ${w[lang]}`);
  const shown = rows.filter((r) => all || r.N > 0);
  out.push(
    renderTable(
      ['table', 'row', 'level', 'n', 'N', 'ratio', 'required', 'pass', 'missing'].map((k) =>
        k === 'n' || k === 'N' ? k : t(lang, `metering.cli.${k}`),
      ),
      shown.map((r) => [
        r.table,
        r.label[lang],
        String(r.level),
        r.kind === 'volume' ? fmt(r.n) : String(r.n),
        r.kind === 'volume' ? `${fmt(r.N)} ${r.unit ?? ''}`.trim() : String(r.N),
        ratioCell(r),
        r.required === null ? t(lang, 'metering.cli.noRequirement') : String(r.required),
        t(lang, r.pass ? 'metering.cli.ok' : 'metering.cli.fail'),
        r.missing.join(' '),
      ]),
      ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  const hidden = rows.length - shown.length;
  if (hidden > 0) out.push(t(lang, 'metering.cli.emptyRows', { count: hidden }));
  const bad = a.checks.filter((c) => c.findings.length > 0);
  if (bad.length > 0) {
    out.push('', t(lang, 'metering.cli.invalid'));
    const seen = new Set<string>();
    for (const c of bad) {
      for (const f of c.findings) {
        const line = `  ${c.meter} (${c.flow}, ${c.table} L${c.level}): ${f.severity === 'error' ? '✗' : '!'} ${t(lang, f.code, f.params)}`;
        if (!seen.has(line)) out.push(line);
        seen.add(line);
      }
    }
  }
  if (a.exemptions.length > 0) {
    out.push('', t(lang, 'metering.cli.exempt'));
    // One line per flow and finding, with the tables and levels it applies to.
    const grouped = new Map<string, { e: (typeof a.exemptions)[number]; where: Set<string>; levels: Set<number> }>();
    for (const e of a.exemptions) {
      const k = `${e.flow}|${e.code}|${e.accepted}|${JSON.stringify(e.params)}`;
      const g = grouped.get(k) ?? { e, where: new Set<string>(), levels: new Set<number>() };
      g.where.add(e.table);
      g.levels.add(e.level);
      grouped.set(k, g);
    }
    for (const { e, where, levels } of grouped.values()) {
      out.push(
        `  ${e.flow} (${[...where].join(', ')}; L${[...levels].sort().join('/')}): ${e.accepted ? '✓' : '✗'} ${t(lang, e.code, e.params)}`,
      );
    }
  }
  out.push('', t(lang, 'metering.cli.main'));
  const groupLabel = (c: string) =>
    c === 'material'
      ? t(lang, 'metering.cli.materialGroup')
      : (a.rules.energy.mainThresholds.find((x) => x.category === c)?.label[lang] ?? c);
  for (const m of a.derived.main.filter((x) => x.level > 1)) {
    const node = a.graph.nodes.find((n) => n.id === m.node);
    out.push(
      `  L${m.level} ${node ? displayName(node, lang) : m.node}: ${t(lang, m.main ? 'metering.cli.isMain' : 'metering.cli.notMain')}`,
    );
    for (const g of m.groups) {
      const ev = g.evidence
        .map((e) => `${fmt(e.rate)}/${e.limit} ${e.unit}, ${t(lang, `metering.cli.measure.${e.measure}`)}`)
        .join(lang === 'zh' ? '；' : '; ');
      out.push(
        `      ${groupLabel(g.category)}: ${t(lang, g.main ? 'metering.cli.isMain' : 'metering.cli.notMain')} — ${t(lang, `metering.main.${g.basis}`)}${ev ? ` (${ev})` : ''}`,
      );
    }
  }
  if (a.derived.uncovered.length > 0)
    out.push('', t(lang, 'metering.cli.uncovered', { flows: a.derived.uncovered.join(', ') }));
  return out.join('\n');
}
