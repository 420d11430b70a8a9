import { describe, expect, it } from 'vitest';
import { isConfigurationOutput } from './config-output';

const CONFIG = ['hostname r1', '!', 'interface Gi0/1', ' description uplink', ' shutdown', '!', 'ntp server 192.0.2.1', 'end'].join(
  '\n',
);

describe('isConfigurationOutput', () => {
  it('recognises the configuration, whole, with CR LF, with a header, or in part', () => {
    expect(isConfigurationOutput(CONFIG, CONFIG)).toBe(true);
    expect(isConfigurationOutput(CONFIG.replace(/\n/g, '\r\n'), CONFIG)).toBe(true);
    const withHeader = ['Building configuration...', '', ...CONFIG.split('\n'), ...CONFIG.split('\n')].join('\n');
    expect(isConfigurationOutput(withHeader, CONFIG)).toBe(true);
    expect(isConfigurationOutput(CONFIG.split('\n').slice(2).join('\n'), CONFIG)).toBe(true);
  });

  it('ignores short answers and other output', () => {
    expect(isConfigurationOutput('hostname r1\nend', CONFIG)).toBe(false);
    expect(isConfigurationOutput(['Uptime 3 days', 'Model T-1', 'Serial X', 'Version 1', 'hostname r1'].join('\n'), CONFIG)).toBe(
      false,
    );
  });
});
