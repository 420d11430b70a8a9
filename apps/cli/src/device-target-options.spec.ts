import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseJumpAddress, parsePort, parseSeconds, withDeviceTargetOptions } from './device-target-options';

function parse(args: string[], env: NodeJS.ProcessEnv = { USER: 'netops', HOME: '/home/netops' }) {
  const command = withDeviceTargetOptions(new Command('show'), env).argument('<host>').exitOverride();
  command.configureOutput({ writeErr: () => undefined });
  command.parse(args, { from: 'user' });
  return command.opts();
}

describe('device target options', () => {
  it('defaults to port 22, the login user and ~/.netkeep/known_hosts', () => {
    expect(parse(['r1', '--platform', 'ios'])).toEqual({
      platform: 'ios',
      port: 22,
      username: 'netops',
      knownHosts: '/home/netops/.netkeep/known_hosts',
      acceptNewHostKey: false,
    });
  });

  it('reads every connection flag', () => {
    const flags = parse([
      'r1',
      ...['--platform', 'eos', '--port', '2222', '--username', 'admin', '--key', '/keys/id'],
      ...['--jump', 'ops@bastion:2200', '--crypto', 'legacy-cbc', '--known-hosts', '/tmp/kh'],
      ...['--accept-new-host-key', '--timeout', '2.5', '--name', 'core-1'],
    ]);

    expect(flags).toEqual({
      platform: 'eos',
      port: 2222,
      username: 'admin',
      key: '/keys/id',
      jump: { username: 'ops', host: 'bastion', port: 2200 },
      crypto: 'legacy-cbc',
      knownHosts: '/tmp/kh',
      acceptNewHostKey: true,
      timeout: 2.5,
      name: 'core-1',
    });
  });

  it('requires a platform', () => {
    expect(() => parse(['r1'])).toThrow(/required option '--platform <platform>' not specified/);
  });

  it('offers no flag that takes a password or a secret', () => {
    const flags = withDeviceTargetOptions(new Command('show'), {}).options.map((option) => option.long ?? '');

    expect(flags.filter((flag) => /pass|secret/i.test(flag))).toEqual([]);
    expect(() => parse(['r1', '--platform', 'ios', '--password', 'x'])).toThrow(/unknown option '--password'/);
  });

  it('refuses a crypto profile that does not exist', () => {
    expect(() => parse(['r1', '--platform', 'ios', '--crypto', 'weak'])).toThrow(/Allowed choices are modern, legacy-cbc, legacy-dh/);
  });
});

describe('parseJumpAddress', () => {
  it.each([
    ['ops@bastion', { username: 'ops', host: 'bastion', port: 22 }],
    ['ops@127.0.0.1:2200', { username: 'ops', host: '127.0.0.1', port: 2200 }],
    ['bastion:2200', { username: undefined, host: 'bastion', port: 2200 }],
    ['ops@[::1]:2200', { username: 'ops', host: '::1', port: 2200 }],
  ])('reads %s', (value, expected) => {
    expect(parseJumpAddress(value)).toEqual(expected);
  });

  it.each(['', 'ops@', 'ops@host:port', 'ops@host:70000', 'a b@host'])('refuses %j', (value) => {
    expect(() => parseJumpAddress(value)).toThrow();
  });
});

describe('number flags', () => {
  it('takes ports from 1 to 65535 only', () => {
    expect(parsePort('65535')).toBe(65_535);
    expect(() => parsePort('0')).toThrow(/1 to 65535/);
    expect(() => parsePort('22x')).toThrow();
  });

  it('takes positive seconds only', () => {
    expect(parseSeconds('0.5')).toBe(0.5);
    expect(() => parseSeconds('0')).toThrow(/positive/);
    expect(() => parseSeconds('soon')).toThrow();
  });
});
