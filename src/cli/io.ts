import { readFileSync, statSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import {
  assertFinite,
  formatPath,
  InputError,
  type InputIssue,
  linesOfPaths,
  MAX_MODEL_BYTES,
  parseModel,
  type LoadedModel,
} from '../model/index.ts';
import { t, type Lang } from '../i18n/index.ts';
import { useCompiledParser } from '../node.ts';
import { setExitCode } from './exit-code.ts';

// The command line parses large models with zod's compiled parser (src/model/compiled-schema.ts).
useCompiledParser();

/** Shared command-line plumbing: options every command takes, model loading, exit status. */

export { setExitCode, takeExitCode } from './exit-code.ts';

export interface CommonOptions {
  json?: boolean;
  lang: Lang;
}

/** Adds --json and --lang to a command. */
export function withCommonOptions(cmd: Command): Command {
  return cmd
    .option('--json', '输出 JSON 文档 (print one JSON document)')
    .option('--lang <lang>', '语言 zh|en (language)', language, 'zh');
}

/** --lang: zh or en; anything else is a usage error (exit 2), not Chinese by default. */
function language(v: string): Lang {
  if (v === 'zh' || v === 'en') return v;
  throw new InvalidArgumentError('zh|en');
}

/** One located line: `file:line: path: message`. */
export function formatIssue(file: string, i: InputIssue, lang: Lang): string {
  const where =
    i.line === undefined ? file : i.column === undefined ? `${file}:${i.line}` : `${file}:${i.line}:${i.column}`;
  const tag = i.severity === 'warning' ? (lang === 'zh' ? '警告 warning: ' : 'warning: ') : '';
  const message = t(lang, i.code, i.params);
  // a bad option is named, unless its message already begins with it (`--alpha 应为…`)
  const path =
    i.path.length > 0
      ? `${formatPath(i.path)}: `
      : i.option !== undefined && !message.includes(i.option)
        ? `${i.option}: `
        : '';
  return `${where}: ${tag}${path}${message}`;
}

/** Writes the issues of an unusable input to stderr (and as JSON on stdout with --json); sets exit 2. */
export function reportInputError(e: InputError, opts: CommonOptions): void {
  reportInputErrors([e], opts);
}

/**
 * The issues of several unusable files (the two models of a comparison, a park and its members), each
 * with its file, as one report: on stderr, and with --json one JSON document listing them all. Issues
 * found after loading (a comparison's) get the line of their JSON path when the file can be read.
 */
export function reportInputErrors(errors: readonly InputError[], opts: CommonOptions): void {
  for (const e of errors) locate(e);
  for (const e of errors) for (const i of e.issues) process.stderr.write(`${formatIssue(e.file, i, opts.lang)}\n`);
  if (opts.json) {
    const issues = errors.flatMap((e) =>
      e.issues.map((i) => ({
        file: e.file,
        line: i.line ?? null,
        ...(i.column !== undefined ? { column: i.column } : {}),
        // a bad option is located at the option: its name stands where a JSON path would
        path: i.path.length === 0 && i.option !== undefined ? i.option : formatPath(i.path),
        ...(i.option !== undefined ? { option: i.option } : {}),
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
  const open = e.issues.filter((i) => i.line === undefined && i.path.length > 0);
  if (open.length === 0) return;
  let text: string;
  try {
    text = readFileSync(e.file, 'utf8');
  } catch {
    return;
  }
  const lines = linesOfPaths(
    text,
    open.map((i) => i.path),
  );
  open.forEach((i, k) => {
    if (lines[k] !== undefined) i.line = lines[k];
  });
}

/**
 * A bad command-line option as unusable input of `file` (the input it applies to): reported on
 * stderr as `file: message`, and under --json with `path` and `option` naming the option.
 */
export function optionError(
  file: string,
  option: string,
  code: string,
  params: Record<string, string | number> = {},
): InputError {
  return new InputError(file, [{ severity: 'error', path: [], code, params, option }]);
}

/** An InputError for a file that cannot be read (missing, a directory, no permission…). */
export function unreadable(file: string, e: unknown, code: string): InputError {
  const errno = (e as NodeJS.ErrnoException).code ?? '';
  const known = FILE_ERRORS[errno];
  return new InputError(file, [
    { severity: 'error', path: [], code: known ?? code, params: { detail: (e as Error).message } },
  ]);
}
const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'file.missing',
  EISDIR: 'file.directory',
  EACCES: 'file.permission',
  EPERM: 'file.permission',
  ENOTFILE: 'file.notFile',
};

/**
 * A file's bytes: a regular file or a pipe (never a device, which could stream forever), refused
 * with json.tooLarge beyond `limit` bytes before it is read.
 */
export function readInputFile(file: string, limit: number): Uint8Array {
  const st = statSync(file);
  if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (!st.isFile() && !st.isFIFO()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
  if (st.size > limit)
    throw new InputError(file, [
      { severity: 'error', path: [], code: 'json.tooLarge', params: { bytes: st.size, limit }, line: 1 },
    ]);
  return readFileSync(file);
}

/** Reads and validates a model file; throws InputError (located) when it is unusable. */
export function loadModelFile(file: string): LoadedModel {
  let bytes: Uint8Array;
  try {
    bytes = readInputFile(file, MAX_MODEL_BYTES);
  } catch (e) {
    throw e instanceof InputError ? e : unreadable(file, e, 'json.read');
  }
  return parseModel(bytes, file);
}

/** Reads and validates a model file; on failure reports and returns undefined (exit 2). */
export function readModel(file: string, opts: CommonOptions): LoadedModel | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readInputFile(file, MAX_MODEL_BYTES);
  } catch (e) {
    reportInputError(e instanceof InputError ? e : unreadable(file, e, 'json.read'), opts);
    return undefined;
  }
  try {
    const loaded = parseModel(bytes, file);
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

/** Writes a command's human report of `result`; as for printJson, a non-finite number in the result is an internal error. */
export function printReport(result: unknown, text: string): void {
  assertFinite(result, 'the result');
  process.stdout.write(`${text}\n`);
}

/** Prints a JSON document on stdout; a non-finite number in it is an internal error (src/model/finite.ts). */
export function printJson(doc: unknown): void {
  const checked = assertFinite(doc, 'the JSON output');
  const compact = JSON.stringify(checked);
  if (compact.length <= PRETTY_JSON_MAX) process.stdout.write(`${JSON.stringify(checked, null, 2)}\n`);
  else {
    // written as it is: appending the newline would copy 30 MB (the 100 000-flow reconciliation)
    process.stdout.write(compact);
    process.stdout.write('\n');
  }
}

/**
 * Documents longer than this (in compact form) print without indentation: indenting the
 * reconciliation of 100 000 flows adds 22 MB of spaces and ~15 % to the command's time. Smaller
 * ones — everything a person reads — are indented by two spaces.
 */
const PRETTY_JSON_MAX = 1 << 20;
