/**
 * Fault modes a lab device can be put in. The names are public API: inventories, the
 * control endpoint and the app's `--faults` option all use them.
 */
export const LAB_FAULTS = [
  { name: 'auth-fail', description: 'rejects the credentials the inventory lists' },
  { name: 'hang-mid-output', description: 'prints about half of the configuration, then nothing ever again' },
  { name: 'disconnect-mid-output', description: 'prints about half of the configuration, then drops the TCP connection' },
  { name: 'slow-trickle', description: 'sends all output 64 bytes every 20 ms: slow but progressing' },
  { name: 'prompt-never-matches', description: 'after login prints text no driver accepts as a prompt, then nothing' },
  { name: 'banner-prompt-text', description: 'SSH banner and MOTD contain prompt-like lines; the device works normally' },
  { name: 'legacy-cbc', description: 'offers only CBC ciphers with hmac-sha1 (modern key exchange)' },
  { name: 'legacy-dh', description: 'old Cisco: SSH-2.0-Cisco-1.25, DH group14/group1 SHA-1, CBC, hmac-sha1, ssh-rsa' },
  { name: 'keyboard-interactive-only', description: 'refuses password auth; accepts keyboard-interactive' },
  { name: 'change-password-prompt', description: 'asks to change an expired password before the first prompt' },
  { name: 'press-any-key', description: 'waits for a key after login before the first prompt' },
] as const;

export type LabFault = (typeof LAB_FAULTS)[number]['name'];

export const LAB_FAULT_NAMES: readonly LabFault[] = LAB_FAULTS.map((fault) => fault.name);

export function isLabFault(value: unknown): value is LabFault {
  return typeof value === 'string' && (LAB_FAULT_NAMES as readonly string[]).includes(value);
}
