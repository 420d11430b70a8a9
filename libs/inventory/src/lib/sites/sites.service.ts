import type { CreateSiteDto, NamedListQueryDto, SiteDto, UpdateSiteDto } from '@netkeep/contracts';
import { Clock, ConflictError, NotFoundError } from '@netkeep/core';
import { Injectable } from '@nestjs/common';
import { shortId } from '../shared/short-id';
import { isForeignKeyViolation, isUniqueViolation } from '../store/constraint-violation';
import { nameKey } from '../store/name-key';
import { toSiteDto } from './site.mapper';
import { SitesRepository, type SiteValues, type StoredSite } from './sites.repository';

@Injectable()
export class SitesService {
  constructor(
    private readonly sites: SitesRepository,
    private readonly clock: Clock,
  ) {}

  async list(query: NamedListQueryDto): Promise<{ count: number; results: SiteDto[] }> {
    const count = await this.sites.count(query.q);
    const rows = count > query.offset ? await this.sites.list({ ...query, ordering: query.ordering ?? 'name' }) : [];
    return { count, results: rows.map(toSiteDto) };
  }

  async get(id: string): Promise<SiteDto> {
    return toSiteDto(await this.require(id));
  }

  async create(input: CreateSiteDto): Promise<SiteDto> {
    await this.assertNameFree(input.name);
    const id = await this.writeUniquely(input.name, () => this.sites.insert({ name: input.name, description: input.description ?? null }, this.now()));
    return this.get(id);
  }

  async update(id: string, input: UpdateSiteDto): Promise<SiteDto> {
    const current = await this.require(id);
    if (input.name !== undefined && nameKey(input.name) !== current.name_key) await this.assertNameFree(input.name);
    const values: Partial<SiteValues> = {};
    if (input.name !== undefined) values.name = input.name;
    if (input.description !== undefined) values.description = input.description;
    if (Object.keys(values).length === 0) return toSiteDto(current);
    await this.writeUniquely(input.name ?? current.name, () => this.sites.update(id, values, this.now()));
    return this.get(id);
  }

  /** Refuses while devices are at the site: moving or deleting them is the caller's decision. */
  async remove(id: string): Promise<void> {
    const site = await this.require(id);
    if (site.device_count > 0) {
      throw new ConflictError(`site "${site.name}" has ${site.device_count} device${site.device_count === 1 ? '' : 's'}; move or delete them first`);
    }
    try {
      await this.sites.delete(id);
    } catch (error) {
      // A device was placed at the site between the count and the delete.
      if (isForeignKeyViolation(error)) throw new ConflictError(`site "${site.name}" gained a device meanwhile; move or delete it first`);
      throw error;
    }
  }

  private async require(id: string): Promise<StoredSite> {
    const site = await this.sites.findById(id);
    if (!site) throw new NotFoundError(`site ${shortId(id)} does not exist`);
    return site;
  }

  private async assertNameFree(name: string): Promise<void> {
    const existing = await this.sites.findByName(name);
    if (existing) throw new ConflictError(`a site named "${existing.name}" already exists${existing.name === name ? '' : ' (names are case-insensitive)'}`);
  }

  private async writeUniquely<T>(name: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`a site named "${name}" already exists`);
      throw error;
    }
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
