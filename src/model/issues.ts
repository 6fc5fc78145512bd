/**
 * A problem found in an input: where (JSON path or file line), what (a message code with
 * parameters, rendered in Chinese or English by src/i18n), and how bad.
 */
export type Severity = 'error' | 'warning';
export type PathSegment = string | number;

export interface InputIssue {
  severity: Severity;
  /** JSON path as segments, e.g. ['flows', 3, 'to']. */
  path: PathSegment[];
  /** Message code, a key of the message catalogue (src/i18n/messages.ts). */
  code: string;
  params: Record<string, string | number>;
  /** 1-based line in the source file, when known. */
  line?: number;
  /** 1-based column (characters) on that line, when known (JSON syntax errors). */
  column?: number;
  /** The command-line option at fault (`--alpha`), for a problem of the command line rather than the file. */
  option?: string;
}

/**
 * Formats a path the way the messages print it: flows[3].to
 *
 * @example
 * formatPath(['flows', 3, 'to']) // => 'flows[3].to'
 */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * Thrown when an input is unusable; carries every issue found, not only the first.
 *
 * @example
 * const e = new InputError('m.json', [issue(['flows', 3, 'to'], 'flow.unknownNode', { id: 'dye2' })]);
 * [e.message, formatPath(e.issues[0].path)] // => ['m.json: 1 problem(s)', 'flows[3].to']
 */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly issues: InputIssue[],
  ) {
    super(`${file}: ${issues.filter((i) => i.severity === 'error').length} problem(s)`);
    this.name = 'InputError';
  }
}

/**
 * An issue at a JSON path: a message code of the catalogue and its parameters (errors by default).
 *
 * @example
 * issue(['flows', 3, 'to'], 'ref.unknownNode', { id: 'dye2' }).severity // => 'error'
 */
export function issue(
  path: PathSegment[],
  code: string,
  params: Record<string, string | number> = {},
  severity: Severity = 'error',
): InputIssue {
  return { severity, path, code, params };
}
