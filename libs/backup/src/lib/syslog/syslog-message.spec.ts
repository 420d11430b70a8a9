import { describe, expect, it } from 'vitest';
import { configChangeIn } from './config-change-messages';
import { parseSyslog } from './syslog-message';

describe('parseSyslog', () => {
  it('reads RFC 3164 with a hostname and a tag', () => {
    expect(parseSyslog('<189>Nov 27 10:00:00 core-sw-01 45: %SYS-5-CONFIG_I: Configured from console by alice on vty0 (10.0.0.5)')).toEqual({
      facility: 23,
      severity: 5,
      hostname: 'core-sw-01',
      message: '%SYS-5-CONFIG_I: Configured from console by alice on vty0 (10.0.0.5)',
    });
    expect(parseSyslog('<189>Nov  7 10:00:00 mx1 mgd[4321]: UI_COMMIT: User \'bob\' requested \'commit\' operation')).toMatchObject({
      hostname: 'mx1',
      appName: 'mgd',
      message: "mgd[4321]: UI_COMMIT: User 'bob' requested 'commit' operation",
    });
  });

  it('reads the IOS forms without a hostname', () => {
    expect(parseSyslog('<189>123: *Mar  1 00:01:23.456: %SYS-5-CONFIG_I: Configured from console by vty0 (10.1.1.1)')).toEqual({
      facility: 23,
      severity: 5,
      message: '%SYS-5-CONFIG_I: Configured from console by vty0 (10.1.1.1)',
    });
    expect(parseSyslog('<190>Nov 27 10:00:00.123 UTC: %SYS-5-CONFIG_I: Configured from console by alice on vty0').hostname).toBeUndefined();
  });

  it('reads RFC 5424 with structured data', () => {
    const message = parseSyslog(
      '<189>1 2025-11-27T10:00:00.000Z mx1 mgd 4321 UI_COMMIT [junos@2636.1.1.1.2.9 username="carol" command="commit"] User \'carol\' requested \'commit\' operation',
    );
    expect(message).toEqual({
      facility: 23,
      severity: 5,
      hostname: 'mx1',
      appName: 'mgd',
      msgId: 'UI_COMMIT',
      structuredData: '[junos@2636.1.1.1.2.9 username="carol" command="commit"]',
      message: "User 'carol' requested 'commit' operation",
    });
    expect(parseSyslog('<14>1 - - - - - - plain text')).toEqual({ facility: 1, severity: 6, message: 'plain text' });
  });
});

describe('configChangeIn', () => {
  it.each([
    ['IOS', '<189>Nov 27 10:00:00 r1 %SYS-5-CONFIG_I: Configured from console by alice on vty0 (10.0.0.5)', '%SYS-5-CONFIG_I', 'alice'],
    ['EOS', '<189>Nov 27 10:00:00 leaf1 ConfigAgent: %SYS-5-CONFIG_I: Configured from console by admin on vty3 (10.0.0.7)', '%SYS-5-CONFIG_I', 'admin'],
    ['IOS-XR', '<189>RP/0/RSP0/CPU0:Nov 27 10:00:00.123 UTC: config[65700]: %MGBL-SYS-5-CONFIG_I : Configured from console by alice on vty0 (10.0.0.5)', '%MGBL-SYS-5-CONFIG_I', 'alice'],
    ['IOS-XR commit', "<189>Nov 27 10:00:00 xr1 %MGBL-CONFIG-6-DB_COMMIT : Configuration committed by user 'dave'. Use 'show configuration commit changes 1000000042' to view the changes.", '%MGBL-CONFIG-6-DB_COMMIT', 'dave'],
    ['NX-OS', '<189>2025 Nov 27 10:00:00 n9k1 %VSHD-5-VSHD_SYSLOG_CONFIG_I: Configured from vty by erin on 10.0.0.5@pts/0', '%VSHD-5-VSHD_SYSLOG_CONFIG_I', 'erin'],
    ['Junos', "<189>Nov 27 10:00:00 mx1 mgd[4321]: UI_COMMIT: User 'frank' requested 'commit' operation (comment: none)", 'UI_COMMIT', 'frank'],
    ['Junos RFC 5424', '<189>1 2025-11-27T10:00:00Z mx1 mgd 4321 UI_COMMIT [junos@2636 username="gina"] ', 'UI_COMMIT', 'gina'],
  ])('recognises %s and the user it names', (_vendor, datagram, name, author) => {
    expect(configChangeIn(parseSyslog(datagram))).toEqual({ message: name, author });
  });

  it('has no author when IOS names a line instead of a user', () => {
    expect(configChangeIn(parseSyslog('<189>1: *Mar  1 00:01:23: %SYS-5-CONFIG_I: Configured from console by vty0 (10.1.1.1)'))).toEqual({ message: '%SYS-5-CONFIG_I' });
  });

  it.each([
    '<189>Nov 27 10:00:00 r1 %LINK-3-UPDOWN: Interface Gi0/1, changed state to up',
    "<189>Nov 27 10:00:00 mx1 mgd[1]: UI_COMMIT_COMPLETED: commit complete",
    '<189>Nov 27 10:00:00 r1 %XSYS-5-CONFIG_I: not a real message',
  ])('ignores %s', (datagram) => {
    expect(configChangeIn(parseSyslog(datagram))).toBeUndefined();
  });
});
