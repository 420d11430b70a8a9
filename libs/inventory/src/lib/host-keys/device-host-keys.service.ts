import type { DeviceHostKeyView } from '@netkeep/contracts';
import { ConflictError, DatabaseHostKeyStore, NotFoundError, type RecordedHostKey } from '@netkeep/core';
import { hostKeyEntryName, hostKeyFingerprint } from '@netkeep/ssh';
import { Injectable } from '@nestjs/common';
import { DevicesService } from '../devices/devices.service';

/**
 * The operator's side of trust on first use: see the key netkeep holds for a device, accept a
 * changed key the device offered (by its fingerprint, checked out of band), or forget the key.
 */
@Injectable()
export class DeviceHostKeysService {
  constructor(
    private readonly devices: DevicesService,
    private readonly hostKeys: DatabaseHostKeyStore,
  ) {}

  async get(deviceId: string): Promise<DeviceHostKeyView> {
    const { device, entry } = await this.entryOf(deviceId);
    const recorded = await this.hostKeys.find(entry);
    if (!recorded) throw new NotFoundError(`no host key is recorded for ${device} yet: it is recorded at the first SSH session (backup or poll)`);
    return toView(recorded);
  }

  /** Replaces the recorded key with the refused one, if `fingerprint` names it; any other key stays refused. */
  async accept(deviceId: string, fingerprint: string): Promise<DeviceHostKeyView> {
    const { device, entry } = await this.entryOf(deviceId);
    const recorded = await this.hostKeys.find(entry);
    if (!recorded?.refused) throw new ConflictError(`${device} has offered no key other than the one on record: there is nothing to accept`);
    const offered = hostKeyFingerprint(recorded.refused);
    if (offered !== fingerprint) {
      throw new ConflictError(`the key ${device} offered has fingerprint ${offered}, not ${fingerprint}: nothing was accepted; check the fingerprint on the device itself`);
    }
    await this.hostKeys.replace(entry, recorded.refused);
    return this.get(deviceId);
  }

  /** Forgets the recorded key (`ssh-keygen -R`): the next session trusts whatever key it is offered. */
  async forget(deviceId: string): Promise<void> {
    const { device, entry } = await this.entryOf(deviceId);
    if (!(await this.hostKeys.forget(entry))) throw new NotFoundError(`no host key is recorded for ${device}`);
  }

  private async entryOf(deviceId: string): Promise<{ device: string; entry: string }> {
    const device = await this.devices.get(deviceId);
    return { device: device.name, entry: hostKeyEntryName(device.host, device.port) };
  }
}

function toView(recorded: RecordedHostKey): DeviceHostKeyView {
  const { refused } = recorded;
  return {
    name: recorded.name,
    algorithm: recorded.algorithm,
    fingerprint: hostKeyFingerprint(recorded),
    knownHostsLine: `${recorded.name} ${recorded.algorithm} ${recorded.base64}`,
    recordedAt: recorded.recordedAt,
    refused: refused && { algorithm: refused.algorithm, fingerprint: hostKeyFingerprint(refused), offeredAt: refused.offeredAt },
  };
}
