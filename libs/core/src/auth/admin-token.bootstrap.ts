import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { chmod, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Clock } from '../clock/clock';
import { CONFIG } from '../config/config.constants';
import type { NetkeepConfig } from '../config/netkeep-config';
import type { NetkeepLogger } from '../logging/create-logger';
import { LOGGER } from '../logging/logging.constants';
import { generateApiToken, hashApiToken } from './api-token';
import { type ApiTokenRecord, ApiTokensRepository } from './api-tokens.repository';

export const ADMIN_TOKEN_FILE = 'admin-token';

/**
 * The first admin token, at start-up: NETKEEP_ADMIN_TOKEN when set (stored by hash, once);
 * otherwise, in embedded mode, a token generated on first start into `<dataDir>/admin-token`
 * (mode 0600) and reused while that file holds a valid admin token. The log says where, never what.
 */
@Injectable()
export class AdminTokenBootstrap implements OnApplicationBootstrap {
  constructor(
    @Inject(CONFIG) private readonly config: NetkeepConfig,
    @Inject(LOGGER) private readonly logger: NetkeepLogger,
    @Inject(Clock) private readonly clock: Clock,
    private readonly tokens: ApiTokensRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.adminToken !== undefined) await this.ensureFromEnvironment(this.config.adminToken);
    else if (this.config.mode === 'embedded') await this.ensureFile(join(this.config.dataDir, ADMIN_TOKEN_FILE));
    else if ((await this.tokens.list()).length === 0) {
      this.logger.warn('no API tokens exist and NETKEEP_ADMIN_TOKEN is unset: set it to create the first admin token');
    }
  }

  private async ensureFromEnvironment(token: string): Promise<void> {
    const stored = await this.tokens.insertIfAbsent({
      name: 'admin (NETKEEP_ADMIN_TOKEN)',
      role: 'admin',
      tokenHash: hashApiToken(token),
      createdAt: this.clock.now().toISOString(),
      expiresAt: null,
    });
    if (!this.isUsableAdmin(stored)) {
      this.logger.warn({ tokenId: stored.id }, 'the token in NETKEEP_ADMIN_TOKEN is revoked, expired or not admin: set a new value');
    } else {
      this.logger.info({ tokenId: stored.id }, 'admin token from NETKEEP_ADMIN_TOKEN is active');
    }
  }

  private async ensureFile(path: string): Promise<void> {
    const existing = await readFile(path, 'utf8').then(
      (text) => text.trim(),
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      },
    );
    if (existing) {
      const stored = await this.tokens.findByHash(hashApiToken(existing));
      if (stored && this.isUsableAdmin(stored)) {
        if (((await stat(path)).mode & 0o077) !== 0) {
          await chmod(path, 0o600);
          this.logger.warn({ path }, 'admin token file was readable by others; its mode is now 0600');
        }
        this.logger.info({ path, tokenId: stored.id }, `admin token is in ${path}`);
        return;
      }
      this.logger.warn({ path }, 'admin token file holds no valid admin token; writing a new one');
    }
    const token = generateApiToken();
    const stored = await this.tokens.insert({
      name: 'admin (admin-token file)',
      role: 'admin',
      tokenHash: hashApiToken(token),
      createdAt: this.clock.now().toISOString(),
      expiresAt: null,
    });
    // Written beside the target and renamed over it, so a reader never sees half a token.
    const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temporary, `${token}\n`, { mode: 0o600, flag: 'wx' });
    await rename(temporary, path);
    this.logger.info({ path, tokenId: stored.id }, `admin token written to ${path} (readable only by its owner)`);
  }

  private isUsableAdmin(token: ApiTokenRecord): boolean {
    const now = this.clock.now();
    return token.role === 'admin' && token.revokedAt === null && (token.expiresAt === null || new Date(token.expiresAt) > now);
  }
}
