import type { DeviceDto, DeviceExportFormat, DeviceExportQueryDto } from '@netkeep/contracts';
import { Injectable } from '@nestjs/common';
import { CredentialsRepository } from '../credentials/credentials.repository';
import { parseDeviceOrdering } from '../devices/device-ordering';
import { toDeviceDto } from '../devices/device.mapper';
import { DevicesRepository } from '../devices/devices.repository';
import { DevicesService } from '../devices/devices.service';
import { devicesToCsv } from './csv.exporter';
import { devicesToAnsibleYaml } from './yaml.exporter';

export interface ExportedFile {
  contentType: string;
  fileName: string;
  body: string;
}

/** Every device matching the list's filters, as CSV or an Ansible YAML inventory; never a secret. */
@Injectable()
export class DeviceExportService {
  constructor(
    private readonly devicesService: DevicesService,
    private readonly devices: DevicesRepository,
    private readonly credentials: CredentialsRepository,
  ) {}

  async export(query: DeviceExportQueryDto): Promise<ExportedFile> {
    const filter = await this.devicesService.resolveFilter(query);
    const rows = await this.devices.list(filter, parseDeviceOrdering(query.ordering));
    const credentialNames = new Map((await this.credentials.listAll()).map((credential) => [credential.id, credential.name]));
    const devices = rows.map(toDeviceDto);
    return FORMATS[query.format](devices, credentialNames);
  }
}

const FORMATS: Record<DeviceExportFormat, (devices: DeviceDto[], names: Map<string, string>) => ExportedFile> = {
  csv: (devices, names) => ({ contentType: 'text/csv; charset=utf-8', fileName: 'netkeep-devices.csv', body: devicesToCsv(devices, names) }),
  yaml: (devices, names) => ({ contentType: 'application/yaml; charset=utf-8', fileName: 'netkeep-devices.yaml', body: devicesToAnsibleYaml(devices, names) }),
};
