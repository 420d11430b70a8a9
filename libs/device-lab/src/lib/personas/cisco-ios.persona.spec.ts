import { describe, expect, it } from 'vitest';
import { iosPlan } from './cisco-ios.config';
import { ciscoIosPersona, ciscoXePersona } from './cisco-ios.persona';
import { ciscoUptime } from './clock-format';
import { NOW, describePersonaContract, hostPort, labDevice, shellContext } from './persona-contract.testkit';

for (const persona of [ciscoIosPersona, ciscoXePersona]) {
  const device = labDevice(persona.platform);
  describePersonaContract(persona, {
    device,
    readMode: 'privileged',
    configCommand: 'show running-config',
    factsCommands: ['show version', 'show inventory'],
    uptimeText: (seconds) => `${device.name} uptime is ${ciscoUptime(seconds)}`,
    unknownAnswer: `${' '.repeat(device.name.length + 1)}^\n% Invalid input detected at '^' marker.\n`,
    pagingOff: { command: 'terminal length 0', output: '' },
    volatile: { clock: 1, change: 3, fixed: ['Building configuration...'] },
    knobPort: hostPort(iosPlan(device)),
    descriptionLine: (description) => ` description ${description}`,
    stampLines: 3,
    addedBefore: 'end',
    addedLine: 'ip route 192.0.2.0 255.255.255.0 Null0 name KNOB',
  });
}

describe('cisco_ios persona', () => {
  const device = labDevice('cisco_ios');
  const user = shellContext(device, 'exec');
  const enabled = shellContext(device, 'privileged');

  it('rejects show running-config in user mode with the caret under running-config', () => {
    expect(ciscoIosPersona.run('show running-config', user)).toBeUndefined();
    expect(ciscoIosPersona.unknownCommand('show running-config', user)).toBe(
      `${' '.repeat(`${device.name}>show `.length)}^\n% Invalid input detected at '^' marker.\n`,
    );
  });

  it('starts the configuration the way IOS does', () => {
    const lines = ciscoIosPersona.run('sh run', enabled)?.output.split('\n') ?? [];
    expect(lines.slice(0, 4)).toEqual(['Building configuration...', '', expect.stringMatching(/^Current configuration : \d+ bytes$/), '!']);
    expect(lines[4]).toMatch(/^! Last configuration change at \d\d:\d\d:\d\d UTC \w{3} \w{3} \d\d \d{4} by admin$/);
    expect(lines[5]).toMatch(/^! NVRAM config last updated at /);
    expect(lines.at(-1)).toBe('end');
  });

  it('filters output through include, section and count pipes', () => {
    expect(ciscoIosPersona.run('sh run | i ^hostname', enabled)?.output).toBe(`hostname ${device.name}`);
    expect(ciscoIosPersona.run('show running-config | section router bgp', enabled)?.output.split('\n')[0]).toMatch(/^router bgp \d+$/);
    expect(ciscoIosPersona.run('show running-config | count ^interface', enabled)?.output).toMatch(/^Number of lines which match regexp = \d+$/);
  });

  it('answers a command cut short with % Incomplete command.', () => {
    expect(ciscoIosPersona.run('show', user)).toEqual({ output: '% Incomplete command.' });
  });

  it('accepts the terminal width drivers send', () => {
    expect(ciscoIosPersona.run('terminal width 511', user)).toEqual({ output: '' });
    expect(ciscoIosPersona.run('term len 0', user)).toEqual({ output: '', paging: false });
  });

  it('moves between modes with configure terminal, end and disable', () => {
    expect(ciscoIosPersona.run('conf t', enabled)?.mode).toBe('config');
    expect(ciscoIosPersona.prompt(shellContext(device, 'config'))).toBe(`${device.name}(config)#`);
    expect(ciscoIosPersona.run('end', shellContext(device, 'config'))?.mode).toBe('privileged');
    expect(ciscoIosPersona.run('disable', enabled)?.mode).toBe('exec');
  });

  it('prints interface counters that grow with time', () => {
    const port = iosPlan(device).ports.find((p) => p.role === 'downlink')?.name ?? '';
    const at = (now: Date): number => Number(/(\d+) packets input/.exec(ciscoIosPersona.run(`show interfaces ${port}`, { ...user, now })?.output ?? '')?.[1]);
    expect(ciscoIosPersona.run(`show interfaces ${port}`, user)?.output).toMatch(new RegExp(`^${port} is up, line protocol is up`));
    expect(at(new Date(NOW.getTime() + 3_600_000))).toBeGreaterThan(at(NOW));
  });

  it('prints the IOS 15 banner in show version', () => {
    expect(ciscoIosPersona.run('show version', user)?.output).toMatch(/^Cisco IOS Software, C3\d50E Software .*Version 15\.2\(4\)E10,/);
  });
});

describe('cisco_xe persona', () => {
  const device = labDevice('cisco_xe');

  it('prints IOS-XE 17 on a Catalyst 9300 in show version', () => {
    const output = ciscoXePersona.run('show version', shellContext(device, 'exec'))?.output ?? '';
    expect(output).toMatch(/^Cisco IOS XE Software, Version 17\.09\.04a/);
    expect(output).toContain('cisco C9300-48P (X86) processor');
  });

  it('keeps the management port in Mgmt-vrf', () => {
    expect(ciscoXePersona.renderConfig(device, shellContext(device, 'exec').state, NOW).text).toContain('interface GigabitEthernet0/0\n description OOB management\n vrf forwarding Mgmt-vrf');
  });
});
