import * as snmp from 'net-snmp';

export interface BareSnmpTarget {
  host: string;
  port: number;
  community: string;
}

/**
 * What a poller with no service around it does: net-snmp alone, one v2c session, one Get of
 * the scalars, then the columns walked side by side with GetBulk until each leaves its
 * subtree. No decoding beyond net-snmp's own, no rates, no storage. Returns the values read.
 */
export async function bareSnmpPoll(target: BareSnmpTarget, scalars: readonly string[], columns: readonly string[], maxRepetitions = 10): Promise<number> {
  const session = snmp.createSession(target.host, target.community, { port: target.port, version: snmp.Version2c, timeout: 2_000, retries: 1, backoff: 1 });
  session.on('error', () => undefined);
  try {
    let values = (await new Promise<snmp.Varbind[]>((resolve, reject) => session.get([...scalars], (error, varbinds) => (error ? reject(error) : resolve(varbinds ?? []))))).length;
    let cursors = columns.map((column) => ({ prefix: `${column}.`, last: column }));
    while (cursors.length > 0) {
      const answer = await new Promise<snmp.Varbind[][]>((resolve, reject) =>
        session.getBulk(cursors.map((cursor) => cursor.last), 0, maxRepetitions, (error, varbinds) => (error ? reject(error) : resolve((varbinds ?? []) as unknown as snmp.Varbind[][]))),
      );
      cursors = cursors.filter((cursor, index) => {
        const row = answer[index] ?? [];
        let inside = 0;
        for (const varbind of row) {
          if (snmp.isVarbindError(varbind) || !varbind.oid.startsWith(cursor.prefix)) break;
          cursor.last = varbind.oid;
          inside++;
        }
        values += inside;
        return inside === row.length && row.length > 0;
      });
    }
    return values;
  } finally {
    session.close();
  }
}
