import type { Command } from 'commander';
import { modelJsonSchema } from '../../model/index.ts';
import { printJson } from '../io.ts';

/** `pingheng schema`: the model's JSON Schema, generated from the zod schema. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('打印模型的 JSON Schema (print the model JSON Schema, draft 2020-12)')
    .action(() => printJson(modelJsonSchema()));
}
