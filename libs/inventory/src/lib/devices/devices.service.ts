import type { CreateDeviceDto, DeviceDto, DeviceFilterDto, DeviceListQueryDto, UpdateDeviceDto, UpdateDeviceFactsDto } from '@netkeep/contracts';
import { Clock, ConflictError, NotFoundError, SecretBox, ValidationFailedError, type FieldError } from '@netkeep/core';
import { Injectable } from '@nestjs/common';
import { CredentialsRepository } from '../credentials/credentials.repository';
import { canonicalPlatform, unknownPlatformProblem } from '../shared/platforms';
import { InventoryChanges } from '../shared/inventory-changes';
import { SitesRepository } from '../sites/sites.repository';
import { isUniqueViolation } from '../store/constraint-violation';
import { nameKey } from '../store/name-key';
import { shortId } from '../shared/short-id';
import { parseDeviceOrdering } from './device-ordering';
import { snmpColumns } from './device-snmp';
import { newDeviceValues } from './device-values';
import { toDeviceDto } from './device.mapper';
import { DevicesRepository, type DeviceFilter, type DeviceValues, type StoredDevice } from './devices.repository';

interface ResolvedReferences {
  platform?: string;
  /** null: the request clears the site. */
  siteId?: string | null;
  credentialId?: string | null;
}

/** Devices: CRUD, list filters and the facts a backup run reports. */
@Injectable()
export class DevicesService {
  constructor(
    private readonly devices: DevicesRepository,
    private readonly sites: SitesRepository,
    private readonly credentials: CredentialsRepository,
    private readonly secretBox: SecretBox,
    private readonly changes: InventoryChanges,
    private readonly clock: Clock,
  ) {}

  async list(query: DeviceListQueryDto): Promise<{ count: number; results: DeviceDto[] }> {
    const filter = await this.resolveFilter(query);
    const count = await this.devices.count(filter);
    const rows = count > query.offset ? await this.devices.list(filter, parseDeviceOrdering(query.ordering), { limit: query.limit, offset: query.offset }) : [];
    return { count, results: rows.map(toDeviceDto) };
  }

  /** The list's filters as stored values: site name to id, platform alias to canonical name. */
  async resolveFilter(query: DeviceFilterDto): Promise<DeviceFilter> {
    const problems: FieldError[] = [];
    const filter: DeviceFilter = { ids: query.id, names: query.name, role: query.role, tags: query.tag, enabled: query.enabled, q: query.q };
    if (query.platform !== undefined) {
      filter.platform = canonicalPlatform(query.platform);
      if (filter.platform === undefined) problems.push({ field: 'platform', problems: [unknownPlatformProblem(query.platform)] });
    }
    if (query.site !== undefined) {
      filter.siteId = (await this.sites.findByName(query.site))?.id;
      if (filter.siteId === undefined) problems.push({ field: 'site', problems: [`site "${query.site}" does not exist`] });
    }
    if (problems.length > 0) throw new ValidationFailedError(problems);
    return filter;
  }

  async get(id: string): Promise<DeviceDto> {
    return toDeviceDto(await this.require(id));
  }

  async create(input: CreateDeviceDto): Promise<DeviceDto> {
    const { platform, siteId = null, credentialId = null } = await this.resolveReferences(input);
    await this.assertNameFree(input.name);
    // resolveReferences has refused an unknown platform; the DTO requires one.
    const values = newDeviceValues(input, { platform: platform ?? input.platform, siteId, credentialId }, this.secretBox);
    const id = await this.writeUniquely(input.name, () => this.devices.insert(values, input.tags ?? [], this.now()));
    await this.changes.announce();
    return this.get(id);
  }

  async update(id: string, input: UpdateDeviceDto): Promise<DeviceDto> {
    const current = await this.require(id);
    const references = await this.resolveReferences(input);
    if (input.name !== undefined && nameKey(input.name) !== current.name_key) await this.assertNameFree(input.name);
    const values: Partial<DeviceValues> = {};
    if (input.name !== undefined) values.name = input.name;
    if (input.host !== undefined) values.host = input.host;
    if (input.port !== undefined) values.port = input.port;
    if (references.platform !== undefined) values.platform = references.platform;
    if (references.siteId !== undefined) values.site_id = references.siteId;
    if (input.role !== undefined) values.role = input.role;
    if (input.enabled !== undefined) values.enabled = input.enabled ? 1 : 0;
    if (references.credentialId !== undefined) values.credential_id = references.credentialId;
    if (input.snmp !== undefined) Object.assign(values, snmpColumns(input.snmp, this.secretBox));
    if (input.notes !== undefined) values.notes = input.notes;
    if (Object.keys(values).length === 0 && input.tags === undefined) return toDeviceDto(current);
    const name = input.name ?? current.name;
    const updated = await this.writeUniquely(name, () => this.devices.update(id, values, input.tags, this.now()));
    if (!updated) throw this.notFound(id);
    await this.changes.announce();
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.devices.delete(id))) throw this.notFound(id);
    await this.changes.announce();
  }

  async updateFacts(id: string, facts: UpdateDeviceFactsDto): Promise<DeviceDto> {
    const updated = await this.devices.updateFacts(id, { model: facts.model, serial: facts.serial, osVersion: facts.osVersion, collectedAt: this.now() });
    if (!updated) throw this.notFound(id);
    return this.get(id);
  }

  private async resolveReferences(input: Pick<UpdateDeviceDto, 'platform' | 'site' | 'credentialId'>): Promise<ResolvedReferences> {
    const problems: FieldError[] = [];
    const resolved: ResolvedReferences = {};
    if (input.platform !== undefined) {
      resolved.platform = canonicalPlatform(input.platform);
      if (resolved.platform === undefined) problems.push({ field: 'platform', problems: [unknownPlatformProblem(input.platform)] });
    }
    if (input.site === null) resolved.siteId = null;
    else if (input.site !== undefined) {
      resolved.siteId = (await this.sites.findByName(input.site))?.id;
      if (resolved.siteId === undefined) problems.push({ field: 'site', problems: [`site "${input.site}" does not exist; create it first (POST /api/v1/sites)`] });
    }
    if (input.credentialId === null) resolved.credentialId = null;
    else if (input.credentialId !== undefined) {
      resolved.credentialId = (await this.credentials.findById(input.credentialId))?.id;
      if (resolved.credentialId === undefined) problems.push({ field: 'credentialId', problems: [`credential ${input.credentialId} does not exist`] });
    }
    if (problems.length > 0) throw new ValidationFailedError(problems);
    return resolved;
  }

  private async assertNameFree(name: string): Promise<void> {
    const existing = await this.devices.findByName(name);
    if (existing) throw duplicateName(name, existing.name);
  }

  /** Runs a write; a unique violation (a concurrent create won the name) becomes the same 409. */
  private async writeUniquely<T>(name: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateName(name, name);
      throw error;
    }
  }

  private async require(id: string): Promise<StoredDevice> {
    const device = await this.devices.findById(id);
    if (!device) throw this.notFound(id);
    return device;
  }

  private notFound(id: string): NotFoundError {
    return new NotFoundError(`device ${shortId(id)} does not exist`);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

function duplicateName(requested: string, existing: string): ConflictError {
  const sameSpelling = requested === existing;
  return new ConflictError(`a device named "${existing}" already exists${sameSpelling ? '' : ' (names are case-insensitive)'}`);
}
