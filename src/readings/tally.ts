import type { RejectedEntry } from './types.ts';

/**
 * The ingest's count of what it read: every data row is counted (rows.read = rows.used +
 * rows.rejected) and every rejected row, and each rejected value of a used wide row, is listed with
 * its line — the first MAX_LISTED of them; the rest are counted (`notListed`) so memory stays bounded.
 */

/** Rejected rows listed in full; beyond this they are counted (`rejectedNotListed`). */
export const MAX_LISTED = 100_000;

/**
 * A copy of a cell's text that does not keep the 64 KiB chunk it was cut from alive
 * (V8 slices strings: a kept cell would pin its whole chunk).
 */
export function detach(text: string): string {
  return ` ${text.length > 200 ? text.slice(0, 200) : text}`.slice(1);
}

export class Tally {
  readonly rows = { read: 0, used: 0, rejected: 0 };
  readonly values = { read: 0, used: 0, rejected: 0, empty: 0 };
  readonly rejected: RejectedEntry[] = [];
  notListed = 0;

  /** Lists a rejected row or value (its text detached from the chunk), or counts it past MAX_LISTED. */
  list(e: RejectedEntry): void {
    if (this.rejected.length >= MAX_LISTED) this.notListed++;
    else {
      if (e.text !== undefined) e.text = detach(e.text);
      this.rejected.push(e);
    }
  }

  /** A data row that cannot be used: counted and listed. */
  reject(line: number, reason: string, extra: Partial<RejectedEntry> = {}): void {
    this.rows.rejected++;
    this.list({ line, reason, ...extra });
  }
}
