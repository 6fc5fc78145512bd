import type { Command } from 'commander';
import {
  advise,
  AdviceImpossible,
  ADVICE_TARGETS,
  type AdviceResult,
  type AdviceTarget,
  costTableProblems,
  type CostTable,
  redundancyAdvice,
  type RedundancyAdvice,
} from '../../advice/index.ts';
import { displayName, layerName, t, type Lang } from '../../i18n/index.ts';
import { InputError, issue, type Model, MAX_JSON_BYTES, parseJsonText } from '../../model/index.ts';
import { validateMetering } from '../../metering/index.ts';
import { locateIssues } from '../../park/index.ts';
import {
  optionError,
  printJson,
  readModel,
  readInputFile,
  reportInputError,
  unreadable,
  setExitCode,
  withCommonOptions,
  type CommonOptions,
} from '../io.ts';

interface AdviseOptions extends CommonOptions {
  target?: string;
  for?: string;
  costs?: string;
}

/**
 * `pingheng advise MODEL --target simple|key|full [--for depth|redundancy] [--costs FILE] [--json]`: the
 * fewest meters to add (or re-verify, or replace) for the target depth, or — `--for redundancy` — for
 * every unmeasured flow observable and every audit-focus flow redundant (docs/advice.md). Exit 0 when the
 * advice is shown to reach the target (or nothing is needed), 1 when it cannot be shown to (data missing),
 * 2 on unusable input or an impossible target (with the reason).
 */
export function registerAdvise(program: Command): void {
  withCommonOptions(
    program
      .command('advise')
      .description(
        '计量器具配置建议：达到目标深度或数据校正冗余所需的最少计量器具 (fewest meters for a target depth or redundancy)',
      )
      .argument('<model>', '模型文件 model JSON')
      .option('--target <depth>', '目标深度 simple|key|full (target depth)', 'key')
      .option('--for <goal>', 'depth（默认）或 redundancy：可观测与审核重点冗余 (what the meters are for)', 'depth')
      .option('--costs <file>', '费用表 JSON（含 source），按费用最小化 (cost table: minimise cost)'),
  ).action((file: string, opts: AdviseOptions) => {
    const bad = (code: string, value: string) =>
      reportInputError(optionError(file, `--${code === 'advice.badTarget' ? 'target' : 'for'}`, code, { value }), opts);
    if (!ADVICE_TARGETS.includes(opts.target as AdviceTarget)) return bad('advice.badTarget', String(opts.target));
    if (opts.for !== 'depth' && opts.for !== 'redundancy') return bad('advice.badFor', String(opts.for));
    const loaded = readModel(file, opts);
    if (!loaded) return;
    const model = loaded.model;
    const metering = validateMetering(model);
    if (metering.length > 0) return reportInputError(new InputError(file, metering), opts);
    let costs: CostTable | undefined;
    if (opts.costs !== undefined) {
      costs = readCosts(opts.costs, opts);
      if (!costs) return;
    }
    if (opts.for === 'redundancy') {
      const r = redundancyAdvice(model, { costs });
      setExitCode(r.reached ? 0 : 1);
      if (opts.json) printJson({ file, target: opts.target, ...r });
      else process.stdout.write(`${renderRedundancy(model, r, opts.lang)}\n`);
      return;
    }
    try {
      const r = advise(model, opts.target as AdviceTarget, { costs });
      setExitCode(r.reached ? 0 : 1);
      if (opts.json) printJson({ file, ...r });
      else process.stdout.write(`${renderAdvice(model, r, opts.lang)}\n`);
    } catch (e) {
      if (!(e instanceof AdviceImpossible)) throw e;
      // no audit focus (or none with devices): the nodes must say which; else the target is out of reach
      const params = { ...e.params, target: t(opts.lang, `depth.label.${opts.target}`) };
      const at = e.code === 'advice.unreachable' ? { option: '--target' } : {};
      reportInputError(
        new InputError(file, [{ ...issue(e.code === 'advice.unreachable' ? [] : ['nodes'], e.code, params), ...at }]),
        opts,
      );
    }
  });
}

function readCosts(file: string, opts: CommonOptions): CostTable | undefined {
  let text: string;
  let doc: unknown;
  try {
    ({ text, data: doc } = parseJsonText(readInputFile(file, MAX_JSON_BYTES), file));
  } catch (e) {
    reportInputError(e instanceof InputError ? e : unreadable(file, e, 'json.read'), opts);
    return undefined;
  }
  const problems = costTableProblems(doc).map((p) => issue(p.path, p.code));
  if (problems.length > 0) {
    reportInputError(new InputError(file, locateIssues(text, problems)), opts);
    return undefined;
  }
  return doc as CostTable;
}

const depthLabel = (d: string, lang: Lang) =>
  t(lang, d === 'undetermined' ? 'advice.undetermined' : `depth.label.${d}`);

function optimality(
  r: { optimal: boolean; objective: 'meters' | 'cost'; cost: number; bound: number },
  lang: Lang,
): string {
  const params = {
    objective: t(lang, `advice.cli.objective.${r.objective}`),
    cost: Number(r.cost.toPrecision(6)),
    bound: Number(r.bound.toPrecision(6)),
  };
  return t(lang, r.optimal ? 'advice.cli.optimal' : 'advice.cli.notOptimal', params);
}

export function renderAdvice(model: Model, r: AdviceResult, lang: Lang): string {
  const out = [
    t(lang, 'advice.cli.title', { name: displayName(model, lang), target: depthLabel(r.target, lang) }),
    t(lang, 'advice.cli.now', { depth: depthLabel(r.from, lang) }),
    '',
  ];
  const reason = (x: { reason: string; reasonEn: string }) => (lang === 'zh' ? x.reason : x.reasonEn);
  const nothing = !r.add.length && !r.replace.length && !r.reverify.length && !r.campaign.length && !r.measure.length;
  if (nothing) out.push(t(lang, 'advice.cli.already'));
  for (const [key, list] of [
    ['advice.cli.add', r.add],
    ['advice.cli.replace', r.replace],
    ['advice.cli.reverify', r.reverifyActions],
  ] as const) {
    if (list.length === 0) continue;
    out.push(t(lang, key, { count: list.length }));
    for (const [i, x] of list.entries()) out.push(`  ${i + 1}. ${reason(x)}`);
  }
  const other = [...r.campaign, ...r.measure, ...r.data];
  if (other.length > 0) {
    out.push(t(lang, 'advice.cli.other'));
    for (const x of other) out.push(`  - ${x[lang]}`);
  }
  out.push('', optimality(r, lang));
  if (r.costSource) out.push(t(lang, 'advice.cli.costSource', { source: r.costSource }));
  out.push(t(lang, 'advice.cli.reaches', { depth: depthLabel(r.reaches, lang) }));
  for (const n of r.editionNotices) out.push(`! ${n[lang]}`);
  return out.join('\n');
}

export function renderRedundancy(model: Model, r: RedundancyAdvice, lang: Lang): string {
  const out = [t(lang, 'advice.cli.redundancyTitle', { name: displayName(model, lang) }), ''];
  for (const l of r.layers)
    out.push(
      t(lang, 'advice.cli.layerBefore', {
        layer: layerName(l.layer, lang),
        unobservable: l.unobservable.length,
        focus: l.focusNotRedundant.length,
      }),
    );
  out.push('', t(lang, 'advice.cli.add', { count: r.add.length }));
  for (const [i, x] of r.add.entries()) out.push(`  ${i + 1}. ${lang === 'zh' ? x.reason : x.reasonEn}`);
  out.push('', optimality(r, lang));
  return out.join('\n');
}
