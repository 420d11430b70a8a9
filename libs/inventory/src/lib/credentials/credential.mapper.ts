import type { CredentialDto } from '@netkeep/contracts';
import type { StoredCredential } from './credentials.repository';

/** A credential as the API shows it: whether each secret is set, never the secret. */
export function toCredentialDto(row: StoredCredential): CredentialDto {
  return {
    id: row.id,
    name: row.name,
    username: row.username,
    hasPassword: row.password_sealed !== null,
    hasEnableSecret: row.enable_secret_sealed !== null,
    hasPrivateKey: row.private_key_sealed !== null,
    deviceCount: row.device_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
