import type { PlatformDefinition } from '../platform-definition';
import { captured, deviceFacts } from './device-facts';
import { COMMON_LOGIN_INTERRUPTS } from './login-interrupts';

const VENDOR = 'Linux';
const HOSTNAME = 'hostname';
const UNAME = 'uname -srm';
const OS_RELEASE = 'cat /etc/os-release';
const PROC_UPTIME = 'cat /proc/uptime';
const MACHINE_ID = 'cat /etc/machine-id';

/** `Linux 6.1.0-26-amd64 x86_64`: kernel name, release, machine. */
const UNAME_FIELDS = /^(\S+) (\S+) (\S+)\s*$/m;

/** A value of `/etc/os-release`, without its quotes. */
function osReleaseValue(osRelease: string | undefined, pattern: RegExp): string | undefined {
  return captured(osRelease, pattern)?.replace(/^(["'])(.*)\1$/, '$2');
}

/** The distribution makes the system: `NAME="Debian GNU/Linux"` → `Debian`, `Red Hat Enterprise Linux` → `Red Hat`. */
function distribution(osRelease: string | undefined): string | undefined {
  return osReleaseValue(osRelease, /^NAME=(.*)$/m)?.replace(/(?: Enterprise)? (?:GNU\/)?Linux$/, '');
}

/** Debian style `user@host:~$ `, `root@host:/etc# `, Red Hat style `[user@host ~]$ `, maybe after `(venv) `. */
export const linux: PlatformDefinition = {
  name: 'linux',
  aliases: ['linuxgeneric', 'linux_ssh'],
  vendor: VENDOR,
  prompt: /^(?:\([^)\n]*\) )?(?:[\w.-]+@[\w.-]+:[^\n]*|\[[\w.-]+@[\w.-]+ [^\]\n]*\])[$#] ?$/,
  pagers: [],
  loginInterrupts: COMMON_LOGIN_INTERRUPTS,
  failurePatterns: [/: command not found/, /No such file or directory/, /: Permission denied/],
  onOpen: [],
  onClose: ['exit'],
  configCommands: ['cat /etc/hostname /etc/hosts /etc/resolv.conf', 'ip -4 addr show', 'ip route show'],
  factsCommands: [HOSTNAME, UNAME, OS_RELEASE, PROC_UPTIME, MACHINE_ID],
  parseFacts(outputs) {
    const uname = UNAME_FIELDS.exec(outputs[UNAME] ?? '');
    const uptime = captured(outputs[PROC_UPTIME], /^\s*(\d+(?:\.\d+)?)(?:\s|$)/);
    return deviceFacts(distribution(outputs[OS_RELEASE]) ?? VENDOR, {
      // Each of these outputs is the value alone; anything else is an error message.
      hostname: captured(outputs[HOSTNAME], /^\s*([a-z0-9][a-z0-9.-]*)\s*$/i),
      model: uname?.[3],
      // No hardware serial without root; the machine id names this installation for good.
      serial: captured(outputs[MACHINE_ID], /^\s*([0-9a-f]{32})\s*$/),
      osVersion: osReleaseValue(outputs[OS_RELEASE], /^PRETTY_NAME=(.*)$/m) ?? (uname ? `${uname[1]} ${uname[2]}` : undefined),
      uptimeSeconds: uptime === undefined ? undefined : Math.floor(Number(uptime)),
    });
  },
  // A DHCP lease's remaining lifetime counts down between backups (`valid_lft forever` stays).
  volatileLines: [/^\s+valid_lft .*\d+sec/],
  secrets: [],
};
