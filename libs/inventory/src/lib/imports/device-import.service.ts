import type { DeviceImportFormat, DeviceImportResultDto } from '@netkeep/contracts';
import { Clock, ConflictError, LOGGER, SecretBox, type NetkeepLogger } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import { CredentialsRepository } from '../credentials/credentials.repository';
import { newDeviceValues } from '../devices/device-values';
import { DevicesRepository, type DeviceValues, type StoredDevice } from '../devices/devices.repository';
import { InventoryChanges } from '../shared/inventory-changes';
import { SitesRepository } from '../sites/sites.repository';
import { isUniqueViolation } from '../store/constraint-violation';
import { InventoryStore, type InventoryRepositories } from '../store/inventory-store';
import { nameKey } from '../store/name-key';
import { parseAnsibleInventory } from './ansible.parser';
import { parseDeviceCsv } from './csv.parser';
import { deviceChanges, hasChanges, type DeviceChanges } from './import-changes';
import { ImportCredentialMatcher, type PlannedCredential } from './import-credentials';
import { fileProblem, ImportRejectedError, type ImportProblem, type ImportRow } from './import-row';
import { validateImportRows, type CheckedRow } from './import-row.validator';
import { parseLabInventory } from './lab.parser';
import { parseNornirInventory } from './nornir.parser';

const PARSERS: Record<DeviceImportFormat, (content: unknown) => ImportRow[]> = {
  csv: parseDeviceCsv,
  ansible: parseAnsibleInventory,
  nornir: parseNornirInventory,
  lab: parseLabInventory,
};

/** Devices written by one import above which the planner statistics are refreshed. */
const BULK_WRITE_ROWS = 1000;

type SiteReference = { id: string } | { newSite: string } | null | undefined;
type CredentialReference = { id: string } | { planned: PlannedCredential } | undefined;

interface PlannedDevice {
  row: CheckedRow;
  current?: StoredDevice;
  /** For a new device: the fields a new device cannot do without. */
  required?: { host: string; platform: string };
  changes?: DeviceChanges;
  site: SiteReference;
  credential: CredentialReference;
}

interface ImportPlan {
  devices: PlannedDevice[];
  /** Name key → name as first spelled in the file. */
  newSites: Map<string, string>;
  newCredentials: PlannedCredential[];
}

/**
 * Device imports: parse, validate every row, then upsert by name in one transaction — or, with
 * problems, write nothing and list them all. A dry run plans the same way and stops before writing.
 */
@Injectable()
export class DeviceImportService {
  constructor(
    private readonly store: InventoryStore,
    private readonly devices: DevicesRepository,
    private readonly sites: SitesRepository,
    private readonly credentials: CredentialsRepository,
    private readonly secretBox: SecretBox,
    private readonly clock: Clock,
    private readonly inventoryChanges: InventoryChanges,
    @Inject(LOGGER) private readonly logger: NetkeepLogger,
  ) {}

  async import(format: DeviceImportFormat, content: unknown, dryRun: boolean): Promise<DeviceImportResultDto> {
    if (content === undefined || content === null || content === '') {
      throw fileProblem(`send the ${format} file as the request body (see POST /api/v1/devices/import in /api/docs)`);
    }
    const rows = PARSERS[format](content);
    const { checked, problems } = await validateImportRows(rows);
    if (dryRun) {
      return summary(await this.plan(checked, problems, { devices: this.devices, sites: this.sites, credentials: this.credentials }), true);
    }
    try {
      const result = await this.store.transaction(async (repositories) => {
        const plan = await this.plan(checked, problems, repositories);
        await this.apply(plan, repositories);
        return summary(plan, false);
      });
      // A bulk load skews the planner's picture of the tables until autovacuum (PostgreSQL) or nobody (SQLite) catches up.
      if (result.created + result.updated >= BULK_WRITE_ROWS) await this.devices.refreshStatistics();
      if (result.created + result.updated > 0) await this.inventoryChanges.announce();
      const { created, updated, unchanged, sitesCreated, credentialsCreated } = result;
      this.logger.info(
        { format, created, updated, unchanged, sitesCreated: sitesCreated.length, credentialsCreated: credentialsCreated.length },
        `device import (${format}): ${created} created, ${updated} updated, ${unchanged} unchanged`,
      );
      return result;
    } catch (error) {
      // Another writer took a name between planning and writing.
      if (isUniqueViolation(error)) throw new ConflictError('a device, site or credential named in the import was created meanwhile; nothing was changed, retry the import');
      throw error;
    }
  }

  private async plan(checked: CheckedRow[], validationProblems: readonly ImportProblem[], repositories: InventoryRepositories): Promise<ImportPlan> {
    const problems = [...validationProblems];
    const report = (row: CheckedRow, field: string, problem: string) =>
      problems.push({ row: row.row, name: row.device.name, field, problems: [problem] });

    const stored = await repositories.devices.findByNames(checked.map((row) => row.device.name));
    const siteNames = checked.flatMap((row) => (typeof row.device.site === 'string' ? [row.device.site] : []));
    const storedSites = await repositories.sites.findByNames(siteNames);
    const newSites = new Map<string, string>();
    const namedCredentials = new Map<string, string | undefined>();
    for (const row of checked) {
      if (row.credential?.kind === 'existing' && !namedCredentials.has(nameKey(row.credential.name))) {
        namedCredentials.set(nameKey(row.credential.name), (await repositories.credentials.findByName(row.credential.name))?.id);
      }
    }
    const inline = checked.some((row) => row.credential?.kind === 'inline');
    const matcher = new ImportCredentialMatcher(inline ? await repositories.credentials.listAll() : [], this.secretBox);

    const devices = checked.map((row): PlannedDevice => {
      const current = stored.get(nameKey(row.device.name));
      const required = !current && row.device.host !== undefined && row.platform !== undefined ? { host: row.device.host, platform: row.platform } : undefined;
      if (!current) {
        if (row.device.host === undefined) report(row, 'host', 'host is required for a new device');
        if (row.device.platform === undefined) report(row, 'platform', 'platform is required for a new device');
      }
      let site: SiteReference;
      if (row.device.site === null) site = null;
      else if (typeof row.device.site === 'string') {
        const key = nameKey(row.device.site);
        const existing = storedSites.get(key);
        if (existing) site = { id: existing.id };
        else {
          if (!newSites.has(key)) newSites.set(key, row.device.site);
          site = { newSite: key };
        }
      }
      let credential: CredentialReference;
      if (row.credential?.kind === 'existing') {
        const id = namedCredentials.get(nameKey(row.credential.name));
        if (id === undefined) report(row, 'credential', `credential "${row.credential.name}" does not exist; create it first (POST /api/v1/credentials) or leave the cell empty`);
        else credential = { id };
      } else if (row.credential?.kind === 'inline') {
        credential = matcher.resolve(row.credential);
      }
      return { row, current, required, site, credential };
    });

    if (problems.length > 0) throw new ImportRejectedError(problems.sort((a, b) => a.row - b.row));

    for (const planned of devices) {
      if (!planned.current) continue;
      planned.changes = deviceChanges(
        planned.current,
        planned.row,
        {
          siteId: planned.site === undefined || planned.site === null ? planned.site : 'id' in planned.site ? planned.site.id : 'new',
          credentialId: planned.credential === undefined ? undefined : 'id' in planned.credential ? planned.credential.id : 'new',
        },
        this.secretBox,
      );
    }
    return { devices, newSites, newCredentials: matcher.plannedCredentials() };
  }

  private async apply(plan: ImportPlan, repositories: InventoryRepositories): Promise<void> {
    const at = this.clock.now().toISOString();
    const siteIds = new Map<string, string>();
    for (const [key, name] of plan.newSites) siteIds.set(key, await repositories.sites.insert({ name, description: null }, at));
    const credentialIds = new Map<string, string>();
    for (const { key, name, login } of plan.newCredentials) {
      const seal = (secret: string | undefined) => (secret === undefined ? null : this.secretBox.seal(secret));
      const id = await repositories.credentials.insert(
        { name, username: login.username, password_sealed: seal(login.password), enable_secret_sealed: seal(login.enableSecret), private_key_sealed: null },
        at,
      );
      credentialIds.set(key, id);
    }
    const siteId = (site: SiteReference) => (site === undefined || site === null ? null : 'id' in site ? site.id : created(siteIds, site.newSite));
    const credentialId = (credential: CredentialReference) =>
      credential === undefined ? null : 'id' in credential ? credential.id : created(credentialIds, credential.planned.key);

    const creates = plan.devices.flatMap(({ row, required, site, credential }) =>
      required
        ? [
            {
              values: newDeviceValues(
                { ...row.device, host: required.host },
                { platform: required.platform, siteId: siteId(site), credentialId: credentialId(credential) },
                this.secretBox,
              ),
              tags: row.device.tags ?? [],
            },
          ]
        : [],
    );
    await repositories.devices.insertMany(creates, at);

    for (const planned of plan.devices) {
      if (!planned.current || !planned.changes || !hasChanges(planned.changes)) continue;
      const values: Partial<DeviceValues> = { ...planned.changes.values };
      if (planned.changes.site) values.site_id = siteId(planned.site);
      if (planned.changes.credential) values.credential_id = credentialId(planned.credential);
      await repositories.devices.update(planned.current.id, values, planned.changes.tags, at);
    }
  }
}

/** The id of a site or credential this import created a moment ago. */
function created(ids: ReadonlyMap<string, string>, key: string): string {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`import plan refers to "${key}", which it did not create`);
  return id;
}

function summary(plan: ImportPlan, dryRun: boolean): DeviceImportResultDto {
  const created = plan.devices.filter((planned) => !planned.current).map((planned) => planned.row.device.name);
  const updated = plan.devices.filter((planned) => planned.changes && hasChanges(planned.changes)).map((planned) => planned.row.device.name);
  const devices = plan.devices.map((planned) => planned.row.device.name);
  return {
    dryRun,
    created: created.length,
    updated: updated.length,
    unchanged: devices.length - created.length - updated.length,
    devices,
    changes: { created, updated },
    sitesCreated: [...plan.newSites.values()],
    credentialsCreated: plan.newCredentials.map((credential) => credential.name),
  };
}
