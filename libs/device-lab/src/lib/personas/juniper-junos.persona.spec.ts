import { describe, expect, it } from 'vitest';
import { junosAgo } from './clock-format';
import { junosPlan } from './juniper-junos.config';
import { juniperJunosPersona } from './juniper-junos.persona';
import { describePersonaContract, hostPort, labDevice, shellContext } from './persona-contract.testkit';

const device = labDevice('juniper_junos');
const prompt = `netkeep@${device.name}> `;

describePersonaContract(juniperJunosPersona, {
  device,
  readMode: 'operational',
  configCommand: 'show configuration | display omit',
  configOutput: (text) => `${text}\n\n`,
  factsCommands: ['show version', 'show chassis hardware', 'show system uptime'],
  uptimeText: (seconds) => `(${junosAgo(seconds)} ago)`,
  unknownAnswer: `${' '.repeat(prompt.length)}^\nunknown command.\n`,
  pagingOff: { command: 'set cli screen-length 0', output: 'Screen length set to 0' },
  volatile: { clock: 0, change: 1 },
  knobPort: hostPort(junosPlan(device)),
  descriptionLine: (description) => `        description "${description}";`,
  stampLines: 1,
  addedLine: 'routing-options { static { route 192.0.2.0/24 discard; } }',
});

describe('juniper_junos persona', () => {
  const op = shellContext(device, 'operational');

  it('prompts user@host> and shows [edit] above the configuration prompt', () => {
    expect(juniperJunosPersona.prompt(op)).toBe(prompt);
    expect(juniperJunosPersona.prompt(shellContext(device, 'configuration'))).toBe(`\n[edit]\nnetkeep@${device.name}# `);
  });

  it('marks secrets with ## SECRET-DATA and starts with the last commit', () => {
    const text = juniperJunosPersona.run('show configuration | no-more', op)?.output ?? '';
    expect(text.split('\n')[0]).toMatch(/^## Last commit: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC by admin$/);
    expect(text.split('\n')[1]).toBe('version 21.4R3-S5.4;');
    expect(text).toMatch(/encrypted-password "\$6\$[^"]+"; ## SECRET-DATA/);
  });

  it('prints set commands through | display set', () => {
    const output = juniperJunosPersona.run('show configuration | display set | match host-name', op)?.output.trim();
    expect(output).toBe(`set system host-name ${device.name}`);
  });

  it('says syntax error for a bad word after a known one', () => {
    expect(juniperJunosPersona.unknownCommand('show foo', op)).toBe(`${' '.repeat(prompt.length + 5)}^\nsyntax error, expecting <command>.\n`);
  });

  it('acknowledges the width and completion settings drivers send', () => {
    expect(juniperJunosPersona.run('set cli screen-width 511', op)?.output.trim()).toBe('Screen width set to 511');
    expect(juniperJunosPersona.run('set cli complete-on-space off', op)?.output.trim()).toBe('Disabling complete-on-space');
  });

  it('enters and leaves configuration mode', () => {
    expect(juniperJunosPersona.run('configure', op)).toEqual({ output: 'Entering configuration mode', mode: 'configuration' });
    expect(juniperJunosPersona.run('exit', shellContext(device, 'configuration'))).toEqual({ output: 'Exiting configuration mode', mode: 'operational' });
  });

  it('prints traffic statistics for show interfaces extensive', () => {
    const port = junosPlan(device).ports[0].name;
    expect(juniperJunosPersona.run(`show interfaces ${port} extensive`, op)?.output).toMatch(/Traffic statistics:\n {3}Input {2}bytes {2}: +\d+ +\d+ bps/);
  });
});
