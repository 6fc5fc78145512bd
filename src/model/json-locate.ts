import type { PathSegment } from './issues.ts';
import { Ch, isDigit, isHex, isWs, LineIndex } from './json-text.ts';

export { linesOfPaths } from './json-paths.ts';
export { lineAt } from './json-text.ts';

/**
 * Locating things in a JSON text: the first syntax error (line, column and what was expected, so
 * the message need not be the JavaScript engine's English), duplicate keys (JSON.parse keeps the
 * last one silently), and the lines of JSON paths (`plant.json:42` as well as `flows[3].to`).
 * Every scanner is iterative: a model nesting 10⁵ arrays in `meta` costs time, never the stack.
 * The syntax and duplicate-key scan is here; the lines of paths in json-paths.ts, line and column
 * arithmetic in json-text.ts (both re-exported).
 */

/** A syntax error: where, and a message code of src/i18n/model.ts with its parameters. */
export interface JsonSyntaxProblem {
  offset: number;
  line: number;
  /** 1-based, in characters (code points) from the start of the line. */
  column: number;
  code: string;
  params: Record<string, string>;
}

/** A key given twice in one object: the path of its second occurrence and both lines. */
export interface DuplicateKey {
  path: PathSegment[];
  line: number;
  column: number;
  firstLine: number;
}

export interface JsonScan {
  syntax?: JsonSyntaxProblem;
  duplicates: DuplicateKey[];
}

/** Full-width punctuation a Chinese input method types where JSON needs ASCII. */
const FULL_WIDTH: Record<string, string> = {
  '，': ',',
  '：': ':',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '｛': '{',
  '｝': '}',
  '［': '[',
  '］': ']',
  '　': ' ',
};

/** A character as a message shows it: printable ones in double quotes, others as U+XXXX. */
function shownChar(text: string, offset: number): string {
  const cp = text.codePointAt(offset);
  if (cp === undefined) return '';
  if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0) || cp === 0xfeff || cp === 0xfffd)
    return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return cp === 0x22 ? `'"'` : `"${String.fromCodePoint(cp)}"`;
}

interface Frame {
  object: boolean;
  /**
   * Keys seen, with the offset of their first occurrence (objects only): in `few` (key, offset,
   * key, offset …) while there are at most FEW_KEYS — a linear search beats a Map's set-up on the
   * small objects of a model — then in a Map.
   */
  few?: (string | number)[];
  keys?: Map<string, number>;
  /** Members or elements so far. */
  count: number;
  key: string;
}

const FEW_KEYS = 12;

/** The offset where `key` first appeared in the frame, recording it at `start` when it is new. */
function firstOffset(top: Frame, key: string, start: number): number | undefined {
  if (top.keys) {
    const first = top.keys.get(key);
    if (first === undefined) top.keys.set(key, start);
    return first;
  }
  const few = (top.few ??= []);
  for (let k = 0; k < few.length; k += 2) if (few[k] === key) return few[k + 1] as number;
  few.push(key, start);
  if (few.length > 2 * FEW_KEYS) {
    top.keys = new Map();
    for (let k = 0; k < few.length; k += 2) top.keys.set(few[k] as string, few[k + 1] as number);
  }
  return undefined;
}

/**
 * Checks a JSON text strictly (RFC 8259) in one pass without recursion. Returns the first syntax
 * problem, if any, and every key that occurs twice in one object.
 *
 * @example scanJson('{"a": 1,}').syntax?.code // 'json.trailingComma' (line 1, column 9)
 */
export function scanJson(text: string): JsonScan {
  const n = text.length;
  const duplicates: { path: PathSegment[]; offset: number; first: number }[] = [];
  const stack: Frame[] = [];
  let pos = 0;
  let problem: { offset: number; code: string; params: Record<string, string> } | undefined;
  const fail = (code: string, at = pos, params: Record<string, string> = {}): false => {
    problem = { offset: at, code, params };
    return false;
  };
  /** What was found where something else was expected. */
  const unexpected = (code: string): false => {
    if (pos >= n) return fail(stack.length > 0 ? 'json.unexpectedEnd' : 'json.empty');
    const ch = String.fromCodePoint(text.codePointAt(pos)!);
    const ascii = FULL_WIDTH[ch];
    if (ascii !== undefined) return fail('json.fullWidth', pos, { found: `"${ch}"`, ascii: `"${ascii}"` });
    if (ch === "'") return fail('json.singleQuote');
    const found = shownChar(text, pos);
    return fail(code, pos, { found });
  };
  const skipWs = () => {
    while (pos < n && isWs(text.charCodeAt(pos))) pos++;
  };
  /** Whether the last string scanned held an escape (its text is then decoded with JSON.parse). */
  let escaped = false;
  const string = (): boolean => {
    const open = pos;
    escaped = false;
    pos++;
    for (;;) {
      if (pos >= n) return fail('json.unterminatedString', open);
      const c = text.charCodeAt(pos);
      if (c === Ch.Quote) {
        pos++;
        return true;
      }
      if (c < 0x20)
        return fail(c === Ch.Lf || c === Ch.Cr ? 'json.newlineInString' : 'json.controlChar', pos, {
          found: shownChar(text, pos),
        });
      if (c === Ch.Backslash) {
        escaped = true;
        const e = text.charCodeAt(pos + 1);
        if (e === 117 /* u */) {
          for (let k = 2; k < 6; k++)
            if (!isHex(text.charCodeAt(pos + k)))
              return fail('json.badEscape', pos, { found: `"${text.slice(pos, pos + 6)}"` });
          pos += 6;
          continue;
        }
        // " \ / b f n r t
        if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
          pos += 2;
          continue;
        }
        return fail('json.badEscape', pos, { found: `"${text.slice(pos, pos + 2)}"` });
      }
      pos++;
    }
  };
  const number = (): boolean => {
    const start = pos;
    const bad = () => {
      let end = pos;
      while (end < n && end - start < 40 && !isWs(text.charCodeAt(end)) && !',]}'.includes(text[end]!)) end++;
      return fail('json.badNumber', start, { found: `"${text.slice(start, Math.max(end, start + 1))}"` });
    };
    if (text.charCodeAt(pos) === Ch.Minus) pos++;
    const first = text.charCodeAt(pos);
    if (first === Ch.Zero) pos++;
    else if (isDigit(first)) while (isDigit(text.charCodeAt(pos))) pos++;
    else return bad();
    if (text.charCodeAt(pos) === Ch.Dot) {
      pos++;
      if (!isDigit(text.charCodeAt(pos))) return bad();
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
    const e = text.charCodeAt(pos) | 32;
    if (e === 101 /* e */) {
      pos++;
      const s = text.charCodeAt(pos);
      if (s === Ch.Plus || s === Ch.Minus) pos++;
      if (!isDigit(text.charCodeAt(pos))) return bad();
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
    // a number runs into a letter or digit: 01, 1x, 1.5.3
    const next = text.charCodeAt(pos);
    if (pos < n && !isWs(next) && next !== Ch.Comma && next !== Ch.CloseBracket && next !== Ch.CloseBrace) return bad();
    return true;
  };
  const literal = (word: string): boolean => {
    if (text.startsWith(word, pos)) {
      pos += word.length;
      return true;
    }
    return unexpected('json.expectedValue');
  };
  /** A scalar, or the opening of a container (pushed); false on a syntax error. */
  const value = (): boolean => {
    skipWs();
    const c = text.charCodeAt(pos);
    if (c === Ch.OpenBrace || c === Ch.OpenBracket) {
      stack.push({ object: c === Ch.OpenBrace, count: 0, key: '' });
      pos++;
      return true;
    }
    if (c === Ch.Quote) return string();
    if (c === 116) return literal('true');
    if (c === 102) return literal('false');
    if (c === 110) return literal('null');
    if (c === Ch.Minus || isDigit(c)) return number();
    return unexpected('json.expectedValue');
  };
  const pathOf = (key: string): PathSegment[] => {
    const path: PathSegment[] = [];
    for (let i = 0; i < stack.length - 1; i++) {
      const f = stack[i]!;
      path.push(f.object ? f.key : f.count - 1);
    }
    path.push(key);
    return path;
  };
  /** Inside the top container, at a member or element (or its end). */
  const member = (): boolean => {
    const top = stack[stack.length - 1]!;
    skipWs();
    const close = top.object ? Ch.CloseBrace : Ch.CloseBracket;
    const c = text.charCodeAt(pos);
    if (top.count > 0) {
      if (c === close) {
        stack.pop();
        pos++;
        return true;
      }
      if (c !== Ch.Comma) return unexpected(top.object ? 'json.expectedCommaOrBrace' : 'json.expectedCommaOrBracket');
      const comma = pos;
      pos++;
      skipWs();
      if (text.charCodeAt(pos) === close) return fail('json.trailingComma', comma);
    } else if (c === close) {
      stack.pop();
      pos++;
      return true;
    }
    if (top.object) {
      skipWs();
      if (text.charCodeAt(pos) !== Ch.Quote) return unexpected('json.expectedKey');
      const start = pos;
      if (!string()) return false;
      const key = escaped ? (JSON.parse(text.slice(start, pos)) as string) : text.slice(start + 1, pos - 1);
      const first = firstOffset(top, key, start);
      if (first !== undefined) duplicates.push({ path: pathOf(key), offset: start, first });
      top.key = key;
      skipWs();
      if (text.charCodeAt(pos) !== Ch.Colon) return unexpected('json.expectedColon');
      pos++;
    }
    top.count++;
    return value();
  };

  let ok = value();
  while (ok && stack.length > 0) ok = member();
  if (ok) {
    skipWs();
    if (pos < n) unexpected('json.trailing');
  }
  const scan: JsonScan = { duplicates: [] };
  if (duplicates.length > 0) {
    const lines = new LineIndex(text);
    scan.duplicates = duplicates.map((d) => ({
      path: d.path,
      line: lines.line(d.offset),
      column: lines.column(d.offset),
      firstLine: lines.line(d.first),
    }));
  }
  if (problem) {
    const lines = new LineIndex(text);
    scan.syntax = { ...problem, line: lines.line(problem.offset), column: lines.column(problem.offset) };
  }
  return scan;
}

/**
 * The number of object members written in a text that JSON.parse accepted: in valid JSON a colon
 * outside a string separates a key from its value, and nothing else. Compared with the members of
 * the parsed value, it tells whether some key was given twice (JSON.parse keeps one) at a tenth of
 * scanJson's cost — only then is the full scan needed to say where.
 *
 * @example countKeys('{"a": {"b": "c:"}, "a": 1}') // 3
 */
export function countKeys(text: string): number {
  const n = text.length;
  let count = 0;
  let inString = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === Ch.Backslash) i++;
      else if (c === Ch.Quote) inString = false;
    } else if (c === Ch.Quote) inString = true;
    else if (c === Ch.Colon) count++;
  }
  return count;
}
