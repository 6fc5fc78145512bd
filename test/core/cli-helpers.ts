import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

/** Runs the CLI in-process; returns exit status and what it wrote. */
export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    stdout += String(s);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    stderr += String(s);
    return true;
  });
  try {
    const code = await main(['node', 'pingheng', ...args]);
    // The CLI contract (DESIGN.md): 0 all good, 1 findings, 2 unusable input — nothing else.
    assert.ok([0, 1, 2].includes(code), `exit status ${code} is outside the contract`);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'pingheng-'));
let n = 0;
/** Writes text to a temporary file and returns its path. */
export function tempFile(text: string | Uint8Array, ext = '.json'): string {
  const file = join(dir, `f${n++}${ext}`);
  writeFileSync(file, text);
  return file;
}
