import { createServer, type Server, type Socket } from 'node:net';
import type { NodeShell } from '../remote/node-shell';

/**
 * A local port whose connections the server node opens to its own API (127.0.0.1:6443): the
 * installer reaches the API over the SSH connection it already has, so it works behind a jump
 * host or a firewall that lets only SSH through. The API certificate carries 127.0.0.1.
 */
export class ApiTunnel {
  private constructor(
    private readonly server: Server,
    private readonly sockets: Set<Socket>,
    readonly localPort: number,
  ) {}

  static async open(shell: NodeShell, apiPort: number): Promise<ApiTunnel> {
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
      shell.forward('127.0.0.1', apiPort).then(
        (stream) => {
          socket.pipe(stream).pipe(socket);
          stream.on('error', () => socket.destroy());
          stream.once('close', () => socket.destroy());
          socket.once('close', () => stream.destroy());
        },
        () => socket.destroy(),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    return new ApiTunnel(server, sockets, typeof address === 'object' && address ? address.port : 0);
  }

  /** The API URL through the tunnel, with the scheme of `serverUrl`. */
  url(serverUrl: string): string {
    return `${new URL(serverUrl).protocol}//127.0.0.1:${this.localPort}`;
  }

  close(): Promise<void> {
    this.sockets.forEach((socket) => socket.destroy());
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
