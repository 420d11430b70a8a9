import type { PromptAnswer } from '../platform-definition';

/**
 * Questions a device may ask between login and its first prompt, on real gear and as lab
 * fault modes. Each pattern sees the last line only and is anchored to its end, so the
 * password question is never mistaken for the security warning that may precede it.
 */
export const COMMON_LOGIN_INTERRUPTS: readonly PromptAnswer[] = [
  // Cisco/Huawei expired or default password; declining keeps the backup read-only.
  { pattern: /Change now\? ?\[Y\/N\]:? ?$/i, answer: 'N\n' },
  { pattern: /Press any key to continue/i, answer: ' ' },
  // Huawei: "... security risks ... Continue? [Y/N]:" is only a warning to acknowledge.
  { pattern: /security risks?\b.*Continue\? ?\[Y\/N\]:? ?$/i, answer: 'Y\n' },
];
