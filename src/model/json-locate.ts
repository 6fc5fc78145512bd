import type { PathSegment } from './issues.ts';

/**
 * Finds the 1-based line on which the value at `path` starts in a JSON text, so a message can
 * name `plant.json:42` as well as `flows[3].to`. A small scanner, run only when there is
 * something to report; returns undefined if the path is not in the text.
 */
export function lineOfPath(text: string, path: readonly PathSegment[]): number | undefined {
  let pos = 0;
  const ws = () => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos]!)) pos++;
  };
  const skipString = () => {
    pos++;
    while (pos < text.length && text[pos] !== '"') pos += text[pos] === '\\' ? 2 : 1;
    pos++;
  };
  const readString = (): string => {
    const start = pos;
    skipString();
    return JSON.parse(text.slice(start, pos)) as string;
  };
  const skipValue = (): void => {
    ws();
    const ch = text[pos];
    if (ch === '"') {
      skipString();
      return;
    }
    if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      pos++;
      ws();
      if (text[pos] === close) {
        pos++;
        return;
      }
      for (;;) {
        ws();
        if (ch === '{') {
          readString();
          ws();
          pos++; // ':'
        }
        skipValue();
        ws();
        if (text[pos] === ',') pos++;
        else {
          pos++;
          return;
        }
      }
    }
    while (pos < text.length && !',}] \t\n\r'.includes(text[pos]!)) pos++;
  };
  // Descend one path segment at a time.
  for (const seg of path) {
    ws();
    const ch = text[pos];
    if (ch === '{' && typeof seg === 'string') {
      pos++;
      let found = false;
      for (;;) {
        ws();
        if (text[pos] === '}' || pos >= text.length) break;
        const key = readString();
        ws();
        pos++; // ':'
        ws();
        if (key === seg) {
          found = true;
          break;
        }
        skipValue();
        ws();
        if (text[pos] === ',') pos++;
      }
      if (!found) return undefined;
    } else if (ch === '[' && typeof seg === 'number') {
      pos++;
      for (let i = 0; i < seg; i++) {
        skipValue();
        ws();
        if (text[pos] !== ',') return undefined;
        pos++;
      }
      ws();
      if (text[pos] === ']') return undefined;
    } else return undefined;
  }
  ws();
  return lineAt(text, pos);
}

/** 1-based line number of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Offset of the first syntax error in a JSON text (Node 20's JSON.parse does not always say
 * where), found by a strict scan; undefined when the text is valid.
 */
export function syntaxErrorOffset(text: string): number | undefined {
  let pos = 0;
  const fail = (): never => {
    throw pos;
  };
  const ws = () => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos]!)) pos++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, pos)) pos += word.length;
    else fail();
  };
  const string = () => {
    pos++;
    while (pos < text.length && text[pos] !== '"') {
      const c = text.charCodeAt(pos);
      if (c < 0x20) fail();
      if (text[pos] === '\\') {
        pos++;
        if (text[pos] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 1, pos + 5))) fail();
          pos += 4;
        } else if (!'"\\/bfnrt'.includes(text[pos] ?? '')) fail();
      }
      pos++;
    }
    if (pos >= text.length) fail();
    pos++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400));
    if (!m || m[0] === '') fail();
    pos += m![0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[pos];
    if (ch === '{') {
      pos++;
      ws();
      if (text[pos] === '}') return void pos++;
      for (;;) {
        ws();
        if (text[pos] !== '"') fail();
        string();
        ws();
        if (text[pos] !== ':') fail();
        pos++;
        value();
        ws();
        if (text[pos] === ',') pos++;
        else if (text[pos] === '}') return void pos++;
        else fail();
      }
    }
    if (ch === '[') {
      pos++;
      ws();
      if (text[pos] === ']') return void pos++;
      for (;;) {
        value();
        ws();
        if (text[pos] === ',') pos++;
        else if (text[pos] === ']') return void pos++;
        else fail();
      }
    }
    if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else number();
  };
  try {
    value();
    ws();
    if (pos < text.length) fail();
    return undefined;
  } catch (at) {
    if (typeof at === 'number') return at;
    throw at;
  }
}
