import { detectEncoding, looksBinary, type Encoding } from '../text/encoding.ts';

/**
 * Bytes → text for readings files, chunk by chunk (never the whole file). The encoding is
 * forced by the user or detected on the first 64 KiB by src/text/encoding.ts (byte-order mark,
 * UTF-16, UTF-8, else GB18030 — what Chinese EMS exports usually are). Decoding is strict: bytes
 * that are not valid in the encoding stop the ingest with a located error instead of turning
 * into replacement characters.
 */

export const SNIFF_BYTES = 64 * 1024;
/** Bytes decoded into one string. */
const TEXT_SLICE = 64 * 1024;

const ALIASES: Record<string, Encoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-8-bom': 'utf-8',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

/** The encoding for a user's name of it (gbk and gb2312 are read as their superset gb18030); undefined if unknown. */
export function encodingFromName(name: string): Encoding | undefined {
  return ALIASES[name.trim().toLowerCase()];
}

/** Raised when bytes do not decode; `before` is the text of the chunk up to the bad bytes. */
export class DecodeError extends Error {
  constructor(
    readonly encoding: Encoding,
    readonly before: string,
  ) {
    super(`invalid ${encoding} text`);
  }
}

/** Raised when the input is a binary file (xlsx, zip…), not a CSV (src/text/encoding.ts looksBinary). */
export class BinaryInputError extends Error {}

/** Raised when the head of a file mixes UTF-8 lines with lines in another encoding; `line` is the first of those. */
export class MixedEncodingError extends Error {
  constructor(readonly line: number) {
    super(`mixed encodings from line ${line}`);
  }
}

export { detectEncoding };

function decodeBefore(encoding: Encoding, bytes: Uint8Array): string {
  const text = new TextDecoder(encoding).decode(bytes);
  const bad = text.indexOf('\uFFFD');
  return bad === -1 ? text : text.slice(0, bad);
}

/**
 * Bytes → text, chunk by chunk: `push` returns the texts of a chunk (none while the first
 * SNIFF_BYTES are gathered to detect the encoding), `end` the rest. With `resume` (the ingest
 * going back to the general path in the middle of a UTF-8 file) the encoding is given, nothing
 * is sniffed and a byte-order mark is kept as text.
 */
export class ChunkDecoder {
  encoding: Encoding = 'utf-8';
  private decoder: TextDecoder | undefined;
  private head: Uint8Array[] = [];
  private headBytes = 0;
  constructor(
    private readonly forced: Encoding | undefined,
    private readonly onEncoding: (e: Encoding) => void,
    resume = false,
    private readonly sniffBytes = SNIFF_BYTES,
  ) {
    if (resume) {
      this.encoding = forced ?? 'utf-8';
      this.decoder = new TextDecoder(this.encoding, { fatal: true, ignoreBOM: true });
    }
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    try {
      return this.decoder!.decode(bytes, { stream });
    } catch {
      throw new DecodeError(this.encoding, decodeBefore(this.encoding, bytes));
    }
  }

  private start(): string {
    const all = new Uint8Array(this.headBytes);
    let o = 0;
    for (const h of this.head) {
      all.set(h, o);
      o += h.length;
    }
    this.head = [];
    const detected = detectEncoding(all, this.headBytes >= this.sniffBytes);
    this.encoding = this.forced ?? detected.encoding;
    if (!this.encoding.startsWith('utf-16') && looksBinary(all)) throw new BinaryInputError('not text');
    if (this.forced === undefined && detected.mixedLine !== undefined) throw new MixedEncodingError(detected.mixedLine);
    this.onEncoding(this.encoding);
    this.decoder = new TextDecoder(this.encoding, { fatal: true });
    return this.decode(all, true);
  }

  push(chunk: Uint8Array): string[] {
    const out: string[] = [];
    if (this.decoder) {
      // large reads are decoded in slices so each string stays below V8's large-object size
      // and dies young (a 1 MiB string lives in old space until a full collection)
      for (let i = 0; i < chunk.length; i += TEXT_SLICE) {
        const text = this.decode(
          chunk.length <= TEXT_SLICE ? chunk : chunk.subarray(i, Math.min(chunk.length, i + TEXT_SLICE)),
          true,
        );
        if (text.length > 0) out.push(text);
      }
      return out;
    }
    this.head.push(chunk.slice()); // a copy: the source may reuse the chunk's memory for the next one
    this.headBytes += chunk.length;
    if (this.headBytes >= this.sniffBytes) {
      const text = this.start();
      if (text.length > 0) out.push(text);
    }
    return out;
  }

  /** True once the encoding is known. */
  get started(): boolean {
    return this.decoder !== undefined;
  }

  end(): string[] {
    const out: string[] = [];
    if (!this.decoder) {
      const text = this.start();
      if (text.length > 0) out.push(text);
    }
    const tail = this.decode(new Uint8Array(0), false);
    if (tail.length > 0) out.push(tail);
    return out;
  }
}
