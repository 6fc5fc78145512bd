/** The process exit status of a command run: 0 good, 1 findings, 2 unusable input; the highest wins. */

let exitCode = 0;
/** Raises the process exit status (0 good, 1 findings, 2 unusable input); the highest wins. */
export function setExitCode(code: number): void {
  exitCode = Math.max(exitCode, code);
}
/** The status so far, reset to 0 for the next run (tests run many commands in one process). */
export function takeExitCode(): number {
  const c = exitCode;
  exitCode = 0;
  return c;
}
