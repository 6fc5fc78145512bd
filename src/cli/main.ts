import { Command, CommanderError, Help } from 'commander';
import { takeExitCode } from './exit-code.ts';

/**
 * `pingheng <command> MODEL [options]`. Exit status: 0 all good, 1 findings, 2 unusable input
 * (DESIGN.md contract); 3 an internal error (a bug, never a verdict).
 *
 * Each command lives in src/cli/commands/ and is listed once in COMMANDS below: the words of its
 * line in the top-level help, and the import of the module that registers it. Only the module of
 * the command being run is loaded (with what it imports: the model schema, the solvers…), so
 * `pingheng --help` loads commander and this file, and each command pays for its own imports only
 * (docs/architecture.md, "Lazy loading"). test/cli/commands.test.ts checks that each line here
 * matches the command its module registers.
 */
interface LazyCommand {
  /** What follows the name in the top-level help: `[options] <model>`. */
  usage: string;
  description: string;
  load: () => Promise<(program: Command) => void>;
}

export const COMMANDS: Record<string, LazyCommand> = {
  check: {
    usage: '[options] <model>',
    description:
      '检查各节点、各层级的物料/水/能源/污染因子平衡 (check every balance: material, water, energy, components)',
    load: async () => (await import('./commands/check.ts')).registerCheck,
  },
  schema: {
    usage: '',
    description: '打印模型的 JSON Schema (print the model JSON Schema, draft 2020-12)',
    load: async () => (await import('./commands/schema.ts')).registerSchema,
  },
  reconcile: {
    usage: '[options] <model>',
    description: '数据校正与粗大误差检测 (data reconciliation and gross-error detection)',
    load: async () => (await import('./commands/reconcile.ts')).registerReconcile,
  },
  ingest: {
    usage: '[options] <readings>',
    description: '读取计量读数 CSV，计算各表测试期累计量、缺测与质量标记 (ingest meter readings)',
    load: async () => (await import('./commands/ingest.ts')).registerIngest,
  },
  coverage: {
    usage: '[options] <model>',
    description: '计量器具配备率：GB 17167、GB 24789、云南附件二 (meter coverage per rule table and level)',
    load: async () => (await import('./commands/coverage.ts')).registerCoverage,
  },
  depth: {
    usage: '[options] <model>',
    description: '物料平衡工作深度（云南 2007）与验收类型 (depth of the balance work and acceptance A/B/C)',
    load: async () => (await import('./commands/depth.ts')).registerDepth,
  },
  periods: {
    usage: '[options] <model>',
    description: '多统计期（月度台账）平衡、库存结转、指标与年度汇总 (balances per period, stocks, annual roll-up)',
    load: async () => (await import('./commands/periods.ts')).registerPeriods,
  },
  compare: {
    usage: '[options] <before> <after>',
    description:
      '审核前后对比：节能量、节水量、减排量、减碳量、验收要求与方案经济性 (before/after savings, acceptance, proposals)',
    load: async () => (await import('./commands/compare.ts')).registerCompare,
  },
  carbon: {
    usage: '[options] <model>',
    description: '二氧化碳排放清单：燃料、外购电力和热力 (CO2 inventory: fuels, purchased electricity and heat)',
    load: async () => (await import('./commands/carbon.ts')).registerCarbon,
  },
  advise: {
    usage: '[options] <model>',
    description:
      '计量器具配置建议：达到目标深度或数据校正冗余所需的最少计量器具 (fewest meters for a target depth or redundancy)',
    load: async () => (await import('./commands/advise.ts')).registerAdvise,
  },
  park: {
    usage: '[options] <park>',
    description: '园区（企业集群）平衡：各成员、成员之间的流与园区边界 (park balances: members, links, park boundary)',
    load: async () => (await import('./commands/park.ts')).registerPark,
  },
  report: {
    usage: '[options] <model>',
    description: '生成审核报告的平衡章节：Word、Excel 与可打印网页 (write the report: .docx, .xlsx, .html)',
    load: async () => (await import('./commands/report.ts')).registerReport,
  },
};

/** The command a command line runs (`pingheng help X` runs X's help), if it names one. */
export function commandOf(argv: string[]): string | undefined {
  const words = argv.slice(2).filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? name : undefined;
}

/** The program with no command registered yet. */
export function program(): Command {
  return new Command()
    .name('pingheng')
    .description('平衡 pingheng — 清洁生产审核平衡计算 (balance engine for cleaner-production audits)')
    .version('0.1.0')
    .exitOverride();
}

/**
 * Every command as a line of help only (the top-level help, --version, an unknown command and its
 * "did you mean"): nothing of theirs is loaded.
 */
function listCommands(p: Command): void {
  for (const [name, c] of Object.entries(COMMANDS)) p.command(name).description(c.description);
  const help = new Help();
  p.configureHelp({
    subcommandTerm: (cmd) => {
      const entry = Object.hasOwn(COMMANDS, cmd.name()) ? COMMANDS[cmd.name()] : undefined;
      return entry ? `${cmd.name()}${entry.usage ? ` ${entry.usage}` : ''}` : help.subcommandTerm(cmd);
    },
  });
}

export async function main(argv: string[]): Promise<number> {
  const p = program();
  const name = commandOf(argv);
  if (name) (await COMMANDS[name]!.load())(p);
  else listCommands(p);
  for (const c of p.commands) c.exitOverride();
  try {
    await p.parseAsync(argv);
  } catch (e) {
    takeExitCode();
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0;
      if (argv.includes('--json')) usageError(e, argv);
      return 2;
    }
    await internalError(e, argv);
    return INTERNAL_ERROR;
  }
  return takeExitCode();
}

/**
 * Exit status of a bug in pingheng (docs/cli.md): none of 0, 1, 2, so a script never takes a crash
 * for a verdict about the plant.
 */
export const INTERNAL_ERROR = 3;

/**
 * A command line commander refuses (a missing argument or option, an unknown option, a bad --lang):
 * commander has written its message on stderr; with --json the same as the unusable-input document,
 * located at the option it names (else at the command line), so a script reads every exit 2 alike.
 */
function usageError(e: CommanderError, argv: string[]): void {
  const message = e.message.replace(/^error: /, '');
  const option = /(--[a-z][\w-]*)/.exec(message)?.[1];
  const words = argv.slice(2).filter((a) => !a.startsWith('-'));
  const issue = {
    file: words[1] ?? '(command line)',
    line: null,
    path: option ?? '(command line)',
    ...(option ? { option } : {}),
    severity: 'error',
    code: e.code,
    message,
  };
  process.stdout.write(`${JSON.stringify({ error: 'unusable input', issues: [issue] }, null, 2)}\n`);
}

/** Reports an unexpected error: one line for the user, the stack for the bug report; with --json a JSON document. */
async function internalError(e: unknown, argv: string[]): Promise<void> {
  const message = e instanceof Error ? e.message : String(e);
  const lang = argv.includes('--lang=en') || argv[argv.indexOf('--lang') + 1] === 'en' ? 'en' : 'zh';
  const { t } = await import('../i18n/index.ts'); // the catalogue only when it is needed
  process.stderr.write(`pingheng: ${t(lang, 'cli.internalError', { message })}\n`);
  if (e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  if (argv.includes('--json'))
    process.stdout.write(`${JSON.stringify({ error: 'internal error', message }, null, 2)}\n`);
}
