import { describe, expect, it } from 'vitest';
import { compactUptime } from './clock-format';
import { routerOsPlan } from './mikrotik-routeros.config';
import { mikrotikRouterOsPersona, parseMikrotikLogin } from './mikrotik-routeros.persona';
import { NOW, describePersonaContract, hostPort, labDevice, shellContext } from './persona-contract.testkit';

const device = labDevice('mikrotik_routeros');

describePersonaContract(mikrotikRouterOsPersona, {
  device,
  readMode: 'cli',
  configCommand: '/export show-sensitive',
  factsCommands: ['/system identity print', '/system resource print', '/system routerboard print'],
  uptimeText: compactUptime,
  unknownAnswer: 'bad command name foo-bar (line 1 column 1)\n',
  volatile: { clock: 1, change: 0 },
  knobPort: hostPort(routerOsPlan(device)),
  descriptionLine: (description, port) => `set [ find default-name=${port} ] comment="${description}"`,
  stampLines: 0,
  addedLine: '/ip route add blackhole comment=KNOB dst-address=192.0.2.0/24',
});

describe('mikrotik_routeros persona', () => {
  const ctx = shellContext(device, 'cli');
  const config = mikrotikRouterOsPersona.renderConfig(device, ctx.state, NOW);

  it('reads terminal options from the login name', () => {
    expect(parseMikrotikLogin('admin+ct511w4098h')).toEqual({
      username: 'admin', options: { colors: 'off', autodetect: 'off', width: '511', height: '4098' },
    });
    expect(parseMikrotikLogin('admin')).toEqual({ username: 'admin', options: {} });
  });

  it('prompts [user@identity] > with the login name only', () => {
    expect(mikrotikRouterOsPersona.prompt({ ...ctx, username: 'admin' })).toBe(`[admin@${device.name}] > `);
  });

  it('starts the export with the RouterOS 7 header', () => {
    expect(config.text.split('\n').slice(0, 5)).toEqual([
      '# 2026-11-27 01:45:26 by RouterOS 7.16.2',
      expect.stringMatching(/^# software id = \w{4}-\w{4}$/),
      '#',
      '# model = CCR2004-1G-12S+2XS',
      `# serial number = ${mikrotikRouterOsPersona.facts(device, NOW).serial}`,
    ]);
    expect(config.text).toContain(`/system identity\nset name=${device.name}`);
  });

  it('hides every secret in a plain /export, as RouterOS 7 does', () => {
    const hidden = mikrotikRouterOsPersona.run('/export', ctx)?.output ?? '';
    expect(config.secrets.length).toBeGreaterThan(5);
    for (const secret of config.secrets) expect(hidden).not.toContain(secret);
  });

  it('prints one line per item with terse', () => {
    const terse = mikrotikRouterOsPersona.run('/export terse show-sensitive', ctx)?.output ?? '';
    expect(terse).not.toMatch(/\\$/m);
    expect(terse).toContain(`/system identity set name=${device.name}`);
  });

  it('accepts slash paths and abbreviations', () => {
    expect(mikrotikRouterOsPersona.run('/system/routerboard/print', ctx)?.output).toContain('serial-number:');
    expect(mikrotikRouterOsPersona.run('/sys res pr', ctx)?.output).toContain('board-name: CCR2004-1G-12S+2XS');
  });

  it('rejects extra words after a command as RouterOS does', () => {
    expect(mikrotikRouterOsPersona.unknownCommand('/export foo', ctx)).toBe('expected end of command (line 1 column 9)\n');
    expect(mikrotikRouterOsPersona.unknownCommand('/system foo', ctx)).toBe('bad command name foo (line 1 column 9)\n');
  });

  it('prints interface counters without paging when asked', () => {
    const result = mikrotikRouterOsPersona.run('/interface print stats without-paging', ctx);
    expect(result?.unpaged).toBe(true);
    expect(result?.output.split('\n')[1]).toMatch(/^Columns: NAME, RX-BYTE, TX-BYTE/);
  });
});
