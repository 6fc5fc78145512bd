import { decodeText } from '../text/encoding.ts';
import { InputError, issue, type InputIssue } from './issues.ts';
import { countKeys, scanJson } from './json-locate.ts';

/** A JSON file larger than this is refused before it is read into a string (a real plant's is < 1 MiB). */
export const MAX_JSON_BYTES = 128 * 1024 * 1024;

export interface JsonText {
  /** The decoded text, without a byte-order mark (the lines of `data`'s paths are found in it). */
  text: string;
  data: unknown;
  /** Keys given twice in one object (JSON.parse keeps the last one silently), located. */
  duplicates: InputIssue[];
}

/**
 * Any JSON file pingheng reads — a model, a park, a cost table, a column mapping, an ingest result —
 * from its bytes (UTF-8, UTF-16 or GB18030, detected as src/text/encoding.ts says) or its text: the
 * encoding, a byte-order mark (dropped before anything is located, so lines stay right), an empty
 * file, the first syntax error (line and column, in words, not the engine's English) and the
 * engine's limits. Throws InputError located in `file`; never anything else.
 *
 * @example
 * parseJsonText('{"a": 1}', 'x.json').data // => { a: 1 }
 * parseJsonText('{"a": 1,}', 'x.json') // => throws json.trailingComma
 */
export function parseJsonText(input: string | Uint8Array, file: string): JsonText {
  const fail = (code: string, params: Record<string, string | number> = {}, line?: number): never => {
    const found = issue([], code, params);
    if (line !== undefined) found.line = line;
    throw new InputError(file, [found]);
  };
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    if (input.length > MAX_JSON_BYTES) fail('json.tooLarge', { bytes: input.length, limit: MAX_JSON_BYTES }, 1);
    const decoded = decodeText(input);
    if (!decoded.ok)
      fail(`json.${decoded.code}Encoding`, { encoding: decoded.encoding, line: decoded.line }, decoded.line);
    text = (decoded as { text: string }).text;
  }
  if (text.length > MAX_JSON_BYTES) fail('json.tooLarge', { bytes: text.length, limit: MAX_JSON_BYTES }, 1);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') fail('json.empty', {}, 1);
  // JSON.parse first (native, and the text is nearly always valid); the strict scan runs only to
  // say where a syntax error is, or where a key was given twice when the counts of members differ.
  let data: unknown;
  let parseError: Error | undefined;
  try {
    data = JSON.parse(text);
  } catch (e) {
    parseError = e as Error;
  }
  if (parseError) {
    const s = scanJson(text).syntax;
    if (s) {
      const found = issue([], s.code, { ...s.params, line: s.line, column: s.column });
      found.line = s.line;
      found.column = s.column;
      throw new InputError(file, [found]);
    }
    // the scan found the text valid: only the engine's own limits remain (nesting, memory)
    fail('json.limits', { detail: parseError.message }, 1);
  }
  const duplicates =
    countKeys(text) === countMembers(data)
      ? []
      : scanJson(text).duplicates.map((d) => {
          const found = issue(d.path, 'json.duplicateKey', { key: String(d.path.at(-1)), first: d.firstLine });
          found.line = d.line;
          found.column = d.column;
          return found;
        });
  return { text, data, duplicates };
}

/** The members of every object in a parsed JSON value (iteratively: nesting costs no stack). */
function countMembers(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (typeof v[i] === 'object') stack.push(v[i]);
    } else {
      for (const key in v) {
        count++;
        const x = (v as Record<string, unknown>)[key];
        if (typeof x === 'object') stack.push(x);
      }
    }
  }
  return count;
}
