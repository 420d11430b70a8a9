import { describe, expect, it } from 'vitest';
import type { ShellContext } from '../persona';
import { CommandTable, caretLine, tableDrivenCli } from './command-table';
import { includePipe, noMorePipe } from './output-pipes';
import { labDevice, shellContext } from './persona-contract.testkit';

const ctx: ShellContext = shellContext(labDevice('cisco_ios'), 'exec');
const table = new CommandTable(
  [
    { syntax: 'sh[ow] run[ning-config]', modes: ['privileged'], run: () => ({ output: 'hostname r1\ninterface Gi1\nend' }) },
    { syntax: 'sh[ow] ver[sion]', run: () => ({ output: 'Version 1' }) },
    { syntax: 'ter[minal] len[gth] <lines:int>', run: (a) => ({ output: `len ${a['lines']}` }) },
    { syntax: 'ping <target> <count?>', run: (a) => ({ output: `${a['target']} x${a['count'] ?? 5}` }) },
    { syntax: 'echo <words...?>', run: (a) => ({ output: a['words'] }) },
    { syntax: 'sh[ow] int[erfaces] <name?>', run: (a) => (a['name'] === 'bogus' ? undefined : { output: 'ok' }) },
  ],
  [includePipe('i[nclude] <pattern...>'), noMorePipe('no-more')],
);

describe('CommandTable', () => {
  it('accepts any abbreviation down to the required part of each keyword', () => {
    for (const line of ['sh ver', 'show version', 'sho vers', 'SHOW VERSION']) expect(table.run(line, ctx)?.output).toBe('Version 1');
    expect(table.run('s ver', ctx)).toBeUndefined();
  });

  it('checks numbers and collects arguments, optional ones included', () => {
    expect(table.run('term len 0', ctx)?.output).toBe('len 0');
    expect(table.run('term len zero', ctx)).toBeUndefined();
    expect(table.run('ping 10.0.0.1', ctx)?.output).toBe('10.0.0.1 x5');
    expect(table.run('ping 10.0.0.1 3', ctx)?.output).toBe('10.0.0.1 x3');
    expect(table.run('echo  two   words', ctx)?.output).toBe('two   words');
  });

  it('keeps commands to their modes', () => {
    expect(table.run('show running-config', ctx)).toBeUndefined();
    expect(table.run('show running-config', { ...ctx, mode: 'privileged' })?.output).toContain('hostname r1');
  });

  it('reports where matching stopped, or that the line is incomplete', () => {
    expect(table.dispatch('show bogus', ctx)).toEqual({ kind: 'unknown', column: 5, token: 'bogus', tokenIndex: 1 });
    expect(table.dispatch('foo', ctx)).toMatchObject({ kind: 'unknown', column: 0 });
    expect(table.dispatch('show version extra', ctx)).toMatchObject({ kind: 'unknown', column: 13 });
    expect(table.dispatch('term len', ctx)).toEqual({ kind: 'incomplete', column: 8 });
  });

  it('puts the caret under an argument the handler rejects', () => {
    expect(table.dispatch('show interfaces bogus', ctx)).toMatchObject({ kind: 'unknown', column: 16, token: 'bogus' });
  });

  it('applies pipes, keeping a | inside a pattern as part of it', () => {
    const result = table.run('show running-config | include host|end', { ...ctx, mode: 'privileged' });
    expect(result?.output).toBe('hostname r1\nend');
    expect(table.run('show version | no-more', ctx)).toEqual({ output: 'Version 1', unpaged: true });
    expect(table.dispatch('show version | frobnicate', ctx)).toMatchObject({ kind: 'unknown', column: 15 });
  });

  it('draws the caret under the bad token, after the last line of the prompt', () => {
    expect(caretLine('r1>', 5)).toBe('        ^');
    expect(caretLine('\n[edit]\nuser@r1# ', 0)).toBe('         ^');
    const cli = tableDrivenCli(() => table, () => 'r1>', { invalid: (i) => `bad ${i}`, incomplete: '% Incomplete command.', caret: true });
    expect(cli.unknownCommand('show bogus', ctx)).toBe(`${' '.repeat(8)}^\nbad 1\n`);
    expect(cli.run('term len', ctx)).toEqual({ output: '% Incomplete command.' });
  });
});
