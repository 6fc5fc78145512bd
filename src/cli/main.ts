import { Command, CommanderError } from 'commander';
import { registerCheck } from './commands/check.ts';
import { registerSchema } from './commands/schema.ts';
import { registerReconcile } from './commands/reconcile.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerCoverage } from './commands/coverage.ts';
import { registerDepth } from './commands/depth.ts';
import { t, type Lang } from '../i18n/index.ts';
import { registerPeriods } from './commands/periods.ts';
import { takeExitCode } from './io.ts';

/**
 * `pingheng <command> MODEL [options]`. Each command lives in src/cli/commands/ and is
 * registered here. Exit status: 0 all good, 1 findings, 2 unusable input (DESIGN.md contract).
 */
const COMMANDS: ((program: Command) => void)[] = [
  registerCheck,
  registerSchema,
  registerReconcile,
  registerIngest,
  registerCoverage,
  registerDepth,
  registerPeriods,
];

export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('pingheng')
    .description('平衡 pingheng — 清洁生产审核平衡计算 (balance engine for cleaner-production audits)')
    .version('0.1.0')
    .exitOverride();
  for (const register of COMMANDS) register(program);
  for (const c of program.commands) c.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      takeExitCode();
      return e.exitCode === 0 ? 0 : 2;
    }
    takeExitCode();
    const lang = argv.includes('--lang=en') || argv[argv.indexOf('--lang') + 1] === 'en' ? 'en' : 'zh';
    internalError(e, argv.includes('--json'), lang);
    return INTERNAL_ERROR;
  }
  return takeExitCode();
}

/**
 * Exit status of a bug in pingheng (docs/cli.md): none of 0, 1, 2, so a script never takes a crash
 * for a verdict about the plant.
 */
export const INTERNAL_ERROR = 3;

/** Reports an unexpected error: one line for the user, the stack for the bug report; with --json a JSON document. */
function internalError(e: unknown, json: boolean, lang: Lang): void {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`pingheng: ${t(lang, 'cli.internalError', { message })}\n`);
  if (e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  if (json) process.stdout.write(`${JSON.stringify({ error: 'internal error', message }, null, 2)}\n`);
}
