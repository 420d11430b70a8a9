import { toDeviceLineEndings } from './terminal-output';

/** Lines that look like prompts of several vendors, to catch clients that match too early. */
export const PROMPT_LIKE_LINES = ['router#', '<HUAWEI>', 'admin@host> ', 'RP/0/RSP0/CPU0:core#'] as const;

/** The pre-auth SSH banner of a device with the banner-prompt-text fault. */
export function promptLikeBanner(): string {
  return toDeviceLineEndings(
    ['Authorized access only. Prompts seen in this network:', ...PROMPT_LIKE_LINES, ''].join('\n'),
  );
}

/** MOTD lines of the banner-prompt-text fault; printed right before the real prompt. */
export function promptLikeMotd(): string {
  return toDeviceLineEndings(['', 'Examples of prompts in this network:', ...PROMPT_LIKE_LINES, ''].join('\n'));
}

/** The prompt-never-matches fault: ends in text no prompt pattern accepts, then silence. */
export const STALLED_CLI_TEXT = '\r\nInitializing the command line interface, please wait';

export const PASSWORD_EXPIRED_TEXT = '\r\nYour password has expired.\r\n';
export const CHANGE_PASSWORD_QUESTION = 'Change now? [Y/N]: ';
export const PRESS_ANY_KEY_TEXT = '\r\nPress any key to continue';
