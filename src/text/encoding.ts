/**
 * Bytes → text for every file pingheng reads (models and readings CSVs): the encoding is found as
 * Chinese Windows tools write files — a byte-order mark (UTF-8, UTF-16LE/BE); UTF-16 without one
 * (NUL bytes in every other place); else UTF-8 when the bytes are valid UTF-8; else GB18030 (a
 * superset of GBK and GB2312). Binary files (xlsx, xls, zip…) and files that mix UTF-8 lines with
 * lines in another encoding are recognised, so no text is ever decoded into silent mojibake.
 */

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DetectedEncoding {
  encoding: Encoding;
  bom: boolean;
  /**
   * Set when the bytes are not UTF-8 but hold lines that are (with characters of three or more
   * bytes, as Chinese text is): a file that mixes encodings. The 1-based line of the first line
   * that is not UTF-8.
   */
  mixedLine?: number;
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

/** The bytes as UTF-8 text, or undefined when they are not UTF-8 (a decoder of its own: isUtf8's streams). */
const utf8Whole = new TextDecoder('utf-8', { fatal: true });
function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Whole.decode(bytes);
  } catch {
    return undefined;
  }
}

/** True when the bytes decode as UTF-8 (an incomplete sequence at the end counts as valid when `partial`). */
function isUtf8(bytes: Uint8Array, partial: boolean): boolean {
  try {
    utf8Fatal.decode(bytes, { stream: partial });
    if (partial) utf8Fatal.decode(); // reset the streaming state
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without a byte-order mark: ASCII text has a NUL in every other byte. */
function utf16WithoutBom(head: Uint8Array): Encoding | undefined {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= 0.4 * pairs && even <= 0.02 * pairs) return 'utf-16le';
  if (even >= 0.4 * pairs && odd <= 0.02 * pairs) return 'utf-16be';
  return undefined;
}

/**
 * The first line that is not UTF-8 when other lines are UTF-8 with multi-byte characters of three
 * or more bytes; undefined when the text is consistently in one encoding. `partial`: the bytes are
 * the head of a longer file, so its last line may be cut.
 */
function mixedLine(bytes: Uint8Array, partial: boolean): number | undefined {
  let firstBad: number | undefined;
  let utf8Wide = false;
  let line = 1;
  for (let s = 0; s < bytes.length; line++) {
    let e = bytes.indexOf(10, s);
    const last = e === -1;
    if (last) e = bytes.length;
    if (!(last && partial)) {
      const slice = bytes.subarray(s, e);
      let ascii = true;
      for (let i = 0; i < slice.length; i++) if (slice[i]! >= 0x80) ascii = false;
      if (!ascii) {
        if (isUtf8(slice, false)) {
          for (let i = 0; i < slice.length; i++) if (slice[i]! >= 0xe0 && slice[i]! < 0xf5) utf8Wide = true;
        } else firstBad ??= line;
      }
    }
    s = e + 1;
  }
  return utf8Wide && firstBad !== undefined ? firstBad : undefined;
}

/**
 * Detects the encoding of a file from its first bytes (all of them for a small file; `partial`
 * when they are only the head of a longer file).
 *
 * @example detectEncoding(new Uint8Array([0xca, 0xb1, 0xbc, 0xe4])).encoding // 'gb18030' (时间)
 */
export function detectEncoding(head: Uint8Array, partial = false): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const wide = utf16WithoutBom(head);
  if (wide) return { encoding: wide, bom: false };
  if (isUtf8(head, true)) return { encoding: 'utf-8', bom: false };
  const mixed = mixedLine(head, partial);
  return mixed === undefined
    ? { encoding: 'gb18030', bom: false }
    : { encoding: 'gb18030', bom: false, mixedLine: mixed };
}

/** File signatures of formats that are not text: zip (xlsx, docx), OLE (xls, doc), gzip, PDF, PNG, JPEG, 7z, RAR. */
const MAGIC: number[][] = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0xd0, 0xcf, 0x11, 0xe0],
  [0x1f, 0x8b],
  [0x25, 0x50, 0x44, 0x46],
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x37, 0x7a, 0xbc, 0xaf],
  [0x52, 0x61, 0x72, 0x21],
];

/**
 * True when the first bytes are a binary file rather than text in an 8-bit encoding: a known file
 * signature, or NUL bytes beyond a stray few (more than 8 and more than 1 %). A stray NUL in a text
 * file is left to the reader, which rejects only the cell or value it sits in.
 */
export function looksBinary(head: Uint8Array): boolean {
  if (MAGIC.some((m) => m.every((b, i) => head[i] === b))) return true;
  let nul = 0;
  for (let i = head.indexOf(0); i !== -1; i = head.indexOf(0, i + 1)) nul++;
  return nul > 8 && nul > head.length / 100;
}

export type DecodedText =
  | { ok: true; text: string; encoding: Encoding }
  | { ok: false; code: 'binary' | 'invalid' | 'mixed'; encoding: Encoding; line: number };

/**
 * Decodes a whole file (a model; readings are decoded chunk by chunk in src/readings/decode.ts):
 * detection as above, strict decoding, and where it fails the 1-based line of the first bytes that
 * do not decode. A byte-order mark is dropped.
 *
 * @example
 * // GB18030 bytes of 时间, and a UTF-8 file whose byte-order mark is dropped
 * decodeText(new Uint8Array([0xca, 0xb1, 0xbc, 0xe4])) // => { ok: true, text: '时间', encoding: 'gb18030' }
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) // => { ok: true, text: 'a', encoding: 'utf-8' }
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  // The common case first: UTF-8 without a byte-order mark, where the strict decode that detects
  // it is the text (detectEncoding would decode the whole file twice: ~40 ms at 14 MB).
  const bom = bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe;
  const utf8 = bom || utf16WithoutBom(bytes) ? undefined : decodeUtf8(bytes);
  if (utf8 !== undefined) {
    if (looksBinary(bytes)) return { ok: false, code: 'binary', encoding: 'utf-8', line: 1 };
    return { ok: true, text: utf8, encoding: 'utf-8' };
  }
  const detected = detectEncoding(bytes);
  const { encoding } = detected;
  if (!encoding.startsWith('utf-16') && looksBinary(bytes)) return { ok: false, code: 'binary', encoding, line: 1 };
  if (detected.mixedLine !== undefined) return { ok: false, code: 'mixed', encoding, line: detected.mixedLine };
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    const loose = new TextDecoder(encoding).decode(bytes);
    const bad = loose.indexOf('\uFFFD');
    let line = 1;
    for (let i = loose.indexOf('\n'); i !== -1 && i < bad; i = loose.indexOf('\n', i + 1)) line++;
    return { ok: false, code: 'invalid', encoding, line };
  }
}
