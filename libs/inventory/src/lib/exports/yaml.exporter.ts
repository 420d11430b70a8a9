import type { DeviceDto } from '@netkeep/contracts';
import { findPlatform } from '@netkeep/ssh';
import { stringify } from 'yaml';

/** Ansible's collection name for the platform (cisco.ios.ios) when it has one, else the netkeep name. */
function ansibleNetworkOs(platform: string): string {
  return findPlatform(platform)?.aliases.find((alias) => /^[a-z0-9_]+\.[a-z0-9_]+\.[a-z0-9_]+$/.test(alias)) ?? platform;
}

/**
 * An Ansible YAML inventory (all → hosts) usable by ansible-playbook as it is, and re-importable
 * with `format=ansible`: netkeep's own fields ride along as netkeep_* host variables. No secrets.
 */
export function devicesToAnsibleYaml(devices: readonly DeviceDto[], credentialNames: ReadonlyMap<string, string>): string {
  const hosts: Record<string, Record<string, unknown>> = {};
  for (const device of devices) {
    const vars: Record<string, unknown> = {
      ansible_host: device.host,
      ansible_port: device.port,
      ansible_network_os: ansibleNetworkOs(device.platform),
      netkeep_enabled: device.enabled,
      netkeep_tags: device.tags,
    };
    if (device.site !== null) vars['netkeep_site'] = device.site;
    if (device.role !== null) vars['netkeep_role'] = device.role;
    if (device.notes !== null) vars['netkeep_notes'] = device.notes;
    const credential = device.credentialId === null ? undefined : credentialNames.get(device.credentialId);
    if (credential !== undefined) vars['netkeep_credential'] = credential;
    hosts[device.name] = vars;
  }
  return stringify({ all: { hosts } }, { lineWidth: 0 });
}
