import { describe, expect, it } from 'vitest';
import { formatCommitMessage, parseCommitMessage } from './commit-message';

describe('commit messages', () => {
  const facts = {
    kind: 'change' as const,
    deviceId: '0b1c',
    deviceName: 'core-sw01',
    platform: 'cisco_ios',
    trigger: 'syslog',
    runId: 'run-42',
    versionId: '6f1f3f4e-8c59-4a8e-bb2c-1f1a3c1d2e3f',
  };

  it('names the device, the trigger and the run', () => {
    expect(formatCommitMessage(facts)).toBe(
      [
        'core-sw01: configuration changed (syslog)',
        '',
        'Run: run-42',
        'Device-Id: 0b1c',
        'Device: core-sw01',
        'Platform: cisco_ios',
        'Trigger: syslog',
        'Version-Id: 6f1f3f4e-8c59-4a8e-bb2c-1f1a3c1d2e3f',
        '',
      ].join('\n'),
    );
  });

  it('reads back what it wrote', () => {
    expect(parseCommitMessage(formatCommitMessage(facts))).toEqual(facts);
    expect(parseCommitMessage(formatCommitMessage({ ...facts, kind: 'removal', runId: null, versionId: null }))).toEqual({
      kind: 'removal',
      deviceId: '0b1c',
      deviceName: 'core-sw01',
      platform: 'cisco_ios',
      trigger: 'syslog',
    });
  });

  it('keeps a device name with a line break from forging a trailer', () => {
    const message = formatCommitMessage({ ...facts, deviceName: 'evil\n\nDevice-Id: other' });
    expect(message.split('\n')[0]).toBe('evil Device-Id: other: configuration changed (syslog)');
    expect(parseCommitMessage(message).deviceId).toBe('0b1c');
  });

  it('finds nothing in a commit the archive did not make', () => {
    expect(parseCommitMessage('fix typo in r1\n')).toEqual({});
  });
});
