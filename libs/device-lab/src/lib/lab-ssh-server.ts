import { createServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import { Server as SshServer } from 'ssh2';
import { LabConfigError } from './lab-errors';
import type { LabDevice, LabFleet } from './lab-fleet';
import { serveConnection, type SessionErrorHandler } from './ssh-connection';
import { sshServerConfig } from './ssh-profile';

/**
 * Every device's SSH endpoint from one process: one plain TCP listener per device, and
 * the SSH protocol attached per connection with `injectSocket`. A listener costs a file
 * descriptor and a few KB, which is what lets a thousand devices start in about a second.
 */
export class LabSshServer {
  private readonly listeners: NetServer[] = [];
  private readonly sockets = new Set<Socket>();

  constructor(
    private readonly fleet: LabFleet,
    private readonly onSessionError: SessionErrorHandler,
  ) {}

  /** Listens for every device; the devices' ports are the actual ones afterwards. */
  async listen(): Promise<void> {
    try {
      await Promise.all(this.fleet.list().map((device) => this.listenFor(device)));
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  /** Stops listening and drops every open connection. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const listeners = this.listeners.splice(0);
    await Promise.all(listeners.map((listener) => new Promise<void>((resolve) => listener.close(() => resolve()))));
  }

  private listenFor(device: LabDevice): Promise<void> {
    const { name, address } = device.identity;
    const listener = createServer({ noDelay: true }, (socket) => this.accept(device, socket));
    this.listeners.push(listener);
    return new Promise((resolve, reject) => {
      listener.once('error', (error) =>
        reject(new LabConfigError(`${name} cannot listen on ${address}:${device.port}: ${error.message}`)),
      );
      listener.listen({ host: address, port: device.port }, () => {
        device.port = (listener.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  private accept(device: LabDevice, socket: Socket): void {
    const { name } = device.identity;
    this.sockets.add(socket);
    this.fleet.sessionOpened(name);
    // Clients resetting connections is routine for a lab, not an error of the lab.
    socket.on('error', () => undefined);
    socket.once('close', () => {
      this.sockets.delete(socket);
      this.fleet.sessionClosed(name);
    });
    // A fresh ssh2 Server per connection: it reads the device's key and faults as they are now,
    // and hands the raw socket to the session so disconnect-mid-output can drop it.
    sshServerConfig(this.fleet, device).then(
      (config) => {
        if (socket.destroyed) return;
        const ssh = new SshServer(config, (connection) =>
          serveConnection(this.fleet, name, connection, socket, this.onSessionError),
        );
        ssh.injectSocket(socket);
      },
      (error: unknown) => {
        this.onSessionError(name, error);
        socket.destroy();
      },
    );
  }
}
