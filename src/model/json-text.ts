/** The characters and lines of a JSON text, for the scanners of json-locate.ts and json-paths.ts. */

export enum Ch {
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

export const isWs = (c: number) => c === Ch.Space || c === Ch.Lf || c === Ch.Cr || c === Ch.Tab;
export const isDigit = (c: number) => c >= Ch.Zero && c <= Ch.Nine;
export const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** Line and column of offsets in a text (line starts found once). */
export class LineIndex {
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
