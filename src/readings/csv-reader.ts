import Papa from 'papaparse';
import { LineCutter } from './bytes.ts';
import { BinaryInputError, ChunkDecoder, DecodeError, MixedEncodingError, SNIFF_BYTES } from './decode.ts';
import { detectDelimiter, detectNewline } from './detect.ts';
import type { FastRow, LayoutContext } from './layout-context.ts';
import type { Encoding } from './types.ts';

/**
 * The parser state machine: byte chunks in, numbered rows out. Its states:
 * - sniffing: text is gathered until the newline and the delimiter can be detected on its first lines;
 * - general: papaparse splits the decoded text (quotes, any encoding, any line end);
 * - fast (docs/readings.md §11): once the layout is set up (RowSink.fastRow) and the file is plain
 *   UTF-8 with \n or \r\n line ends and no decimal comma, lines are cut from the byte chunks and read
 *   by the layout's fastRow without strings; a line it does not take is split as papaparse would
 *   split a line without quotes and goes to RowSink.row; a line with a quote, bytes that are not
 *   UTF-8 or a bare \n in a \r\n file sends the rest of the file, from that line, back to the
 *   general state (the fast state may take over again at a later chunk).
 * Line numbers count the file's physical lines (a quoted field's line breaks included).
 */

/** A quoted field longer than this is an unclosed quote, not data. */
const MAX_PARTIAL = 16 * 1024 * 1024;
/** Bytes after a chunk's last line break kept for the next chunk (so the fast path can take over at a line start). */
const MAX_CARRY = 1 << 20;

/** Where the rows go. */
export interface RowSink {
  /** A row split into fields, with the line it starts on. */
  row(row: string[], line: number): void;
  /** The layout's reader of a data line's bytes, once it is set up and suits the file; else undefined. */
  fastRow(): FastRow | undefined;
}

export interface CsvReaderOptions {
  /** A forced encoding; detected otherwise. */
  encoding: Encoding | undefined;
  /** false: every row through papaparse. */
  fastPath: boolean;
  /** Bytes gathered to detect the encoding. */
  sniffBytes: number | undefined;
}

export class CsvReader {
  /** The file's encoding (detected or forced). */
  encoding: Encoding = 'utf-8';
  delimiter = ',';
  newline = '\n';
  /** The last line read. */
  line = 0;
  /** Data lines the fast state read. */
  fastRows = 0;
  private parser: Papa.Parser | undefined;
  /** Text papaparse has not taken yet (the start of an unfinished row). */
  private partial = '';
  /** Text before the parser exists (sniffing). */
  private head = '';
  private dec: ChunkDecoder;
  private fast: LineCutter | undefined;
  /** Bytes after the last line break handed to the decoder, held for the next chunk. */
  private carry: Uint8Array | undefined;
  private aligned = true;
  private readonly fastAllowed: boolean;
  private readonly fatalLine = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  constructor(
    private readonly sink: RowSink,
    private readonly fail: LayoutContext['fail'],
    options: CsvReaderOptions,
  ) {
    this.fastAllowed = options.fastPath;
    this.dec = new ChunkDecoder(options.encoding, (e) => (this.encoding = e), false, options.sniffBytes);
  }

  /** Reads the whole source; an undecodable or binary file throws the file's InputError. */
  async read(source: AsyncIterable<Uint8Array>): Promise<void> {
    try {
      for await (const chunk of source) {
        if (this.fast) this.pushFast(chunk);
        else this.pushGeneral(chunk, true);
      }
      this.end();
    } catch (e) {
      if (e instanceof DecodeError) {
        const before = this.partial + e.before;
        const line = this.line + before.split('\n').length;
        this.fail('readings.encoding', { encoding: e.encoding, line }, line);
      }
      if (e instanceof BinaryInputError) this.fail('readings.binary', {}, 1);
      if (e instanceof MixedEncodingError) this.fail('readings.mixedEncoding', { line: e.line }, e.line);
      throw e;
    }
  }

  private end(): void {
    if (this.fast) {
      const rest = this.fast.end();
      if (rest !== undefined) this.toGeneral(rest);
    }
    if (this.carry) {
      const c = this.carry;
      this.carry = undefined;
      this.aligned = false;
      for (const text of this.dec.push(c)) this.feedText(text);
    }
    for (const text of this.dec.end()) this.feedText(text);
    if (!this.parser && this.head !== '') this.startParser();
    if (this.parser) this.feed(this.partial, true);
  }

  /** papaparse over `input` (the partial row before it included); `last`: the end of the file. */
  private feed(input: string, last: boolean): void {
    const res = this.parser!.parse(input, 0, !last);
    const data = res.data as string[][];
    const quoted = input.indexOf('"') !== -1;
    const nl = this.newline === '\r' ? '\r' : '\n';
    const starts: number[] = [];
    for (const row of data) {
      this.line++;
      const at = this.line;
      if (last) starts.push(at);
      if (quoted) for (const f of row) if (f.indexOf(nl) !== -1) this.line += f.split(nl).length - 1;
      this.sink.row(row, at);
    }
    if (last) {
      const err = (res.errors as Papa.ParseError[]).find((e) => e.code === 'MissingQuotes');
      if (err) this.fail('readings.quotes', { detail: err.message }, starts[err.row ?? starts.length - 1] ?? this.line);
      this.partial = '';
    } else {
      this.partial = input.slice(res.meta.cursor as number);
      if (this.partial.length > MAX_PARTIAL)
        this.fail('readings.quotes', { detail: 'field longer than 16 MiB' }, this.line + 1);
    }
  }

  private newParser(): Papa.Parser {
    return new Papa.Parser({
      delimiter: this.delimiter,
      newline: this.newline as Papa.ParseConfig['newline'],
      quoteChar: '"',
    });
  }

  /** The end of sniffing: newline and delimiter are detected on the first lines. */
  private startParser(): void {
    const text = this.head;
    this.head = '';
    this.newline = detectNewline(text);
    const lines = text.split(this.newline).slice(0, 12);
    if (lines.length > 1) lines.pop();
    this.delimiter = detectDelimiter(lines.filter((l) => l.trim() !== '').slice(0, 10));
    this.parser = this.newParser();
    this.feed(text, false);
  }

  private feedText(text: string): void {
    if (this.parser) {
      this.feed(this.partial + text, false);
      return;
    }
    this.head += text;
    const head = this.head;
    if (head.length >= SNIFF_BYTES || head.split('\n', 12).length >= 12 || head.split('\r', 12).length >= 12)
      this.startParser();
  }

  /** The general state: bytes through the decoder and papaparse; `maySwitch`: the fast state may take over after. */
  private pushGeneral(chunk: Uint8Array, maySwitch: boolean): void {
    const dec = this.dec;
    if (this.fastAllowed && (!dec.started || dec.encoding === 'utf-8')) {
      if (this.carry) {
        const joined = new Uint8Array(this.carry.length + chunk.length);
        joined.set(this.carry);
        joined.set(chunk, this.carry.length);
        chunk = joined;
        this.carry = undefined;
      }
      const nl = chunk.lastIndexOf(10);
      if (nl < chunk.length - 1 && chunk.length - nl - 1 <= MAX_CARRY) {
        this.carry = new Uint8Array(chunk.subarray(nl + 1)); // a copy: Buffer#slice would be a view of a chunk the source may reuse
        chunk = chunk.subarray(0, nl + 1);
      }
      this.aligned = chunk.length === 0 ? this.aligned : chunk[chunk.length - 1] === 10;
    } else this.aligned = false;
    for (const text of dec.push(chunk)) this.feedText(text);
    if (
      maySwitch &&
      this.aligned &&
      this.parser !== undefined &&
      this.partial === '' &&
      dec.started &&
      dec.encoding === 'utf-8' &&
      (this.newline === '\n' || this.newline === '\r\n')
    ) {
      const fastRow = this.sink.fastRow();
      if (fastRow === undefined) return;
      this.fast = new LineCutter(this.newline === '\r\n', this.fastLine(fastRow));
      if (this.carry) {
        const c = this.carry;
        this.carry = undefined;
        this.pushFast(c);
      }
    }
  }

  /** The fast state's line: the layout's fastRow, else the line split at the delimiter; false: back to papaparse. */
  private fastLine(fastRow: FastRow): (b: Uint8Array, s: number, e: number) => boolean {
    const delimiter = this.delimiter;
    return (b, s, e) => {
      if (fastRow(b, s, e, this.line + 1)) {
        this.line++;
        this.fastRows++;
        return true;
      }
      const bytesOfLine = b.subarray(s, e);
      if (bytesOfLine.indexOf(34) !== -1) return false;
      let text: string;
      try {
        text = this.fatalLine.decode(bytesOfLine);
      } catch {
        return false;
      }
      this.line++;
      this.sink.row(text.split(delimiter), this.line);
      return true;
    };
  }

  private pushFast(chunk: Uint8Array): void {
    const rest = this.fast!.push(chunk);
    if (rest !== undefined) this.toGeneral(rest);
  }

  /** Back to papaparse from the start of a line, with a fresh parser and decoder. */
  private toGeneral(rest: Uint8Array): void {
    this.fast = undefined;
    this.dec = new ChunkDecoder('utf-8', () => {}, true);
    this.parser = this.newParser();
    this.partial = '';
    this.pushGeneral(rest, false);
  }
}
