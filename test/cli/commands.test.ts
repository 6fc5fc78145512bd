import { Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandOf, program } from '../../src/cli/main.ts';
import { runCli } from '../core/cli-helpers.ts';

describe('the lazily loaded commands', () => {
  it("each line of the top-level help is the command's own: name, usage and description", async () => {
    const help = new Help();
    for (const [name, entry] of Object.entries(COMMANDS)) {
      const p = program();
      (await entry.load())(p);
      expect(p.commands.map((c) => c.name())).toEqual([name]);
      const cmd = p.commands[0]!;
      expect(cmd.description(), name).toBe(entry.description);
      expect(help.subcommandTerm(cmd), name).toBe(`${name}${entry.usage ? ` ${entry.usage}` : ''}`);
    }
  });

  it('the top-level help is the one of all commands registered at once', async () => {
    const eager = program();
    for (const entry of Object.values(COMMANDS)) (await entry.load())(eager);
    const lazy = await runCli(['--help']);
    expect(lazy.code).toBe(0);
    expect(lazy.stdout).toBe(eager.helpInformation());
  });

  it('finds the command of a command line, `help X` included', () => {
    expect(commandOf(['node', 'pingheng', 'check', 'm.json', '--json'])).toBe('check');
    expect(commandOf(['node', 'pingheng', '--json', 'reconcile', 'm.json'])).toBe('reconcile');
    expect(commandOf(['node', 'pingheng', 'help', 'ingest'])).toBe('ingest');
    expect(commandOf(['node', 'pingheng', '--help'])).toBeUndefined();
    expect(commandOf(['node', 'pingheng', 'chek', 'm.json'])).toBeUndefined();
    expect(commandOf(['node', 'pingheng', 'constructor'])).toBeUndefined(); // not an Object.prototype name
  });

  it('an unknown command: exit 2 with the closest name', async () => {
    const r = await runCli(['chek', 'datasets/dyeing.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'chek'");
    expect(r.stderr).toContain('Did you mean check?');
  });
});
