/** A syslog datagram, read leniently: network devices bend both RFCs. */
export interface SyslogMessage {
  facility?: number;
  severity?: number;
  /** The HOSTNAME field, when the message has one that looks like a host. */
  hostname?: string;
  /** RFC 5424 APP-NAME / RFC 3164 TAG. */
  appName?: string;
  /** RFC 5424 MSGID (Junos puts its event name there: UI_COMMIT). */
  msgId?: string;
  /** RFC 5424 STRUCTURED-DATA, as written. */
  structuredData?: string;
  /** The free text. */
  message: string;
}

const MONTHS = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
// `Nov 27 10:00:00`, `*Mar  1 00:01:23.456`, `2024 Nov 27 10:00:00`: the forms devices put after the PRI.
const BSD_TIMESTAMP = new RegExp(`^[*.]?(?:\\d{4} )?(?:${MONTHS}) {1,2}\\d{1,2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?: [A-Z]{3,4})?:? `);
const NIL = '-';

/** Parses RFC 5424 (`<PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG`) or RFC 3164 (`<PRI>TIMESTAMP HOST TAG: MSG`) and the Cisco variants of the latter. */
export function parseSyslog(datagram: string): SyslogMessage {
  let rest = datagram.replace(/[\r\n\0]+$/g, '');
  const parsed: Partial<SyslogMessage> = {};
  const pri = /^<(\d{1,3})>/.exec(rest);
  if (pri) {
    const value = Number(pri[1]);
    parsed.facility = value >> 3;
    parsed.severity = value & 7;
    rest = rest.slice(pri[0].length);
  }
  const rfc5424 = /^1 (\S+) (\S+) (\S+) (\S+) (\S+) /.exec(rest);
  if (rfc5424) {
    const [, , hostname, appName, , msgId] = rfc5424;
    rest = rest.slice(rfc5424[0].length);
    const { data, after } = splitStructuredData(rest);
    return {
      ...parsed,
      ...(hostname !== NIL ? { hostname } : {}),
      ...(appName !== NIL ? { appName } : {}),
      ...(msgId !== NIL ? { msgId } : {}),
      ...(data !== NIL ? { structuredData: data } : {}),
      message: after.replace(/^\uFEFF/, ''),
    };
  }
  return { ...parsed, ...parseBsd(rest) };
}

function parseBsd(text: string): Pick<SyslogMessage, 'hostname' | 'appName' | 'message'> {
  let rest = text;
  // IOS puts a sequence number before the timestamp: `123: *Mar  1 00:01:23.456: %SYS-5-…`.
  rest = rest.replace(/^\d+: /, '');
  const stamp = BSD_TIMESTAMP.exec(rest);
  if (!stamp) return { message: rest };
  rest = rest.slice(stamp[0].length);
  // HOSTNAME, unless the text goes straight on to a sequence number, a tag or a Cisco %FACILITY.
  const host = /^([A-Za-z0-9][A-Za-z0-9._:-]*[A-Za-z0-9]|[A-Za-z0-9]) /.exec(rest);
  let hostname: string | undefined;
  if (host && !host[1].endsWith(':') && !/^\d+$/.test(host[1]) && !rest.startsWith('%')) {
    hostname = host[1];
    rest = rest.slice(host[0].length);
  }
  rest = rest.replace(/^\d+: /, '');
  const tag = /^([A-Za-z][\w./-]*)(?:\[\d+\])?: /.exec(rest);
  return { ...(hostname ? { hostname } : {}), ...(tag ? { appName: tag[1] } : {}), message: rest };
}

function splitStructuredData(text: string): { data: string; after: string } {
  if (text.startsWith(NIL)) return { data: NIL, after: text.slice(1).replace(/^ /, '') };
  let depth = 0;
  let escaped = false;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (escaped) {
      escaped = false;
      continue;
    }
    if (char === '\\') escaped = true;
    else if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && char === '[') depth++;
    else if (!inQuotes && char === ']') {
      depth--;
      if (depth === 0 && text[i + 1] !== '[') return { data: text.slice(0, i + 1), after: text.slice(i + 1).replace(/^ /, '') };
    }
  }
  return { data: NIL, after: text };
}
