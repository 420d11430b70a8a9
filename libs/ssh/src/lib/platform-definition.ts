/**
 * A platform driver is data: how the CLI prompts, how to prepare the session, how to
 * reach the privileged level, what to fetch and how to clean it. The session engine
 * (device-session.ts) runs any definition and knows no vendor.
 */

export interface PromptAnswer {
  /** Matched against the text received since the last command or answer. */
  pattern: RegExp;
  /** What to send back (a line break is not added: include `\n` when the device needs one). */
  answer: string;
}

/** Moving from the login level to the privileged level (Cisco `enable`). */
export interface PrivilegeEscalation {
  /** Prompt pattern of the privileged level; when it already matches, nothing is sent. */
  privilegedPrompt: RegExp;
  command: string;
  /** The device asks for the secret with this; the session answers with the enable secret. */
  secretPrompt: RegExp;
}

/** Keeps a line but hides the secret in it: `pattern` is applied with `String.replace`. */
export interface SecretRule {
  pattern: RegExp;
  replacement: string;
}

export interface DeviceFacts {
  hostname?: string;
  vendor: string;
  model?: string;
  serial?: string;
  osVersion?: string;
  uptimeSeconds?: number;
}

export interface PlatformDefinition {
  /** Canonical name, Netmiko style: `cisco_ios`. */
  name: string;
  /** Other names engineers use for it (Ansible, NAPALM, Oxidized): `ios`, `cisco.ios.ios`. */
  aliases: readonly string[];
  vendor: string;
  /**
   * Any prompt of this platform at the end of the buffer. Anchored to the end (`$`);
   * matched against the last line only, after ANSI escapes are removed.
   */
  prompt: RegExp;
  /** Pager prompts and what to answer (`--More--` → space). */
  pagers: readonly PromptAnswer[];
  /** Questions that can appear between login and the first prompt (change password? [Y/N]). */
  loginInterrupts?: readonly PromptAnswer[];
  /** Output that means the command failed (`% Invalid input detected`). */
  failurePatterns: readonly RegExp[];
  privilege?: PrivilegeEscalation;
  /** Commands sent once the session is ready (disable paging, set width). */
  onOpen: readonly string[];
  /** Commands sent before closing, without waiting for a prompt after the last one. */
  onClose: readonly string[];
  /** Commands whose outputs, joined, are the configuration. */
  configCommands: readonly string[];
  /** Commands whose outputs `parseFacts` reads, keyed by the command. */
  factsCommands: readonly string[];
  parseFacts(outputs: Readonly<Record<string, string>>): DeviceFacts;
  /** Lines that change without a configuration change; dropped before storage. */
  volatileLines: readonly RegExp[];
  secrets: readonly SecretRule[];
  /** Login username as the device wants it (MikroTik appends terminal options). */
  loginUsername?(username: string): string;
  /** Line ending the device expects for a command. */
  newline?: string;
}
