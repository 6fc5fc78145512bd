import { inputBounds } from '../data/input-bounds.ts';
/**
 * Byte-level helpers of the ingest fast path (see ingest.ts and docs/readings.md §11): numbers
 * read straight from UTF-8/ASCII bytes, lines cut from byte chunks, and a byte-keyed table of
 * meter names — so the common rows of a large file create no string per field.
 */

/** Exact powers of ten up to 1e22, the largest exactly representable (Clinger's fast path). */
const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
  1e21, 1e22,
];
/** At most this many digits: the integer mantissa stays below 10^15 < 2^53, exact. */
const MAX_DIGITS = 15;
const MAX_READING = inputBounds.maxMagnitude;

/**
 * The number written in bytes b[s..e) — `[+-]digits[.digits][(e|E)[+-]digits]` with at most 15
 * digits and a power of ten within ±22 — or NaN for anything else (spaces, long mantissas,
 * hex, text), which the caller hands to the general path.
 *
 * Clinger's fast path: the value is m × 10^k or m / 10^−k with m < 2^53 and 10^|k| exact, one
 * correctly rounded operation, so it equals `Number(text)` bit for bit.
 */
export function parseNumberBytes(b: Uint8Array, s: number, e: number): number {
  const v = scanNumber(b, s, e, -1);
  return numberEnd === e ? v : NaN;
}

/** Where the last scanNumber stopped: the delimiter after the number, or the end (−1: no number). */
export let numberEnd = 0;
const scratch = new Float64Array(1);

/**
 * Reads a number as parseNumberBytes does from b[s..], stopping at the first byte `d` (a
 * delimiter) or at e, in one pass; numberEnd is set to that position. NaN (and numberEnd −1)
 * when the field holds anything else.
 */
export function scanNumber(b: Uint8Array, s: number, e: number, d: number): number {
  numberEnd = scanNumberInto(b, s, e, d, scratch, 0);
  return numberEnd < 0 ? NaN : scratch[0];
}

/**
 * scanNumber writing the number into out[at]: returns where it stopped (−1: no number, out
 * unchanged). The wide layout reads thousands of numbers a row through this one — a double
 * returned from a call V8 does not inline is boxed, one heap allocation per number (13 MB of
 * garbage every 30 ms on the benchmark).
 */
export function scanNumberInto(b: Uint8Array, s: number, e: number, d: number, out: Float64Array, at: number): number {
  let i = s;
  let neg = false;
  let c = b[i];
  if (c === 45) {
    neg = true;
    i++;
  } else if (c === 43) i++;
  i = scanDigits(b, i, e);
  const m = digitsOut[0];
  const digits = digitsOut[1];
  const frac = digitsOut[2];
  c = i < e ? b[i] : c;
  let end = i;
  if (digits === 0 || digits > MAX_DIGITS) return -1;
  let k = -frac;
  if (i < e && c !== d) {
    if (c !== 101 && c !== 69) return -1;
    i++;
    let eneg = false;
    c = b[i];
    if (c === 45) {
      eneg = true;
      i++;
    } else if (c === 43) i++;
    let x = 0;
    let xd = 0;
    for (; i < e; i++) {
      c = b[i];
      if (c === d) break;
      if (c < 48 || c > 57 || xd > 4) return -1;
      x = x * 10 + (c - 48);
      xd++;
    }
    if (xd === 0) return -1;
    end = i;
    k += eneg ? -x : x;
  }
  let v: number;
  if (k === 0) v = m;
  else if (k > 0 && k <= 22) v = m * POW10[k];
  else if (k < 0 && k >= -22) v = m / POW10[-k];
  else return -1;
  // beyond src/data/input-bounds.ts: the general path rejects the value with its line
  if (v > MAX_READING) return -1;
  out[at] = neg ? -v : v;
  return end;
}

/**
 * scanNumberInto for the common cell `digits[.digits]` (no sign, no exponent, at most 9 digits
 * before and 9 after the point, 15 in all) ended by `d` or e; −1 for anything else, which the
 * caller then hands to scanNumberInto. Small enough for V8 to inline into a row's loop. The digits
 * are summed in 32-bit integers: a double's multiply-add per digit is a chain of ~8 cycles, an
 * integer's ~4, and the digits of a cell are one chain (with the other changes of that commit the
 * wide benchmark's parsing went from 235 to 200 ms). m = int · 10^frac + fraction is the integer
 * scanNumberInto reads, so the value is the same to the bit.
 */
export function scanPlainDecimalInto(
  b: Uint8Array,
  s: number,
  e: number,
  d: number,
  out: Float64Array,
  at: number,
): number {
  let i = s;
  let m = 0;
  const intEnd = e - s > 9 ? s + 9 : e;
  for (; i < intEnd; i++) {
    const x = b[i] - 48;
    if (x < 0 || x > 9) break;
    m = (m * 10 + x) | 0;
  }
  const intDigits = i - s;
  let frac = 0;
  if (i < e && b[i] === 46) {
    const f0 = ++i;
    const fracEnd = e - f0 > 9 ? f0 + 9 : e;
    let f = 0;
    for (; i < fracEnd; i++) {
      const x = b[i] - 48;
      if (x < 0 || x > 9) break;
      f = (f * 10 + x) | 0;
    }
    frac = i - f0;
    m = m * POW10[frac] + f;
  }
  const digits = intDigits + frac;
  if (digits === 0 || digits > MAX_DIGITS || (i < e && b[i] !== d)) return -1;
  out[at] = frac === 0 ? m : m / POW10[frac];
  return i;
}

/** scanDigits' results: the integer mantissa, its digit count, the digits after the point (a typed array: no boxed doubles). */
const digitsOut = new Float64Array(3);

/**
 * Reads `digits[.digits]` from b[s..e) into digitsOut and returns where it stopped: integer digits,
 * then the fraction's — two tight loops, no per-byte bookkeeping of the point.
 */
function scanDigits(b: Uint8Array, s: number, e: number): number {
  let i = s;
  let m = 0;
  for (; i < e; i++) {
    const x = b[i] - 48;
    if (x < 0 || x > 9) break;
    m = m * 10 + x;
  }
  const intDigits = i - s;
  let frac = 0;
  if (i < e && b[i] === 46) {
    const f0 = ++i;
    for (; i < e; i++) {
      const x = b[i] - 48;
      if (x < 0 || x > 9) break;
      m = m * 10 + x;
    }
    frac = i - f0;
  }
  digitsOut[0] = m;
  digitsOut[1] = intDigits + frac;
  digitsOut[2] = frac;
  return i;
}

/** True when b[s..e) holds no double quote and only ASCII (nothing the fast path must not pass over). */
export function plainAscii(b: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = b[i];
    if (c === 34 || c > 127) return false;
  }
  return true;
}

/** Byte-for-byte equality of a[as..ae) and b[bs..be). */
export function sameBytes(a: Uint8Array, as: number, ae: number, b: Uint8Array, bs: number, be: number): boolean {
  if (ae - as !== be - bs) return false;
  for (let i = as, j = bs; i < ae; i++, j++) if (a[i] !== b[j]) return false;
  return true;
}

/** b[s..e) written into dst after its first `used` bytes; dst itself, or a copy twice as large (or more) when it is full. */
function appendBytes<T extends Uint8Array>(dst: T, used: number, b: Uint8Array, s: number, e: number): T {
  let out = dst;
  if (used + (e - s) > dst.length) {
    out = new Uint8Array(Math.max(dst.length * 2, used + (e - s))) as T;
    out.set(dst.subarray(0, used));
  }
  out.set(b.subarray(s, e), used);
  return out;
}

/** FNV-1a (32-bit) constants of ByteKeyTable's hash. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/**
 * Byte strings → small integers: an open-addressing table keyed by FNV-1a of the bytes, each
 * hit verified byte for byte. Holds at most `capacity` keys (then `add` does nothing and the
 * caller resolves by string).
 */
export class ByteKeyTable {
  private slots: Int32Array;
  private mask: number;
  private pool = new Uint8Array(4096);
  private poolUsed = 0;
  private keyStart: number[] = [];
  private keyLen: number[] = [];
  private vals: number[] = [];
  constructor(readonly capacity = 65536) {
    this.slots = new Int32Array(1024).fill(-1);
    this.mask = 1023;
  }

  get size(): number {
    return this.vals.length;
  }

  static hash(b: Uint8Array, s: number, e: number): number {
    let h = FNV_OFFSET;
    for (let i = s; i < e; i++) h = Math.imul(h ^ b[i], FNV_PRIME);
    return h >>> 0;
  }

  /** The value stored for b[s..e), or −1. */
  get(b: Uint8Array, s: number, e: number): number {
    return this.getHashed(b, s, e, ByteKeyTable.hash(b, s, e));
  }

  /** get() with the key's hash already computed (FNV_OFFSET, then h = imul(h ^ byte, FNV_PRIME) per byte, >>> 0). */
  getHashed(b: Uint8Array, s: number, e: number, hash: number): number {
    let slot = hash & this.mask;
    for (;;) {
      const k = this.slots[slot];
      if (k === -1) return -1;
      const ks = this.keyStart[k];
      if (sameBytes(this.pool, ks, ks + this.keyLen[k], b, s, e)) return this.vals[k];
      slot = (slot + 1) & this.mask;
    }
  }

  /** Stores `value` for b[s..e) (a key not yet present). */
  add(b: Uint8Array, s: number, e: number, value: number): void {
    if (this.vals.length >= this.capacity) return;
    const len = e - s;
    this.pool = appendBytes(this.pool, this.poolUsed, b, s, e);
    const k = this.vals.length;
    this.keyStart.push(this.poolUsed);
    this.keyLen.push(len);
    this.vals.push(value);
    this.poolUsed += len;
    if (this.vals.length * 2 > this.slots.length) this.rehash();
    else this.place(k);
  }

  private place(k: number): void {
    const ks = this.keyStart[k];
    let slot = ByteKeyTable.hash(this.pool, ks, ks + this.keyLen[k]) & this.mask;
    while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
    this.slots[slot] = k;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.mask = this.slots.length - 1;
    for (let k = 0; k < this.vals.length; k++) this.place(k);
  }
}

/** Node's Buffer where there is one (a browser has none). */
const NodeBuffer = (globalThis as { Buffer?: { from(b: ArrayBufferLike, offset: number, length: number): Uint8Array } })
  .Buffer;

/**
 * The bytes of `chunk` to search for line breaks: in Node a Buffer over the same memory, whose
 * indexOf is memchr — 4× faster than a typed array's (5 against 23 ms over a 78 MB file).
 */
function searchable(chunk: Uint8Array): Uint8Array {
  return NodeBuffer ? NodeBuffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : chunk;
}

/**
 * Cuts byte chunks into lines for the fast path. `onLine(b, s, e, last)` gets each line's bytes
 * without its line break (with `crlf`, lines end in \r\n and the \r is dropped; a bare \n then
 * stops the cutting) and returns false to stop. A line split across chunks is copied into one
 * buffer; only the unfinished last line is kept between chunks.
 */
export class LineCutter {
  private tail = new Uint8Array(1 << 16);
  private tailLen = 0;
  constructor(
    private readonly crlf: boolean,
    private readonly onLine: (b: Uint8Array, s: number, e: number) => boolean,
    /** A line longer than this stops the cutting (the general path reports it). */
    private readonly maxLine = 16 * 1024 * 1024,
  ) {}

  /**
   * Cuts the lines of `chunk`. Returns undefined when every complete line was taken, else the
   * bytes from the start of the line that stopped the cutting to the end of the chunk.
   */
  push(chunk: Uint8Array): Uint8Array | undefined {
    // one array type for the byte loops (a Node Buffer is a subclass: two shapes deoptimise them)
    if (chunk.constructor !== Uint8Array) chunk = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const find = searchable(chunk);
    let p = 0;
    const n = chunk.length;
    if (this.tailLen > 0) {
      const nl = find.indexOf(10);
      if (nl === -1) {
        if (this.tailLen + n > this.maxLine) return this.takeTail(chunk, n);
        this.append(chunk, 0, n);
        return undefined;
      }
      this.append(chunk, 0, nl + 1);
      const t = this.tail;
      let e = this.tailLen - 1;
      if (this.crlf) {
        if (e === 0 || t[e - 1] !== 13) return this.takeTail(chunk, n, nl + 1);
        e--;
      }
      if (!this.onLine(t, 0, e)) return this.takeTail(chunk, n, nl + 1);
      this.tailLen = 0;
      p = nl + 1;
    }
    for (;;) {
      const nl = find.indexOf(10, p);
      if (nl === -1) break;
      let e = nl;
      if (this.crlf) {
        if (e === p || chunk[e - 1] !== 13) return chunk.subarray(p);
        e--;
      }
      if (!this.onLine(chunk, p, e)) return chunk.subarray(p);
      p = nl + 1;
    }
    if (p < n) {
      if (n - p > this.maxLine) return chunk.subarray(p);
      this.append(chunk, p, n);
    }
    return undefined;
  }

  /** The end of the stream: the unfinished last line, if any. Returns its bytes when it stopped the cutting. */
  end(): Uint8Array | undefined {
    if (this.tailLen === 0) return undefined;
    const len = this.tailLen;
    if (!this.onLine(this.tail, 0, len)) return this.tail.slice(0, len);
    this.tailLen = 0;
    return undefined;
  }

  /** Bytes not yet cut (the unfinished line) — to hand to the general path. */
  pending(): Uint8Array {
    return this.tail.slice(0, this.tailLen);
  }

  private append(b: Uint8Array, s: number, e: number): void {
    this.tail = appendBytes(this.tail, this.tailLen, b, s, e);
    this.tailLen += e - s;
  }

  /** The tail (its first `tailLen − appended` bytes came from earlier chunks) plus the rest of the chunk. */
  private takeTail(chunk: Uint8Array, n: number, appended = 0): Uint8Array {
    const before = this.tailLen - appended;
    const out = new Uint8Array(before + n);
    out.set(this.tail.subarray(0, before));
    out.set(chunk, before);
    this.tailLen = 0;
    return out;
  }
}

/** scanWideRow's results besides its return value: [values read, empty cells, timestamp start, timestamp end]. */
export const wideRowOut = new Int32Array(4);

/**
 * Reads the fields of one wide data line b[s..e) (delimiter d): field j goes to out[base +
 * colOf[j]] when colOf[j] ≥ 0 (a meter; an empty cell is NaN), is the timestamp when −2 (its
 * bytes' bounds in wideRowOut), and is skipped when −1 (plain ASCII only). Returns the number of
 * fields, or −1 when the line needs the general path (more than `width` fields, a cell that is
 * no plain number, text outside ASCII or with quotes). A module-level function rather than a
 * closure: its loop reads no context slots (the row's loop ran twice as slow inside a closure).
 */
export function scanWideRow(
  b: Uint8Array,
  s: number,
  e: number,
  d: number,
  colOf: Int32Array,
  width: number,
  out: Float64Array,
  base: number,
): number {
  let used = 0;
  let empty = 0;
  let tS = -1;
  let tE = -1;
  let j = 0;
  for (let p = s; ; j++) {
    if (j === width) return -1; // extra field
    const k = colOf[j];
    let q = p;
    if (k >= 0) {
      if (p === e || b[p] === d) {
        out[base + k] = NaN;
        empty++;
      } else {
        // one pass: the number is read up to the delimiter, straight into the batch
        q = scanPlainDecimalInto(b, p, e, d, out, base + k);
        if (q < 0) q = scanNumberInto(b, p, e, d, out, base + k);
        if (q < 0) return -1;
        used++;
      }
    } else {
      while (q < e && b[q] !== d) q++;
      if (k === -2) {
        tS = p;
        tE = q;
      } else if (!plainAscii(b, p, q)) return -1;
    }
    if (q >= e) break;
    p = q + 1;
  }
  wideRowOut[0] = used;
  wideRowOut[1] = empty;
  wideRowOut[2] = tS;
  wideRowOut[3] = tE;
  return j + 1;
}
