import { PLATFORMS } from '@netkeep/ssh';
import type { ResourcePools } from './resource-pools';
import { LOWERCASE_ALPHANUMERIC, uuidFrom, type SeededRandom } from './seeded-random';

/** What a value generator may draw on: the run's random stream and what exists in the app. */
export interface ValueContext {
  random: SeededRandom;
  pools: ResourcePools;
  /** The device an operation's path names, for version references. */
  deviceId?: string;
}

type ValueSource = (context: ValueContext) => unknown;

const PLATFORM_NAMES = PLATFORMS.flatMap((platform) => [platform.name, ...platform.aliases]);
const TIME_ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Adelaide', 'America/St_Johns'];
// Far from now: a policy's schedule never fires while the suite runs.
const CRON_EXPRESSIONS = ['0 3 1 1 *', '30 2 1 1 *', '0 0 0 1 1 *', '15 4 29 2 *', '0 1 1 7 *', '5 5 1 1 0'];
const SEARCH_PATTERNS = ['hostname', '^interface ', 'snmp-server', 'ntp server \\S+', 'description .*uplink', '[0-9]+\\.[0-9]+'];
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const NAME_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A name the archive can use as a file name, sometimes with the spaces, dots and letters people type. */
function safeName({ random }: ValueContext): string {
  return `${random.pick(['core', 'edge', 'Edge Router', 'dc1.sw', 'Zürich-r', 'r;1', 'ap$(x)', 'lab`id`'])}-${random.chars(random.int(4, 10), NAME_ALPHABET)}`;
}

function host({ random }: ValueContext): string {
  return random.pick([
    `192.0.2.${random.int(1, 254)}`,
    `198.51.100.${random.int(1, 254)}`,
    `2001:db8::${random.int(1, 0xffff).toString(16)}`,
    `${random.chars(6, LOWERCASE_ALPHANUMERIC)}.example.net`,
    `sw-${random.chars(4, LOWERCASE_ALPHANUMERIC)}`,
  ]);
}

function tag({ random }: ValueContext): string {
  return `${random.chars(1, NAME_ALPHABET)}${random.chars(random.int(0, 12), `${NAME_ALPHABET}_.:-`)}`;
}

function tags(context: ValueContext): string[] {
  return [...new Set(Array.from({ length: context.random.int(0, 4) }, () => tag(context)))];
}

function singleLine({ random }: ValueContext, maxLength = 40): string {
  return random.chars(random.int(1, maxLength), `${NAME_ALPHABET} !#$%&'()*+,-./:;<=>?@[]^_{|}~"\\`);
}

function existingOr<T>(items: readonly T[], context: ValueContext, otherwise: () => T): T {
  return items.length > 0 && context.random.chance(0.8) ? context.random.pick(items) : otherwise();
}

function snmpSettings(context: ValueContext): Record<string, unknown> {
  const { random } = context;
  const port = random.chance(0.5) ? { port: random.int(1, 65535) } : {};
  if (random.chance(0.5)) return { version: '2c', community: singleLine(context, 30), ...port };
  const auth = random.chance(0.7) ? { authProtocol: random.pick(['md5', 'sha', 'sha224', 'sha256', 'sha384', 'sha512']), authKey: random.chars(random.int(8, 40), LOWERCASE_ALPHANUMERIC) } : {};
  const priv = 'authProtocol' in auth && random.chance(0.7) ? { privProtocol: random.pick(['des', 'aes', 'aes192', 'aes256']), privKey: random.chars(random.int(8, 40), LOWERCASE_ALPHANUMERIC) } : {};
  return { version: '3', username: random.chars(random.int(1, 20), LOWERCASE_ALPHANUMERIC), ...auth, ...priv, ...port };
}

function privateKey({ random }: ValueContext): string | null {
  if (random.chance(0.3)) return null;
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${random.chars(64, `${NAME_ALPHABET}+/`)}\n-----END OPENSSH PRIVATE KEY-----\n`;
}

/** A selector, or ids of enabled devices: a run of disabled or unknown devices is refused. */
function backupRun(context: ValueContext): Record<string, unknown> {
  const enabled = context.pools.list('devices').flatMap((device) => (device.enabled === false ? [] : [device.id]));
  if (enabled.length === 0 || context.random.chance(0.4)) return { selector: context.random.chance(0.5) ? {} : { tags: ['seed'] } };
  const some = enabled.filter(() => context.random.chance(0.3)).slice(0, 3);
  return { deviceIds: some.length > 0 ? some : [context.random.pick(enabled)] };
}

function versionRef(context: ValueContext): string {
  const refs = context.deviceId ? context.pools.versionRefs.get(context.deviceId) : undefined;
  return refs && refs.length > 0 && context.random.chance(0.85) ? context.random.pick(refs) : context.random.pick(['latest', '1', '2', '3']);
}

function regexFlags({ random }: ValueContext): string {
  return ['i', 'm', 's', 'u'].filter(() => random.chance(0.4)).join('');
}

function futureInstant({ random }: ValueContext): string {
  return new Date(Date.UTC(2031 + random.int(0, 40), random.int(0, 11), random.int(1, 28), random.int(0, 23))).toISOString();
}

/**
 * Valid values for the fields whose rules live in custom validators (names safe as file names,
 * host addresses, cron, time zones, tags, keys) or in the state of the app (ids, names,
 * versions): the document says "string" there. Keyed by `<schema>.<field>`, then `*.<field>`;
 * query and path parameters use `query.<name>` and `path.<name>`.
 */
export const VALID_FIELD_VALUES: Record<string, ValueSource> = {
  '*.name': safeName,
  'CreateTokenDto.name': (context) => singleLine(context, 60).trim() || 'token',
  '*.host': host,
  '*.platform': ({ random }) => random.pick(PLATFORM_NAMES),
  '*.site': (context) => existingOr<string | null>(context.pools.names('sites'), context, () => null),
  '*.role': (context) => singleLine(context, 30),
  '*.tags': tags,
  '*.credentialId': (context) => existingOr<string | null>(context.pools.ids('credentials'), context, () => null),
  '*.snmp': (context) => (context.random.chance(0.15) ? null : snmpSettings(context)),
  '*.notes': (context) => `${singleLine(context)}\n\t${singleLine(context)}`,
  '*.description': (context) => singleLine(context, 60),
  '*.username': (context) => singleLine(context, 30),
  '*.password': (context) => singleLine(context, 60),
  '*.enableSecret': (context) => singleLine(context, 60),
  '*.privateKey': privateKey,
  '*.cron': ({ random }) => random.pick(CRON_EXPRESSIONS),
  '*.timezone': ({ random }) => random.pick(TIME_ZONES),
  '*.url': ({ random }) => `http://127.0.0.1:9/hooks/${random.chars(8, LOWERCASE_ALPHANUMERIC)}`,
  '*.secret': ({ random }) => random.chars(random.int(16, 64), NAME_ALPHABET),
  '*.expiresAt': futureInstant,
  '*.events': ({ random }) => (random.chance(0.5) ? ['config.changed'] : random.chance(0.5) ? ['backup.failed'] : ['config.changed', 'backup.failed']),
  '*.port': ({ random }) => random.int(1, 65535),
  '*.fingerprint': ({ random }) => `SHA256:${random.chars(43, BASE64_ALPHABET)}`,
  '*.intervalSeconds': ({ random }) => (random.chance(0.2) ? null : random.int(1, 86_400)),
  '*.deviceIds': (context) => context.random.chance(0.8) ? context.pools.ids('devices').filter(() => context.random.chance(0.3)).slice(0, 5) : [uuidFrom(context.random)],
  '*.names': (context) => context.pools.names('devices').filter(() => context.random.chance(0.2)).slice(0, 5),
  '*.q': (context) => context.random.chars(context.random.int(0, 12), LOWERCASE_ALPHANUMERIC),
  '*.model': (context) => singleLine(context, 40),
  '*.serial': (context) => singleLine(context, 40),
  '*.osVersion': (context) => singleLine(context, 40),
  'StartBackupRunDto.*': backupRun,
  'query.limit': ({ random }) => String(random.int(1, 1000)),
  'query.offset': ({ random }) => String(random.chance(0.7) ? random.int(0, 5) : random.int(0, 1_000_000)),
  'query.id': (context) => context.pools.ids('devices').filter(() => context.random.chance(0.3)).slice(0, 4),
  'query.name': (context) => context.pools.names('devices').filter(() => context.random.chance(0.3)).slice(0, 4),
  'query.tag': (context) => tags(context).slice(0, 3),
  'query.site': (context) => existingOr(context.pools.names('sites'), context, () => context.random.chars(5, LOWERCASE_ALPHANUMERIC)),
  'query.platform': ({ random }) => random.pick(PLATFORM_NAMES),
  'query.role': (context) => singleLine(context, 20),
  'query.q': (context) => context.random.chars(context.random.int(0, 12), LOWERCASE_ALPHANUMERIC),
  'query.from': versionRef,
  'query.to': versionRef,
  'query.pattern': ({ random }) => random.pick(SEARCH_PATTERNS),
  'query.flags': regexFlags,
  'path.version': versionRef,
  'path.ifName': ({ random }) => random.pick(['GigabitEthernet1/0/1', 'Gi1/0/1', 'xe-0/0/0', 'ether1', 'eth0']),
};

/** Fields the document calls "number" that the DTOs hold to integers (a fraction there is invalid). */
export const INTEGER_FIELDS = new Set(['port', 'intervalSeconds', 'limit', 'offset']);

/**
 * Fields where null counts as absent (class-validator's @IsOptional lets it through): null is
 * no mistake there. Elsewhere a field is required, optional-but-not-null, or nullable as the document says.
 */
export const NULL_MEANS_ABSENT = new Set(['DeviceSelectorDto.*', 'StartBackupRunDto.*', 'CreateTokenDto.expiresAt']);

/** Lengths the DTOs enforce on query parameters that the document does not state. */
export const QUERY_MAX_LENGTHS: Record<string, number> = { q: 200, site: 128, role: 64, platform: 64, name: 128, pattern: 500 };

/**
 * Values each field refuses although its type is right: the custom validators' cases (file-name
 * safety, host syntax, cron, time zone, URL, key shape, tags) and references to nothing. Keyed
 * like VALID_FIELD_VALUES; a selector's filters are looser than the fields they filter on.
 */
export const INVALID_FIELD_VALUES: Record<string, readonly unknown[]> = {
  '*.name': ['../../etc/passwd', '/etc/passwd', 'a\\b', '..', '.hidden', 'r1\u0000x', 'r1\r\nInjected: yes', ' padded', 'x'.repeat(129), '', 'esc\u001b[31mred'],
  'CreateTokenDto.name': ['', '   ', 'x'.repeat(101)],
  '*.host': ['10.0.0.256', 'core sw', 'r1;reboot', '$(reboot)', 'fe80::1%eth0', '-edge.example.net', `${'a'.repeat(64)}.net`, '', 'a\r\nb'],
  '*.platform': ['no-such-os', '', 'x'.repeat(65)],
  'DeviceSelectorDto.platform': ['x'.repeat(65)],
  '*.site': ['no-such-site-anywhere', '../dc1', 'dc1\u0000'],
  'DeviceSelectorDto.site': ['x'.repeat(129)],
  '*.role': ['core\nInjected', 'x'.repeat(65), 'bell\u0007'],
  'DeviceSelectorDto.role': ['x'.repeat(65)],
  '*.tags': [['-lead'], ['has space'], ['x'.repeat(65)], ['dup', 'dup'], Array.from({ length: 65 }, (_unused, index) => `t${index}`), ['ok', 'new\nline']],
  'DeviceSelectorDto.tags': [['-lead'], ['has space'], Array.from({ length: 17 }, (_unused, index) => `t${index}`)],
  '*.credentialId': ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "' OR '1'='1"],
  '*.notes': ['bell\u0007', 'nul\u0000', 'x'.repeat(10_001), 'esc\u001b]0;title\u0007'],
  '*.description': ['x'.repeat(1001), 'bell\u0007'],
  'CreateWebhookDto.description': ['x'.repeat(201), 'line\r\nbreak'],
  'UpdateWebhookDto.description': ['x'.repeat(201), 'line\r\nbreak'],
  '*.username': ['', 'user\nname', 'x'.repeat(129)],
  '*.password': ['', 'pass\r\nreload', 'x'.repeat(1025)],
  '*.enableSecret': ['', 'en\nable', 'x'.repeat(1025)],
  '*.privateKey': ['not a key', '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA', 'x'.repeat(16_385)],
  '*.cron': ['* * *', '61 * * * *', 'every minute', '* * * * * * *', '', '*/0 * * * *', '0 0 31 2 *', '* * * * * *'],
  '*.timezone': ['Mars/Olympus_Mons', '', 'UTC+25', 'x'.repeat(65)],
  '*.url': ['ftp://example.net/hook', 'javascript:alert(1)', 'not a url', 'http://', 'file:///etc/passwd', `http://example.net/${'x'.repeat(2048)}`],
  '*.secret': ['short', 'sixteen-chars\nbut-broken', 'x'.repeat(513)],
  '*.events': [[], ['config.changed', 'config.changed'], ['no.such.event']],
  '*.expiresAt': ['2001-01-01T00:00:00Z', 'tomorrow', '2030-13-45T99:00:00Z'],
  '*.deviceIds': [[], ['x'.repeat(65)], ['same', 'same']],
  'DeviceSelectorDto.deviceIds': [['x'.repeat(65)], ['same', 'same']],
  'DeviceSelectorDto.names': [['x'.repeat(129)]],
  'DeviceSelectorDto.q': ['x'.repeat(201)],
  '*.community': ['', 'comm\nunity', 'x'.repeat(129)],
  '*.authKey': ['short', 'x'.repeat(257)],
  '*.privKey': ['short', 'x'.repeat(257)],
  '*.model': ['x'.repeat(257), 'line\nbreak'],
  '*.serial': ['x'.repeat(257), 'line\nbreak'],
  '*.osVersion': ['x'.repeat(257), 'line\nbreak'],
};

/** Query values refused for the same reasons, beyond what types, bounds and enums say. */
export const INVALID_QUERY_VALUES: Record<string, readonly string[]> = {
  id: ['not-a-uuid', '1', "' OR 1=1 --"],
  tag: ['-lead', 'has space', 'x'.repeat(65)],
  from: ['../x', 'a b', 'x'.repeat(65), ''],
  to: ['../x', 'a b', 'x'.repeat(65)],
  pattern: ['(', '[a-', '(?<', 'a{2,1}', '', 'x'.repeat(501)],
  flags: ['ii', 'g', 'y', 'x', 'imsuu'],
};

/** Path parameter values that name nothing or cannot name anything (not `%2E%2E`: the client resolves that as `..` before sending). */
export const INVALID_PATH_VALUES: readonly string[] = [
  'not-a-uuid',
  '0',
  '-1',
  "'%20OR%20'1'%3D'1",
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  'x'.repeat(90),
  '%F0%9F%92%A9',
  '%E0%A4%A',
  '%25',
  '00000000-0000-4000-8000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];
