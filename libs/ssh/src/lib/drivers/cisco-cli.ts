import type { PrivilegeEscalation, PromptAnswer } from '../platform-definition';

/**
 * Prompt shapes shared by IOS, IOS-XE, NX-OS and EOS: `host>`, `host#`, `host(config-if)#`.
 * No exact hostname: IOS truncates it in configuration modes.
 */
export const CISCO_STYLE_PROMPT = /^[\w.@/:+-]{1,63}(?:\([\w.@/:+-]{0,40}\))?[>#] ?$/;
export const CISCO_STYLE_PRIVILEGED_PROMPT = /^[\w.@/:+-]{1,63}(?:\([\w.@/:+-]{0,40}\))?# ?$/;

export const CISCO_STYLE_ENABLE: PrivilegeEscalation = {
  privilegedPrompt: CISCO_STYLE_PRIVILEGED_PROMPT,
  command: 'enable',
  secretPrompt: /^Password: ?$/i,
};

export const MORE_PAGER: PromptAnswer = { pattern: /^\s*--More--\s*$/, answer: ' ' };

export const CISCO_STYLE_ON_OPEN = ['terminal length 0', 'terminal width 511'] as const;
