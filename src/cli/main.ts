import { Command, CommanderError } from 'commander';
import { registerCheck } from './commands/check.ts';
import { registerSchema } from './commands/schema.ts';
import { registerReconcile } from './commands/reconcile.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerCoverage } from './commands/coverage.ts';
import { registerDepth } from './commands/depth.ts';
import { registerPeriods } from './commands/periods.ts';
import { registerCompare } from './commands/compare.ts';
import { registerCarbon } from './commands/carbon.ts';
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
  registerCompare,
  registerCarbon,
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
      return e.exitCode === 0 ? 0 : 2;
    }
    throw e;
  }
  return takeExitCode();
}
