import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SshConfigFile } from './ssh-config-file';

const context = { homeDir: '/home/op', localUser: 'op' };

describe('SshConfigFile', () => {
  it('applies the first value obtained, collects every IdentityFile and expands tokens', () => {
    const config = SshConfigFile.parse(
      [
        'Host lab-*',
        '  User admin',
        '  IdentityFile ~/.ssh/lab_%h',
        'Host lab-server',
        '  HostName=10.0.0.10',
        '  User ignored-because-first-wins',
        '  Port 2222',
        '  ProxyJump bastion',
        'Host *',
        '  IdentityFile "~/.ssh/id ed25519"',
        '  User fallback',
      ].join('\n'),
      { homeDir: '/home/op' },
    );
    expect(config.lookup('lab-server', context)).toEqual({
      hostName: '10.0.0.10',
      user: 'admin',
      port: 2222,
      identityFiles: ['/home/op/.ssh/lab_10.0.0.10', '/home/op/.ssh/id ed25519'],
      proxyJump: 'bastion',
    });
    expect(config.lookup('other', context)).toEqual({ user: 'fallback', identityFiles: ['/home/op/.ssh/id ed25519'] });
  });

  it('honours negated patterns, ProxyJump none and skips Match blocks', () => {
    const config = SshConfigFile.parse(['Host * !direct', '  ProxyJump jump', 'Host direct', '  ProxyJump none', 'Match host x', '  User matched'].join('\n'), { homeDir: '/h' });
    expect(config.lookup('direct', context).proxyJump).toBeUndefined();
    expect(config.lookup('x', context)).toEqual({ identityFiles: [], proxyJump: 'jump' });
  });

  it('follows Include, relative to ~/.ssh', () => {
    const home = mkdtempSync(join(tmpdir(), 'netkeep-sshcfg-'));
    mkdirSync(join(home, '.ssh', 'config.d'), { recursive: true });
    writeFileSync(join(home, '.ssh', 'config'), 'Include config.d/*.conf\nHost *\n  User late\n');
    writeFileSync(join(home, '.ssh', 'config.d', 'lab.conf'), 'Host node\n  HostName 10.1.1.1\n  User early\n');
    const config = SshConfigFile.load(home);
    expect(config.lookup('node', { homeDir: home, localUser: 'op' })).toMatchObject({ hostName: '10.1.1.1', user: 'early' });
  });

  it('is empty when there is no file', () => {
    expect(SshConfigFile.load('/nonexistent-home').lookup('any', context)).toEqual({ identityFiles: [] });
  });
});
