import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { host, hostQuietly } from './host-commands';

/** The two test accounts every lab node lets in with the lab's key. */
export interface LabUsers {
  /** sudo without a password (NOPASSWD). */
  sudoWithoutPassword: string;
  /** sudo asks for `password`, which is also its SSH login password. */
  sudoWithPassword: string;
  password: string;
}

export interface LabNodeOptions {
  /** Only this client address may log in (sshd AllowUsers user@address): a node reachable only through a jump host. */
  onlyFrom?: string;
}

/** The directories of the real file system that each node sees as its own (overlays on the host's). */
const PRIVATE_DIRS = { etc: '/etc', 'var-lib': '/var/lib', 'usr-local': '/usr/local' } as const;

/**
 * Machines for the installer's tests, built from Linux namespaces on the test host: each node
 * has its own network namespace (an address on a lab bridge), its own hostname (UTS namespace)
 * and its own /etc, /var/lib and /usr/local (a mount namespace with overlays on the host's
 * directories), so K3S's paths (/etc/rancher, /var/lib/rancher, /usr/local/bin,
 * /etc/systemd/system) are per node while the installer uses them unchanged. A real OpenSSH
 * server runs in each; two test users with sudo (one without, one with a password) are created
 * for the lab and removed with it. systemctl is a stand-in (there is no systemd in a namespace).
 */
export class NetnsLab {
  readonly nodes: LabNode[] = [];

  private constructor(
    readonly id: string,
    readonly dir: string,
    readonly subnet: string,
    readonly bridge: string,
    readonly users: LabUsers,
    readonly clientKeyPath: string,
    private readonly sudoersFile: string,
  ) {}

  /** The test host's address on the lab bridge: where nodes reach servers the test runs. */
  get gateway(): string {
    return `${this.subnet}.1`;
  }

  static async start(): Promise<NetnsLab> {
    const id = randomBytes(2).toString('hex');
    const dir = await mkdtemp(join(tmpdir(), `netkeep-lab-${id}-`));
    // sshd reads a user's authorized_keys as that user.
    await chmod(dir, 0o755);
    const subnet = await freeSubnet();
    const bridge = `nkbr${id}`;
    const users: LabUsers = { sudoWithoutPassword: `nki${id}k`, sudoWithPassword: `nki${id}p`, password: `pw-${randomBytes(9).toString('base64url')}` };
    const sudoersFile = `/etc/sudoers.d/netkeep-installer-test-${id}`;
    const lab = new NetnsLab(id, dir, subnet, bridge, users, join(dir, 'client_ed25519'), sudoersFile);
    process.once('exit', lab.removeAtExit);
    try {
      await host('ip', ['link', 'add', bridge, 'type', 'bridge']);
      await host('ip', ['addr', 'add', `${subnet}.1/24`, 'dev', bridge]);
      await host('ip', ['link', 'set', bridge, 'up']);
      await host('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `netkeep-lab-${id}`, '-f', lab.clientKeyPath]);
      await lab.createUsers();
      await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
      return lab;
    } catch (error) {
      await lab.stop();
      throw error;
    }
  }

  /** A new node: namespaces, overlays, the stand-in systemctl, and sshd listening on port 22 of its address. */
  async addNode(name: string, options: LabNodeOptions = {}): Promise<LabNode> {
    const index = this.nodes.length + 10;
    const node = new LabNode(this, name, `${this.subnet}.${index}`, `nk${this.id}-${index}`, join(this.dir, 'nodes', name));
    this.nodes.push(node);
    await node.start(options, `nkv${this.id}${index}`, `nkp${this.id}${index}`);
    return node;
  }

  async stop(): Promise<void> {
    process.off('exit', this.removeAtExit);
    await Promise.all(this.nodes.map((node) => node.stop()));
    await hostQuietly('ip', ['link', 'del', this.bridge]);
    for (const user of [this.users.sudoWithoutPassword, this.users.sudoWithPassword]) await hostQuietly('userdel', ['-r', '-f', user]);
    await rm(this.sudoersFile, { force: true });
    await rm(this.dir, { recursive: true, force: true });
  }

  /**
   * A test process that exits without stop() (a failed hook, an interrupted run) must not leave
   * sudo accounts, namespaces or a bridge behind: the same clean-up, synchronously.
   */
  private readonly removeAtExit = (): void => {
    for (const node of this.nodes) {
      const pids = spawnSync('ip', ['netns', 'pids', node.netns], { encoding: 'utf8' }).stdout ?? '';
      pids.split('\n').filter(Boolean).forEach((pid) => spawnSync('kill', ['-9', pid]));
      spawnSync('ip', ['netns', 'del', node.netns]);
    }
    spawnSync('ip', ['link', 'del', this.bridge]);
    for (const user of [this.users.sudoWithoutPassword, this.users.sudoWithPassword]) spawnSync('userdel', ['-r', '-f', user]);
    rmSync(this.sudoersFile, { force: true });
    rmSync(this.dir, { recursive: true, force: true });
  };

  private async createUsers(): Promise<void> {
    const { sudoWithoutPassword, sudoWithPassword, password } = this.users;
    await mkdir(join(this.dir, 'authorized_keys'), { recursive: true });
    const publicKey = await readFile(`${this.clientKeyPath}.pub`, 'utf8');
    for (const user of [sudoWithoutPassword, sudoWithPassword]) {
      await host('useradd', ['--create-home', '--shell', '/bin/sh', user]);
      await writeFile(join(this.dir, 'authorized_keys', user), publicKey, { mode: 0o644 });
    }
    await host('chpasswd', [], { input: `${sudoWithPassword}:${password}\n` });
    // useradd leaves the account locked ("!"), and sshd without PAM refuses locked accounts even with a key.
    await host('usermod', ['-p', '*', sudoWithoutPassword]);
    const sudoers = `${sudoWithoutPassword} ALL=(ALL) NOPASSWD: ALL\n${sudoWithPassword} ALL=(ALL) ALL\n`;
    const draft = join(this.dir, 'sudoers');
    await writeFile(draft, sudoers, { mode: 0o440 });
    await host('visudo', ['-c', '-q', '-f', draft]);
    await copyFile(draft, this.sudoersFile);
    await chmod(this.sudoersFile, 0o440);
  }
}

/** One lab machine. Paths under `/etc`, `/var/lib` and `/usr/local` are read through `file()`. */
export class LabNode {
  private sshd?: ChildProcess;
  private sshdLog = '';
  private stopped?: Promise<void>;

  constructor(
    readonly lab: NetnsLab,
    readonly name: string,
    readonly address: string,
    readonly netns: string,
    readonly dir: string,
  ) {}

  /** Where the node's own copy of `remotePath` lives on the test host (its overlay's upper layer). */
  file(remotePath: string): string {
    for (const [key, mountPoint] of Object.entries(PRIVATE_DIRS)) {
      if (remotePath === mountPoint || remotePath.startsWith(`${mountPoint}/`)) return join(this.dir, key, 'upper', remotePath.slice(mountPoint.length));
    }
    throw new Error(`${remotePath} is on the shared file system, not private to ${this.name}`);
  }

  async readFile(remotePath: string): Promise<string> {
    return readFile(this.file(remotePath), 'utf8');
  }

  async exists(remotePath: string): Promise<boolean> {
    return stat(this.file(remotePath)).then(
      () => true,
      () => false,
    );
  }

  /** Lines a stand-in recorded in /var/lib/k3s-stand-in/<log>. */
  async standInLog(log: string): Promise<string> {
    return this.readFile(`/var/lib/k3s-stand-in/${log}`).catch(() => '');
  }

  /** The stand-in install script drops this node's SSH session on its next run. */
  async dropConnectionDuringNextInstall(): Promise<void> {
    const marker = this.file('/var/lib/k3s-stand-in/drop-connection-during-install');
    await mkdir(join(marker, '..'), { recursive: true });
    await writeFile(marker, '');
  }

  /** A real listener inside the node's network namespace, until the node stops. */
  async listen(port: number, protocol: 'tcp' | 'udp'): Promise<void> {
    const script =
      protocol === 'tcp'
        ? `require('net').createServer().listen(${port}, '0.0.0.0', () => console.log('listening'))`
        : `require('dgram').createSocket('udp4').bind(${port}, '0.0.0.0', () => console.log('listening'))`;
    const child = spawn('ip', ['netns', 'exec', this.netns, process.execPath, '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve());
      child.once('exit', (code) => reject(new Error(`listener on ${port}/${protocol} in ${this.name} exited with ${code}`)));
    });
  }

  async start(options: LabNodeOptions, veth: string, peer: string): Promise<void> {
    const { lab } = this;
    await host('ip', ['netns', 'add', this.netns]);
    await host('ip', ['link', 'add', veth, 'type', 'veth', 'peer', 'name', peer]);
    await host('ip', ['link', 'set', peer, 'netns', this.netns]);
    await host('ip', ['link', 'set', veth, 'master', lab.bridge, 'up']);
    await host('ip', ['-n', this.netns, 'addr', 'add', `${this.address}/24`, 'dev', peer]);
    await host('ip', ['-n', this.netns, 'link', 'set', peer, 'up']);
    await host('ip', ['-n', this.netns, 'link', 'set', 'lo', 'up']);
    // K3S wants a default route even air-gapped.
    await host('ip', ['-n', this.netns, 'route', 'add', 'default', 'via', lab.gateway]);
    for (const key of Object.keys(PRIVATE_DIRS)) {
      await mkdir(join(this.dir, key, 'upper'), { recursive: true });
      await mkdir(join(this.dir, key, 'work'), { recursive: true });
    }
    // As Debian's installer does: the hostname resolves locally, or sudo waits on DNS the node cannot reach.
    await writeFile(this.file('/etc/hosts'), `${await readFile('/etc/hosts', 'utf8')}\n127.0.1.1\t${this.name}\n`);
    const systemctl = this.file('/usr/local/bin/systemctl');
    await mkdir(join(systemctl, '..'), { recursive: true });
    await copyFile(join(__dirname, 'k3s-stand-in', 'systemctl.sh'), systemctl);
    await chmod(systemctl, 0o755);
    const hostKey = join(this.dir, 'ssh_host_ed25519_key');
    await host('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey]);
    const config = join(this.dir, 'sshd_config');
    await writeFile(config, this.sshdConfig(hostKey, options), { mode: 0o600 });
    const mounts = Object.entries(PRIVATE_DIRS)
      .map(([key, target]) => `mount -t overlay overlay -o lowerdir=${target},upperdir=${join(this.dir, key, 'upper')},workdir=${join(this.dir, key, 'work')} ${target}`)
      .join(' && ');
    const boot = `${mounts} && hostname ${this.name} && exec /usr/sbin/sshd -D -e -f ${config}`;
    this.sshd = spawn('ip', ['netns', 'exec', this.netns, 'unshare', '--mount', '--uts', '--propagation', 'private', 'sh', '-c', boot], { stdio: ['ignore', 'ignore', 'pipe'] });
    this.sshd.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.sshdLog += chunk));
    await this.waitForSshd();
  }

  /** Everything in the node's network namespace (sshd, its sessions, the stand-in K3S services), then the namespace. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      const pids = (await host('ip', ['netns', 'pids', this.netns]).catch(() => '')).split('\n').filter(Boolean).map(Number);
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Gone already.
        }
      }
      if (this.sshd && this.sshd.exitCode === null) await new Promise((resolve) => this.sshd?.once('exit', resolve));
      await hostQuietly('ip', ['netns', 'del', this.netns]);
    })();
    return this.stopped;
  }

  logs(): string {
    return this.sshdLog;
  }

  private sshdConfig(hostKey: string, options: LabNodeOptions): string {
    const { users } = this.lab;
    const allowed = [users.sudoWithoutPassword, users.sudoWithPassword].map((user) => (options.onlyFrom ? `${user}@${options.onlyFrom}` : user));
    return [
      `ListenAddress ${this.address}:22`,
      `HostKey ${hostKey}`,
      `PidFile ${join(this.dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(this.lab.dir, 'authorized_keys', '%u')}`,
      `AllowUsers ${allowed.join(' ')}`,
      'StrictModes no',
      'UsePAM no',
      'PermitRootLogin no',
      'PubkeyAuthentication yes',
      'PasswordAuthentication yes',
      'KbdInteractiveAuthentication no',
      'AllowTcpForwarding yes',
      'UseDNS no',
      'PrintMotd no',
      'LogLevel VERBOSE',
      'Subsystem sftp internal-sftp',
      '',
    ].join('\n');
  }

  private waitForSshd(): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`sshd of ${this.name} did not listen within 10 s:\n${this.sshdLog}`)), 10_000);
      const check = () => {
        if (!this.sshdLog.includes('Server listening on')) return;
        clearTimeout(timer);
        this.sshd?.stderr?.off('data', check);
        resolve();
      };
      this.sshd?.stderr?.on('data', check);
      this.sshd?.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`sshd of ${this.name} exited (${code}) before listening:\n${this.sshdLog}`));
      });
    });
  }
}

/** 10.213.<n>.0/24 that no interface of the test host uses yet. */
async function freeSubnet(): Promise<string> {
  const used = await host('ip', ['-4', '-o', 'addr', 'show']);
  for (let attempt = 0; attempt < 50; attempt++) {
    const subnet = `10.213.${1 + Math.floor(Math.random() * 250)}`;
    if (!used.includes(` ${subnet}.`)) return subnet;
  }
  throw new Error('no free 10.213.x.0/24 subnet for the lab');
}
