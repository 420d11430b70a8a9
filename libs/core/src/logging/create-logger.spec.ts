import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config';
import { createLogCapture } from '../testing/log-capture';
import { createLogger } from './create-logger';
import { NestLoggerAdapter } from './nest-logger.adapter';
import { isSecretKey } from './redaction';

const SECRETS = ['pw-Zq81', 'enable-Zq82', 'community-Zq83', 'authkey-Zq84', 'privkey-Zq85', 'BEGIN-KEY-Zq86', 'apikey-Zq87', 'cookie-Zq88'];

describe('createLogger', () => {
  const capture = () => {
    const logs = createLogCapture();
    return { logs, logger: createLogger({ logLevel: 'trace' }, logs.destination) };
  };

  it('writes one JSON line per event with level names and ISO time', () => {
    const { logs, logger } = capture();
    logger.info({ device: 'core1' }, 'backed up');
    logger.warn('slow');
    expect(logs.lines).toHaveLength(2);
    expect(logs.lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
    expect(logs.records()[0]).toMatchObject({ level: 'info', device: 'core1', msg: 'backed up', time: expect.stringMatching(/Z$/) });
  });

  it('redacts secret-named keys at any depth, in arrays, errors and child bindings', () => {
    const { logs, logger } = capture();
    const error = Object.assign(new Error('login failed'), { password: SECRETS[0] });
    logger.child({ sessionToken: 'nk_child' }).info(
      {
        device: {
          name: 'core1',
          credentials: { username: 'netkeep', password: SECRETS[0], enableSecret: SECRETS[1], privateKey: SECRETS[5] },
          snmp: [{ version: 'v2c', community: SECRETS[2] }, { version: 'v3', authKey: SECRETS[3], privKey: SECRETS[4], user: 'mon' }],
        },
        headers: { authorization: 'Bearer xyz', 'x-api-key': SECRETS[6], cookie: SECRETS[7], accept: 'application/json' },
        tokenId: 'visible-id',
        keyPrefix: 'visible-prefix',
        err: error,
      },
      'connecting',
    );
    const text = logs.text();
    for (const secret of [...SECRETS, 'Bearer xyz', 'nk_child']) expect(text).not.toContain(secret);
    expect(logs.records()[0]).toMatchObject({
      sessionToken: '[redacted]',
      device: {
        name: 'core1',
        credentials: { username: 'netkeep', password: '[redacted]', enableSecret: '[redacted]', privateKey: '[redacted]' },
        snmp: [
          { version: 'v2c', community: '[redacted]' },
          { version: 'v3', authKey: '[redacted]', privKey: '[redacted]', user: 'mon' },
        ],
      },
      headers: { authorization: '[redacted]', 'x-api-key': '[redacted]', cookie: '[redacted]', accept: 'application/json' },
      tokenId: 'visible-id',
      keyPrefix: 'visible-prefix',
      err: { type: 'Error', message: 'login failed', password: '[redacted]', stack: expect.stringContaining('login failed') },
    });
  });

  it('scrubs tokens, bearer credentials and URL passwords from free text', () => {
    const { logs, logger } = capture();
    const token = `nk_${randomBytes(32).toString('base64url')}`;
    logger.warn(`client sent ${token} as Bearer ${token} to postgres://netkeep:hunter2@db/netkeep`);
    logger.error(new Error(`refused ${token}`));
    const text = logs.text();
    expect(text).not.toContain(token);
    expect(text).not.toContain('hunter2');
    expect(logs.records()[0]?.['msg']).toBe('client sent nk_[redacted] as Bearer [redacted] to postgres://netkeep:***@db/netkeep');
  });

  it('never writes the secrets of a whole NetkeepConfig', () => {
    const { logs, logger } = capture();
    const adminToken = `nk_${randomBytes(32).toString('base64url')}`;
    const secretKey = randomBytes(32);
    const config = loadConfig(
      {
        NETKEEP_DATA_DIR: '/tmp',
        DATABASE_URL: 'postgres://netkeep:db-pass-Zq9@db/netkeep',
        NETKEEP_SECRET_KEY: secretKey.toString('base64'),
        NETKEEP_ADMIN_TOKEN: adminToken,
        NETKEEP_SERVICE_TOKEN: 'service-token-value-Zq90-long-enough',
      },
      { mode: 'service' },
    );
    logger.info({ config }, 'config');
    const text = logs.text();
    for (const secret of [adminToken, secretKey.toString('base64'), secretKey.toString('hex'), 'service-token-value-Zq90', 'db-pass-Zq9']) {
      expect(text).not.toContain(secret);
    }
  });

  it('keeps every level of child bindings, redacted', () => {
    const { logs, logger } = capture();
    logger.child({ device: 'core1' }).child({ phase: 'auth', password: SECRETS[0] }).info('failed');
    expect(logs.records()[0]).toMatchObject({ device: 'core1', phase: 'auth', password: '[redacted]', msg: 'failed' });
  });

  it('survives circular objects', () => {
    const { logs, logger } = capture();
    const loop: Record<string, unknown> = { name: 'loop' };
    loop['self'] = loop;
    logger.info({ loop }, 'circular');
    expect(logs.records()[0]).toMatchObject({ loop: { name: 'loop', self: '[circular]' } });
  });

  it('carries Nest framework messages as JSON, start-up chatter at debug', () => {
    const { logs, logger } = capture();
    const nest = new NestLoggerAdapter(logger);
    nest.log('Mapped {/x, GET} route', 'RouterExplorer');
    nest.log('custom', 'Inventory');
    nest.error('failed', 'Error: failed\n    at x (y.ts:1:1)', 'BackupWorker');
    expect(logs.records().map((r) => [r['level'], r['context'], r['msg']])).toEqual([
      ['debug', 'RouterExplorer', 'Mapped {/x, GET} route'],
      ['info', 'Inventory', 'custom'],
      ['error', 'BackupWorker', 'failed'],
    ]);
  });

  it('classifies key names', () => {
    for (const key of ['password', 'sshPassword', 'enable_secret', 'snmpCommunity', 'adminToken', 'privateKey', 'authKey', 'privKey', 'Authorization', 'set-cookie', 'secretKey']) {
      expect(isSecretKey(key), key).toBe(true);
    }
    for (const key of ['tokenId', 'keyPrefix', 'username', 'name', 'host', 'role', 'keys']) expect(isSecretKey(key), key).toBe(false);
  });
});
