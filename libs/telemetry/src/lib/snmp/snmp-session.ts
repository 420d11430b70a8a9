import * as snmp from 'net-snmp';
import { SnmpAuthError, SnmpError, SnmpTimeoutError } from './snmp-errors';
import {
  DEFAULT_MAX_REPETITIONS,
  DEFAULT_SNMP_PORT,
  attemptBudgetMs,
  checkSnmpSettings,
  describeSecurity,
  snmpTarget,
  usmUser,
  type SnmpSettings,
} from './snmp-settings';

/** One value from an agent, as net-snmp decodes it (OctetString and Counter64 are Buffers). */
export interface SnmpVarbind {
  oid: string;
  type: snmp.ObjectType;
  value: unknown;
}

/** A walk stops here even if the agent keeps answering: a table this long is a broken agent. */
const MAX_ROWS_PER_COLUMN = 100_000;

/**
 * The boundary around net-snmp's manager: one UDP socket per session, v2c or v3 from a
 * settings object, every request bounded by `timeoutMs × (retries + 1)`, every failure
 * turned into an SnmpError that says what to check. Open one per poll and close it after
 * (`withSnmpSession` does both).
 */
export class SnmpSession {
  readonly target: string;
  private closed = false;

  private constructor(
    private readonly raw: snmp.Session,
    readonly settings: SnmpSettings,
  ) {
    this.target = snmpTarget(settings);
    // A malformed datagram is reported here; requests fail on their own timers.
    raw.on('error', () => undefined);
  }

  static open(settings: SnmpSettings): SnmpSession {
    checkSnmpSettings(settings);
    const common = { port: settings.port ?? DEFAULT_SNMP_PORT, timeout: settings.timeoutMs, retries: settings.retries, backoff: 1 };
    const raw = settings.version === '2c'
      ? snmp.createSession(settings.host, settings.community, { ...common, version: snmp.Version2c })
      : snmp.createV3Session(settings.host, usmUser(settings), { ...common, version: snmp.Version3 });
    return new SnmpSession(raw, settings);
  }

  /** Values of the given instances; `undefined` where the agent has no such object or instance. */
  get(oids: readonly string[]): Promise<(SnmpVarbind | undefined)[]> {
    return new Promise((resolve, reject) => {
      this.raw.get([...oids], (error, varbinds) => {
        if (error) return reject(this.failure(error, `get ${oids.join(', ')}`));
        resolve((varbinds ?? []).map((varbind) => (snmp.isVarbindError(varbind) ? undefined : toVarbind(varbind))));
      });
    });
  }

  /** Every instance under one OID, by GetBulk. */
  async walk(oid: string): Promise<SnmpVarbind[]> {
    return (await this.walkColumns([oid])).get(oid) ?? [];
  }

  /**
   * Several columns (or subtrees) walked side by side: each GetBulk asks for the next
   * `maxRepetitions` rows of every column still going, so a table of N rows costs about
   * N / maxRepetitions requests whatever the number of columns. max-repetitions is halved
   * when the agent answers tooBig.
   */
  async walkColumns(columns: readonly string[]): Promise<Map<string, SnmpVarbind[]>> {
    const rows = new Map<string, SnmpVarbind[]>(columns.map((column) => [column, []]));
    let cursors = columns.map((column) => ({ column, prefix: `${column}.`, last: column }));
    let maxRepetitions = this.settings.maxRepetitions ?? DEFAULT_MAX_REPETITIONS;
    while (cursors.length > 0) {
      let answer: SnmpVarbind[][];
      try {
        answer = await this.getBulk(cursors.map((cursor) => cursor.last), maxRepetitions);
      } catch (error) {
        if (error instanceof TooBig && maxRepetitions > 1) {
          maxRepetitions = Math.ceil(maxRepetitions / 2);
          continue;
        }
        throw error;
      }
      cursors = cursors.filter((cursor, index) => {
        const found = rows.get(cursor.column) ?? [];
        const batch = answer[index] ?? [];
        for (const varbind of batch) {
          if (!varbind.oid.startsWith(cursor.prefix)) return false;
          if (compareOids(varbind.oid, cursor.last) <= 0) {
            throw new SnmpError(`${this.target} answered a walk of ${cursor.column} with ${varbind.oid}, which does not follow ${cursor.last}: the agent's OID order is broken`, this.target);
          }
          found.push(varbind);
          cursor.last = varbind.oid;
        }
        if (found.length > MAX_ROWS_PER_COLUMN) throw new SnmpError(`${this.target}: walk of ${cursor.column} passed ${MAX_ROWS_PER_COLUMN} rows; giving up`, this.target);
        return batch.length > 0;
      });
    }
    return rows;
  }

  /** Releases the socket; requests still out fail. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.raw.close();
    } catch {
      // Already closed by net-snmp after a socket error.
    }
  }

  private getBulk(oids: string[], maxRepetitions: number): Promise<SnmpVarbind[][]> {
    return new Promise((resolve, reject) => {
      this.raw.getBulk(oids, 0, maxRepetitions, (error, varbinds) => {
        if (error) {
          const status = (error as { status?: number }).status;
          return reject(status === snmp.ErrorStatus.TooBig ? new TooBig() : this.failure(error, `getBulk ${oids.join(', ')}`));
        }
        // Each repeater's varbinds, up to the end of the MIB view (a varbind error here).
        resolve((varbinds ?? []).map((column) => {
          const list = Array.isArray(column) ? column : [column];
          const end = list.findIndex((varbind) => snmp.isVarbindError(varbind));
          return (end === -1 ? list : list.slice(0, end)).map(toVarbind);
        }));
      });
    });
  }

  private failure(error: Error, what: string): SnmpError {
    return snmpFailure(error, this.settings, what);
  }
}

/** Opens a session, hands it to `use`, and closes it whatever happens. */
export async function withSnmpSession<T>(settings: SnmpSettings, use: (session: SnmpSession) => Promise<T>): Promise<T> {
  const session = SnmpSession.open(settings);
  try {
    return await use(session);
  } finally {
    session.close();
  }
}

class TooBig extends Error {}

/** USM report names (net-snmp's wording) and what a person should check for each. */
const USM_REPORTS: readonly [RegExp, string][] = [
  [/Wrong Digest/i, 'wrong authentication key or protocol (the agent reported usmStatsWrongDigests)'],
  [/Unknown User Name/i, 'the agent has no such user (usmStatsUnknownUserNames)'],
  [/Unsupported Security Level/i, 'the user is not configured for this security level (usmStatsUnsupportedSecLevels)'],
  [/Decryption Error/i, 'wrong privacy key or protocol (usmStatsDecryptionErrors)'],
  [/Not In Time Window/i, 'the agent says the request is outside its time window (usmStatsNotInTimeWindows): engine ID clash or clock'],
  [/Unknown Engine ID/i, 'the agent does not recognise the engine ID (usmStatsUnknownEngineIDs)'],
];

/** net-snmp's errors in words an operator can act on. */
export function snmpFailure(error: Error, settings: SnmpSettings, what: string): SnmpError {
  const target = snmpTarget(settings);
  const security = describeSecurity(settings);
  const cause = { cause: error };
  if (error instanceof SnmpError) return error;
  if (error.name === 'RequestTimedOutError' || /forcibly closed/i.test(error.message)) {
    const why = settings.version === '2c'
      ? 'no answer: wrong community or agent down (v2c agents drop requests with an unknown community)'
      : 'no answer: agent down or unreachable, or a wrong privacy key (agents drop what they cannot decrypt)';
    return new SnmpTimeoutError(`${target} (${security}): ${why}; waited ${attemptBudgetMs(settings)} ms over ${settings.retries + 1} attempt(s)`, target, cause);
  }
  if (error.name === 'ResponseInvalidError') {
    const code = (error as { code?: number }).code;
    if (code === snmp.ResponseInvalidCode.EAuthFailure) {
      const known = USM_REPORTS.find(([pattern]) => pattern.test(error.message));
      return new SnmpAuthError(`${target} refused ${security}: ${known?.[1] ?? error.message}`, target, cause);
    }
    if (code === snmp.ResponseInvalidCode.ECouldNotDecrypt) {
      return new SnmpAuthError(`${target}: could not decrypt the answer for ${security}: wrong privacy key or protocol`, target, cause);
    }
    if (code === snmp.ResponseInvalidCode.ECommunityNoMatch) {
      return new SnmpAuthError(`${target}: the answer carried another community: ${error.message}`, target, cause);
    }
  }
  if (error.name === 'RequestFailedError') {
    const status = (error as { status?: number }).status;
    if (status === snmp.ErrorStatus.AuthorizationError || status === snmp.ErrorStatus.NoAccess) {
      return new SnmpAuthError(`${target}: ${security} is not allowed to read this (${error.message}) during ${what}`, target, cause);
    }
    return new SnmpError(`${target}: the agent answered ${what} with an error: ${error.message}`, target, cause);
  }
  return new SnmpError(`${target} (${security}): ${what} failed: ${error.message}`, target, cause);
}

function toVarbind(varbind: snmp.Varbind): SnmpVarbind {
  return { oid: varbind.oid, type: varbind.type ?? snmp.ObjectType.Null, value: varbind.value };
}

/** Numeric OID order, on the dotted strings net-snmp returns; read in place, since a walk compares every varbind. */
export function compareOids(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    let left = 0;
    let right = 0;
    for (let code = a.charCodeAt(i); i < a.length && code !== 46; code = a.charCodeAt(++i)) left = left * 10 + code - 48;
    for (let code = b.charCodeAt(j); j < b.length && code !== 46; code = b.charCodeAt(++j)) right = right * 10 + code - 48;
    if (left !== right) return left - right;
    i++;
    j++;
  }
  const leftDone = i >= a.length;
  const rightDone = j >= b.length;
  return leftDone === rightDone ? 0 : leftDone ? -1 : 1;
}
