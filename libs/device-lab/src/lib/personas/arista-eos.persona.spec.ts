import { describe, expect, it } from 'vitest';
import { eosPlan } from './arista-eos.config';
import { aristaEosPersona } from './arista-eos.persona';
import { durationParts } from './clock-format';
import { describePersonaContract, hostPort, labDevice, shellContext } from './persona-contract.testkit';

const device = labDevice('arista_eos');
const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

describePersonaContract(aristaEosPersona, {
  device,
  readMode: 'privileged',
  configCommand: 'show running-config',
  factsCommands: ['show hostname', 'show version', 'show inventory'],
  uptimeText: (seconds) => {
    const u = durationParts(seconds);
    return `Uptime: ${plural(Math.floor(u.totalDays / 7), 'week')}, ${plural(u.totalDays % 7, 'day')}, ${plural(u.hours, 'hour')} and ${plural(u.minutes, 'minute')}`;
  },
  unknownAnswer: '% Invalid input\n',
  pagingOff: { command: 'terminal length 0', output: 'Pagination disabled.' },
  volatile: { clock: 1, change: 0 },
  knobPort: hostPort(eosPlan(device)),
  descriptionLine: (description) => `   description ${description}`,
  stampLines: 0,
  addedBefore: 'end',
  addedLine: 'ip route 192.0.2.0/24 Null0 name KNOB',
});

describe('arista_eos persona', () => {
  const user = shellContext(device, 'exec');
  const enabled = shellContext(device, 'privileged');

  it('offers keyboard-interactive authentication, as EOS does by default', () => {
    expect(aristaEosPersona.authMethods).toEqual(['keyboard-interactive']);
  });

  it('asks for privilege on show running-config in user mode', () => {
    expect(aristaEosPersona.run('show running-config', user)).toEqual({ output: '% Invalid input (privileged mode required)' });
  });

  it('starts the configuration with the EOS header and ends with end', () => {
    const lines = aristaEosPersona.run('show running-config | no-more', enabled)?.output.split('\n') ?? [];
    expect(lines.slice(0, 4)).toEqual([
      '! Command: show running-config',
      `! device: ${device.name} (DCS-7050SX3-48YC8, EOS-4.28.3M)`,
      expect.stringMatching(/^! Time: \w{3} \w{3} \d\d \d\d:\d\d:\d\d \d{4}$/),
      '!',
    ]);
    expect(lines.at(-1)).toBe('end');
  });

  it('acknowledges terminal width', () => {
    expect(aristaEosPersona.run('terminal width 511', user)).toEqual({ output: 'Width set to 511 columns.' });
  });

  it('prints the EOS shape of show version', () => {
    const output = aristaEosPersona.run('show version', user)?.output ?? '';
    expect(output.split('\n').slice(0, 3)).toEqual(['Arista DCS-7050SX3-48YC8', 'Hardware version: 11.00', expect.stringMatching(/^Serial number: \w+$/)]);
    expect(output).toContain('Software image version: 4.28.3M');
  });
});
