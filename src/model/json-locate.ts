import type { PathSegment } from './issues.ts';

/**
 * Locating things in a JSON text: the first syntax error (line, column and what was expected, so
 * the message need not be the JavaScript engine's English), duplicate keys (JSON.parse keeps the
 * last one silently), and the lines of JSON paths (`plant.json:42` as well as `flows[3].to`).
 * Every scanner here is iterative: a model nesting 10⁵ arrays in `meta` costs time, never the stack.
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

enum Ch {
  Tab = 9,
  Lf = 10,
  Cr = 13,
  Space = 32,
  Quote = 34,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  OpenBrace = 123,
  CloseBrace = 125,
}

const isWs = (c: number) => c === Ch.Space || c === Ch.Lf || c === Ch.Cr || c === Ch.Tab;
const isDigit = (c: number) => c >= Ch.Zero && c <= Ch.Nine;
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

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

/** Line and column of offsets in a text (line starts found once). */
class LineIndex {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  private index(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  line(offset: number): number {
    return this.index(offset) + 1;
  }
  column(offset: number): number {
    const start = this.starts[this.index(offset)]!;
    let col = 1;
    for (let i = start; i < offset && i < this.text.length; i++) {
      const c = this.text.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) col++; // a low surrogate completes the character before it
    }
    return col;
  }
}

/** 1-based line number of a character offset. */
export function lineAt(text: string, offset: number): number {
  return new LineIndex(text).line(offset);
}

interface Trie {
  children: Map<string, Trie>;
  line?: number;
}
const segKey = (s: PathSegment) => (typeof s === 'number' ? `#${s}` : `.${s}`);

/**
 * For each path, the line on which its value starts in a valid JSON text — or, where the path is
 * not in the text (a missing key), the line of its nearest ancestor that is. One pass for all
 * paths: subtrees no path enters are skipped by counting brackets.
 *
 * @example
 * // a[1] is on line 3; b is absent: the line of its nearest ancestor, the root
 * linesOfPaths('{\n"a": [1,\n 2]}', [['a', 1], ['b']]) // => [3, 1]
 */
export function linesOfPaths(text: string, paths: readonly (readonly PathSegment[])[]): (number | undefined)[] {
  const root: Trie = { children: new Map() };
  for (const path of paths) {
    let node = root;
    for (const seg of path) {
      const k = segKey(seg);
      let next = node.children.get(k);
      if (!next) {
        next = { children: new Map() };
        node.children.set(k, next);
      }
      node = next;
    }
  }
  const n = text.length;
  let pos = 0;
  let line = 1;
  const skipWs = () => {
    for (; pos < n; pos++) {
      const c = text.charCodeAt(pos);
      if (c === Ch.Lf) line++;
      else if (c !== Ch.Space && c !== Ch.Cr && c !== Ch.Tab) return;
    }
  };
  const skipString = () => {
    for (pos++; pos < n; pos++) {
      const c = text.charCodeAt(pos);
      if (c === Ch.Backslash) pos++;
      else if (c === Ch.Quote) {
        pos++;
        return;
      } else if (c === Ch.Lf) line++;
    }
  };
  /** Skips a whole container without looking at its paths. */
  const skipContainer = () => {
    let depth = 0;
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === Ch.Quote) {
        skipString();
        continue;
      }
      if (c === Ch.OpenBrace || c === Ch.OpenBracket) depth++;
      else if (c === Ch.CloseBrace || c === Ch.CloseBracket) {
        depth--;
        if (depth === 0) {
          pos++;
          return;
        }
      } else if (c === Ch.Lf) line++;
      pos++;
    }
  };
  const skipScalar = () => {
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (isWs(c) || c === Ch.Comma || c === Ch.CloseBrace || c === Ch.CloseBracket) return;
      pos++;
    }
  };
  const stack: { trie: Trie; object: boolean; index: number }[] = [];
  /** At a value's first character: note its line where a path wants it, descend where one goes on. */
  const enter = (trie: Trie | undefined) => {
    skipWs();
    if (trie) trie.line = line;
    const c = text.charCodeAt(pos);
    if (c === Ch.OpenBrace || c === Ch.OpenBracket) {
      if (trie && trie.children.size > 0) {
        stack.push({ trie, object: c === Ch.OpenBrace, index: 0 });
        pos++;
      } else skipContainer();
    } else if (c === Ch.Quote) skipString();
    else skipScalar();
  };
  enter(root);
  while (stack.length > 0 && pos < n) {
    const top = stack[stack.length - 1]!;
    skipWs();
    const c = text.charCodeAt(pos);
    if (c === Ch.CloseBrace || c === Ch.CloseBracket) {
      stack.pop();
      pos++;
      continue;
    }
    if (c === Ch.Comma) {
      pos++;
      skipWs();
    }
    let child: Trie | undefined;
    if (top.object) {
      const start = pos;
      skipString();
      let key: string;
      try {
        key = JSON.parse(text.slice(start, pos)) as string;
      } catch {
        break; // not valid JSON: stop with what is known
      }
      skipWs();
      pos++; // ':'
      child = top.trie.children.get(`.${key}`);
    } else child = top.trie.children.get(`#${top.index++}`);
    enter(child);
  }
  return paths.map((path) => {
    let node: Trie | undefined = root;
    let found = root.line;
    for (const seg of path) {
      node = node.children.get(segKey(seg));
      if (!node || node.line === undefined) break;
      found = node.line;
    }
    return found;
  });
}
