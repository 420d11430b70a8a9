import type { CreateCredentialDto, CredentialDto, NamedListQueryDto, UpdateCredentialDto } from '@netkeep/contracts';
import { Clock, ConflictError, NotFoundError, SecretBox } from '@netkeep/core';
import { Injectable } from '@nestjs/common';
import { shortId } from '../shared/short-id';
import { isForeignKeyViolation, isUniqueViolation } from '../store/constraint-violation';
import { nameKey } from '../store/name-key';
import { toCredentialDto } from './credential.mapper';
import { CredentialsRepository, type CredentialValues, type StoredCredential } from './credentials.repository';

/** Login credentials; secrets are sealed on the way in and never leave except through the internal endpoint. */
@Injectable()
export class CredentialsService {
  constructor(
    private readonly credentials: CredentialsRepository,
    private readonly secretBox: SecretBox,
    private readonly clock: Clock,
  ) {}

  async list(query: NamedListQueryDto): Promise<{ count: number; results: CredentialDto[] }> {
    const count = await this.credentials.count(query.q);
    const rows = count > query.offset ? await this.credentials.list({ ...query, ordering: query.ordering ?? 'name' }) : [];
    return { count, results: rows.map(toCredentialDto) };
  }

  async get(id: string): Promise<CredentialDto> {
    return toCredentialDto(await this.require(id));
  }

  async create(input: CreateCredentialDto): Promise<CredentialDto> {
    await this.assertNameFree(input.name);
    const values: CredentialValues = {
      name: input.name,
      username: input.username,
      password_sealed: this.sealOrNull(input.password),
      enable_secret_sealed: this.sealOrNull(input.enableSecret),
      private_key_sealed: this.sealOrNull(input.privateKey),
    };
    const id = await this.writeUniquely(input.name, () => this.credentials.insert(values, this.now()));
    return this.get(id);
  }

  async update(id: string, input: UpdateCredentialDto): Promise<CredentialDto> {
    const current = await this.require(id);
    if (input.name !== undefined && nameKey(input.name) !== current.name_key) await this.assertNameFree(input.name);
    const values: Partial<CredentialValues> = {};
    if (input.name !== undefined) values.name = input.name;
    if (input.username !== undefined) values.username = input.username;
    if (input.password !== undefined) values.password_sealed = this.sealOrNull(input.password);
    if (input.enableSecret !== undefined) values.enable_secret_sealed = this.sealOrNull(input.enableSecret);
    if (input.privateKey !== undefined) values.private_key_sealed = this.sealOrNull(input.privateKey);
    if (Object.keys(values).length === 0) return toCredentialDto(current);
    await this.writeUniquely(input.name ?? current.name, () => this.credentials.update(id, values, this.now()));
    return this.get(id);
  }

  /** Refuses while devices use the credential, and says how many. */
  async remove(id: string): Promise<void> {
    const credential = await this.require(id);
    if (credential.device_count > 0) {
      const devices = `${credential.device_count} device${credential.device_count === 1 ? '' : 's'}`;
      throw new ConflictError(`credential "${credential.name}" is used by ${devices}; point them at another credential first`);
    }
    try {
      await this.credentials.delete(id);
    } catch (error) {
      // A device started using it between the count and the delete.
      if (isForeignKeyViolation(error)) throw new ConflictError(`credential "${credential.name}" was given to a device meanwhile; point it at another credential first`);
      throw error;
    }
  }

  private sealOrNull(secret: string | null | undefined): string | null {
    return secret === null || secret === undefined ? null : this.secretBox.seal(secret);
  }

  private async require(id: string): Promise<StoredCredential> {
    const credential = await this.credentials.findById(id);
    if (!credential) throw new NotFoundError(`credential ${shortId(id)} does not exist`);
    return credential;
  }

  private async assertNameFree(name: string): Promise<void> {
    const existing = await this.credentials.findByName(name);
    if (existing) throw new ConflictError(`a credential named "${existing.name}" already exists${existing.name === name ? '' : ' (names are case-insensitive)'}`);
  }

  private async writeUniquely<T>(name: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`a credential named "${name}" already exists`);
      throw error;
    }
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
