import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { displayName, layerName, t, type Lang } from '../../i18n/index.ts';
import {
  InputError,
  issue,
  type InputIssue,
  MAX_JSON_BYTES,
  parseJsonText,
  parseModel,
  type Model,
} from '../../model/index.ts';
import { validateMetering } from '../../metering/index.ts';
import {
  checkPark,
  type ParkMemberInput,
  type ParkResult,
  locateIssues,
  parsePark,
  type Park,
} from '../../park/index.ts';
import {
  printJson,
  printReport,
  readInputFile,
  reportInputErrors,
  unreadable,
  setExitCode,
  withCommonOptions,
  type CommonOptions,
} from '../io.ts';
import { fmt, renderTable } from '../table.ts';

interface ParkOptions extends CommonOptions {
  metering?: boolean;
}

/**
 * `pingheng park PARK.json`: the members' balances, coverage and depth, both ends of every flow
 * between members, and the park boundary's balances, all per year (docs/park.md). Exit 1 when a
 * member or the park boundary has an open balance or a link's two ends disagree; 2 on unusable
 * input (the park file, a member's file — named with the member — or a link end).
 */
export function registerPark(program: Command): void {
  withCommonOptions(
    program
      .command('park')
      .description(
        '园区（企业集群）平衡：各成员、成员之间的流与园区边界 (park balances: members, links, park boundary)',
      )
      .argument('<park>', '园区文件 PARK.json')
      .option('--no-metering', '不计算各成员的配备率与深度 (skip coverage and depth per member)'),
  ).action((file: string, opts: ParkOptions) => {
    const errors: InputError[] = [];
    const loaded = loadPark(file, errors);
    if (!loaded) return reportInputErrors(errors, opts);
    try {
      const result = checkPark(loaded.park, loaded.inputs, { file, metering: opts.metering !== false });
      setExitCode(result.summary.ok ? 0 : 1);
      if (opts.json) printJson({ file, ...result });
      else printReport(result, renderPark(result, opts.lang));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      locateIssues(loaded.text, e.issues);
      reportInputErrors([e], opts);
    }
  });
}

/** Reads the park file and every member's model(s); collects every problem, each with its file. */
function loadPark(
  file: string,
  errors: InputError[],
): { park: Park; inputs: ParkMemberInput[]; text: string } | undefined {
  // bytes, not UTF-8 text: a park or member file saved in GB18030 is decoded, never garbled
  let bytes: Uint8Array;
  try {
    bytes = readInputFile(file, MAX_JSON_BYTES);
  } catch (e) {
    errors.push(e instanceof InputError ? e : unreadable(file, e, 'json.read'));
    return undefined;
  }
  let park: Park;
  let text: string;
  try {
    park = parsePark(bytes, file);
    text = parseJsonText(bytes, file).text;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    errors.push(e);
    return undefined;
  }
  const base = dirname(file);
  const parkIssues: InputIssue[] = [];
  const memberErrors: InputError[] = [];
  const read = (i: number, key: 'model' | 'before' | 'after', rel: string): Model | undefined => {
    const path = resolve(base, rel);
    const shown = rel.startsWith('/') ? rel : `${base === '.' ? '' : `${base}/`}${rel}`;
    const at = (code: string, params: Record<string, string | number>) => {
      parkIssues.push(issue(['members', i, key], code, params));
    };
    let body: Uint8Array;
    try {
      body = readInputFile(path, MAX_JSON_BYTES);
    } catch (e) {
      if (e instanceof InputError) {
        at('park.memberInvalid', { id: park.members[i]!.id, file: shown, count: 1 });
        memberErrors.push(new InputError(shown, e.issues));
        return undefined;
      }
      at('park.memberRead', { id: park.members[i]!.id, file: shown, detail: (e as Error).message });
      return undefined;
    }
    try {
      const model = parseModel(body, shown).model;
      const metering = validateMetering(model);
      if (metering.length > 0) throw new InputError(shown, locateIssues(parseJsonText(body, shown).text, metering));
      return model;
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const count = e.issues.filter((x) => x.severity === 'error').length;
      at('park.memberInvalid', { id: park.members[i]!.id, file: shown, count });
      memberErrors.push(e);
      return undefined;
    }
  };
  const inputs: ParkMemberInput[] = [];
  park.members.forEach((m, i) => {
    const model = read(i, 'model', m.model);
    const before = m.before === undefined ? undefined : read(i, 'before', m.before);
    const after = m.after === undefined ? undefined : read(i, 'after', m.after);
    if (model)
      inputs.push({ id: m.id, model, file: m.model, ...(before ? { before } : {}), ...(after ? { after } : {}) });
  });
  if (parkIssues.length > 0) {
    errors.push(new InputError(file, locateIssues(text, parkIssues)), ...memberErrors);
    return undefined;
  }
  return { park, inputs, text };
}

/** The human report: members, links, the park boundary, findings. */
export function renderPark(r: ParkResult, lang: Lang): string {
  const out = [t(lang, 'park.cli.title', { name: displayName(r.park, lang) }), '', t(lang, 'park.cli.members')];
  out.push(
    renderTable(
      ['member', 'factor', 'balances', 'energy', 'water', 'coverage', 'depth'].map((c) => t(lang, `park.cli.col.${c}`)),
      r.members.map((m) => [
        `${m.id} ${displayName(m, lang)}`,
        fmt(m.annualFactor),
        t(lang, 'periods.cli.balances', { closed: m.summary.closed + m.summary.byDifference, open: m.summary.open }),
        fmt(m.indicators.energyEquivalent),
        fmt(m.indicators.newWater),
        m.coverage ? `${m.coverage.passing}/${m.coverage.rows}` : '—',
        m.depth ? m.depth.label[lang] : '—',
      ]),
      ['left', 'right', 'left', 'right', 'right', 'right', 'left'],
    ),
  );
  if (r.links.length > 0) {
    out.push('', t(lang, 'park.cli.links'));
    out.push(
      renderTable(
        ['link', 'layer', 'from', 'to', 'difference', 'relative', 'tolerance', 'status'].map((c) =>
          t(lang, `park.cli.col.${c}`),
        ),
        r.links.map((l) => [
          (lang === 'en' ? (l.nameEn ?? l.name) : l.name) ?? l.link,
          `${layerName(l.layer, lang)} (${l.unit}/a)`,
          fmt(l.from),
          fmt(l.to),
          fmt(l.difference),
          l.relative === null ? '—' : (l.relative * 100).toFixed(1),
          String(l.tolerancePct),
          t(lang, `park.cli.status.${l.status}`),
        ]),
        ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'left'],
      ),
    );
  }
  out.push('', t(lang, 'park.cli.balances'));
  out.push(
    renderTable(
      [
        'check.col.layer',
        'check.col.in',
        'check.col.out',
        'check.col.stock',
        'check.col.residual',
        'check.col.closure',
        'check.col.status',
      ].map((k) => t(lang, k)),
      r.balances.map((b) => [
        `${layerName(b.layer, lang)} (${b.unit}/a)`,
        fmt(b.in),
        fmt(b.out),
        fmt(b.stockChange),
        fmt(b.residual),
        b.closure === null ? '—' : (b.closure * 100).toFixed(2),
        t(lang, `status.${b.status}`),
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
  );
  const i = r.indicators;
  out.push(
    '',
    t(lang, 'park.cli.indicators', {
      energy: fmt(i.energyEquivalent),
      water: i.newWater === null ? '—' : `${fmt(i.newWater)} ${i.waterUnit}/a`,
    }),
  );
  if (r.savings) {
    const n = (x: number | null) => (x === null ? '—' : fmt(x));
    const tot = r.savings.total;
    out.push(
      '',
      t(lang, 'park.cli.savings', {
        members: r.savings.members.map((m) => m.member).join(', '),
        energy: n(tot.energyTce),
        water: n(tot.waterT),
        co2: n(tot.co2T),
      }),
    );
    for (const [k, v] of Object.entries(tot.pollutants))
      out.push(`  ${k}: ${t(lang, 'park.cli.pollutant', { generation: n(v.generation), discharge: n(v.discharge) })}`);
    for (const m of r.savings.members) if (m.error) out.push(`  ${m.member}: ${m.error}`);
  }
  const errors = r.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) out.push('', t(lang, 'park.cli.findings'), ...errors.map((f) => `  ${f.message[lang]}`));
  else out.push('', t(lang, 'park.cli.ok'));
  return out.join('\n');
}
