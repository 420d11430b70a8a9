import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { access, constants, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as snmp from 'net-snmp';

export const SNMPD_PATH = '/usr/sbin/snmpd';

export interface SnmpdAgentOptions {
  /** Default: a random one. */
  community?: string;
  /** Default: a random user and keys (SHA authentication, AES privacy). */
  v3?: { user: string; authKey: string; privKey: string };
  sysName?: string;
  /** How long snmpd may take to answer its first request; default 10 s. */
  readyTimeoutMs?: number;
}

/** A real Net-SNMP agent for one test, on 127.0.0.1 and a port of its own. */
export interface SnmpdAgent {
  host: string;
  port: number;
  community: string;
  v3: { user: string; authProtocol: 'sha'; authKey: string; privProtocol: 'aes'; privKey: string };
  sysName: string;
  /** Everything snmpd printed so far. */
  logs(): string;
  /** Stops snmpd, waits for it to exit, removes its files. Safe to call twice. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const PORT_ATTEMPTS = 5;
const DEFAULT_READY_TIMEOUT_MS = 10_000;
const PROBE_TIMEOUT_MS = 200;
const STOP_GRACE_MS = 5_000;

/** Agents still running when the test process exits are killed, so none outlives its run. */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/**
 * Starts `snmpd -f -Lo -C -c <conf>` with its own configuration and persistent directory in
 * a temporary directory (never /etc/snmp or /var/lib/snmp): a v2c read-only community and a
 * v3 authPriv user (SHA/AES) created from the configuration. Ready once it answers a Get.
 */
export async function startSnmpdAgent(options: SnmpdAgentOptions = {}): Promise<SnmpdAgent> {
  await assertSnmpdInstalled();
  const workDir = await mkdtemp(join(tmpdir(), 'netkeep-snmpd-'));
  const community = options.community ?? `nk-${randomBytes(6).toString('hex')}`;
  const v3 = options.v3 ?? { user: 'nktest', authKey: randomBytes(8).toString('hex'), privKey: randomBytes(8).toString('hex') };
  const sysName = options.sysName ?? 'netkeep-snmpd';
  try {
    const persistentDir = join(workDir, 'persist');
    await mkdir(persistentDir, { mode: 0o700 });
    for (let attempt = 1; ; attempt++) {
      const port = await freeUdpPort(HOST);
      const configPath = join(workDir, 'snmpd.conf');
      await writeFile(configPath, renderSnmpdConfig({ port, community, v3, sysName }), { mode: 0o600 });
      const agent = SnmpdProcess.launch(configPath, join(workDir, 'snmpd.pid'), persistentDir, workDir);
      try {
        await agent.waitUntilAnswering(port, community, options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS);
      } catch (error) {
        await agent.stop();
        if (agent.addressInUse() && attempt < PORT_ATTEMPTS) continue;
        throw error;
      }
      let stopped: Promise<void> | undefined;
      return {
        host: HOST,
        port,
        community,
        v3: { user: v3.user, authProtocol: 'sha', authKey: v3.authKey, privProtocol: 'aes', privKey: v3.privKey },
        sysName,
        logs: () => agent.logs(),
        stop: () => (stopped ??= agent.stop().then(() => rm(workDir, { recursive: true, force: true }))),
      };
    }
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
}

interface SnmpdConfig {
  port: number;
  community: string;
  v3: { user: string; authKey: string; privKey: string };
  sysName: string;
}

export function renderSnmpdConfig(config: SnmpdConfig): string {
  return [
    `agentAddress udp:${HOST}:${config.port}`,
    `rocommunity ${config.community} ${HOST}`,
    `createUser ${config.v3.user} SHA "${config.v3.authKey}" AES "${config.v3.privKey}"`,
    `rouser ${config.v3.user} priv`,
    `sysName ${config.sysName}`,
    'sysLocation netkeep test run',
    'sysContact netkeep@localhost',
    // No AgentX master socket and no traps: nothing outside the temporary directory.
    'master no',
    '',
  ].join('\n');
}

async function assertSnmpdInstalled(): Promise<void> {
  try {
    await access(SNMPD_PATH, constants.X_OK);
  } catch {
    throw new Error(`Net-SNMP agent not found at ${SNMPD_PATH}: apt-get install snmpd`);
  }
}

/** A UDP port that was free a moment ago; snmpd may still lose it to another process (then we retry). */
function freeUdpPort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createSocket('udp4');
    probe.once('error', reject);
    probe.bind(0, host, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

class SnmpdProcess {
  private log = '';
  private readonly exited: Promise<void>;
  private stopping?: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    const collect = (chunk: string) => (this.log += chunk);
    child.stdout?.setEncoding('utf8').on('data', collect);
    child.stderr?.setEncoding('utf8').on('data', collect);
    this.exited = new Promise((resolve) => child.once('close', () => resolve()));
    running.add(child);
    void this.exited.then(() => running.delete(child));
  }

  static launch(configPath: string, pidPath: string, persistentDir: string, workDir: string): SnmpdProcess {
    const args = ['-f', '-Lo', '-C', '-c', configPath, '-p', pidPath, `--persistentDir=${persistentDir}`];
    // No MIB files (numeric OIDs only, no parse noise) and no configuration beyond ours.
    const env = { PATH: process.env['PATH'] ?? '', MIBS: '', MIBDIRS: join(workDir, 'no-mibs'), SNMPCONFPATH: workDir, SNMP_PERSISTENT_DIR: persistentDir };
    return new SnmpdProcess(spawn(SNMPD_PATH, args, { stdio: ['ignore', 'pipe', 'pipe'], env }));
  }

  logs(): string {
    return this.log;
  }

  addressInUse(): boolean {
    return /address already in use|Error opening specified endpoint/i.test(this.log);
  }

  stop(): Promise<void> {
    this.stopping ??= this.terminate();
    return this.stopping;
  }

  /** Polls with a v2c Get of sysUpTime until snmpd answers, exits, or the time is up. */
  async waitUntilAnswering(port: number, community: string, readyTimeoutMs: number): Promise<void> {
    const deadline = Date.now() + readyTimeoutMs;
    let gone = false;
    void this.exited.then(() => (gone = true));
    while (!gone) {
      if (await answers(port, community)) return;
      if (Date.now() > deadline) throw new Error(`snmpd on udp ${HOST}:${port} did not answer within ${readyTimeoutMs} ms\n--- snmpd log ---\n${this.log}`);
    }
    throw new Error(`snmpd on udp ${HOST}:${port} exited before answering\n--- snmpd log ---\n${this.log}`);
  }

  private async terminate(): Promise<void> {
    if (this.child.pid === undefined || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }
}

function answers(port: number, community: string): Promise<boolean> {
  return new Promise((resolve) => {
    const session = snmp.createSession(HOST, community, { port, version: snmp.Version2c, timeout: PROBE_TIMEOUT_MS, retries: 0 });
    session.on('error', () => undefined);
    session.get(['1.3.6.1.2.1.1.3.0'], (error) => {
      session.close();
      resolve(!error);
    });
  });
}
