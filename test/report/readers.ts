/**
 * Independent readers for the generated files: Debian's python3-openpyxl and python3-docx, run on
 * test/report/read_report.py. A developer's pyenv shim may lack them, so the system Python is
 * tried first.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface ReadSheet {
  name: string;
  freeze: string | null;
  rows: unknown[][];
  formats: string[][];
  /** openpyxl data types: n number, s string, … */
  types: string[][];
}

export interface ReadBack {
  xlsx: { sheets: ReadSheet[] };
  docx: {
    tables: string[][][];
    headerRepeats: boolean[];
    images: { content_type: string; bytes: number; png: boolean; width_emu: number; height_emu: number }[];
    paragraphs: { text: string; style: string }[];
    page: { width: number; height: number };
  };
}

const SCRIPT = join(import.meta.dirname, 'read_report.py');

/** A Python that imports openpyxl and docx, or undefined. */
export const python: string | undefined = ['/usr/bin/python3', 'python3'].find((p) => {
  try {
    execFileSync(p, ['-c', 'import openpyxl, docx'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});

export function readBack(xlsx: string, docx: string): ReadBack {
  const out = execFileSync(python!, [SCRIPT, xlsx, docx], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out) as ReadBack;
}
