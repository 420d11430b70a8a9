import { describe, expect, it } from 'vitest';
import { daysUptime } from './clock-format';
import { vrpPlan } from './huawei-vrp.config';
import { huaweiVrpPersona } from './huawei-vrp.persona';
import { describePersonaContract, hostPort, labDevice, shellContext } from './persona-contract.testkit';

const device = labDevice('huawei_vrp');

describePersonaContract(huaweiVrpPersona, {
  device,
  readMode: 'user-view',
  configCommand: 'display current-configuration',
  factsCommands: ['display version', 'display esn', 'display current-configuration | include sysname'],
  uptimeText: (seconds) => `HUAWEI NE40E-X8A uptime is ${daysUptime(seconds)}`,
  unknownAnswer: `${' '.repeat(device.name.length + 2)}^\nError: Unrecognized command found at '^' position.\n`,
  pagingOff: { command: 'screen-length 0 temporary', output: 'Info: The configuration takes effect on the current user terminal interface only.' },
  volatile: { clock: 0, change: 1 },
  knobPort: hostPort(vrpPlan(device)),
  descriptionLine: (description) => ` description ${description}`,
  stampLines: 1,
  addedBefore: '#',
  alsoAdded: ['#'],
  addedLine: 'ip route-static 192.0.2.0 255.255.255.0 NULL0 description KNOB',
});

describe('huawei_vrp persona', () => {
  const user = shellContext(device, 'user-view');

  it('prompts <host> in user view and [~host] in system view', () => {
    expect(huaweiVrpPersona.prompt(user)).toBe(`<${device.name}>`);
    expect(huaweiVrpPersona.run('system-view', user)?.mode).toBe('system-view');
    expect(huaweiVrpPersona.prompt(shellContext(device, 'system-view'))).toBe(`[~${device.name}]`);
  });

  it('frames the configuration the VRP way and ciphers its secrets', () => {
    const lines = huaweiVrpPersona.run('dis cur', user)?.output.split('\n') ?? [];
    expect(lines[0]).toBe('!Software Version V800R021C10SPC100');
    expect(lines[1]).toMatch(/^!Last configuration was updated at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+00:00 by admin$/);
    expect(lines.slice(2, 4)).toEqual(['#', `sysname ${device.name}`]);
    expect(lines.at(-1)).toBe('return');
    expect(lines.some((l) => / cipher %\^%#.+%\^%#/.test(l))).toBe(true);
    expect(lines.some((l) => /irreversible-cipher \$1c\$.+\$$/.test(l))).toBe(true);
  });

  it('places added lines in their own section before return', () => {
    const state = { ...user.state, addedLines: ['ntp-service refclock-master 3'] };
    const lines = huaweiVrpPersona.renderConfig(device, state, user.now).text.split('\n');
    expect(lines.slice(-4)).toEqual(['#', 'ntp-service refclock-master 3', '#', 'return']);
  });

  it('asks before changing the screen width', () => {
    const ask = huaweiVrpPersona.run('screen-width 512', user)?.secretPrompt;
    expect(ask?.prompt).toMatch(/Continue\? \[Y\/N\]:$/);
    expect(ask?.onSecret('Y')).toEqual({ output: '' });
  });

  it('prints the serial with display esn', () => {
    expect(huaweiVrpPersona.run('display esn', user)?.output).toMatch(/^ESN of master: 210235\w{14}$/);
  });
});
