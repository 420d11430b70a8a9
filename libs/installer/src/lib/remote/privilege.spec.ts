import { describe, expect, it } from 'vitest';
import { asRoot, sudoRefusal } from './privilege';

describe('asRoot', () => {
  it('runs directly as root, through sudo -n without a password', () => {
    expect(asRoot("echo 'x'", { kind: 'root' })).toEqual({ line: `sh -c 'echo '\\''x'\\'''` });
    expect(asRoot('id -u', { kind: 'sudo' })).toEqual({ line: `sudo -n -- sh -c 'id -u'` });
  });

  it('puts the sudo password on stdin only, never in the command line', () => {
    const command = asRoot('id -u', { kind: 'sudo-password', password: 's3cr3t' });
    expect(command.line).toBe(`sudo -S -k -p '' -- sh -c 'exec </dev/null; id -u'`);
    expect(command.line).not.toContain('s3cr3t');
    expect(command.stdin).toBe('s3cr3t\n');
  });

  it('recognises sudo asking for a password and rejecting one', () => {
    expect(sudoRefusal('sudo: a password is required\n')).toBe('password-required');
    expect(sudoRefusal('Sorry, try again.\nsudo: 1 incorrect password attempt\n')).toBe('password-rejected');
    expect(sudoRefusal('ls: cannot access')).toBeUndefined();
  });
});
