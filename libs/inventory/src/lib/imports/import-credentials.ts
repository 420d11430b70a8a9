import type { SecretBox } from '@netkeep/core';
import type { CredentialRow } from '../store/inventory.tables';
import { nameKey } from '../store/name-key';
import type { InlineLogin } from './import-row.validator';

/** A credential the import will create for logins given in the file. */
export interface PlannedCredential {
  key: string;
  name: string;
  login: InlineLogin;
}

function loginKey(login: { username: string; password?: string | null; enableSecret?: string | null }): string {
  return JSON.stringify([login.username, login.password ?? null, login.enableSecret ?? null]);
}

/**
 * Matches the file's logins (username, password, enable secret) with stored credentials, so a
 * re-import reuses what the first one created; each new login gets one new credential named
 * `<source>-<username>-<n>`. Secrets are compared in memory, opened from the few stored credentials.
 */
export class ImportCredentialMatcher {
  private readonly storedByLogin = new Map<string, string>();
  private readonly takenNames = new Set<string>();
  private readonly planned = new Map<string, PlannedCredential>();

  constructor(stored: readonly CredentialRow[], box: SecretBox) {
    for (const row of stored) {
      this.takenNames.add(row.name_key);
      // A credential with a private key is more than the file's login: never silently reuse it.
      if (row.private_key_sealed !== null) continue;
      const open = (sealed: string | null) => (sealed === null ? null : box.open(sealed));
      const key = loginKey({ username: row.username, password: open(row.password_sealed), enableSecret: open(row.enable_secret_sealed) });
      if (!this.storedByLogin.has(key)) this.storedByLogin.set(key, row.id);
    }
  }

  /** The stored credential's id, or the planned credential's key. */
  resolve(login: InlineLogin): { id: string } | { planned: PlannedCredential } {
    const key = loginKey(login);
    const id = this.storedByLogin.get(key);
    if (id !== undefined) return { id };
    let planned = this.planned.get(key);
    if (!planned) {
      planned = { key, name: this.freeName(login), login };
      this.planned.set(key, planned);
    }
    return { planned };
  }

  plannedCredentials(): PlannedCredential[] {
    return [...this.planned.values()];
  }

  private freeName(login: InlineLogin): string {
    // Usernames may hold characters a name may not (DOMAIN\user): keep letters, digits, - _ @ only.
    const user = login.username.replace(/[^A-Za-z0-9_@-]/g, '_').slice(0, 64) || 'user';
    for (let n = 1; ; n++) {
      const name = `${login.namePrefix}-${user}-${n}`;
      if (!this.takenNames.has(nameKey(name))) {
        this.takenNames.add(nameKey(name));
        return name;
      }
    }
  }
}
