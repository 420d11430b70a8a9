import { describe, expect, it } from 'vitest';
import { nxosPlan } from './cisco-nxos.config';
import { ciscoNxosPersona } from './cisco-nxos.persona';
import { durationParts } from './clock-format';
import { describePersonaContract, hostPort, labDevice, shellContext } from './persona-contract.testkit';

const device = labDevice('cisco_nxos');

describePersonaContract(ciscoNxosPersona, {
  device,
  readMode: 'privileged',
  configCommand: 'show running-config',
  factsCommands: ['show version', 'show inventory'],
  uptimeText: (seconds) => {
    const u = durationParts(seconds);
    return `Kernel uptime is ${u.totalDays} day(s), ${u.hours} hour(s), ${u.minutes} minute(s), ${u.seconds} second(s)`;
  },
  unknownAnswer: `${' '.repeat(device.name.length + 2)}^\n% Invalid command at '^' marker.\n`,
  pagingOff: { command: 'terminal length 0', output: '' },
  volatile: { clock: 1, change: 1 },
  knobPort: hostPort(nxosPlan(device)),
  descriptionLine: (description) => `  description ${description}`,
  stampLines: 1,
  addedLine: 'ip route 192.0.2.0/24 Null0 name KNOB',
});

describe('cisco_nxos persona', () => {
  const ctx = shellContext(device, 'privileged');

  it('lands in privileged mode at a `host# ` prompt', () => {
    expect(ciscoNxosPersona.prompt(ctx)).toBe(`${device.name}# `);
  });

  it('starts the configuration with the NX-OS header', () => {
    const lines = ciscoNxosPersona.run('sh run', ctx)?.output.split('\n') ?? [];
    expect(lines[0]).toBe('!Command: show running-config');
    expect(lines[1]).toMatch(/^!Running configuration last done at: \w{3} \w{3} \d\d \d\d:\d\d:\d\d \d{4}$/);
    expect(lines[2]).toMatch(/^!Time: /);
    expect(lines[4]).toMatch(/^version 9\.3\(10\) Bios:version/);
  });

  it('prints without the pager through | no-more', () => {
    expect(ciscoNxosPersona.run('show running-config | no-more', ctx)?.unpaged).toBe(true);
  });

  it('accepts terminal width 511 and rejects widths NX-OS rejects', () => {
    expect(ciscoNxosPersona.run('terminal width 511', ctx)).toEqual({ output: '' });
    expect(ciscoNxosPersona.run('terminal width 600', ctx)?.output).toMatch(/^% Invalid input/);
  });

  it('prints the NX-OS shape of show version', () => {
    const output = ciscoNxosPersona.run('show version', ctx)?.output ?? '';
    expect(output).toContain(' NXOS: version 9.3(10)');
    expect(output).toContain('cisco Nexus9000 C93180YC-EX chassis');
    expect(output).toContain(`Device name: ${device.name}`);
  });
});
