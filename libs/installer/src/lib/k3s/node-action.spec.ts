import { describe, expect, it } from 'vitest';
import { parseK3sInstallState } from './k3s-install-state';
import { decideNodeAction, NodeRoleConflictError } from './node-action';

const installed = parseK3sInstallState(
  ['binary_sha256=aaa', 'version=k3s version v1.33.4+k3s1 (abc1234)', 'unit=k3s', 'active_k3s=active', 'active_k3s_agent=inactive', 'config_sha256=ccc', 'token=present'].join('\n'),
);
const desired = { role: 'server' as const, configSha256: 'ccc', version: 'v1.33.4+k3s1' };

describe('decideNodeAction', () => {
  it('reads the state probe', () => {
    expect(installed).toEqual({ version: 'v1.33.4+k3s1', binarySha256: 'aaa', installedRoles: ['server'], activeRoles: ['server'], configSha256: 'ccc', serverTokenPresent: true });
  });

  it('does nothing when version, config and service match', () => {
    expect(decideNodeAction('s1', installed, desired).kind).toBe('none');
  });

  it('installs, upgrades, reconfigures or starts, whichever closes the gap', () => {
    expect(decideNodeAction('s1', parseK3sInstallState(''), desired)).toEqual({ kind: 'install', reason: 'K3S is not installed' });
    expect(decideNodeAction('s1', installed, { ...desired, version: 'v1.34.1+k3s1' })).toEqual({ kind: 'upgrade', reason: 'v1.33.4+k3s1 → v1.34.1+k3s1' });
    expect(decideNodeAction('s1', installed, { ...desired, binarySha256: 'bbb' }).kind).toBe('upgrade');
    expect(decideNodeAction('s1', installed, { ...desired, configSha256: 'new' })).toEqual({ kind: 'reconfigure', reason: 'config.yaml changed' });
    expect(decideNodeAction('s1', { ...installed, activeRoles: [] }, desired).kind).toBe('start');
    const { version: _pinned, ...channel } = desired;
    expect(decideNodeAction('s1', { ...installed, version: 'v1.30.0+k3s1' }, channel).kind).toBe('none');
  });

  it('refuses to turn an agent into a server in place', () => {
    expect(() => decideNodeAction('a1', { ...installed, installedRoles: ['agent'] }, desired)).toThrow(NodeRoleConflictError);
  });
});
