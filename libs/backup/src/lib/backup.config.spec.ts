import { ConfigError } from '@netkeep/core';
import { describe, expect, it } from 'vitest';
import { BACKUP_CONFIG_VARIABLES, loadBackupSettings } from './backup.config';

describe('loadBackupSettings', () => {
  it('has defaults for everything: the embedded platform needs no backup variable', () => {
    expect(loadBackupSettings({})).toMatchObject({
      role: 'all',
      concurrency: 10,
      archiveConcurrency: 64,
      siteConcurrency: 4,
      attempts: 3,
      backoffMs: 5_000,
      lockMs: 30_000,
      maskSecrets: true,
      syslogPort: 0,
      syslogHost: undefined,
      syslogDebounceMs: 5_000,
      timeouts: { connectMs: 10_000, authMs: 10_000, promptMs: 15_000, commandIdleMs: 20_000, commandTotalMs: 300_000 },
    });
  });

  it('reads every variable', () => {
    const settings = loadBackupSettings({
      NETKEEP_BACKUP_ROLE: 'Worker',
      NETKEEP_BACKUP_CONCURRENCY: '50',
      NETKEEP_BACKUP_ARCHIVE_CONCURRENCY: '128',
      NETKEEP_BACKUP_SITE_CONCURRENCY: '0',
      NETKEEP_BACKUP_COMMAND_IDLE_TIMEOUT_MS: '2500',
      NETKEEP_BACKUP_MASK_SECRETS: 'false',
      NETKEEP_SYSLOG_PORT: '5514',
      NETKEEP_SYSLOG_HOST: '0.0.0.0',
    });
    expect(settings).toMatchObject({ role: 'worker', concurrency: 50, archiveConcurrency: 128, siteConcurrency: 0, maskSecrets: false, syslogPort: 5514, syslogHost: '0.0.0.0' });
    expect(settings.timeouts.commandIdleMs).toBe(2_500);
  });

  it('names every bad variable, in one line, the way core does', () => {
    const error = (() => {
      try {
        loadBackupSettings({ NETKEEP_BACKUP_ROLE: 'boss', NETKEEP_BACKUP_CONCURRENCY: '0', NETKEEP_SYSLOG_PORT: '70000', NETKEEP_BACKUP_MASK_SECRETS: 'maybe' });
      } catch (caught) {
        return caught as ConfigError;
      }
      throw new Error('no error');
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems.map((problem) => problem.variable)).toEqual(['NETKEEP_BACKUP_ROLE', 'NETKEEP_BACKUP_MASK_SECRETS', 'NETKEEP_BACKUP_CONCURRENCY', 'NETKEEP_SYSLOG_PORT']);
    expect(error.message).toMatch(/^NETKEEP_BACKUP_ROLE must be one of all, api, worker \(got "boss"\); /);
    expect(error.message).toContain('NETKEEP_BACKUP_CONCURRENCY must be an integer from 1 to 1000 (got "0")');
    expect(error.message).not.toContain('\n');
  });

  it('documents every variable it reads', () => {
    const documented = BACKUP_CONFIG_VARIABLES.map((variable) => variable.name);
    const source = loadBackupSettings.toString();
    for (const name of source.match(/NETKEEP_[A-Z_]+/g) ?? []) expect(documented).toContain(name);
  });
});
