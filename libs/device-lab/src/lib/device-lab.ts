import { ControlServer } from './control-server';
import { LabFleet, type LabFleetOptions } from './lab-fleet';
import { buildInventory, writeInventoryFile, type LabInventory } from './lab-inventory';
import { LabSshServer } from './lab-ssh-server';
import { personaFor } from './personas';
import { LabSnmpServer } from './snmp/lab-snmp-server';
import type { SessionErrorHandler } from './ssh-connection';

export interface DeviceLabOptions extends Omit<LabFleetOptions, 'personaFor'> {
  /** How each platform behaves; default the lab's own personas. */
  personaFor?: LabFleetOptions['personaFor'];
  /** Port of the HTTP control endpoint on 127.0.0.1; default 0 (ephemeral). */
  controlPort?: number;
  /** A persona threw while serving a session; default a process warning. */
  onSessionError?: SessionErrorHandler;
}

const warnSessionError: SessionErrorHandler = (deviceName, error) =>
  process.emitWarning(`device lab: session on ${deviceName} failed: ${error instanceof Error ? error.stack : String(error)}`);

/** A running lab: the fleet, its SSH and SNMP endpoints and the control endpoint, started and stopped together. */
export class DeviceLab {
  private constructor(
    readonly fleet: LabFleet,
    private readonly ssh: LabSshServer,
    private readonly snmp: LabSnmpServer,
    private readonly control: ControlServer,
  ) {}

  static async start(options: DeviceLabOptions): Promise<DeviceLab> {
    const fleet = new LabFleet({ ...options, personaFor: options.personaFor ?? personaFor });
    const ssh = new LabSshServer(fleet, options.onSessionError ?? warnSessionError);
    const snmp = new LabSnmpServer(fleet);
    const control = new ControlServer(fleet);
    await ssh.listen();
    try {
      await snmp.listen();
      await control.listen(options.controlPort ?? 0);
    } catch (error) {
      await Promise.all([ssh.close(), snmp.close()]);
      throw error;
    }
    return new DeviceLab(fleet, ssh, snmp, control);
  }

  get controlUrl(): string {
    return this.control.url;
  }

  /** Every device with its actual address, ports and credentials (SSH and SNMP). */
  inventory(): LabInventory {
    return buildInventory(this.fleet, this.controlUrl);
  }

  writeInventory(path: string): Promise<void> {
    return writeInventoryFile(path, this.inventory());
  }

  /** Closes every listener and connection; nothing of the lab keeps the process alive afterwards. */
  async stop(): Promise<void> {
    await Promise.all([this.ssh.close(), this.snmp.close(), this.control.close()]);
  }
}
