import type { SyslogMessage } from './syslog-message';

/** A device said its configuration changed: which vendor's message, and the user it names. */
export interface ConfigChangeNotice {
  /** The message that matched, e.g. `%SYS-5-CONFIG_I`. */
  message: string;
  author?: string;
}

interface ChangeMessage {
  /** The message name, as vendors document it. */
  name: string;
  /** Found anywhere in the text. */
  pattern: RegExp;
  /** Where the user is, in the text after the match; undefined when the message names none. */
  author?: (text: string, message: SyslogMessage) => string | undefined;
}

// "Configured from console by vty0 (10.0.0.5)": without AAA, IOS names the line, not a user.
const LINE_NAME = /^(?:vty|con|console|tty|aux|line|memory|network)\d*$/i;

const configuredBy = (text: string): string | undefined => {
  const match = /Configured from \S+ by (\S+)/i.exec(text);
  const user = match?.[1]?.replace(/[,;]$/, '');
  return user && !LINE_NAME.test(user) ? user : undefined;
};

/** The vendors' configuration-change messages (Oxidized's syslog hook knows the same set). */
export const CONFIG_CHANGE_MESSAGES: readonly ChangeMessage[] = [
  // IOS, IOS-XE and EOS: `%SYS-5-CONFIG_I: Configured from console by alice on vty0 (10.0.0.5)`.
  { name: '%SYS-5-CONFIG_I', pattern: /(?<![-\w])%SYS-5-CONFIG_I\b/, author: configuredBy },
  // IOS-XR: `%MGBL-SYS-5-CONFIG_I : Configured from console by alice on vty0 (10.0.0.5)`.
  { name: '%MGBL-SYS-5-CONFIG_I', pattern: /%MGBL-SYS-5-CONFIG_I\b/, author: configuredBy },
  // IOS-XR commits: `%MGBL-CONFIG-6-DB_COMMIT : Configuration committed by user 'alice'. …`.
  { name: '%MGBL-CONFIG-6-DB_COMMIT', pattern: /%MGBL-CONFIG-6-DB_COMMIT\b/, author: (text) => /committed by user '([^']+)'/i.exec(text)?.[1] },
  // NX-OS: `%VSHD-5-VSHD_SYSLOG_CONFIG_I: Configured from vty by alice on 10.0.0.5@pts/0`.
  { name: '%VSHD-5-VSHD_SYSLOG_CONFIG_I', pattern: /%VSHD-5-VSHD_SYSLOG_CONFIG_I\b/, author: configuredBy },
  // Junos: `UI_COMMIT: User 'alice' requested 'commit' operation (comment: …)`, in the text or as the RFC 5424 MSGID.
  {
    name: 'UI_COMMIT',
    pattern: /\bUI_COMMIT\b(?!_)/,
    author: (text, message) => /User '([^']+)'/.exec(text)?.[1] ?? /\busername="([^"]+)"/.exec(message.structuredData ?? '')?.[1],
  },
];

/** The change a message announces, or undefined for every other message. */
export function configChangeIn(message: SyslogMessage): ConfigChangeNotice | undefined {
  const text = message.msgId ? `${message.msgId}: ${message.message}` : message.message;
  for (const known of CONFIG_CHANGE_MESSAGES) {
    const match = known.pattern.exec(text);
    if (!match) continue;
    const author = known.author?.(text.slice(match.index), message)?.trim();
    return { message: known.name, ...(author ? { author } : {}) };
  }
  return undefined;
}
