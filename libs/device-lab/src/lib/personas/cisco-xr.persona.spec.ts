import { describe, expect, it } from 'vitest';
import { xrPlan } from './cisco-xr.config';
import { ciscoXrPersona } from './cisco-xr.persona';
import { ciscoUptime, xrTimestamp } from './clock-format';
import { NOW, describePersonaContract, hostPort, labDevice, shellContext } from './persona-contract.testkit';

const device = labDevice('cisco_xr');
const prompt = `RP/0/RSP0/CPU0:${device.name}#`;

describePersonaContract(ciscoXrPersona, {
  device,
  readMode: 'exec',
  configCommand: 'show running-config',
  factsCommands: ['show running-config hostname', 'show version', 'show inventory'],
  uptimeText: (seconds) => `System uptime is ${ciscoUptime(seconds)}`,
  unknownAnswer: `${' '.repeat(prompt.length)}^\n% Invalid input detected at '^' marker.\n`,
  pagingOff: { command: 'terminal length 0', output: xrTimestamp(NOW) },
  volatile: { clock: 1, change: 1, fixed: ['Building configuration...'] },
  knobPort: hostPort(xrPlan(device)),
  descriptionLine: (description) => ` description ${description}`,
  stampLines: 1,
  addedBefore: 'end',
  addedLine: 'hw-module profile netflow fpc 0',
});

describe('cisco_xr persona', () => {
  const stamped = shellContext(device, 'exec');

  it('prompts RP/0/RSP0/CPU0:host#', () => {
    expect(ciscoXrPersona.prompt(stamped)).toBe(prompt);
  });

  it('starts every command output with a timestamp until no-timestamp', () => {
    expect(ciscoXrPersona.run('show clock', stamped)?.output.split('\n')[0]).toBe(xrTimestamp(NOW));
    const off = ciscoXrPersona.run('terminal exec prompt no-timestamp', stamped);
    expect(off).toEqual({ output: '', mode: 'exec-no-timestamp' });
    const quiet = shellContext(device, off?.mode ?? '');
    expect(ciscoXrPersona.prompt(quiet)).toBe(prompt);
    expect(ciscoXrPersona.run('show clock', quiet)?.output).toBe('01:45:26.123 UTC Fri Nov 27 2026');
  });

  it('prints the configuration without the timestamp once timestamps are off', () => {
    const config = ciscoXrPersona.renderConfig(device, stamped.state, NOW);
    const output = ciscoXrPersona.run('show running-config', shellContext(device, 'exec-no-timestamp'))?.output ?? '';
    expect(output.split('\n').slice(0, 3)).toEqual(['Building configuration...', '!! IOS XR Configuration 7.5.2', expect.stringMatching(/^!! Last configuration change at .* by admin$/)]);
    expect(`${config.volatileLines[0]}\n${output}`).toBe(config.text);
  });

  it('keeps the timestamp setting through configuration mode', () => {
    const config = ciscoXrPersona.run('configure terminal', shellContext(device, 'exec-no-timestamp'));
    expect(config?.mode).toBe('config-no-timestamp');
    expect(ciscoXrPersona.run('end', shellContext(device, 'config-no-timestamp'))?.mode).toBe('exec-no-timestamp');
  });

  it('prints SN: in show inventory', () => {
    expect(ciscoXrPersona.run('show inventory', stamped)?.output).toContain(`SN: ${ciscoXrPersona.facts(device, NOW).serial}`);
  });
});
