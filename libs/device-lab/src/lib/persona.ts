/**
 * A persona is how one platform behaves at the CLI: its prompts, modes, pager, errors,
 * commands and configuration. Personas are pure: the shell engine (shell-session.ts)
 * owns the channel, echo, paging and fault injection, and asks the persona what to say.
 */

/** Identity of one simulated device: everything deterministic derives from it. */
export interface LabDeviceIdentity {
  /** Unique device name, also its hostname (e.g. `lab-ios-0001`). */
  name: string;
  platform: LabPlatform;
  /** Index in the fleet; seeds every generated value so two runs produce identical devices. */
  index: number;
  /** Management address of the device in the lab. */
  address: string;
  /** Boot time used for uptime and for the timestamps the device prints. */
  bootedAt: Date;
}

export const LAB_PLATFORMS = [
  'cisco_ios',
  'cisco_xe',
  'cisco_nxos',
  'cisco_xr',
  'arista_eos',
  'juniper_junos',
  'mikrotik_routeros',
  'huawei_vrp',
  'linux',
] as const;
export type LabPlatform = (typeof LAB_PLATFORMS)[number];

/** A configuration as the device prints it, with what a backup tool must treat specially. */
export interface RenderedConfig {
  /** The full text the config command prints (no trailing prompt), lines joined by `\n`. */
  text: string;
  /** Lines of `text` that change without a configuration change (timestamps, counters). */
  volatileLines: string[];
  /** Secret values that appear in `text` (passwords, hashes, communities, keys). */
  secrets: string[];
}

/** Facts the device reports through its `show version` equivalent. */
export interface LabDeviceFacts {
  hostname: string;
  vendor: string;
  model: string;
  serial: string;
  osVersion: string;
  uptimeSeconds: number;
}

/** Mutable per-device state the change knob edits; owned by the fleet, read by personas. */
export interface LabDeviceState {
  /** Extra configuration lines appended by the change knob, in order. */
  addedLines: string[];
  /** Interface descriptions overridden by the change knob, by interface name. */
  descriptions: Record<string, string>;
  /** Bumped on every change; personas print it in "last change" lines. */
  changedAt: Date;
  /** Who made the last change, printed where the vendor prints it. */
  changedBy: string;
  /** Link flaps from the interface knob, by interface name; absent means up since boot. */
  links?: Readonly<Record<string, LinkHistory>>;
}

/** What the interface knob did to one link since the device booted. */
export interface LinkHistory {
  /** Set while the link is down. */
  downSince?: Date;
  /** Milliseconds the link spent down in earlier, finished outages. */
  downMs: number;
  /** The last time the link went up or down. */
  changedAt: Date;
  /** Up and down transitions since boot, each one counted. */
  transitions: number;
}

/** A physical interface as the CLI and SNMP both show it. */
export interface LabInterface {
  /** As the CLI prints it: `GigabitEthernet1/0/1`, `xe-0/0/0`. */
  name: string;
  speedMbps: number;
  /** Shut in the configuration (unused ports). */
  adminUp: boolean;
  /** The planned description; the change knob may override it. */
  description: string;
  mtu: number;
  /** 12 lower-case hex digits. */
  mac: string;
}

/** What the shell session of one connection knows when it asks the persona. */
export interface ShellContext {
  device: LabDeviceIdentity;
  state: LabDeviceState;
  /** Current CLI mode name, one of the persona's `modes`. */
  mode: string;
  /** Paging is on until the persona's disable-paging command runs. */
  pagingEnabled: boolean;
  /** The time the persona should print (a clock the tests may control). */
  now: Date;
  /** Username that logged in. */
  username: string;
  /** Terminal options the login username carried (see `parseLoginUsername`). */
  loginOptions: Record<string, string>;
}

/** The persona's answer to one command line. */
export interface CommandResult {
  /** Output printed before the next prompt (may be empty). */
  output: string;
  /** Mode to switch to after the output. */
  mode?: string;
  /** Set paging on or off (e.g. `terminal length 0` → false). */
  paging?: boolean;
  /** Ask for a secret first (hidden input); `onSecret` decides what happens with it. */
  secretPrompt?: { prompt: string; onSecret: (secret: string) => CommandResult };
  /** Close the session after the output (exit/quit/logout from the top mode). */
  close?: boolean;
  /**
   * Print this output without the pager, whatever `pagingEnabled` says, and leave paging
   * as it is (`show configuration | no-more`). Added for output pipes; absent means paged.
   */
  unpaged?: boolean;
}

export interface Persona {
  platform: LabPlatform;
  vendor: string;
  /** SSH server ident software version, e.g. `Cisco-1.25`; default is the lab's own. */
  sshIdent?: string;
  /** Auth methods the device offers; default password only. EOS offers keyboard-interactive. */
  authMethods?: readonly ('password' | 'keyboard-interactive')[];
  /**
   * The account name inside a login username: MikroTik clients append terminal options
   * (`admin+ct511w4098h`); the persona reads them into `options` (e.g. page height).
   */
  parseLoginUsername?(raw: string): { username: string; options: Record<string, string> };
  /** Modes the CLI has; the first is where a login lands. */
  modes: readonly string[];
  /**
   * Prompt for a mode, e.g. `lab-ios-0001>` / `lab-ios-0001#`. May span lines: Junos
   * configuration mode prints `[edit]` on its own line above `user@host# `.
   */
  prompt(ctx: ShellContext): string;
  /** Text the pager prints when paging (e.g. ` --More-- `). */
  pagerPrompt: string;
  /**
   * Lines per page while paging is enabled; 0 means the device never pages (Linux).
   * A numeric `height` login option (MikroTik `+4098h`) replaces it for that session.
   */
  pageLines: number;
  /**
   * How the pager prompt is wiped once a key arrives: Cisco backspaces over it, most
   * others return the carriage and blank the line. Default `carriage-return`.
   */
  pagerErase?: 'carriage-return' | 'backspaces';
  /** Printed after login, before the first prompt (MOTD, last login). */
  motd?(ctx: ShellContext): string;
  /** The vendor's answer to a command it does not know, including the line breaks it prints. */
  unknownCommand(command: string, ctx: ShellContext): string;
  /** Run one command line (already trimmed, never empty). `undefined` means unknown command. */
  run(command: string, ctx: ShellContext): CommandResult | undefined;
  /** The running configuration the config command prints, deterministic for identity + state. */
  renderConfig(device: LabDeviceIdentity, state: LabDeviceState, now: Date): RenderedConfig;
  facts(device: LabDeviceIdentity, now: Date): LabDeviceFacts;
  /** The physical interfaces, in the order the CLI lists them; none where absent. */
  interfaces?(device: LabDeviceIdentity): LabInterface[];
  /** Password for the privileged mode, where the vendor has one. */
  enableSecret?(device: LabDeviceIdentity): string;
}
