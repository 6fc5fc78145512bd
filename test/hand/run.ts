import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The independent checker's harness: every hand case runs through the package's own bin in a separate
 * process, as a reviewer runs it (`node bin/pingheng.js check|coverage|depth MODEL --json`), and asserts
 * figures computed by hand from the standard's definition — never the engine's own functions.
 */
const bin = resolve(import.meta.dirname, '../../bin/pingheng.js');
const dir = mkdtempSync(join(tmpdir(), 'pingheng-hand-'));
let n = 0;

// biome-ignore lint/suspicious/noExplicitAny: the CLI's JSON documents are read as a reviewer reads them
export type Json = any;

/** Writes the model, runs `pingheng <command> MODEL --json [...args]`, returns the exit status and the document. */
export function cli(
  command: string,
  model: object,
  ...args: string[]
): { code: number | null; doc: Json; stderr: string } {
  const file = join(dir, `case${n++}.json`);
  writeFileSync(file, JSON.stringify(model, null, 2));
  const r = spawnSync(process.execPath, [bin, command, file, '--json', ...args], { encoding: 'utf8', timeout: 60_000 });
  let doc: Json = null;
  try {
    doc = JSON.parse(r.stdout);
  } catch {
    throw new Error(
      `no JSON from pingheng ${command} (exit ${r.status}): ${r.stdout.slice(0, 300)} ${r.stderr.slice(0, 300)}`,
    );
  }
  return { code: r.status, doc, stderr: r.stderr };
}

/** The human output of a command (text, not JSON), for names and units a reader sees. */
export function text(command: string, model: object, ...args: string[]): { code: number | null; out: string } {
  const file = join(dir, `case${n++}.json`);
  writeFileSync(file, JSON.stringify(model, null, 2));
  const r = spawnSync(process.execPath, [bin, command, file, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout };
}

/** A deep copy to vary a base case. */
export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** A 72-hour campaign under normal production by a qualified team (Yunnan 2007 三 (三)). */
export const campaign72 = {
  start: '2025-06-01T08:00:00+08:00',
  end: '2025-06-04T08:00:00+08:00',
  normalProduction: true,
  performedBy: 'qualified-team',
};
