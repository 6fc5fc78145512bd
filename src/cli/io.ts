import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatPath, InputError, type InputIssue } from '../model/issues.ts';
import { nearestLine, parseModel, type LoadedModel } from '../model/load.ts';
import { t, type Lang } from '../i18n/index.ts';

/** Shared command-line plumbing: options every command takes, model loading, exit status. */

let exitCode = 0;
/** Raises the process exit status (0 good, 1 findings, 2 unusable input); the highest wins. */
export function setExitCode(code: number): void {
  exitCode = Math.max(exitCode, code);
}
export function takeExitCode(): number {
  const c = exitCode;
  exitCode = 0;
  return c;
}

export interface CommonOptions {
  json?: boolean;
  lang: Lang;
}

/** Adds --json and --lang to a command. */
export function withCommonOptions(cmd: Command): Command {
  return cmd
    .option('--json', '输出 JSON 文档 (print one JSON document)')
    .option('--lang <lang>', '语言 zh|en (language)', (v) => (v === 'en' ? 'en' : 'zh'), 'zh');
}

/** One located line: `file:line: path: message`. */
export function formatIssue(file: string, i: InputIssue, lang: Lang): string {
  const where = i.line !== undefined ? `${file}:${i.line}` : file;
  const tag = i.severity === 'warning' ? (lang === 'zh' ? '警告 warning: ' : 'warning: ') : '';
  const path = i.path.length > 0 ? `${formatPath(i.path)}: ` : '';
  return `${where}: ${tag}${path}${t(lang, i.code, i.params)}`;
}

/** Writes the issues of an unusable input to stderr (and as JSON on stdout with --json); sets exit 2. */
export function reportInputError(e: InputError, opts: CommonOptions): void {
  reportInputErrors([e], opts);
}

/**
 * The issues of several unusable inputs (the two models of a comparison) as one report: each on
 * stderr, located; with --json, one JSON document listing them all. Issues without a line get the
 * line of their path when the file can be read.
 */
export function reportInputErrors(errors: InputError[], opts: CommonOptions): void {
  for (const e of errors) locate(e);
  for (const e of errors) for (const i of e.issues) process.stderr.write(`${formatIssue(e.file, i, opts.lang)}\n`);
  if (opts.json) {
    const issues = errors.flatMap((e) =>
      e.issues.map((i) => ({
        file: e.file,
        line: i.line ?? null,
        path: formatPath(i.path),
        severity: i.severity,
        code: i.code,
        message: t(opts.lang, i.code, i.params),
      })),
    );
    process.stdout.write(`${JSON.stringify({ error: 'unusable input', issues }, null, 2)}\n`);
  }
  setExitCode(2);
}

function locate(e: InputError): void {
  if (e.issues.every((i) => i.line !== undefined || i.path.length === 0)) return;
  let text: string;
  try {
    text = readFileSync(e.file, 'utf8');
  } catch {
    return;
  }
  for (const i of e.issues) if (i.line === undefined && i.path.length > 0) i.line = nearestLine(text, i.path);
}

/** Reads and validates a model file; throws InputError (located) when it is unusable. */
export function loadModelFile(file: string): LoadedModel {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(file, [
      { severity: 'error', path: [], code: 'json.read', params: { detail: (e as Error).message } },
    ]);
  }
  return parseModel(text, file);
}

/** Reads and validates a model file; on failure reports and returns undefined (exit 2). */
export function readModel(file: string, opts: CommonOptions): LoadedModel | undefined {
  try {
    const loaded = loadModelFile(file);
    if (!opts.json) for (const w of loaded.warnings) process.stderr.write(`${formatIssue(file, w, opts.lang)}\n`);
    return loaded;
  } catch (e) {
    if (e instanceof InputError) {
      reportInputError(e, opts);
      return undefined;
    }
    throw e;
  }
}

/** Prints a JSON document on stdout. */
export function printJson(doc: unknown): void {
  process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
}
