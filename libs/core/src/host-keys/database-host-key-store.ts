import type { HostKey, HostKeyStore } from '@netkeep/ssh';
import { Inject, Injectable } from '@nestjs/common';
import { type Kysely, sql } from 'kysely';
import { Clock } from '../clock/clock';
import { DATABASE } from '../database/database.constants';
import type { NetkeepDatabase } from '../database/netkeep-database';
import { prepareQuery } from '../database/prepared-query';

interface SshHostKeysTable {
  name: string;
  algorithm: string;
  key: string;
  recorded_at: string;
  /** The last key a device offered in place of the recorded one, refused. */
  offered_algorithm: string | null;
  offered_key: string | null;
  offered_at: string | null;
}

interface HostKeyTables {
  ssh_host_keys: SshHostKeysTable;
}

// Every backup session checks its device's key: these two run once per device, prepared once.
const recordedKey = prepareQuery((db: Kysely<HostKeyTables>, p: { name: string }) =>
  db.selectFrom('ssh_host_keys').select(['algorithm', 'key']).where('name', '=', p.name),
);
const insertFirstSeen = prepareQuery((db: Kysely<HostKeyTables>, p: { name: string; algorithm: string; key: string; recordedAt: string }) =>
  db
    .insertInto('ssh_host_keys')
    .values({ name: p.name, algorithm: p.algorithm, key: p.key, recorded_at: p.recordedAt, offered_algorithm: sql.lit(null), offered_key: sql.lit(null), offered_at: sql.lit(null) })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .returning('name'),
);

/** A key on record, with when it was recorded, and the different key last refused, if any. */
export interface RecordedHostKey extends HostKey {
  name: string;
  recordedAt: string;
  refused: (HostKey & { offeredAt: string }) | null;
}

/**
 * The SSH host keys of every device, in the database every netkeep process shares: the API,
 * each backup worker replica and the poller check one record, so a replica started after a
 * device's key changed refuses the new key like the others instead of trusting it first.
 */
@Injectable()
export class DatabaseHostKeyStore implements HostKeyStore {
  private readonly db: Kysely<HostKeyTables>;

  constructor(
    @Inject(DATABASE) db: NetkeepDatabase,
    private readonly clock: Clock,
  ) {
    this.db = db as Kysely<HostKeyTables>;
  }

  async get(name: string): Promise<HostKey | undefined> {
    const [row] = (await recordedKey.execute(this.db, { name })).rows;
    return row && { algorithm: row.algorithm, base64: row.key };
  }

  async find(name: string): Promise<RecordedHostKey | undefined> {
    const row = await this.db.selectFrom('ssh_host_keys').selectAll().where('name', '=', name).executeTakeFirst();
    if (!row) return undefined;
    const refused = row.offered_algorithm !== null && row.offered_key !== null && row.offered_at !== null ? { algorithm: row.offered_algorithm, base64: row.offered_key, offeredAt: row.offered_at } : null;
    return { name: row.name, algorithm: row.algorithm, base64: row.key, recordedAt: row.recorded_at, refused };
  }

  async recordFirstSeen(name: string, key: HostKey): Promise<HostKey> {
    // The primary key settles a race between processes: the first insert stays, the others read it back.
    const { rows } = await insertFirstSeen.execute(this.db, { name, algorithm: key.algorithm, key: key.base64, recordedAt: this.clock.now().toISOString() });
    if (rows.length > 0) return key;
    const recorded = await this.get(name);
    if (!recorded) throw new Error(`the host key of ${name} was forgotten while it was being recorded`);
    return recorded;
  }

  async replace(name: string, key: HostKey): Promise<void> {
    const row = this.recorded(name, key);
    const { name: _name, ...columns } = row;
    await this.db
      .insertInto('ssh_host_keys')
      .values(row)
      .onConflict((conflict) => conflict.column('name').doUpdateSet(columns))
      .execute();
  }

  async recordRefused(name: string, offered: HostKey): Promise<void> {
    await this.db
      .updateTable('ssh_host_keys')
      .set({ offered_algorithm: offered.algorithm, offered_key: offered.base64, offered_at: this.clock.now().toISOString() })
      .where('name', '=', name)
      .execute();
  }

  /** Forgets the key on record, as `ssh-keygen -R` does: the next session records the key it is offered. */
  async forget(name: string): Promise<boolean> {
    const result = await this.db.deleteFrom('ssh_host_keys').where('name', '=', name).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  private recorded(name: string, key: HostKey): SshHostKeysTable {
    return { name, algorithm: key.algorithm, key: key.base64, recorded_at: this.clock.now().toISOString(), offered_algorithm: null, offered_key: null, offered_at: null };
  }
}
