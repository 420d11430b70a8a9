import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import * as snmp from 'net-snmp';
import { LabConfigError } from '../lab-errors';
import type { LabDevice, LabFleet } from '../lab-fleet';
import { deviceMibView, LAB_DEVICE_MIB, type DeviceMibView } from './device-mib';
import { formatOid, parseOid, type Oid } from './oid';
import type { MibValue } from './virtual-mib';
import { AUTH_FLAG, readV3Header, wrongDigestReport } from './usm-report';

/**
 * Every device's SNMP agent from one process: one UDP socket per device, and per device a
 * net-snmp agent used only for the protocol (BER, community check, USM discovery, SHA/AES,
 * responses). Its MIB is the lab's virtual one: values are computed per request from the
 * counter model, never stored, so a thousand agents cost a socket and a few objects each.
 *
 * The agent never opens a socket of its own (it gets an inert dgram module); datagrams are
 * fed to its `onMsg`, and its Get/GetNext/GetBulk/Set handlers are replaced. Those are
 * net-snmp internals (3.29): the specs drive this server with net-snmp's manager and with
 * Net-SNMP's own snmpget, so an upgrade that moves them fails there first.
 */
export class LabSnmpServer {
  private readonly sockets: Socket[] = [];

  constructor(private readonly fleet: LabFleet) {}

  /** Listens for every device; the devices' SNMP ports are the actual ones afterwards. */
  async listen(): Promise<void> {
    try {
      await Promise.all(this.fleet.list().map((device) => this.listenFor(device)));
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    const sockets = this.sockets.splice(0);
    await Promise.all(sockets.map((socket) => new Promise<void>((resolve) => {
      try {
        socket.close(() => resolve());
      } catch {
        resolve();
      }
    })));
  }

  private listenFor(device: LabDevice): Promise<void> {
    const { name, address } = device.identity;
    const socket = createSocket('udp4');
    this.sockets.push(socket);
    const responder = new DeviceResponder(this.fleet, device, socket);
    return new Promise((resolve, reject) => {
      socket.once('error', (error) => reject(new LabConfigError(`${name} cannot listen for SNMP on udp ${address}:${device.snmp.port}: ${error.message}`)));
      socket.bind({ address, port: device.snmp.port }, () => {
        device.snmp.port = socket.address().port;
        // Clients vanishing is routine for a lab; a socket error must not end the process.
        socket.removeAllListeners('error').on('error', () => undefined);
        socket.on('message', (buffer, rinfo) => responder.receive(buffer, rinfo));
        resolve();
      });
    });
  }
}

/** The parts of net-snmp's Agent this server drives. */
interface ProtocolAgent {
  engine: { engineID: Buffer; engineBoots: number; engineTime: number };
  getAuthorizer(): { addCommunity(community: string): void; addUser(user: snmp.User): void };
  onMsg(socket: Socket, buffer: Buffer, rinfo: RemoteInfo): void;
  sendResponse(socket: Socket, rinfo: RemoteInfo, request: AgentRequest, response: ResponsePdu): void;
  getRequest: RequestHandler;
  getNextRequest: RequestHandler;
  getBulkRequest: RequestHandler;
  setRequest: RequestHandler;
}

type RequestHandler = (socket: Socket, request: AgentRequest, rinfo: RemoteInfo) => void;

interface AgentRequest {
  pdu: {
    type: number;
    varbinds: { oid: string }[];
    nonRepeaters?: number;
    maxRepetitions?: number;
    getResponsePduForRequest(): ResponsePdu;
  };
}

interface WireVarbind {
  oid: string;
  type: snmp.ObjectType;
  value: number | string | Buffer | null;
}

interface ResponsePdu {
  varbinds: WireVarbind[];
  errorStatus?: number;
  errorIndex?: number;
}

/** A socket-shaped object with nothing behind it: the agent must not bind anything itself. */
const INERT_DGRAM = {
  createSocket: () => {
    const inert = { on: () => inert, bind: () => inert, close: (callback?: () => void) => callback?.(), address: () => ({}) };
    return inert;
  },
};

/** A GetBulk answer stays well inside one UDP datagram. */
const MAX_BULK_VARBINDS = 1000;

class DeviceResponder {
  private readonly agent: ProtocolAgent;
  private wrongDigests = 0;

  constructor(
    private readonly fleet: LabFleet,
    private readonly device: LabDevice,
    private readonly socket: Socket,
  ) {
    const { snmp: endpoint } = device;
    // Errors the agent reports are what a real agent counts and drops: wrong community, unknown user.
    this.agent = snmp.createAgent({ engineID: endpoint.engineId, dgramModule: INERT_DGRAM }, () => undefined) as ProtocolAgent;
    const authorizer = this.agent.getAuthorizer();
    authorizer.addCommunity(endpoint.community);
    authorizer.addUser({
      name: endpoint.v3.user,
      level: snmp.SecurityLevel.authPriv,
      authProtocol: snmp.AuthProtocols.sha,
      authKey: endpoint.v3.authKey,
      privProtocol: snmp.PrivProtocols.aes,
      privKey: endpoint.v3.privKey,
    });
    this.agent.getRequest = (s, request, rinfo) => this.respond(s, request, rinfo, (view) => this.get(view, request));
    this.agent.getNextRequest = (s, request, rinfo) => this.respond(s, request, rinfo, (view) => this.getNext(view, request));
    this.agent.getBulkRequest = (s, request, rinfo) => this.respond(s, request, rinfo, (view) => this.getBulk(view, request));
    this.agent.setRequest = (s, request, rinfo) => {
      const response = request.pdu.getResponsePduForRequest();
      response.varbinds = request.pdu.varbinds.map((varbind) => ({ oid: varbind.oid, type: snmp.ObjectType.Null, value: null }));
      response.errorStatus = snmp.ErrorStatus.NotWritable;
      response.errorIndex = 1;
      this.agent.sendResponse(s, rinfo, request, response);
    };
  }

  receive(buffer: Buffer, rinfo: RemoteInfo): void {
    const { silent, delayMs } = this.device.snmp.behaviour;
    if (silent) return;
    if (delayMs === 0) return this.answer(buffer, rinfo);
    // Unref'd: a late answer must not keep a stopping lab's process alive.
    setTimeout(() => this.answer(buffer, rinfo), delayMs).unref();
  }

  private answer(buffer: Buffer, rinfo: RemoteInfo): void {
    const { snmp: endpoint, identity } = this.device;
    const uptimeSeconds = Math.max(0, Math.floor((this.fleet.now().getTime() - identity.bootedAt.getTime()) / 1000));
    this.agent.engine.engineBoots = endpoint.engineBoots;
    this.agent.engine.engineTime = uptimeSeconds;
    const header = readV3Header(buffer);
    if (header && header.flags & AUTH_FLAG && header.userName === endpoint.v3.user && !this.authentic(buffer, header.engineId, header.authParams)) {
      this.wrongDigests += 1;
      const report = wrongDigestReport(header, { engineId: endpoint.engineId, engineBoots: endpoint.engineBoots, engineTimeSeconds: uptimeSeconds }, this.wrongDigests);
      try {
        this.socket.send(report, rinfo.port, rinfo.address);
      } catch {
        // The lab stopped while a delayed answer waited.
      }
      return;
    }
    try {
      this.agent.onMsg(this.socket, buffer, rinfo);
    } catch {
      // A datagram net-snmp cannot even frame is dropped, as snmpd drops it (snmpInASNParseErrs);
      // so is an answer whose socket closed while it was delayed.
    }
  }

  private authentic(buffer: Buffer, engineId: Buffer, digest: Buffer): boolean {
    const { authKey } = this.device.snmp.v3;
    return snmp.Authentication.isAuthentic(buffer, snmp.AuthProtocols.sha, authKey, engineId, digest);
  }

  private respond(socket: Socket, request: AgentRequest, rinfo: RemoteInfo, answer: (view: DeviceMibView) => WireVarbind[]): void {
    const response = request.pdu.getResponsePduForRequest();
    response.varbinds = answer(deviceMibView(this.device, this.fleet.now()));
    this.agent.sendResponse(socket, rinfo, request, response);
  }

  private get(view: DeviceMibView, request: AgentRequest): WireVarbind[] {
    return request.pdu.varbinds.map(({ oid }) => {
      const found = LAB_DEVICE_MIB.get(view, parseOid(oid));
      return typeof found === 'number' ? { oid, type: found, value: null } : wire(oid, found);
    });
  }

  private getNext(view: DeviceMibView, request: AgentRequest): WireVarbind[] {
    return request.pdu.varbinds.map(({ oid }) => this.nextOf(view, oid).varbind);
  }

  /** RFC 3416 §4.2.3: the non-repeaters once, then up to max-repetitions rounds of the rest. */
  private getBulk(view: DeviceMibView, request: AgentRequest): WireVarbind[] {
    const { varbinds } = request.pdu;
    const nonRepeaters = Math.min(Math.max(0, request.pdu.nonRepeaters ?? 0), varbinds.length);
    const maxRepetitions = Math.max(0, request.pdu.maxRepetitions ?? 0);
    const answer = varbinds.slice(0, nonRepeaters).map(({ oid }) => this.nextOf(view, oid).varbind);
    // Cursors stay parsed between rounds: a bulk answer is hundreds of GetNexts.
    let cursors = varbinds.slice(nonRepeaters).map(({ oid }) => ({ text: oid, oid: parseOid(oid) }));
    for (let round = 0; round < maxRepetitions && cursors.length > 0; round++) {
      if (answer.length + cursors.length > MAX_BULK_VARBINDS) break;
      const row = cursors.map((cursor) => this.nextOf(view, cursor.text, cursor.oid));
      answer.push(...row.map((next) => next.varbind));
      if (row.every((next) => next.varbind.type === snmp.ObjectType.EndOfMibView)) break;
      cursors = row.map((next) => ({ text: next.varbind.oid, oid: next.oid }));
    }
    return answer;
  }

  private nextOf(view: DeviceMibView, text: string, oid: Oid = parseOid(text)): { varbind: WireVarbind; oid: Oid } {
    const next = LAB_DEVICE_MIB.next(view, oid);
    if (!next) return { varbind: { oid: text, type: snmp.ObjectType.EndOfMibView, value: null }, oid };
    return { varbind: wire(formatOid(next.oid), next.value), oid: next.oid };
  }
}

function wire(oid: string, { type, value }: MibValue): WireVarbind {
  return { oid, type, value: typeof value === 'bigint' ? counter64Bytes(value) : value };
}

/** net-snmp writes a Counter64 Buffer as the BER content as is: minimal, with a 0x00 before a high bit. */
function counter64Bytes(value: bigint): Buffer {
  const hex = value.toString(16);
  const bytes = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  return bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
}
