import type { Command } from 'commander';
import { readModel, withCommonOptions, type CommonOptions } from '../io.ts';

/** `pingheng check MODEL`: balances of every node and layer. (Filled in by the balance work.) */
export function registerCheck(program: Command): void {
  withCommonOptions(program.command('check').argument('<model>', '模型文件 model JSON')).action((file: string, opts: CommonOptions) => {
    readModel(file, opts);
  });
}
