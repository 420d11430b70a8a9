import type { DeviceConnectionDto } from '@netkeep/contracts';
import { NotFoundError, SecretBox } from '@netkeep/core';
import { Injectable } from '@nestjs/common';
import { CredentialsRepository } from '../credentials/credentials.repository';
import { snmpSettings } from '../devices/device-snmp';
import { DevicesRepository } from '../devices/devices.repository';
import { shortId } from '../shared/short-id';

/** A device's connection details with secrets opened: the one read in netkeep that returns secrets. */
@Injectable()
export class DeviceConnectionService {
  constructor(
    private readonly devices: DevicesRepository,
    private readonly credentials: CredentialsRepository,
    private readonly secretBox: SecretBox,
  ) {}

  async connection(id: string): Promise<DeviceConnectionDto> {
    const device = await this.devices.findById(id);
    if (!device) throw new NotFoundError(`device ${shortId(id)} does not exist`);
    const credential = device.credential_id === null ? undefined : await this.credentials.findById(device.credential_id);
    const open = (sealed: string | null | undefined) => (sealed === null || sealed === undefined ? null : this.secretBox.open(sealed));
    return {
      id: device.id,
      name: device.name,
      host: device.host,
      port: device.port,
      platform: device.platform,
      enabled: device.enabled === 1,
      username: credential?.username ?? null,
      password: open(credential?.password_sealed),
      enableSecret: open(credential?.enable_secret_sealed),
      privateKey: open(credential?.private_key_sealed),
      snmp: snmpSettings(device, this.secretBox),
    };
  }
}
